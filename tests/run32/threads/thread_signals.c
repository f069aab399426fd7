// Signals to threads: pthread_kill reaches the named thread; a process-directed signal goes
// to the one thread that does not block it; each thread's mask is its own.
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static pthread_t workers[4];
static volatile sig_atomic_t hits[4], wrong;
static sem_t ready, done, ready2, done2;

static void on_usr1(int signal) {
  (void)signal;
  pthread_t self = pthread_self();
  for (int i = 0; i < 4; ++i)
    if (pthread_equal(self, workers[i])) {
      ++hits[i];
      return;
    }
  ++wrong;
}

static void* worker(void* argument) {
  int me = (int)(long)argument;
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  // Worker 2 alone leaves SIGUSR1 unblocked in the second part.
  pthread_sigmask(SIG_UNBLOCK, &mask, NULL);
  sem_post(&ready);
  sem_wait(&done);
  if (me != 2) pthread_sigmask(SIG_BLOCK, &mask, NULL);
  sem_post(&ready2);
  sem_wait(&done2);
  sigset_t now;
  pthread_sigmask(SIG_BLOCK, NULL, &now);
  return (void*)(long)sigismember(&now, SIGUSR1);
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  sigprocmask(SIG_BLOCK, &mask, NULL);  // main never takes it
  sem_init(&ready, 0, 0);
  sem_init(&done, 0, 0);
  sem_init(&ready2, 0, 0);
  sem_init(&done2, 0, 0);
  for (long i = 0; i < 4; ++i) pthread_create(&workers[i], NULL, worker, (void*)i);
  for (int i = 0; i < 4; ++i) sem_wait(&ready);
  for (int i = 0; i < 4; ++i)
    for (int n = 0; n <= i; ++n) {
      pthread_kill(workers[i], SIGUSR1);
      while (hits[i] == n) usleep(1000);  // one at a time: none merge
    }
  for (int i = 0; i < 4; ++i) sem_post(&done);
  for (int i = 0; i < 4; ++i) sem_wait(&ready2);
  int before = hits[2];
  for (int n = 0; n < 5; ++n) {
    kill(getpid(), SIGUSR1);
    while (hits[2] == before + n) usleep(1000);  // one at a time: none merge
  }
  for (int i = 0; i < 4; ++i) sem_post(&done2);
  printf("masks:");
  for (int i = 0; i < 4; ++i) {
    void* blocked;
    pthread_join(workers[i], &blocked);
    printf(" %ld", (long)blocked);
  }
  printf("\nhits: %d %d %d %d, elsewhere %d\n", hits[0], hits[1], hits[2], hits[3], wrong);
  return 0;
}
