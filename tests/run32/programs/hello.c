// argv, environment, stdout buffering and the exit status.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; ++i) printf("argv[%d]=%s\n", i, argv[i]);
  const char* value = getenv("RUN32_TEST_VARIABLE");
  printf("RUN32_TEST_VARIABLE=%s\n", value ? value : "(unset)");
  return 7;
}
