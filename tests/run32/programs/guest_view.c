// What the guest may hand to a syscall: nothing at or past TASK_SIZE (0xffffe000, where the
// shim keeps its own page) is the guest's, so pointers there are EFAULT where the kernel
// touches them; a read at end of file into such a buffer touches nothing and returns 0; the
// vDSO, below TASK_SIZE, may be read from.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char* what, long result) {
  printf("%-40s %ld %s\n", what, result, result < 0 ? strerror(errno) : "");
}

int main(void) {
  void* const shim_page = (void*)0xffffe000;
  void* const last_page = (void*)0xfffff000;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return 1;

  show("rt_sigaction act in the shim's page", syscall(SYS_rt_sigaction, SIGUSR1, shim_page, 0, 8));
  show("rt_sigaction oldact in the shim's page",
       syscall(SYS_rt_sigaction, SIGUSR1, 0, shim_page, 8));
  show("write from the shim's page", write(pipe_fds[1], shim_page, 16));
  show("write from the last page", write(pipe_fds[1], last_page, 16));
  show("stat64 into the shim's page", syscall(SYS_stat64, "/", shim_page));
  show("stat64 of a path in the shim's page", syscall(SYS_stat64, shim_page, last_page));
  show("uname into the last page", syscall(SYS_uname, last_page));

  const int empty = open("/dev/null", O_RDONLY);
  show("read at end of file into the last page", read(empty, last_page, 16));
  show("read at end of file into the shim's page", read(empty, shim_page, 4096));
  const int data = open("/proc/self/exe", O_RDONLY);
  show("read of data into the last page", read(data, last_page, 16));

  const char* vdso = (const char*)getauxval(AT_SYSINFO_EHDR);
  show("vDSO below TASK_SIZE", vdso && (unsigned long)vdso < 0xffffe000ul);
  show("write from the vDSO", write(pipe_fds[1], vdso, 4));
  return 0;
}
