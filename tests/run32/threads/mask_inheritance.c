/* A new thread starts with its creator's signal mask (copy_process), the signals the shim
 * keeps for itself (SIGSYS, SIGSEGV: the host never blocks them) and an i386 libc's own 32
 * and 33 included; so does a child of fork and one of vfork. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
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

// A thread of clone itself, without libc's pthread_create (which sets the new thread's mask
// itself): it reads its mask, hands it over and ends, touching no TLS of its own.
static volatile uint64_t raw_thread_mask;
static volatile int raw_thread_done;

static int raw_thread(void *argument) {
  (void)argument;
  raw_thread_mask = raw_mask();
  __atomic_store_n(&raw_thread_done, 1, __ATOMIC_SEQ_CST);
  syscall(SYS_exit, 0);
  return 0;
}

static void show_raw_thread(void) {
  static char stack[64 << 10] __attribute__((aligned(16)));
  raw_thread_done = 0;
  clone(raw_thread, stack + sizeof stack,
        CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM, NULL);
  while (!__atomic_load_n(&raw_thread_done, __ATOMIC_SEQ_CST)) sched_yield();
  usleep(10000);  // gone from its stack
  const uint64_t mask = raw_thread_mask;
  printf("clone thread: SIGSYS %d, SIGSEGV %d, SIGUSR2 %d, 33 %d\n",
         (int)(mask >> (SIGSYS - 1) & 1), (int)(mask >> (SIGSEGV - 1) & 1),
         (int)(mask >> (SIGUSR2 - 1) & 1), (int)(mask >> 32 & 1));
}

static void children(const char *thread, const char *forked) {
  show_raw_thread();
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
