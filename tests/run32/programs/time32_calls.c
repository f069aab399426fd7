/* The 32-bit time calls where their seconds do not fit 31 bits, made with raw int $0x80 (no
 * libc, no vDSO): the kernel's compat path stores the low 32 bits (put_old_timespec32,
 * put_old_timeval32, cp_compat_stat, cp_stat64, sys_time32, compat_sys_sysinfo), never
 * EOVERFLOW. Files get times past 2106 and before 1970 through utimensat_time64; the clocks
 * pass 2^31 s in a time namespace whose monotonic and boot clocks are offset by 3e9 s
 * (run32.time32_calls.past_2038; without one, the same program checks the same rules below
 * 2^31). The old stat's size past 2 GiB stays EOVERFLOW (cp_compat_stat's MAX_NON_LFS).
 * Numbers and layouts are i386's (asm/unistd_32.h, asm/stat.h). */
#include <asm/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "time_layouts.h"

enum {
  nr_exit = 1,
  nr_open = 5,
  nr_close = 6,
  nr_unlink = 10,
  nr_time = 13,
  nr_oldstat = 18,
  nr_oldfstat = 28,
  nr_gettimeofday = 78,
  nr_oldlstat = 84,
  nr_ftruncate = 93,
  nr_stat = 106,
  nr_lstat = 107,
  nr_fstat = 108,
  nr_sysinfo = 116,
  nr_stat64 = 195,
  nr_lstat64 = 196,
  nr_fstat64 = 197,
  nr_clock_gettime = 265,
  nr_clock_getres = 266,
  nr_fstatat64 = 300,
  nr_ftruncate64 = 194,
  nr_clock_gettime64 = 403,
  nr_utimensat_time64 = 412,
};

static long sys(long number, long a, long b, long c, long d) {
  long result;
  __asm__ volatile("int $0x80"
                   : "=a"(result)
                   : "a"(number), "b"(a), "c"(b), "d"(c), "S"(d)
                   : "memory");
  return result;
}

/* Each clock read through the 32-bit call, bracketed by the 64-bit one: the 32-bit seconds
 * are the 64-bit ones cut to 32 bits (between the two readings). */
static void clocks(void) {
  const int ids[] = {0 /* REALTIME */,         1 /* MONOTONIC */, 4 /* MONOTONIC_RAW */,
                     6 /* MONOTONIC_COARSE */, 7 /* BOOTTIME */,  2 /* PROCESS_CPUTIME */};
  for (size_t i = 0; i < sizeof ids / sizeof *ids; ++i) {
    struct timespec64 before, after;
    struct timespec32 narrow = {-1, -1};
    sys(nr_clock_gettime64, ids[i], (long)&before, 0, 0);
    long r = sys(nr_clock_gettime, ids[i], (long)&narrow, 0, 0);
    sys(nr_clock_gettime64, ids[i], (long)&after, 0, 0);
    const uint32_t from = (uint32_t)before.sec, to = (uint32_t)after.sec;
    const int cut = (uint32_t)narrow.sec - from <= to - from;
    printf("clock_gettime(%d): %ld, past 2^31 s: %d, the 64-bit seconds cut: %d, nsec ok: %d\n",
           ids[i], r, before.sec > INT32_MAX, cut, narrow.nsec >= 0 && narrow.nsec < 1000000000);
    struct timespec32 resolution = {-1, -1};
    r = sys(nr_clock_getres, ids[i], (long)&resolution, 0, 0);
    printf("clock_getres(%d): %ld %d.%09d\n", ids[i], r, resolution.sec, resolution.nsec);
  }
  /* The wall clock: time and gettimeofday cut it the same way (not past 2038 here: a time
   * namespace does not move it). */
  struct timespec64 before, after;
  sys(nr_clock_gettime64, 0, (long)&before, 0, 0);
  int32_t stored = -1;
  long returned = sys(nr_time, (long)&stored, 0, 0, 0);
  struct timeval32 tv = {-1, -1};
  long r = sys(nr_gettimeofday, (long)&tv, 0, 0, 0);
  sys(nr_clock_gettime64, 0, (long)&after, 0, 0);
  const uint32_t from = (uint32_t)before.sec, to = (uint32_t)after.sec;
  printf("time: returned and stored agree: %d, the 64-bit seconds cut: %d\n",
         (int32_t)returned == stored, (uint32_t)stored - from <= to - from);
  printf("gettimeofday: %ld, the 64-bit seconds cut: %d\n", r,
         (uint32_t)tv.sec - from <= to - from);
}

