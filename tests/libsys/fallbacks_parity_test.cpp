// Parity: each fallback, forced by a seccomp filter that makes the native call return
// ENOSYS (or EPERM, with LIBSYS_PARITY_ERRNO=EPERM: child.hpp), gives the same results as the
// native call on this kernel, over a table of cases that includes the error cases (same errno).
// Both runs happen in forked children of the same parent, so descriptor numbers and the fixture are
// the same for both.
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/close_range.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>

#include "child.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/libsys/entries.hpp"
#include "syscompat/libsys/fallbacks.hpp"

namespace sys = syscompat::sys;
using libsys_test::in_child;
using libsys_test::lines;
using libsys_test::null_fd;

namespace {

void* const bad_pointer = reinterpret_cast<void*>(8);  // never mapped

std::string show(sys::Result<long> r) {
  if (r.ok()) return "ok " + std::to_string(r.value());
  const char* name = strerrorname_np(r.error());
  return std::string("err ") + (name ? name : std::to_string(r.error()).c_str());
}
std::string fd_flags(int fd) {
  const int fl = fcntl(fd, F_GETFL), fdfl = fcntl(fd, F_GETFD);
  if (fl < 0) return "closed";
  return "fl=" + std::to_string(fl & (O_ACCMODE | O_NONBLOCK | O_DIRECT | O_APPEND)) +
         " cloexec=" + std::to_string(fdfl & FD_CLOEXEC);
}

// A scratch directory with a file, a directory, a symlink and a dangling one.
struct Fixture {
  std::string dir;
  int dfd = -1;
  Fixture() {
    char name[] = "/tmp/libsys-parity-XXXXXX";
    dir = mkdtemp(name);
    dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const int fd = openat(dfd, "file", O_CREAT | O_WRONLY, 0644);
    (void)!write(fd, "hello world", 11);
    close(fd);
    mkdirat(dfd, "dir", 0755);
    (void)!symlinkat("file", dfd, "link");
    (void)!symlinkat("nope", dfd, "dangling");
  }
  ~Fixture() {
    close(dfd);
    std::filesystem::remove_all(dir);
  }
};

struct Case {
  std::string label;
  std::function<std::string()> run;
};

// Runs the cases natively and with `name` forced to its fallback, and compares line by line.
// Runs the cases natively and with `name` forced to its fallback (after `plant`, which a test
// uses to break the fallback on purpose); returns the cases whose lines differ, and checks
// that the forced run really took the fallback.
std::vector<std::string> parity_differences(
    std::string_view name, const std::vector<Case>& cases,
    const std::function<void()>& plant = [] {}) {
  const auto* call = syscompat::abi::find_syscall(syscompat::abi::Abi::x86_64, name);
  REQUIRE(call != nullptr);
  REQUIRE(sys::find_fallback(call->number) != nullptr);
  const std::uint32_t nr = call->number;
  null_fd();  // opened here, before the fork, so both runs number their descriptors alike
  const auto body = [&] {
    std::string out;
    for (const auto& c : cases) out += c.label + ": " + c.run() + "\n";
    out += "fallback taken: " + std::to_string(sys::fallback_active(nr)) + "\n";
    return out;
  };
  const auto native = lines(in_child({}, body));
  const auto forced = lines(in_child({nr}, [&] {
    plant();
    return body();
  }));
  REQUIRE(native.size() == cases.size() + 1);
  REQUIRE(forced.size() == cases.size() + 1);
  CHECK(native.back() == "fallback taken: 0");
  CHECK(forced.back() == "fallback taken: 1");
  std::vector<std::string> differences;
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (forced[i] != native[i]) differences.push_back(native[i] + " | forced: " + forced[i]);
  return differences;
}

void check_parity(std::string_view name, const std::vector<Case>& cases) {
  const auto differences = parity_differences(name, cases);
  for (const auto& difference : differences) {
    INFO(name << ": " << difference);
    CHECK(false);
  }
  CHECK(differences.empty());
}

// ---- statx ---------------------------------------------------------------------------

std::string statx_case(int dfd, const char* path, unsigned flags, unsigned mask,
                       void* buffer = nullptr) {
  struct statx sx;
  std::memset(&sx, 0xa5, sizeof sx);
  const auto r = sys::statx(dfd, path, flags, mask, buffer ? buffer : &sx);
  if (!r.ok() || buffer) return show(r);
  // The basic fields, which both report; the native call may know more (btime, mnt_id).
  return show(r) +
         " basic=" + std::to_string((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS) +
         " mode=" + std::to_string(sx.stx_mode) + " nlink=" + std::to_string(sx.stx_nlink) +
         " uid=" + std::to_string(sx.stx_uid) + " ino=" + std::to_string(sx.stx_ino) +
         " size=" + std::to_string(sx.stx_size) + " blocks=" + std::to_string(sx.stx_blocks) +
         " blksize=" + std::to_string(sx.stx_blksize) +
         " mtime=" + std::to_string(sx.stx_mtime.tv_sec) + "." +
         std::to_string(sx.stx_mtime.tv_nsec) + " ctime=" + std::to_string(sx.stx_ctime.tv_sec) +
         "." + std::to_string(sx.stx_ctime.tv_nsec) + " dev=" + std::to_string(sx.stx_dev_major) +
         ":" + std::to_string(sx.stx_dev_minor) + " rdev=" + std::to_string(sx.stx_rdev_major) +
         ":" + std::to_string(sx.stx_rdev_minor);
}

}  // namespace

TEST_CASE("statx fallback matches the native call", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity(
      "statx",
      {
          {"file", [&] { return statx_case(d, "file", 0, STATX_BASIC_STATS); }},
          {"file all", [&] { return statx_case(d, "file", 0, STATX_ALL); }},
          {"dir", [&] { return statx_case(d, "dir", 0, STATX_BASIC_STATS); }},
          {"link followed", [&] { return statx_case(d, "link", 0, STATX_BASIC_STATS); }},
          {"link itself",
           [&] { return statx_case(d, "link", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS); }},
          {"empty path", [&] { return statx_case(d, "", AT_EMPTY_PATH, STATX_BASIC_STATS); }},
          {"null path", [&] { return statx_case(d, nullptr, AT_EMPTY_PATH, STATX_BASIC_STATS); }},
          {"dev null", [&] { return statx_case(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS); }},
          {"sync flags",
           [&] { return statx_case(d, "file", AT_STATX_FORCE_SYNC, STATX_BASIC_STATS); }},
          {"missing", [&] { return statx_case(d, "nope", 0, STATX_BASIC_STATS); }},
          {"dangling", [&] { return statx_case(d, "dangling", 0, STATX_BASIC_STATS); }},
          {"empty without flag", [&] { return statx_case(d, "", 0, STATX_BASIC_STATS); }},
          {"bad flags", [&] { return statx_case(d, "file", 0x80000000U, STATX_BASIC_STATS); }},
          {"both sync",
           [&] { return statx_case(d, "file", AT_STATX_SYNC_TYPE, STATX_BASIC_STATS); }},
          {"reserved mask", [&] { return statx_case(d, "file", 0, STATX__RESERVED); }},
          {"bad buffer", [&] { return statx_case(d, "file", 0, STATX_BASIC_STATS, bad_pointer); }},
          {"bad path",
           [&] {
             return statx_case(d, static_cast<const char*>(bad_pointer), 0, STATX_BASIC_STATS);
           }},
          {"bad dirfd", [&] { return statx_case(999, "file", 0, STATX_BASIC_STATS); }},
      });
}

TEST_CASE("the parity check catches a planted fallback bug", "[libsys][fallback]") {
  // A kernel-level layer under the forced run adds one to every size newfstatat reports: the
  // statx fallback then reports a wrong stx_size, and the comparison must say so.
  Fixture f;
  const int d = f.dfd;
  const std::vector<Case> cases{
      {"file", [&] { return statx_case(d, "file", 0, STATX_BASIC_STATS); }},
      {"missing", [&] { return statx_case(d, "nope", 0, STATX_BASIC_STATS); }},
  };
  const auto plant = [] {
    sys::install_layer(
        sys::nr::newfstatat,
        [](const sys::Handler& self, const sys::Call& call) {
          const long r = sys::call_next(self, call);
          if (r == 0) reinterpret_cast<struct stat*>(call.args[2])->st_size += 1;
          return r;
        },
        nullptr, sys::Level::kernel);
  };
  CHECK(parity_differences("statx", cases).empty());
  const auto caught = parity_differences("statx", cases, plant);
  REQUIRE(caught.size() == 1);
  CHECK(caught[0].rfind("file: ok 0", 0) == 0);
}

TEST_CASE("statx fallback's stx_mask says exactly what it knows", "[libsys][fallback]") {
  const auto out = in_child({sys::nr::statx}, [] {
    struct statx sx {};
    const auto r = sys::statx(AT_FDCWD, "/", 0, STATX_ALL, &sx);
    return show(r) + " mask=" + std::to_string(sx.stx_mask);
  });
  CHECK(out == "ok 0 mask=" + std::to_string(STATX_BASIC_STATS));
}

namespace {
std::string openat2_case(int dfd, const char* path, open_how how,
                         std::size_t size = sizeof(open_how), const void* raw = nullptr) {
  unsigned char bytes[64] = {};
  std::memcpy(bytes, &how, sizeof how);
  const auto r = sys::openat2(dfd, path, raw ? raw : bytes, size);
  if (!r.ok()) return show(r);
  const std::string flags = fd_flags(static_cast<int>(r.value()));
  close(static_cast<int>(r.value()));
  return "fd " + flags;
}
std::string openat2_tail(int dfd) {
  unsigned char bytes[40] = {};
  bytes[39] = 1;  // an unknown extension field that is not zero
  return show(sys::openat2(dfd, "file", bytes, sizeof bytes));
}
}  // namespace

TEST_CASE("openat2 fallback matches the native call", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity(
      "openat2",
      {
          {"read",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0, 0});
           }},
          {"rdwr cloexec",
           [&] {
             return openat2_case(d, "file", {O_RDWR | O_CLOEXEC, 0, 0});
           }},
          {"nonblock append",
           [&] {
             return openat2_case(d, "file", {O_WRONLY | O_APPEND | O_NONBLOCK, 0, 0});
           }},
          {"directory",
           [&] {
             return openat2_case(d, "dir", {O_RDONLY | O_DIRECTORY, 0, 0});
           }},
          {"path",
           [&] {
             return openat2_case(d, "link", {O_PATH | O_NOFOLLOW, 0, 0});
           }},
          {"create",
           [&] {
             const auto r = openat2_case(d, "made", {O_CREAT | O_EXCL | O_WRONLY, 0600, 0});
             unlinkat(d, "made", 0);
             return r;
           }},
          {"larger zero tail",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0, 0}, 40);
           }},
          {"exists",
           [&] {
             return openat2_case(d, "file", {O_CREAT | O_EXCL | O_WRONLY, 0600, 0});
           }},
          {"missing",
           [&] {
             return openat2_case(d, "nope", {O_RDONLY, 0, 0});
           }},
          {"nofollow link",
           [&] {
             return openat2_case(d, "link", {O_RDONLY | O_NOFOLLOW, 0, 0});
           }},
          {"not a directory",
           [&] {
             return openat2_case(d, "file", {O_RDONLY | O_DIRECTORY, 0, 0});
           }},
          {"mode without create",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0644, 0});
           }},
          {"mode bits too high",
           [&] {
             return openat2_case(d, "made", {O_CREAT | O_WRONLY, 010000, 0});
           }},
          {"unknown flag",
           [&] {
             return openat2_case(d, "file", {1ULL << 40, 0, 0});
           }},
          {"path with rdwr",
           [&] {
             return openat2_case(d, "file", {O_PATH | O_RDWR, 0, 0});
           }},
          {"unknown resolve",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0, 1ULL << 30});
           }},
          {"beneath and in root",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0, RESOLVE_BENEATH | RESOLVE_IN_ROOT});
           }},
          {"size too small",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0, 0}, 8);
           }},
          {"size above a page",
           [&] {
             return openat2_case(d, "file", {O_RDONLY, 0, 0}, 4097, bad_pointer);
           }},
          {"tail not zero", [&] { return openat2_tail(d); }},
          {"bad how", [&] { return openat2_case(d, "file", {}, sizeof(open_how), bad_pointer); }},
      });
}

