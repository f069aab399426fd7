// The signals that came while the shim served a guest call and wait for its return to the
// guest: one instance of each signal at a time, with its siginfo.
//
// While an instance waits here, the host mask the interrupted code resumes with blocks its
// signal, so further instances stay queued in the kernel: real-time ones in order, each with
// its own siginfo and bounded by RLIMIT_SIGPENDING, standard ones coalesced, as for a native
// process. The guest's mask does not have that bit: release() takes it out when the waiting
// instances are delivered, and the kernel hands over the next instance once the guest's
// mask (its handler's return, say) unblocks the signal again.
//
// Written only by host signal handlers (every signal blocked while they run) and read by the
// shim on the way back to the guest. One per guest thread.
#pragma once

#include <signal.h>

#include <cstdint>

namespace syscompat::run32 {

class PendingSignals {
 public:
  static constexpr int last_signal = 64;

  // From a host handler that interrupted the shim: keeps the instance and blocks its signal
  // in `interrupted_mask`, the mask the shim resumes with. A second instance of a signal
  // that already waits (the guest's call unblocked it meanwhile) goes back to the kernel's
  // queue, blocked there as the first.
  void add(int signal, const siginfo_t& info, sigset_t& interrupted_mask);

  bool waiting(int signal) const { return waiting_[signal] != 0; }

  // Whether add() blocked `signal` in the host mask (the guest did not).
  bool holds(int signal) const { return (held_ >> (signal - 1) & 1) != 0; }

  // Takes the waiting instance of `signal` (when waiting(signal)).
  const siginfo_t& take(int signal) {
    waiting_[signal] = 0;
    return info_[signal];
  }

  // Unblocks in `mask` the signals add() blocked (the guest's own mask never had them).
  void release(sigset_t& mask);

 private:
  siginfo_t info_[last_signal + 1]{};
  volatile sig_atomic_t waiting_[last_signal + 1]{};
  std::uint64_t held_ = 0;  // bit signal-1: blocked by add(), not by the guest
};

}  // namespace syscompat::run32
