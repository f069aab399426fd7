/* A language runtime's view of libsys: no libc, no start files, its own _start. It reads and
   writes files, lists a directory, maps memory, starts a thread with clone, handles a signal
   and takes fallbacks (statx, getrandom, openat2, renameat2 on an old kernel), using libsys
   alone (static, -nostdlib -ffreestanding). stdout is the same on any kernel; stderr names
   the fallbacks this run took. tests/cli/libsys_freestanding.sh runs it natively and under
   `syscompat oldkernel --release 3.10` (ENOSYS and EPERM) and compares.
     demo SCRATCH_DIR */
#include <libsys.h>
#include <linux/fcntl.h>
#include <linux/futex.h>
#include <linux/mman.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/stat.h>

#define SIGUSR1 10
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define ENOENT 2

/* ---- what a runtime would have: errno, output ------------------------------------- */

static int runtime_errno;
static int* errno_location(void) {
  return &runtime_errno;
}

static unsigned long length(const char* s) {
  unsigned long n = 0;
  while (s[n] != '\0') ++n;
  return n;
}
static void write_to(int fd, const char* s) {
  __sys_write(fd, s, length(s));
}
static void out(const char* s) {
  write_to(1, s);
}
static void out_number(long value) {
  char digits[24];
  int n = 0;
  unsigned long v = value < 0 ? (unsigned long)-value : (unsigned long)value;
  do digits[n++] = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  if (value < 0) out("-");
  while (n > 0) {
    char one[2] = {digits[--n], '\0'};
    out(one);
  }
}
static int same(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) ++a, ++b;
  return *a == *b;
}

/* ---- files and a directory ---------------------------------------------------------- */

