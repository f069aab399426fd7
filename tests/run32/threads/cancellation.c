// pthread_cancel: deferred (a thread blocked in read, a cancellation point; one in
// pthread_testcancel) and asynchronous (a thread spinning), with cleanup handlers run in
// order; a thread that disables cancellation finishes.
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int pipe_fds[2];
static char log_text[256];
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile int started;

static void note(void* text) {
  pthread_mutex_lock(&log_lock);
  strcat(log_text, text);
  pthread_mutex_unlock(&log_lock);
}

static void* blocked_reader(void* unused) {
  pthread_cleanup_push(note, "[reader outer]");
  pthread_cleanup_push(note, "[reader inner]");
  char byte;
  started = 1;
  read(pipe_fds[0], &byte, 1);  // never returns: canceled
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(0);
  return unused;
}

static void* spinner(void* unused) {
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
  pthread_cleanup_push(note, "[spinner]");
  started = 1;
  for (volatile unsigned long i = 0;; ++i) {
  }
  pthread_cleanup_pop(0);
  return unused;
}

static void* tester(void* unused) {
  pthread_cleanup_push(note, "[tester]");
  started = 1;
  for (;;) {
    usleep(1000);
    pthread_testcancel();
  }
  pthread_cleanup_pop(0);
  return unused;
}

static void* uncancelable(void* unused) {
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
  started = 1;
  usleep(50000);
  pthread_testcancel();
  return (void*)42;
}

static void run(const char* name, void* (*body)(void*)) {
  pthread_t thread;
  log_text[0] = 0;
  started = 0;
  pthread_create(&thread, NULL, body, NULL);
  while (!started) usleep(1000);
  usleep(10000);
  pthread_cancel(thread);
  void* result;
  pthread_join(thread, &result);
  printf("%s: %s %s\n", name, result == PTHREAD_CANCELED ? "canceled" : "returned", log_text);
}

int main(void) {
  pipe(pipe_fds);
  run("deferred, blocked in read", blocked_reader);
  run("asynchronous, spinning", spinner);
  run("deferred, testcancel", tester);
  run("cancellation disabled", uncancelable);
  return 0;
}
