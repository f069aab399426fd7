/* The calls the translators gained last: sigwaitinfo/sigtimedwait with a queued value,
 * waitid on a child, a POSIX timer firing into a blocked signal, SysV semaphores and shared
 * memory controlled directly (semctl, shmctl, msgctl). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &set, NULL);

  union sigval value = {.sival_int = 4242};
  sigqueue(getpid(), SIGUSR1, value);
  siginfo_t info;
  memset(&info, 0, sizeof info);
  int got = sigwaitinfo(&set, &info);
  printf("sigwaitinfo: %d code %d value %d from self %d\n", got, info.si_code, info.si_value.sival_int,
         info.si_pid == getpid());

  struct timespec zero = {0, 0};
  got = sigtimedwait(&set, &info, &zero);
  printf("sigtimedwait, nothing pending: %d %s\n", got, strerror(errno));

  timer_t timer;
  struct sigevent event;
  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_SIGNAL;
  event.sigev_signo = SIGRTMIN;
  event.sigev_value.sival_int = 77;
  printf("timer_create: %d\n", timer_create(CLOCK_MONOTONIC, &event, &timer));
  struct itimerspec soon = {{0, 0}, {0, 1000000}};
  timer_settime(timer, 0, &soon, NULL);
  memset(&info, 0, sizeof info);
  got = sigwaitinfo(&set, &info);
  printf("timer fired: %d code %d value %d\n", got == SIGRTMIN, info.si_code, info.si_value.sival_int);
  timer_delete(timer);

  pid_t child = fork();
  if (child == 0) _exit(7);
  memset(&info, 0, sizeof info);
  printf("waitid: %d\n", waitid(P_PID, child, &info, WEXITED));
  printf("child: code %d status %d same pid %d\n", info.si_code, info.si_status, info.si_pid == child);

  int sem = semget(IPC_PRIVATE, 2, 0600);
  semctl(sem, 1, SETVAL, 9);
  struct semid_ds sem_status;
  semctl(sem, 0, IPC_STAT, &sem_status);
  printf("semaphores: %lu, value %d\n", (unsigned long)sem_status.sem_nsems, semctl(sem, 1, GETVAL));
  semctl(sem, 0, IPC_RMID);

  int shm = shmget(IPC_PRIVATE, 8192, 0600);
  struct shmid_ds shm_status;
  shmctl(shm, IPC_STAT, &shm_status);
  printf("shared memory: %zu bytes, %lu attached\n", (size_t)shm_status.shm_segsz,
         (unsigned long)shm_status.shm_nattch);
  shmctl(shm, IPC_RMID, NULL);

  int queue = msgget(IPC_PRIVATE, 0600);
  struct msqid_ds queue_status;
  msgctl(queue, IPC_STAT, &queue_status);
  printf("queue: %lu messages, mode %o\n", (unsigned long)queue_status.msg_qnum,
         (unsigned)queue_status.msg_perm.mode & 0777);
  msgctl(queue, IPC_RMID, NULL);
  return 0;
}
