// /proc/self/comm names the program's file, as the kernel's exec sets it; and prctl
// PR_SET_NAME / PR_GET_NAME change and read it.
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

static void show_comm(void) {
  char name[32] = "";
  FILE* file = fopen("/proc/self/comm", "r");
  if (!file || !fgets(name, sizeof name, file)) return;
  fclose(file);
  printf("comm: %s", name);
}

int main(void) {
  show_comm();
  char name[16] = "";
  prctl(PR_GET_NAME, name);
  printf("PR_GET_NAME: %s\n", name);
  prctl(PR_SET_NAME, "renamed-by-it");
  show_comm();
  return 0;
}
