// Old-kernel simulation: a seccomp filter under which every syscall introduced after a
// release fails with an errno (ENOSYS, as on the old kernel, or EPERM), on both the x86_64
// and the i386 entry paths, from the since-releases in the description.
#pragma once

#include <string>
#include <vector>

#include "syscompat/abi/syscalls.hpp"

namespace syscompat::sys::oldkernel {

// The calls a kernel of `release` lacks, x86_64 first then i386, each by number.
std::vector<const abi::Syscall*> refused(const abi::Release& release);

// The filter for `release` has a rule for every refused call. libseccomp places the x86_64
// rules by number and the i386 ones by name (checked against the description's number);
// i386 numbers it has no plain name for (direct socket/IPC entries it folds into
// socketcall/ipc, calls newer than its tables) go to a small BPF supplement. A name it
// knows by another number is a problem, and nothing is loaded.
struct FilterReport {
  std::size_t x86_64_rules = 0;
  std::size_t i386_rules = 0;
  std::vector<std::uint32_t> i386_supplement;
  std::vector<std::string> problems;
};

// Sets no_new_privs and loads the filter into this process (inherited by children and kept
// across execve). On failure returns false with `error` set; nothing is loaded then.
bool install(const abi::Release& release, int error_number, FilterReport& report,
             std::string& error);

// A kernel that cannot run i386 programs (ia32_emulation=0, no IA32_EMULATION, a profile
// refusing the x86 arch): every syscall made through the i386 entry (int $0x80, sysenter,
// the 32-bit syscall instruction; seccomp's AUDIT_ARCH_I386) refused. `enosys` fails it as
// a kernel without the entry's calls does; `kill` ends the process with SIGSYS at its first
// one, the nearest a filter comes to the SIGSEGV that int $0x80 raises under
// ia32_emulation=0 (seccomp cannot raise SIGSEGV). Sets no_new_privs; inherited by children
// and kept across execve. Returns 0 or -errno.
enum class I386Refusal { enosys, kill };
int deny_i386(I386Refusal how);

// Loads a filter that makes just these x86_64 numbers fail with `error_number` (tests force
// fallbacks with it). Returns 0 or -errno.
int deny_x86_64(const std::vector<std::uint32_t>& numbers, int error_number);

}  // namespace syscompat::sys::oldkernel
