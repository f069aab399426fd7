/* 1000 calls each of clock_gettime(CLOCK), gettimeofday and time through libc, for
 * no_syscalls.sh to count in run32's trace. CLOCK: "monotonic" (the vDSO serves it) or
 * "cputime" (CLOCK_PROCESS_CPUTIME_ID, which no vDSO serves: 1000 syscalls, the trace's
 * proof that it sees them). */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

int main(int argc, char** argv) {
  const clockid_t clock =
      argc > 1 && strcmp(argv[1], "cputime") == 0 ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC;
  struct timespec ts;
  struct timeval tv;
  long sum = 0;
  for (int i = 0; i < 1000; ++i) {
    sum += clock_gettime(clock, &ts);
    sum += gettimeofday(&tv, NULL);
    sum += time(NULL) > 0;
  }
  printf("%ld\n", sum);
  return 0;
}
