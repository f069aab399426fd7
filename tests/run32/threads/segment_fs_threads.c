// Threads that load %fs themselves (a flat data segment; a null selector, as glibc's
// setcontext loads the one getcontext saved): every way into the shim from each thread (the
// AT_SYSINFO entry, a raw int $0x80, a signal) finds that thread's own state, and each
// thread gets its %fs back.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { threads_count = 6, rounds = 2000 };
static __thread volatile sig_atomic_t handled;
static void on_usr1(int signal) { handled += signal == SIGUSR1; }

static unsigned short fs_selector(void) {
  unsigned short selector;
  __asm__ volatile("mov %%fs, %0" : "=r"(selector));
  return selector;
}

static void* body(void* argument) {
  int me = (int)(long)argument;
  unsigned short selector = 0;
  if (me % 2) __asm__ volatile("mov %%ds, %0" : "=r"(selector));
  __asm__ volatile("mov %0, %%fs" : : "r"(selector));
  long tid = syscall(SYS_gettid);
  int good = 0;
  for (int i = 0; i < rounds; ++i) {
    long raw;
    __asm__ volatile("int $0x80" : "=a"(raw) : "a"(SYS_gettid) : "memory");
    good += syscall(SYS_gettid) == tid && raw == tid && fs_selector() == selector;
  }
  for (int i = 0; i < 20; ++i) pthread_kill(pthread_self(), SIGUSR1);
  return (void*)(long)(good == rounds && handled >= 1 && fs_selector() == selector);
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  pthread_t threads[threads_count];
  for (long i = 0; i < threads_count; ++i) pthread_create(&threads[i], NULL, body, (void*)i);
  int good = 0;
  for (int i = 0; i < threads_count; ++i) {
    void* ok;
    pthread_join(threads[i], &ok);
    good += (int)(long)ok;
  }
  printf("threads whose calls, signals and %%fs were their own: %d of %d\n", good, threads_count);
  return 0;
}
