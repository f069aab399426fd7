/* Restartable sequences: glibc registers each thread's area at start (__rseq_size says it
 * did, the area's cpu_id is the CPU the thread runs on); the rseq syscall's answers to a
 * second registration, a wrong signature, an unregistration and a new one; and a critical
 * section (librseq's layout: a struct rseq_cs in __rseq_cs, its address in the area's
 * rseq_cs, the signature before abort_ip) that only a signal's delivery ends, by the kernel
 * moving the thread to abort_ip (rseq_signal_deliver, rseq_ip_fixup). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static struct rseq* area(void) {
  char* thread_pointer;
  __asm__("movl %%gs:0, %0" : "=r"(thread_pointer));
  return (struct rseq*)(thread_pointer + __rseq_offset);
}

static long rseq_call(void* where, uint32_t length, int flags, uint32_t signature) {
  long r = syscall(SYS_rseq, where, length, flags, signature);
  return r < 0 ? -errno : r;
}

static int cpu_id_valid(void) {
  const int cpu = (int)area()->cpu_id;
  unsigned by_syscall = 0;
  syscall(SYS_getcpu, &by_syscall, NULL, NULL);
  return cpu >= 0 && cpu < 4096 && (int)area()->cpu_id_start == cpu && sched_getcpu() >= 0 &&
         sched_getcpu() < 4096 && by_syscall < 4096;
}

static void* thread_body(void* unused) {
  (void)unused;
  printf("thread: cpu_id valid: %d\n", cpu_id_valid());
  return NULL;
}

extern const struct rseq_cs spin_descriptor;

/* Spins inside a critical section until `iterations` run out (0) or the kernel aborts it
 * (1). */
__attribute__((noinline)) static int spin(volatile uint64_t* rseq_cs, unsigned iterations) {
  int aborted = 0;
  __asm__ volatile(
      ".pushsection __rseq_cs, \"aw\"\n\t"
      ".balign 32\n\t"
      ".globl spin_descriptor\n\t"
      "spin_descriptor:\n\t"
      ".long 0, 0\n\t"       /* version, flags */
      ".long 1f, 0\n\t"      /* start_ip */
      ".long 2f - 1f, 0\n\t" /* post_commit_offset */
      ".long 4f, 0\n\t"      /* abort_ip */
      ".popsection\n\t"
      "movl %[descriptor], (%[cs])\n\t"
      "1:\n\t"
      "decl %[n]\n\t"
      "jnz 1b\n\t"
      "2:\n\t"
      "jmp 5f\n\t"
      ".long 0x53053053\n\t" /* RSEQ_SIG, i386's */
      "4:\n\t"
      "movl $1, %[aborted]\n\t"
      "5:\n\t"
      : [n] "+r"(iterations), [aborted] "+m"(aborted)
      : [cs] "r"(rseq_cs), [descriptor] "r"(&spin_descriptor)
      : "memory", "cc");
  return aborted;
}

static volatile sig_atomic_t alarms;
static void on_alarm(int signal) {
  (void)signal;
  ++alarms;
}

int main(void) {
  printf("__rseq_size: %u, __rseq_flags: %u\n", __rseq_size, __rseq_flags);
  if (__rseq_size == 0) return 1;
  printf("cpu_id valid: %d\n", cpu_id_valid());
  pthread_t thread;
  pthread_create(&thread, NULL, thread_body, NULL);
  pthread_join(thread, NULL);

  struct rseq* mine = area();
  const uint32_t sig = 0x53053053, length = 32; /* glibc's registration: sizeof its area */
  static struct rseq other __attribute__((aligned(32)));
  printf("again: %ld\n", rseq_call(mine, length, 0, sig));
  printf("another signature: %ld\n", rseq_call(mine, length, 0, sig + 1));
  printf("another area: %ld\n", rseq_call(&other, 32, 0, sig));
  printf("another length: %ld\n", rseq_call(mine, 64, 0, sig));
  printf("too short: %ld\n", rseq_call(&other, 16, 0, sig));
  printf("unregister, another signature: %ld\n", rseq_call(mine, length, 1, sig + 1));
  long r = rseq_call(mine, length, 1, sig);
  printf("unregister: %ld, cpu_id then: %d\n", r, (int)mine->cpu_id);
  printf("unregister again: %ld\n", rseq_call(mine, length, 1, sig));
  printf("misaligned: %ld\n", rseq_call((char*)&other + 4, 32, 0, sig));
  printf("bad flags: %ld\n", rseq_call(&other, 32, 4, sig));
  printf("register again: %ld\n", rseq_call(mine, length, 0, sig));
  sched_yield();
  printf("cpu_id valid: %d\n", cpu_id_valid());

  /* A signal every 5 ms: its delivery moves the spinning thread to abort_ip. */
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_alarm;
  sigaction(SIGALRM, &action, NULL);
  struct itimerval every = {{0, 5000}, {0, 5000}};
  setitimer(ITIMER_REAL, &every, NULL);
  /* A preemption may abort one first (rseq allows it at any): until one a signal came in. */
  int aborted = 0, interrupted = 0;
  for (int tries = 0; tries < 100 && !interrupted; ++tries) {
    const int before = alarms;
    aborted = spin(&mine->rseq_cs, 0xffffffffu);
    interrupted = alarms != before;
  }
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  printf("a critical section a signal interrupted: %d, aborted: %d, rseq_cs cleared: %d\n",
         interrupted, aborted, mine->rseq_cs == 0);
  /* A short one runs to its end. */
  printf("short critical section aborted: %d\n", spin(&mine->rseq_cs, 10));
  return 0;
}
