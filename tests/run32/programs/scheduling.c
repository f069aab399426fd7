// sched_yield, affinity, priorities and nice, sysinfo, the scheduler policy.
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>

int main(void) {
  printf("sched_yield: %d\n", sched_yield());
  cpu_set_t set;
  CPU_ZERO(&set);
  const int affinity = sched_getaffinity(0, sizeof set, &set);
  printf("sched_getaffinity: %d cpus>0 %d\n", affinity, CPU_COUNT(&set) > 0);
  printf("policy: %d\n", sched_getscheduler(0));
  errno = 0;
  int before = getpriority(PRIO_PROCESS, 0);
  printf("nice(1): %d\n", nice(1) == before + 1);
  printf("getpriority after: %d\n", getpriority(PRIO_PROCESS, 0) - before);
  struct sysinfo info;
  const int got = sysinfo(&info);
  printf("sysinfo: %d uptime>0 %d procs>0 %d\n", got, info.uptime > 0, info.procs > 0);
  printf("nprocs agree: %d\n", get_nprocs() == (int)sysconf(_SC_NPROCESSORS_ONLN));
  return 0;
}
