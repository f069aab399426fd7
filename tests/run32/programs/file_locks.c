// fcntl record locks (struct flock through fcntl64), F_GETLK from a child, flock, O_APPEND,
// F_SETFL O_NONBLOCK, F_DUPFD.
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int fd = open("locked", O_CREAT | O_RDWR | O_TRUNC, 0600);
  write(fd, "0123456789", 10);
  struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 3};
  printf("F_SETLK: %d\n", fcntl(fd, F_SETLK, &lock));
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    int other = open("locked", O_RDWR);
    struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
    fcntl(other, F_GETLK, &probe);
    printf("child sees a write lock %d at %lld+%lld held by the parent %d\n", probe.l_type == F_WRLCK,
           (long long)probe.l_start, (long long)probe.l_len, probe.l_pid == getppid());
    _exit(0);
  }
  waitpid(child, NULL, 0);
  printf("flock: %d\n", flock(fd, LOCK_EX | LOCK_NB));
  printf("F_DUPFD at 50: %d\n", fcntl(fd, F_DUPFD, 50));
  int flags = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK | O_APPEND);
  printf("O_NONBLOCK set: %d\n", (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0);
  lseek(fd, 0, SEEK_SET);
  write(fd, "appended", 8);
  printf("appended at the end: size %lld\n", (long long)lseek(fd, 0, SEEK_END));
  unlink("locked");
  return 0;
}
