// The oracle for the i386 translators: the x86_64 kernel's own i386 compat path. Each case
// makes the same call twice from this 64-bit process, on guest buffers below 4 GB: once
// through `int $0x80` (the kernel translates) and once through I386Translator (we
// translate), and compares the results and every guest byte. Fields that legitimately
// differ between two calls (a clock) are masked, each with its reason.
#include <arpa/inet.h>
#include <elf.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/net_tstamp.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "oracle.hpp"
#include "syscompat/abi/open_flags.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/process_hooks.hpp"

using namespace oracle;

TEST_CASE("oracle: the kernel's i386 compat path answers int $0x80 here", "[oracle]") {
  CHECK(int80(nr("getpid"), {}) == getpid());
}

TEST_CASE("oracle: process identity", "[oracle]") {
  for (const char* name : {"getppid", "getpid", "getuid32", "getgid32", "geteuid32", "getegid32",
                           "getpgrp", "gettid", "getsid"})
    compare([&](Arena&) { return Case{nr(name)}; });
}

TEST_CASE("oracle: stat64, lstat64, fstat64, fstatat64", "[oracle]") {
  TempFile file;
  const std::string link = file.path + ".link";
  REQUIRE(symlink(file.path.c_str(), link.c_str()) == 0);
  compare([&](Arena& g) { return Case{nr("fstat64"), {u32(file.fd), g.alloc(96)}}; });
  compare([&](Arena& g) { return Case{nr("stat64"), {g.string(file.path), g.alloc(96)}}; });
  compare([&](Arena& g) { return Case{nr("lstat64"), {g.string(link), g.alloc(96)}}; });
  compare([&](Arena& g) {
    return Case{nr("fstatat64"), {u32(AT_FDCWD), g.string(link), g.alloc(96), AT_SYMLINK_NOFOLLOW}};
  });
  // bad input: a bad buffer, a bad path, a missing file, a bad fd
  compare([&](Arena&) { return Case{nr("fstat64"), {u32(file.fd), 0x10}}; });
  compare([&](Arena& g) { return Case{nr("stat64"), {0x10, g.alloc(96)}}; });
  compare([&](Arena& g) { return Case{nr("stat64"), {g.string("/nonexistent/x"), g.alloc(96)}}; });
  compare([&](Arena& g) { return Case{nr("fstat64"), {9999, g.alloc(96)}}; });
  unlink(link.c_str());
}

TEST_CASE("oracle: the old stat of a file over 2 GiB is EOVERFLOW, stat64 is fine", "[oracle]") {
  TempFile file(16);
  REQUIRE(ftruncate(file.fd, (off_t{3} << 30)) == 0);  // sparse, 3 GiB
  compare([&](Arena& g) { return Case{nr("stat"), {g.string(file.path), g.alloc(64)}}; });
  compare([&](Arena& g) { return Case{nr("fstat"), {u32(file.fd), g.alloc(64)}}; });
  compare([&](Arena& g) { return Case{nr("stat64"), {g.string(file.path), g.alloc(96)}}; });
}

TEST_CASE("oracle: uname, times, getrusage", "[oracle]") {
  compare([&](Arena& g) { return Case{nr("uname"), {g.alloc(390)}}; });
  compare([&](Arena& g) {
    const auto buf = g.alloc(16);
    return Case{nr("times"), {buf}, {{buf, 16, "clock ticks"}}, true};
  });
  compare([&](Arena& g) {
    const auto buf = g.alloc(72);
    return Case{nr("getrusage"), {0, buf}, {{buf, 72, "usage moves"}}};
  });
}

TEST_CASE("oracle: clocks (time32 and time64)", "[oracle]") {
  for (const char* name : {"clock_getres", "clock_getres_time64"})
    for (std::uint32_t clock : {0u, 1u, 2u, 1000u})  // REALTIME, MONOTONIC, PROCESS_CPUTIME, bad
      compare([&](Arena& g) { return Case{nr(name), {clock, g.alloc(16)}}; });
  for (const char* name : {"clock_gettime", "clock_gettime64"})
    compare([&](Arena& g) {
      const auto ts = g.alloc(16);
      return Case{nr(name),
                  {CLOCK_MONOTONIC, ts},
                  {{ts, std::strcmp(name, "clock_gettime") ? 16u : 8u, "a clock"}}};
    });
  compare([&](Arena& g) {
    const auto tv = g.alloc(8), tz = g.alloc(8);
    return Case{nr("gettimeofday"), {tv, tz}, {{tv, 8, "a clock"}}};
  });
  compare([&](Arena&) { return Case{nr("clock_gettime"), {CLOCK_MONOTONIC, 0x10}}; });  // EFAULT
}

TEST_CASE("oracle: resource limits", "[oracle]") {
  // NOFILE, STACK, CORE, AS, and a bad one
  for (std::uint32_t resource : {7u, 3u, 4u, 9u, 99u}) {
    compare([&](Arena& g) { return Case{nr("ugetrlimit"), {resource, g.alloc(8)}}; });
    compare([&](Arena& g) { return Case{nr("prlimit64"), {0, resource, 0, g.alloc(16)}}; });
  }
}

TEST_CASE("oracle: scheduling, signal stack, files and paths", "[oracle]") {
  compare([&](Arena& g) { return Case{nr("sched_getparam"), {0, g.alloc(4)}}; });
  compare([&](Arena& g) { return Case{nr("sigaltstack"), {0, g.alloc(12)}}; });
  compare([&](Arena& g) {
    return Case{nr("readlink"), {g.string("/proc/self/exe"), g.alloc(256), 256}};
  });
  compare([&](Arena& g) {
    return Case{nr("readlink"), {g.string("/proc/self/exe"), g.alloc(4), 4}};
  });
  compare([&](Arena& g) { return Case{nr("getcwd"), {g.alloc(512), 512}}; });
  compare([&](Arena& g) { return Case{nr("getcwd"), {g.alloc(2), 2}}; });  // ERANGE
}

TEST_CASE("oracle: pipes and socket pairs (fds closed between the runs)", "[oracle]") {
  std::uint32_t fds_at = 0;
  auto close_pair = [&](Arena& g, std::int32_t result) {
    if (result < 0) return;
    int fds[2];
    std::memcpy(fds, g.base + (fds_at - Arena::address(g.base)), sizeof fds);
    close(fds[0]);
    close(fds[1]);
  };
  compare([&](Arena& g) { return Case{nr("pipe"), {fds_at = g.alloc(8)}}; }, close_pair);
  compare(
      [&](Arena& g) {
        return Case{nr("pipe2"), {fds_at = g.alloc(8), O_CLOEXEC}};
      },
      close_pair);
  compare(
      [&](Arena& g) {
        return Case{nr("socketpair"), {AF_UNIX, SOCK_STREAM, 0, fds_at = g.alloc(8)}};
      },
      close_pair);
  compare([&](Arena&) { return Case{nr("pipe"), {0x10}}; });  // EFAULT, no fds leaked
}

