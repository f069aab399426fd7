// The guest's vDSO: an ELF shared object with no symbols, only there so that i386 glibc
// honours AT_SYSINFO (it reads AT_SYSINFO only when AT_SYSINFO_EHDR names a vDSO; without one
// it makes every syscall with int $0x80). Having no __vdso_* symbols, libc makes real calls
// for clock_gettime and friends, and every one of them reaches the shim.
#pragma once

#include <cstdint>
#include <vector>

namespace syscompat::run32 {

// The image, linked to run at `load_address` (so the dynamic linker's load bias is 0).
std::vector<std::uint8_t> minimal_vdso_image(std::uint32_t load_address);

}  // namespace syscompat::run32
