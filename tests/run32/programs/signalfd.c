// signalfd: blocked SIGUSR1 (raise) and SIGUSR2 (kill) read as signalfd_siginfo records.
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int fd = signalfd(-1, &set, 0);
  raise(SIGUSR1);
  struct signalfd_siginfo info;
  printf("read: %zd\n", read(fd, &info, sizeof info));
  printf("signal %u from us %d code SI_TKILL %d\n", info.ssi_signo, (pid_t)info.ssi_pid == getpid(),
         info.ssi_code == SI_TKILL);
  // sigwait (rt_sigtimedwait) is left out: the translators do not serve it yet (ENOSYS).
  kill(getpid(), SIGUSR2);
  printf("read: %zd\n", read(fd, &info, sizeof info));
  printf("signal %u from kill %d\n", info.ssi_signo, info.ssi_code == SI_USER);
  return 0;
}
