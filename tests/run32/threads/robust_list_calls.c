// The robust-list calls themselves, as the i386 kernel answers them: get_robust_list of
// this thread and of another thread of the process; set_robust_list with a wrong length;
// set_tid_address answering the tid.
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile pid_t other_tid;
static volatile int stop;
static void* other(void* unused) {
  other_tid = (pid_t)syscall(SYS_gettid);
  while (!stop) usleep(1000);
  return unused;
}

int main(void) {
  uint32_t head = 0, length = 0;
  long result = syscall(SYS_get_robust_list, 0, &head, &length);
  printf("get_robust_list(0): %ld, a head %d, length %u\n", result, head != 0, length);
  uint32_t mine[3] = {0, 0, 0};
  mine[0] = (uint32_t)(uintptr_t)&mine[0];  // an empty list: next is the head itself
  printf("set_robust_list(24): %ld %s\n", syscall(SYS_set_robust_list, mine, 24),
         errno == EINVAL ? "EINVAL" : "?");
  printf("set_robust_list(12): %ld\n", syscall(SYS_set_robust_list, mine, 12));
  syscall(SYS_get_robust_list, 0, &head, &length);
  printf("now the head is ours: %d\n", head == (uint32_t)(uintptr_t)mine);
  pthread_t thread;
  pthread_create(&thread, NULL, other, NULL);
  while (!other_tid) usleep(1000);
  uint32_t other_head = 0;
  result = syscall(SYS_get_robust_list, other_tid, &other_head, &length);
  printf("another thread's: %ld, its own head %d\n", result, other_head != 0 && other_head != head);
  stop = 1;
  pthread_join(thread, NULL);
  printf("bad pointer: %ld %s\n", syscall(SYS_get_robust_list, 0, (void*)16, &length),
         errno == EFAULT ? "EFAULT" : "?");
  int word;
  printf("set_tid_address answers the tid: %d\n",
         syscall(SYS_set_tid_address, &word) == syscall(SYS_gettid));
  return 0;
}
