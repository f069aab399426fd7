/* An installed libsys, used from C through pkg-config: typed entry points (struct
   libsys_statx), the numbers, errno, a fallback's presence, and a C layer. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <libsys.h>
#include <stdio.h>
#include <unistd.h>

static long count_calls(const struct libsys_handler* self, const struct libsys_call* call) {
  ++*(int*)libsys_handler_context(self);
  return libsys_call_next(self, call);
}

int main(void) {
  struct libsys_statx sx;
  int ok = 1, counted = 0;
  const struct libsys_handler* layer;
  ok &= __sys_getpid() == getpid();
  ok &= __sys_statx(AT_FDCWD, "/", 0, 0x7ff /* STATX_BASIC_STATS */, &sx) == 0 &&
        (sx.stx_mode & 0170000) == 0040000;
  ok &= __sys_close(-1) == -1 && errno == EBADF;
  ok &= libsys_has_fallback(LIBSYS_NR_statx) == 1 && libsys_has_fallback(LIBSYS_NR_getpid) == 0;
  layer = libsys_install_layer(LIBSYS_NR_getppid, count_calls, &counted, LIBSYS_LEVEL_TOP);
  ok &= layer != NULL && __sys_getppid() == getppid() && counted == 1;
  ok &= libsys_remove_layer(LIBSYS_NR_getppid, layer, LIBSYS_LEVEL_TOP) == 1;
  ok &= __sys_getppid() == getppid() && counted == 1;
  puts(ok ? "libsys C consumer: ok" : "libsys C consumer: FAILED");
  return ok ? 0 : 1;
}
