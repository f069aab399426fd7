// seccomp for an i386 process, as the kernel gives a compat task: filters see AUDIT_ARCH_I386,
// i386 numbers and zero-extended 32-bit arguments; SECCOMP_RET_ERRNO (capped at 4095),
// TRAP (SIGSYS with si_syscall, si_arch, si_call_addr, si_errno; eax left as the number),
// KILL_PROCESS and KILL_THREAD, TRACE and USER_NOTIF without a tracer or listener (ENOSYS),
// LOG; filters stacked (the strongest action, the newest filter's on a tie), kept by a
// forked child, a new thread, TSYNC, and over execve; no_new_privs or CAP_SYS_ADMIN needed
// (EACCES); strict mode; the programs the kernel refuses (EINVAL, EFAULT). Each case runs
// in a child, whose end the parent reports.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LOAD(field) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))
#define ARG_LOW(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define ARG_HIGH(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]) + 4)
#define RET(value) BPF_STMT(BPF_RET | BPF_K, (value))
// if (nr == number) return action; else continue
#define ON_CALL(number, action) \
  LOAD(nr), BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (number), 0, 1), RET(action)

static const char* error_name(int error) {
  static char number[16];
  if (!error) return "ok";
  if (strerrorname_np(error)) return strerrorname_np(error);
  snprintf(number, sizeof number, "errno %d", error);
  return number;
}

static int install(struct sock_filter* code, unsigned short length, unsigned flags) {
  struct sock_fprog program = {length, code};
  return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &program) == 0 ? 0 : errno;
}
#define INSTALL(flags, ...)                                      \
  do {                                                            \
    struct sock_filter code_[] = {__VA_ARGS__};                   \
    int error_ = install(code_, COUNT(code_), (flags));           \
    if (error_) printf("  install: %s\n", error_name(error_)); \
  } while (0)

static void report(const char* name, long result) {
  if (result < 0)
    printf("  %s: -1 %s\n", name, error_name(errno));
  else
    printf("  %s: %ld\n", name, result);
}

static void no_new_privs(void) {
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) printf("  PR_SET_NO_NEW_PRIVS failed\n");
}

// Runs `body` in a child and reports how it ended.
static void in_child(const char* name, void (*body)(void)) {
  printf("%s\n", name);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    body();
    fflush(stdout);
    _exit(0);
  }
  int status;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status))
    printf("  ended by signal %s\n", sigabbrev_np(WTERMSIG(status)));
  else
    printf("  exit status %d\n", WEXITSTATUS(status));
}

// ---- the cases ----

static void without_permission(void) {
  // Effective CAP_SYS_ADMIN dropped, no no_new_privs: EACCES from both entries.
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  syscall(SYS_capget, &header, data);
  data[0].effective &= ~(1u << CAP_SYS_ADMIN);
  if (syscall(SYS_capset, &header, data) != 0) printf("  capset failed\n");
  struct sock_filter allow[] = {RET(SECCOMP_RET_ALLOW)};
  struct sock_fprog program = {1, allow};
  report("seccomp(SET_MODE_FILTER)", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program));
  report("prctl(PR_SET_SECCOMP)", prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0));
  no_new_privs();
  report("with no_new_privs", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program));
}

static void errno_for_getpid(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_ERRNO | 42), ON_CALL(__NR_getuid32, SECCOMP_RET_ERRNO | 5000),
          ON_CALL(__NR_getgid32, SECCOMP_RET_ERRNO | 0), RET(SECCOMP_RET_ALLOW));
  report("getpid", syscall(SYS_getpid));
  long raw;
  asm volatile("int $0x80" : "=a"(raw) : "0"(__NR_getpid) : "memory");
  printf("  getpid by int $0x80: %ld\n", raw);
  report("getuid32 (ERRNO 5000: capped)", syscall(SYS_getuid32));
  report("getgid32 (ERRNO 0)", syscall(SYS_getgid32));
  report("getppid > 0", syscall(SYS_getppid) > 0);
}

static volatile int trapped;
static volatile unsigned trap_syscall, trap_arch, trap_errno, trap_code, trap_eax;
static void* volatile trap_address;
static void on_sigsys(int signal, siginfo_t* info, void* context) {
  (void)signal;
  trapped++;
  trap_code = info->si_code;
  trap_errno = info->si_errno;
  trap_syscall = info->si_syscall;
  trap_arch = info->si_arch;
  trap_address = info->si_call_addr;
  trap_eax = ((ucontext_t*)context)->uc_mcontext.gregs[REG_EAX];
}

extern char after_int80[];
__attribute__((noinline)) static long int80_getuid(long argument) {
  long result;
  asm volatile("int $0x80\n.globl after_int80\nafter_int80:"
               : "=a"(result)
               : "0"(__NR_getuid32), "b"(argument)
               : "memory");
  return result;
}