TEST_CASE("oracle: 64-bit offsets in register pairs", "[oracle]") {
  TempFile file(8192);
  compare([&](Arena& g) {
    return Case{nr("pread64"), {u32(file.fd), g.alloc(100), 100, 4000, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("pread64"), {u32(file.fd), g.alloc(100), 100, 0, 1}};
  });  // past EOF
  compare([&](Arena& g) {
    return Case{nr("pread64"), {u32(file.fd), g.alloc(8), 8, 0xfffffff0, 0xffffffff}};
  });
  compare([&](Arena& g) {
    const auto data = g.string("written by both");
    return Case{nr("pwrite64"), {u32(file.fd), data, 15, 100, 0}};
  });
  compare([&](Arena&) { return Case{nr("ftruncate64"), {u32(file.fd), 0, 1}}; });  // 4 GiB
  compare([&](Arena&) {
    return Case{nr("ftruncate64"), {u32(file.fd), 0xffffffff, 0xffffffff}};
  });  // EINVAL
  compare([&](Arena& g) { return Case{nr("truncate64"), {g.string(file.path), 8192, 0}}; });
  compare([&](Arena&) { return Case{nr("fallocate"), {u32(file.fd), 0, 4096, 0, 4096, 0}}; });
  compare([&](Arena&) { return Case{nr("fallocate"), {u32(file.fd), 0, 0, 0, 0, 0}}; });  // EINVAL
  TempFile out(0);
  compare([&](Arena& g) {
    const auto offset = g.alloc(8, 0);
    return Case{nr("sendfile64"), {u32(out.fd), u32(file.fd), offset, 100}};
  });
}

TEST_CASE("oracle: _llseek and lseek, below and past 2 GiB", "[oracle]") {
  TempFile file(16);
  REQUIRE(ftruncate(file.fd, off_t{3} << 30) == 0);
  compare([&](Arena& g) {
    return Case{nr("_llseek"), {u32(file.fd), 0, 100, g.alloc(8), SEEK_SET}};
  });
  compare([&](Arena& g) {
    return Case{nr("_llseek"), {u32(file.fd), 0, 0xc0000000, g.alloc(8), SEEK_SET}};
  });
  compare([&](Arena& g) {
    return Case{nr("_llseek"), {u32(file.fd), 0xffffffff, 0xffffff00, g.alloc(8), SEEK_SET}};
  });  // EINVAL
  compare([&](Arena&) {
    return Case{nr("_llseek"), {u32(file.fd), 0, 5, 0x10, SEEK_SET}};
  });  // EFAULT after seeking
  compare([&](Arena&) { return Case{nr("lseek"), {u32(file.fd), 200, SEEK_SET}}; });
  compare([&](Arena&) {
    return Case{nr("lseek"), {u32(file.fd), 0xfffffff0, SEEK_END}};
  });                                                                         // -16 from the end
  compare([&](Arena&) { return Case{nr("lseek"), {u32(file.fd), 0, 99}}; });  // EINVAL
}

TEST_CASE("oracle: preadv and pwritev with the offset in two halves", "[oracle]") {
  TempFile file(8192);
  for (const char* name : {"preadv", "preadv2"})
    compare([&](Arena& g) {
      const auto a = g.alloc(10), b = g.alloc(20);
      const auto vec = g.alloc(16);
      const std::uint32_t iov[4] = {a, 10, b, 20};
      std::memcpy(g.base + (vec - Arena::address(g.base)), iov, sizeof iov);
      return Case{nr(name),
                  {u32(file.fd), vec, 2, 1000, 0, 0},
                  {{vec, 16, "guest pointers: each arena has its own"}}};
    });
  compare([&](Arena& g) {
    const auto a = g.string("0123456789");
    const auto vec = g.alloc(8);
    const std::uint32_t iov[2] = {a, 10};
    std::memcpy(g.base + (vec - Arena::address(g.base)), iov, sizeof iov);
    return Case{nr("pwritev"),
                {u32(file.fd), vec, 1, 50, 0, 0},
                {{vec, 8, "guest pointers: each arena has its own"}}};
  });
  compare([&](Arena&) { return Case{nr("preadv"), {u32(file.fd), 0x10, 1, 0, 0, 0}}; });  // EFAULT
}

TEST_CASE("oracle: getdents and getdents64 over a directory", "[oracle]") {
  char dir_template[] = "/dev/shm/syscompat-dents-XXXXXX";
  REQUIRE(mkdtemp(dir_template));
  const std::string dir = dir_template;
  for (int i = 0; i < 40; ++i)
    close(open((dir + "/file-" + std::to_string(i)).c_str(), O_CREAT | O_WRONLY, 0644));
  int fd = -1;
  auto reopen = [&] {
    if (fd >= 0) close(fd);
    fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    return u32(fd);
  };
  auto done = [&](Arena&, std::int32_t) {};
  for (std::uint32_t size : {4096u, 200u, 10u})
    for (const char* name : {"getdents", "getdents64"})
      compare([&](Arena& g) { return Case{nr(name), {reopen(), g.alloc(size), size}}; }, done);
  close(fd);
  for (int i = 0; i < 40; ++i) unlink((dir + "/file-" + std::to_string(i)).c_str());
  rmdir(dir.c_str());
}

TEST_CASE("oracle: statfs64, fstatfs64 and sysinfo", "[oracle]") {
  TempFile file(16);
  compare([&](Arena& g) {
    const auto buf = g.alloc(84);
    return Case{nr("statfs64"),
                {g.string("/tmp"), 84, buf},
                {{buf + 16, 32, "free blocks and inodes move (f_bfree..f_ffree)"}}};
  });
  compare([&](Arena& g) {
    const auto buf = g.alloc(84);
    return Case{nr("fstatfs64"),
                {u32(file.fd), 84, buf},
                {{buf + 16, 32, "free blocks and inodes move (f_bfree..f_ffree)"}}};
  });
  compare([&](Arena& g) {
    return Case{nr("fstatfs64"), {u32(file.fd), 88, g.alloc(88)}};
  });  // EINVAL
  compare([&](Arena& g) {
    const auto info = g.alloc(64);
    return Case{nr("sysinfo"),
                {info},
                {{info, 4, "uptime"},
                 {info + 4, 12, "loads"},
                 {info + 20, 16, "free/shared/buffer ram"},
                 {info + 40, 4, "free swap"},
                 {info + 44, 2, "procs"},
                 {info + 52, 4, "free high memory"}}};
  });
}

TEST_CASE("oracle: waitpid, the old getrlimit, nice", "[oracle]") {
  compare([&](Arena& g) {
    const pid_t child = fork();
    if (child == 0) _exit(3);
    return Case{nr("waitpid"), {u32(child), g.alloc(4), 0}, {}, true};  // a new pid each run
  });
  compare([&](Arena&) { return Case{nr("waitpid"), {u32(-1), 0, 1}}; });  // ECHILD
  for (std::uint32_t resource : {7u, 3u, 9u})  // NOFILE, STACK, AS (infinite: clamped)
    compare([&](Arena& g) { return Case{nr("getrlimit"), {resource, g.alloc(8)}}; });
  compare([&](Arena&) { return Case{nr("nice"), {0}}; });
}

TEST_CASE("oracle: 16-bit ids", "[oracle]") {
  for (const char* name : {"getuid", "getgid", "geteuid", "getegid"})
    compare([&](Arena&) { return Case{nr(name)}; });
  compare([&](Arena& g) { return Case{nr("getresuid"), {g.alloc(2), g.alloc(2), g.alloc(2)}}; });
  compare([&](Arena& g) { return Case{nr("getresgid"), {g.alloc(2), g.alloc(2), g.alloc(2)}}; });
  compare([&](Arena&) { return Case{nr("getgroups"), {0, 0}}; });
  compare([&](Arena& g) { return Case{nr("getgroups"), {64, g.alloc(128)}}; });
  compare([&](Arena&) { return Case{nr("setuid"), {u32(getuid())}}; });
  compare([&](Arena&) { return Case{nr("setfsuid"), {0xffff}}; });  // -1: a query
}

TEST_CASE("oracle: olduname and oldolduname", "[oracle]") {
  compare([&](Arena& g) { return Case{nr("olduname"), {g.alloc(325)}}; });
  compare([&](Arena& g) { return Case{nr("oldolduname"), {g.alloc(45)}}; });
  compare([&](Arena&) { return Case{nr("olduname"), {0x10}}; });  // EFAULT
}

TEST_CASE("oracle: ioctl, the known requests and an unknown one", "[oracle]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "12345", 5) == 5);
  TempFile file(16);
  compare([&](Arena& g) {
    return Case{nr("ioctl"), {u32(fds[0]), 0x541B, g.alloc(4)}};
  });  // FIONREAD
  compare([&](Arena& g) {
    const auto on = g.alloc(4, 0);
    return Case{nr("ioctl"), {u32(fds[0]), 0x5421, on}};  // FIONBIO 0
  });
  compare([&](Arena& g) {
    return Case{nr("ioctl"), {u32(file.fd), 0x5413, g.alloc(8)}};
  });  // TIOCGWINSZ: ENOTTY
  compare([&](Arena& g) {
    return Case{nr("ioctl"), {u32(file.fd), 0x5401, g.alloc(36)}};
  });                                                                             // TCGETS: ENOTTY
  compare([&](Arena&) { return Case{nr("ioctl"), {u32(file.fd), 0x5451, 0}}; });  // FIOCLEX
  compare([&](Arena&) { return Case{nr("ioctl"), {u32(fds[0]), 0x541B, 0x10}}; });  // EFAULT
  compare([&](Arena& g) {
    return Case{nr("ioctl"), {u32(file.fd), 0x1234, g.alloc(4)}};
  });  // unknown
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("oracle: fcntl64 and fcntl, values and record locks", "[oracle]") {
  TempFile file(4096);
  compare([&](Arena&) { return Case{nr("fcntl64"), {u32(file.fd), F_GETFL, 0}}; });
  compare([&](Arena&) { return Case{nr("fcntl64"), {u32(file.fd), F_SETFD, FD_CLOEXEC}}; });
  compare([&](Arena&) { return Case{nr("fcntl64"), {u32(file.fd), F_GETFD, 0}}; });
  for (std::uint32_t cmd : {5u, 12u, 36u}) {  // F_GETLK (flock), F_GETLK64, F_OFD_GETLK (flock64)
    compare([&](Arena& g) {
      const auto lock = g.alloc(cmd == 5 ? 16 : 24, 0);
      std::int16_t type_whence[2] = {F_WRLCK, SEEK_SET};
      std::memcpy(g.base + (lock - Arena::address(g.base)), type_whence, sizeof type_whence);
      return Case{nr("fcntl64"), {u32(file.fd), cmd, lock}};
    });
    compare([&](Arena&) { return Case{nr("fcntl64"), {u32(file.fd), cmd, 0x10}}; });  // EFAULT
  }
  compare([&](Arena& g) { return Case{nr("fcntl"), {u32(file.fd), 12, g.alloc(24)}}; });  // EINVAL
  compare([&](Arena& g) {
    const auto lock = g.alloc(24, 0);
    std::int16_t type_whence[2] = {F_RDLCK, SEEK_SET};
    std::memcpy(g.base + (lock - Arena::address(g.base)), type_whence, sizeof type_whence);
    return Case{nr("fcntl64"), {u32(file.fd), 13, lock}};  // F_SETLK64
  });
}

TEST_CASE("oracle: socketcall dispatches to the socket calls", "[oracle]") {
  auto args = [](Arena& g, std::initializer_list<std::uint32_t> values) {
    const auto at = g.alloc(values.size() * 4);
    std::memcpy(g.base + (at - Arena::address(g.base)), values.begin(), values.size() * 4);
    return at;
  };
  std::uint32_t fds_at = 0;
  auto close_pair = [&](Arena& g, std::int32_t result) {
    if (result < 0) return;
    int fds[2];
    std::memcpy(fds, g.base + (fds_at - Arena::address(g.base)), sizeof fds);
    close(fds[0]);
    close(fds[1]);
  };
  compare(
      [&](Arena& g) {
        fds_at = g.alloc(8);
        const auto block = args(g, {AF_UNIX, SOCK_STREAM, 0, fds_at});
        return Case{nr("socketcall"),
                    {8, block},
                    {{block, 16, "the argument block holds a guest pointer"}}};
      },
      close_pair);
  compare(
      [&](Arena& g) {
        return Case{nr("socketcall"), {1, args(g, {AF_UNIX, SOCK_DGRAM, 0})}};
      },
      [](Arena&, std::int32_t fd) {
        if (fd >= 0) close(fd);
      });
  int pair[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
  compare(
      [&](Arena& g) {
        const auto data = g.string("hello");
        const auto block = args(g, {u32(pair[0]), data, 5, 0});
        return Case{nr("socketcall"), {9, block}, {{block, 16, "guest pointers"}}};  // SYS_SEND
      },
      [&](Arena&, std::int32_t) {
        char drain[64];
        (void)recv(pair[1], drain, sizeof drain, MSG_DONTWAIT);
      });
  compare([&](Arena& g) {
    REQUIRE(send(pair[0], "world", 5, 0) == 5);  // each run receives its own
    const auto buf = g.alloc(16);
    const auto block = args(g, {u32(pair[1]), buf, 16, MSG_DONTWAIT});
    return Case{nr("socketcall"), {10, block}, {{block, 16, "guest pointers"}}};  // SYS_RECV
  });
  compare([&](Arena& g) {
    const auto buf = g.alloc(16);
    const auto block = args(g, {u32(pair[1]), buf, 16, MSG_DONTWAIT});
    return Case{nr("socketcall"), {10, block}, {{block, 16, "guest pointers"}}};  // EAGAIN
  });
  compare([&](Arena& g) {
    const auto addr = g.alloc(110), len = g.alloc(4, 0);
    const std::uint32_t room = 110;
    std::memcpy(g.base + (len - Arena::address(g.base)), &room, 4);
    const auto block = args(g, {u32(pair[0]), addr, len});
    return Case{nr("socketcall"), {6, block}, {{block, 12, "guest pointers"}}};  // SYS_GETSOCKNAME
  });
  compare([&](Arena& g) {
    return Case{nr("socketcall"), {5, args(g, {u32(pair[0]), 0, 0})}};
  });                                                                            // accept: EINVAL
  compare([&](Arena&) { return Case{nr("socketcall"), {1, 0x10}}; });            // EFAULT
  compare([&](Arena& g) { return Case{nr("socketcall"), {0, g.alloc(24)}}; });   // EINVAL
  compare([&](Arena& g) { return Case{nr("socketcall"), {21, g.alloc(24)}}; });  // EINVAL
  close(pair[0]);
  close(pair[1]);
}

namespace {

// An i386 msghdr in the arena: one iovec of `bytes`, and `control` bytes of control room.
struct GuestMessage {
  std::uint32_t header, iov, buffer, control;
};
GuestMessage guest_message(Arena& g, std::uint32_t bytes, std::uint32_t control) {
  GuestMessage m{};
  m.buffer = g.alloc(bytes);
  m.control = control ? g.alloc(control) : 0;
  m.iov = g.alloc(8);
  const std::uint32_t iov[2] = {m.buffer, bytes};
  std::memcpy(g.base + (m.iov - Arena::address(g.base)), iov, sizeof iov);
  m.header = g.alloc(28);
  const std::uint32_t header[7] = {0, 0, m.iov, 1, m.control, control, 0};
  std::memcpy(g.base + (m.header - Arena::address(g.base)), header, sizeof header);
  return m;
}
std::vector<Mask> pointer_masks(const GuestMessage& m) {
  return {{m.iov, 4, "guest pointer"},
          {m.header + 8, 4, "guest pointer"},
          {m.header + 16, 4, "guest pointer"}};
}

// Sends `text` from `fd` with an SCM_RIGHTS message carrying `passed` (native, 64-bit).
void send_with_fd(int fd, const char* text, int passed) {
  char control[CMSG_SPACE(sizeof(int))] = {};
  iovec iov{const_cast<char*>(text), std::strlen(text)};
  msghdr message{};
  message.msg_iov = &iov;
  message.msg_iovlen = 1;
  message.msg_control = control;
  message.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&message);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(c), &passed, sizeof passed);
  REQUIRE(sendmsg(fd, &message, 0) == static_cast<ssize_t>(std::strlen(text)));
}

}  // namespace

TEST_CASE("oracle: recvmsg with SCM_RIGHTS, sendmsg with a control message", "[oracle]") {
  int pair[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
  TempFile file(16);
  GuestMessage m{};
  auto close_received = [&](Arena& g, std::int32_t result) {
    if (result <= 0 || !m.control) return;
    int fd;
    std::memcpy(&fd, g.base + (m.control + 12 - Arena::address(g.base)), 4);
    close(fd);
  };
  for (const char* name : {"recvmsg"}) {
    // room for the fd; then no room for it (MSG_CTRUNC, and no fd installed)
    for (std::uint32_t room : {16u, 0u}) {
      compare(
          [&](Arena& g) {
            send_with_fd(pair[0], "fd!", file.fd);
            m = guest_message(g, 16, room);
            return Case{nr(name), {u32(pair[1]), m.header, 0}, pointer_masks(m)};
          },
          close_received);
    }
  }
  // sendmsg from the guest: an SCM_RIGHTS message in i386's cmsg layout
  compare(
      [&](Arena& g) {
        m = guest_message(g, 4, 16);
        std::memcpy(g.base + (m.buffer - Arena::address(g.base)), "ping", 4);
        const std::uint32_t cmsg[4] = {16, SOL_SOCKET, SCM_RIGHTS, u32(file.fd)};
        std::memcpy(g.base + (m.control - Arena::address(g.base)), cmsg, sizeof cmsg);
        return Case{nr("sendmsg"), {u32(pair[0]), m.header, 0}, pointer_masks(m)};
      },
      [&](Arena&, std::int32_t) {
        // take what was sent, and close the fd it carried
        char data[8], control[CMSG_SPACE(sizeof(int))];
        iovec iov{data, sizeof data};
        msghdr message{};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        REQUIRE(recvmsg(pair[1], &message, 0) == 4);
        cmsghdr* c = CMSG_FIRSTHDR(&message);
        REQUIRE(c != nullptr);
        CHECK(c->cmsg_type == SCM_RIGHTS);
        int fd;
        std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
        close(fd);
      });
  compare([&](Arena&) {
    return Case{nr("recvmsg"), {u32(pair[1]), 0x10, MSG_DONTWAIT}};
  });  // EFAULT
  close(pair[0]);
  close(pair[1]);
}

// The kernel stamps received datagrams only while a static key is on, which it flips in a
// deferred work item when a socket first asks for timestamps (net_enable_timestamp) and off
// again after the last such socket closes: a datagram sent right after the option is set may
// carry no SO_TIMESTAMPING timestamp at all (SO_TIMESTAMP and SO_TIMESTAMPNS stamp it late,
// in recvmsg: __sock_recv_timestamp). This socket keeps the key on: it asks for
// SO_TIMESTAMPING's software receive stamps and waits until a datagram of its own arrives
// stamped.
class ReceiveTimestampsOn {
 public:
  ReceiveTimestampsOn() {
    socket_ = socket(AF_INET, SOCK_DGRAM, 0);
    REQUIRE(socket_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const int software_receive = SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE;
    REQUIRE(bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    REQUIRE(setsockopt(socket_, SOL_SOCKET, SO_TIMESTAMPING_OLD, &software_receive,
                       sizeof software_receive) == 0);
    for (int attempt = 0; attempt < 1000; ++attempt) {
      REQUIRE(sendto(socket_, "", 0, 0, reinterpret_cast<sockaddr*>(&address), sizeof address) ==
              0);
      char byte;
      iovec data{&byte, 1};
      alignas(cmsghdr) char control[64];
      msghdr message{};
      message.msg_iov = &data;
      message.msg_iovlen = 1;
      message.msg_control = control;
      message.msg_controllen = sizeof control;
      REQUIRE(recvmsg(socket_, &message, 0) == 0);
      if (CMSG_FIRSTHDR(&message) != nullptr) return;
      usleep(1000);
    }
    FAIL("no datagram was stamped within a second of SO_TIMESTAMPING");
  }
  ~ReceiveTimestampsOn() { close(socket_); }
  ReceiveTimestampsOn(const ReceiveTimestampsOn&) = delete;
  ReceiveTimestampsOn& operator=(const ReceiveTimestampsOn&) = delete;

 private:
  int socket_;
};

// The timestamps a socket attaches to what it receives are the ABI's own timeval and
// timespecs on SO_TIMESTAMP_OLD, SO_TIMESTAMPNS_OLD and SO_TIMESTAMPING_OLD (the kernel's
// put_cmsg_compat narrows them): their control messages are shorter on i386 than natively.
TEST_CASE("oracle: recvmsg timestamps in the guest's timeval and timespecs", "[oracle]") {
  struct Option {
    int name, value;
    std::uint32_t payload;  // bytes of the i386 control message's payload
  };
  const ReceiveTimestampsOn timestamps_on;
  const Option options[] = {
      {SO_TIMESTAMP_OLD, 1, 8},
      {SO_TIMESTAMPNS_OLD, 1, 8},
      {SO_TIMESTAMPING_OLD, SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE, 24}};
  for (const Option& option : options) {
    INFO("option " << option.name);
    const int receiver = socket(AF_INET, SOCK_DGRAM, 0);
    const int sender = socket(AF_INET, SOCK_DGRAM, 0);
    REQUIRE(receiver >= 0);
    REQUIRE(sender >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(bind(receiver, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(getsockname(receiver, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    REQUIRE(setsockopt(receiver, SOL_SOCKET, option.name, &option.value, sizeof option.value) == 0);
    GuestMessage m{};
    compare(
        [&](Arena& g) {
          REQUIRE(sendto(sender, "tick", 4, 0, reinterpret_cast<sockaddr*>(&address),
                         sizeof address) == 4);
          m = guest_message(g, 8, 64);
          auto masks = pointer_masks(m);
          masks.push_back({m.control + 12, option.payload, "the time itself"});
          return Case{nr("recvmsg"), {u32(receiver), m.header, 0}, masks};
        },
        [&](Arena& g, std::int32_t result) {
          REQUIRE(result == 4);
          std::uint32_t header[3];
          std::int32_t seconds;
          std::memcpy(header, g.base + (m.control - Arena::address(g.base)), sizeof header);
          std::memcpy(&seconds, g.base + (m.control + 12 - Arena::address(g.base)), 4);
          CHECK(header[0] == 12 + option.payload);
          CHECK(header[1] == SOL_SOCKET);
          CHECK(header[2] == static_cast<std::uint32_t>(option.name));
          CHECK(std::abs(static_cast<long>(seconds) - static_cast<long>(time(nullptr))) < 600);
        });
    close(receiver);
    close(sender);
  }
}

TEST_CASE("oracle: timers, polling and signal masks", "[oracle]") {
  compare([&](Arena& g) { return Case{nr("getitimer"), {ITIMER_REAL, g.alloc(16)}}; });
  compare([&](Arena& g) {
    return Case{nr("setitimer"), {ITIMER_REAL, g.alloc(16, 0), g.alloc(16)}};
  });
  compare([&](Arena& g) { return Case{nr("getitimer"), {99, g.alloc(16)}}; });  // EINVAL
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "x", 1) == 1);
  compare([&](Arena& g) {
    const auto poll_fds = g.alloc(16, 0);
    const std::int32_t entries[4] = {fds[0], POLLIN, fds[1], POLLOUT};
    std::memcpy(g.base + (poll_fds - Arena::address(g.base)), entries, sizeof entries);
    return Case{nr("poll"), {poll_fds, 2, 0}};
  });
  compare([&](Arena& g) {
    const auto poll_fds = g.alloc(8, 0);
    const std::int32_t entry[2] = {fds[0], POLLIN};
    std::memcpy(g.base + (poll_fds - Arena::address(g.base)), entry, sizeof entry);
    const auto timeout = g.alloc(8, 0);
    return Case{nr("ppoll"), {poll_fds, 1, timeout, 0, 8}};
  });
  const int epoll = epoll_create1(0);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.u64 = 0x1122334455667788;
  REQUIRE(epoll_ctl(epoll, EPOLL_CTL_ADD, fds[0], &event) == 0);
  compare([&](Arena& g) { return Case{nr("epoll_wait"), {u32(epoll), g.alloc(48), 4, 0}}; });
  compare([&](Arena& g) {
    return Case{nr("epoll_wait"), {u32(epoll), g.alloc(48), 0, 0}};
  });  // EINVAL
  compare([&](Arena& g) { return Case{nr("rt_sigprocmask"), {SIG_BLOCK, 0, g.alloc(8), 8}}; });
  compare([&](Arena& g) {
    return Case{nr("rt_sigprocmask"), {SIG_BLOCK, 0, g.alloc(8), 4}};
  });  // EINVAL
  close(epoll);
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("oracle: _newselect and the old select", "[oracle]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "x", 1) == 1);
  const std::uint32_t n = static_cast<std::uint32_t>(fds[1] + 1);
  auto set_with = [&](Arena& g, std::uint32_t bytes, std::initializer_list<int> members) {
    const auto at = g.alloc(bytes, 0);
    for (int fd : members)
      g.base[at - Arena::address(g.base) + fd / 8] |= static_cast<std::uint8_t>(1u << (fd % 8));
    return at;
  };
  compare([&](Arena& g) {
    // exactly 4 bytes of sets, as an i386 program may pass: the kernel reads only those
    const auto in = set_with(g, 4, {fds[0], fds[1]}), out = set_with(g, 4, {fds[1]});
    const auto tv = g.alloc(8, 0);
    return Case{nr("_newselect"), {n, in, out, 0, tv}};
  });
  compare([&](Arena&) { return Case{nr("_newselect"), {n, 0x10, 0, 0, 0}}; });  // EFAULT
  compare([&](Arena& g) {
    return Case{nr("_newselect"), {0xffffffff, 0, 0, 0, g.alloc(8, 0)}};
  });  // EINVAL
  compare([&](Arena& g) {
    const auto in = set_with(g, 4, {fds[0]});
    const auto tv = g.alloc(8, 0);
    const auto block = g.alloc(20);
    const std::uint32_t args[5] = {n, in, 0, 0, tv};
    std::memcpy(g.base + (block - Arena::address(g.base)), args, sizeof args);
    return Case{nr("select"), {block}, {{block, 20, "guest pointers"}}};
  });
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("oracle: pselect6 and pselect6_time64", "[oracle]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "x", 1) == 1);
  const std::uint32_t n = static_cast<std::uint32_t>(fds[1] + 1);
  for (const char* name : {"pselect6", "pselect6_time64"}) {
    const std::uint32_t ts_bytes = std::strcmp(name, "pselect6") ? 16 : 8;
    compare([&](Arena& g) {
      const auto in = g.alloc(4, 0);
      g.base[in - Arena::address(g.base) + fds[0] / 8] |=
          static_cast<std::uint8_t>(1u << (fds[0] % 8));
      const auto ts = g.alloc(ts_bytes, 0);
      const auto mask = g.alloc(8, 0);
      const auto pack = g.alloc(8);
      const std::uint32_t words[2] = {mask, 8};
      std::memcpy(g.base + (pack - Arena::address(g.base)), words, sizeof words);
      return Case{nr(name), {n, in, 0, 0, ts, pack}, {{pack, 4, "a guest pointer"}}};
    });
    compare([&](Arena& g) {
      const auto pack = g.alloc(8);
      const std::uint32_t words[2] = {g.alloc(8, 0), 4};  // a wrong sigset size: EINVAL
      std::memcpy(g.base + (pack - Arena::address(g.base)), words, sizeof words);
      return Case{
          nr(name), {n, 0, 0, 0, g.alloc(ts_bytes, 0), pack}, {{pack, 4, "a guest pointer"}}};
    });
  }
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("oracle: socket options, including the old 32-bit timevals", "[oracle]") {
  const int sock = socket(AF_UNIX, SOCK_DGRAM, 0);
  compare([&](Arena& g) {
    const auto tv = g.alloc(8);
    const std::int32_t value[2] = {1, 500000};
    std::memcpy(g.base + (tv - Arena::address(g.base)), value, sizeof value);
    return Case{nr("setsockopt"), {u32(sock), SOL_SOCKET, 20, tv, 8}};  // SO_RCVTIMEO_OLD
  });
  compare([&](Arena& g) {
    const auto len = g.alloc(4);
    const std::int32_t room = 8;
    std::memcpy(g.base + (len - Arena::address(g.base)), &room, 4);
    return Case{nr("getsockopt"), {u32(sock), SOL_SOCKET, 20, g.alloc(8), len}};
  });
  compare([&](Arena& g) {
    const auto len = g.alloc(4);
    const std::int32_t room = 4;
    std::memcpy(g.base + (len - Arena::address(g.base)), &room, 4);
    return Case{nr("getsockopt"), {u32(sock), SOL_SOCKET, SO_TYPE, g.alloc(4), len}};
  });
  compare([&](Arena& g) {
    return Case{nr("setsockopt"), {u32(sock), SOL_SOCKET, 20, g.alloc(8), 4}};
  });  // EINVAL
  compare([&](Arena&) {
    return Case{nr("getsockopt"), {u32(sock), SOL_SOCKET, SO_TYPE, 0x10, 0x10}};
  });  // EFAULT
  close(sock);
}

TEST_CASE("oracle: sendmmsg and recvmmsg", "[oracle]") {
  int pair[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_DGRAM, 0, pair) == 0);
  auto mmsg_vector = [](Arena& g, const GuestMessage& a, const GuestMessage& b) {
    const auto vec = g.alloc(64, 0);
    std::memcpy(g.base + (vec - Arena::address(g.base)),
                g.base + (a.header - Arena::address(g.base)), 28);
    std::memcpy(g.base + (vec + 32 - Arena::address(g.base)),
                g.base + (b.header - Arena::address(g.base)), 28);
    return vec;
  };
  compare(
      [&](Arena& g) {
        const auto a = guest_message(g, 3, 0), b = guest_message(g, 5, 0);
        std::memcpy(g.base + (a.buffer - Arena::address(g.base)), "one", 3);
        std::memcpy(g.base + (b.buffer - Arena::address(g.base)), "three", 5);
        const auto vec = mmsg_vector(g, a, b);
        return Case{nr("sendmmsg"),
                    {u32(pair[0]), vec, 2, 0},
                    {{vec + 8, 4, "guest pointer"},
                     {vec + 40, 4, "guest pointer"},
                     {a.iov, 4, "guest pointer"},
                     {b.iov, 4, "guest pointer"},
                     {a.header + 8, 4, "guest pointer"},
                     {b.header + 8, 4, "guest pointer"}}};
      },
      [&](Arena&, std::int32_t) {
        char drain[16];
        while (recv(pair[1], drain, sizeof drain, MSG_DONTWAIT) > 0) {
        }
      });
  compare([&](Arena& g) {
    REQUIRE(send(pair[0], "ab", 2, 0) == 2);
    REQUIRE(send(pair[0], "cde", 3, 0) == 3);
    const auto a = guest_message(g, 8, 0), b = guest_message(g, 8, 0);
    const auto vec = mmsg_vector(g, a, b);
    return Case{nr("recvmmsg"),
                {u32(pair[1]), vec, 2, MSG_DONTWAIT, 0},
                {{vec + 8, 4, "guest pointer"},
                 {vec + 40, 4, "guest pointer"},
                 {a.iov, 4, "guest pointer"},
                 {b.iov, 4, "guest pointer"},
                 {a.header + 8, 4, "guest pointer"},
                 {b.header + 8, 4, "guest pointer"}}};
  });
  close(pair[0]);
  close(pair[1]);
}

TEST_CASE("oracle: futex, with a timeout or a count by operation", "[oracle]") {
  for (const char* name : {"futex", "futex_time64"}) {
    const std::uint32_t ts_bytes = std::strcmp(name, "futex") ? 16 : 8;
    compare([&](Arena& g) { return Case{nr(name), {g.alloc(4, 0), FUTEX_WAKE, 1, 0, 0, 0}}; });
    compare([&](Arena& g) {
      return Case{nr(name), {g.alloc(4, 0), FUTEX_WAIT, 7, 0, 0, 0}};
    });  // EAGAIN
    compare([&](Arena& g) {
      const auto word = g.alloc(4, 0);
      const auto ts = g.alloc(ts_bytes, 0);
      g.base[ts - Arena::address(g.base) + (ts_bytes == 8 ? 4 : 8)] = 1;  // 1 ns
      return Case{nr(name), {word, FUTEX_WAIT, 0, ts, 0, 0}};             // ETIMEDOUT
    });
    compare([&](Arena&) { return Case{nr(name), {0x10, FUTEX_WAKE, 1, 0, 0, 0}}; });  // EFAULT
    compare([&](Arena& g) {
      return Case{nr(name), {g.alloc(4, 0), FUTEX_REQUEUE, 1, 5, g.alloc(4, 0), 0}};
    });
  }
}

TEST_CASE("oracle: the old stat calls", "[oracle]") {
  TempFile file(100);
  compare([&](Arena& g) { return Case{nr("oldfstat"), {u32(file.fd), g.alloc(32)}}; });
  compare([&](Arena& g) { return Case{nr("oldstat"), {g.string(file.path), g.alloc(32)}}; });
  compare([&](Arena& g) { return Case{nr("oldlstat"), {g.string("/tmp"), g.alloc(32)}}; });
  compare([&](Arena& g) { return Case{nr("oldstat"), {g.string("/proc/self"), g.alloc(32)}}; });
  compare([&](Arena&) { return Case{nr("oldfstat"), {u32(file.fd), 0x10}}; });  // EFAULT
}

TEST_CASE("oracle: one-word signal masks", "[oracle]") {
  sigset_t saved;
  sigprocmask(SIG_SETMASK, nullptr, &saved);
  compare([&](Arena& g) { return Case{nr("sigprocmask"), {SIG_BLOCK, 0, g.alloc(4)}}; });
  compare(
      [&](Arena& g) {
        const auto set = g.alloc(4, 0);
        g.base[set - Arena::address(g.base)] = 0x04;  // SIGQUIT's bit
        return Case{nr("sigprocmask"), {SIG_BLOCK, set, g.alloc(4)}};
      },
      [&](Arena&, std::int32_t) { sigprocmask(SIG_SETMASK, &saved, nullptr); });
  compare([&](Arena& g) { return Case{nr("sigprocmask"), {99, g.alloc(4, 0), 0}}; });  // EINVAL
  compare([&](Arena& g) { return Case{nr("sigpending"), {g.alloc(4)}}; });
  compare([&](Arena&) { return Case{nr("sgetmask")}; });
  compare(
      [&](Arena&) {
        return Case{nr("ssetmask"), {0x04}};
      },
      [&](Arena&, std::int32_t) { sigprocmask(SIG_SETMASK, &saved, nullptr); });
  sigprocmask(SIG_SETMASK, &saved, nullptr);
}

TEST_CASE("oracle: readdir, and calls the kernel no longer serves", "[oracle]") {
  int fd = -1;
  auto reopen = [&] {
    if (fd >= 0) close(fd);
    fd = open("/proc/self", O_RDONLY | O_DIRECTORY);
    return u32(fd);
  };
  compare([&](Arena& g) { return Case{nr("readdir"), {reopen(), g.alloc(300), 1}}; });
  compare([&](Arena& g) { return Case{nr("readdir"), {0, g.alloc(300), 1}}; });  // not a directory
  close(fd);
  for (const char* name : {"idle", "bdflush", "uselib", "vm86old", "afs_syscall", "break", "lock"})
    compare([&](Arena&) { return Case{nr(name)}; });
}

TEST_CASE("oracle: System V IPC, direct and through ipc()", "[oracle]") {
  const int queue = msgget(IPC_PRIVATE, 0600);
  const int sem = semget(IPC_PRIVATE, 2, 0600);
  const int shm = shmget(IPC_PRIVATE, 4096, 0600);
  REQUIRE(queue >= 0);
  REQUIRE(sem >= 0);
  REQUIRE(shm >= 0);
  struct Message {
    long type;
    char text[8];
  };
  auto drain = [&](Arena&, std::int32_t) {
    Message m;
    while (msgrcv(queue, &m, sizeof m.text, 0, IPC_NOWAIT) >= 0) {
    }
  };
  auto put_message = [&](Arena& g) {
    const auto at = g.alloc(12);
    const std::int32_t type = 7;
    std::memcpy(g.base + (at - Arena::address(g.base)), &type, 4);
    std::memcpy(g.base + (at + 4 - Arena::address(g.base)), "message", 8);
    return at;
  };
  auto queue_one = [&] {
    const Message m{9, "queued!"};
    REQUIRE(msgsnd(queue, &m, 8, 0) == 0);
  };
  compare([&](Arena& g) { return Case{nr("msgsnd"), {u32(queue), put_message(g), 8, 0}}; }, drain);
  compare([&](Arena& g) {
    queue_one();
    return Case{nr("msgrcv"), {u32(queue), g.alloc(12), 8, 0, IPC_NOWAIT}};
  });
  compare([&](Arena& g) {
    return Case{nr("msgrcv"), {u32(queue), g.alloc(12), 8, 0, IPC_NOWAIT}};
  });  // ENOMSG
  // guest sizes past msgmax and past the guest's memory: the kernel's answers, in its order
  compare([&](Arena& g) {
    return Case{nr("msgsnd"), {u32(queue), put_message(g), 0x7fffffff, IPC_NOWAIT}};
  });  // EINVAL
  compare([&](Arena&) { return Case{nr("msgsnd"), {u32(queue), 0x10, 8, IPC_NOWAIT}}; });
  compare([&](Arena&) {
    return Case{nr("msgrcv"), {u32(queue), 0x10, 8, 0, IPC_NOWAIT}};
  });  // ENOMSG before the buffer
  compare([&](Arena& g) {
    return Case{nr("msgrcv"), {u32(queue), g.alloc(12), 0x7fffffff, 0, IPC_NOWAIT}};
  });  // ENOMSG, no 2 GiB touched
  REQUIRE(semctl(sem, 1, SETVAL, 5) == 0);
  // through the multiplexer: MSGSND, MSGRCV (both versions), MSGCTL, SEMCTL, SEMOP, SHMCTL
  compare(
      [&](Arena& g) {
        return Case{nr("ipc"), {11, u32(queue), 8, 0, put_message(g), 0}};
      },
      drain);
  compare([&](Arena& g) {
    queue_one();
    return Case{nr("ipc"), {12 | (1u << 16), u32(queue), 8, IPC_NOWAIT, g.alloc(12), 0}};
  });
  compare([&](Arena& g) {
    queue_one();
    const auto buffer = g.alloc(12), kludge = g.alloc(8);
    const std::uint32_t words[2] = {buffer, 0};
    std::memcpy(g.base + (kludge - Arena::address(g.base)), words, sizeof words);
    return Case{
        nr("ipc"), {12, u32(queue), 8, IPC_NOWAIT, kludge, 0}, {{kludge, 4, "a guest pointer"}}};
  });
  compare([&](Arena& g) {
    return Case{nr("ipc"), {14, u32(queue), IPC_STAT | 0x100, 0, g.alloc(120), 0}};
  });
  compare([&](Arena& g) {
    const auto arg = g.alloc(4, 0);
    return Case{nr("ipc"), {3, u32(sem), 1, GETVAL | 0x100, arg, 0}};
  });
  compare([&](Arena& g) {
    const auto ops = g.alloc(6, 0);  // {sem_num 0, sem_op +1, sem_flg 0}
    g.base[ops - Arena::address(g.base) + 2] = 1;
    return Case{nr("ipc"), {1, u32(sem), 1, 0, ops, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("ipc"), {24, u32(shm), IPC_STAT | 0x100, 0, g.alloc(120), 0}};
  });
  compare([&](Arena&) {
    return Case{nr("ipc"), {3, u32(sem), 1, GETVAL, 0, 0}};
  });  // no arg: EINVAL
  compare([&](Arena& g) { return Case{nr("ipc"), {99, 0, 0, 0, g.alloc(4), 0}}; });  // ENOSYS
  msgctl(queue, IPC_RMID, nullptr);
  semctl(sem, 0, IPC_RMID);
  shmctl(shm, IPC_RMID, nullptr);
}

TEST_CASE("oracle: signal, sigaction and rt_sigaction decoded for the process owner", "[oracle]") {
  KernelBackedOwner owner;
  struct sigaction saved;
  sigaction(SIGUSR2, nullptr, &saved);
  // Each run starts from the same disposition, so what the old action reads back agrees.
  auto reset = [&] {
    struct sigaction start {};
    start.sa_handler = SIG_IGN;
    start.sa_flags = SA_RESTART;
    sigaddset(&start.sa_mask, SIGHUP);
    sigaction(SIGUSR2, &start, nullptr);
  };
  auto restore = [&](Arena&, std::int32_t) { reset(); };
  // old_sigaction: handler, one-word mask, flags, restorer
  auto old_action = [](Arena& g) {
    const auto at = g.alloc(16, 0);
    const std::uint32_t words[4] = {0x12345678, 0x5, SA_SIGINFO | SA_RESTART, 0x8048000};
    std::memcpy(g.base + (at - Arena::address(g.base)), words, sizeof words);
    return at;
  };
  // compat_sigaction: handler, flags, restorer, two-word mask
  auto rt_action = [](Arena& g) {
    const auto at = g.alloc(20, 0);
    const std::uint32_t words[5] = {0x12345678, SA_SIGINFO | SA_ONSTACK, 0x8048000, 0x80000005,
                                    0x3};
    std::memcpy(g.base + (at - Arena::address(g.base)), words, sizeof words);
    return at;
  };
  const std::uint32_t usr2 = SIGUSR2;
  // Each case from the same starting disposition, through the kernel-backed owner.
  auto owned = [&](const std::function<Case(Arena&)>& make) {
    compare(
        [&](Arena& g) {
          reset();
          return make(g);
        },
        restore, &owner);
  };
  owned([&](Arena& g) { return Case{nr("sigaction"), {usr2, old_action(g), g.alloc(16)}}; });
  owned([&](Arena& g) { return Case{nr("sigaction"), {usr2, 0, g.alloc(16)}}; });
  owned([&](Arena& g) { return Case{nr("rt_sigaction"), {usr2, rt_action(g), g.alloc(20), 8}}; });
  owned([&](Arena& g) { return Case{nr("rt_sigaction"), {usr2, 0, g.alloc(20), 8}}; });
  owned([&](Arena&) { return Case{nr("signal"), {usr2, 0x8049000}}; });
  // and read back what signal() set: SA_ONESHOT | SA_NOMASK, no mask
  owned([&](Arena& g) {
    int80(nr("signal"), {usr2, 0x8049000});
    const auto old = g.alloc(20);
    // sys_signal never sets sa_restorer: its k_sigaction is on the kernel stack, uninitialised.
    return Case{nr("rt_sigaction"),
                {usr2, 0, old, 8},
                {{old + 8, 4, "sys_signal's uninitialised sa_restorer"}}};
  });
  // bad input: a sigsetsize that is not 8, SIGKILL, signal 0 and 65, bad pointers
  owned([&](Arena& g) { return Case{nr("rt_sigaction"), {usr2, rt_action(g), g.alloc(20), 4}}; });
  owned([&](Arena& g) {
    return Case{nr("rt_sigaction"), {SIGKILL, rt_action(g), g.alloc(20), 8}};
  });
  owned([&](Arena& g) { return Case{nr("sigaction"), {0, old_action(g), g.alloc(16)}}; });
  owned([&](Arena& g) { return Case{nr("sigaction"), {65, old_action(g), g.alloc(16)}}; });
  owned([&](Arena& g) { return Case{nr("sigaction"), {usr2, 0x10, g.alloc(16)}}; });
  owned([&](Arena& g) { return Case{nr("rt_sigaction"), {usr2, rt_action(g), 0x10, 8}}; });
  owned([&](Arena&) { return Case{nr("signal"), {SIGSTOP, 0x8049000}}; });
  sigaction(SIGUSR2, &saved, nullptr);
}

TEST_CASE("oracle: old_mmap and mmap2 decoded for the process owner", "[oracle]") {
  KernelBackedOwner owner;
  TempFile file(3 * 4096);
  // Where the mapping lands is the owner's choice: the address is masked, the mapping undone.
  auto unmap = [](Arena&, std::int32_t result) {
    if (result < 0 && result > -4096) return;
    munmap(reinterpret_cast<void*>(std::uintptr_t{static_cast<std::uint32_t>(result)}), 4096);
  };
  auto block = [&](Arena& g, std::uint32_t offset, std::uint32_t fd, std::uint32_t length = 4096) {
    const auto at = g.alloc(24, 0);
    const std::uint32_t words[6] = {0, length, PROT_READ, MAP_PRIVATE, fd, offset};
    std::memcpy(g.base + (at - Arena::address(g.base)), words, sizeof words);
    return at;
  };
  Case mapped{};
  auto success = [&](Case c) {
    c.mask_result = true;
    return c;
  };
  compare(
      [&](Arena& g) {
        return success(Case{nr("mmap"), {block(g, 4096, u32(file.fd))}});
      },
      unmap, &owner);
  compare(
      [&](Arena& g) {
        return Case{nr("mmap"), {block(g, 100, u32(file.fd))}};
      },
      unmap, &owner);                                                        // EINVAL
  compare([&](Arena&) { return Case{nr("mmap"), {0x10}}; }, unmap, &owner);  // EFAULT
  compare([&](Arena& g) { return Case{nr("mmap"), {block(g, 0, 9999)}}; }, unmap, &owner);  // EBADF
  compare(
      [&](Arena& g) {
        return Case{nr("mmap"), {block(g, 0, u32(file.fd), 0)}};
      },
      unmap, &owner);  // EINVAL
  compare(
      [&](Arena&) {
        return success(Case{nr("mmap2"), {0, 4096, PROT_READ, MAP_PRIVATE, u32(file.fd), 2}});
      },
      unmap, &owner);
  compare(
      [&](Arena&) {
        return Case{nr("mmap2"), {0, 4096, PROT_READ, MAP_PRIVATE, 9999, 0}};
      },
      unmap, &owner);
  compare(
      [&](Arena&) {
        return Case{nr("mmap2"), {0, 4096, PROT_READ, 0, u32(file.fd), 0}};
      },
      unmap, &owner);
  // mmap2's offset is in 4096-byte pages: the page it maps is the file's third
  compare(
      [&](Arena& g) {
        const auto out = g.alloc(4);
        return Case{nr("mmap2"), {0, 4096, PROT_READ, MAP_PRIVATE, u32(file.fd), 2}, {}, true};
        (void)out;
      },
      [&](Arena&, std::int32_t result) {
        REQUIRE((result > 0 || result < -4096));
        const auto* page =
            reinterpret_cast<const char*>(std::uintptr_t{static_cast<std::uint32_t>(result)});
        CHECK(page[0] == static_cast<char>('a' + (2 * 4096) % 26));
        munmap(const_cast<char*>(page), 4096);
      },
      &owner);
  (void)mapped;
}

namespace {
// Writes `words` into the arena at a fresh place: an i386 struct laid out by hand for a test.
std::uint32_t put_words(Arena& g, std::initializer_list<std::uint32_t> words, std::size_t bytes) {
  const auto at = g.alloc(bytes, 0);
  std::size_t i = 0;
  for (std::uint32_t w : words)
    std::memcpy(g.base + (at - Arena::address(g.base)) + 4 * i++, &w, 4);
  return at;
}

// Takes the pending SIGUSR1/SIGUSR2 this thread has, natively: what was queued.
siginfo_t take(int signal) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  siginfo_t info{};
  const timespec zero{};
  REQUIRE(sigtimedwait(&set, &info, &zero) == signal);
  return info;
}
}  // namespace

TEST_CASE("oracle: rt_sigtimedwait (time32 and time64) converts the siginfo by its layout",
          "[oracle]") {
  sigset_t blocked, saved;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR1);
  sigprocmask(SIG_BLOCK, &blocked, &saved);
  const std::uint32_t usr1 = 1u << (SIGUSR1 - 1);
  for (const char* name : {"rt_sigtimedwait", "rt_sigtimedwait_time64"}) {
    const std::size_t timeout_bytes = std::string_view(name).ends_with("64") ? 16 : 8;
    auto wait_case = [&](Arena& g, std::uint32_t size = 8) {
      return Case{nr(name),
                  {put_words(g, {usr1, 0}, 8), g.alloc(128), g.alloc(timeout_bytes, 0), size}};
    };
    // kill(): SI_USER, the _kill layout
    compare([&](Arena& g) {
      kill(getpid(), SIGUSR1);
      return wait_case(g);
    });
    // sigqueue(): SI_QUEUE, the _rt layout with its value
    compare([&](Arena& g) {
      sigqueue(getpid(), SIGUSR1, sigval{.sival_int = 0x5eed});
      return wait_case(g);
    });
    // nothing pending: EAGAIN; bad input: sigsetsize, the set, the timeout, the info
    compare([&](Arena& g) { return wait_case(g); });
    compare([&](Arena& g) { return wait_case(g, 4); });
    compare([&](Arena& g) {
      return Case{nr(name), {0x10, g.alloc(128), g.alloc(timeout_bytes, 0), 8}};
    });
    compare([&](Arena& g) {
      return Case{nr(name), {put_words(g, {usr1, 0}, 8), g.alloc(128), 0x10, 8}};
    });
    compare([&](Arena& g) {
      kill(getpid(), SIGUSR1);
      return Case{nr(name), {put_words(g, {usr1, 0}, 8), 0x10, g.alloc(timeout_bytes, 0), 8}};
    });
    // a negative nanosecond count: EINVAL
    compare([&](Arena& g) {
      return Case{nr(name),
                  {put_words(g, {usr1, 0}, 8), g.alloc(128),
                   put_words(g, {0, 0xffffffff, 0xffffffff, 0xffffffff}, timeout_bytes), 8}};
    });
  }
  sigprocmask(SIG_SETMASK, &saved, nullptr);
}

TEST_CASE("oracle: rt_sigqueueinfo, rt_tgsigqueueinfo and pidfd_send_signal read an i386 siginfo",
          "[oracle]") {
  sigset_t blocked, saved;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR2);
  sigprocmask(SIG_BLOCK, &blocked, &saved);
  const auto self = u32(getpid()), uid = u32(getuid());
  // si_signo, si_errno, si_code SI_QUEUE (-1), then _rt: pid, uid, sival
  auto queued = [&](Arena& g, std::uint32_t code = 0xffffffff) {
    return put_words(g, {u32(SIGUSR2), 0, code, self, uid, 0xabcd}, 128);
  };
  // What each run queued, as a native receiver sees it: the two must agree.
  std::vector<siginfo_t> received;
  auto receive = [&](Arena&, std::int32_t result) {
    if (result == 0) received.push_back(take(SIGUSR2));
  };
  auto same_delivery = [&] {
    REQUIRE(received.size() == 2);
    CHECK(received[0].si_code == received[1].si_code);
    CHECK(received[0].si_pid == received[1].si_pid);
    CHECK(received[0].si_value.sival_int == received[1].si_value.sival_int);
    CHECK(received[1].si_value.sival_int == 0xabcd);
    received.clear();
  };
  compare(
      [&](Arena& g) {
        return Case{nr("rt_sigqueueinfo"), {self, u32(SIGUSR2), queued(g)}};
      },
      receive);
  same_delivery();
  compare(
      [&](Arena& g) {
        return Case{nr("rt_tgsigqueueinfo"), {self, u32(gettid()), u32(SIGUSR2), queued(g)}};
      },
      receive);
  same_delivery();
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, getpid(), 0));
  REQUIRE(pidfd >= 0);
  compare(
      [&](Arena& g) {
        return Case{nr("pidfd_send_signal"), {u32(pidfd), u32(SIGUSR2), queued(g), 0}};
      },
      receive);
  same_delivery();
  compare(
      [&](Arena&) {
        return Case{nr("pidfd_send_signal"), {u32(pidfd), u32(SIGUSR2), 0, 0}};
      },
      receive);
  REQUIRE(received.size() == 2);
  CHECK(received[0].si_code == received[1].si_code);
  received.clear();
  // bad input: a bad siginfo pointer, a positive si_code from user space (EPERM), bad flags,
  // a bad pidfd with a bad pointer (the fd is checked first)
  compare([&](Arena&) { return Case{nr("rt_sigqueueinfo"), {self, u32(SIGUSR2), 0x10}}; }, receive);
  const pid_t other = fork();  // a process of our own to be refused at
  if (other == 0) {
    pause();
    _exit(0);
  }
  compare(
      [&](Arena& g) {
        return Case{nr("rt_sigqueueinfo"), {u32(other), u32(SIGUSR2), queued(g, 1)}};
      },
      receive);
  kill(other, SIGKILL);
  waitpid(other, nullptr, 0);
  compare(
      [&](Arena& g) {
        return Case{nr("pidfd_send_signal"), {u32(pidfd), u32(SIGUSR2), queued(g), 7}};
      },
      receive);
  compare(
      [&](Arena&) {
        return Case{nr("pidfd_send_signal"), {9999, u32(SIGUSR2), 0x10, 0}};
      },
      receive);
  CHECK(received.empty());
  close(pidfd);
  sigprocmask(SIG_SETMASK, &saved, nullptr);
}

TEST_CASE("oracle: waitid writes six siginfo fields and the rusage", "[oracle]") {
  constexpr std::uint32_t p_pid = 1, p_all = 0;
  pid_t child = -1;
  auto exiting_child = [&] {
    child = fork();
    if (child == 0) _exit(3);
    REQUIRE(child > 0);
    return u32(child);
  };
  // Each run reaps its own child: its pid and its resource usage differ by nature.
  compare([&](Arena& g) {
    const auto pid = exiting_child();
    const auto info = g.alloc(128), usage = g.alloc(72);
    return Case{nr("waitid"),
                {p_pid, pid, info, WEXITED, usage},
                {{info + 12, 4, "the child's pid"}, {usage, 72, "the child's own resource usage"}}};
  });
  // a running child and WNOHANG: zeros in the six fields, the rest untouched
  std::vector<pid_t> sleepers;
  compare([&](Arena& g) {
    const pid_t sleeper = fork();
    if (sleeper == 0) {
      pause();
      _exit(0);
    }
    sleepers.push_back(sleeper);
    return Case{nr("waitid"), {p_pid, u32(sleeper), g.alloc(128), WEXITED | WNOHANG, g.alloc(72)}};
  });
  for (pid_t s : sleepers) {
    kill(s, SIGKILL);
    waitpid(s, nullptr, 0);
  }
  // bad input: no such child, bad options, a bad siginfo pointer (the child is reaped all the same)
  compare([&](Arena& g) {
    return Case{nr("waitid"), {p_all, 0, g.alloc(128), WEXITED | WNOHANG, 0}};
  });
  compare([&](Arena& g) { return Case{nr("waitid"), {p_all, 0, g.alloc(128), 0, 0}}; });
  compare([&](Arena&) { return Case{nr("waitid"), {p_pid, exiting_child(), 0x10, WEXITED, 0}}; });
}

TEST_CASE("oracle: timer_create and mq_notify read an i386 sigevent", "[oracle]") {
  sigset_t blocked, saved;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR2);
  sigprocmask(SIG_BLOCK, &blocked, &saved);
  // sigevent: sival, signo, notify, then _sigev_un (the thread id first)
  constexpr std::uint32_t sigev_signal = 0, sigev_none = 1, sigev_thread_id = 4;
  auto event = [](Arena& g, std::uint32_t notify, std::uint32_t tid = 0) {
    return put_words(g, {0x7777, u32(SIGUSR2), notify, tid}, 64);
  };
  // Each run's timer fires once, at once; what a native receiver sees must agree.
  std::vector<siginfo_t> fired;
  // The timer a run created: its id is the last thing the case allocated.
  auto created_timer = [](Arena& g) {
    std::int32_t id;
    std::memcpy(&id, g.base + (g.used - 4), 4);
    return reinterpret_cast<timer_t>(std::intptr_t{id});
  };
  auto create = [&](std::uint32_t notify) {
    return [&, notify](Arena& g) {
      const auto ev = event(g, notify);
      const auto id = g.alloc(4);
      return Case{nr("timer_create"),
                  {CLOCK_MONOTONIC, ev, id},
                  {{id, 4, "timer ids are allocated per call"}}};
    };
  };
  auto delete_timer = [&](Arena& g, std::int32_t result) {
    if (result == 0) timer_delete(created_timer(g));
  };
  compare(create(sigev_signal), [&](Arena& g, std::int32_t result) {
    if (result != 0) return;
    const itimerspec soon{{0, 0}, {0, 1}};
    REQUIRE(timer_settime(created_timer(g), 0, &soon, nullptr) == 0);
    fired.push_back(take(SIGUSR2));
    delete_timer(g, result);
  });
  REQUIRE(fired.size() == 2);
  CHECK(fired[0].si_code == SI_TIMER);
  CHECK(fired[1].si_code == SI_TIMER);
  CHECK(fired[1].si_value.sival_int == 0x7777);
  CHECK(fired[0].si_value.sival_int == fired[1].si_value.sival_int);
  compare(create(sigev_none), delete_timer);
  // bad input: a thread id that is not ours, an unknown notify, bad pointers, a bad clock
  compare(
      [&](Arena& g) {
        return Case{nr("timer_create"),
                    {CLOCK_MONOTONIC, event(g, sigev_thread_id, 1), g.alloc(4)}};
      },
      delete_timer);
  compare(
      [&](Arena& g) {
        return Case{nr("timer_create"), {CLOCK_MONOTONIC, event(g, 99), g.alloc(4)}};
      },
      delete_timer);
  compare(
      [&](Arena& g) {
        return Case{nr("timer_create"), {CLOCK_MONOTONIC, 0x10, g.alloc(4)}};
      },
      delete_timer);
  compare(
      [&](Arena& g) {
        return Case{nr("timer_create"), {CLOCK_MONOTONIC, event(g, sigev_none), 0x10}};
      },
      delete_timer);
  compare(
      [&](Arena& g) {
        return Case{nr("timer_create"), {99, event(g, sigev_none), g.alloc(4)}};
      },
      delete_timer);

  // mq_notify: registered, then taken back between the runs
  // The raw mq_open takes the name without glibc's leading slash.
  const std::string queue_name = "syscompat-oracle-" + std::to_string(getpid());
  const int mq =
      static_cast<int>(::syscall(SYS_mq_open, queue_name.c_str(), O_RDWR | O_CREAT, 0600, nullptr));
  REQUIRE(mq >= 0);
  auto unregister = [&](Arena&, std::int32_t) { ::syscall(SYS_mq_notify, mq, nullptr); };
  compare(
      [&](Arena& g) {
        return Case{nr("mq_notify"), {u32(mq), event(g, sigev_signal)}};
      },
      unregister);
  compare([&](Arena& g) { return Case{nr("mq_notify"), {u32(mq), event(g, 99)}}; }, unregister);
  compare([&](Arena&) { return Case{nr("mq_notify"), {u32(mq), 0x10}}; }, unregister);
  compare(
      [&](Arena& g) {
        return Case{nr("mq_notify"), {9999, event(g, sigev_signal)}};
      },
      unregister);
  close(mq);
  ::syscall(SYS_mq_unlink, queue_name.c_str());
  sigprocmask(SIG_SETMASK, &saved, nullptr);
}

TEST_CASE("oracle: stime, without changing the clock", "[oracle]") {
  compare([&](Arena&) { return Case{nr("stime"), {0x10}}; });
  // a negative time: the permission check alone answers (0 for root, EPERM otherwise)
  compare([&](Arena& g) { return Case{nr("stime"), {put_words(g, {0x80000000}, 4)}}; });
}

TEST_CASE("oracle: semctl, msgctl and shmctl, direct and through ipc(), every version",
          "[oracle]") {
  const int queue = msgget(IPC_PRIVATE, 0600);
  const int sem = semget(IPC_PRIVATE, 3, 0600);
  const int shm = shmget(IPC_PRIVATE, 4096, 0600);
  REQUIRE((queue >= 0 && sem >= 0 && shm >= 0));
  REQUIRE(semctl(sem, 1, SETVAL, 5) == 0);
  const std::uint32_t flag = 0x100;  // IPC_64
  // direct calls: each stat, info and plain command, with and without the flag, and junk
  for (int command :
       {IPC_STAT, SEM_STAT, SEM_STAT_ANY, IPC_INFO, SEM_INFO, GETVAL, GETPID, GETNCNT, 99})
    for (std::uint32_t f : {0u, flag})
      compare([&](Arena& g) {
        return Case{nr("semctl"), {u32(sem), 1, u32(command) | f, g.alloc(128)}};
      });
  for (int command : {IPC_STAT, MSG_STAT, MSG_STAT_ANY, IPC_INFO, MSG_INFO, 99})
    for (std::uint32_t f : {0u, flag})
      compare([&](Arena& g) {
        return Case{nr("msgctl"), {u32(queue), u32(command) | f, g.alloc(128)}};
      });
  for (int command : {IPC_STAT, SHM_STAT, SHM_STAT_ANY, IPC_INFO, SHM_INFO, 99})
    for (std::uint32_t f : {0u, flag})
      compare([&](Arena& g) {
        return Case{nr("shmctl"), {u32(shm), u32(command) | f, g.alloc(128)}};
      });
  // GETALL and SETALL: arrays of sem_nsems unsigned shorts
  compare([&](Arena& g) { return Case{nr("semctl"), {u32(sem), 0, GETALL, g.alloc(6)}}; });
  compare([&](Arena& g) {
    return Case{nr("semctl"), {u32(sem), 0, SETALL, put_words(g, {0x00020001, 0x3}, 6)}};
  });
  compare([&](Arena& g) { return Case{nr("semctl"), {u32(sem), 0, GETALL, g.alloc(6)}}; });
  compare([&](Arena&) { return Case{nr("semctl"), {u32(sem), 0, GETALL, 0x10}}; });
  // IPC_SET: mode 0600 again, both versions of the layout through ipc()
  auto set_perm = [&](Arena& g, std::size_t bytes, std::size_t mode_at) {
    const auto at = g.alloc(bytes, 0);
    const std::uint16_t mode = 0600;
    const std::uint32_t uid = getuid(), gid = getgid();
    std::memcpy(g.base + (at - Arena::address(g.base)) + 4, &uid, 4);
    std::memcpy(g.base + (at - Arena::address(g.base)) + 8, &gid, 4);
    std::memcpy(g.base + (at - Arena::address(g.base)) + mode_at, &mode, 2);
    return at;
  };
  compare([&](Arena& g) { return Case{nr("msgctl"), {u32(queue), IPC_SET, set_perm(g, 88, 20)}}; });
  compare([&](Arena& g) { return Case{nr("shmctl"), {u32(shm), IPC_SET, set_perm(g, 84, 20)}}; });
  compare([&](Arena& g) {
    return Case{nr("semctl"), {u32(sem), 0, IPC_SET, set_perm(g, 64, 20)}};
  });
  // through ipc(): the old layouts (no flag) and IPC_64, stat and info
  for (std::uint32_t f : {0u, flag}) {
    compare([&](Arena& g) {
      return Case{nr("ipc"), {14, u32(queue), IPC_STAT | f, 0, g.alloc(128), 0}};
    });
    compare([&](Arena& g) {
      return Case{nr("ipc"), {14, u32(queue), IPC_INFO | f, 0, g.alloc(128), 0}};
    });
    compare([&](Arena& g) {
      return Case{nr("ipc"), {24, u32(shm), IPC_STAT | f, 0, g.alloc(128), 0}};
    });
    compare([&](Arena& g) {
      return Case{nr("ipc"), {24, u32(shm), IPC_INFO | f, 0, g.alloc(128), 0}};
    });
    compare([&](Arena& g) {
      return Case{nr("ipc"), {24, u32(shm), SHM_INFO | f, 0, g.alloc(128), 0}};
    });
    compare([&](Arena& g) {
      const auto buffer = g.alloc(128);
      const auto arg = put_words(g, {buffer}, 4);
      return Case{nr("ipc"), {3, u32(sem), 0, IPC_STAT | f, arg, 0}, {{arg, 4, "a guest pointer"}}};
    });
    compare([&](Arena& g) {
      const auto buffer = g.alloc(64);
      const auto arg = put_words(g, {buffer}, 4);
      return Case{nr("ipc"), {3, u32(sem), 0, SEM_INFO | f, arg, 0}, {{arg, 4, "a guest pointer"}}};
    });
  }
  // the old msqid_ds and shmid_ds for IPC_SET: perm (16-bit ids), msg_qbytes
  compare([&](Arena& g) {
    const auto at = g.alloc(56, 0);
    const std::uint16_t ids[2] = {static_cast<std::uint16_t>(getuid()),
                                  static_cast<std::uint16_t>(getgid())};
    const std::uint16_t mode = 0600, qbytes = 8192;
    std::memcpy(g.base + (at - Arena::address(g.base)) + 4, ids, 4);
    std::memcpy(g.base + (at - Arena::address(g.base)) + 12, &mode, 2);
    std::memcpy(g.base + (at - Arena::address(g.base)) + 44, &qbytes, 2);
    return Case{nr("ipc"), {14, u32(queue), IPC_SET, 0, at, 0}};
  });
  // bad input: negative ids and commands, bad buffers
  compare([&](Arena& g) { return Case{nr("msgctl"), {0xffffffff, IPC_STAT, g.alloc(128)}}; });
  compare([&](Arena& g) { return Case{nr("shmctl"), {u32(shm), 0xffffffff, g.alloc(128)}}; });
  compare([&](Arena&) { return Case{nr("shmctl"), {u32(shm), IPC_STAT, 0x10}}; });
  compare([&](Arena&) { return Case{nr("semctl"), {u32(sem), 0, IPC_SET, 0x10}}; });
  msgctl(queue, IPC_RMID, nullptr);
  semctl(sem, 0, IPC_RMID);
  shmctl(shm, IPC_RMID, nullptr);
}

TEST_CASE("oracle: the NUMA policy calls carry node masks of 32-bit words", "[oracle]") {
  constexpr std::uint32_t mpol_default = 0, mpol_bind = 2, mpol_f_node = 1, mpol_f_addr = 2;
  auto reset = [](Arena&, std::int32_t) { ::syscall(SYS_set_mempolicy, mpol_default, nullptr, 0); };
  // get_mempolicy over mask sizes around the word boundaries, past the machine's own mask,
  // past a page (EINVAL), and 0 (which wraps)
  for (std::uint32_t maxnode : {0u, 1u, 2u, 32u, 33u, 64u, 65u, 128u, 1000u, 32769u, 40000u}) {
    INFO("maxnode " << maxnode);
    compare([&](Arena& g) {
      return Case{nr("get_mempolicy"), {g.alloc(4), g.alloc(5000), maxnode, 0, 0}};
    });
  }
  compare([&](Arena& g) { return Case{nr("get_mempolicy"), {0x10, g.alloc(16), 64, 0, 0}}; });
  compare([&](Arena& g) { return Case{nr("get_mempolicy"), {g.alloc(4), 0x10, 64, 0, 0}}; });
  compare([&](Arena& g) {
    const auto page = g.alloc(4096);
    return Case{nr("get_mempolicy"),
                {g.alloc(4), g.alloc(16), 64, page, mpol_f_node | mpol_f_addr}};
  });
  // set_mempolicy and mbind: node 0, then masks with stray bits and bad pointers
  for (std::uint32_t maxnode : {2u, 33u, 65u})
    compare(
        [&](Arena& g) {
          return Case{nr("set_mempolicy"), {mpol_bind, put_words(g, {1, 0, 0}, 12), maxnode}};
        },
        reset);
  compare(
      [&](Arena& g) {
        return Case{nr("set_mempolicy"), {mpol_bind, put_words(g, {0}, 4), 2}};
      },
      reset);
  compare(
      [&](Arena& g) {
        const auto mask = g.alloc(512, 0);
        g.base[mask - Arena::address(g.base) + 400] = 1;  // node 3200: past MAX_NUMNODES
        return Case{nr("set_mempolicy"), {mpol_bind, mask, 4000}};
      },
      reset);
  compare([&](Arena&) { return Case{nr("set_mempolicy"), {mpol_bind, 0x10, 2}}; }, reset);
  compare([&](Arena&) { return Case{nr("set_mempolicy"), {99, 0x10, 2}}; }, reset);
  compare([&](Arena& g) {
    const auto page = (g.alloc(8192) + 4095) & ~4095u;
    return Case{nr("mbind"), {page, 4096, mpol_bind, put_words(g, {1}, 4), 2, 0}};
  });
  compare([&](Arena& g) {
    const auto page = (g.alloc(8192) + 4095) & ~4095u;
    return Case{nr("mbind"), {page, 4096, mpol_bind, 0x10, 2, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("migrate_pages"), {0, 2, put_words(g, {1}, 4), put_words(g, {1}, 4)}};
  });
  compare([&](Arena& g) { return Case{nr("migrate_pages"), {0, 2, 0x10, put_words(g, {1}, 4)}}; });
}

TEST_CASE("oracle: io_setup's ring placed below 4 GB by the process owner", "[oracle]") {
  KernelBackedOwner owner;
  std::vector<int> destroyed;
  // Each run's context names its own ring: masked; destroying it must work, which proves the
  // kernel followed the ring to where the owner placed it.
  auto destroy = [&](Arena& g, std::int32_t result) {
    if (result != 0) return;
    std::uint32_t context;
    std::memcpy(&context, g.base + (g.used - 4), 4);
    CHECK(context != 0);
    destroyed.push_back(static_cast<int>(::syscall(SYS_io_destroy, std::uint64_t{context})));
  };
  auto setup = [&](std::uint32_t events, std::uint32_t initial = 0) {
    return [=](Arena& g) {
      const auto context = put_words(g, {initial}, 4);
      return Case{
          nr("io_setup"), {events, context}, {{context, 4, "each run's ring is mapped anew"}}};
    };
  };
  compare(setup(16), destroy, &owner);
  compare(setup(1000), destroy, &owner);
  REQUIRE(destroyed == std::vector<int>{0, 0, 0, 0});
  // bad input: a context that is not 0, no events, a bad pointer, too many events
  compare(setup(16, 5), destroy, &owner);
  compare(setup(0), destroy, &owner);
  compare([](Arena&) { return Case{nr("io_setup"), {16, 0x10}}; }, destroy, &owner);
  compare(setup(0x7fffffff), destroy, &owner);
  CHECK(destroyed.size() == 4);
}

namespace {

// A child stopped under our trace, as each run of a ptrace case needs its own; when it
// goes on, it runs `then`.
pid_t stopped_tracee(void (*then)() = nullptr) {
  const pid_t child = fork();
  if (child == 0) {
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    raise(SIGSTOP);
    if (then) then();
    _exit(0);
  }
  int status;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSTOPPED(status));
  return child;
}
}  // namespace

TEST_CASE("oracle: ptrace of 32-bit words, siginfo and event messages", "[oracle]") {
  // Words each tracee inherits, below 4 GB where a 32-bit tracer can name them.
  auto* traced_words = static_cast<std::uint32_t*>(
      mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0));
  REQUIRE(traced_words != MAP_FAILED);
  const std::uint32_t initial[4] = {0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00};
  std::memcpy(traced_words, initial, sizeof initial);
  pid_t child = -1;
  auto tracee = [&] { return u32(child = stopped_tracee()); };
  auto end = [&](Arena&, std::int32_t) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  const auto word = u32(reinterpret_cast<std::uintptr_t>(&traced_words[1]));
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_PEEKDATA, tracee(), word, g.alloc(4)}};
      },
      end);
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_PEEKTEXT, tracee(), word + 2, g.alloc(4)}};
      },
      end);
  // POKEDATA writes four bytes only: read back what the tracee holds around them
  std::vector<std::array<std::uint32_t, 3>> after_poke;
  compare(
      [&](Arena&) {
        return Case{nr("ptrace"), {PTRACE_POKEDATA, tracee(), word, 0xcafef00d}};
      },
      [&](Arena& g, std::int32_t result) {
        CHECK(result == 0);
        std::array<std::uint32_t, 3> seen{};
        for (std::size_t i = 0; i < 3; ++i)
          seen[i] =
              static_cast<std::uint32_t>(ptrace(PTRACE_PEEKDATA, child, &traced_words[i], nullptr));
        after_poke.push_back(seen);
        end(g, result);
      });
  REQUIRE(after_poke.size() == 2);
  CHECK(after_poke[0] == after_poke[1]);
  CHECK(after_poke[1][1] == 0xcafef00d);
  CHECK(after_poke[1][2] == 0x99aabbcc);
  // the stop's siginfo (SIGSTOP from raise: SI_TKILL, the _kill layout)
  compare(
      [&](Arena& g) {
        const auto info = g.alloc(128);
        return Case{nr("ptrace"),
                    {PTRACE_GETSIGINFO, tracee(), 0, info},
                    {{info + 12, 4, "each run's tracee pid"}}};
      },
      end);
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_GETEVENTMSG, tracee(), 0, g.alloc(4)}};
      },
      end);
  compare(
      [&](Arena&) {
        return Case{nr("ptrace"), {PTRACE_SETOPTIONS, tracee(), 0, PTRACE_O_TRACESYSGOOD}};
      },
      end);
  compare(
      [&](Arena& g) {
        return Case{
            nr("ptrace"),
            {PTRACE_SETSIGINFO, tracee(), 0, put_words(g, {u32(SIGUSR1), 0, 0, 1, 0}, 128)}};
      },
      end);
  // bad input: a bad address in the tracee, a bad result pointer, not our tracee, an unknown
  // request
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_PEEKDATA, tracee(), 0x10, g.alloc(4)}};
      },
      end);
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_PEEKDATA, tracee(), word, 0x10}}; }, end);
  compare([&](Arena& g) { return Case{nr("ptrace"), {PTRACE_PEEKDATA, 1, word, g.alloc(4)}}; });
  compare([&](Arena& g) { return Case{nr("ptrace"), {0x7777, tracee(), 0, g.alloc(4)}}; }, end);
  // the last words below 4 GB: past a 32-bit tracee's address space (EIO)
  for (std::uint32_t top : {0xfffffffcu, 0xffffdffeu, 0xfffff000u})
    for (long request : {PTRACE_PEEKDATA, PTRACE_POKEDATA})
      compare(
          [&](Arena& g) {
            return Case{nr("ptrace"),
                        {static_cast<std::uint32_t>(request), tracee(), top,
                         request == PTRACE_PEEKDATA ? g.alloc(4) : 0x1234u}};
          },
          end);
  munmap(traced_words, 4096);
}

