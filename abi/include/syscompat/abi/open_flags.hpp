// open(2) flags whose values differ between ABIs or between the kernel and libc headers.
#pragma once

#include <cstdint>

#include "syscompat/abi/constants/files.hpp"

namespace syscompat::abi {

// O_LARGEFILE as each ABI's uapi asm/fcntl.h defines it (the open_flags vocabulary's row).
// glibc's 64-bit headers define it as 0 (the kernel forces it for 64-bit callers), so its
// macro cannot stand for the flag a 32-bit guest passes.
inline constexpr const ConstantRow& o_largefile_row =
    constant_row(vocab::open_flags.rows, "O_LARGEFILE");
constexpr std::uint32_t o_largefile(Abi abi) {
  return static_cast<std::uint32_t>(*constant_value(o_largefile_row, abi));
}
static_assert(o_largefile(Abi::i386) == 0100000 && o_largefile(Abi::arm_eabi) == 0400000);

}  // namespace syscompat::abi
