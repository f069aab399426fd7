/* SA_RESETHAND: the handler runs once, with its siginfo (SA_SIGINFO kept), the signal
 * blocked while it runs unless SA_NODEFER; then the disposition is SIG_DFL with the other
 * flags as they were (the kernel resets sa_handler only). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int runs, value, blocked_inside, code;

static void handler(int signal, siginfo_t *info, void *context) {
  (void)context;
  runs++;
  value = info->si_value.sival_int;
  code = info->si_code;
  sigset_t mask;
  sigprocmask(SIG_BLOCK, NULL, &mask);
  blocked_inside = sigismember(&mask, signal);
}

static void check(int signal, int flags, const char *name) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = handler;
  action.sa_flags = flags;
  sigaction(signal, &action, NULL);
  runs = 0;
  union sigval v = {.sival_int = 55};
  sigqueue(getpid(), signal, v);
  sigqueue(getpid(), signal, v); /* SIGWINCH's default action: ignored */
  struct sigaction now;
  sigaction(signal, NULL, &now);
  printf("%s: runs %d, value %d, code %d, blocked inside %d; now SIG_DFL %d, SA_SIGINFO %d, "
         "SA_RESETHAND %d, SA_NODEFER %d\n",
         name, runs, value, code, blocked_inside, now.sa_handler == SIG_DFL,
         !!(now.sa_flags & SA_SIGINFO), !!(now.sa_flags & SA_RESETHAND),
         !!(now.sa_flags & SA_NODEFER));
}

static volatile int plain_runs;
static void plain(int signal) {
  (void)signal;
  plain_runs++;
}

int main(void) {
  check(SIGWINCH, SA_SIGINFO | SA_RESETHAND, "SA_SIGINFO|SA_RESETHAND");
  check(SIGWINCH, SA_SIGINFO | SA_RESETHAND | SA_NODEFER, "with SA_NODEFER");
  check(SIGURG, SA_SIGINFO | SA_RESETHAND | SA_RESTART, "with SA_RESTART");

  /* System V signal(): SA_RESETHAND|SA_NODEFER, without SA_SIGINFO. */
  sysv_signal(SIGWINCH, plain);
  raise(SIGWINCH);
  raise(SIGWINCH);
  struct sigaction now;
  sigaction(SIGWINCH, NULL, &now);
  printf("sysv_signal: runs %d, now SIG_DFL %d, flags %#x\n", plain_runs,
         now.sa_handler == SIG_DFL, now.sa_flags & (SA_RESETHAND | SA_NODEFER | SA_SIGINFO));
  return 0;
}