TEST_CASE("oracle: ptrace's general registers, getreg32 and putreg32", "[oracle]") {
  pid_t child = -1;
  auto tracee = [&] { return u32(child = stopped_tracee()); };
  auto end = [&](Arena&, std::int32_t) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  // A 64-bit tracee stopped in raise(): each register's low half. tgkill's arguments, and
  // the ids raise() keeps in rbx and rbp, are each run's tracee's.
  compare(
      [&](Arena& g) {
        const auto regs = g.alloc(68);
        return Case{nr("ptrace"),
                    {PTRACE_GETREGS, tracee(), 0, regs},
                    {{regs, 4, "raise's tid, each run's tracee"},
                     {regs + 12, 12, "tgkill's pid and tid, raise's tid: each run's tracee"}}};
      },
      end);
  // SETREGS: every i386 register set, then the tracee's 64-bit registers read back
  // natively: the upper halves of the eight the i386 struct has are cleared, r8-r15 kept,
  // the FS and GS bases those of the selectors written (null ones: 0), the same in both runs.
  std::vector<user_regs_struct> after;
  const std::uint32_t eip = 0x12345678;
  compare(
      [&](Arena& g) {
        return Case{
            nr("ptrace"),
            {PTRACE_SETREGS, tracee(), 0,
             put_words(g,
                       {0x01010101, 0x02020202, 0x03030303, 0x04040404, 0x05050505, 0x86060606,
                        0xfffffff0, 0, 0, 0, 0, 0xffffffff, eip, 0x33, 0x246, 0x87654320, 0x2b},
                       68)}};
      },
      [&](Arena& g, std::int32_t result) {
        CHECK(result == 0);
        user_regs_struct regs{};
        CHECK(ptrace(PTRACE_GETREGS, child, nullptr, &regs) == 0);
        after.push_back(regs);
        end(g, result);
      });
  REQUIRE(after.size() == 2);
  for (std::size_t i = 0; i < sizeof(user_regs_struct) / 8; ++i) {
    INFO("register " << i);
    CHECK(reinterpret_cast<const std::uint64_t*>(&after[0])[i] ==
          reinterpret_cast<const std::uint64_t*>(&after[1])[i]);
  }
  CHECK(after[1].rip == eip);
  CHECK(after[1].rbp == 0x86060606);  // zero-extended, not sign-extended
  CHECK(after[1].orig_rax == 0xffffffff);
  CHECK(after[1].fs_base == 0);
  // bad input: a bad buffer each way, a process that is not our tracee, a bad selector
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_GETREGS, tracee(), 0, 0x10}}; }, end);
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_SETREGS, tracee(), 0, 0x10}}; }, end);
  compare([&](Arena& g) { return Case{nr("ptrace"), {PTRACE_GETREGS, 1, 0, g.alloc(68)}}; });
  compare(
      [&](Arena& g) {
        return Case{
            nr("ptrace"),
            {PTRACE_SETREGS, tracee(), 0,
             put_words(g, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, eip, 0x7, 0x246, 0, 0x2b}, 68)}};
      },
      end);
}

