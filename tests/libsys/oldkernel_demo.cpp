// A program built on libsys that uses calls newer than 3.10 (statx, openat2, close_range,
// clone3, faccessat2, renameat2, pipe2, getrandom). Its standard output must be the same
// under every `syscompat oldkernel --release` from 3.10 to the running kernel; standard
// error names the fallbacks this run took, so a test can see they were exercised.
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "syscompat/abi/syscalls.hpp"
#include "syscompat/libsys/entries.hpp"
#include "syscompat/libsys/fallbacks.hpp"

namespace sys = syscompat::sys;

namespace {
void say(const char* what, sys::Result<long> r) {
  if (r.ok())
    std::printf("%s: ok\n", what);
  else
    std::printf("%s: %s\n", what, strerrorname_np(r.error()));
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: oldkernel_demo SCRATCH_DIR\n");
    return 2;
  }
  const int dir = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return 2;

  // pipe2 with O_CLOEXEC, carrying a message.
  int fds[2];
  say("pipe2", sys::pipe2(fds, O_CLOEXEC));
  std::printf("pipe2 cloexec: %d %d\n", fcntl(fds[0], F_GETFD), fcntl(fds[1], F_GETFD));
  (void)!write(fds[1], "through the pipe", 16);
  char message[32] = {};
  (void)!read(fds[0], message, sizeof message);
  std::printf("pipe2 read: %s\n", message);

  // openat2 creating a file, statx reading it back.
  open_how how{};
  how.flags = O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC;
  how.mode = 0640;
  const auto created = sys::openat2(dir, "demo", &how, sizeof how);
  say("openat2", created);
  if (created.ok()) {
    (void)!write(static_cast<int>(created.value()), "twelve bytes", 12);
    close(static_cast<int>(created.value()));
  }
  struct statx sx {};
  say("statx", sys::statx(dir, "demo", 0, STATX_BASIC_STATS, &sx));
  std::printf("statx: size %llu mode %o basic %d\n", static_cast<unsigned long long>(sx.stx_size),
              sx.stx_mode & 07777, (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
  open_how beneath{};
  beneath.flags = O_RDONLY;
  beneath.resolve = RESOLVE_BENEATH;
  const auto refused = sys::openat2(dir, "../etc/passwd", &beneath, sizeof beneath);
  // Natively EXDEV; the fallback cannot draw the boundary and refuses with ENOSYS. Never ok.
  std::printf("openat2 beneath escapes: %s\n", refused.ok() ? "yes" : "no");

  say("faccessat2", sys::faccessat2(dir, "demo", R_OK | W_OK, AT_SYMLINK_NOFOLLOW));
  say("faccessat2 missing", sys::faccessat2(dir, "missing", F_OK, 0));
  say("renameat2", sys::renameat2(dir, "demo", dir, "renamed", 0));
  std::printf("renamed exists: %d\n", faccessat(dir, "renamed", F_OK, 0) == 0);
  unlinkat(dir, "renamed", 0);

  // close_range over descriptors 60..69.
  const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);  // stdin may be closed
  for (int fd = 60; fd < 70; ++fd) dup2(null_fd, fd);
  say("close_range", sys::close_range(60, 64, 0));
  say("close_range cloexec", sys::close_range(65, 69, CLOSE_RANGE_CLOEXEC));
  int open_count = 0, cloexec_count = 0;
  for (int fd = 60; fd < 70; ++fd) {
    const int flags = fcntl(fd, F_GETFD);
    open_count += flags >= 0;
    cloexec_count += flags > 0 && (flags & FD_CLOEXEC);
  }
  std::printf("close_range: %d open, %d cloexec\n", open_count, cloexec_count);

  // clone3 as fork.
  clone_args args;
  std::memset(&args, 0, sizeof args);
  args.exit_signal = SIGCHLD;
  const auto child = sys::clone3(&args, sizeof args);
  if (child.ok() && child.value() == 0) _exit(42);
  say("clone3", child);
  int status = 0;
  if (child.ok()) waitpid(static_cast<pid_t>(child.value()), &status, 0);
  std::printf("clone3 child exit: %d\n", WEXITSTATUS(status));

  unsigned char random[32] = {};
  const auto got = sys::getrandom(random, sizeof random, 0);
  say("getrandom", got);
  std::printf("getrandom: %ld bytes\n", got.value_or(0));

  std::string taken;
  for (const auto& fallback : sys::fallbacks()) {
    const auto* call = syscompat::abi::find_syscall(syscompat::abi::Abi::x86_64, fallback.name);
    if (call && sys::fallback_active(call->number))
      taken += (taken.empty() ? "" : ",") + std::string(fallback.name);
  }
  std::fprintf(stderr, "fallbacks taken: %s\n", taken.c_str());
  return 0;
}
