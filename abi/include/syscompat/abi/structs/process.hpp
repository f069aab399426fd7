// Process structs: clocks and resource usage, system information, scheduling, robust futex
// lists, rseq and clone3.
#pragma once

#include <cstddef>

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/structs/time.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// adjtimex's old (long-sized) struct; the eleven trailing `int :32;` bit-fields are unnamed,
// so no probe can reach them: one Pad of 44 bytes.
SYSCOMPAT_STRUCT(timex, "timex", uapi("linux/timex.h", "struct timex"),
                 (modes, c_uint),
                 (offset, kernel_long),
                 (freq, kernel_long),
                 (maxerror, kernel_long),
                 (esterror, kernel_long),
                 (status, c_int),
                 (constant, kernel_long),
                 (precision, kernel_long),
                 (tolerance, kernel_long),
                 (time, timeval<M>),
                 (tick, kernel_long),
                 (ppsfreq, kernel_long),
                 (jitter, kernel_long),
                 (shift, c_int),
                 (stabil, kernel_long),
                 (jitcnt, kernel_long),
                 (calcnt, kernel_long),
                 (errcnt, kernel_long),
                 (stbcnt, kernel_long),
                 (tai, c_int),
                 (reserved, Pad<11 * 4>));

SYSCOMPAT_STRUCT(tms, "tms", uapi("linux/times.h", "struct tms"),
                 (tms_utime, kernel_clock),
                 (tms_stime, kernel_clock),
                 (tms_cutime, kernel_clock),
                 (tms_cstime, kernel_clock));

SYSCOMPAT_STRUCT(rusage, "rusage", uapi("linux/resource.h", "struct rusage"),
                 (ru_utime, old_timeval<M>),
                 (ru_stime, old_timeval<M>),
                 (ru_maxrss, kernel_long),
                 (ru_ixrss, kernel_long),
                 (ru_idrss, kernel_long),
                 (ru_isrss, kernel_long),
                 (ru_minflt, kernel_long),
                 (ru_majflt, kernel_long),
                 (ru_nswap, kernel_long),
                 (ru_inblock, kernel_long),
                 (ru_oublock, kernel_long),
                 (ru_msgsnd, kernel_long),
                 (ru_msgrcv, kernel_long),
                 (ru_nsignals, kernel_long),
                 (ru_nvcsw, kernel_long),
                 (ru_nivcsw, kernel_long));

// clang-format on

// put_old_timex32, compat_sys_times (clock_t_to_compat_clock_t) and put_compat_rusage assign
// each member: the low 32 bits of a value that does not fit, never EOVERFLOW.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<timex<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<tms<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<rusage<M>> = Narrowing::truncate;

// clang-format off

SYSCOMPAT_STRUCT(rlimit, "rlimit", uapi("linux/resource.h", "struct rlimit"),
                 (rlim_cur, kernel_ulong),
                 (rlim_max, kernel_ulong));

// put_compat_rlimit: a limit past the 32-bit range is COMPAT_RLIM_INFINITY (0xffffffff).
template <class M>
inline constexpr std::array member_rules<rlimit<M>>{
    MemberRule{.member = "rlim_cur", .narrowing = Narrowing::clamp},
    MemberRule{.member = "rlim_max", .narrowing = Narrowing::clamp}};

SYSCOMPAT_STRUCT(rlimit64, "rlimit64", uapi("linux/resource.h", "struct rlimit64"),
                 (rlim_cur, u64),
                 (rlim_max, u64));

// sysinfo pads itself to libc5's size with
// `char _f[20-2*sizeof(__kernel_ulong_t)-sizeof(__u32)]`: 8 bytes where __kernel_ulong_t is 4,
// a zero-length array (no field, no bytes) where it is 8.
template <class M>
inline constexpr std::size_t sysinfo_f_size = 20 - 2 * M::params.kernel_long_size - 4;
template <class M>
using sysinfo_f_t = Array<typename M::c_char, sysinfo_f_size<M>>;