namespace {

// x87 registers of every tag (a NaN: special; pi: valid; 1: valid; 0: zero; four empty) and
// xmm8, which a 32-bit tracer has not, all ones; the other SSE registers 0 (a child inherits
// the parent's, which differ run to run).
// The AVX and AVX-512 state (NT_X86_XSTATE's) zeroed first: a child inherits the parent's.
[[gnu::always_inline]] inline void load_fpu_state() {
  static const double not_a_number = __builtin_nan("");
  if (__builtin_cpu_supports("avx")) asm volatile("vzeroall");
  if (__builtin_cpu_supports("avx512f"))
    asm volatile(
        "vpxord %zmm16, %zmm16, %zmm16; vpxord %zmm17, %zmm17, %zmm17\n"
        "vpxord %zmm18, %zmm18, %zmm18; vpxord %zmm19, %zmm19, %zmm19\n"
        "vpxord %zmm20, %zmm20, %zmm20; vpxord %zmm21, %zmm21, %zmm21\n"
        "vpxord %zmm22, %zmm22, %zmm22; vpxord %zmm23, %zmm23, %zmm23\n"
        "vpxord %zmm24, %zmm24, %zmm24; vpxord %zmm25, %zmm25, %zmm25\n"
        "vpxord %zmm26, %zmm26, %zmm26; vpxord %zmm27, %zmm27, %zmm27\n"
        "vpxord %zmm28, %zmm28, %zmm28; vpxord %zmm29, %zmm29, %zmm29\n"
        "vpxord %zmm30, %zmm30, %zmm30; vpxord %zmm31, %zmm31, %zmm31\n"
        "kxorw %k0, %k0, %k0; kxorw %k1, %k1, %k1; kxorw %k2, %k2, %k2; kxorw %k3, %k3, %k3\n"
        "kxorw %k4, %k4, %k4; kxorw %k5, %k5, %k5; kxorw %k6, %k6, %k6; kxorw %k7, %k7, %k7");
  asm volatile(
      "pxor %%xmm0, %%xmm0; pxor %%xmm1, %%xmm1; pxor %%xmm2, %%xmm2; pxor %%xmm3, %%xmm3\n"
      "pxor %%xmm4, %%xmm4; pxor %%xmm5, %%xmm5; pxor %%xmm6, %%xmm6; pxor %%xmm7, %%xmm7\n"
      "pcmpeqd %%xmm8, %%xmm8; pxor %%xmm9, %%xmm9; pxor %%xmm10, %%xmm10\n"
      "pxor %%xmm11, %%xmm11; pxor %%xmm12, %%xmm12; pxor %%xmm13, %%xmm13\n"
      "pxor %%xmm14, %%xmm14; pxor %%xmm15, %%xmm15\n"
      "fninit; fldz; fld1; fldpi; fldl %0"
      :
      : "m"(not_a_number)
      : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
        "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "st", "st(1)", "st(2)", "st(3)");
}

// A child stopped under our trace with the FPU state load_fpu_state gives.
pid_t stopped_fpu_tracee() {
  const pid_t child = fork();
  if (child == 0) {
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    load_fpu_state();
    raise(SIGSTOP);
    _exit(0);
  }
  int status;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSTOPPED(status));
  return child;
}

// What a tracee holds after a write, read natively: the words that must agree between the
// two runs.
std::vector<std::uint64_t> native_words(pid_t child,
                                        std::initializer_list<std::size_t> user_offsets) {
  std::vector<std::uint64_t> words;
  for (std::size_t offset : user_offsets) {
    errno = 0;
    const long word = ptrace(PTRACE_PEEKUSER, child, offset, nullptr);
    words.push_back(errno ? 0xdead0000u + errno : static_cast<std::uint64_t>(word));
  }
  return words;
}

}  // namespace

