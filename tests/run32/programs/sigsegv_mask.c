/* SIGSEGV is the guest's to block like any other signal, although the shim itself catches
 * every SIGSEGV (it serves the guest's load of a TLS entry's GDT selector): sigprocmask,
 * sigpending and a handler's ucontext show the guest's own bit; a SIGSEGV sent while blocked
 * waits and is delivered on unblocking; a fault while SIGSEGV is blocked kills (the kernel's
 * force_sig_fault), as does a fault with no handler (the default action, a core dump's
 * status), and a handler runs otherwise. The %gs selector the guest's libc loads still works
 * with SIGSEGV blocked. Signals 32 and 33 (an i386 libc's own) stay blocked across a signal
 * delivered when a call returns. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int runs, blocked_in_context, code;
static sigjmp_buf back;

static int segv_blocked(void) {
  sigset_t mask;
  sigprocmask(SIG_BLOCK, NULL, &mask);
  return sigismember(&mask, SIGSEGV);
}

static void on_segv(int signal, siginfo_t *info, void *context) {
  (void)signal;
  runs++;
  code = info->si_code;
  blocked_in_context = sigismember(&((ucontext_t *)context)->uc_sigmask, SIGSEGV);
}

static void on_fault(int signal, siginfo_t *info, void *context) {
  (void)signal, (void)context;
  code = info->si_code;
  siglongjmp(back, 1);
}

static void handle(void (*handler)(int, siginfo_t *, void *)) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = handler;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &action, NULL);
}

static void touch_null(void) {
  *(volatile int *)(uintptr_t)16 = 1;
}

/* The child's fault: its wait status, as the shell would tell it. */
static void report_child(const char *what, int blocked, int with_handler) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (with_handler) handle(on_fault);
    else signal(SIGSEGV, SIG_DFL);
    sigset_t segv;
    sigemptyset(&segv);
    sigaddset(&segv, SIGSEGV);
    sigprocmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &segv, NULL);
    if (sigsetjmp(back, 1)) {
      printf("%s: the handler ran (si_code %d)\n", what, code);
      fflush(stdout);
      _exit(3);
    }
    touch_null();
    _exit(4);
  }
  int status;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status))
    printf("%s: killed by signal %d\n", what, WTERMSIG(status));
  else
    printf("%s: exit %d\n", what, WEXITSTATUS(status));
}

static void on_alarm(int signal) {
  (void)signal;
}

static uint64_t raw_mask(void) {
  uint64_t mask = 0;
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &mask, 8);
  return mask;
}

int main(void) {
  handle(on_segv);
  sigset_t segv;
  sigemptyset(&segv);
  sigaddset(&segv, SIGSEGV);

  raise(SIGSEGV);
  printf("unblocked: runs %d, si_code %d, blocked in its context %d, after %d\n", runs, code,
         blocked_in_context, segv_blocked());

  sigprocmask(SIG_BLOCK, &segv, NULL);
  runs = 0;
  raise(SIGSEGV);
  sigset_t pending;
  sigpending(&pending);
  printf("blocked: runs %d, in the mask %d, pending %d\n", runs, segv_blocked(),
         sigismember(&pending, SIGSEGV));
  /* The TLS selector as the guest's libc loads it (glibc: entry 12), SIGSEGV blocked. */
  void *before, *after;
  __asm__ volatile("mov %%gs:0, %0" : "=r"(before));
  __asm__ volatile("mov %0, %%gs" : : "r"((unsigned short)((12 << 3) | 3)));
  __asm__ volatile("mov %%gs:0, %0" : "=r"(after));
  printf("the TLS selector loaded with SIGSEGV blocked: thread pointer kept %d, runs %d\n",
         before == after, runs);
  sigprocmask(SIG_UNBLOCK, &segv, NULL);
  printf("unblocked again: runs %d, si_code %d, blocked in its context %d\n", runs, code,
         blocked_in_context);

  /* Blocked through a handler's sa_mask: its ucontext shows the mask it interrupted. */
  struct sigaction usr1;
  memset(&usr1, 0, sizeof usr1);
  usr1.sa_sigaction = on_segv;
  usr1.sa_flags = SA_SIGINFO;
  sigaddset(&usr1.sa_mask, SIGSEGV);
  sigaction(SIGUSR1, &usr1, NULL);
  sigprocmask(SIG_BLOCK, &segv, NULL);
  raise(SIGUSR1);
  printf("SIGUSR1's context with SIGSEGV blocked: %d\n", blocked_in_context);
  sigprocmask(SIG_UNBLOCK, &segv, NULL);
  runs = 0;

  report_child("a fault, handled", 0, 1);
  report_child("a fault, blocked with a handler", 1, 1);
  report_child("a fault, blocked without one", 1, 0);
  report_child("a fault, default action", 0, 0);

  /* 33 (an i386 glibc's SIGSETXID) blocked, then SIGALRM interrupts a read. */
  uint64_t bit33 = (uint64_t)1 << 32;
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &bit33, NULL, 8);
  struct sigaction alarm_action;
  memset(&alarm_action, 0, sizeof alarm_action);
  alarm_action.sa_handler = on_alarm;  /* no SA_RESTART: the read ends with EINTR */
  sigaction(SIGALRM, &alarm_action, NULL);
  struct itimerval once = {{0, 0}, {0, 20000}};
  setitimer(ITIMER_REAL, &once, NULL);
  int fds[2];
  if (pipe(fds)) return 1;
  char byte;
  long got = read(fds[0], &byte, 1);
  printf("read interrupted %d, signal 33 still blocked %d\n", got == -1,
         (raw_mask() & bit33) != 0);
  return 0;
}
