// The dispatch slots and layers, and the one-probe-per-process rule.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "child.hpp"
#include "syscompat/libsys/entries.hpp"
#include "syscompat/libsys/fallbacks.hpp"
#include "syscompat/libsys/layers.hpp"

namespace sys = syscompat::sys;
namespace layers = syscompat::sys::layers;
using libsys_test::in_child;

namespace {
std::string read_fd(int fd) {
  std::string out;
  char buffer[4096];
  lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  return out;
}
int temp_file() {
  char name[] = "/tmp/libsys-layer-XXXXXX";
  const int fd = mkstemp(name);
  unlink(name);
  return fd;
}
}  // namespace

TEST_CASE("entry points: the C++ API returns the error as a value, the C API sets errno",
          "[libsys]") {
  CHECK(sys::getppid().value() == getppid());
  const auto bad = sys::close(-1);
  CHECK_FALSE(bad.ok());
  CHECK(bad.error() == EBADF);
  errno = 0;
  CHECK(__sys_close(-1) == -1);
  CHECK(errno == EBADF);
  CHECK(__sys_getpid() == getpid());
  struct stat a {
  }, b{};
  REQUIRE(sys::fstat(libsys_test::null_fd(), &a).ok());
  REQUIRE(fstat(libsys_test::null_fd(), &b) == 0);
  CHECK(a.st_ino == b.st_ino);
}

TEST_CASE("deny layer: EPERM without the kernel, then removed", "[libsys]") {
  const std::vector<std::uint32_t> numbers{sys::nr::getppid};
  auto denied = layers::deny(numbers, EPERM);
  CHECK(sys::getppid().error() == EPERM);
  CHECK(__sys_getppid() == -1);
  CHECK(sys::getpid().ok());  // other slots untouched
  REQUIRE(denied.remove());
  CHECK(sys::getppid().value() == getppid());
}

TEST_CASE("layers stack: the last installed runs first and comes off first", "[libsys]") {
  layers::Counter counter;
  const std::vector<std::uint32_t> numbers{sys::nr::getppid};
  auto counting = layers::count(counter, numbers);
  auto denied = layers::deny(numbers, ENOSYS);
  sys::getppid();  // deny is outermost and answers: the count layer below never runs
  CHECK(counter[sys::nr::getppid] == 0);
  CHECK_FALSE(counting.remove());  // not the outermost
  REQUIRE(denied.remove());
  sys::getppid();
  CHECK(counter[sys::nr::getppid] == 1);
  REQUIRE(counting.remove());
}

TEST_CASE("slots can be replaced while other threads call through them", "[libsys]") {
  layers::Counter counter;
  const std::vector<std::uint32_t> numbers{sys::nr::getppid};
  std::atomic<bool> stop{false};
  std::atomic<long> failures{0};
  std::thread caller([&] {
    while (!stop) {
      const auto r = sys::getppid();
      if (!r.ok() && r.error() != EPERM) ++failures;
    }
  });
  for (int i = 0; i < 2000; ++i) {
    auto c = layers::count(counter, numbers);
    auto d = layers::deny(numbers, EPERM);
    d.remove();
    c.remove();
  }
  stop = true;
  caller.join();
  CHECK(failures == 0);
  CHECK(sys::getppid().value() == getppid());
}

