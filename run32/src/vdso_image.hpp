// The guest's vDSO: an i386 ELF shared object laid out as the kernel's vdso32 is (linked at
// 0; .hash, .gnu.hash, .dynsym, .dynstr, .gnu.version, .gnu.version_d, .dynamic, .text, then
// section headers; soname linux-gate.so.1; versions LINUX_2.6 and LINUX_2.5), so that every
// i386 vDSO parser accepts it: glibc's dynamic linker, musl's, Go's runtime. It exports what
// the kernel's exports under LINUX_2.5: __kernel_vsyscall (the AT_SYSINFO entry),
// __kernel_sigreturn and __kernel_rt_sigreturn. The __vdso_* time functions (LINUX_2.6) are
// not there yet: libc then makes those calls as system calls, each served by the shim.
#pragma once

#include <cstdint>
#include <vector>

namespace syscompat::run32 {

// Where the code goes in the one page of the image; the caller writes it there.
struct VdsoText {
  static constexpr std::uint32_t vsyscall = 0x800;  // __kernel_vsyscall, the AT_SYSINFO entry
  static constexpr std::uint32_t sigreturn = 0x900, rt_sigreturn = 0x910;  // 8 bytes each
  static constexpr std::uint32_t sigreturn_size = 8;
  static constexpr std::uint32_t end = rt_sigreturn + sigreturn_size;
};

// The image (one page), its code areas left zero; `vsyscall_size` is __kernel_vsyscall's
// size in bytes (at most VdsoText::sigreturn - VdsoText::vsyscall).
std::vector<std::uint8_t> vdso_image(std::uint32_t vsyscall_size);

}  // namespace syscompat::run32
