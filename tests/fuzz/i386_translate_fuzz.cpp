// libFuzzer target: random i386 register vectors and random guest memory through the
// translated calls that touch only their own buffers and this process's test-owned fds.
// Nothing a guest passes may crash or corrupt the host: ASan and UBSan watch the
// translators while they decode, check, convert and copy.
//
// Input: [call index][6 x u32 registers][guest memory bytes...]. Registers that name fds
// are folded onto the test's own fds; addresses fall in or near the guest arena, part of
// which is writable, part read-only and part not the guest's at all.
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "syscompat/abi/ioctls.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/translators/i386.hpp"

using syscompat::translators::GuestMemory;

namespace {

// Calls that read or write only their arguments' memory and act on the given fds, never
// block (timeouts and flags are forced below), and change nothing outside the process.
constexpr std::string_view safe_calls[] = {
    "fstat64",
    "stat64",
    "lstat64",
    "fstatat64",
    "stat",
    "fstat",
    "statfs",
    "fstatfs",
    "statfs64",
    "fstatfs64",
    "uname",
    "olduname",
    "oldolduname",
    "getcwd",
    "readlink",
    "times",
    "getrusage",
    "getrlimit",
    "ugetrlimit",
    "sched_getparam",
    "clock_gettime",
    "clock_getres",
    "clock_gettime64",
    "clock_getres_time64",
    "gettimeofday",
    "getitimer",
    "sysinfo",
    "getdents",
    "getdents64",
    "_llseek",
    "lseek",
    "pread64",
    "preadv",
    "preadv2",
    "poll",
    "ppoll",
    "epoll_wait",
    "fcntl64",
    "ioctl",
    "getsockname",
    "getpeername",
    "recvmsg",
    "getgroups",
    "getgroups32",
    "getresuid",
    "getresuid32",
    "getresgid",
    "getuid",
    "getppid",
    "sigaltstack",
    "access",
    "faccessat",
    "readlinkat",
    "getxattr",
    "lgetxattr",
    "fgetxattr",
    "listxattr",
    "flistxattr",
    "statx",
    "newfstatat",
    "socketcall",
    "get_mempolicy",
    "waitid",
};

struct Fixture {
  std::uint8_t* arena = nullptr;
  static constexpr std::size_t size = 1 << 16;
  GuestMemory memory;
  std::vector<std::uint32_t> fds;
  std::vector<std::uint32_t> numbers;
  // Described ioctl requests that only read the kernel's state into their argument (as root,
  // a setting request on a socket would reconfigure this machine's interfaces and routes).
  std::vector<std::uint32_t> queries;
  Fixture() {
    for (const auto& request : syscompat::abi::ioctls(syscompat::abi::Abi::i386))
      if (request.arg().kind == syscompat::abi::IoctlArgKind::pointer &&
          (request.arg().dir == syscompat::abi::ArgDir::out ||
           (request.arg().dir == syscompat::abi::ArgDir::inout &&
            request.name.starts_with("SIOCG"))))
        queries.push_back(request.number);
    arena = static_cast<std::uint8_t*>(mmap(nullptr, size, PROT_READ | PROT_WRITE,
                                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0));
    if (arena == MAP_FAILED) std::abort();
    // the guest's: 48 KiB writable, 8 KiB read-only; the last 8 KiB is host memory the
    // guest may not touch
    memory.map(base(), 48 << 10, GuestMemory::readable | GuestMemory::writable);
    memory.map(base() + (48 << 10), 8 << 10, GuestMemory::readable);
    char name[] = "/tmp/syscompat-fuzz-XXXXXX";
    const int file = mkstemp(name);
    unlink(name);
    if (ftruncate(file, 8192) != 0) std::abort();
    int pipe_fds[2], pair[2];
    if (pipe2(pipe_fds, O_NONBLOCK) || socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair))
      std::abort();
    const int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
    const int epoll = epoll_create1(0);
    for (int fd : {file, pipe_fds[0], pipe_fds[1], pair[0], pair[1], dir, epoll})
      fds.push_back(static_cast<std::uint32_t>(fd));
    for (auto name : safe_calls)
      if (const auto* call = syscompat::abi::find_syscall(syscompat::abi::Abi::i386, name))
        numbers.push_back(call->number);
  }
  std::uint32_t base() const {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(arena));
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Fixture& f = fixture();
  if (size < 1 + 6 * 4) return 0;
  const std::uint32_t number = f.numbers[data[0] % f.numbers.size()];
  std::array<std::uint32_t, 6> registers;
  std::memcpy(registers.data(), data + 1, sizeof registers);
  // Registers: small values stay (flags, sizes, fds folded onto ours); large ones become
  // addresses in or around the arena, so copies hit mapped, read-only and foreign memory.
  for (auto& r : registers) {
    if (r < 64)
      r = f.fds[r % f.fds.size()];
    else if (r & 0x80000000u)
      r = f.base() + (r % (Fixture::size + 4096)) - 2048;
  }
  const auto* call = syscompat::abi::find_syscall(syscompat::abi::Abi::i386, number);
  // Never block: poll/ppoll/epoll_wait time out at once; recvmsg is non-blocking.
  if (call->name == "poll" || call->name == "epoll_wait") registers[2] = registers[3] = 0;
  if (call->name == "ppoll") registers[2] = 0;  // a NULL timeout would wait: use 0 below
  if (call->name == "ppoll") return 0;
  if (call->name == "recvmsg") registers[2] |= MSG_DONTWAIT;
  if (call->name == "waitid") registers[3] |= WNOHANG;  // the fuzzer has no children: ECHILD
  if (call->name == "socketcall") registers[0] = 6 + registers[0] % 2;  // getsockname, getpeername
  // ioctl: half the time a described query (its argument converted or checked by its
  // description), else whatever request the input holds
  // (a described request that is not a query becomes one: never a setting request)
  if (call->name == "ioctl" &&
      ((data[0] & 0x80) ||
       (syscompat::abi::find_ioctl(syscompat::abi::Abi::i386, registers[1]) &&
        std::find(f.queries.begin(), f.queries.end(), registers[1]) == f.queries.end())))
    registers[1] = f.queries[registers[1] % f.queries.size()];
  const std::size_t memory_bytes = std::min<std::size_t>(size - 25, 56 << 10);
  std::memcpy(f.arena, data + 25, memory_bytes);
  syscompat::translators::I386Translator translator(f.memory);
  (void)translator.translate(number, registers);
  return 0;
}
