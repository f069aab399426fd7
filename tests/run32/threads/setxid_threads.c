// setgid/setuid in a multithreaded program change every thread's ids (glibc signals each
// thread with SIGSETXID, whose handler makes the call there, as natively).
#include <grp.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static sem_t changed, reported;
static long ids[4][2];

static void* worker(void* argument) {
  int me = (int)(long)argument;
  sem_wait(&changed);
  // The raw calls: each thread's own credentials, as the kernel keeps them per task.
  ids[me][0] = syscall(SYS_getuid32);
  ids[me][1] = syscall(SYS_getgid32);
  sem_post(&reported);
  return NULL;
}

int main(void) {
  sem_init(&changed, 0, 0);
  sem_init(&reported, 0, 0);
  pthread_t threads[4];
  for (long i = 0; i < 4; ++i) pthread_create(&threads[i], NULL, worker, (void*)i);
  uid_t uid = getuid();
  gid_t gid = getgid();
  if (geteuid() == 0) {  // as root: to nobody
    uid = 65534;
    gid = 65534;
    if (setgroups(0, NULL) != 0) perror("setgroups");
  }
  int set_gid = setgid(gid), set_uid = setuid(uid);
  printf("setgid %d, setuid %d\n", set_gid, set_uid);
  for (int i = 0; i < 4; ++i) sem_post(&changed);
  for (int i = 0; i < 4; ++i) sem_wait(&reported);
  int same = 0;
  for (int i = 0; i < 4; ++i) {
    pthread_join(threads[i], NULL);
    same += ids[i][0] == (long)uid && ids[i][1] == (long)gid;
  }
  printf("threads with the new ids: %d of 4 (main: %d)\n", same,
         syscall(SYS_getuid32) == (long)uid && syscall(SYS_getgid32) == (long)gid);
  return 0;
}
