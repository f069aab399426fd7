/* F_SETSIG: the signal an O_ASYNC descriptor raises carries its siginfo in the SIGPOLL
 * layout (si_code POLL_IN or POLL_OUT, si_band, si_fd); without F_SETSIG, SIGIO comes as
 * SI_KERNEL with no descriptor. Also a SIGIO sent with sigqueue (si_code SI_QUEUE: the rt
 * layout, its value). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int got_signal, got_code, got_fd, got_value;
static volatile long got_band;

static void record(int signal, siginfo_t *info, void *context) {
  (void)context;
  got_signal = signal;
  got_code = info->si_code;
  got_fd = info->si_fd;
  got_band = info->si_band;
  got_value = info->si_value.sival_int;
}

static void wait_for(int signal) {
  sigset_t set;
  sigfillset(&set);
  sigdelset(&set, signal);
  got_signal = 0;
  while (!got_signal) sigsuspend(&set);
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = record;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGRTMIN + 2, &action, NULL);
  sigaction(SIGIO, &action, NULL);
  sigset_t blocked;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGRTMIN + 2);
  sigaddset(&blocked, SIGIO);
  sigprocmask(SIG_BLOCK, &blocked, NULL);

  int pipes[2];
  pipe(pipes);
  /* Move the read end up so that a zero si_fd cannot pass. */
  int reader = fcntl(pipes[0], F_DUPFD, 40);
  close(pipes[0]);
  fcntl(reader, F_SETOWN, getpid());
  fcntl(reader, F_SETSIG, SIGRTMIN + 2);
  fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) | O_ASYNC | O_NONBLOCK);
  write(pipes[1], "x", 1);
  wait_for(SIGRTMIN + 2);
  printf("F_SETSIG SIGRTMIN+2: signal ok %d, code %d (POLL_IN %d), fd %d (reader %d), band %#lx\n",
         got_signal == SIGRTMIN + 2, got_code, POLL_IN, got_fd, reader, got_band);

  /* The write end, signalled when the pipe has room again. */
  int writer = fcntl(pipes[1], F_DUPFD, 50);
  close(pipes[1]);
  fcntl(writer, F_SETOWN, getpid());
  fcntl(writer, F_SETSIG, SIGIO);
  fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_ASYNC | O_NONBLOCK);
  char block[4096];
  memset(block, 'y', sizeof block);
  while (write(writer, block, sizeof block) > 0) {
  }
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGIO);
  struct timespec zero = {0, 0};
  siginfo_t info;
  while (sigtimedwait(&set, &info, &zero) > 0) {
  }
  char sink[65536];
  while (read(reader, sink, sizeof sink) > 0) {
  }
  wait_for(SIGIO);
  printf("F_SETSIG SIGIO on the write end: code %d (POLL_OUT %d), fd %d (writer %d), band %#lx\n",
         got_code, POLL_OUT, got_fd, writer, got_band);

  /* Without F_SETSIG: SIGIO with SI_KERNEL, no descriptor. */
  fcntl(reader, F_SETSIG, 0);
  write(writer, "z", 1);
  wait_for(SIGIO);
  printf("plain SIGIO: code %d (SI_KERNEL %d)\n", got_code, SI_KERNEL);

  union sigval value = {.sival_int = 31};
  sigqueue(getpid(), SIGIO, value);
  wait_for(SIGIO);
  printf("sigqueue SIGIO: code %d (SI_QUEUE %d), value %d\n", got_code, SI_QUEUE, got_value);
  return 0;
}