/* sysinfo's uptime is the boot clock's seconds, cut (compat_sys_sysinfo). */
static void uptime(void) {
  struct {
    int32_t uptime;
    uint32_t rest[15];
  } info;
  struct timespec64 before, after;
  sys(nr_clock_gettime64, 7, (long)&before, 0, 0);
  long r = sys(nr_sysinfo, (long)&info, 0, 0, 0);
  sys(nr_clock_gettime64, 7, (long)&after, 0, 0);
  const uint32_t from = (uint32_t)before.sec, to = (uint32_t)after.sec;
  printf("sysinfo: %ld, uptime is the boot clock cut: %d\n", r,
         (uint32_t)info.uptime - from <= to - from + 1);
}

/* A file's times as each stat call of i386 reports them. */
static void stats(const char* name, int64_t seconds) {
  struct timespec64 times[2] = {{seconds, 5}, {seconds + 1, 6}};
  long r = sys(nr_utimensat_time64, -100 /* AT_FDCWD */, (long)name, (long)times, 0);
  printf("times %lld: utimensat_time64 %ld\n", (long long)seconds, r);
  long fd = sys(nr_open, (long)name, 0, 0, 0);
  struct stat st;
  struct stat64 st64;
  struct __old_kernel_stat old;
  const long calls[] = {nr_stat, nr_lstat, nr_fstat};
  for (int i = 0; i < 3; ++i) {
    memset(&st, 0xa5, sizeof st);
    r = sys(calls[i], i == 2 ? fd : (long)name, (long)&st, 0, 0);
    printf("  stat call %ld: %ld atime %lu.%lu mtime %lu.%lu\n", calls[i], r, st.st_atime,
           st.st_atime_nsec, st.st_mtime, st.st_mtime_nsec);
  }
  const long calls64[] = {nr_stat64, nr_lstat64, nr_fstat64};
  for (int i = 0; i < 3; ++i) {
    memset(&st64, 0xa5, sizeof st64);
    r = sys(calls64[i], i == 2 ? fd : (long)name, (long)&st64, 0, 0);
    printf("  stat64 call %ld: %ld atime %lu.%lu mtime %lu.%lu\n", calls64[i], r,
           (unsigned long)st64.st_atime, (unsigned long)st64.st_atime_nsec,
           (unsigned long)st64.st_mtime, (unsigned long)st64.st_mtime_nsec);
  }
  memset(&st64, 0xa5, sizeof st64);
  r = sys(nr_fstatat64, -100, (long)name, (long)&st64, 0);
  printf("  fstatat64: %ld atime %lu mtime %lu\n", r, (unsigned long)st64.st_atime,
         (unsigned long)st64.st_mtime);
  const long old_calls[] = {nr_oldstat, nr_oldlstat, nr_oldfstat};
  for (int i = 0; i < 3; ++i) {
    memset(&old, 0xa5, sizeof old);
    r = sys(old_calls[i], i == 2 ? fd : (long)name, (long)&old, 0, 0);
    printf("  old stat call %ld: %ld size %lu atime %lu mtime %lu\n", old_calls[i], r, old.st_size,
           old.st_atime, old.st_mtime);
  }
  sys(nr_close, fd, 0, 0, 0);
}

int main(void) {
  clocks();
  uptime();
  const char name[] = "times.file";
  long fd = sys(nr_open, (long)name, 0100 | 01 /* O_CREAT | O_WRONLY */, 0600, 0);
  printf("open: %d\n", fd >= 0);
  sys(nr_close, fd, 0, 0, 0);
  const int64_t seconds[] = {1700000000, (int64_t)INT32_MAX + 3, ((int64_t)1 << 32) + 7, -7,
                             -((int64_t)1 << 32) - 9};
  for (size_t i = 0; i < sizeof seconds / sizeof *seconds; ++i) stats(name, seconds[i]);
  /* A size past 4 GiB: stat's EOVERFLOW stays (cp_compat_stat's MAX_NON_LFS), the 64-bit
   * kernel's cp_old_stat cuts it (its check is for 32-bit kernels only), stat64 has room. The
   * old stat's 16-bit inode fits only on a fresh file system (run32.time32_calls.tmpfs). */
  fd = sys(nr_open, (long)name, 01 | 0100000 /* O_WRONLY | O_LARGEFILE */, 0, 0);
  long r = sys(nr_ftruncate64, fd, 5, 1, 0);
  printf("ftruncate64 to 4 GiB + 5: %ld\n", r);
  sys(nr_close, fd, 0, 0, 0);
  stats(name, ((int64_t)1 << 32) + 11);
  sys(nr_unlink, (long)name, 0, 0, 0);
  fflush(stdout);
  sys(nr_exit, 0, 0, 0, 0);
  return 0;
}
