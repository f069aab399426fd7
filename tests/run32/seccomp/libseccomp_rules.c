// A program built on Debian's libseccomp (i386): its rules compiled to a filter for the x86
// architecture and loaded (no_new_privs set by libseccomp), then calls each rule judges.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int trapped_syscall = -1;
static void on_sigsys(int signal, siginfo_t* info, void* context) {
  (void)signal, (void)context;
  trapped_syscall = info->si_syscall;
}

static void report(const char* what, long result) {
  if (result < 0)
    printf("%s: -1 %s\n", what, strerrorname_np(errno));
  else
    printf("%s: %ld\n", what, result);
}

int main(void) {
  printf("libseccomp %u.%u.%u\n", seccomp_version()->major, seccomp_version()->minor,
         seccomp_version()->micro);
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  int rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(getppid), 0);
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(77), SCMP_SYS(dup2), 1, SCMP_A1(SCMP_CMP_EQ, 100));
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EMFILE), SCMP_SYS(fcntl64), 2,
                         SCMP_A0(SCMP_CMP_GE, 50), SCMP_A1(SCMP_CMP_EQ, F_GETFD));
  rc |= seccomp_rule_add(ctx, SCMP_ACT_TRAP, SCMP_SYS(uname), 0);
  rc |= seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(getuid32), 0);
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTSUP), SCMP_SYS(ftruncate64), 1,
                         SCMP_A1_64(SCMP_CMP_GT, 0x100000000ull));
  printf("rules added: %s\n", rc == 0 ? "yes" : "no");
  struct sigaction action = {0};
  action.sa_sigaction = on_sigsys;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSYS, &action, NULL);
  printf("seccomp_load: %d\n", seccomp_load(ctx));
  seccomp_release(ctx);

  report("getppid", syscall(SYS_getppid));
  report("dup2(1, 100)", dup2(1, 100));
  report("dup2(1, 101)", dup2(1, 101));
  report("fcntl(101, F_GETFD)", fcntl(101, F_GETFD));
  report("fcntl(1, F_GETFD)", fcntl(1, F_GETFD));
  // O_LARGEFILE: an i386 descriptor without it cannot grow past 2 GiB, which run32 does not
  // keep (README, "Not yet").
  int scratch = open(".", O_TMPFILE | O_RDWR | O_LARGEFILE, 0600);
  report("ftruncate64 to 8 GiB", ftruncate64(scratch, 0x200000000ll));
  report("ftruncate64 to 4 KiB", ftruncate64(scratch, 4096));
  struct utsname name;
  uname(&name);
  printf("uname trapped: si_syscall %d (uname is %d)\n", trapped_syscall, SCMP_SYS(uname));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    getuid();
    _exit(0);
  }
  int status;
  waitpid(child, &status, 0);
  printf("a child's getuid: %s\n",
         WIFSIGNALED(status) ? sigabbrev_np(WTERMSIG(status)) : "not killed");
  return 0;
}
