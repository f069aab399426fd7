/* The alternate signal stack as the kernel keeps it: a frame's uc_stack holds the flags as
 * sigaltstack was given them (never SS_ONSTACK for being on it: __compat_save_altstack),
 * SS_AUTODISARM clears the stack once an rt frame has saved it, rt_sigreturn sets it again
 * from the frame's uc_stack (compat_restore_altstack, whatever the handler did meanwhile),
 * sigaltstack's own answers (do_sigaltstack: SS_ONSTACK accepted as a mode, nothing written
 * back on a refusal), and a new thread's or process's on this memory (copy_process's
 * sas_ss_reset), but a vfork child's: its parent's. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

static char area[65536], other_area[65536];
static volatile int depth, change_in_handler, change_frame;

static const char *where(const void *sp) {
  if (sp == area) return "area";
  if (sp == other_area) return "other area";
  return sp ? "elsewhere" : "none";
}

static void show(const char *what, const stack_t *stack) {
  printf("  %s: %s, flags %#x, size %zu\n", what, where(stack->ss_sp), (unsigned)stack->ss_flags,
         stack->ss_size);
}

static void on_signal(int signal, siginfo_t *info, void *context) {
  ucontext_t *uc = context;
  char here;
  (void)info;
  stack_t now;
  sigaltstack(NULL, &now);
  printf(" signal %d at depth %d, on the area %d\n", signal, depth,
         &here >= area && &here < area + sizeof area);
  show("uc_stack", &uc->uc_stack);
  show("sigaltstack", &now);
  if (signal == SIGUSR1) {
    depth++;
    raise(SIGUSR2);
    depth--;
  }
  if (change_in_handler) {
    stack_t other = {.ss_sp = other_area, .ss_size = sizeof other_area};
    printf("  sigaltstack to the other area in the handler: %d\n", sigaltstack(&other, NULL));
    sigaltstack(NULL, &now);
    show("now", &now);
  }
  if (change_frame) uc->uc_stack.ss_flags = SS_DISABLE;
}

static void answer(const char *what, int result) {
  printf("%s: %d (%s)\n", what, result, result ? strerror(errno) : "-");
}

static void report(const char *what) {
  stack_t now;
  sigaltstack(NULL, &now);
  printf("%s\n", what);
  show("after the handlers", &now);
  fflush(stdout);
}

static stack_t seen_by_child;
static int query_in_child(void *unused) {
  (void)unused;
  sigaltstack(NULL, &seen_by_child);
  return 0;
}

/* A child on this memory (CLONE_VM, with CLONE_VFORK or not) reads its alternate stack. */
static void child_on_this_memory(int flags, const char *what) {
  static char child_stack[65536];
  memset(&seen_by_child, 0, sizeof seen_by_child);
  pid_t child = clone(query_in_child, child_stack + sizeof child_stack, flags | SIGCHLD, NULL);
  waitpid(child, NULL, 0);
  printf("%s\n", what);
  show("its sigaltstack", &seen_by_child);
  fflush(stdout);
}

static void *in_thread(void *unused) {
  (void)unused;
  raise(SIGUSR2);
  report("in a new thread");
  return NULL;
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_signal;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigaction(SIGUSR1, &action, NULL);
  sigaction(SIGUSR2, &action, NULL);

  raise(SIGUSR2);
  report("as exec left it");

  stack_t stack = {.ss_sp = area, .ss_size = sizeof area, .ss_flags = 0};
  sigaltstack(&stack, NULL);
  raise(SIGUSR1);
  report("nested on the alternate stack");

  stack.ss_flags = SS_AUTODISARM;
  sigaltstack(&stack, NULL);
  raise(SIGUSR1);
  report("SS_AUTODISARM");

  stack.ss_flags = 0;
  sigaltstack(&stack, NULL);
  action.sa_flags = SA_SIGINFO | SA_NODEFER; /* on the main stack: it may change the stack */
  sigaction(SIGUSR2, &action, NULL);
  change_in_handler = 1;
  raise(SIGUSR2);
  change_in_handler = 0;
  report("changed in the handler, restored by rt_sigreturn");
  change_frame = 1;
  raise(SIGUSR2);
  change_frame = 0;
  report("uc_stack disabled in the frame");

  /* do_sigaltstack's answers. */
  stack_t old;
  stack.ss_flags = SS_ONSTACK;
  answer("mode SS_ONSTACK", sigaltstack(&stack, NULL));
  sigaltstack(NULL, &old);
  show("read back", &old);
  raise(SIGUSR2);
  report("a frame's uc_stack has the flags as given");
  stack.ss_flags = SS_ONSTACK | SS_DISABLE;
  answer("mode SS_ONSTACK|SS_DISABLE", sigaltstack(&stack, NULL));
  stack.ss_flags = 0;
  stack.ss_size = 100;
  memset(&old, 0xaa, sizeof old);
  answer("too small", sigaltstack(&stack, &old));
  printf("  old untouched: %d\n", old.ss_flags == (int)0xaaaaaaaa);
  stack.ss_flags = SS_DISABLE;
  stack.ss_size = 0;
  sigaltstack(&stack, &old);
  show("disabled; the one before", &old);
  sigaltstack(NULL, &old);
  show("read back", &old);
  fflush(stdout);

  stack.ss_flags = 0;
  stack.ss_size = sizeof area;
  sigaltstack(&stack, NULL);
  child_on_this_memory(CLONE_VM | CLONE_VFORK, "a vfork child");
  child_on_this_memory(CLONE_VM, "a CLONE_VM child");

  pthread_t thread;
  pthread_create(&thread, NULL, in_thread, NULL);
  pthread_join(thread, NULL);
  return 0;
}
