// seccomp for the i386 guest (kernel/seccomp.c): strict mode and filters judge the guest's
// own calls as the kernel judges a compat task's — seccomp_data with AUDIT_ARCH_I386, the
// i386 number, the six argument registers zero-extended — before the shim serves them. The
// shim's own x86_64 calls are never judged: a filter installed in the kernel would judge
// those instead (and never see an i386 number).
//
// Per guest thread, as the kernel keeps it per task: a new thread, a forked child and a
// child on this memory take their creator's mode and filters; an execve of an i386 program
// passes them to the new shim (--seccomp-fd); one of a native program installs them in the
// kernel, where the program's x86_64 calls meet them as the kernel's would.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "guest_registers.hpp"
#include "syscompat/translators/process_hooks.hpp"
#include "syscompat/translators/seccomp_filter.hpp"

namespace syscompat::run32 {

// One installed filter, immutable once made; the newest points at the ones before it, which
// the threads that installed no filter since keep sharing.
struct SeccompFilter {
  std::vector<translators::seccomp::Instruction> program;
  bool log = false;  // SECCOMP_FILTER_FLAG_LOG
  const SeccompFilter* previous = nullptr;
};

// A thread's mode and newest filter, as one value: what a new thread, a forked child or a
// child on this memory starts with.
struct SeccompState {
  int mode = SECCOMP_MODE_DISABLED;
  const SeccompFilter* filter = nullptr;  // the newest
};

// The state a guest thread keeps: written by the thread itself, or by another's
// SECCOMP_FILTER_FLAG_TSYNC (under the thread registry's lock); read by the thread.
class GuestSeccomp {
 public:
  SeccompState get() const {
    return {mode_.load(std::memory_order_acquire), filter_.load(std::memory_order_acquire)};
  }
  void set(const SeccompState& state) {
    filter_.store(state.filter, std::memory_order_release);
    mode_.store(state.mode, std::memory_order_release);
  }

 private:
  std::atomic<int> mode_{SECCOMP_MODE_DISABLED};
  std::atomic<const SeccompFilter*> filter_{nullptr};
};

// seccomp(SECCOMP_SET_MODE_STRICT / SECCOMP_SET_MODE_FILTER) and prctl(PR_SET_SECCOMP) for
// the calling guest thread: seccomp_set_mode_strict / seccomp_set_mode_filter.
std::int32_t set_guest_seccomp(const translators::SeccompRequest& request);

// __secure_computing for a guest call about to be served: nullopt to serve it; otherwise
// the value the guest's eax gets (the call skipped: SECCOMP_RET_ERRNO, TRACE with no
// tracer, TRAP with its SIGSYS queued). Kills the thread or the process as the kernel does.
std::optional<std::int32_t> judge_guest_call(const GuestRegisters& registers, std::uint32_t number,
                                             const std::array<std::uint32_t, 6>& arguments);

// An execve: the filters written to a descriptor the new shim reads (`descriptor` -1 when
// there are none; 0 or -errno); and, for a native program, installed in the kernel (0 or
// -errno), where they stay should the execve fail.
std::int32_t seccomp_for_shim_execve(int& descriptor);
std::int32_t seccomp_for_native_execve();
// The new shim takes the filters its parent shim passed (run32 --seccomp-fd), and closes it.
// false when the descriptor does not hold them.
bool adopt_seccomp_from(int descriptor);

}  // namespace syscompat::run32
