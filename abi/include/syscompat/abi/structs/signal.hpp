// signal structs: sigset_t, sigaction, stack_t, siginfo_t (and the members of its
// _sifields union that a compat layer converts), sigevent.
//
// All from <linux/signal.h>, which pulls in the arch's asm/signal.h and asm/siginfo.h.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// ---- sigset_t ---------------------------------------------------------------------------

// x86's and arm's asm/signal.h (one declaration, word for word the same in both):
// `typedef unsigned long sigset_t;`, the one-word set of NSIG 32 that the legacy
// sigprocmask/sigpending/sigsuspend/sigaction calls read as old_sigset_t. A bare scalar has
// no member to probe, so the probe wraps it in a one-member struct; `sig` names the word as
// asm-generic's array does. x32 has none of those legacy calls: its rt_* calls are the
// native ones (or compat ones reading compat_sigset_t, 8 bytes), so the kernel's sigset is
// 64 bits there, not the header's 32-bit unsigned long.
template <class M>
using sigset_word_t =
    std::conditional_t<M::abi == Abi::x32, typename M::kernel_ulong, typename M::c_ulong>;

SYSCOMPAT_STRUCT(sigset_long, "sigset", uapi("linux/signal.h", "struct { sigset_t sig; }"),
                 (sig, sigset_word_t<M>));

// asm-generic/signal.h (aarch64, riscv64) and mips' asm/signal.h declare the same
// `struct { unsigned long sig[_NSIG_WORDS]; }`; only _NSIG differs: 64, and 128 on mips.
template <class M>
inline constexpr std::size_t sigset_nsig = M::abi == Abi::mips_o32 ? 128 : 64;
template <class M>
inline constexpr std::size_t sigset_nwords = sigset_nsig<M> / (8 * M::params.pointer_size);

SYSCOMPAT_STRUCT(sigset_array, "sigset", uapi("linux/signal.h", "sigset_t"),
                 (sig, c_ulong[sigset_nwords<M>]));

template <class M>
using sigset =
    std::conditional_t<M::abi == Abi::aarch64 || M::abi == Abi::riscv64 || M::abi == Abi::mips_o32,
                       sigset_array<M>, sigset_long<M>>;

// ---- sigaction --------------------------------------------------------------------------
// glibc's <signal.h> makes sa_handler a macro, so its member is `handler` in C++ and keeps
// its C name for the probes (as stat's st_atime does).

// i386's (x86 asm/signal.h under __i386__) and arm's asm/signal.h: the old layout, with the
// handler in a union named _u and a one-word sa_mask. This is the kernel's old_sigaction of
// the legacy sigaction call; rt_sigaction's layout is not declared by these headers.
template <class M>
using sigaction_u = Union<"_u", typename M::ptr, typename M::ptr>;  // _sa_handler, _sa_sigaction

SYSCOMPAT_STRUCT(sigaction_old, "sigaction", uapi("linux/signal.h", "struct sigaction"),
                 (_u, sigaction_u<M>),
                 (sa_mask, c_ulong),
                 (sa_flags, c_ulong),
                 (sa_restorer, ptr));

// x86 asm/signal.h, not __i386__ (x86_64, x32). x32's only call that reads it is
// rt_sigaction = compat_sys_rt_sigaction, whose compat_sigaction ends in
// `compat_sigset_t sa_mask __packed` (8 bytes, and sigsetsize must be 8); the header's
// sa_mask is a 4-byte unsigned long there.
template <class M>
using sigaction_x86_64_mask_t =
    std::conditional_t<M::abi == Abi::x32, packed_t<typename M::kernel_ulong>, typename M::c_ulong>;

SYSCOMPAT_STRUCT(sigaction_x86_64, "sigaction", uapi("linux/signal.h", "struct sigaction"),
                 (handler, ptr, true, "sa_handler"),
                 (sa_flags, c_ulong),
                 (sa_restorer, ptr),
                 (sa_mask, sigaction_x86_64_mask_t<M>));

// asm-generic/signal.h (aarch64, riscv64): sa_restorer only #ifdef SA_RESTORER, which
// aarch64's asm/signal.h defines (for AArch32 compat) and riscv's does not.
SYSCOMPAT_STRUCT(sigaction_generic, "sigaction", uapi("linux/signal.h", "struct sigaction"),
                 (handler, ptr, true, "sa_handler"),
                 (sa_flags, c_ulong),
                 (sa_restorer, ptr, M::abi == Abi::aarch64),
                 (sa_mask, sigset<M>));

// mips' asm/signal.h (the IRIX order): flags first, an unsigned int.
SYSCOMPAT_STRUCT(sigaction_mips, "sigaction", uapi("linux/signal.h", "struct sigaction"),
                 (sa_flags, c_uint),
                 (handler, ptr, true, "sa_handler"),
                 (sa_mask, sigset<M>));