TEST_CASE("openat2 fallback refuses resolve flags rather than ignore them", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  const auto body = [&] {
    std::string out;
    for (std::uint64_t resolve : {RESOLVE_BENEATH, RESOLVE_IN_ROOT, RESOLVE_NO_SYMLINKS,
                                  RESOLVE_NO_MAGICLINKS, RESOLVE_NO_XDEV})
      out += openat2_case(d, "file", {O_RDONLY, 0, resolve}) + "\n";
    return out;
  };
  const auto repeated = [](const std::string& line) {
    std::string s;
    for (int i = 0; i < 5; ++i) s += line + "\n";
    return s;
  };
  CHECK(in_child({}, body) == repeated("fd fl=0 cloexec=0"));
  CHECK(in_child({sys::nr::openat2}, body) == repeated("err ENOSYS"));
}

namespace {
std::string close_range_case(unsigned first, unsigned last, unsigned flags) {
  for (int fd = 100; fd <= 105; ++fd) dup2(null_fd(), fd);
  const auto r = sys::close_range(first, last, flags);
  std::string out = show(r);
  for (int fd = 100; fd <= 105; ++fd) out += " " + std::to_string(fd) + ":" + fd_flags(fd);
  for (int fd = 100; fd <= 105; ++fd) close(fd);
  return out;
}
}  // namespace

