// Memory shared across fork: MAP_SHARED anonymous, and a POSIX shared memory object.
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int* counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  *counter = 1;
  char name[64];
  snprintf(name, sizeof name, "/run32-test-%d", getpid());
  int fd = shm_open(name, O_CREAT | O_RDWR, 0600);
  ftruncate(fd, 8192);
  char* object = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    *counter += 41;
    snprintf(object + 4096, 64, "written by the child");
    _exit(0);
  }
  waitpid(child, NULL, 0);
  printf("counter after the child: %d\n", *counter);
  printf("shared object: %s\n", object + 4096);
  munmap(object, 8192);
  shm_unlink(name);
  printf("shm_open after unlink fails: %d\n", shm_open(name, O_RDWR, 0) == -1);
  return 0;
}
