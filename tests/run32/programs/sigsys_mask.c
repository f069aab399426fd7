/* SIGSYS is the guest's to block like any other signal: its handler does not run while it
 * is blocked, sigpending and sigprocmask show it, sigtimedwait takes it, unblocking
 * delivers it; a handler's sa_mask and its own signal block it while the handler runs;
 * the guest's own system calls (raw int $0x80 included) work meanwhile; and the blocked
 * SIGSYS and its pending instance survive execve, as every signal's do. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile int runs, blocked_inside_sigsys, blocked_inside_usr1;

static int sigsys_blocked(void) {
  sigset_t mask;
  sigprocmask(SIG_BLOCK, NULL, &mask);
  return sigismember(&mask, SIGSYS);
}

static void on_sigsys(int signal, siginfo_t *info, void *context) {
  (void)signal, (void)info, (void)context;
  runs++;
  blocked_inside_sigsys = sigsys_blocked();
}

static void on_usr1(int signal) {
  (void)signal;
  blocked_inside_usr1 = sigsys_blocked();
}

static int raw_getpid(void) {
  int pid;
  __asm__ volatile("int $0x80" : "=a"(pid) : "a"(SYS_getpid));
  return pid;
}

int main(int argc, char **argv) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_sigsys;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSYS, &action, NULL);
  sigset_t sigsys;
  sigemptyset(&sigsys);
  sigaddset(&sigsys, SIGSYS);

  if (argc > 1) {
    sigset_t pending;
    sigpending(&pending);
    printf("after execve: blocked %d, pending %d, runs %d\n", sigsys_blocked(),
           sigismember(&pending, SIGSYS), runs);
    sigprocmask(SIG_UNBLOCK, &sigsys, NULL);
    printf("unblocked after execve: runs %d\n", runs);
    return 0;
  }

  raise(SIGSYS);
  printf("unblocked: runs %d, blocked inside its handler %d, blocked after %d\n", runs,
         blocked_inside_sigsys, sigsys_blocked());

  sigprocmask(SIG_BLOCK, &sigsys, NULL);
  runs = 0;
  raise(SIGSYS);
  raise(SIGSYS);
  sigset_t pending;
  sigpending(&pending);
  printf("blocked: runs %d, in the mask %d, pending %d, raw getpid works %d\n", runs,
         sigsys_blocked(), sigismember(&pending, SIGSYS), raw_getpid() == getpid());
  sigprocmask(SIG_UNBLOCK, &sigsys, NULL);
  printf("unblocked again: runs %d (a standard signal: one instance)\n", runs);

  sigprocmask(SIG_BLOCK, &sigsys, NULL);
  runs = 0;
  union sigval value = {.sival_int = 9};
  sigqueue(getpid(), SIGSYS, value);
  struct timespec zero = {0, 0};
  siginfo_t info;
  int taken = sigtimedwait(&sigsys, &info, &zero);
  printf("sigtimedwait: %d (SIGSYS %d), value %d, runs %d\n", taken, SIGSYS,
         info.si_value.sival_int, runs);
  sigprocmask(SIG_UNBLOCK, &sigsys, NULL);
  printf("nothing left: runs %d\n", runs);

  struct sigaction usr1;
  memset(&usr1, 0, sizeof usr1);
  usr1.sa_handler = on_usr1;
  sigaddset(&usr1.sa_mask, SIGSYS);
  sigaction(SIGUSR1, &usr1, NULL);
  raise(SIGUSR1);
  printf("SIGUSR1 with SIGSYS in sa_mask: blocked inside %d, after %d\n", blocked_inside_usr1,
         sigsys_blocked());

  /* Blocked by sigprocmask(SIG_SETMASK) of a full set, then the old mask back. */
  sigset_t all, old;
  sigfillset(&all);
  sigprocmask(SIG_SETMASK, &all, &old);
  runs = 0;
  raise(SIGSYS);
  printf("all blocked: runs %d\n", runs);
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("old mask back: runs %d, SIGSYS blocked %d\n", runs, sigsys_blocked());

  fflush(stdout);
  sigprocmask(SIG_BLOCK, &sigsys, NULL);
  raise(SIGSYS);
  char *again[] = {argv[0], "after-execve", NULL};
  execv("/proc/self/exe", again);
  perror("execv");
  return 1;
}
