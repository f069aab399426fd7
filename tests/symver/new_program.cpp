// A program built against the current libsys: it needs __sys_stat@LIBSYS_1.1, so the
// dynamic linker refuses to start it with the v1 library (tests/cli/symver_new_binary.sh).
#include <libsys.h>

#include <cstdio>

int main(int argc, char** argv) {
  libsys_stat st{};
  if (argc != 2 || __sys_stat(argv[1], &st) != 0) return 1;
  std::printf("size=%ld\n", static_cast<long>(st.st_size));
  return 0;
}
