// abort(): the process dies by SIGABRT, as natively (exit status 134 from the shell).
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("about to abort\n");
  fflush(stdout);
  abort();
}