template <class M>
using sigaction = std::conditional_t<
    M::abi == Abi::i386 || M::abi == Abi::arm_eabi, sigaction_old<M>,
    std::conditional_t<
        M::abi == Abi::x86_64 || M::abi == Abi::x32, sigaction_x86_64<M>,
        std::conditional_t<M::abi == Abi::mips_o32, sigaction_mips<M>, sigaction_generic<M>>>>;

// ---- stack_t ----------------------------------------------------------------------------

// x86's, arm's and asm-generic's asm/signal.h (one declaration in all three).
SYSCOMPAT_STRUCT(stack_t_generic, "stack_t", uapi("linux/signal.h", "stack_t"),
                 (ss_sp, ptr),
                 (ss_flags, c_int),
                 (ss_size, kernel_size));

// mips' asm/signal.h: ss_size before ss_flags.
SYSCOMPAT_STRUCT(stack_t_mips, "stack_t", uapi("linux/signal.h", "stack_t"),
                 (ss_sp, ptr),
                 (ss_size, kernel_size),
                 (ss_flags, c_int));

template <class M>
using stack_t = std::conditional_t<M::abi == Abi::mips_o32, stack_t_mips<M>, stack_t_generic<M>>;

// ---- siginfo_t (asm-generic/siginfo.h, with x86's and mips' asm/siginfo.h settings) ----

// sigval_t: `union sigval { int sival_int; void *sival_ptr; }`.
template <class M>
using sigval = Union<"sigval", typename M::c_int, typename M::ptr>;

// __ARCH_SI_CLOCK_T: x86's asm/siginfo.h makes it `long long __attribute__((aligned(4)))`
// on x32; __kernel_clock_t elsewhere.
template <class M>
using si_clock_t =
    std::conditional_t<M::abi == Abi::x32, Scalar<std::int64_t, 4, M::order, "kernel_si_clock">,
                       typename M::kernel_clock>;

SYSCOMPAT_STRUCT(siginfo_kill, "siginfo_kill",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._kill)"),
                 (_pid, kernel_pid),
                 (_uid, kernel_uid32));

SYSCOMPAT_STRUCT(siginfo_timer, "siginfo_timer",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._timer)"),
                 (_tid, kernel_timer),
                 (_overrun, c_int),
                 (_sigval, sigval<M>),
                 (_sys_private, c_int));

SYSCOMPAT_STRUCT(siginfo_rt, "siginfo_rt",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._rt)"),
                 (_pid, kernel_pid),
                 (_uid, kernel_uid32),
                 (_sigval, sigval<M>));

SYSCOMPAT_STRUCT(siginfo_sigchld, "siginfo_sigchld",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._sigchld)"),
                 (_pid, kernel_pid),
                 (_uid, kernel_uid32),
                 (_status, c_int),
                 (_utime, si_clock_t<M>),
                 (_stime, si_clock_t<M>));

// _sigfault's anonymous union: its struct members. __ADDR_BND_PKEY_PAD puts _lower/_upper
// and _pkey after a pointer-aligned dummy, at least a short.
template <class M>
inline constexpr std::size_t addr_bnd_pkey_pad = std::max(alignof(typename M::ptr),
                                                          sizeof(typename M::c_short));

SYSCOMPAT_STRUCT(siginfo_addr_bnd, "siginfo_addr_bnd",
                 uapi("linux/signal.h",
                      "__typeof__(((siginfo_t *)0)->_sifields._sigfault._addr_bnd)"),
                 (_dummy_bnd, c_char[addr_bnd_pkey_pad<M>]),
                 (_lower, ptr),
                 (_upper, ptr));

SYSCOMPAT_STRUCT(siginfo_addr_pkey, "siginfo_addr_pkey",
                 uapi("linux/signal.h",
                      "__typeof__(((siginfo_t *)0)->_sifields._sigfault._addr_pkey)"),
                 (_dummy_pkey, c_char[addr_bnd_pkey_pad<M>]),
                 (_pkey, u32));

SYSCOMPAT_STRUCT(siginfo_perf, "siginfo_perf",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._sigfault._perf)"),
                 (_data, c_ulong),
                 (_type, u32),
                 (_flags, u32));

// { int _trapno; short _addr_lsb; _addr_bnd; _addr_pkey; _perf; } (the ia64-only fields
// before it are on none of the ABIs).
template <class M>
using sigfault_union = Union<"_sigfault", typename M::c_int, typename M::c_short,
                             siginfo_addr_bnd<M>, siginfo_addr_pkey<M>, siginfo_perf<M>>;

// The union has no name in C, so it cannot be probed as one member: it is counted as
// unnamed room here, and its members are checked through the entries above.
SYSCOMPAT_STRUCT(siginfo_sigfault, "siginfo_sigfault",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._sigfault)"),
                 (_addr, ptr),
                 (_trapno_lsb_bnd_pkey_perf, Pad<sizeof(sigfault_union<M>)>));

