// A dedicated signal thread: every thread blocks SIGUSR1, SIGUSR2 and SIGRTMIN+1; one
// thread takes them with sigwait, sigwaitinfo (the sender's pid and value) and sigtimedwait.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static sigset_t set;
static int got_usr1, got_usr2, values_sum, pid_matches, timed_out;

static void* waiter(void* unused) {
  for (int n = 0; n < 6; ++n) {
    int signal;
    sigwait(&set, &signal);
    if (signal == SIGUSR1) ++got_usr1;
    if (signal == SIGUSR2) ++got_usr2;
  }
  for (int n = 0; n < 3; ++n) {
    siginfo_t info;
    int signal = sigwaitinfo(&set, &info);
    if (signal == SIGRTMIN + 1) {
      values_sum += info.si_value.sival_int;
      pid_matches += info.si_pid == getpid();
    }
  }
  struct timespec wait = {0, 20 * 1000 * 1000};
  timed_out = sigtimedwait(&set, NULL, &wait) == -1 && errno == EAGAIN;
  return unused;
}

int main(void) {
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN + 1);
  pthread_sigmask(SIG_BLOCK, &set, NULL);  // inherited by the waiter
  pthread_t thread;
  pthread_create(&thread, NULL, waiter, NULL);
  for (int n = 0; n < 3; ++n) {
    kill(getpid(), SIGUSR1);
    // Standard signals merge while pending: wait for each to be taken.
    while (got_usr1 <= n) usleep(1000);
    kill(getpid(), SIGUSR2);
    while (got_usr2 <= n) usleep(1000);
  }
  for (int n = 1; n <= 3; ++n)
    sigqueue(getpid(), SIGRTMIN + 1, (union sigval){.sival_int = n * 10});
  pthread_join(thread, NULL);
  printf("sigwait: SIGUSR1 %d, SIGUSR2 %d\n", got_usr1, got_usr2);
  printf("sigwaitinfo: values sum %d, sender pid right %d times\n", values_sum, pid_matches);
  printf("sigtimedwait with nothing pending: %s\n", timed_out ? "EAGAIN" : "?");
  return 0;
}