TEST_CASE("close_range fallback matches the native call", "[libsys][fallback]") {
  check_parity("close_range",
               {
                   {"middle", [] { return close_range_case(101, 103, 0); }},
                   {"one", [] { return close_range_case(104, 104, 0); }},
                   {"to the end", [] { return close_range_case(102, ~0U, 0); }},
                   {"cloexec", [] { return close_range_case(101, 104, CLOSE_RANGE_CLOEXEC); }},
                   {"unshare", [] { return close_range_case(103, 105, CLOSE_RANGE_UNSHARE); }},
                   {"nothing open there", [] { return close_range_case(1000, 2000, 0); }},
                   {"first after last", [] { return close_range_case(104, 101, 0); }},
                   {"bad flags", [] { return close_range_case(101, 103, 0x10); }},
               });
}

namespace {
clone_args args_of(std::uint64_t flags, std::uint64_t exit_signal, std::uint64_t stack = 0) {
  clone_args args;
  std::memset(&args, 0, sizeof args);
  args.flags = flags;
  args.exit_signal = exit_signal;
  args.stack = stack;
  return args;
}
std::string clone3_case(clone_args args, std::size_t size = sizeof(clone_args)) {
  int pidfd = -1;
  if (args.flags & CLONE_PIDFD) args.pidfd = reinterpret_cast<std::uintptr_t>(&pidfd);
  const auto r = sys::clone3(&args, size);
  if (r.ok() && r.value() == 0) _exit(7);  // the new process
  if (!r.ok()) return show(r);
  int status = 0;
  waitpid(static_cast<pid_t>(r.value()), &status, args.exit_signal == SIGCHLD ? 0 : __WALL);
  std::string out = "child exit=" + std::to_string(WEXITSTATUS(status));
  if (pidfd >= 0) {
    out += " pidfd " + fd_flags(pidfd);
    close(pidfd);
  }
  return out;
}
}  // namespace

TEST_CASE("clone3 fallback matches the native call", "[libsys][fallback]") {
  check_parity(
      "clone3",
      {
          {"fork-like", [] { return clone3_case(args_of(0, SIGCHLD)); }},
          {"no signal", [] { return clone3_case(args_of(0, 0)); }},
          {"pidfd", [] { return clone3_case(args_of(CLONE_PIDFD, SIGCHLD)); }},
          {"size v0", [] { return clone3_case(args_of(0, SIGCHLD), CLONE_ARGS_SIZE_VER0); }},
          {"size too small", [] { return clone3_case(args_of(0, SIGCHLD), 32); }},
          {"signal in flags", [] { return clone3_case(args_of(SIGCHLD, 0)); }},
          {"bad exit signal", [] { return clone3_case(args_of(0, 0x1ff)); }},
          {"stack without size", [] { return clone3_case(args_of(0, SIGCHLD, 4096)); }},
          {"bad args", [] { return show(sys::clone3(bad_pointer, sizeof(clone_args))); }},
      });
}

namespace {
std::string faccessat2_case(int dfd, const char* path, int mode, int flags) {
  return show(sys::faccessat2(dfd, path, mode, flags));
}
}  // namespace

