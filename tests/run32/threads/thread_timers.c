// POSIX timers that notify by thread: SIGEV_THREAD (glibc runs the function in a thread of
// its own, made for the timer) and SIGEV_THREAD_ID (the signal goes to the one thread named).
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static sem_t fired;
static volatile int calls, not_main, value_right;
static pthread_t main_thread;
static volatile pid_t target_tid, received_on;

static void notify(union sigval value) {
  ++calls;
  not_main += !pthread_equal(pthread_self(), main_thread);
  value_right += value.sival_int == 1234;
  sem_post(&fired);
}

static void on_usr2(int signal) {
  (void)signal;
  received_on = (pid_t)syscall(SYS_gettid);
}

static void* target(void* unused) {
  target_tid = (pid_t)syscall(SYS_gettid);
  while (!received_on) usleep(1000);
  return unused;
}

int main(void) {
  main_thread = pthread_self();
  sem_init(&fired, 0, 0);
  struct sigevent event = {0};
  event.sigev_notify = SIGEV_THREAD;
  event.sigev_notify_function = notify;
  event.sigev_value.sival_int = 1234;
  timer_t timer;
  if (timer_create(CLOCK_MONOTONIC, &event, &timer)) {
    perror("timer_create");
    return 1;
  }
  struct itimerspec period = {{0, 5 * 1000 * 1000}, {0, 5 * 1000 * 1000}};
  timer_settime(timer, 0, &period, NULL);
  for (int n = 0; n < 3; ++n) sem_wait(&fired);
  timer_delete(timer);
  printf("SIGEV_THREAD: at least 3 calls %d, off the main thread %d, value right %d\n", calls >= 3,
         not_main == calls, value_right == calls);

  signal(SIGUSR2, on_usr2);
  pthread_t thread;
  pthread_create(&thread, NULL, target, NULL);
  while (!target_tid) usleep(1000);
  struct sigevent directed = {0};
  directed.sigev_notify = SIGEV_THREAD_ID;
  directed.sigev_signo = SIGUSR2;
  directed._sigev_un._tid = target_tid;
  timer_t timer2;
  if (timer_create(CLOCK_MONOTONIC, &directed, &timer2)) {
    perror("timer_create SIGEV_THREAD_ID");
    return 1;
  }
  struct itimerspec once = {{0, 0}, {0, 2 * 1000 * 1000}};
  timer_settime(timer2, 0, &once, NULL);
  pthread_join(thread, NULL);
  printf("SIGEV_THREAD_ID: received by the named thread %d\n", received_on == target_tid);
  return 0;
}
