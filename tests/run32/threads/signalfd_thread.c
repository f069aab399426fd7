// signalfd read in a dedicated thread: signals blocked everywhere, sent to the process and
// to that thread, read back with their senders' values.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

static int fd;
static volatile pid_t reader_tid;

static void* reader(void* unused) {
  reader_tid = (pid_t)syscall(SYS_gettid);
  int usr1 = 0, rt_sum = 0;
  for (int n = 0; n < 4; ++n) {
    struct signalfd_siginfo info;
    if (read(fd, &info, sizeof info) != sizeof info) return NULL;
    if (info.ssi_signo == SIGUSR1) ++usr1;
    if ((int)info.ssi_signo == SIGRTMIN + 2) rt_sum += info.ssi_int;
  }
  printf("signalfd in a thread: SIGUSR1 %d, real-time values sum %d\n", usr1, rt_sum);
  return unused;
}

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGRTMIN + 2);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  fd = signalfd(-1, &set, SFD_CLOEXEC);
  pthread_t thread;
  pthread_create(&thread, NULL, reader, NULL);
  while (!reader_tid) usleep(1000);
  kill(getpid(), SIGUSR1);
  for (int n = 1; n <= 3; ++n) sigqueue(getpid(), SIGRTMIN + 2, (union sigval){.sival_int = n});
  pthread_join(thread, NULL);
  // A thread-directed signal is read by that thread only: here, the main thread.
  syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1);
  struct signalfd_siginfo info;
  printf("main reads its own: %d\n",
         read(fd, &info, sizeof info) == sizeof info && info.ssi_signo == SIGUSR1);
  return 0;
}