TEST_CASE("trace layer: strace-style lines decoded from the description", "[libsys]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const std::vector<std::uint32_t> numbers{sys::nr::openat, sys::nr::close, sys::nr::write};
  auto traced = layers::trace(fds[1], numbers);
  sys::openat(AT_FDCWD, "/nonexistent/x", O_RDONLY, 0);
  sys::close(-1);
  const int devnull = open("/dev/null", O_WRONLY);
  sys::write(devnull, "hi\n", 3);
  REQUIRE(traced.remove());
  close(devnull);
  close(fds[1]);
  char buffer[4096] = {};
  const ssize_t n = read(fds[0], buffer, sizeof buffer - 1);
  close(fds[0]);
  const std::string text(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
  CHECK(text.find("openat(AT_FDCWD, \"/nonexistent/x\", O_RDONLY) = -1 ENOENT (No such file or "
                  "directory)\n") != std::string::npos);
  CHECK(text.find("close(-1) = -1 EBADF (Bad file descriptor)\n") != std::string::npos);
  CHECK(text.find("write(" + std::to_string(devnull) + ", \"hi\\n\", 3) = 3\n") !=
        std::string::npos);
}

TEST_CASE("trace layer: -e trace=SET chooses the calls, -s cuts the strings", "[libsys]") {
  const auto files = layers::numbers_of_trace_set("trace=%file");
  CHECK(std::find(files.begin(), files.end(), sys::nr::openat) != files.end());
  CHECK(std::find(files.begin(), files.end(), sys::nr::write) == files.end());
  CHECK_THROWS_AS(layers::numbers_of_trace_set("trace=no_such_call"), std::invalid_argument);
  const int fd = temp_file();
  const auto numbers = layers::numbers_of_trace_set("write");
  REQUIRE(numbers.size() == 1);
  auto traced = layers::trace(fd, numbers, sys::Level::top, 4);
  const int devnull = open("/dev/null", O_WRONLY);
  sys::close(-1);  // not traced
  sys::write(devnull, "hello\n", 6);
  REQUIRE(traced.remove());
  close(devnull);
  CHECK(read_fd(fd) == "write(" + std::to_string(devnull) + ", \"hell\"..., 6) = 6\n");
  close(fd);
}

TEST_CASE("record then replay: results and out buffers served without the kernel", "[libsys]") {
  const int log = temp_file();
  REQUIRE(log >= 0);
  const std::vector<std::uint32_t> numbers{sys::nr::fstat, sys::nr::getppid, sys::nr::read};
  const int file = temp_file();
  REQUIRE(write(file, "recorded bytes", 14) == 14);
  lseek(file, 0, SEEK_SET);

  struct stat recorded {};
  char bytes[32] = {};
  {
    auto recording = layers::record(log, numbers);
    REQUIRE(sys::fstat(file, &recorded).ok());
    REQUIRE(sys::getppid().value() == getppid());
    REQUIRE(sys::read(file, bytes, sizeof bytes).value() == 14);
    REQUIRE(sys::read(-1, bytes, 1).error() == EBADF);
    REQUIRE(recording.remove());
  }
  const std::string text = read_fd(log);
  CHECK(text.find("call " + std::to_string(sys::nr::fstat) + " fstat 0 ") == 0);
  CHECK(text.find("call " + std::to_string(sys::nr::read) + " read -9 ") != std::string::npos);

  // Replayed against a different descriptor: the kernel would say EBADF, the recording does not.
  layers::Replay* state = nullptr;
  auto replaying = layers::replay(text, numbers, &state);
  struct stat replayed {};
  char again[32] = {};
  CHECK(sys::fstat(-1, &replayed).value() == 0);
  CHECK(replayed.st_ino == recorded.st_ino);
  CHECK(replayed.st_size == 14);
  CHECK(sys::getppid().value() == getppid());
  CHECK(sys::read(-1, again, sizeof again).value() == 14);
  CHECK(std::string(again, 14) == "recorded bytes");
  CHECK(sys::read(-1, again, 1).error() == EBADF);
  CHECK(state->served == 4);
  CHECK(state->divergences == 0);
  CHECK(sys::getppid().error() == ENOSYS);  // the recording is used up: a divergence
  CHECK(state->divergences == 1);
  REQUIRE(replaying.remove());
  close(file);
  close(log);
}

TEST_CASE("one probe per call per process: after the first ENOSYS no further failing probe",
          "[libsys]") {
  // A counting layer at kernel level sees what really reaches the kernel: statx once (the
  // failing probe), then only the fallback's newfstatat.
  const auto out = in_child({sys::nr::statx}, [] {
    layers::Counter counter;
    const std::vector<std::uint32_t> numbers{sys::nr::statx, sys::nr::newfstatat};
    auto counting = layers::count(counter, numbers, sys::Level::kernel);
    struct statx sx {};
    long ok = 0;
    for (int i = 0; i < 100; ++i) ok += sys::statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &sx).ok();
    return "ok=" + std::to_string(ok) + " statx=" + std::to_string(counter[sys::nr::statx]) +
           " newfstatat=" + std::to_string(counter[sys::nr::newfstatat]);
  });
  CHECK(out == "ok=100 statx=1 newfstatat=100");
}

