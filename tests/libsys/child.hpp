// Runs a piece of a test in a forked child, optionally under a seccomp filter that makes
// some x86_64 calls fail with ENOSYS (as a kernel without them would), and brings back what
// it printed. The oracle for a fallback: the same cases run natively here.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/oldkernel.hpp"

namespace libsys_test {

// A descriptor to dup and stat: standard input may be closed (CI runs without one).
inline int null_fd() {
  static const int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  return fd;
}

// What the forcing filter answers: ENOSYS (an old kernel), or EPERM when the environment
// says LIBSYS_PARITY_ERRNO=EPERM (a container profile, as `oldkernel --errno EPERM`): the
// parity cases run under both (tests/CMakeLists.txt).
inline int forced_errno() {
  const char* choice = std::getenv("LIBSYS_PARITY_ERRNO");
  return choice != nullptr && std::string_view(choice) == "EPERM" ? EPERM : ENOSYS;
}

inline std::string in_child(const std::vector<std::uint32_t>& enosys,
                            const std::function<std::string()>& body) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string out;
    if (!enosys.empty()) {
      const int rc = syscompat::sys::oldkernel::deny_x86_64(enosys, forced_errno());
      if (rc != 0) out = "filter failed: " + std::string(std::strerror(-rc)) + "\n";
    }
    if (out.empty()) out = body();
    for (std::size_t done = 0; done < out.size();) {
      const ssize_t n = write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    out += "child died: status " + std::to_string(status) + "\n";
  return out;
}

// Splits into lines, for a comparison that names the differing case.
inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    out.push_back(text.substr(start, end - start));
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

}  // namespace libsys_test
