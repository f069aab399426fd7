// inotify: a watch on the current directory sees a file created, written and removed.
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>
#include <fcntl.h>

int main(void) {
  int fd = inotify_init1(0);
  printf("add_watch: %d\n", inotify_add_watch(fd, ".", IN_CREATE | IN_DELETE | IN_CLOSE_WRITE) > 0);
  int file = open("watched", O_CREAT | O_WRONLY, 0600);
  write(file, "x", 1);
  close(file);
  unlink("watched");
  char buffer[4096] __attribute__((aligned(8)));
  ssize_t got = read(fd, buffer, sizeof buffer);
  for (char* at = buffer; at < buffer + got;) {
    struct inotify_event* event = (struct inotify_event*)at;
    printf("event %s%s%s on %s\n", event->mask & IN_CREATE ? "create" : "",
           event->mask & IN_CLOSE_WRITE ? "close_write" : "", event->mask & IN_DELETE ? "delete" : "",
           event->len ? event->name : "?");
    at += sizeof *event + event->len;
  }
  return 0;
}