TEST_CASE("faccessat2 fallback matches the native call", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity(
      "faccessat2",
      {
          {"exists", [&] { return faccessat2_case(d, "file", F_OK, 0); }},
          {"read write", [&] { return faccessat2_case(d, "file", R_OK | W_OK, 0); }},
          {"execute", [&] { return faccessat2_case(d, "file", X_OK, 0); }},
          {"dir execute", [&] { return faccessat2_case(d, "dir", X_OK, 0); }},
          {"eaccess", [&] { return faccessat2_case(d, "file", R_OK, AT_EACCESS); }},
          {"dangling followed", [&] { return faccessat2_case(d, "dangling", F_OK, 0); }},
          {"dangling itself",
           [&] { return faccessat2_case(d, "dangling", F_OK, AT_SYMLINK_NOFOLLOW); }},
          {"link itself read",
           [&] { return faccessat2_case(d, "link", R_OK, AT_SYMLINK_NOFOLLOW); }},
          {"empty path", [&] { return faccessat2_case(d, "", R_OK, AT_EMPTY_PATH); }},
          {"empty without flag", [&] { return faccessat2_case(d, "", R_OK, 0); }},
          {"missing", [&] { return faccessat2_case(d, "nope", F_OK, 0); }},
          {"bad mode", [&] { return faccessat2_case(d, "file", 8, 0); }},
          {"bad flags", [&] { return faccessat2_case(d, "file", F_OK, 0x1); }},
          {"bad path",
           [&] { return faccessat2_case(d, static_cast<const char*>(bad_pointer), F_OK, 0); }},
      });
}

namespace {
std::string fchmodat2_case(int dfd, const char* path, unsigned mode, unsigned flags) {
  const auto r = sys::fchmodat2(dfd, path, static_cast<std::uint16_t>(mode), flags);
  struct stat st {};
  fstatat(dfd, "file", &st, 0);
  std::string out = show(r) + " file mode=" + std::to_string(st.st_mode & 07777);
  fchmodat(dfd, "file", 0644, 0);
  return out;
}
}  // namespace

TEST_CASE("fchmodat2 fallback matches the native call", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity(
      "fchmodat2",
      {
          {"plain", [&] { return fchmodat2_case(d, "file", 0600, 0); }},
          {"through link", [&] { return fchmodat2_case(d, "link", 0640, 0); }},
          {"nofollow file", [&] { return fchmodat2_case(d, "file", 0604, AT_SYMLINK_NOFOLLOW); }},
          {"nofollow link", [&] { return fchmodat2_case(d, "link", 0600, AT_SYMLINK_NOFOLLOW); }},
          {"empty path",
           [&] {
             const int fd = openat(d, "file", O_RDONLY);
             const auto out = fchmodat2_case(fd, "", 0611, AT_EMPTY_PATH);
             close(fd);
             return out;
           }},
          {"empty without flag", [&] { return fchmodat2_case(d, "", 0600, 0); }},
          {"missing", [&] { return fchmodat2_case(d, "nope", 0600, 0); }},
          {"missing nofollow",
           [&] { return fchmodat2_case(d, "nope", 0600, AT_SYMLINK_NOFOLLOW); }},
          {"bad flags", [&] { return fchmodat2_case(d, "file", 0600, 0x2); }},
      });
}

namespace {
std::string renameat2_case(int dfd, const char* from, const char* to, unsigned flags) {
  close(openat(dfd, "a", O_CREAT | O_WRONLY, 0644));
  const auto r = sys::renameat2(dfd, from, dfd, to, flags);
  std::string out = show(r) + " a=" + std::to_string(faccessat(dfd, "a", F_OK, 0) == 0) +
                    " b=" + std::to_string(faccessat(dfd, "b", F_OK, 0) == 0);
  unlinkat(dfd, "a", 0);
  unlinkat(dfd, "b", 0);
  return out;
}
}  // namespace

TEST_CASE("renameat2 fallback matches the native call (flags 0)", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity(
      "renameat2",
      {
          {"rename", [&] { return renameat2_case(d, "a", "b", 0); }},
          {"onto itself", [&] { return renameat2_case(d, "a", "a", 0); }},
          {"missing", [&] { return renameat2_case(d, "nope", "b", 0); }},
          {"file onto dir", [&] { return renameat2_case(d, "a", "dir", 0); }},
          {"bad flags", [&] { return renameat2_case(d, "a", "b", 0x100); }},
          {"exchange noreplace",
           [&] { return renameat2_case(d, "a", "b", RENAME_EXCHANGE | RENAME_NOREPLACE); }},
      });
}

TEST_CASE("renameat2 fallback returns ENOSYS for flags it cannot make atomic",
          "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  CHECK(in_child({sys::nr::renameat2}, [&] {
          return renameat2_case(d, "a", "b", RENAME_NOREPLACE);
        }) == "err ENOSYS a=1 b=0");
  CHECK(in_child({}, [&] { return renameat2_case(d, "a", "b", RENAME_NOREPLACE); }) ==
        "ok 0 a=0 b=1");
}

namespace {
std::string pipe2_case(int flags, bool bad = false) {
  int fds[2] = {-1, -1};
  const auto r = sys::pipe2(bad ? static_cast<int*>(bad_pointer) : fds, flags);
  if (!r.ok() || bad) return show(r);
  std::string out = show(r) + " fds=" + std::to_string(fds[0]) + "," + std::to_string(fds[1]) +
                    " read " + fd_flags(fds[0]) + " write " + fd_flags(fds[1]);
  close(fds[0]);
  close(fds[1]);
  return out;
}
}  // namespace

TEST_CASE("pipe2 fallback matches the native call", "[libsys][fallback]") {
  check_parity("pipe2", {
                            {"plain", [] { return pipe2_case(0); }},
                            {"cloexec", [] { return pipe2_case(O_CLOEXEC); }},
                            {"nonblock", [] { return pipe2_case(O_NONBLOCK); }},
                            {"direct", [] { return pipe2_case(O_DIRECT | O_CLOEXEC); }},
                            {"bad flags", [] { return pipe2_case(O_APPEND); }},
                            {"bad pointer", [] { return pipe2_case(0, true); }},
                        });
}

