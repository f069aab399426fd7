// siginfo_t and sigevent between i386 and x86_64, as the kernel's compat copies do: only the
// live member of the _sifields union moves (chosen by abi::siginfo_layout), the rest is
// zero. run32's signal frames and the siginfo calls (rt_sigtimedwait, waitid,
// rt_sigqueueinfo, pidfd_send_signal) share these.
#pragma once

#include "syscompat/abi/catalog.hpp"

namespace syscompat::translators {

// copy_siginfo_to_external32: what an i386 process reads for a native siginfo.
abi::siginfo<abi::I386> siginfo_to_i386(const abi::siginfo<abi::X86_64>& native);

// post_copy_siginfo_from_user32: the native siginfo an i386 process's one stands for.
abi::siginfo<abi::X86_64> siginfo_from_i386(const abi::siginfo<abi::I386>& guest);

// get_compat_sigevent: sival_int, signo, notify and the thread id; the rest zero.
abi::sigevent<abi::X86_64> sigevent_from_i386(const abi::sigevent<abi::I386>& guest);

}  // namespace syscompat::translators
