// clock_gettime (time64 and 32-bit), gettimeofday, time, nanosleep, times, getrusage.
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec a, b, r;
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec nap = {0, 20 * 1000 * 1000};
  printf("nanosleep: %d\n", nanosleep(&nap, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  const long long elapsed = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
  printf("slept at least 20 ms: %d, under 2 s: %d\n", elapsed >= 20000000, elapsed < 2000000000);
  clock_getres(CLOCK_MONOTONIC, &r);
  printf("resolution below 1 ms: %d\n", r.tv_sec == 0 && r.tv_nsec < 1000000);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  time_t now = time(NULL);
  /* time() is the coarse clock (the second of the last tick): just after a second begins it
   * may still say the one before, natively as under run32. */
  printf("time and gettimeofday agree: %d\n", now - tv.tv_sec <= 1 && tv.tv_sec - now <= 1);
  struct timespec real;
  clock_gettime(CLOCK_REALTIME, &real);
  printf("after 2020: %d\n", real.tv_sec > 1577836800);
  struct tm tm;
  time_t fixed = 1700000000;
  gmtime_r(&fixed, &tm);
  char text[64];
  strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  printf("gmtime: %s\n", text);
  struct tms t;
  printf("times not failing: %d\n", times(&t) != (clock_t)-1);
  struct rusage usage;
  printf("getrusage: %d\n", getrusage(RUSAGE_SELF, &usage));
  printf("clock_nanosleep: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &nap, NULL));
  return 0;
}
