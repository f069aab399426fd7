// System calls made with raw int $0x80 in the program's own code, not through libc's
// AT_SYSINFO entry: under run32 they reach the translators by Syscall User Dispatch.
// Numbers are i386's (asm/unistd_32.h), as the program's own code has them.
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long raw_syscall3(long number, long a, long b, long c) {
  long result;
  __asm__ volatile("int $0x80" : "=a"(result) : "a"(number), "b"(a), "c"(b), "d"(c) : "memory");
  return result;
}

int main(void) {
  const char message[] = "written by a raw int $0x80\n";
  long written = raw_syscall3(SYS_write, 1, (long)message, sizeof message - 1);
  printf("write returned %ld\n", written);
  printf("getpid agrees with libc: %d\n", raw_syscall3(SYS_getpid, 0, 0, 0) == getpid());
  printf("bad pointer is EFAULT: %d\n", raw_syscall3(SYS_write, 1, 16, 4) == -14);
  printf("unknown number is ENOSYS: %d\n", raw_syscall3(1000, 0, 0, 0) == -38);
  fflush(stdout);
  raw_syscall3(SYS_exit_group, 12, 0, 0);
  return 0;
}
