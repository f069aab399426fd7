// Time structs: the old (long-sized) ones and the 64-bit ones of the time64 syscalls.
#pragma once

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

SYSCOMPAT_STRUCT(timespec, "timespec", uapi("linux/time.h", "struct timespec"),
                 (tv_sec, kernel_old_time),
                 (tv_nsec, c_long));

SYSCOMPAT_STRUCT(timespec64, "timespec64",
                 uapi("linux/time_types.h", "struct __kernel_timespec"),
                 (tv_sec, kernel_time64),
                 (tv_nsec, c_llong));

SYSCOMPAT_STRUCT(timeval, "timeval", uapi("linux/time.h", "struct timeval"),
                 (tv_sec, kernel_old_time),
                 (tv_usec, kernel_suseconds));

// What rusage and the old itimerval calls carry; long-sized fields like timeval.
SYSCOMPAT_STRUCT(old_timeval, "old_timeval",
                 uapi("linux/time_types.h", "struct __kernel_old_timeval"),
                 (tv_sec, kernel_long),
                 (tv_usec, kernel_long));

SYSCOMPAT_STRUCT(timezone, "timezone", uapi("linux/time.h", "struct timezone"),
                 (tz_minuteswest, c_int),
                 (tz_dsttime, c_int));

SYSCOMPAT_STRUCT(itimerval, "itimerval", uapi("linux/time.h", "struct itimerval"),
                 (it_interval, timeval<M>),
                 (it_value, timeval<M>));

SYSCOMPAT_STRUCT(itimerspec, "itimerspec", uapi("linux/time.h", "struct itimerspec"),
                 (it_interval, timespec<M>),
                 (it_value, timespec<M>));

SYSCOMPAT_STRUCT(itimerspec64, "itimerspec64",
                 uapi("linux/time_types.h", "struct __kernel_itimerspec"),
                 (it_interval, timespec64<M>),
                 (it_value, timespec64<M>));

// clang-format on

// The kernel's compat copies of the old time structs assign each member, so seconds past
// 2038 (or before 1901) keep their low 32 bits, never EOVERFLOW: put_old_timespec32 (and
// put_old_itimerspec32 through it), put_old_timeval32 and compat_sys_gettimeofday,
// put_old_itimerval32, put_compat_rusage's times.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<timespec<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<timeval<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<old_timeval<M>> = Narrowing::truncate;

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_TIME(X) \
  X(timespec)                     \
  X(timespec64) X(timeval) X(old_timeval) X(timezone) X(itimerval) X(itimerspec) X(itimerspec64)