namespace {
std::string dup3_case(int oldfd, int newfd, int flags) {
  const auto r = sys::dup3(oldfd, newfd, flags);
  const std::string out = show(r) + " new " + fd_flags(newfd);
  close(120);
  return out;
}
}  // namespace

TEST_CASE("dup3 fallback matches the native call", "[libsys][fallback]") {
  check_parity("dup3", {
                           {"plain", [] { return dup3_case(null_fd(), 120, 0); }},
                           {"cloexec", [] { return dup3_case(null_fd(), 120, O_CLOEXEC); }},
                           {"over a cloexec one",
                            [] {
                              dup3(null_fd(), 120, O_CLOEXEC);
                              return dup3_case(null_fd(), 120, 0);
                            }},
                           {"same fd", [] { return dup3_case(null_fd(), null_fd(), 0); }},
                           {"bad flags", [] { return dup3_case(null_fd(), 120, O_NONBLOCK); }},
                           {"bad oldfd", [] { return dup3_case(999, 120, 0); }},
                           {"bad newfd", [] { return dup3_case(null_fd(), -1, 0); }},
                       });
}

namespace {
// A listening unix socket with one pending connection; accept4 takes it.
std::string accept4_case(int flags, bool listening = true, bool socket_fd = true) {
  const int server = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string name = "libsys-accept4-" + std::to_string(getpid());
  std::memcpy(addr.sun_path + 1, name.data(), name.size());
  const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
  bind(server, reinterpret_cast<sockaddr*>(&addr), len);
  const int client = socket(AF_UNIX, SOCK_STREAM, 0);
  if (listening) {
    listen(server, 1);
    connect(client, reinterpret_cast<sockaddr*>(&addr), len);
  }
  sockaddr_un peer{};
  int peer_len = sizeof peer;
  const auto r = sys::accept4(socket_fd ? server : null_fd(), &peer, &peer_len, flags);
  std::string out = show(r);
  if (r.ok()) {
    out += " " + fd_flags(static_cast<int>(r.value())) + " peer_len=" + std::to_string(peer_len);
    close(static_cast<int>(r.value()));
  }
  close(client);
  close(server);
  return out;
}
}  // namespace

TEST_CASE("accept4 fallback matches the native call", "[libsys][fallback]") {
  check_parity("accept4",
               {
                   {"plain", [] { return accept4_case(0); }},
                   {"cloexec", [] { return accept4_case(SOCK_CLOEXEC); }},
                   {"nonblock cloexec", [] { return accept4_case(SOCK_NONBLOCK | SOCK_CLOEXEC); }},
                   {"bad flags", [] { return accept4_case(0x1); }},
                   {"not listening", [] { return accept4_case(0, false); }},
                   {"not a socket", [] { return accept4_case(0, true, false); }},
               });
}

namespace {
std::string preadv2_case(int dfd, std::int64_t pos, int flags, std::int64_t seek = 0) {
  const int fd = openat(dfd, "file", O_RDONLY);
  lseek(fd, seek, SEEK_SET);
  char a[4] = {}, b[16] = {};
  iovec vec[2] = {{a, 3}, {b, 16}};
  const auto r = sys::preadv2(fd, vec, 2, static_cast<std::uint64_t>(pos), 0, flags);
  std::string out = show(r) + " '" + std::string(a) + "' '" + std::string(b) + "' at " +
                    std::to_string(lseek(fd, 0, SEEK_CUR));
  close(fd);
  return out;
}
std::string pwritev2_case(int dfd, std::int64_t pos, int flags, int open_flags = O_RDWR) {
  const int fd = openat(dfd, "out", O_CREAT | O_TRUNC | open_flags, 0644);
  (void)!write(fd, "0123456789", 10);
  lseek(fd, 2, SEEK_SET);
  char a[] = "ab", b[] = "cde";
  iovec vec[2] = {{a, 2}, {b, 3}};
  const auto r = sys::pwritev2(fd, vec, 2, static_cast<std::uint64_t>(pos), 0, flags);
  char content[32] = {};
  const ssize_t n = pread(fd, content, sizeof content - 1, 0);
  std::string out = show(r) + " '" + std::string(content, n > 0 ? static_cast<std::size_t>(n) : 0) +
                    "' at " + std::to_string(lseek(fd, 0, SEEK_CUR));
  close(fd);
  unlinkat(dfd, "out", 0);
  return out;
}
}  // namespace

TEST_CASE("preadv2 fallback matches the native call (flags 0)", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity("preadv2", {
                              {"at 0", [&] { return preadv2_case(d, 0, 0); }},
                              {"at 6", [&] { return preadv2_case(d, 6, 0); }},
                              {"past the end", [&] { return preadv2_case(d, 100, 0); }},
                              {"current position", [&] { return preadv2_case(d, -1, 0, 4); }},
                              {"negative", [&] { return preadv2_case(d, -5, 0); }},
                              {"unknown flag", [&] { return preadv2_case(d, 0, 0x1000); }},
                          });
}

TEST_CASE("pwritev2 fallback matches the native call (flags 0)", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity("pwritev2", {
                               {"at 0", [&] { return pwritev2_case(d, 0, 0); }},
                               {"at 8", [&] { return pwritev2_case(d, 8, 0); }},
                               {"current position", [&] { return pwritev2_case(d, -1, 0); }},
                               {"read-only", [&] { return pwritev2_case(d, 0, 0, O_RDONLY); }},
                               {"unknown flag", [&] { return pwritev2_case(d, 0, 0x1000); }},
                           });
}

