/* nanosleep and clock_nanosleep interrupted by a handler: EINTR, and the time left written
 * back (a 2 s sleep interrupted after 200 ms leaves between 1.0 and 1.95 s, whatever the
 * load); an absolute clock_nanosleep leaves it alone; the time64 call writes a
 * __kernel_timespec. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void on_alarm(int signal) {
  (void)signal;
}

static void alarm_soon(void) {
  struct itimerval soon = {{0, 0}, {0, 200000}};
  setitimer(ITIMER_REAL, &soon, NULL);
}

static void report(const char *what, int result, int error, long long seconds, long nanoseconds) {
  double left = seconds + nanoseconds / 1e9;
  printf("%s: %d (%s), left in [1.0, 1.95] s: %d, nanoseconds below 1e9: %d\n", what, result,
         strerror(error), left >= 1.0 && left <= 1.95, nanoseconds >= 0 && nanoseconds < 1000000000);
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_alarm;
  action.sa_flags = SA_RESTART; /* sleeps are never restarted */
  sigaction(SIGALRM, &action, NULL);

  struct timespec two = {2, 0}, left = {-1, -1};
  alarm_soon();
  int result = nanosleep(&two, &left);
  report("nanosleep", result, errno, left.tv_sec, left.tv_nsec);

  left.tv_sec = left.tv_nsec = -1;
  alarm_soon();
  result = clock_nanosleep(CLOCK_MONOTONIC, 0, &two, &left);
  report("clock_nanosleep, relative", -1, result, left.tv_sec, left.tv_nsec);

  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_sec += 2;
  left.tv_sec = left.tv_nsec = -1;
  alarm_soon();
  result = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, &left);
  printf("clock_nanosleep, absolute: %s, left untouched: %d\n", strerror(result),
         left.tv_sec == -1 && left.tv_nsec == -1);

  struct {
    int64_t seconds, nanoseconds;
  } two64 = {2, 0}, left64 = {-1, -1};
  alarm_soon();
  result = syscall(SYS_clock_nanosleep_time64, CLOCK_REALTIME, 0, &two64, &left64);
  report("clock_nanosleep_time64", result, errno, left64.seconds, (long)left64.nanoseconds);

  alarm_soon();
  result = nanosleep(&two, NULL);
  printf("nanosleep without rmtp: %d (%s)\n", result, strerror(errno));
  return 0;
}
