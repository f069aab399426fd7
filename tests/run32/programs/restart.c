// A handler interrupting a blocking read: with SA_RESTART the read goes on after the handler
// (and returns the data); without it the read fails with EINTR; a handler that siglongjmps
// leaves the read at once, not when the data comes.
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static sigjmp_buf escape;
static void on_alarm(int signal) { (void)signal, ++handled; }
static void on_alarm_jump(int signal) { (void)signal, siglongjmp(escape, 1); }

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

// A pipe whose writer sends "data" after `delay` seconds.
static int slow_pipe(unsigned delay) {
  int p[2];
  pipe(p);
  fflush(stdout);
  if (fork() == 0) {
    close(p[0]);
    sleep(delay);
    write(p[1], "data", 4);
    _exit(0);
  }
  close(p[1]);
  return p[0];
}

static void install(void (*handler)(int), int flags) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  action.sa_flags = flags;
  sigaction(SIGALRM, &action, NULL);
}

int main(void) {
  char buffer[8] = {0};
  install(on_alarm, SA_RESTART);
  int fd = slow_pipe(2);
  alarm(1);
  ssize_t got = read(fd, buffer, sizeof buffer - 1);
  printf("SA_RESTART: read %zd '%s', handler ran %d\n", got, buffer, handled);
  wait(NULL);

  install(on_alarm, 0);
  fd = slow_pipe(2);
  alarm(1);
  got = read(fd, buffer, sizeof buffer - 1);
  printf("no SA_RESTART: read %zd EINTR %d, handler ran %d\n", got, errno == EINTR, handled);
  wait(NULL);

  install(on_alarm_jump, SA_RESTART);
  fd = slow_pipe(3);
  const double start = now();
  if (sigsetjmp(escape, 1) == 0) {
    alarm(1);
    read(fd, buffer, sizeof buffer - 1);
    printf("read returned before the handler\n");
  } else {
    printf("left the read by siglongjmp before the writer: %d\n", now() - start < 2.5);
  }
  wait(NULL);
  return 0;
}