namespace {
std::string epoll_case(bool ready, const timespec* timeout, int maxevents = 4,
                       bool bad_ts = false) {
  const int ep = epoll_create1(EPOLL_CLOEXEC);
  int fds[2];
  (void)!pipe(fds);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = 42;
  epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
  if (ready) (void)!write(fds[1], "x", 1);
  epoll_event events[4] = {};
  const auto r =
      sys::epoll_pwait2(ep, events, maxevents, bad_ts ? bad_pointer : timeout, nullptr, 8);
  std::string out = show(r);
  if (r.ok() && r.value() > 0)
    out += " events=" + std::to_string(events[0].events) +
           " data=" + std::to_string(events[0].data.u64);
  close(fds[0]);
  close(fds[1]);
  close(ep);
  return out;
}
}  // namespace

TEST_CASE("epoll_pwait2 fallback matches the native call", "[libsys][fallback]") {
  const timespec zero{0, 0}, short_wait{0, 1000}, bad{0, 1000000000}, negative{-1, 0};
  check_parity("epoll_pwait2",
               {
                   {"ready, no timeout", [&] { return epoll_case(true, nullptr); }},
                   {"ready, zero", [&] { return epoll_case(true, &zero); }},
                   {"idle, zero", [&] { return epoll_case(false, &zero); }},
                   {"idle, 1 us", [&] { return epoll_case(false, &short_wait); }},
                   {"bad nsec", [&] { return epoll_case(false, &bad); }},
                   {"negative", [&] { return epoll_case(false, &negative); }},
                   {"maxevents 0", [&] { return epoll_case(true, &zero, 0); }},
                   {"bad timeout pointer", [&] { return epoll_case(false, nullptr, 4, true); }},
               });
}

namespace {
std::string getrandom_case(std::size_t length, unsigned flags, bool bad = false) {
  unsigned char buffer[64] = {};
  const auto r = sys::getrandom(bad ? bad_pointer : buffer, length, flags);
  std::string out = show(r);
  // Random bytes cannot match; that they were written can: 64 zero bytes by chance is 2^-512.
  if (r.ok() && r.value() > 0)
    out += " written=" +
           std::to_string(std::any_of(buffer, buffer + r.value(), [](auto b) { return b != 0; }));
  return out;
}
}  // namespace

TEST_CASE("getrandom fallback matches the native call", "[libsys][fallback]") {
  check_parity("getrandom", {
                                {"16", [] { return getrandom_case(16, 0); }},
                                {"64 nonblock", [] { return getrandom_case(64, GRND_NONBLOCK); }},
                                {"random", [] { return getrandom_case(32, GRND_RANDOM); }},
                                {"insecure", [] { return getrandom_case(32, GRND_INSECURE); }},
                                {"zero", [] { return getrandom_case(0, 0); }},
                                {"bad flags", [] { return getrandom_case(16, 0x100); }},
                                {"insecure random",
                                 [] { return getrandom_case(16, GRND_INSECURE | GRND_RANDOM); }},
                                {"bad buffer", [] { return getrandom_case(16, 0, true); }},
                            });
}

