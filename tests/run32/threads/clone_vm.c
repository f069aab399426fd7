// clone with CLONE_VM and no CLONE_THREAD: a process of its own (its pid, SIGCHLD, waitpid)
// sharing the parent's memory; without CLONE_SIGHAND its dispositions are its own; a
// thread-like raw clone with the tid words (CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID).
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int shared_value;
static volatile pid_t child_pid_seen, child_ppid_seen;
static int usr1_count;

static void on_usr1(int signal) {
  (void)signal;
  ++usr1_count;
}

static int child(void* argument) {
  shared_value = (int)(long)argument;
  child_pid_seen = getpid();
  child_ppid_seen = getppid();
  signal(SIGUSR1, SIG_IGN);  // the child's own disposition, not the parent's
  return 3;
}

static volatile pid_t thread_tid;
static int thread_body(void* argument) {
  thread_tid = (pid_t)syscall(SYS_gettid);
  *(int*)argument = 77;
  syscall(SYS_exit, 0);  // the thread alone
  return 0;
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  size_t size = 256 * 1024;
  char* stack = malloc(size);
  pid_t pid = clone(child, stack + size, CLONE_VM | SIGCHLD, (void*)1234);
  int status;
  waitpid(pid, &status, 0);
  printf(
      "CLONE_VM child: wrote %d, its pid is the one clone returned %d, its parent us %d, "
      "status %d\n",
      shared_value, child_pid_seen == pid, child_ppid_seen == getpid(), WEXITSTATUS(status));
  raise(SIGUSR1);
  printf("parent's handler kept: %d\n", usr1_count);

  pid_t parent_tid = 0, child_tid = -1;
  int result = 0;
  pid_t tid = clone(thread_body, stack + size,
                    CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                        CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
                    &result, &parent_tid, NULL, &child_tid);
  // CLONE_CHILD_CLEARTID: the word is cleared and woken at the thread's death.
  while (child_tid != 0) syscall(SYS_futex, &child_tid, FUTEX_WAIT, child_tid, NULL, NULL, 0);
  printf("raw thread: parent_tid %d, its gettid %d, wrote %d, same pid %d\n", parent_tid == tid,
         thread_tid == tid, result, tid != getpid());
  return 0;
}
