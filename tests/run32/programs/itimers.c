// setitimer/getitimer with a SIGALRM handler counting ticks; sigsuspend waiting for them.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile sig_atomic_t ticks;
static void on_alarm(int signal) { (void)signal, ++ticks; }

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_alarm;
  sigaction(SIGALRM, &action, NULL);
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGALRM);
  sigprocmask(SIG_BLOCK, &block, &old);
  struct itimerval timer = {{0, 10000}, {0, 10000}};
  printf("setitimer: %d\n", setitimer(ITIMER_REAL, &timer, NULL));
  struct itimerval current;
  getitimer(ITIMER_REAL, &current);
  printf("interval kept: %d\n", current.it_interval.tv_usec == 10000);
  while (ticks < 5) sigsuspend(&old);
  timer.it_value.tv_usec = timer.it_interval.tv_usec = 0;
  setitimer(ITIMER_REAL, &timer, NULL);
  printf("ticks: %d\n", ticks);
  return 0;
}
