// A handler on the alternate signal stack (sigaltstack, SA_ONSTACK), and SS_ONSTACK inside.
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* alternate;
static volatile int on_alternate, reported_onstack;

static void on_usr1(int signal) {
  (void)signal;
  char here;
  on_alternate = &here >= alternate && &here < alternate + SIGSTKSZ * 4;
  stack_t now;
  sigaltstack(NULL, &now);
  reported_onstack = (now.ss_flags & SS_ONSTACK) != 0;
}

int main(void) {
  alternate = malloc(SIGSTKSZ * 4);
  stack_t stack = {.ss_sp = alternate, .ss_size = SIGSTKSZ * 4, .ss_flags = 0};
  printf("sigaltstack: %d\n", sigaltstack(&stack, NULL));
  stack_t back;
  sigaltstack(NULL, &back);
  printf("read back: size ok %d flags %d\n", back.ss_size == SIGSTKSZ * 4, back.ss_flags);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_usr1;
  action.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR1, &action, NULL);
  raise(SIGUSR1);
  printf("handler on the alternate stack: %d, SS_ONSTACK there: %d\n", on_alternate, reported_onstack);
  stack.ss_size = 100;
  printf("too small: %d\n", sigaltstack(&stack, NULL));
  return 0;
}
