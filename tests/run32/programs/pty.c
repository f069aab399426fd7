// A pseudo-terminal through openpty (TIOCGPTN, TIOCSPTLCK, TCGETS/TCSETS, TIOCSWINSZ,
// TIOCGWINSZ, FIONREAD): a line written on one side is read on the other, in canonical and
// in raw mode.
#include <errno.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static void check(int ok, const char* what) {
  printf("%s: %s\n", what, ok ? "yes" : "no");
  if (!ok) exit(1);
}

int main(void) {
  int master, slave;
  char name[64];
  struct winsize size = {.ws_row = 33, .ws_col = 101};
  check(openpty(&master, &slave, name, NULL, &size) == 0, "openpty");
  check(strncmp(name, "/dev/pts/", 9) == 0, "named under /dev/pts");
  unsigned number = 0;
  check(ioctl(master, TIOCGPTN, &number) == 0 && (unsigned)atoi(name + 9) == number,
        "TIOCGPTN agrees with the name");
  check(isatty(slave) && isatty(master), "both ends are terminals");
  struct winsize got;
  check(ioctl(slave, TIOCGWINSZ, &got) == 0 && got.ws_row == 33 && got.ws_col == 101,
        "the window size reached the slave");
  // canonical mode: a line with its newline, echoed back on the master
  const char line[] = "hello through a pty\n";
  check(write(master, line, strlen(line)) == (ssize_t)strlen(line), "master write");
  char buffer[128] = {0};
  ssize_t n = read(slave, buffer, sizeof buffer - 1);
  printf("slave read %zd: %s", n, buffer);
  int pending = -1;
  usleep(10000);
  check(ioctl(master, FIONREAD, &pending) == 0, "FIONREAD on the master");
  printf("echo pending on the master: %d\n", pending);
  n = read(master, buffer, sizeof buffer - 1);
  buffer[n > 0 ? n : 0] = 0;
  printf("master read the echo (%zd bytes)\n", n);
  // raw mode on the slave: no echo, bytes as they come
  struct termios mode;
  check(tcgetattr(slave, &mode) == 0, "tcgetattr");
  cfmakeraw(&mode);
  check(tcsetattr(slave, TCSANOW, &mode) == 0, "tcsetattr raw");
  struct termios back;
  check(tcgetattr(slave, &back) == 0 && !(back.c_lflag & (ICANON | ECHO)), "raw mode kept");
  check(write(slave, "xyz", 3) == 3, "slave write");
  memset(buffer, 0, sizeof buffer);
  n = read(master, buffer, sizeof buffer - 1);
  printf("master read %zd: %s\n", n, buffer);
  check(cfgetospeed(&back) == cfgetospeed(&mode), "speed kept");
  close(slave);
  close(master);
  return 0;
}
