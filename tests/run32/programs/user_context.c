/* getcontext/setcontext and makecontext/swapcontext: i386 glibc's setcontext and
 * swapcontext reload %fs with the null selector getcontext saved, and the program's next
 * system calls must work (the shim keeps its own FS base for them). */
#define _GNU_SOURCE
#include <stdio.h>
#include <ucontext.h>
#include <unistd.h>

static ucontext_t main_context, other_context;
static volatile int returned;
static char other_stack[65536];

static void other(int a, int b) {
  printf("in makecontext's function: %d %d, pid ok %d\n", a, b, getpid() > 0);
  fflush(stdout);
  swapcontext(&other_context, &main_context);
  printf("back in it once more\n");
  fflush(stdout);
}

int main(void) {
  unsigned short fs;
  __asm__ volatile("mov %%fs, %0" : "=r"(fs));
  printf("fs %#x\n", fs);
  fflush(stdout);
  getcontext(&main_context);
  printf("saved fs %#lx\n", (unsigned long)main_context.uc_mcontext.gregs[REG_FS] & 0xffff);
  fflush(stdout);
  if (!returned) {
    returned = 1;
    setcontext(&main_context);
    printf("setcontext returned\n");
    return 1;
  }
  printf("returned through setcontext, pid ok %d\n", getpid() > 0);

  getcontext(&other_context);
  other_context.uc_stack.ss_sp = other_stack;
  other_context.uc_stack.ss_size = sizeof other_stack;
  other_context.uc_link = &main_context;
  makecontext(&other_context, (void (*)(void))other, 2, 7, 8);
  swapcontext(&main_context, &other_context);
  printf("swapped back, pid ok %d\n", getpid() > 0);
  fflush(stdout);
  swapcontext(&main_context, &other_context);
  printf("uc_link brought us back\n");
  return 0;
}