static void trap(void) {
  struct sigaction action = {0};
  action.sa_sigaction = on_sigsys;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSYS, &action, NULL);
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getuid32, SECCOMP_RET_TRAP | 7), RET(SECCOMP_RET_ALLOW));
  long result = int80_getuid(1234);
  printf("  int $0x80 getuid32: %ld (its number: %s)\n", result,
         result == __NR_getuid32 ? "yes" : "no");
  printf("  SIGSYS: %d, si_code %u (SYS_SECCOMP %s), si_errno %u, si_syscall %u\n", trapped,
         trap_code, trap_code == 1 ? "yes" : "no", trap_errno, trap_syscall);
  printf("  si_arch AUDIT_ARCH_I386: %s\n", trap_arch == AUDIT_ARCH_I386 ? "yes" : "no");
  printf("  si_call_addr after the int $0x80: %s\n", trap_address == after_int80 ? "yes" : "no");
  printf("  eax in the handler: the number: %s\n", trap_eax == __NR_getuid32 ? "yes" : "no");
  errno = 0;
  long through_libc = syscall(SYS_getuid32);
  printf("  syscall(getuid32): %ld, SIGSYS %d, si_syscall %u\n", through_libc, trapped, trap_syscall);
}

static void trap_blocked(void) {
  struct sigaction action = {0};
  action.sa_sigaction = on_sigsys;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSYS, &action, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGSYS);
  sigprocmask(SIG_BLOCK, &set, NULL);
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getuid32, SECCOMP_RET_TRAP), RET(SECCOMP_RET_ALLOW));
  syscall(SYS_getuid32);
  printf("  still here: the blocked SIGSYS did not kill\n");
}

static void kill_process(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_KILL_PROCESS), RET(SECCOMP_RET_ALLOW));
  printf("  before getpid\n");
  fflush(stdout);
  syscall(SYS_getpid);
  printf("  after getpid: not killed\n");
}

static void kill_thread(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_KILL_THREAD), RET(SECCOMP_RET_ALLOW));
  fflush(stdout);
  syscall(SYS_getpid);
  printf("  after getpid: not killed\n");
}

static void* getpid_then_report(void* unused) {
  (void)unused;
  syscall(SYS_getpid);
  printf("  the thread's getpid returned: not killed\n");
  return NULL;
}

static void kill_one_of_two_threads(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_KILL_THREAD), RET(SECCOMP_RET_ALLOW));
  pthread_t thread;
  pthread_create(&thread, NULL, getpid_then_report, NULL);
  pthread_join(thread, NULL);
  printf("  the other thread joined; this one goes on\n");
}

static void unknown_action(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, 0x12340000), RET(SECCOMP_RET_ALLOW));
  fflush(stdout);
  syscall(SYS_getpid);
  printf("  after getpid: not killed\n");
}

static void strict_allowed(void) {
  static const char message[] = "  strict: write allowed\n";
  fflush(stdout);
  report("prctl(PR_SET_SECCOMP, STRICT)", prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT));
  fflush(stdout);
  if (write(1, message, sizeof message - 1) < 0) syscall(SYS_exit, 9);
  syscall(SYS_exit, 3);
}

static void strict_refused(void) {
  fflush(stdout);
  syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL);
  syscall(SYS_getpid);
  syscall(SYS_exit, 4);
}

static void inherited_by_fork(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_ERRNO | 11), RET(SECCOMP_RET_ALLOW));
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    long result = syscall(SYS_getpid);
    _exit(result < 0 ? errno : 100);
  }
  int status;
  waitpid(pid, &status, 0);
  printf("  the child's getpid errno: %d\n", WEXITSTATUS(status));
}

static void* getpid_in_thread(void* barrier) {
  if (barrier) pthread_barrier_wait(barrier), pthread_barrier_wait(barrier);
  long result = syscall(SYS_getpid);
  return (void*)(long)(result < 0 ? errno : 100);
}

static void threads(void) {
  no_new_privs();
  // A thread started before a filter without TSYNC keeps running without it; one with
  // TSYNC gets it; a thread started after gets the filters its creator has.
  pthread_barrier_t barrier;
  pthread_barrier_init(&barrier, NULL, 2);
  pthread_t early, late;
  void* result;
  pthread_create(&early, NULL, getpid_in_thread, &barrier);
  pthread_barrier_wait(&barrier);
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_ERRNO | 12), RET(SECCOMP_RET_ALLOW));
  pthread_barrier_wait(&barrier);
  pthread_join(early, &result);
  printf("  a thread from before the filter: %ld\n", (long)result);
  pthread_create(&late, NULL, getpid_in_thread, NULL);
  pthread_join(late, &result);
  printf("  a thread from after it: errno %ld\n", (long)result);
  pthread_create(&early, NULL, getpid_in_thread, &barrier);
  pthread_barrier_wait(&barrier);
  INSTALL(SECCOMP_FILTER_FLAG_TSYNC, ON_CALL(__NR_getpid, SECCOMP_RET_ERRNO | 13),
          RET(SECCOMP_RET_ALLOW));
  pthread_barrier_wait(&barrier);
  pthread_join(early, &result);
  printf("  TSYNC reaches a running thread: errno %ld\n", (long)result);
}

