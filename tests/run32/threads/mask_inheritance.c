/* A new thread starts with its creator's signal mask (copy_process), the signals the shim
 * keeps for itself (SIGSYS, SIGSEGV: the host never blocks them) and an i386 libc's own 32
 * and 33 included; so does a child of fork and one of vfork. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t raw_mask(void) {
  uint64_t mask = 0;
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &mask, 8);
  return mask;
}

static void show(const char *who) {
  const uint64_t mask = raw_mask();
  printf("%s:", who);
  const int signals[] = {SIGSYS, SIGSEGV, SIGUSR2, 32, 33};
  for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; ++i)
    printf(" %d:%d", signals[i], (int)(mask >> (signals[i] - 1) & 1));
  printf("\n");
  fflush(stdout);
}

static void *thread_body(void *argument) {
  show(argument);
  return NULL;
}

static void children(const char *thread, const char *forked) {
  pthread_t t;
  pthread_create(&t, NULL, thread_body, (void *)thread);
  pthread_join(t, NULL);
  pid_t pid = fork();
  if (pid == 0) {
    show(forked);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
}

int main(void) {
  show("main");
  children("thread, nothing blocked", "fork child, nothing blocked");
  sigset_t some;
  sigemptyset(&some);
  sigaddset(&some, SIGSYS);
  sigaddset(&some, SIGUSR2);
  sigprocmask(SIG_BLOCK, &some, NULL);
  children("thread, SIGSYS blocked", "fork child, SIGSYS blocked");
  sigaddset(&some, SIGSEGV);
  sigprocmask(SIG_BLOCK, &some, NULL);
  const uint64_t bit33 = (uint64_t)1 << 32;
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &bit33, NULL, 8);
  show("main, SIGSYS, SIGSEGV and 33 blocked");
  children("thread, SIGSYS, SIGSEGV and 33 blocked", "fork child, SIGSYS, SIGSEGV and 33 blocked");
  pid_t pid = vfork();
  if (pid == 0) {
    const uint64_t mask = raw_mask();
    _exit((int)((mask >> (SIGSYS - 1) & 1) | (mask >> (SIGSEGV - 1) & 1) << 1 |
                (mask >> 32 & 1) << 2));
  }
  int status;
  waitpid(pid, &status, 0);
  printf("vfork child: SIGSYS %d, SIGSEGV %d, 33 %d\n", WEXITSTATUS(status) & 1,
         WEXITSTATUS(status) >> 1 & 1, WEXITSTATUS(status) >> 2 & 1);
  return 0;
}