namespace {
// Runs execveat in a new process; reports the program's exit status or the errno.
std::string execveat_case(int dfd, const char* path, int flags) {
  const pid_t pid = fork();
  if (pid == 0) {
    char* const argv[] = {const_cast<char*>("true"), nullptr};
    char* const envp[] = {nullptr};
    const auto r = sys::execveat(dfd, path, argv, envp, flags);
    _exit(100 + r.error());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const int code = WEXITSTATUS(status);
  if (code < 100) return "ran, exit " + std::to_string(code);
  const char* name = strerrorname_np(code - 100);
  return std::string("err ") + (name ? name : "?");
}
}  // namespace

TEST_CASE("execveat fallback matches the native call", "[libsys][fallback]") {
  Fixture f;
  const int bin = open("/usr/bin", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const int prog = open("/usr/bin/true", O_RDONLY);
  const int prog_path = open("/usr/bin/true", O_PATH);
  symlinkat("/usr/bin/true", f.dfd, "true-link");
  const int d = f.dfd;
  char* const no_args[] = {nullptr};
  check_parity(
      "execveat",
      {
          // In this process (it does not exec), so that the probe happens here too.
          {"bad flags, in process",
           [&] { return show(sys::execveat(bin, "true", no_args, no_args, 0x1)); }},
          {"relative to dirfd", [&] { return execveat_case(bin, "true", 0); }},
          {"absolute", [&] { return execveat_case(AT_FDCWD, "/usr/bin/true", 0); }},
          {"empty path", [&] { return execveat_case(prog, "", AT_EMPTY_PATH); }},
          {"empty path, O_PATH fd", [&] { return execveat_case(prog_path, "", AT_EMPTY_PATH); }},
          {"empty without flag", [&] { return execveat_case(prog, "", 0); }},
          {"symlink followed", [&] { return execveat_case(d, "true-link", 0); }},
          {"symlink nofollow", [&] { return execveat_case(d, "true-link", AT_SYMLINK_NOFOLLOW); }},
          {"not executable", [&] { return execveat_case(d, "file", 0); }},
          {"directory", [&] { return execveat_case(d, "dir", 0); }},
          {"missing", [&] { return execveat_case(bin, "no-such-program", 0); }},
          {"bad flags", [&] { return execveat_case(bin, "true", 0x1); }},
          {"bad dirfd", [&] { return execveat_case(999, "true", 0); }},
      });
  close(bin);
  close(prog);
  close(prog_path);
}

namespace {
std::string copy_case(int dfd, bool with_offsets, std::size_t length, unsigned flags = 0,
                      int in_mode = O_RDONLY, int out_extra = 0) {
  const int in = openat(dfd, "file", in_mode);
  const int out = openat(dfd, "copy", O_CREAT | O_TRUNC | O_WRONLY | out_extra, 0644);
  std::int64_t off_in = 2, off_out = 1;
  lseek(in, 6, SEEK_SET);
  const auto r = sys::copy_file_range(in, with_offsets ? &off_in : nullptr, out,
                                      with_offsets ? &off_out : nullptr, length, flags);
  char content[32] = {};
  const int check = openat(dfd, "copy", O_RDONLY);
  const ssize_t n = read(check, content, sizeof content - 1);
  std::string result =
      show(r) + " copy='" + std::string(content, n > 0 ? static_cast<std::size_t>(n) : 0) +
      "' off_in=" + std::to_string(off_in) + " off_out=" + std::to_string(off_out) + " in at " +
      std::to_string(lseek(in, 0, SEEK_CUR)) + " out at " + std::to_string(lseek(out, 0, SEEK_CUR));
  close(check);
  close(in);
  close(out);
  unlinkat(dfd, "copy", 0);
  return result;
}
std::string copy_same_file(int dfd, std::int64_t from, std::int64_t to, std::size_t length) {
  const int fd = openat(dfd, "file", O_RDWR);
  const auto r = sys::copy_file_range(fd, &from, fd, &to, length, 0);
  (void)!ftruncate(fd, 11);  // back to "hello world" for the other run
  (void)!pwrite(fd, "hello world", 11, 0);
  close(fd);
  return show(r) + " from=" + std::to_string(from) + " to=" + std::to_string(to);
}
}  // namespace

TEST_CASE("copy_file_range fallback matches the native call", "[libsys][fallback]") {
  Fixture f;
  const int d = f.dfd;
  check_parity(
      "copy_file_range",
      {
          {"offsets", [&] { return copy_case(d, true, 5); }},
          {"file positions", [&] { return copy_case(d, false, 5); }},
          {"past the end", [&] { return copy_case(d, true, 100); }},
          {"zero length", [&] { return copy_case(d, true, 0); }},
          {"flags", [&] { return copy_case(d, true, 5, 1); }},
          {"append", [&] { return copy_case(d, true, 5, 0, O_RDONLY, O_APPEND); }},
          {"write-only source", [&] { return copy_case(d, true, 5, 0, O_WRONLY); }},
          {"same file, apart", [&] { return copy_same_file(d, 0, 20, 5); }},
          {"same file, overlapping", [&] { return copy_same_file(d, 0, 3, 5); }},
          {"directory",
           [&] {
             const int dir = openat(d, "dir", O_RDONLY | O_DIRECTORY);
             const int out = openat(d, "copy", O_CREAT | O_WRONLY, 0644);
             const auto r = sys::copy_file_range(dir, nullptr, out, nullptr, 5, 0);
             close(dir);
             close(out);
             unlinkat(d, "copy", 0);
             return show(r);
           }},
          {"pipe",
           [&] {
             int fds[2];
             (void)!pipe(fds);
             const int out = openat(d, "copy", O_CREAT | O_WRONLY, 0644);
             const auto r = sys::copy_file_range(fds[0], nullptr, out, nullptr, 5, 0);
             close(fds[0]);
             close(fds[1]);
             close(out);
             unlinkat(d, "copy", 0);
             return show(r);
           }},
          {"bad fd", [&] { return show(sys::copy_file_range(999, nullptr, 1, nullptr, 5, 0)); }},
      });
}

namespace {
std::string memfd_case(const char* name, unsigned flags) {
  const auto r = sys::memfd_create(name, flags);
  if (!r.ok()) return show(r);
  const int fd = static_cast<int>(r.value());
  std::string out = "fd " + fd_flags(fd);
  const bool resized = ftruncate(fd, 8192) == 0;
  (void)!pwrite(fd, "data", 4, 100);
  char back[5] = {};
  (void)!pread(fd, back, 4, 100);
  struct stat st {};
  fstat(fd, &st);
  out += " resized=" + std::to_string(resized) + " back=" + back +
         " size=" + std::to_string(st.st_size) + " regular=" + std::to_string(S_ISREG(st.st_mode)) +
         " links=" + std::to_string(st.st_nlink);
  close(fd);
  return out;
}
}  // namespace

TEST_CASE("memfd_create fallback matches the native call", "[libsys][fallback]") {
  const std::string long_name(250, 'n');
  check_parity(
      "memfd_create",
      {
          {"plain", [] { return memfd_case("x", 0); }},
          {"cloexec", [] { return memfd_case("buffer", MFD_CLOEXEC); }},
          {"empty name", [] { return memfd_case("", 0); }},
          {"name too long", [&] { return memfd_case(long_name.c_str(), 0); }},
          {"bad flags", [] { return memfd_case("x", 0x100); }},
          {"bad name", [] { return memfd_case(static_cast<const char*>(bad_pointer), 0); }},
      });
}

TEST_CASE("fallbacks that cannot keep a promise refuse", "[libsys][fallback]") {
  // Seals and resolve restrictions are security properties: never silently dropped.
  const auto body = [] {
    return memfd_case("x", MFD_ALLOW_SEALING) + "\n" +
           show(sys::preadv2(null_fd(), nullptr, 0, 0, 0, RWF_NOWAIT)) + "\n";
  };
  CHECK(in_child({sys::nr::memfd_create, sys::nr::preadv2}, body) == "err ENOSYS\nerr ENOSYS\n");
}

namespace {
std::string new_fd_case(sys::Result<long> r) {
  if (!r.ok()) return show(r);
  const std::string out = "fd " + fd_flags(static_cast<int>(r.value()));
  close(static_cast<int>(r.value()));
  return out;
}
}  // namespace

TEST_CASE("epoll_create1 fallback matches the native call", "[libsys][fallback]") {
  check_parity("epoll_create1",
               {
                   {"plain", [] { return new_fd_case(sys::epoll_create1(0)); }},
                   {"cloexec", [] { return new_fd_case(sys::epoll_create1(EPOLL_CLOEXEC)); }},
                   {"bad flags", [] { return new_fd_case(sys::epoll_create1(1)); }},
               });
}

TEST_CASE("inotify_init1 fallback matches the native call", "[libsys][fallback]") {
  check_parity(
      "inotify_init1",
      {
          {"plain", [] { return new_fd_case(sys::inotify_init1(0)); }},
          {"both", [] { return new_fd_case(sys::inotify_init1(IN_CLOEXEC | IN_NONBLOCK)); }},
          {"bad flags", [] { return new_fd_case(sys::inotify_init1(1)); }},
      });
}

namespace {
std::string eventfd_case(unsigned count, int flags) {
  const auto r = sys::eventfd2(count, flags);
  if (!r.ok()) return show(r);
  const int fd = static_cast<int>(r.value());
  std::uint64_t value = 0;
  const ssize_t n = read(fd, &value, sizeof value);
  const std::string out =
      "fd " + fd_flags(fd) + " read " + std::to_string(n) + " value " + std::to_string(value);
  close(fd);
  return out;
}
}  // namespace

TEST_CASE("eventfd2 fallback matches the native call", "[libsys][fallback]") {
  check_parity("eventfd2",
               {
                   {"count", [] { return eventfd_case(5, 0); }},
                   {"cloexec nonblock", [] { return eventfd_case(7, EFD_CLOEXEC | EFD_NONBLOCK); }},
                   {"empty nonblock", [] { return eventfd_case(0, EFD_NONBLOCK); }},
                   {"bad flags", [] { return eventfd_case(1, 0x10); }},
               });
}

namespace {
std::string signalfd_case(int ufd, std::size_t size, int flags) {
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  const auto r = sys::signalfd4(ufd, &mask, size, flags);
  if (!r.ok()) return show(r);
  const int fd = static_cast<int>(r.value());
  const std::string out = (fd == ufd ? "same fd " : "fd ") + fd_flags(fd);
  if (fd != ufd) close(fd);
  return out;
}
}  // namespace

TEST_CASE("signalfd4 fallback matches the native call", "[libsys][fallback]") {
  check_parity("signalfd4", {
                                {"new", [] { return signalfd_case(-1, 8, 0); }},
                                {"new cloexec nonblock",
                                 [] { return signalfd_case(-1, 8, SFD_CLOEXEC | SFD_NONBLOCK); }},
                                {"existing",
                                 [] {
                                   sigset_t none;
                                   sigemptyset(&none);
                                   const int made = signalfd(-1, &none, 8);
                                   const auto out = signalfd_case(made, 8, SFD_NONBLOCK);
                                   close(made);
                                   return out;
                                 }},
                                {"bad size", [] { return signalfd_case(-1, 4, 0); }},
                                {"bad flags", [] { return signalfd_case(-1, 8, 1); }},
                                {"not a signalfd", [] { return signalfd_case(null_fd(), 8, 0); }},
                            });
}

TEST_CASE("mlock2 fallback matches the native call (flags 0)", "[libsys][fallback]") {
  static char page[8192];
  check_parity("mlock2", {
                             {"lock",
                              [] {
                                const auto r = sys::mlock2(page, 4096, 0);
                                munlock(page, 4096);
                                return show(r);
                              }},
                             {"bad flags", [] { return show(sys::mlock2(page, 4096, 0x10)); }},
                             {"unmapped", [] { return show(sys::mlock2(bad_pointer, 4096, 0)); }},
                         });
}

// ---- EPERM: only a filter's EPERM means "missing" -------------------------------------

namespace {
// A filter that refuses openat2 with EPERM only for a 24-byte open_how (the real call), as a
// policy on arguments would: the kernel's code still runs for other arguments, so libsys
// must take this EPERM as the kernel's own answer (it cannot tell them apart) and keep it.
std::string refuse_openat2_by_argument() {
  const sock_filter program[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, sys::nr::openat2, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[3])),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, sizeof(open_how), 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const sock_fprog prog{static_cast<unsigned short>(std::size(program)),
                        const_cast<sock_filter*>(program)};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) != 0)
    return std::string("filter failed: ") + std::strerror(errno) + "\n";
  return "";
}

