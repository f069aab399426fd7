/* The vDSO's time functions, called directly (found by version LINUX_2.6 from
 * AT_SYSINFO_EHDR, as musl and Go do) and through libc; natively the kernel's vdso32 answers.
 * Every clock: the result, each time bracketed by the same clock read with raw int $0x80
 * before and after; the resolution; errors for clocks no vDSO serves. Monotonic clocks never
 * go back across a million calls and across threads, and while signals interrupt the calls.
 * Bad pointers: the wait status, the fault's address, or the error, whichever the kernel's
 * gives. */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "time_layouts.h"

static int (*vdso_clock_gettime)(int, struct timespec32*);
static int (*vdso_clock_gettime64)(int, struct timespec64*);
static int (*vdso_clock_getres)(int, struct timespec32*);
static int (*vdso_gettimeofday)(struct timeval32*, struct timezone*);
static int32_t (*vdso_time)(int32_t*);
static long (*vdso_getcpu)(unsigned*, unsigned*, void*);

/* The vDSO's symbol `name` of version LINUX_2.6 (DT_HASH and the version tables). */
static void* vdso_symbol(const char* name) {
  const char* base = (const char*)getauxval(AT_SYSINFO_EHDR);
  if (!base) return NULL;
  const Elf32_Ehdr* header = (const Elf32_Ehdr*)base;
  const Elf32_Phdr* ph = (const Elf32_Phdr*)(base + header->e_phoff);
  const Elf32_Dyn* dynamic = NULL;
  uint32_t bias = 0;
  for (int i = 0; i < header->e_phnum; ++i) {
    if (ph[i].p_type == PT_LOAD) bias = (uint32_t)base + ph[i].p_offset - ph[i].p_vaddr;
    if (ph[i].p_type == PT_DYNAMIC) dynamic = (const Elf32_Dyn*)(base + ph[i].p_offset);
  }
  const uint32_t* hash = NULL;
  const Elf32_Sym* symbols = NULL;
  const char* strings = NULL;
  const uint16_t* versym = NULL;
  const char* verdef = NULL;
  for (; dynamic && dynamic->d_tag != DT_NULL; ++dynamic) {
    const char* at = (const char*)(bias + dynamic->d_un.d_ptr);
    if (dynamic->d_tag == DT_HASH) hash = (const uint32_t*)at;
    if (dynamic->d_tag == DT_SYMTAB) symbols = (const Elf32_Sym*)at;
    if (dynamic->d_tag == DT_STRTAB) strings = at;
    if (dynamic->d_tag == DT_VERSYM) versym = (const uint16_t*)at;
    if (dynamic->d_tag == DT_VERDEF) verdef = at;
  }
  if (!hash || !symbols || !strings || !versym || !verdef) return NULL;
  int version = -1;
  for (const Elf32_Verdef* d = (const Elf32_Verdef*)verdef;;
       d = (const Elf32_Verdef*)((const char*)d + d->vd_next)) {
    const Elf32_Verdaux* aux = (const Elf32_Verdaux*)((const char*)d + d->vd_aux);
    if (strcmp(strings + aux->vda_name, "LINUX_2.6") == 0) version = d->vd_ndx;
    if (!d->vd_next) break;
  }
  for (uint32_t i = 1; i < hash[1]; ++i)
    if (symbols[i].st_shndx != SHN_UNDEF && strcmp(strings + symbols[i].st_name, name) == 0 &&
        (versym[i] & 0x7fff) == version)
      return (void*)(bias + symbols[i].st_value);
  return NULL;
}

/* The i386 numbers (musl names the 32-bit calls SYS_*32, glibc does not). */
enum {
  i386_gettimeofday = 78,
  i386_clock_gettime = 265,
  i386_clock_getres = 266,
  i386_getcpu = 318
};

/* A raw i386 syscall (int $0x80): the kernel's own answer, natively and under run32. */
static int int80(int number, long a, long b) {
  int result;
  __asm__ volatile("push %%ebx\n\tmov %2, %%ebx\n\tint $0x80\n\tpop %%ebx"
                   : "=a"(result)
                   : "0"(number), "r"(a), "c"(b)
                   : "memory");
  return result;
}

static int64_t ns32(struct timespec32 t) {
  return t.sec * 1000000000LL + t.nsec;
}
static int64_t ns64(struct timespec64 t) {
  return t.sec * 1000000000LL + t.nsec;
}