// __ARCH_SI_BAND_T: long on all of these ABIs.
SYSCOMPAT_STRUCT(siginfo_sigpoll, "siginfo_sigpoll",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._sigpoll)"),
                 (_band, c_long),
                 (_fd, c_int));

SYSCOMPAT_STRUCT(siginfo_sigsys, "siginfo_sigsys",
                 uapi("linux/signal.h", "__typeof__(((siginfo_t *)0)->_sifields._sigsys)"),
                 (_call_addr, ptr),
                 (_syscall, c_int),
                 (_arch, c_uint));

template <class M>
using siginfo_sifields =
    Union<"__sifields", siginfo_kill<M>, siginfo_timer<M>, siginfo_rt<M>, siginfo_sigchld<M>,
          siginfo_sigfault<M>, siginfo_sigpoll<M>, siginfo_sigsys<M>>;

// siginfo_t is { union { struct { header; _sifields; }; int _si_pad[32]; }; }: 128 bytes
// (SI_MAX_SIZE) everywhere. The part of _si_pad past _sifields is unnamed room here.
inline constexpr std::size_t si_max_size = 128;
template <class M>
inline constexpr std::size_t sifields_align = alignof(siginfo_sifields<M>);
template <class M>  // si_signo, si_errno, si_code, then _sifields' alignment
inline constexpr std::size_t siginfo_head =
    (3 * sizeof(typename M::c_int) + sifields_align<M> - 1) / sifields_align<M> * sifields_align<M>;
template <class M>
using siginfo_tail_t = Pad<si_max_size - siginfo_head<M> - sizeof(siginfo_sifields<M>)>;

// __ARCH_SI_ATTRIBUTES: x86's asm/siginfo.h aligns x32's siginfo to 8.
template <class M>
inline constexpr std::size_t siginfo_align = M::abi == Abi::x32 ? 8 : sifields_align<M>;

// __ARCH_HAS_SWAPPED_SIGINFO (mips): si_code before si_errno.
SYSCOMPAT_ALIGNED_STRUCT(siginfo, "siginfo", siginfo_align<M>,
                         uapi("linux/signal.h", "siginfo_t"),
                         (si_signo, c_int),
                         (si_errno, c_int, !M::params.swapped_siginfo),
                         (si_code, c_int),
                         (si_errno_swapped, c_int, M::params.swapped_siginfo, "si_errno"),
                         (_sifields, siginfo_sifields<M>),
                         (_si_pad_tail, siginfo_tail_t<M>));

// ---- sigevent (asm-generic/siginfo.h) ---------------------------------------------------

// _sigev_thread: { void (*_function)(sigval_t); void *_attribute; }. Only libc reads it
// (SIGEV_THREAD); described so that the union below has its real members.
SYSCOMPAT_STRUCT(sigevent_thread, "sigevent_thread",
                 uapi("linux/signal.h",
                      "__typeof__(((struct sigevent *)0)->_sigev_un._sigev_thread)"),
                 (_function, ptr),
                 (_attribute, ptr));

// SIGEV_PAD_SIZE = (SIGEV_MAX_SIZE 64 - __ARCH_SIGEV_PREAMBLE_SIZE) / sizeof(int), the
// preamble being 2 ints and a sigval_t, or on mips (asm/siginfo.h) a long and 2 ints.
template <class M>
inline constexpr std::size_t sigev_preamble_size =
    M::abi == Abi::mips_o32 ? sizeof(typename M::c_long) + 2 * sizeof(typename M::c_int)
                            : 2 * sizeof(typename M::c_int) + sizeof(sigval<M>);
template <class M>
inline constexpr std::size_t sigev_pad_size =
    (64 - sigev_preamble_size<M>) / sizeof(typename M::c_int);

// union { int _pad[SIGEV_PAD_SIZE]; int _tid; _sigev_thread; } _sigev_un.
template <class M>
using sigevent_union = Union<"_sigev_un", Array<typename M::c_int, sigev_pad_size<M>>,
                             typename M::c_int, sigevent_thread<M>>;

SYSCOMPAT_STRUCT(sigevent, "sigevent", uapi("linux/signal.h", "struct sigevent"),
                 (sigev_value, sigval<M>),
                 (sigev_signo, c_int),
                 (sigev_notify, c_int),
                 (_sigev_un, sigevent_union<M>));

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_SIGNAL(X)                                                   \
  X(sigset)                                                                           \
  X(sigaction) X(stack_t) X(siginfo) X(siginfo_kill) X(siginfo_timer) X(siginfo_rt)   \
      X(siginfo_sigchld) X(siginfo_sigfault) X(siginfo_addr_bnd) X(siginfo_addr_pkey) \
          X(siginfo_perf) X(siginfo_sigpoll) X(siginfo_sigsys) X(sigevent) X(sigevent_thread)
