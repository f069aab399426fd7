// 64 threads doing I/O at once: 32 pairs, each passing 200 messages through a pipe or a
// socketpair (alternately) and checking every byte.
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum { pairs = 32, messages = 200, message_size = 64 };
static int fds[pairs][2];
static int errors[pairs];

static void* writer(void* argument) {
  int pair = (int)(long)argument;
  char message[message_size];
  for (int n = 0; n < messages; ++n) {
    memset(message, 'a' + (pair + n) % 26, sizeof message);
    if (write(fds[pair][1], message, sizeof message) != sizeof message) ++errors[pair];
  }
  close(fds[pair][1]);
  return NULL;
}

static void* reader(void* argument) {
  int pair = (int)(long)argument;
  char message[message_size];
  for (int n = 0; n < messages; ++n) {
    size_t got = 0;
    while (got < sizeof message) {
      ssize_t r = read(fds[pair][0], message + got, sizeof message - got);
      if (r <= 0) {
        ++errors[pair];
        return NULL;
      }
      got += (size_t)r;
    }
    for (size_t i = 0; i < sizeof message; ++i)
      if (message[i] != 'a' + (pair + n) % 26) {
        ++errors[pair];
        break;
      }
  }
  char end;
  if (read(fds[pair][0], &end, 1) != 0) ++errors[pair];
  return NULL;
}

int main(void) {
  for (int pair = 0; pair < pairs; ++pair)
    if (pair % 2 ? socketpair(AF_UNIX, SOCK_STREAM, 0, fds[pair]) : pipe(fds[pair])) return 1;
  pthread_t threads[2 * pairs];
  for (long pair = 0; pair < pairs; ++pair) {
    pthread_create(&threads[2 * pair], NULL, reader, (void*)pair);
    pthread_create(&threads[2 * pair + 1], NULL, writer, (void*)pair);
  }
  for (int i = 0; i < 2 * pairs; ++i) pthread_join(threads[i], NULL);
  int total = 0;
  for (int pair = 0; pair < pairs; ++pair) total += errors[pair];
  printf("%d threads, %d messages each way, errors %d\n", 2 * pairs, pairs * messages, total);
  return 0;
}
