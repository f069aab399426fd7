/* PTRACE_GETREGS and PTRACE_SETREGS of an i386 tracee stopped in its own code: a child spins
 * in a loop with known values in its registers (and two on its x87 stack); the parent seizes
 * it, interrupts it until it stops inside the loop, reads its registers (the known values,
 * 32-bit user code and stack selectors, the same through PTRACE_PEEKUSER, the x87 ones
 * through PTRACE_GETFPREGS and GETFPXREGS; then as gdb reads them, through PTRACE_GETREGSET
 * and an iovec: the same registers and images, each regset's length and errors; its
 * PTRACE_GET_SYSCALL_INFO), sets ebx through PTRACE_SETREGSET, then eip to the exit path and
 * ebx to the status it exits with, and lets it go. Under run32 the tracee's exit through int $0x80
 * is a SIGSYS the shim serves: the tracer passes every signal stop on, as a tracer must. */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

__asm__(
    ".text\n"
    ".globl spin\n"
    "spin:\n\t"
    "movl $0x11111111, %ebx\n\t"
    "movl $0x22222222, %esi\n\t"
    "movl $0x33333333, %edi\n\t"
    "movl $0x44444444, %eax\n\t"
    "fninit\n\t"
    "fld1\n\t"
    "fldpi\n\t"
    ".globl spin_loop\n"
    "spin_loop:\n\t"
    "jmp spin_loop\n\t"
    ".globl spin_exit\n"
    "spin_exit:\n\t"
    "movl $1, %eax\n\t" /* exit(ebx) */
    "int $0x80\n");
extern void spin(void);
extern char spin_loop[], spin_exit[];

