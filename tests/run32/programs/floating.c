// x87 and SSE state across syscalls and signal handlers that use floating point.
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile double in_handler;

static void on_usr1(int signal) {
  volatile double x = 3.0;
  for (int i = 0; i < 10; ++i) x = x * 1.5 + signal;
  in_handler = x;
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  double sum = 0;
  long double extended = 1.0L;
  for (int i = 1; i <= 200; ++i) {
    sum += sqrt((double)i) / i;
    extended *= 1.0001L;
    if (i % 20 == 0) {
      getppid();
      raise(SIGUSR1);
    }
  }
  printf("sum %.12f extended %.12Lf handler %.6f\n", sum, extended, in_handler);
  printf("formatted: %g %e %.3f\n", 1.0 / 3, 6.02214076e23, M_PI);
  return 0;
}