static const struct {
  int id;
  const char* name;
} clocks[] = {
    {CLOCK_REALTIME, "REALTIME"},
    {CLOCK_MONOTONIC, "MONOTONIC"},
    {CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME"},
    {CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME"},
    {CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW"},
    {CLOCK_REALTIME_COARSE, "REALTIME_COARSE"},
    {CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE"},
    {CLOCK_BOOTTIME, "BOOTTIME"},
    {CLOCK_TAI, "TAI"},
    {10, "10 (no such clock)"},
    {12, "12 (no such clock)"},
    {31, "31 (no such clock)"},
    {-1, "-1 (no such clock)"},
    {0x7fffffff, "0x7fffffff (no such clock)"},
    {-6, "-6 (this process's CPU clock)"},
};

static void each_clock(void) {
  for (size_t i = 0; i < sizeof clocks / sizeof *clocks; ++i) {
    const int c = clocks[i].id;
    struct timespec32 before, at, after, res;
    struct timespec64 at64;
    int r0 = int80(i386_clock_gettime, c, (long)&before);
    int r = vdso_clock_gettime(c, &at);
    int r64 = vdso_clock_gettime64(c, &at64);
    int r1 = int80(i386_clock_gettime, c, (long)&after);
    printf("%s: syscall %d, clock_gettime %d, clock_gettime64 %d", clocks[i].name, r0, r, r64);
    if (r == 0 && r0 == 0 && r1 == 0) {
      /* A CPU clock of this thread or process runs on between the calls: it may only grow. */
      printf(", in order: %d %d", ns32(before) <= ns32(at) && ns32(at) <= ns32(after),
             ns32(before) <= ns64(at64) && ns64(at64) <= ns32(after));
      printf(", nanoseconds below 1e9: %d",
             at.nsec >= 0 && at.nsec < 1000000000 && at64.nsec >= 0 && at64.nsec < 1000000000);
    }
    memset(&res, 0x55, sizeof res);
    int rr = vdso_clock_getres(c, &res);
    struct timespec32 kernel_res;
    int kr = int80(i386_clock_getres, c, (long)&kernel_res);
    printf(", getres %d", rr);
    if (rr == 0)
      printf(" %ld.%09ld (as the syscall: %d)", (long)res.sec, (long)res.nsec,
             kr == 0 && kernel_res.sec == res.sec && kernel_res.nsec == res.nsec);
    printf(", getres(NULL) %d", vdso_clock_getres(c, NULL));
    struct timespec ts;
    errno = 0;
    int lr = clock_gettime(c, &ts);
    printf(", libc %d errno %d", lr, errno);
    errno = 0;
    lr = clock_getres(c, &ts);
    printf(", libc getres %d errno %d\n", lr, errno);
  }
}

static void wall_clock(void) {
  struct timespec32 before, after;
  struct timeval32 tv;
  struct timezone tz = {-1, -1}, kernel_tz = {-2, -2};
  int32_t t = 0;
  int80(i386_clock_gettime, CLOCK_REALTIME, (long)&before);
  int r = vdso_gettimeofday(&tv, &tz);
  int32_t now = vdso_time(&t);
  int80(i386_clock_gettime, CLOCK_REALTIME, (long)&after);
  int80(i386_gettimeofday, 0, (long)&kernel_tz);
  const int64_t us = tv.sec * 1000000LL + tv.usec;
  printf("gettimeofday %d, in order: %d, usec below 1e6: %d, timezone as the syscall's: %d\n", r,
         ns32(before) / 1000 <= us && us <= ns32(after) / 1000, tv.usec >= 0 && tv.usec < 1000000,
         tz.tz_minuteswest == kernel_tz.tz_minuteswest && tz.tz_dsttime == kernel_tz.tz_dsttime);
  printf("gettimeofday(NULL, NULL) %d, (tv, NULL) %d, (NULL, tz) %d\n",
         vdso_gettimeofday(NULL, NULL), vdso_gettimeofday(&tv, NULL), vdso_gettimeofday(NULL, &tz));
  printf("time: stored as returned %d, in order: %d, time(NULL) in order: %d\n", now == t,
         /* time() is the coarse clock: in the first tick of a second it may still say the
          * one before the precise clock's (natively too). */
         before.sec - 1 <= now && now <= after.sec, vdso_time(NULL) >= now);
  struct timeval libc_tv;
  time_t libc_now = time(NULL);
  int libc_r = gettimeofday(&libc_tv, NULL);
  printf("libc gettimeofday %d, time agrees: %d\n", libc_r,
         libc_now <= libc_tv.tv_sec && libc_tv.tv_sec - libc_now <= 1);
  unsigned cpu = ~0u, node = ~0u, kernel_cpu, kernel_node;
  long g = vdso_getcpu(&cpu, &node, NULL);
  int80(i386_getcpu, (long)&kernel_cpu, (long)&kernel_node);
  printf("getcpu %ld, cpu below %ld: %d, node as the syscall's: %d, (NULL, NULL) %ld\n", g,
         sysconf(_SC_NPROCESSORS_CONF), cpu < (unsigned)sysconf(_SC_NPROCESSORS_CONF),
         node == kernel_node, vdso_getcpu(NULL, NULL, NULL));
}

/* The 32-bit calls cut the seconds to 32 bits (no EOVERFLOW), as the kernel's compat vDSO
 * does: seen past 2038 in a time namespace whose monotonic and boot clocks are offset. */
static void seconds_cut(void) {
  const int cut[] = {CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_REALTIME};
  for (size_t i = 0; i < sizeof cut / sizeof *cut; ++i) {
    struct timespec64 wide;
    struct timespec32 narrow;
    vdso_clock_gettime64(cut[i], &wide);
    int r = vdso_clock_gettime(cut[i], &narrow);
    const uint32_t step = (uint32_t)narrow.sec - (uint32_t)wide.sec;
    printf("clock %d: %d, past 2^31 s: %d, 32-bit seconds are the 64-bit ones cut: %d\n", cut[i], r,
           wide.sec > INT32_MAX, step <= 1);
  }
}

/* A million calls of each monotonic clock: never back. */
static void never_back(void) {
  const int monotonic[] = {CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
                           CLOCK_MONOTONIC_COARSE};
  for (size_t i = 0; i < sizeof monotonic / sizeof *monotonic; ++i) {
    struct timespec64 last = {0, 0}, now;
    int back = 0;
    for (int n = 0; n < 250000; ++n) {
      vdso_clock_gettime64(monotonic[i], &now);
      back += ns64(now) < ns64(last);
      last = now;
    }
    printf("clock %d: went back %d times in 250000 calls\n", monotonic[i], back);
  }
}

/* Threads: each reading of CLOCK_MONOTONIC is at least the largest one any thread had seen
 * before it read. */
static int64_t _Atomic latest;
static int cross_thread_back;
static void* reader(void* unused) {
  (void)unused;
  for (int n = 0; n < 100000; ++n) {
    const int64_t seen = latest;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    const int64_t now = ts.tv_sec * 1000000000LL + ts.tv_nsec;
    if (now < seen) __atomic_fetch_add(&cross_thread_back, 1, __ATOMIC_RELAXED);
    int64_t expected = seen;
    while (expected < now && !__atomic_compare_exchange_n(&latest, &expected, now, 0,
                                                          __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
    }
  }
  return NULL;
}

/* Signals that come while the calls run: delivered (the loop ends), and the calls in the
 * handler see time go on too. */
static volatile sig_atomic_t alarms;
static volatile int handler_back;
static struct timespec32 handler_last;
static void on_alarm(int signal) {
  (void)signal;
  struct timespec32 now;
  vdso_clock_gettime(CLOCK_MONOTONIC, &now);
  if (ns32(now) < ns32(handler_last)) handler_back = 1;
  handler_last = now;
  ++alarms;
}
static void under_signals(void) {
  signal(SIGALRM, on_alarm);
  int late = 0, back = 0;
  struct timespec32 last = {0, 0}, now, start;
  for (int round = 0; round < 30; ++round) {
    const int before = alarms;
    struct itimerval once = {{0, 0}, {0, 300}};
    setitimer(ITIMER_REAL, &once, NULL);
    vdso_clock_gettime(CLOCK_MONOTONIC, &start);
    /* Only vDSO calls until the signal comes: one left waiting in the shim would never be. */
    do {
      vdso_clock_gettime(CLOCK_MONOTONIC, &now);
      back += ns32(now) < ns32(last);
      last = now;
    } while (alarms == before && ns32(now) - ns32(start) < 2000000000LL);
    late += alarms == before;
  }
  signal(SIGALRM, SIG_DFL);
  printf(
      "30 alarms during the calls: %d not delivered within 2 s; went back %d times, in the "
      "handler %d\n",
      late, back, handler_back);
}

/* Bad pointers. */
static sigjmp_buf recovery;
static void* fault_address;
static int fault_code;
static void on_segv(int signal, siginfo_t* info, void* context) {
  (void)signal, (void)context;
  fault_address = info->si_addr;
  fault_code = info->si_code;
  siglongjmp(recovery, 1);
}

#define BAD ((void*)16)
#define READ_ONLY ((void*)getauxval(AT_SYSINFO_EHDR))
static void bad_pointer(const char* what, int call, void* pointer) {
  fault_address = NULL;
  if (sigsetjmp(recovery, 1) == 0) {
    long r = 0;
    switch (call) {
      case 0:
        r = vdso_clock_gettime(CLOCK_MONOTONIC, pointer);
        break;
      case 1:
        r = vdso_clock_gettime64(CLOCK_REALTIME, pointer);
        break;
      case 2:
        r = vdso_clock_getres(CLOCK_MONOTONIC, pointer);
        break;
      case 3:
        r = vdso_gettimeofday(pointer, NULL);
        break;
      case 4: {
        struct timeval32 tv;
        r = vdso_gettimeofday(&tv, pointer);
        break;
      }
      case 5:
        r = vdso_time(pointer);
        r = r > 0 ? 1 : r;
        break;
      case 6:
        r = vdso_clock_gettime(CLOCK_PROCESS_CPUTIME_ID, pointer);
        break;
      case 7:
        r = vdso_clock_gettime64(CLOCK_THREAD_CPUTIME_ID, pointer);
        break;
      case 8:
        r = vdso_clock_gettime(12, pointer);
        break;
      case 9:
        r = vdso_clock_getres(CLOCK_PROCESS_CPUTIME_ID, pointer);
        break;
      case 10:
        r = vdso_getcpu(pointer, NULL, NULL);
        break;
      case 11:
        r = clock_gettime(CLOCK_MONOTONIC, pointer);
        break;
    }
    printf("%s: returned %ld\n", what, r);
  } else {
    printf("%s: SIGSEGV code %d at the pointer: %d\n", what, fault_code, fault_address == pointer);
  }
}

static void bad_pointers(void) {
  struct sigaction action = {0};
  action.sa_sigaction = on_segv;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &action, NULL);
  const char* names[] = {"clock_gettime",
                         "clock_gettime64",
                         "clock_getres",
                         "gettimeofday tv",
                         "gettimeofday tz",
                         "time",
                         "clock_gettime PROCESS_CPUTIME",
                         "clock_gettime64 THREAD_CPUTIME",
                         "clock_gettime clock 12",
                         "clock_getres PROCESS_CPUTIME",
                         "getcpu",
                         "libc clock_gettime"};
  for (int call = 0; call < 12; ++call) {
    char what[96];
    snprintf(what, sizeof what, "%s, unmapped", names[call]);
    bad_pointer(what, call, BAD);
    snprintf(what, sizeof what, "%s, read-only", names[call]);
    bad_pointer(what, call, READ_ONLY);
  }
  signal(SIGSEGV, SIG_DFL);
  /* Without a handler: the wait status. */
  pid_t child = fork();
  if (child == 0) {
    vdso_clock_gettime(CLOCK_MONOTONIC, BAD);
    _exit(0);
  }
  int status;
  waitpid(child, &status, 0);
  printf("no handler: killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* The guest's own %fs (a flat data segment, as Wine loads one): kept across the calls, its
 * base the guest's. */
static void own_fs(void) {
  static int marker = 12345;
  unsigned short data, selector_after;
  int through_fs;
  __asm__ volatile("mov %%ds, %0\n\tmov %0, %%fs" : "=r"(data));
  struct timespec32 t;
  int r = vdso_clock_gettime(CLOCK_MONOTONIC, &t);
  r |= (int)vdso_time(NULL) <= 0;
  __asm__ volatile("mov %%fs, %0\n\tmov %%fs:(%2), %1"
                   : "=&r"(selector_after), "=r"(through_fs)
                   : "r"(&marker));
  __asm__ volatile("mov %0, %%fs" : : "r"(0));
  printf("with the guest's %%fs: %d, selector kept: %d, base kept: %d\n", r, selector_after == data,
         through_fs == marker);
}

int main(void) {
  vdso_clock_gettime = vdso_symbol("__vdso_clock_gettime");
  vdso_clock_gettime64 = vdso_symbol("__vdso_clock_gettime64");
  vdso_clock_getres = vdso_symbol("__vdso_clock_getres");
  vdso_gettimeofday = vdso_symbol("__vdso_gettimeofday");
  vdso_time = vdso_symbol("__vdso_time");
  vdso_getcpu = vdso_symbol("__vdso_getcpu");
  printf("found: %d %d %d %d %d %d\n", !!vdso_clock_gettime, !!vdso_clock_gettime64,
         !!vdso_clock_getres, !!vdso_gettimeofday, !!vdso_time, !!vdso_getcpu);
  if (!vdso_clock_gettime || !vdso_clock_gettime64 || !vdso_clock_getres || !vdso_gettimeofday ||
      !vdso_time || !vdso_getcpu)
    return 1;
  each_clock();
  wall_clock();
  seconds_cut();
  never_back();
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i) pthread_create(&threads[i], NULL, reader, NULL);
  for (int i = 0; i < 4; ++i) pthread_join(threads[i], NULL);
  printf("4 threads, 100000 calls each: went back %d times\n", cross_thread_back);
  under_signals();
  bad_pointers();
  own_fs();
  return 0;
}
