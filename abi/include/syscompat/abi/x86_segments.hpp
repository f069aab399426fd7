// x86 segment selectors as an x86_64 kernel gives them to 32-bit tasks
// (arch/x86/include/asm/segment.h): the GDT's TLS entries (GDT_ENTRY_TLS_MIN,
// GDT_ENTRY_TLS_ENTRIES; set_thread_area's entry numbers) and a selector's parts.
// The user selectors are also plain macros, for assembly (run32's mode_switch.S).
#pragma once

// __USER32_CS, a 32-bit task's code; __USER_DS, every user task's data and stack; __USER_CS,
// the one 64-bit user code selector (user_64bit_mode() is `cs == __USER_CS`).
#define SYSCOMPAT_X86_USER32_CS 0x23
#define SYSCOMPAT_X86_USER_DS 0x2b
#define SYSCOMPAT_X86_USER_CS 0x33

#ifndef __ASSEMBLER__
#include <cstdint>

namespace syscompat::abi::x86 {

inline constexpr std::uint32_t gdt_entry_tls_min = 12, gdt_entry_tls_entries = 3;
inline constexpr std::uint32_t user32_cs = SYSCOMPAT_X86_USER32_CS;
inline constexpr std::uint32_t user_ds = SYSCOMPAT_X86_USER_DS;
inline constexpr std::uint32_t user_cs = SYSCOMPAT_X86_USER_CS;

constexpr std::uint32_t selector_index(std::uint32_t selector) {
  return (selector & 0xffff) >> 3;
}
constexpr bool selector_in_ldt(std::uint32_t selector) {
  return (selector & 4) != 0;  // SEGMENT_TI_MASK
}

}  // namespace syscompat::abi::x86
#endif  // __ASSEMBLER__
