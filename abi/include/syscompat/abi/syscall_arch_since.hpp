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

// Arnd Bergmann's "arch: synchronize syscall tables in preparation for y2038" (Jan 2019,
// merged with the y2038 calls for 5.1): "ARM: add migrate_pages() system call", "ARM: add
// kexec_file_load system call number" (4ab65ba7a5cb; kexec_file_load's 2014 number was
// x86_64's only) and "arch: add split IPC system calls where needed" (0d6040d46817), which
// gave mips o32 the direct SysV IPC calls, as it gave i386 (the rows' since_i386).
inline constexpr std::string_view synchronized_tables =
    "Arnd Bergmann's syscall table series for 5.1 (\"ARM: add migrate_pages() system call\", "
    "4ab65ba7a5cb \"ARM: add kexec_file_load system call number\", 0d6040d46817 \"arch: add "
    "split IPC system calls where needed\")";

// asm-generic's number for kexec_file_load (294) came with AKASHI Takahiro's arm64 kexec_file
// series (v16, posted after 4.20-rc1): commit 4e21565b7fd4 "asm-generic: add kexec_file_load
// system call to unistd.h", merged for 5.0. It is not in 4.19.y (the stable bot lists it as a
// missing dependency there); rust-lang/libc #3009 dates it 5.0 from the same commit. riscv64
// reads the same asm-generic table, so its entry (sys_ni_syscall until riscv's own kexec_file
// support in 5.19) begins then too.
inline constexpr std::string_view asm_generic_kexec_file_load =
    "commit 4e21565b7fd4 \"asm-generic: add kexec_file_load system call to unistd.h\" (arm64 "
    "kexec_file_load series, merged for 5.0; absent from 4.19.y)";

inline constexpr std::array arch_late_additions{
    ArchLateAddition{"map_shadow_stack", Abi::arm_eabi, "6.7", reserve_shadow_stack},
    ArchLateAddition{"map_shadow_stack", Abi::aarch64, "6.7", reserve_shadow_stack},
    ArchLateAddition{"map_shadow_stack", Abi::riscv64, "6.7", reserve_shadow_stack},
    ArchLateAddition{"map_shadow_stack", Abi::mips_o32, "6.7", reserve_shadow_stack},
    ArchLateAddition{"migrate_pages", Abi::arm_eabi, "5.1", synchronized_tables},
    ArchLateAddition{"kexec_file_load", Abi::arm_eabi, "5.1", synchronized_tables},
    ArchLateAddition{"kexec_file_load", Abi::aarch64, "5.0", asm_generic_kexec_file_load},
    ArchLateAddition{"kexec_file_load", Abi::riscv64, "5.0", asm_generic_kexec_file_load},
    ArchLateAddition{"semget", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"semctl", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"shmget", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"shmctl", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"shmat", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"shmdt", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"msgget", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"msgsnd", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"msgrcv", Abi::mips_o32, "5.1", synchronized_tables},
    ArchLateAddition{"msgctl", Abi::mips_o32, "5.1", synchronized_tables},
};

}  // namespace syscompat::abi
