// The guest's vDSO: an i386 ELF shared object laid out as the kernel's vdso32 is (linked at
// 0; .hash, .gnu.hash, .dynsym, .dynstr, .gnu.version, .gnu.version_d, .dynamic, .text, then
// section headers; soname linux-gate.so.1; versions LINUX_2.6 and LINUX_2.5), so that every
// i386 vDSO parser accepts it: glibc's dynamic linker, musl's, Go's runtime. It exports what
// what the kernel's exports: under LINUX_2.5 __kernel_vsyscall (the AT_SYSINFO entry),
// __kernel_sigreturn and __kernel_rt_sigreturn; under LINUX_2.6 the __vdso_* functions
// (VdsoFunction), served without a system call (mode_switch.S: run32_vdso_code).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace syscompat::run32 {

// Where the code goes in the one page of the image; the caller writes it there.
struct VdsoText {
  static constexpr std::uint32_t vsyscall = 0x800;  // __kernel_vsyscall, the AT_SYSINFO entry
  static constexpr std::uint32_t sigreturn = 0x900, rt_sigreturn = 0x910;  // 8 bytes each
  static constexpr std::uint32_t sigreturn_size = 8;
  static constexpr std::uint32_t time = 0x920;  // the __vdso_* functions' code
  static constexpr std::uint32_t time_size = 0x3e0;
  static constexpr std::uint32_t end = time + time_size;
};

// The __vdso_* functions, in the order of their code and of the shim's tables for them
// (mode_switch.S: run32_vdso_layout, run32_vdso_host).
enum class VdsoFunction {
  clock_gettime,
  clock_gettime64,
  clock_getres,
  gettimeofday,
  time,
  getcpu
};
inline constexpr std::size_t vdso_function_count = 6;

// Where the code is: __kernel_vsyscall's size, and each __vdso_* function's offset from
// VdsoText::time and size, in bytes.
struct VdsoCode {
  std::uint32_t vsyscall_size;
  struct Function {
    std::uint32_t offset, size;
  };
  std::array<Function, vdso_function_count> functions;
};

// The System V ABI's ELF hash (DT_HASH; Elf32_Verdef's and Elf64_Verdef's vd_hash).
std::uint32_t elf_hash(std::string_view name);

// The image (one page), its code areas left zero; empty when the code does not fit its room
// (__kernel_vsyscall at most VdsoText::sigreturn - VdsoText::vsyscall bytes, the __vdso_*
// functions within VdsoText::time_size).
std::vector<std::uint8_t> vdso_image(const VdsoCode& code);

}  // namespace syscompat::run32