TEST_CASE("threads racing to the first ENOSYS all get the fallback's answer", "[libsys]") {
  // Several threads may probe at once before the switch is seen: at most one failing probe
  // per thread, and every call answered correctly.
  const auto out = in_child({sys::nr::statx}, [] {
    layers::Counter counter;
    const std::vector<std::uint32_t> numbers{sys::nr::statx};
    auto counting = layers::count(counter, numbers, sys::Level::kernel);
    std::atomic<long> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        struct statx sx {};
        for (int i = 0; i < 200; ++i)
          ok += sys::statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &sx).ok() && S_ISDIR(sx.stx_mode);
      });
    for (auto& thread : threads) thread.join();
    return "ok=" + std::to_string(ok.load()) +
           " probes<=4:" + std::to_string(counter[sys::nr::statx] <= 4) +
           " probes>=1:" + std::to_string(counter[sys::nr::statx] >= 1);
  });
  CHECK(out == "ok=800 probes<=4:1 probes>=1:1");
}

TEST_CASE("a kernel-level recording shows the one failing probe", "[libsys]") {
  // The same claim with the record layer: ten statx calls under the filter leave one statx
  // record (-ENOSYS) and ten newfstatat records in what reached the kernel.
  const auto out = in_child({sys::nr::statx}, [] {
    const int log = temp_file();
    const std::vector<std::uint32_t> numbers{sys::nr::statx, sys::nr::newfstatat};
    auto recording = layers::record(log, numbers, sys::Level::kernel);
    struct statx sx {};
    for (int i = 0; i < 10; ++i) sys::statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &sx);
    recording.remove();
    const std::string text = read_fd(log);
    const auto count = [&](const std::string& what) {
      std::size_t n = 0;
      for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; ++at) ++n;
      return n;
    };
    return std::to_string(count(" statx -38 ")) + " " + std::to_string(count(" statx ")) + " " +
           std::to_string(count(" newfstatat 0 "));
  });
  CHECK(out == "1 1 10");
}

TEST_CASE("the probe counter catches a planted per-call probe", "[libsys]") {
  // The check above is trusted because it fails when the probe is not cached: resetting the
  // probe before every call (the planted bug) makes every call probe the kernel again.
  const auto out = in_child({sys::nr::statx}, [] {
    layers::Counter counter;
    const std::vector<std::uint32_t> numbers{sys::nr::statx};
    auto counting = layers::count(counter, numbers, sys::Level::kernel);
    struct statx sx {};
    for (int i = 0; i < 10; ++i) {
      sys::reset_probe(sys::nr::statx);
      sys::statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &sx);
    }
    return "statx=" + std::to_string(counter[sys::nr::statx]);
  });
  CHECK(out == "statx=10");
}

TEST_CASE("a parity case catches a planted wrong fallback", "[libsys]") {
  // A fallback that lied (reporting success for a missing file) must show up as a difference
  // between the native and the forced run; here the forced run is compared with a deny layer
  // standing in for the broken fallback.
  const auto body = [] {
    return std::to_string(sys::faccessat2(AT_FDCWD, "/nonexistent", 0, 0).error());
  };
  const auto native = in_child({}, body);
  const auto planted = in_child({}, [&] {
    const std::vector<std::uint32_t> numbers{sys::nr::faccessat2};
    auto lying = layers::deny(numbers, 0);  // "error 0": success
    return body();
  });
  CHECK(native == std::to_string(ENOENT));
  CHECK(planted != native);
}
