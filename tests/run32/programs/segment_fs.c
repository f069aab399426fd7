// The guest loads %fs itself (as Wine and some runtimes do; glibc and musl use only %gs):
// the shim's own thread pointer, also %fs-based, must survive it on every way in (the
// AT_SYSINFO entry, a raw int $0x80, a signal), and the guest must get its %fs back.
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static void on_usr1(int signal) { handled = signal; }

static unsigned short fs_selector(void) {
  unsigned short selector;
  __asm__ volatile("mov %%fs, %0" : "=r"(selector));
  return selector;
}

int main(void) {
  unsigned short data;
  __asm__ volatile("mov %%ds, %0" : "=r"(data));
  __asm__ volatile("mov %0, %%fs" : : "r"(data));  // a flat data segment: base 0
  printf("fs loaded: %d\n", fs_selector() == data);
  signal(SIGUSR1, on_usr1);
  raise(SIGUSR1);
  long raw;
  __asm__ volatile("int $0x80" : "=a"(raw) : "a"(SYS_getpid) : "memory");
  printf("raw getpid: %d, handled: %d, fs kept: %d\n", raw == getpid(), handled == SIGUSR1,
         fs_selector() == data);
  int through_fs;
  static int flat_value = 42;
  __asm__ volatile("mov %%fs:(%1), %0" : "=r"(through_fs) : "r"(&flat_value));
  printf("read through fs: %d\n", through_fs);
  return 0;
}