int main(void) {
  int ready[2];
  if (pipe(ready)) return 1;
  const pid_t child = fork();
  if (child == 0) {
    char byte = 1;
    if (write(ready[1], &byte, 1) != 1) _exit(2);
    spin();
  }
  char byte;
  if (read(ready[0], &byte, 1) != 1) return 1;
  printf("seize: %ld\n", ptrace(PTRACE_SEIZE, child, 0, 0));
  struct user_regs_struct regs;
  int status = 0, in_loop = 0;
  for (int attempt = 0; attempt < 1000 && !in_loop; ++attempt) {
    const struct timespec pause = {0, 1000000};
    nanosleep(&pause, NULL);
    if (ptrace(PTRACE_INTERRUPT, child, 0, 0) || waitpid(child, &status, 0) != child) {
      printf("interrupt: %s\n", strerror(errno));
      return 1;
    }
    if (ptrace(PTRACE_GETREGS, child, 0, &regs)) {
      printf("getregs: %s\n", strerror(errno));
      kill(child, SIGKILL);
      return 1;
    }
    in_loop = regs.eip == (long)spin_loop;
    if (!in_loop)
      ptrace(PTRACE_CONT, child, 0,
             WIFSTOPPED(status) && (status >> 16) == 0 ? WSTOPSIG(status) : 0);
  }
  printf("stopped in the loop: %d\n", in_loop);
  printf("ebx %lx esi %lx edi %lx eax %lx\n", regs.ebx, regs.esi, regs.edi, regs.eax);
  printf("cs %lx ss %lx\n", regs.xcs, regs.xss);
  /* the user area: registers by their offset in struct user, a field the kernel answers 0
   * for, the debug control register, an offset past the struct */
  const long offsets[] = {offsetof(struct user, regs.eax),      offsetof(struct user, regs.ebx),
                          offsetof(struct user, regs.xcs),      offsetof(struct user, u_tsize),
                          offsetof(struct user, u_debugreg[7]), sizeof(struct user) + 4};
  for (unsigned i = 0; i < sizeof offsets / sizeof offsets[0]; ++i) {
    errno = 0;
    const long word = ptrace(PTRACE_PEEKUSER, child, offsets[i], 0);
    printf("peekuser %ld: %lx %s\n", offsets[i], word, errno ? strerror(errno) : "");
  }
  /* the x87 stack: pi over 1, five registers empty */
  struct user_fpregs_struct fp;
  struct user_fpxregs_struct fpx;
  if (ptrace(PTRACE_GETFPREGS, child, 0, &fp) == 0) {
    printf("fpregs: cwd %lx swd %lx twd %lx st0 %08lx %08lx st1 %08lx %08lx\n", fp.cwd, fp.swd,
           fp.twd, fp.st_space[0], fp.st_space[1], fp.st_space[2] >> 16 | fp.st_space[3] << 16,
           fp.st_space[3] >> 16 | fp.st_space[4] << 16);
  } else {
    printf("getfpregs: %s\n", strerror(errno));
  }
  if (ptrace(PTRACE_GETFPXREGS, child, 0, &fpx) == 0)
    printf("fpxregs: cwd %x swd %x twd %x st0 %08lx\n", fpx.cwd, fpx.swd, fpx.twd, fpx.st_space[0]);
  else
    printf("getfpxregs: %s\n", strerror(errno));
  /* the regsets through an iovec, as gdb reads them: a longer length is clamped to the
   * regset's and written back */
  struct user_regs_struct set_regs;
  struct iovec iov = {&set_regs, sizeof set_regs + 64};
  long got = ptrace(PTRACE_GETREGSET, child, NT_PRSTATUS, &iov);
  printf("getregset prstatus: %ld, %u bytes, eip %d eax %d and all as getregs %d\n", got,
         (unsigned)iov.iov_len, set_regs.eip == regs.eip, set_regs.eax == regs.eax,
         memcmp(&set_regs, &regs, sizeof regs) == 0);
  struct user_fpregs_struct set_fp;
  iov = (struct iovec){&set_fp, sizeof set_fp};
  got = ptrace(PTRACE_GETREGSET, child, NT_PRFPREG, &iov);
  printf("getregset prfpreg: %ld, %u bytes, as getfpregs %d\n", got, (unsigned)iov.iov_len,
         memcmp(&set_fp, &fp, sizeof fp) == 0);
  static unsigned char xstate[16384];
  struct user_fpxregs_struct set_fpx;
  iov = (struct iovec){&set_fpx, sizeof set_fpx};
  got = ptrace(PTRACE_GETREGSET, child, NT_PRXFPREG, &iov);
  printf("getregset prxfpreg: %ld, %u bytes, as getfpxregs %d\n", got, (unsigned)iov.iov_len,
         memcmp(&set_fpx, &fpx, sizeof fpx) == 0);
  iov = (struct iovec){xstate, sizeof xstate};
  got = ptrace(PTRACE_GETREGSET, child, NT_X86_XSTATE, &iov);
  /* its legacy area up to the SSE registers is the fxsave image */
  printf("getregset x86_xstate: %ld, more than 576 bytes %d, x87 part as getfpxregs %d\n", got,
         iov.iov_len > 576, memcmp(xstate, &fpx, 160) == 0);
  unsigned char tls[48];
  iov = (struct iovec){tls, sizeof tls};
  got = ptrace(PTRACE_GETREGSET, child, NT_386_TLS, &iov);
  printf("getregset 386_tls: %ld, %u bytes\n", got, (unsigned)iov.iov_len);
  iov = (struct iovec){xstate, 8192};
  errno = 0;
  got = ptrace(PTRACE_GETREGSET, child, NT_386_IOPERM, &iov);
  printf("getregset 386_ioperm: %ld %s\n", got, strerror(errno));
  iov = (struct iovec){&set_regs, 6};
  printf("getregset of 6 bytes: %s\n",
         ptrace(PTRACE_GETREGSET, child, NT_PRSTATUS, &iov) ? strerror(errno) : "no error");
  iov = (struct iovec){&set_regs, sizeof set_regs};
  printf("getregset of an unknown type: %s\n",
         ptrace(PTRACE_GETREGSET, child, 0x999, &iov) ? strerror(errno) : "no error");
  printf("getregset through a bad iovec: %s\n",
         ptrace(PTRACE_GETREGSET, child, NT_PRSTATUS, (void*)16) ? strerror(errno) : "no error");
  /* a register written through SETREGSET, read back with GETREGS */
  set_regs = regs;
  set_regs.ebx = 41;
  iov = (struct iovec){&set_regs, sizeof set_regs};
  got = ptrace(PTRACE_SETREGSET, child, NT_PRSTATUS, &iov);
  struct user_regs_struct written;
  ptrace(PTRACE_GETREGS, child, 0, &written);
  printf("setregset prstatus: %ld, %u bytes, ebx %ld\n", got, (unsigned)iov.iov_len, written.ebx);
  /* PTRACE_GET_SYSCALL_INFO at this stop, outside a syscall: op NONE, where it stopped */
  unsigned char info[88];
  memset(info, 0xa5, sizeof info);
  got = ptrace(PTRACE_GET_SYSCALL_INFO, child, sizeof info, info);
  unsigned long long ip, sp;
  memcpy(&ip, info + 8, 8);
  memcpy(&sp, info + 16, 8);
  printf("get_syscall_info: %ld, op %d, at eip %d, esp %d\n", got, info[0], ip == regs.eip,
         sp == regs.esp);
  printf("getregs to a bad address: %s\n",
         ptrace(PTRACE_GETREGS, child, 0, (void*)16) ? strerror(errno) : "no error");
  regs.eip = (long)spin_exit;
  regs.ebx = 42;
  printf("setregs: %ld\n", ptrace(PTRACE_SETREGS, child, 0, &regs));
  struct user_regs_struct again;
  ptrace(PTRACE_GETREGS, child, 0, &again);
  printf("read back: eip at the exit path %d, ebx %ld\n", again.eip == (long)spin_exit, again.ebx);
  printf("setregs from a bad address: %s\n",
         ptrace(PTRACE_SETREGS, child, 0, (void*)16) ? strerror(errno) : "no error");
  ptrace(PTRACE_CONT, child, 0, 0);
  for (;;) {
    if (waitpid(child, &status, 0) != child) return 1;
    if (WIFEXITED(status) || WIFSIGNALED(status)) break;
    /* a signal-delivery stop (run32's SIGSYS) goes on with its signal; any other without */
    ptrace(PTRACE_CONT, child, 0, (status >> 16) == 0 ? WSTOPSIG(status) : 0);
  }
  if (WIFEXITED(status))
    printf("tracee exited with %d\n", WEXITSTATUS(status));
  else
    printf("tracee killed by signal %d\n", WTERMSIG(status));
  return 0;
}