static void arch_and_arguments(void) {
  no_new_privs();
  // Anything but AUDIT_ARCH_I386 is killed; close(fd) is refused by its argument's halves.
  INSTALL(0, LOAD(arch), BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 1, 0),
          RET(SECCOMP_RET_KILL_PROCESS), LOAD(nr),
          BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_close, 0, 6), ARG_HIGH(0),
          BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), RET(SECCOMP_RET_ERRNO | 78), ARG_LOW(0),
          BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffff, 0, 1), RET(SECCOMP_RET_ERRNO | 77),
          RET(SECCOMP_RET_ALLOW));
  report("close(-1): the high half is 0, the low 0xffffffff", close(-1));
  report("close(9999)", close(9999));
  report("getppid > 0 (the arch is i386)", syscall(SYS_getppid) > 0);
  // Arithmetic on the arguments: nr*3 + args[2] >> 1, the scratch memory, X.
  INSTALL(0, LOAD(nr), BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_lseek, 0, 9),
          BPF_STMT(BPF_ALU | BPF_MUL | BPF_K, 3), BPF_STMT(BPF_ST, 4), ARG_LOW(2),
          BPF_STMT(BPF_ALU | BPF_RSH | BPF_K, 1), BPF_STMT(BPF_MISC | BPF_TAX, 0),
          BPF_STMT(BPF_LD | BPF_MEM, 4), BPF_STMT(BPF_ALU | BPF_ADD | BPF_X, 0),
          BPF_STMT(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO), BPF_STMT(BPF_RET | BPF_A, 0),
          RET(SECCOMP_RET_ALLOW));
  report("lseek(0, 0, 2): 19*3 + 1", syscall(SYS_lseek, 0, 0, 2));
}

static void stacked_actions(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getppid, SECCOMP_RET_ERRNO | 10), ON_CALL(__NR_gettid, SECCOMP_RET_TRACE),
          ON_CALL(__NR_getpgrp, SECCOMP_RET_USER_NOTIF), ON_CALL(__NR_getsid, SECCOMP_RET_LOG),
          ON_CALL(__NR_getpgid, SECCOMP_RET_USER_NOTIF),
          RET(SECCOMP_RET_ALLOW));
  INSTALL(0, ON_CALL(__NR_getppid, SECCOMP_RET_ERRNO | 20), ON_CALL(__NR_getpgid, SECCOMP_RET_ERRNO | 21),
          RET(SECCOMP_RET_ALLOW));
  INSTALL(0, ON_CALL(__NR_getppid, SECCOMP_RET_TRACE), RET(SECCOMP_RET_ALLOW));
  report("getppid (ERRNO 10, ERRNO 20, TRACE: the newest ERRNO)", syscall(SYS_getppid));
  report("gettid (TRACE, no tracer)", syscall(SYS_gettid));
  report("getpgrp (USER_NOTIF, no listener)", syscall(SYS_getpgrp));
  report("getpgid(0) (USER_NOTIF under ERRNO 21)", syscall(SYS_getpgid, 0));
  report("getsid(0) > 0 (LOG)", syscall(SYS_getsid, 0) > 0);
  report("strict mode on top", prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT));
}

static void refused_programs(void) {
  no_new_privs();
  struct sock_filter misaligned[] = {BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 2), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter past_the_data[] = {BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 64), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter byte_load[] = {BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter jump_out[] = {BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 0), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter no_return[] = {LOAD(nr)};
  struct sock_filter unset_memory[] = {BPF_STMT(BPF_LD | BPF_MEM, 3), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter divide_by_zero[] = {BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter modulo[] = {BPF_STMT(BPF_ALU | BPF_MOD | BPF_K, 3), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter shift_32[] = {BPF_STMT(BPF_ALU | BPF_LSH | BPF_K, 32), RET(SECCOMP_RET_ALLOW)};
  struct sock_filter allow[] = {RET(SECCOMP_RET_ALLOW)};
  printf("  misaligned load: %s\n", error_name(install(misaligned, 2, 0)));
  printf("  load past seccomp_data: %s\n", error_name(install(past_the_data, 2, 0)));
  printf("  byte load: %s\n", error_name(install(byte_load, 2, 0)));
  printf("  jump past the end: %s\n", error_name(install(jump_out, 2, 0)));
  printf("  no return last: %s\n", error_name(install(no_return, 1, 0)));
  printf("  a scratch word never stored: %s\n", error_name(install(unset_memory, 2, 0)));
  printf("  division by 0: %s\n", error_name(install(divide_by_zero, 2, 0)));
  printf("  BPF_MOD: %s\n", error_name(install(modulo, 2, 0)));
  printf("  shift by 32: %s\n", error_name(install(shift_32, 2, 0)));
  printf("  empty: %s\n", error_name(install(allow, 0, 0)));
  printf("  4097 instructions: %s\n", error_name(install(allow, 4097, 0)));
  printf("  an unknown flag: %s\n", error_name(install(allow, 1, 1u << 20)));
  report("a bad sock_fprog", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (void*)16));
  struct sock_fprog bad = {3, (struct sock_filter*)16};
  report("bad instructions", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &bad));
  report("strict with flags", syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL));
  report("prctl mode 3", prctl(PR_SET_SECCOMP, 3, 0, 0, 0));
  printf("  a good one after: %s\n", error_name(install(allow, 1, 0)));
  report("strict after a filter", syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL));
}