std::string open_file_with_openat2(int dfd) {
  const open_how how{O_RDONLY | O_CLOEXEC, 0, 0};
  const auto r = sys::openat2(dfd, "file", &how, sizeof how);
  if (r.ok()) close(static_cast<int>(r.value()));
  return (r.ok() ? std::string("ok") : show(r)) +
         " fallback=" + std::to_string(sys::fallback_active(sys::nr::openat2));
}
}  // namespace

TEST_CASE("EPERM from a filter on the number: the fallback, as for ENOSYS", "[libsys][eperm]") {
  Fixture f;
  CHECK(in_child({}, [&] {
          const int rc = syscompat::sys::oldkernel::deny_x86_64({sys::nr::openat2}, EPERM);
          return rc != 0 ? "filter failed" : open_file_with_openat2(f.dfd);
        }) == "ok fallback=1");
}

TEST_CASE("EPERM the kernel itself could give: kept, no fallback", "[libsys][eperm]") {
  Fixture f;
  CHECK(in_child({}, [&] {
          const std::string failed = refuse_openat2_by_argument();
          return failed.empty() ? open_file_with_openat2(f.dfd) : failed;
        }) == "err EPERM fallback=0");
}

TEST_CASE("a fallback never widens access: what it is built from is filtered too",
          "[libsys][eperm]") {
  Fixture f;
  CHECK(in_child({}, [&] {
          const int rc =
              syscompat::sys::oldkernel::deny_x86_64({sys::nr::openat2, sys::nr::openat}, EPERM);
          return rc != 0 ? "filter failed" : open_file_with_openat2(f.dfd);
        }) == "err EPERM fallback=1");
}
