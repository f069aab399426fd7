/* A POSIX timer with a 1 ns period: the guest is not livelocked (its handler runs, and its
 * own system calls go on between expiries), and the expiries the handler could not take
 * count as overruns (timer_getoverrun and si_overrun agree, as the kernel keeps them). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static timer_t timer;
static volatile int runs, overrun, info_overrun, code;

static void disarm(void) {
  struct itimerspec zero;
  memset(&zero, 0, sizeof zero);
  timer_settime(timer, 0, &zero, NULL);
}

static void first(int signal, siginfo_t *info, void *context) {
  (void)signal, (void)context;
  overrun = timer_getoverrun(timer);
  info_overrun = info->si_overrun;
  code = info->si_code;
  disarm();
  runs = 1;
}

static void counting(int signal) {
  (void)signal;
  if (++runs == 100) disarm();
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = first;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &action, NULL);
  struct sigevent event;
  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_SIGNAL;
  event.sigev_signo = SIGUSR1;
  timer_create(CLOCK_REALTIME, &event, &timer);

  /* First expiry 2 s ago, then every nanosecond: about 2e9 expiries missed at once. */
  struct itimerspec storm;
  memset(&storm, 0, sizeof storm);
  clock_gettime(CLOCK_REALTIME, &storm.it_value);
  storm.it_value.tv_sec -= 2;
  storm.it_interval.tv_nsec = 1;
  printf("timer_settime: %d\n", timer_settime(timer, TIMER_ABSTIME, &storm, NULL));
  while (!runs) {
  }
  printf("handler ran: code %d (SI_TIMER %d), overrun over 1e9: %d, si_overrun the same: %d\n",
         code, SI_TIMER, overrun > 1000000000, info_overrun == overrun);

    /* A relative 1 ns period, the handler counting to 100 runs. */
  runs = 0;
  signal(SIGUSR1, counting);
  memset(&storm, 0, sizeof storm);
  storm.it_value.tv_nsec = storm.it_interval.tv_nsec = 1;
  timer_settime(timer, 0, &storm, NULL);
  while (runs < 100) getppid();
  printf("handler runs: %d\n", runs);
  timer_delete(timer);
  return 0;
}
