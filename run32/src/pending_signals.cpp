#include "pending_signals.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include "signal_set.hpp"

namespace syscompat::run32 {

void PendingSignals::add(int signal, const siginfo_t& info, sigset_t& interrupted_mask) {
  if (waiting_[signal]) {
    // rt_tgsigqueueinfo to this very thread takes any si_code; the signal stays blocked (the
    // host handler runs with every signal blocked, and the interrupted mask gets it below).
    siginfo_t again = info;
    ::syscall(SYS_rt_tgsigqueueinfo, ::getpid(), ::gettid(), signal, &again);
  } else {
    info_[signal] = info;
    waiting_[signal] = 1;
  }
  if (!has_signal(interrupted_mask, signal)) {
    set_signal_bits(interrupted_mask, signal_bits(interrupted_mask) | signal_bit(signal));
    held_ |= signal_bit(signal);
  }
}

void PendingSignals::release(sigset_t& mask) {
  set_signal_bits(mask, signal_bits(mask) & ~held_);
  held_ = 0;
}

}  // namespace syscompat::run32
