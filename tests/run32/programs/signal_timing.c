// A signal from another process that lands while the program is in a syscall is delivered as
// that syscall returns, not later: after each of 3000 rounds' single syscall, the program
// spins without syscalls until its handler has run, and counts the rounds where that took
// more than 100 ms (a signal left waiting for a next syscall that does not come).
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static void on_usr1(int signal) { (void)signal, handled = 1; }

static uint64_t cycles(void) {
  uint32_t low, high;
  __asm__ volatile("rdtsc" : "=a"(low), "=d"(high));
  return (uint64_t)high << 32 | low;
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  int go[2];
  pipe(go);
  const pid_t parent = getpid();
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    close(go[1]);
    char byte;
    uint64_t state = 12345;
    while (read(go[0], &byte, 1) == 1) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const uint64_t until = cycles() + (state >> 33) % 3000;  // up to about a microsecond
      while (cycles() < until) {
      }
      kill(parent, SIGUSR1);
    }
    _exit(0);
  }
  // About 100 ms of cycles, calibrated against the clock once.
  struct timespec nap = {0, 10 * 1000 * 1000};
  const uint64_t before = cycles();
  nanosleep(&nap, NULL);
  const uint64_t limit = (cycles() - before) * 10;
  int late = 0;
  for (int round = 0; round < 3000; ++round) {
    handled = 0;
    write(go[1], "g", 1);
    getppid();
    const uint64_t start = cycles();
    while (!handled && cycles() - start < limit) {
    }
    late += !handled;
    while (!handled) getppid();  // a late one arrives with the next syscall
  }
  close(go[1]);
  waitpid(child, NULL, 0);
  printf("rounds whose signal waited past its syscall: %d\n", late);
  return 0;
}
