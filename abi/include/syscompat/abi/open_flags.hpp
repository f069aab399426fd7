// open(2) flags whose values differ between ABIs or between the kernel and libc headers.
#pragma once

#include <cstdint>

#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

// O_LARGEFILE as each ABI's uapi asm/fcntl.h defines it. glibc's 64-bit headers define it
// as 0 (the kernel forces it for 64-bit callers), so its macro cannot stand for the flag a
// 32-bit guest passes.
constexpr std::uint32_t o_largefile(Abi abi) {
  switch (abi) {
    case Abi::arm_eabi:
    case Abi::aarch64:
      return 0400000;
    case Abi::mips_o32:
      return 0x2000;
    default:
      return 0100000;  // asm-generic: x86, riscv64
  }
}

}  // namespace syscompat::abi