// PEEKUSR and POKEUSR of a 32-bit tracer address struct user32 (getreg32/putreg32): the
// registers' low halves, the debug registers (ptrace_get_debugreg/ptrace_set_debugreg), 0
// for the other fields, EIO past the struct or off a word.
TEST_CASE("oracle: ptrace's user area, getreg32 and putreg32", "[oracle]") {
  pid_t child = -1;
  auto tracee = [&] { return u32(child = stopped_tracee()); };
  auto end = [&](Arena&, std::int32_t) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  // every register (those holding each run's tracee's ids masked, as for GETREGS), the
  // dummy fields, each debug register and an offset inside one, the end of the struct
  for (std::uint32_t offset :
       {0u,   4u,   8u,   12u,  16u,  20u,  24u,  28u,  32u,  36u,  40u,  44u,
        48u,  52u,  56u,  60u,  64u,  68u,  72u,  180u, 216u, 248u, 252u, 256u,
        264u, 268u, 272u, 276u, 280u, 253u, 282u, 284u, 285u, 288u, 2u,   0x10000u}) {
    INFO("PEEKUSR " << offset);
    const bool ids = offset == 0 || offset == 12 || offset == 16 || offset == 20;
    compare(
        [&](Arena& g) {
          const auto word = g.alloc(4);
          Case c{nr("ptrace"), {PTRACE_PEEKUSER, tracee(), offset, word}};
          if (ids) c.masks.push_back({word, 4, "raise's and tgkill's ids, each run's tracee"});
          return c;
        },
        end);
  }
  // POKEUSR, then what the tracee holds natively: the register written (and the base of a
  // segment), the debug registers
  const std::size_t rax = offsetof(user_regs_struct, rax), rip = offsetof(user_regs_struct, rip),
                    orig_rax = offsetof(user_regs_struct, orig_rax),
                    eflags = offsetof(user_regs_struct, eflags),
                    ds = offsetof(user_regs_struct, ds), fs = offsetof(user_regs_struct, fs),
                    gs = offsetof(user_regs_struct, gs),
                    fs_base = offsetof(user_regs_struct, fs_base),
                    gs_base = offsetof(user_regs_struct, gs_base),
                    cs = offsetof(user_regs_struct, cs), ss = offsetof(user_regs_struct, ss);
  auto debugreg = [](std::size_t n) { return offsetof(struct user, u_debugreg) + 8 * n; };
  struct Poke {
    std::uint32_t offset, value;
    std::vector<std::size_t> native;
  };
  const std::vector<Poke> pokes = {
      {24, 0x12345678, {rax}},
      {48, 0x87654321, {rip}},
      {44, 0xffffffff, {orig_rax}},
      {44, 5, {orig_rax}},
      {56, 0x00000ed7, {eflags}},  // every flag: the ones a tracer may set change
      {28, 0x2b, {ds}},
      {36, 0, {fs, fs_base}},
      {40, 0x2b, {gs, gs_base}},
      {36, 0x8, {fs, fs_base}},  // privilege level 0: EIO, nothing changed
      {52, 0, {cs}},             // a null cs: EIO
      {64, 0x10, {ss}},
      {252, 0x10000, {debugreg(0), debugreg(7)}},
      {280, 0x1, {debugreg(0), debugreg(7)}},  // enables DR0, an execute breakpoint of 1 byte
      {256, 0x20000, {debugreg(1)}},
      {255, 0x30000, {debugreg(0)}},           // inside DR0's word: DR0
      {268, 0x1, {debugreg(0), debugreg(7)}},  // DR4: EIO
      {276, 0, {debugreg(6)}},
      {72, 0x1234, {rax}},        // a dummy field: ignored
      {284, 0x1234, {rax}},       // just past the struct: ignored too (the kernel's `>`)
      {285, 0x1234, {rax}},       // EIO
      {0x10000, 0x1234, {rax}}};  // EIO
  for (const Poke& poke : pokes) {
    INFO("POKEUSR " << poke.offset << " = " << poke.value);
    std::vector<std::vector<std::uint64_t>> after;
    compare(
        [&](Arena&) {
          return Case{nr("ptrace"), {PTRACE_POKEUSER, tracee(), poke.offset, poke.value}};
        },
        [&](Arena& g, std::int32_t result) {
          std::vector<std::uint64_t> words;
          for (std::size_t offset : poke.native)
            words.push_back(native_words(child, {offset}).front());
          after.push_back(words);
          end(g, result);
        });
    REQUIRE(after.size() == 2);
    CHECK(after[0] == after[1]);
  }
  // bad input: not our tracee (for a dummy field too: ptrace_check_attach comes first), a
  // bad result pointer
  compare([&](Arena& g) { return Case{nr("ptrace"), {PTRACE_PEEKUSER, 1, 72, g.alloc(4)}}; });
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_POKEUSER, 1, 72, 0}}; });
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_PEEKUSER, tracee(), 24, 0x10}}; }, end);
}

