/* rt_sigreturn and sigreturn restore the interrupted registers as they were, whatever eax
 * holds: the kernel's restore_sigcontext disables the syscall-restart checks (orig_ax = -1),
 * so an eax that reads as -EINTR or as one of the kernel's -ERESTART* codes is no result of
 * the sigreturn call to restart, even when a signal waits as it returns. Go's runtime met
 * it: a nanosleep interrupted (eax -EINTR), its handler's return unblocking a waiting signal
 * (os/signal's TestStress). Also the interrupted call itself: sigsuspend (through libc and
 * through int $0x80) returns EINTR once when its handler's return lets another in. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int stop, second_runs, first_runs;
static volatile unsigned interrupted_eax;

static void first_handler_ran(unsigned eax) {
  interrupted_eax = eax;
  first_runs++;
  stop = 1;
  raise(SIGUSR2); /* blocked while the handler runs: it waits for the handler's return */
}
static void on_first(int signal, siginfo_t *info, void *context) {
  (void)signal, (void)info;
  first_handler_ran(((ucontext_t *)context)->uc_mcontext.gregs[REG_EAX]);
}
/* Without SA_SIGINFO an i386 handler finds the sigcontext after the signal number. */
static void on_first_old(int signal, struct sigcontext context) {
  (void)signal;
  first_handler_ran(context.eax);
}
static void on_second(int signal) {
  (void)signal;
  second_runs++;
}

static void install(int signal, int rt) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  if (signal == SIGUSR2) {
    action.sa_handler = on_second;
  } else if (rt) {
    action.sa_sigaction = on_first;
    action.sa_flags = SA_SIGINFO;
  } else {
    action.sa_handler = (void (*)(int))on_first_old; /* a sigframe: sigreturn */
  }
  action.sa_flags |= SA_RESTART;
  sigaddset(&action.sa_mask, SIGUSR2);
  sigaction(signal, &action, NULL);
}

/* Spins with `value` in eax until the handler stops it: the virtual timer's signal comes in
 * the loop (user time only). Answers eax after it. */
static unsigned spin(unsigned value) {
  unsigned eax = value;
  struct itimerval soon = {{0, 0}, {0, 1000}};
  stop = 0;
  setitimer(ITIMER_VIRTUAL, &soon, NULL);
  __asm__ volatile("1: cmpl $0, %1\n\tje 1b" : "+a"(eax) : "m"(stop) : "cc", "memory");
  return eax;
}

int main(void) {
  static const int values[] = {-4, -512, -513, -514, -516, 0x12345678};
  for (int rt = 1; rt >= 0; --rt) {
    install(SIGVTALRM, rt);
    install(SIGUSR2, 1);
    for (unsigned i = 0; i < sizeof values / sizeof *values; ++i) {
      unsigned eax = 0;
      int attempts = 0;
      /* Until the signal came in the loop (the handler saw the value in eax). */
      do {
        first_runs = second_runs = 0;
        eax = spin((unsigned)values[i]);
      } while (interrupted_eax != (unsigned)values[i] && ++attempts < 100);
      printf("%s, eax %d in the loop: %d after the handlers (first %d, second %d)\n",
             rt ? "rt frame" : "sigframe", values[i], (int)eax, first_runs, second_runs);
      fflush(stdout);
    }
  }

  /* sigsuspend interrupted: its handler raises SIGUSR2, which its return lets in. */
  install(SIGUSR1, 1);
  sigset_t blocked, none;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR1);
  sigemptyset(&none);
  for (int raw = 0; raw <= 1; ++raw) {
    for (int round = 0; round < 3; ++round) {
      sigprocmask(SIG_BLOCK, &blocked, NULL);
      first_runs = second_runs = 0;
      raise(SIGUSR1);
      long result;
      int error;
      if (raw) {
        long eax = SYS_rt_sigsuspend;
        __asm__ volatile("int $0x80" : "+a"(eax) : "b"(&none), "c"(8) : "memory");
        result = eax < 0 && eax > -4096 ? -1 : eax;
        error = eax < 0 && eax > -4096 ? (int)-eax : 0;
      } else {
        result = sigsuspend(&none);
        error = errno;
      }
      sigprocmask(SIG_UNBLOCK, &blocked, NULL);
      printf("sigsuspend (%s): %ld (%s), first %d, second %d\n", raw ? "int $0x80" : "libc",
             result, strerror(error), first_runs, second_runs);
      fflush(stdout);
    }
  }
  return 0;
}