static void put_file(int dfd, const char* name, const char* text) {
  const long fd = __sys_openat(dfd, name, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
  __sys_write((int)fd, text, length(text));
  __sys_close((int)fd);
}

static void show_file(int fd) {
  char buffer[64];
  const long n = __sys_read(fd, buffer, sizeof buffer - 1);
  buffer[n < 0 ? 0 : n] = '\0';
  out(buffer);
}

static void list_directory(int dfd) {
  char names[16][32];
  int count = 0;
  struct libsys_linux_dirent64 buffer[128];
  const long dir = __sys_openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  long n;
  while ((n = __sys_getdents64((int)dir, buffer, sizeof buffer)) > 0) {
    long pos = 0;
    while (pos < n) {
      const struct libsys_linux_dirent64* entry =
          (const struct libsys_linux_dirent64*)(const void*)((const char*)buffer + pos);
      /* The name follows d_type (the description's struct ends there). */
      const char* name = (const char*)entry + offsetof(struct libsys_linux_dirent64, d_type) + 1;
      const unsigned short reclen = entry->d_reclen;
      if (!same(name, ".") && !same(name, "..") && count < 16) {
        int i = 0;
        for (; name[i] != '\0' && i < 31; ++i) names[count][i] = name[i];
        names[count++][i] = '\0';
      }
      pos += reclen;
    }
  }
  __sys_close((int)dir);
  /* getdents order is the file system's: sorted here, so any kernel prints the same. */
  for (int i = 1; i < count; ++i)
    for (int j = i; j > 0; --j) {
      int k = 0;
      while (names[j - 1][k] != '\0' && names[j - 1][k] == names[j][k]) ++k;
      if ((unsigned char)names[j - 1][k] <= (unsigned char)names[j][k]) break;
      for (int c = 0; c < 32; ++c) {
        const char t = names[j][c];
        names[j][c] = names[j - 1][c];
        names[j - 1][c] = t;
      }
    }
  out("directory:");
  for (int i = 0; i < count; ++i) out(" "), out(names[i]);
  out("\n");
}

/* ---- a thread --------------------------------------------------------------------- */

static volatile int shared;

static int thread_main(void* arg) {
  out("thread: running\n");
  shared = *(int*)arg * 2;
  return 0;
}

static void run_thread(void) {
  const unsigned long size = 65536;
  char* stack = (char*)__sys_mmap(0, size, PROT_READ | PROT_WRITE,
                                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  static int tid_word;
  int input = 21;
  const unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                              CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
  /* The kernel writes the id to tid_word before clone returns, and clears it (and wakes
     the futex) when the thread has exited. */
  const long tid = libsys_clone(flags, stack + size, &tid_word, &tid_word, 0, thread_main, &input);
  if (tid < 0) {
    out("thread: clone failed\n");
    return;
  }
  int seen;
  while ((seen = tid_word) != 0) __sys_futex((uint32_t*)&tid_word, FUTEX_WAIT, seen, 0, 0, 0);
  out("thread: joined, result ");
  out_number(shared);
  out("\n");
  __sys_munmap(stack, size);
}

/* ---- a signal ----------------------------------------------------------------------- */

static volatile int delivered;

static void on_signal(int sig, void* info, void* context) {
  (void)context;
  delivered = sig * 100 + *(const int*)info; /* si_signo is the first member */
}

static void handle_signal(void) {
  struct libsys_sigaction action = {0};
  void (*handler)(int, void*, void*) = on_signal;
  void (*restorer)(void) = libsys_sigreturn;
  /* The kernel's struct holds code addresses as void*: copied, as ISO C has no such cast. */
  __builtin_memcpy(&action.handler, &handler, sizeof handler);
  __builtin_memcpy(&action.sa_restorer, &restorer, sizeof restorer);
  action.sa_flags = SA_SIGINFO | SA_RESTORER;
  __sys_rt_sigaction(SIGUSR1, &action, 0, 8);
  __sys_kill((int32_t)__sys_getpid(), SIGUSR1);
  out("signal: handler saw ");
  out_number(delivered);
  out("\n");
}

/* ---- memory ------------------------------------------------------------------------- */

static void map_memory(void) {
  const unsigned long size = 1 << 20;
  unsigned char* p = (unsigned char*)__sys_mmap(0, size, PROT_READ | PROT_WRITE,
                                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned long sum = 0;
  for (unsigned long i = 0; i < size; ++i) p[i] = (unsigned char)(i * 7);
  for (unsigned long i = 0; i < size; i += 4096) sum += p[i + 5];
  out("memory: 1 MiB mapped, checksum ");
  out_number((long)sum);
  out(", mprotect ");
  out_number(__sys_mprotect(p, size, PROT_READ));
  out(", munmap ");
  out_number(__sys_munmap(p, size));
  out("\n");
}

/* ---- fallbacks ---------------------------------------------------------------------- */

static void take_fallbacks(int dfd) {
  struct libsys_statx sx;
  struct libsys_open_how how = {0};
  unsigned char random[16];
  out("statx: ");
  out_number(__sys_statx(dfd, "a.txt", 0, STATX_BASIC_STATS, &sx));
  out(", size ");
  out_number((long)sx.stx_size);
  out(", regular ");
  out_number((sx.stx_mode & 0170000) == 0100000);
  out("\n");
  out("getrandom: ");
  out_number(__sys_getrandom(random, sizeof random, 0));
  out("\n");
  how.flags = O_RDONLY | O_CLOEXEC;
  const long fd = __sys_openat2(dfd, "a.txt", &how, sizeof how);
  out("openat2: ");
  out_number(fd >= 0);
  out(", reads ");
  show_file((int)fd);
  __sys_close((int)fd);
  out("renameat2: ");
  out_number(__sys_renameat2(dfd, "b.txt", dfd, "c.txt", 0));
  out("\n");
  const int calls[] = {LIBSYS_NR_statx, LIBSYS_NR_getrandom, LIBSYS_NR_openat2,
                       LIBSYS_NR_renameat2};
  const char* names[] = {"statx", "getrandom", "openat2", "renameat2"};
  write_to(2, "fallbacks taken:");
  for (int i = 0; i < 4; ++i)
    if (libsys_fallback_active((uint32_t)calls[i])) write_to(2, " "), write_to(2, names[i]);
  write_to(2, "\n");
}

/* ---- the program -------------------------------------------------------------------- */

static int run(int argc, char** argv) {
  libsys_set_errno_location(errno_location);
  if (argc != 2) {
    write_to(2, "usage: demo SCRATCH_DIR\n");
    return 2;
  }
  const long dfd = __sys_openat(AT_FDCWD, argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dfd < 0) {
    write_to(2, "demo: cannot open the scratch directory\n");
    return 1;
  }
  put_file((int)dfd, "a.txt", "alpha\n");
  put_file((int)dfd, "b.txt", "beta\n");
  __sys_mkdirat((int)dfd, "sub", 0755);
  const long fd = __sys_openat((int)dfd, "a.txt", O_RDONLY | O_CLOEXEC, 0);
  out("file: ");
  show_file((int)fd);
  __sys_close((int)fd);
  out("errno: ");
  out_number(__sys_openat((int)dfd, "missing", O_RDONLY, 0));
  out(" ");
  out(runtime_errno == ENOENT ? "ENOENT" : "other");
  out("\n");
  map_memory();
  run_thread();
  handle_signal();
  take_fallbacks((int)dfd);
  list_directory((int)dfd);
  return 0;
}

__attribute__((used)) static void start(long* stack) {
  __sys_exit_group(run((int)stack[0], (char**)(stack + 1)));
}

/* The kernel starts a static program here: the stack holds argc, argv, envp, auxv. */
__asm__(
    ".text\n"
    ".globl _start\n"
    "_start:\n"
    "  xor %ebp, %ebp\n"
    "  mov %rsp, %rdi\n"
    "  and $-16, %rsp\n"
    "  call start\n"
    "  hlt\n");
