/* execve keeps a signal the process ignored ignored, and puts every handled one back to
 * SIG_DFL (the kernel's flush_signal_handlers). The program ignores some signals, handles
 * others, and executes itself: the new image reports each signal's disposition, then takes
 * an ignored SIGHUP and real-time signal and lives. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void handler(int signal) {
  (void)signal;
}

static const char* disposition(int signal) {
  struct sigaction now;
  if (sigaction(signal, NULL, &now) != 0) return "error";
  if (now.sa_handler == SIG_IGN) return "ignored";
  if (now.sa_handler == SIG_DFL) return "default";
  return "handled";
}

int main(int argc, char** argv) {
  const int ignored[] = {SIGHUP, SIGINT, SIGQUIT, SIGUSR2, SIGPIPE, SIGCHLD, SIGRTMIN + 2};
  const int handled[] = {SIGUSR1, SIGTERM, SIGALRM, SIGRTMIN + 5};
  if (argc == 1) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    for (size_t i = 0; i < sizeof ignored / sizeof *ignored; ++i)
      sigaction(ignored[i], &action, NULL);
    action.sa_handler = handler;
    for (size_t i = 0; i < sizeof handled / sizeof *handled; ++i)
      sigaction(handled[i], &action, NULL);
    printf("before exec: SIGHUP %s, SIGUSR1 %s\n", disposition(SIGHUP), disposition(SIGUSR1));
    fflush(stdout);
    char* const arguments[] = {argv[0], "after", NULL};
    execv(argv[0], arguments);
    perror("execv");
    return 1;
  }
  for (int signal = 1; signal <= SIGRTMAX; ++signal)
    if (signal != SIGKILL && signal != SIGSTOP && strcmp(disposition(signal), "default") != 0)
      printf("after exec: signal %d %s\n", signal, disposition(signal));
  raise(SIGHUP);
  raise(SIGRTMIN + 2);
  printf("after exec: SIGHUP and SIGRTMIN+2 raised, still here\n");
  /* A handler installed now and SIG_IGN set back: the guest's view follows its own calls. */
  signal(SIGINT, handler);
  printf("after exec: SIGINT %s\n", disposition(SIGINT));
  return 0;
}
