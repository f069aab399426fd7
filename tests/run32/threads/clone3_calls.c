// clone3 with i386's clone_args: a fork-like child; CLONE_VFORK (the parent waits);
// the kernel's refusals (a short struct, a non-zero tail past the known fields, an exit
// signal with CLONE_THREAD, a stack without its size).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long clone3_call(struct clone_args* args, size_t size) {
  return syscall(SYS_clone3, args, size);
}

static const char* error_name(long result) {
  if (result != -1) return "no error";
  return errno == EINVAL ? "EINVAL" : errno == E2BIG ? "E2BIG" : errno == EFAULT ? "EFAULT" : "?";
}

int main(void) {
  struct clone_args args;
  memset(&args, 0, sizeof args);
  args.exit_signal = SIGCHLD;
  long pid = clone3_call(&args, sizeof args);
  if (pid == 0) _exit(12);
  int status;
  waitpid((pid_t)pid, &status, 0);
  printf("fork-like: status %d\n", WEXITSTATUS(status));

  memset(&args, 0, sizeof args);
  args.flags = CLONE_VFORK;
  args.exit_signal = SIGCHLD;
  int fds[2];
  pipe2(fds, O_NONBLOCK);
  pid = clone3_call(&args, sizeof args);
  if (pid == 0) {
    write(fds[1], "v", 1);
    _exit(13);
  }
  // With CLONE_VFORK the parent resumes once the child has exited: its byte is there.
  char byte = 0;
  printf("CLONE_VFORK: the child's byte is there %d", read(fds[0], &byte, 1) == 1 && byte == 'v');
  waitpid((pid_t)pid, &status, 0);
  printf(", status %d\n", WEXITSTATUS(status));
  memset(&args, 0, sizeof args);
  args.exit_signal = SIGCHLD;
  printf("size 32: %s\n", error_name(clone3_call(&args, 32)));
  struct {
    struct clone_args args;
    uint64_t extra;
  } bigger;
  memset(&bigger, 0, sizeof bigger);
  bigger.args.exit_signal = SIGCHLD;
  bigger.extra = 1;
  printf("non-zero tail: %s\n", error_name(clone3_call(&bigger.args, sizeof bigger)));
  args.flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM;
  printf("exit signal with CLONE_THREAD: %s\n", error_name(clone3_call(&args, sizeof args)));
  memset(&args, 0, sizeof args);
  args.stack = 0x10000;
  printf("stack without a size: %s\n", error_name(clone3_call(&args, sizeof args)));
  args.stack = 0;
  args.flags = CLONE_SIGHAND;
  printf("CLONE_SIGHAND without CLONE_VM: %s\n", error_name(clone3_call(&args, sizeof args)));
  printf("bad pointer: %s\n", error_name(clone3_call((void*)16, sizeof args)));
  return 0;
}