// GETFPREGS/SETFPREGS of a 32-bit tracer: the i387 fsave image the kernel converts from and
// to the fxsave one (convert_from_fxsr, convert_to_fxsr, the tag word both ways);
// GETFPXREGS/SETFPXREGS: the fxsave image, xmm8-15 cleared on a write.
TEST_CASE("oracle: ptrace's FPU registers, fsave and fxsave images", "[oracle]") {
  pid_t child = -1;
  auto tracee = [&] { return u32(child = stopped_fpu_tracee()); };
  auto end = [&](Arena&, std::int32_t) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_GETFPREGS, tracee(), 0, g.alloc(108)}};
      },
      end);
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_GETFPXREGS, tracee(), 0, g.alloc(512)}};
      },
      end);
  // Writes, then the tracee's fxsave image read natively: the same in both runs.
  std::vector<user_fpregs_struct> after;
  auto read_back = [&](Arena& g, std::int32_t result) {
    user_fpregs_struct fx{};
    CHECK(ptrace(PTRACE_GETFPREGS, child, nullptr, &fx) == 0);
    after.push_back(fx);
    end(g, result);
  };
  auto same_after = [&] {
    REQUIRE(after.size() == 2);
    const auto* a = reinterpret_cast<const unsigned char*>(&after[0]);
    const auto* b = reinterpret_cast<const unsigned char*>(&after[1]);
    for (std::size_t i = 0; i < sizeof after[0]; ++i) {
      INFO("fxsave byte " << i);
      if (a[i] != b[i]) {
        CHECK(int(b[i]) == int(a[i]));
        break;
      }
    }
  };
  // fsave: control word, status word (top 6), a tag word of every kind, the offsets and
  // selectors (fop in fcs's upper half), eight registers
  std::vector<std::uint32_t> fsave = {0xffff027f, 0xffff3000, 0xffff1b4e, 0x08049000,
                                      0x07ff0023, 0x0804a000, 0xffff002b};
  for (std::uint32_t i = 0; i < 20; ++i) fsave.push_back(0x3fff8000u + 0x01010101u * i);
  auto put_fsave = [&](Arena& g) {
    const auto at = g.alloc(108);
    std::memcpy(g.base + (at - Arena::address(g.base)), fsave.data(), 108);
    return at;
  };
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_SETFPREGS, tracee(), 0, put_fsave(g)}};
      },
      read_back);
  same_after();
  CHECK(after[1].cwd == 0x027f);
  CHECK(after[1].fop == 0x07ff);
  CHECK(after[1].rip == 0x08049000);
  CHECK(after[1].rdp == 0x0804a000);
  // fxsave: SSE state included; xmm8-15 (all ones in the tracee) cleared
  after.clear();
  auto put_fxsave = [&](Arena& g, std::uint32_t mxcsr) {
    const auto at = g.alloc(512, 0x5a);
    auto* image = g.base + (at - Arena::address(g.base));
    std::memset(image, 0, 32);
    const std::uint16_t control = 0x037f;
    std::memcpy(image, &control, 2);
    std::memcpy(image + 24, &mxcsr, 4);
    std::memset(image + 28, 0, 4);  // mxcsr_mask
    return at;
  };
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_SETFPXREGS, tracee(), 0, put_fxsave(g, 0x1f80)}};
      },
      read_back);
  same_after();
  CHECK(after[1].mxcsr == 0x1f80);
  CHECK(after[1].xmm_space[0] == 0x5a5a5a5a);
  CHECK(after[1].xmm_space[32] == 0);  // xmm8
  CHECK(after[1].xmm_space[63] == 0);  // xmm15
  // bad input: an mxcsr with reserved bits (EINVAL), bad pointers each way, not our tracee
  compare(
      [&](Arena& g) {
        return Case{nr("ptrace"), {PTRACE_SETFPXREGS, tracee(), 0, put_fxsave(g, 0xffffffff)}};
      },
      end);
  for (long request : {PTRACE_GETFPREGS, PTRACE_SETFPREGS, PTRACE_GETFPXREGS, PTRACE_SETFPXREGS}) {
    INFO("request " << request);
    compare(
        [&](Arena&) {
          return Case{nr("ptrace"), {static_cast<std::uint32_t>(request), tracee(), 0, 0x10}};
        },
        end);
    compare([&](Arena& g) {
      return Case{nr("ptrace"), {static_cast<std::uint32_t>(request), 1, 0, g.alloc(512)}};
    });
  }
}

