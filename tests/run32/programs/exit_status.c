// exit() runs atexit handlers and flushes stdio; the status is the guest's.
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void) { printf("atexit handler ran\n"); }

int main(void) {
  atexit(goodbye);
  printf("exiting with 42\n");
  exit(42);
}
