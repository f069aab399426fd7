// ns per time call through libc, timed inside the i386 program: clock_gettime
// (CLOCK_MONOTONIC), gettimeofday and time, each CALLS times (natively the kernel's vdso32
// answers, under run32 the shim's vDSO). The clock that times the loops is read outside them.
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char** argv) {
  const long calls = argc > 1 ? atol(argv[1]) : 1000000;
  long sink = 0;
  struct timespec ts;
  struct timeval tv;
  double start = now_ns();
  for (long i = 0; i < calls; ++i) sink += clock_gettime(CLOCK_MONOTONIC, &ts) + ts.tv_nsec;
  const double clock_ns = (now_ns() - start) / calls;
  start = now_ns();
  for (long i = 0; i < calls; ++i) sink += gettimeofday(&tv, NULL) + tv.tv_usec;
  const double gettimeofday_ns = (now_ns() - start) / calls;
  start = now_ns();
  for (long i = 0; i < calls; ++i) sink += time(NULL);
  const double time_ns = (now_ns() - start) / calls;
  printf("clock_gettime: %.1f ns/call\ngettimeofday: %.1f ns/call\ntime: %.1f ns/call\n", clock_ns,
         gettimeofday_ns, time_ns);
  return sink == 0;  // keeps the loops
}