namespace {

// 32-bit code for stopped_32bit_tracee: known values in every general register, then int3
// (the stop), then a loop.
constexpr std::uint8_t compat_code[] = {0xbb, 0x11, 0x11, 0x11, 0x11,  // mov $0x11111111, %ebx
                                        0xb9, 0x22, 0x22, 0x22, 0x22,  // mov $0x22222222, %ecx
                                        0xba, 0x33, 0x33, 0x33, 0x33,  // mov $0x33333333, %edx
                                        0xbe, 0x44, 0x44, 0x44, 0x44,  // mov $0x44444444, %esi
                                        0xbf, 0x55, 0x55, 0x55, 0x55,  // mov $0x55555555, %edi
                                        0xbd, 0x66, 0x66, 0x66, 0x66,  // mov $0x66666666, %ebp
                                        0xb8, 0x77, 0x77, 0x77, 0x77,  // mov $0x77777777, %eax
                                        0xbc, 0x00, 0xf0, 0x04, 0x08,  // mov $0x0804f000, %esp
                                        0xcc,                          // int3
                                        0xeb, 0xfe};                   // jmp .
constexpr std::size_t tls_desc_offset = 0x800;  // the user_desc set_thread_area takes

// A page below 4 GB with compat_code, mapped once so that every child runs it at the same
// address.
std::uint8_t* compat_code_page() {
  static std::uint8_t* page = [] {
    void* p = mmap(nullptr, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    REQUIRE(p != MAP_FAILED);
    std::memcpy(p, compat_code, sizeof compat_code);
    return static_cast<std::uint8_t*>(p);
  }();
  return page;
}

// A child stopped under our trace in 32-bit code (CS 0x23: user_x86_32_view's regsets), at
// compat_code's int3, with load_fpu_state's FPU, a GDT TLS entry (set_thread_area through
// int $0x80: base 0x12345000, 4 GiB, 32-bit, useable) and, where it may have one, an I/O
// bitmap, NT_386_IOPERM's 8 KiB (ioperm needs CAP_SYS_RAWIO and a kernel with
// CONFIG_X86_IOPL_IOPERM; this machine's answers ENOSYS, so NT_386_IOPERM is ENXIO here).
pid_t stopped_32bit_tracee() {
  std::uint8_t* page = compat_code_page();
  const std::uint32_t set_thread_area = nr("set_thread_area"), ioperm = nr("ioperm");
  const pid_t child = fork();
  if (child == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // its loop must not outlive a test that dies
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    const std::uint32_t desc[4] = {0xffffffff, 0x12345000, 0xfffff, 0x51};
    std::memcpy(page + tls_desc_offset, desc, sizeof desc);
    if (int80(set_thread_area, {u32(reinterpret_cast<std::uintptr_t>(page + tls_desc_offset))}))
      _exit(1);
    int80(ioperm, {0x80, 1, 1});
    load_fpu_state();
    asm volatile("pushq $0x23; pushq %0; lretq" : : "r"(reinterpret_cast<std::uint64_t>(page)));
    __builtin_unreachable();
  }
  int status;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSTOPPED(status));
  REQUIRE(WSTOPSIG(status) == SIGTRAP);
  return child;
}

// A tracee's state read natively after a write: its x86_64 registers, fxsave image and GDT
// TLS entries, the same in both runs. An x86_64 tracee stopped in raise() has each run's
// ids in rbp, rbx, rsi and rdi: those are left out.
std::vector<std::uint8_t> native_state(pid_t child, bool ids_in_registers) {
  user_regs_struct regs{};
  user_fpregs_struct fx{};
  CHECK(ptrace(PTRACE_GETREGS, child, nullptr, &regs) == 0);
  CHECK(ptrace(PTRACE_GETFPREGS, child, nullptr, &fx) == 0);
  if (ids_in_registers) regs.rbp = regs.rbx = regs.rsi = regs.rdi = 0;
  std::vector<std::uint8_t> state(sizeof regs + sizeof fx);
  std::memcpy(state.data(), &regs, sizeof regs);
  std::memcpy(state.data() + sizeof regs, &fx, sizeof fx);
  for (long entry = 12; entry < 15; ++entry) {
    std::uint32_t desc[4] = {};
    const long got = ptrace(PTRACE_GET_THREAD_AREA, child, entry, desc);
    state.push_back(static_cast<std::uint8_t>(got));
    state.insert(state.end(), reinterpret_cast<std::uint8_t*>(desc),
                 reinterpret_cast<std::uint8_t*>(desc) + sizeof desc);
  }
  return state;
}

constexpr std::uint32_t nt_unknown = 0x999;
// where native_state's ids lie in x86_64's user_regs_struct: rbp and rbx, rsi and rdi
constexpr std::uint32_t ids_at = offsetof(user_regs_struct, rbp),
                        more_ids_at = offsetof(user_regs_struct, rsi);
static_assert(offsetof(user_regs_struct, rbx) == ids_at + 8 &&
              offsetof(user_regs_struct, rdi) == more_ids_at + 8);

}  // namespace

// GETREGSET and SETREGSET of a 32-bit tracer (compat_ptrace_request: a compat_iovec, its
// length written back; ptrace_regset: the regsets of the *tracee's* view, an x86_64 tracee's
// 64-bit ones, a tracee in 32-bit code user_x86_32_view's), each length rule: clamped to the
// regset, EINVAL off its element size or for a type the view lacks, EFAULT for a bad iovec
// or buffer.
TEST_CASE("oracle: ptrace's regsets through a compat iovec", "[oracle]") {
  pid_t child = -1;
  auto end = [&](Arena&, std::int32_t) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  struct Tracee {
    const char* name;
    std::function<pid_t()> stop;
    bool compat;
  };
  const Tracee tracees[] = {{"x86_64 tracee", stopped_fpu_tracee, false},
                            {"tracee in 32-bit code", stopped_32bit_tracee, true}};
  for (const Tracee& kind : tracees) {
    INFO(kind.name);
    auto tracee = [&] { return u32(child = kind.stop()); };
    // reads: each regset, the whole of it (a longer length clamped), a part, none, a length
    // off its element size, and one past 64 KiB off it too (regset_room's remainder)
    // (the length written back, each run's, kept for the checks below)
    std::vector<std::uint32_t> lengths;
    std::uint32_t iov = 0;
    auto length_then_end = [&](Arena& g, std::int32_t result) {
      std::uint32_t length;
      std::memcpy(&length, g.base + (iov + 4 - Arena::address(g.base)), 4);
      lengths.push_back(length);
      end(g, result);
    };
    for (std::uint32_t type : {u32(NT_PRSTATUS), u32(NT_PRFPREG), u32(NT_PRXFPREG),
                               u32(NT_X86_XSTATE), u32(NT_386_TLS), u32(NT_386_IOPERM), nt_unknown})
      for (std::uint32_t length : {16384u, 16u, 0u, 6u, 0x20006u}) {
        INFO("GETREGSET " << type << ", " << length << " bytes");
        compare(
            [&](Arena& g) {
              const auto buffer = g.alloc(16384);
              iov = put_words(g, {buffer, length}, 8);
              Case c{nr("ptrace"),
                     {PTRACE_GETREGSET, tracee(), type, iov},
                     {{iov, 4, "the buffer's address, each run's arena"}}};
              if (!kind.compat && type == NT_PRSTATUS) {
                c.masks.push_back({buffer, ids_at, "r15-r12: the test's frames, each run's"});
                for (std::uint32_t at : {buffer + ids_at, buffer + more_ids_at})
                  c.masks.push_back({at, 16, "raise's ids (native_state), each run's tracee"});
              }
              return c;
            },
            length_then_end);
      }
    // the whole of each regset: the tracee's view, not the tracer's (216 bytes of x86_64
    // registers for an x86_64 tracee), the xsave image as large for both
    REQUIRE(lengths.size() == 7 * 5 * 2);
    CHECK(lengths[0] == (kind.compat ? 68u : 216u));     // NT_PRSTATUS
    CHECK(lengths[10] == (kind.compat ? 108u : 512u));   // NT_PRFPREG
    CHECK(lengths[20] == (kind.compat ? 512u : 16384));  // NT_PRXFPREG: x86_64's has none
    CHECK(lengths[30] >= 576);                           // NT_X86_XSTATE
    CHECK(lengths[40] == (kind.compat ? 48u : 16384));   // NT_386_TLS: 3 user_desc
    CHECK(lengths[12] == 16);                            // a part
    // bad input: a bad iovec, a bad buffer (and none with length 0), not our tracee (before
    // the iovec is read)
    compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_GETREGSET, tracee(), 1, 0x10}}; }, end);
    for (std::uint32_t length : {68u, 0u})
      compare(
          [&](Arena& g) {
            return Case{nr("ptrace"),
                        {PTRACE_GETREGSET, tracee(), 1, put_words(g, {0x10, length}, 8)}};
          },
          end);
  }
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_GETREGSET, 1, 1, 0x10}}; });
  compare([&](Arena&) { return Case{nr("ptrace"), {PTRACE_SETREGSET, 1, 1, 0x10}}; });
}

