// sigaction with SA_SIGINFO, raise and kill, the mask (sigprocmask, sigpending), SA_RESETHAND,
// handlers that make syscalls, and alarm with pause.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t usr1_count, alarm_count, last_code, last_pid_ok;

static void on_usr1(int signal, siginfo_t* info, void* context) {
  (void)context;
  ++usr1_count;
  last_code = info->si_code;
  last_pid_ok = info->si_pid == getpid() && info->si_signo == signal;
  const char message[] = "in the SIGUSR1 handler\n";
  write(1, message, sizeof message - 1);
}

static void on_alarm(int signal) { alarm_count += signal == SIGALRM; }

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_usr1;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  printf("sigaction: %d\n", sigaction(SIGUSR1, &action, NULL));
  raise(SIGUSR1);
  printf("after raise: count %d code SI_TKILL %d pid ok %d\n", usr1_count, last_code == SI_TKILL,
         last_pid_ok);
  kill(getpid(), SIGUSR1);
  printf("after kill: count %d code SI_USER %d\n", usr1_count, last_code == SI_USER);

  sigset_t block, pending, old;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, &old);
  raise(SIGUSR1);
  sigpending(&pending);
  printf("blocked: count %d pending %d\n", usr1_count, sigismember(&pending, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: count %d\n", usr1_count);

  struct sigaction previous;
  sigaction(SIGUSR1, NULL, &previous);
  printf("previous handler kept: %d siginfo %d\n", previous.sa_sigaction == on_usr1,
         (previous.sa_flags & SA_SIGINFO) != 0);

  signal(SIGALRM, on_alarm);
  alarm(1);
  pause();
  printf("alarm: %d\n", alarm_count);

  action.sa_flags = SA_SIGINFO | SA_RESETHAND;
  sigaction(SIGUSR2, &action, NULL);
  raise(SIGUSR2);
  sigaction(SIGUSR2, NULL, &previous);
  printf("SA_RESETHAND reset to default: %d\n", previous.sa_handler == SIG_DFL);
  signal(SIGUSR2, SIG_IGN);
  raise(SIGUSR2);
  printf("ignored SIGUSR2 survived\n");
  return 0;
}
