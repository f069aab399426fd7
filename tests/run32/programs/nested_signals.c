// A handler that raises another signal (delivered inside it), sa_mask blocking a third until
// the handler returns, and the non-SA_SIGINFO (old frame) kind.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char order[64];
static volatile int length;
static void note(char c) { order[length++] = c; }

static void on_usr2(int signal) { (void)signal, note('2'); }
static void on_alarm(int signal) { (void)signal, note('A'); }
static void on_usr1(int signal) {
  (void)signal;
  note('1');
  raise(SIGUSR2);    // delivered at once, nested
  raise(SIGALRM);    // blocked by sa_mask: after this handler returns
  note('e');
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_usr1;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGALRM);
  sigaction(SIGUSR1, &action, NULL);
  signal(SIGUSR2, on_usr2);
  signal(SIGALRM, on_alarm);
  raise(SIGUSR1);
  note('m');
  printf("order: %s\n", order);
  return 0;
}
