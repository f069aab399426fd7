// poll, select and epoll on pipes; eventfd; timerfd.
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/timerfd.h>
#include <unistd.h>

int main(void) {
  int p[2];
  pipe(p);
  struct pollfd fds[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
  // One call per statement: printf's arguments are evaluated in no fixed order.
  int ready = poll(fds, 2, 0);
  printf("poll ready: %d in %d out %d\n", ready, fds[0].revents & POLLIN,
         (fds[1].revents & POLLOUT) != 0);
  write(p[1], "x", 1);
  ready = poll(fds, 1, 1000);
  printf("poll after write: %d in %d\n", ready, fds[0].revents & POLLIN);
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(p[0], &readable);
  struct timeval timeout = {1, 0};
  ready = select(p[0] + 1, &readable, NULL, NULL, &timeout);
  printf("select: %d set %d\n", ready, FD_ISSET(p[0], &readable) != 0);
  int epoll = epoll_create1(0);
  struct epoll_event event = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull};
  printf("epoll_ctl: %d\n", epoll_ctl(epoll, EPOLL_CTL_ADD, p[0], &event));
  struct epoll_event got[4];
  int n = epoll_wait(epoll, got, 4, 1000);
  printf("epoll_wait: %d data kept %d\n", n, got[0].data.u64 == 0x1122334455667788ull);
  char byte;
  read(p[0], &byte, 1);
  printf("epoll_wait empty: %d\n", epoll_wait(epoll, got, 4, 10));
  int counter = eventfd(3, 0);
  uint64_t value = 0;
  read(counter, &value, sizeof value);
  printf("eventfd: %llu\n", (unsigned long long)value);
  int timer = timerfd_create(CLOCK_MONOTONIC, 0);
  struct itimerspec spec = {{0, 0}, {0, 10 * 1000 * 1000}};
  printf("timerfd_settime: %d\n", timerfd_settime(timer, 0, &spec, NULL));
  uint64_t expirations = 0;
  read(timer, &expirations, sizeof expirations);
  printf("timerfd expired: %llu\n", (unsigned long long)expirations);
  return 0;
}
