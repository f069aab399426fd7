// ns per getppid call, timed inside the i386 program: through libc (the AT_SYSINFO entry
// under run32, the vDSO's __kernel_vsyscall natively) and through a raw int $0x80 (Syscall
// User Dispatch under run32). With a third argument "fs", the program first loads %fs with a
// flat data segment (as Wine does), which sends every entry into the shim down the path that
// finds the thread's own FS base by its tid.
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static long raw_getppid(void) {
  long result;
  __asm__ volatile("int $0x80" : "=a"(result) : "a"(SYS_getppid) : "memory");
  return result;
}

int main(int argc, char** argv) {
  const long calls = argc > 1 ? atol(argv[1]) : 1000000;
  const long raw_calls = argc > 2 ? atol(argv[2]) : calls / 10;
  if (argc > 3 && argv[3][0] == 'f') {
    unsigned short data;
    __asm__ volatile("mov %%ds, %0; mov %0, %%fs" : "=r"(data));
  }
  long sink = 0;
  double start = now_ns();
  for (long i = 0; i < calls; ++i) sink += syscall(SYS_getppid);
  const double libc_ns = (now_ns() - start) / calls;
  start = now_ns();
  for (long i = 0; i < raw_calls; ++i) sink += raw_getppid();
  const double raw_ns = (now_ns() - start) / raw_calls;
  printf("libc getppid: %.1f ns/call (%ld calls)\nraw int $0x80 getppid: %.1f ns/call (%ld calls)\n",
         libc_ns, calls, raw_ns, raw_calls);
  return sink == 0;  // keeps the loop
}