static void kept_over_execve(void) {
  no_new_privs();
  INSTALL(0, ON_CALL(__NR_getpid, SECCOMP_RET_ERRNO | 33), RET(SECCOMP_RET_ALLOW));
  fflush(stdout);
  char* arguments[] = {"seccomp_filters", "after-execve", NULL};
  execv("/proc/self/exe", arguments);
  printf("  execv: %s\n", strerror(errno));
}

// SO_ATTACH_FILTER's compat sock_fprog (tcpdump's): a program that drops every datagram,
// then one that keeps them; a bad program pointer, a short option.
static void socket_filter(void) {
  int receiver = socket(AF_INET, SOCK_DGRAM, 0), sender = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in address = {0};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(receiver, (struct sockaddr*)&address, sizeof address) != 0 ||
      getsockname(receiver, (struct sockaddr*)&address, &length) != 0)
    printf("  no loopback socket\n");
  struct sock_filter drop[] = {RET(0)}, keep[] = {RET(0xffff)};
  struct sock_fprog program = {1, drop};
  report("SO_ATTACH_FILTER (drop all)",
         setsockopt(receiver, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program));
  sendto(sender, "one", 3, 0, (struct sockaddr*)&address, sizeof address);
  char buffer[8] = {0};
  report("recv", recv(receiver, buffer, sizeof buffer, MSG_DONTWAIT));
  program.filter = keep;
  report("SO_ATTACH_FILTER (keep all)",
         setsockopt(receiver, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program));
  sendto(sender, "two", 3, 0, (struct sockaddr*)&address, sizeof address);
  report("recv", recv(receiver, buffer, sizeof buffer, 0));
  printf("  received: %s\n", buffer);
  program.filter = (struct sock_filter*)16;
  report("a bad filter pointer",
         setsockopt(receiver, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program));
  report("a short option", setsockopt(receiver, SOL_SOCKET, SO_ATTACH_FILTER, &program, 4));
  report("SO_DETACH_FILTER", setsockopt(receiver, SOL_SOCKET, SO_DETACH_FILTER, &length, sizeof length));
}

// An execve of a native (x86_64) program: its calls meet the filters as AUDIT_ARCH_X86_64 ones.
static void kept_over_native_execve(void) {
  no_new_privs();
  INSTALL(0, LOAD(arch), BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 3), LOAD(nr),
          BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 39, 0, 1), RET(SECCOMP_RET_ERRNO | 44),
          RET(SECCOMP_RET_ALLOW));
  fflush(stdout);
  char* arguments[] = {"sh", "-c", "echo \"  the native shell's \\$\\$: $$\"", NULL};
  execv("/bin/sh", arguments);
  printf("  execv: %s\n", strerror(errno));
}

int main(int argc, char** argv) {
  if (argc > 1 && strcmp(argv[1], "after-execve") == 0) {
    report("getpid after execve", syscall(SYS_getpid));
    return 0;
  }
  in_child("no permission", without_permission);
  in_child("ERRNO", errno_for_getpid);
  in_child("TRAP", trap);
  in_child("TRAP with SIGSYS blocked", trap_blocked);
  in_child("KILL_PROCESS", kill_process);
  in_child("KILL_THREAD, one thread", kill_thread);
  in_child("KILL_THREAD, two threads", kill_one_of_two_threads);
  in_child("an unknown action", unknown_action);
  in_child("strict mode, read/write/exit", strict_allowed);
  in_child("strict mode, getpid", strict_refused);
  in_child("a forked child", inherited_by_fork);
  in_child("threads", threads);
  in_child("arch and arguments", arch_and_arguments);
  in_child("stacked filters", stacked_actions);
  in_child("refused programs", refused_programs);
  in_child("execve", kept_over_execve);
  in_child("execve of a native program", kept_over_native_execve);
  in_child("socket filter", socket_filter);
  return 0;
}
