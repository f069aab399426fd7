/* Queued real-time signals: every one delivered once, in the kernel's order, each with its
 * own siginfo; standard signals coalesce. 5 SIGRTMIN with their own values; two real-time
 * signals interleaved (the kernel takes the lowest pending number first, and a handler's
 * frame goes on top of the previous one's); 10,000 queued, all delivered; RLIMIT_SIGPENDING
 * bounds the queue (sigqueue refuses with EAGAIN) and every accepted one is delivered. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static volatile int count, out_of_order, last_value = -1;
static int values[64], numbers[64];

static void record(int signal, siginfo_t *info, void *context) {
  (void)context;
  if (info->si_value.sival_int != last_value + 1) out_of_order++;
  last_value = info->si_value.sival_int;
  if (count < 64) {
    values[count] = info->si_value.sival_int;
    numbers[count] = signal;
  }
  count++;
}

static void install(int signal) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = record;
  action.sa_flags = SA_SIGINFO;
  sigaction(signal, &action, NULL);
}

static void block(int signal, int how) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  sigprocmask(how, &set, NULL);
}

static int queue(int signal, int value) {
  union sigval v = {.sival_int = value};
  return sigqueue(getpid(), signal, v);
}

static void print_deliveries(const char *what) {
  printf("%s: %d delivered:", what, count);
  for (int i = 0; i < count && i < 64; i++) printf(" %d/%d", numbers[i] - SIGRTMIN, values[i]);
  printf("\n");
  count = 0;
}

int main(void) {
  install(SIGRTMIN);
  install(SIGRTMIN + 1);
  install(SIGUSR1);

  block(SIGRTMIN, SIG_BLOCK);
  for (int i = 0; i < 5; i++) queue(SIGRTMIN, 100 + i);
  sigset_t pending;
  sigpending(&pending);
  printf("pending while blocked: %d\n", sigismember(&pending, SIGRTMIN));
  block(SIGRTMIN, SIG_UNBLOCK);
  print_deliveries("5 SIGRTMIN");

  sigset_t both;
  sigemptyset(&both);
  sigaddset(&both, SIGRTMIN);
  sigaddset(&both, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &both, NULL);
  for (int i = 0; i < 3; i++) {
    queue(SIGRTMIN + 1, 200 + i);
    queue(SIGRTMIN, 300 + i);
  }
  sigprocmask(SIG_UNBLOCK, &both, NULL);
  print_deliveries("interleaved");

  block(SIGUSR1, SIG_BLOCK);
  for (int i = 0; i < 4; i++) queue(SIGUSR1, 400 + i);
  block(SIGUSR1, SIG_UNBLOCK);
  printf("4 SIGUSR1 coalesce: %d delivered, value %d\n", count, values[0]);
  count = 0;

  /* Nothing left: a zero-timeout wait finds no signal. */
  sigprocmask(SIG_BLOCK, &both, NULL);
  struct timespec zero = {0, 0};
  siginfo_t info;
  int left = sigtimedwait(&both, &info, &zero);
  printf("left over: %d (%s)\n", left, strerror(errno));

  /* 10,000 queued, then unblocked: each delivered once. */
  struct rlimit limit;
  getrlimit(RLIMIT_SIGPENDING, &limit);
  int accepted = 0;
  for (int i = 0; i < 10000; i++) accepted += queue(SIGRTMIN, i) == 0;
  last_value = -1;
  out_of_order = 0;
  block(SIGRTMIN, SIG_UNBLOCK);
  block(SIGRTMIN + 1, SIG_UNBLOCK);
  printf("10000 queued: %s, %s\n", accepted == 10000 ? "all accepted" : "some refused",
         count == accepted ? "each delivered once" : "deliveries differ");
  if (count != accepted) printf("accepted %d delivered %d\n", accepted, count);
  printf("in the order queued: %d\n", out_of_order == 0);
  count = 0;

  /* RLIMIT_SIGPENDING bounds the queue (it counts the user's pending signals, so other
   * processes' may take some of the 64). */
  limit.rlim_cur = 64;
  setrlimit(RLIMIT_SIGPENDING, &limit);
  block(SIGRTMIN, SIG_BLOCK);
  accepted = 0;
  int refused_eagain = 0;
  for (int i = 0; i < 200; i++) {
    if (queue(SIGRTMIN, i) == 0)
      accepted++;
    else if (errno == EAGAIN)
      refused_eagain++;
  }
  block(SIGRTMIN, SIG_UNBLOCK);
  printf("over RLIMIT_SIGPENDING: at most 64 accepted %d, refused with EAGAIN %d, %s\n",
         accepted <= 64, refused_eagain == 200 - accepted,
         count == accepted ? "each accepted delivered once" : "deliveries differ");
  return 0;
}
