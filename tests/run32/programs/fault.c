// A guest fault: with a SIGSEGV handler that siglongjmps out, then without one (the process
// dies by SIGSEGV, as natively).
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf recover;
static volatile void* fault_address;

static void on_segv(int signal, siginfo_t* info, void* context) {
  (void)signal, (void)context;
  fault_address = info->si_addr;
  siglongjmp(recover, 1);
}

int main(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_segv;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &action, NULL);
  if (sigsetjmp(recover, 1) == 0) {
    *(volatile int*)0x10 = 1;
    printf("no fault?\n");
  } else {
    printf("recovered from SIGSEGV at %p\n", (void*)fault_address);
  }
  signal(SIGSEGV, SIG_DFL);
  printf("now dying by SIGSEGV\n");
  fflush(stdout);
  *(volatile int*)0x10 = 2;
  return 0;
}
