/* With an SA_RESTART handler, the calls signal(7) lists as never restarted fail with EINTR:
 * System V IPC (msgrcv, msgsnd, semop, semtimedop: through the ipc() multiplexer, as i386
 * glibc makes them, and direct), socket input with SO_RCVTIMEO and output with
 * SO_SNDTIMEO (also through socketcall()), futex waits with a timeout. The same calls
 * without those timeouts, and a pipe read, are restarted and complete. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int interrupts;
static void on_alarm(int signal) {
  (void)signal;
  interrupts++;
}

/* A SIGALRM in 100 ms. */
static void alarm_soon(void) {
  struct itimerval soon = {{0, 0}, {0, 100000}};
  setitimer(ITIMER_REAL, &soon, NULL);
}

static void report(const char *what, long result) {
  printf("%s: %ld (%s), handler runs %d\n", what, result, result < 0 ? strerror(errno) : "-",
         interrupts);
  interrupts = 0;
}

/* A child that writes a byte to `fd` after 300 ms, then exits. */
static pid_t write_later(int fd) {
  pid_t child = fork();
  if (child == 0) {
    usleep(300000);
    if (write(fd, "w", 1) != 1) _exit(1);
    _exit(0);
  }
  return child;
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_alarm;
  action.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &action, NULL);

  struct {
    long type;
    char text[64];
  } message = {1, "hello"};
  int queue = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  alarm_soon();
  report("msgrcv (libc)", msgrcv(queue, &message, sizeof message.text, 1, 0));
  alarm_soon();
  report("msgrcv (direct)", syscall(SYS_msgrcv, queue, &message, sizeof message.text, 1, 0));
  struct msqid_ds status;
  msgctl(queue, IPC_STAT, &status);
  status.msg_qbytes = 64;
  msgctl(queue, IPC_SET, &status);
  while (msgsnd(queue, &message, sizeof message.text, IPC_NOWAIT) == 0) {
  }
  alarm_soon();
  report("msgsnd (libc), queue full", msgsnd(queue, &message, sizeof message.text, 0));
  alarm_soon();
  report("msgsnd (direct)", syscall(SYS_msgsnd, queue, &message, sizeof message.text, 0));
  msgctl(queue, IPC_RMID, NULL);

  int semaphores = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
  struct sembuf down = {0, -1, 0};
  alarm_soon();
  report("semop (libc)", semop(semaphores, &down, 1));
  alarm_soon();
  report("semtimedop_time64 (direct), no timeout",
         syscall(SYS_semtimedop_time64, semaphores, &down, 1, NULL));
  struct timespec five = {5, 0};
  alarm_soon();
  report("semtimedop (libc)", semtimedop(semaphores, &down, 1, &five));
  semctl(semaphores, 0, IPC_RMID);

  int pipes[2];
  pipe(pipes);
  pid_t child = write_later(pipes[1]);
  char byte;
  alarm_soon();
  report("pipe read: restarted", read(pipes[0], &byte, 1));
  waitpid(child, NULL, 0);

  int pair[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
  child = write_later(pair[1]);
  alarm_soon();
  report("recv, no timeout: restarted", recv(pair[0], &byte, 1, 0));
  waitpid(child, NULL, 0);
  struct timeval timeout = {5, 0};
  setsockopt(pair[0], SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  alarm_soon();
  report("recv with SO_RCVTIMEO", recv(pair[0], &byte, 1, 0));
  alarm_soon();
  report("recvfrom (direct) with SO_RCVTIMEO",
         syscall(SYS_recvfrom, pair[0], &byte, 1, 0, NULL, NULL));
  char buffer[4096];
  memset(buffer, 'b', sizeof buffer);
  int size = 4096;
  setsockopt(pair[1], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
  setsockopt(pair[1], SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  while (send(pair[1], buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
  }
  alarm_soon();
  report("send with SO_SNDTIMEO, buffer full", send(pair[1], buffer, sizeof buffer, 0));

  int word = 0;
  alarm_soon();
  report("futex wait with a timeout",
         syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &five, NULL, 0));
  return 0;
}