SYSCOMPAT_STRUCT(sysinfo, "sysinfo", uapi("linux/sysinfo.h", "struct sysinfo"),
                 (uptime, kernel_long),
                 (loads, kernel_ulong[3]),
                 (totalram, kernel_ulong),
                 (freeram, kernel_ulong),
                 (sharedram, kernel_ulong),
                 (bufferram, kernel_ulong),
                 (totalswap, kernel_ulong),
                 (freeswap, kernel_ulong),
                 (procs, u16),
                 (pad, u16),
                 (totalhigh, kernel_ulong),
                 (freehigh, kernel_ulong),
                 (mem_unit, u32),
                 (_f, sysinfo_f_t<M>, sysinfo_f_size<M> != 0));

// uname's three generations: olduname's 9-byte fields, then 65-byte ones without and with
// domainname.
SYSCOMPAT_STRUCT(oldold_utsname, "oldold_utsname",
                 uapi("linux/utsname.h", "struct oldold_utsname"),
                 (sysname, c_char[9]),
                 (nodename, c_char[9]),
                 (release, c_char[9]),
                 (version, c_char[9]),
                 (machine, c_char[9]));

SYSCOMPAT_STRUCT(old_utsname, "old_utsname", uapi("linux/utsname.h", "struct old_utsname"),
                 (sysname, c_char[65]),
                 (nodename, c_char[65]),
                 (release, c_char[65]),
                 (version, c_char[65]),
                 (machine, c_char[65]));

SYSCOMPAT_STRUCT(new_utsname, "new_utsname", uapi("linux/utsname.h", "struct new_utsname"),
                 (sysname, c_char[65]),
                 (nodename, c_char[65]),
                 (release, c_char[65]),
                 (version, c_char[65]),
                 (machine, c_char[65]),
                 (domainname, c_char[65]));

SYSCOMPAT_STRUCT(sched_param, "sched_param", uapi("linux/sched/types.h", "struct sched_param"),
                 (sched_priority, c_int));

// The extensible sched_setattr struct at SCHED_ATTR_SIZE_VER1 (56 bytes); `size` says which
// version user space passed.
SYSCOMPAT_STRUCT(sched_attr, "sched_attr", uapi("linux/sched/types.h", "struct sched_attr"),
                 (size, u32),
                 (sched_policy, u32),
                 (sched_flags, u64),
                 (sched_nice, s32),
                 (sched_priority, u32),
                 (sched_runtime, u64),
                 (sched_deadline, u64),
                 (sched_period, u64),
                 (sched_util_min, u32),
                 (sched_util_max, u32));

SYSCOMPAT_STRUCT(robust_list, "robust_list", uapi("linux/futex.h", "struct robust_list"),
                 (next, ptr));

SYSCOMPAT_STRUCT(robust_list_head, "robust_list_head",
                 uapi("linux/futex.h", "struct robust_list_head"),
                 (list, robust_list<M>),
                 (futex_offset, c_long),
                 (list_op_pending, ptr));

// __attribute__((aligned(4 * sizeof(__u64)))): 32 bytes, so the area never crosses a cache line.
SYSCOMPAT_ALIGNED_STRUCT(rseq, "rseq", 32, uapi("linux/rseq.h", "struct rseq"),
                         (cpu_id_start, u32),
                         (cpu_id, u32),
                         (rseq_cs, u64),
                         (flags, u32));

// clone3's extensible argument (CLONE_ARGS_SIZE_VER2, 88 bytes); __aligned_u64 keeps i386's
// layout the same as the 64-bit ABIs'.
SYSCOMPAT_STRUCT(clone_args, "clone_args", uapi("linux/sched.h", "struct clone_args"),
                 (flags, aligned_u64),
                 (pidfd, aligned_u64),
                 (child_tid, aligned_u64),
                 (parent_tid, aligned_u64),
                 (exit_signal, aligned_u64),
                 (stack, aligned_u64),
                 (stack_size, aligned_u64),
                 (tls, aligned_u64),
                 (set_tid, aligned_u64),
                 (set_tid_size, aligned_u64),
                 (cgroup, aligned_u64));

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_PROCESS(X)                                                         \
  X(timex)                                                                                   \
  X(tms) X(rusage) X(rlimit) X(rlimit64) X(sysinfo) X(oldold_utsname) X(old_utsname)         \
      X(new_utsname) X(sched_param) X(sched_attr) X(robust_list) X(robust_list_head) X(rseq) \
          X(clone_args)
