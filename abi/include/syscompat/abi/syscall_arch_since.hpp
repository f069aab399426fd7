// When each ABI's own syscalls began: a row's `since` is the first release that had the call
// on x86; an architecture that came later, or got the call later, had it from then on. Each
// fact names where it comes from.
#pragma once

#include <array>
#include <string_view>

#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

struct AbiFirstRelease {
  Abi abi;
  std::string_view release;  // the first mainline release with this ABI's syscall entry
  std::string_view source;
};

// In all_abis order.
inline constexpr std::array abi_first_releases{
    AbiFirstRelease{Abi::i386, "1.0", "the original port"},
    AbiFirstRelease{Abi::x86_64, "2.4",
                    "arch/x86_64 (the x86-64 port; the first kernel for it was a 2.4 release, "
                    "2001)"},
    AbiFirstRelease{Abi::x32, "3.4", "arch/x86/syscalls/syscall_64.tbl's x32 entries (3.4)"},
    AbiFirstRelease{Abi::arm_eabi, "2.6.16", "CONFIG_AEABI (arm's EABI syscall entry, 2.6.16)"},
    AbiFirstRelease{Abi::aarch64, "3.7", "arch/arm64 (3.7)"},
    AbiFirstRelease{Abi::riscv64, "4.15", "arch/riscv (4.15)"},
    AbiFirstRelease{Abi::mips_o32, "1.3",
                    "arch/mips with its o32 numbering from 4000 (linux-mips.org: the port "
                    "moved to the 1.3 series and the MIPS ABI's numbers in 1995)"},
};

// A call an ABI got in a later release than x86 had it (i386's own later numbers are the
// rows' since_i386).
struct ArchLateAddition {
  std::string_view name;
  Abi abi;
  std::string_view release;
  std::string_view source;
};

inline constexpr std::string_view reserve_shadow_stack =
    "commit 2fd0ebad27bc \"arch: Reserve map_shadow_stack() syscall number for all "
    "architectures\", merged for 6.7 with the futex_wake calls after it";

inline constexpr std::array arch_late_additions{
    ArchLateAddition{"map_shadow_stack", Abi::arm_eabi, "6.7", reserve_shadow_stack},
    ArchLateAddition{"map_shadow_stack", Abi::aarch64, "6.7", reserve_shadow_stack},
    ArchLateAddition{"map_shadow_stack", Abi::riscv64, "6.7", reserve_shadow_stack},
    ArchLateAddition{"map_shadow_stack", Abi::mips_o32, "6.7", reserve_shadow_stack},
};

}  // namespace syscompat::abi