TEST_CASE("oracle: ptrace's regsets written through a compat iovec", "[oracle]") {
  pid_t child = -1;
  // Writes, then the tracee's state read natively: the same in both runs.
  std::vector<std::vector<std::uint8_t>> after;
  bool compat = true;
  auto read_back = [&](Arena&, std::int32_t) {
    after.push_back(native_state(child, !compat));
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  // the regset's bytes: `fill` writes them given the tracee; data 0x10 for a bad buffer
  using Fill = std::function<void(std::uint8_t*, pid_t)>;
  // a tracee in 32-bit code (compat) or an x86_64 one
  auto set = [&](bool in_32bit_code, std::uint32_t type, std::uint32_t length, const Fill& fill,
                 std::uint32_t data = 0) {
    INFO("SETREGSET " << type << ", " << length << " bytes, 32-bit tracee " << in_32bit_code);
    after.clear();
    compat = in_32bit_code;
    compare(
        [&](Arena& g) {
          child = compat ? stopped_32bit_tracee() : stopped_fpu_tracee();
          const auto buffer = g.alloc(16384, 0);
          if (fill) fill(g.base + (buffer - Arena::address(g.base)), child);
          const auto iov = put_words(g, {data ? data : buffer, length}, 8);
          Case c{nr("ptrace"),
                 {PTRACE_SETREGSET, u32(child), type, iov},
                 {{iov, 4, "the buffer's address, each run's arena"}}};
          if (!compat && type == NT_PRSTATUS)
            for (std::uint32_t at : {buffer + ids_at, buffer + more_ids_at})
              c.masks.push_back({at, 16, "raise's ids (native_state), each run's tracee"});
          return c;
        },
        read_back);
    REQUIRE(after.size() == 2);
    REQUIRE(after[0].size() == after[1].size());
    for (std::size_t i = 0; i < after[0].size(); ++i) {
      INFO("state byte " << i << " (registers, fxsave image, TLS entries)");
      if (after[0][i] != after[1][i]) {
        CHECK(int(after[1][i]) == int(after[0][i]));
        break;
      }
    }
  };
  auto words = [](std::initializer_list<std::uint32_t> list) {
    return [values = std::vector<std::uint32_t>(list)](std::uint8_t* bytes, pid_t) {
      std::size_t i = 0;
      for (std::uint32_t w : values) std::memcpy(bytes + 4 * i++, &w, 4);
    };
  };
  // an fxsave image: control word, mxcsr 0x1f80, the registers 0x5a (xmm8-15 too)
  auto fxsave = [](std::uint8_t* bytes, pid_t) {
    std::memset(bytes, 0x5a, 512);
    std::memset(bytes, 0, 32);
    const std::uint16_t control = 0x037f;
    const std::uint32_t mxcsr = 0x1f80;
    std::memcpy(bytes, &control, 2);
    std::memcpy(bytes + 24, &mxcsr, 4);
  };
  // the tracee's own xsave image, read natively, with its SSE registers 0x5a
  std::uint32_t xstate_size = 0;
  auto xstate = [&](std::uint8_t* bytes, pid_t tracee) {
    iovec native{bytes, 16384};
    REQUIRE(ptrace(PTRACE_GETREGSET, tracee, NT_X86_XSTATE, &native) == 0);
    xstate_size = static_cast<std::uint32_t>(native.iov_len);
    std::memset(bytes + 160, 0x5a, 256);
  };
  auto xmm = [&](std::size_t n) {  // after[1]'s xmm register n, first word
    std::uint32_t word;
    std::memcpy(&word,
                after[1].data() + sizeof(user_regs_struct) +
                    offsetof(user_fpregs_struct, xmm_space) + 16 * n,
                4);
    return word;
  };
  // a tracee in 32-bit code: user_x86_32_view
  const std::uint32_t eip = 0x12345678;
  set(true, NT_PRSTATUS, 68,
      words({0x01010101, 0x02020202, 0x03030303, 0x04040404, 0x05050505, 0x86060606, 0xfffffff0,
             0x2b, 0x2b, 0, 0, 0xffffffff, eip, 0x23, 0x246, 0x87654320, 0x2b}));
  CHECK(reinterpret_cast<const user_regs_struct*>(after[1].data())->rip == eip);
  set(true, NT_PRSTATUS, 8, words({0xaaaaaaaa, 0xbbbbbbbb}));
  CHECK(reinterpret_cast<const user_regs_struct*>(after[1].data())->rcx == 0xbbbbbbbb);
  const auto fsave = words({0xffff037f, 0xffff0000, 0xffffffff});
  set(true, NT_PRFPREG, 108, fsave);
  set(true, NT_PRFPREG, 100, fsave);  // fpregs_set: not the whole image
  set(true, NT_PRXFPREG, 512, fxsave);
  CHECK(xmm(7) == 0x5a5a5a5a);
  CHECK(xmm(8) == 0);                         // xfpregs_set for a 32-bit caller
  set(true, NT_PRXFPREG, 100, fxsave, 0x10);  // EINVAL before the data
  set(true, NT_X86_XSTATE, 16384, xstate);
  CHECK(xmm(8) == 0x5a5a5a5a);            // xstateregs_set keeps them
  set(true, NT_X86_XSTATE, 512, xstate);  // not the whole image: EFAULT
  set(true, NT_386_TLS, 16, words({12, 0x2000, 0xfff, 0x51}));
  set(true, NT_386_TLS, 20, words({12, 0x2000, 0xfff, 0x51}));
  set(true, NT_386_IOPERM, 8192, {});  // no set
  set(true, NT_PRSTATUS, 68, {}, 0x10);
  set(true, nt_unknown, 68, {});
  // an x86_64 tracee: x86_64's view
  set(false, NT_PRSTATUS, 216, [](std::uint8_t* bytes, pid_t tracee) {
    user_regs_struct regs{};
    REQUIRE(ptrace(PTRACE_GETREGS, tracee, nullptr, &regs) == 0);
    regs.rax = 0x123456789;
    regs.r8 = 0x5678;
    std::memcpy(bytes, &regs, sizeof regs);
  });
  CHECK(reinterpret_cast<const user_regs_struct*>(after[1].data())->rax == 0x123456789);
  set(false, NT_PRFPREG, 512, fxsave);
  CHECK(xmm(7) == 0x5a5a5a5a);
  CHECK(xmm(8) == 0);                    // xfpregs_set for a 32-bit caller, in either view
  set(false, NT_PRXFPREG, 512, fxsave);  // not in x86_64's view
  set(false, NT_X86_XSTATE, 16384, xstate);
  CHECK(xmm(8) == 0x5a5a5a5a);
  set(false, NT_386_TLS, 16, words({12, 0x2000, 0xfff, 0x51}));
  CHECK(xstate_size >= 576);
}

namespace {

// A child stopped under our trace at the entry (or the exit) of getppid with six known
// arguments (PTRACE_O_TRACESYSGOOD's syscall stops).
pid_t syscall_stopped_tracee(bool at_exit) {
  const pid_t child = stopped_tracee([] { syscall(SYS_getppid, 1, 2, 3, 4, 5, 6); });
  REQUIRE(ptrace(PTRACE_SETOPTIONS, child, nullptr, PTRACE_O_TRACESYSGOOD) == 0);
  for (bool entry = false;;) {
    int status;
    REQUIRE(ptrace(PTRACE_SYSCALL, child, nullptr, nullptr) == 0);
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSTOPPED(status));
    if (WSTOPSIG(status) != (SIGTRAP | 0x80)) continue;
    user_regs_struct regs{};
    REQUIRE(ptrace(PTRACE_GETREGS, child, nullptr, &regs) == 0);
    if (regs.orig_rax != SYS_getppid) continue;
    if (entry || !at_exit) return child;
    entry = true;
  }
}

}  // namespace

// PTRACE_GET_SYSCALL_INFO (ptrace_get_syscall_info) and PTRACE_GET_RSEQ_CONFIGURATION
// (ptrace_get_rseq_configuration): one layout for every tracer (the description's
// ptrace_syscall_info and ptrace_rseq_configuration), min(the caller's size, the kernel's)
// bytes written, the kernel's size returned.
TEST_CASE("oracle: ptrace's syscall info and rseq configuration", "[oracle]") {
  pid_t child = -1;
  auto end = [&](Arena&, std::int32_t) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  };
  const std::function<pid_t()> stops[] = {[] { return stopped_tracee(); },
                                          [] { return syscall_stopped_tracee(false); },
                                          [] { return syscall_stopped_tracee(true); }};
  // each stop's size and op (the kernel's, then ours): NONE at a signal stop (24 bytes),
  // ENTRY (80), EXIT (33)
  std::vector<std::pair<std::int32_t, std::uint8_t>> answers;
  std::uint32_t info = 0;
  auto answer_then_end = [&](Arena& g, std::int32_t result) {
    answers.emplace_back(result, g.base[info - Arena::address(g.base)]);
    end(g, result);
  };
  for (const auto& stop : stops)
    for (std::uint32_t size : {88u, 30u, 0xffffffffu}) {
      INFO("GET_SYSCALL_INFO, " << size << " bytes");
      compare(
          [&](Arena& g) {
            info = g.alloc(128);
            return Case{nr("ptrace"), {PTRACE_GET_SYSCALL_INFO, u32(child = stop()), size, info}};
          },
          answer_then_end);
    }
  REQUIRE(answers.size() == 18);
  CHECK(answers[1] == std::pair<std::int32_t, std::uint8_t>{24, PTRACE_SYSCALL_INFO_NONE});
  CHECK(answers[7] == std::pair<std::int32_t, std::uint8_t>{80, PTRACE_SYSCALL_INFO_ENTRY});
  CHECK(answers[13] == std::pair<std::int32_t, std::uint8_t>{33, PTRACE_SYSCALL_INFO_EXIT});
  // bad input: a bad buffer (none written for size 0), not our tracee
  for (std::uint32_t size : {88u, 0u})
    compare(
        [&](Arena&) {
          return Case{nr("ptrace"),
                      {PTRACE_GET_SYSCALL_INFO, u32(child = stopped_tracee()), size, 0x10}};
        },
        end);
  compare([&](Arena& g) {
    return Case{nr("ptrace"), {PTRACE_GET_SYSCALL_INFO, 1, 88, g.alloc(128)}};
  });
  for (std::uint32_t size : {24u, 8u, 0xffffffffu})
    compare(
        [&](Arena& g) {
          return Case{
              nr("ptrace"),
              {PTRACE_GET_RSEQ_CONFIGURATION, u32(child = stopped_tracee()), size, g.alloc(64)}};
        },
        end);
  compare(
      [&](Arena&) {
        return Case{nr("ptrace"),
                    {PTRACE_GET_RSEQ_CONFIGURATION, u32(child = stopped_tracee()), 24, 0x10}};
      },
      end);
}

// The 6.8 mount and LSM calls carry statmount, mnt_id_req and lsm_ctx, which have one layout
// on i386 and x86_64 (u32 and u64 members at offsets their size divides; layout --check):
// they pass through, and the kernel's compat path must write the same bytes. A kernel
// without the calls answers ENOSYS both ways.
TEST_CASE("oracle: statmount, listmount and the LSM attribute calls", "[oracle]") {
  // the root's unique mount id: statx's STATX_MNT_ID_UNIQUE (6.8)
  constexpr unsigned statx_mnt_id_unique = 0x4000;
  struct statx root {};
  const bool unique = statx(AT_FDCWD, "/", 0, statx_mnt_id_unique, &root) == 0 &&
                      (root.stx_mask & statx_mnt_id_unique);
  const std::uint64_t root_id = unique ? root.stx_mnt_id : 1;
  auto request = [](Arena& g, std::uint32_t size, std::uint64_t id, std::uint64_t param) {
    const auto at = g.alloc(32, 0);
    std::uint8_t* bytes = g.base + (at - Arena::address(g.base));
    std::memcpy(bytes, &size, 4);
    std::memcpy(bytes + 8, &id, 8);
    std::memcpy(bytes + 16, &param, 8);
    return at;
  };
  // SB_BASIC to FS_TYPE (6.8); then up to SUPPORTED_MASK (6.15), EINVAL where unknown
  for (std::uint64_t mask : {0x3full, 0x1fffull})
    for (std::uint32_t size : {24u, 32u})
      compare([&](Arena& g) {
        return Case{nr("statmount"), {request(g, size, root_id, mask), g.alloc(4096), 4096, 0}};
      });
  // bad input: a buffer too small for the strings (EOVERFLOW), a bad buffer, a short
  // request, no such mount, unknown flags
  compare([&](Arena& g) {
    return Case{nr("statmount"), {request(g, 24, root_id, 0x3f), g.alloc(520), 520, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("statmount"), {request(g, 24, root_id, 0x3), 0x10, 4096, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("statmount"), {request(g, 8, root_id, 0x3), g.alloc(4096), 4096, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("statmount"), {request(g, 24, 0x7fffffff, 0x3), g.alloc(4096), 4096, 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("statmount"), {request(g, 24, root_id, 0x3), g.alloc(4096), 4096, 0x100}};
  });
  // listmount below the namespace's root (LSMT_ROOT), into room for 64 ids and for 1
  for (std::uint32_t room : {64u, 1u})
    compare([&](Arena& g) {
      return Case{nr("listmount"), {request(g, 24, ~0ull, 0), g.alloc(8 * room), room, 0}};
    });
  // lsm_get_self_attr(LSM_ATTR_CURRENT) and lsm_list_modules: a size the call updates
  compare([&](Arena& g) {
    return Case{nr("lsm_get_self_attr"), {100, g.alloc(512), put_words(g, {512}, 4), 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("lsm_list_modules"), {g.alloc(256), put_words(g, {256}, 4), 0}};
  });
  compare([&](Arena& g) {
    return Case{nr("lsm_set_self_attr"), {100, put_words(g, {0}, 64), 64, 0}};
  });
}

TEST_CASE(
    "oracle: open without O_LARGEFILE is EOVERFLOW past 2 GiB, and F_GETFL shows the flags given",
    "[oracle]") {
  TempFile big(16);
  REQUIRE(ftruncate(big.fd, off_t{3} << 30) == 0);
  TempFile small(16);
  // Each run's fd is read back with F_GETFL, natively, then closed.
  std::vector<int> status_flags;
  auto flags_then_close = [&](Arena&, std::int32_t fd) {
    if (fd < 0) return;
    status_flags.push_back(fcntl(fd, F_GETFL));
    close(fd);
  };
  const std::uint32_t largefile = syscompat::abi::o_largefile(syscompat::abi::Abi::i386);
  for (std::uint32_t extra : {0u, largefile}) {
    compare(
        [&](Arena& g) {
          return Case{nr("open"), {g.string(big.path), O_RDONLY | extra, 0}};
        },
        flags_then_close);
    compare(
        [&](Arena& g) {
          return Case{nr("openat"), {u32(AT_FDCWD), g.string(big.path), O_RDONLY | extra, 0}};
        },
        flags_then_close);
    compare(
        [&](Arena& g) {
          return Case{nr("open"), {g.string(small.path), O_RDWR | O_APPEND | extra, 0}};
        },
        flags_then_close);
  }
  REQUIRE(status_flags.size() == 8);  // the big file without O_LARGEFILE opened nowhere
  // Masked: O_LARGEFILE, which every native open of this 64-bit process carries and this
  // native F_GETFL shows (the guest's F_GETFL through the translators hides it:
  // i386_large_files.hpp, compared with the kernel by run32.non_lfs_files).
  for (std::size_t i = 0; i < status_flags.size(); i += 2)
    CHECK((status_flags[i] & ~largefile) == (status_flags[i + 1] & ~largefile));
  // creat, junk flag bits, a mode without O_CREAT, O_PATH with other flags
  const std::string created = small.path + ".new";
  auto created_gone = [&](Arena& g, std::int32_t fd) {
    flags_then_close(g, fd);
    unlink(created.c_str());
  };
  compare([&](Arena& g) { return Case{nr("creat"), {g.string(created), 0640}}; }, created_gone);
  compare(
      [&](Arena& g) {
        return Case{nr("open"), {g.string(small.path), O_RDONLY | 0x40000000u, 0777}};
      },
      flags_then_close);
  compare(
      [&](Arena& g) {
        return Case{nr("open"), {g.string(small.path), O_PATH | O_RDWR | O_APPEND, 0}};
      },
      flags_then_close);
  // bad input: a bad path, a path that is too long, O_TMPFILE without write access
  compare([&](Arena&) { return Case{nr("open"), {0x10, O_RDONLY, 0}}; }, flags_then_close);
  compare(
      [&](Arena& g) {
        return Case{nr("open"), {g.string(std::string(5000, 'x')), O_RDONLY, 0}};
      },
      flags_then_close);
  compare(
      [&](Arena&) {
        return Case{nr("open"), {0x10, O_TMPFILE | O_RDONLY, 0600}};
      },
      flags_then_close);
  CHECK(status_flags.size() == 14);
}
