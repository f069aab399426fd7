/* The time structs of the i386 calls as the kernel lays them out (old_timespec32,
 * __kernel_timespec, old_timeval32), for the programs that make the calls themselves. */
#pragma once
#include <stdint.h>

struct timespec32 {
  int32_t sec, nsec;
};
struct timespec64 {
  int64_t sec, nsec;
};
struct timeval32 {
  int32_t sec, usec;
};
