// x86 segment selectors as an x86_64 kernel gives them to 32-bit tasks
// (arch/x86/include/asm/segment.h): the GDT's TLS entries (GDT_ENTRY_TLS_MIN,
// GDT_ENTRY_TLS_ENTRIES; set_thread_area's entry numbers) and a selector's parts.
#pragma once

#include <cstdint>

namespace syscompat::abi::x86 {

inline constexpr std::uint32_t gdt_entry_tls_min = 12, gdt_entry_tls_entries = 3;
// __USER_CS, the one 64-bit user code selector: user_64bit_mode() is `cs == __USER_CS`.
inline constexpr std::uint32_t user_cs = 0x33;

constexpr std::uint32_t selector_index(std::uint32_t selector) {
  return (selector & 0xffff) >> 3;
}
constexpr bool selector_in_ldt(std::uint32_t selector) {
  return (selector & 4) != 0;  // SEGMENT_TI_MASK
}

}  // namespace syscompat::abi::x86
