// The alternate signal stack is per thread: each thread sets its own, and its SA_ONSTACK
// handler runs on that one (sigaltstack reports SS_ONSTACK there), not on another thread's;
// a thread without one takes the signal on its own stack.
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { threads_count = 4, stack_size = 64 * 1024 };
static __thread char* my_stack;
static __thread volatile int on_mine, reported_onstack;

static void on_usr1(int signal) {
  (void)signal;
  char local;
  on_mine = my_stack && (uintptr_t)&local >= (uintptr_t)my_stack &&
            (uintptr_t)&local < (uintptr_t)my_stack + stack_size;
  stack_t now;
  sigaltstack(NULL, &now);
  reported_onstack = (now.ss_flags & SS_ONSTACK) != 0;
}

static void* body(void* argument) {
  int me = (int)(long)argument;
  if (me != 0) {  // thread 0 has none
    my_stack = malloc(stack_size);
    stack_t mine = {.ss_sp = my_stack, .ss_size = stack_size, .ss_flags = 0};
    sigaltstack(&mine, NULL);
  }
  pthread_kill(pthread_self(), SIGUSR1);
  return (void*)(long)(on_mine * 2 + reported_onstack);
}

int main(void) {
  struct sigaction action = {0};
  action.sa_handler = on_usr1;
  action.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR1, &action, NULL);
  pthread_t threads[threads_count];
  for (long i = 0; i < threads_count; ++i) pthread_create(&threads[i], NULL, body, (void*)i);
  for (int i = 0; i < threads_count; ++i) {
    void* result;
    pthread_join(threads[i], &result);
    printf("thread %d: on its own alternate stack %ld, sigaltstack says on it %ld\n", i,
           (long)result / 2, (long)result % 2);
  }
  stack_t main_stack;
  sigaltstack(NULL, &main_stack);
  printf("main thread: alternate stack disabled %d\n", (main_stack.ss_flags & SS_DISABLE) != 0);
  return 0;
}
