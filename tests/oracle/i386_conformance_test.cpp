// Defects a public syscall conformance suite found in the translators, each against the
// kernel's own compat path (int $0x80), bad input included: iovec lengths that are negative
// as a compat_ssize_t, paths longer than PATH_MAX, a guest-controlled count that must not
// become an allocation, ioctl on descriptors it cannot use, execveat's early refusals, and
// the classic BPF programs (sock_fprog) of SO_ATTACH_FILTER and seccomp.
#include <fcntl.h>
#include <linux/filter.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "oracle.hpp"

using namespace oracle;

namespace {

// An iovec array {base, length} of `count` entries in the arena.
std::uint32_t iovecs(Arena& g, std::initializer_list<std::array<std::uint32_t, 2>> entries) {
  const auto at = g.alloc(entries.size() * 8);
  std::size_t i = 0;
  for (const auto& entry : entries) {
    std::memcpy(g.base + (at - Arena::address(g.base)) + i * 8, entry.data(), 8);
    ++i;
  }
  return at;
}

const char* const guest_pointers = "guest pointers: each arena has its own";

}  // namespace

TEST_CASE("conformance: an iov_len of 0xffffffff is EINVAL on every vectored call", "[oracle]") {
  TempFile file(4096);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "abcdefgh", 8) == 8);
  for (const char* name : {"readv", "writev"})
    for (int fd : {fds[0], fds[1], file.fd})
      compare([&](Arena& g) {
        const auto vec = iovecs(g, {{g.alloc(16), 4}, {g.alloc(16), 0xffffffff}});
        return Case{nr(name), {u32(fd), vec, 2}, {{vec, 16, guest_pointers}}};
      });
  for (const char* name : {"preadv", "pwritev", "preadv2", "pwritev2"})
    compare([&](Arena& g) {
      const auto vec = iovecs(g, {{g.alloc(16), 0xffffffff}});
      return Case{nr(name), {u32(file.fd), vec, 1, 0, 0, 0}, {{vec, 8, guest_pointers}}};
    });
  // the descriptor is checked before the iovecs, there and here
  compare([&](Arena& g) {
    const auto vec = iovecs(g, {{g.alloc(16), 0xffffffff}});
    return Case{nr("readv"), {9999, vec, 1}, {{vec, 8, guest_pointers}}};
  });
  // a count past UIO_MAXIOV, an unreadable array, no entries at all
  compare([&](Arena& g) { return Case{nr("readv"), {u32(file.fd), g.alloc(16), 1025}}; });
  compare([&](Arena&) { return Case{nr("readv"), {u32(file.fd), 0x10, 1}}; });
  compare([&](Arena&) { return Case{nr("writev"), {u32(file.fd), 0x10, 0}}; });
  const auto self = u32(getpid());
  for (const char* name : {"process_vm_readv", "process_vm_writev"}) {
    compare([&](Arena& g) {
      const auto local = iovecs(g, {{g.alloc(16), 0xffffffff}});
      const auto remote = iovecs(g, {{g.alloc(16), 16}});
      return Case{nr(name),
                  {self, local, 1, remote, 1, 0},
                  {{local, 8, guest_pointers}, {remote, 8, guest_pointers}}};
    });
    compare([&](Arena& g) {
      const auto local = iovecs(g, {{g.alloc(16), 16}});
      const auto remote = iovecs(g, {{g.alloc(16), 0xffffffff}});
      return Case{nr(name),
                  {self, local, 1, remote, 1, 0},
                  {{local, 8, guest_pointers}, {remote, 8, guest_pointers}}};
    });
  }
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("conformance: a read never writes past the guest's own memory", "[oracle]") {
  // Only 16 bytes of a page are the guest's: the kernel would fill the whole page, the
  // translation stops where the guest's memory ends, as the kernel stops at a fault.
  Arena arena;
  GuestMemory guest;
  const auto buffer = arena.alloc(64, 0x5a);
  guest.map(buffer, 16, GuestMemory::readable | GuestMemory::writable);
  const auto vec = arena.alloc(8);
  guest.map(vec, 8, GuestMemory::readable);
  const std::uint32_t entry[2] = {buffer, 64};
  std::memcpy(arena.base + (vec - Arena::address(arena.base)), entry, sizeof entry);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const std::string data(64, 'x');
  REQUIRE(write(fds[1], data.data(), data.size()) == 64);
  I386Translator translator(guest);
  CHECK(translator.translate(nr("readv"), {u32(fds[0]), vec, 1}) == 16);
  const std::uint8_t* bytes = arena.base + (buffer - Arena::address(arena.base));
  CHECK(bytes[15] == 'x');
  CHECK(bytes[16] == 0x5a);
  // An entry that starts outside the guest's memory is EFAULT, nothing read.
  const std::uint32_t outside[2] = {buffer + 32, 8};
  std::memcpy(arena.base + (vec - Arena::address(arena.base)), outside, sizeof outside);
  CHECK(translator.translate(nr("readv"), {u32(fds[0]), vec, 1}) == -EFAULT);
  CHECK(bytes[32] == 0x5a);
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("conformance: a path past PATH_MAX is ENAMETOOLONG, not EFAULT", "[oracle]") {
  const std::string long_path = "/" + std::string(4999, 'a');
  const std::string limit_path = "/" + std::string(4095, 'a');  // 4096 with the NUL: too long
  for (const std::string* path : {&long_path, &limit_path}) {
    compare([&](Arena& g) { return Case{nr("statfs64"), {g.string(*path), 84, g.alloc(84)}}; });
    compare([&](Arena& g) { return Case{nr("statfs"), {g.string(*path), g.alloc(64)}}; });
    compare([&](Arena& g) { return Case{nr("chown"), {g.string(*path), 0xffff, 0xffff}}; });
    compare([&](Arena& g) { return Case{nr("lchown"), {g.string(*path), 0xffff, 0xffff}}; });
    compare([&](Arena& g) { return Case{nr("mknod"), {g.string(*path), 010600, 0}}; });
    compare([&](Arena& g) { return Case{nr("oldstat"), {g.string(*path), g.alloc(64)}}; });
    compare([&](Arena& g) { return Case{nr("umount"), {g.string(*path)}}; });
    compare([&](Arena& g) { return Case{nr("open"), {g.string(*path), O_RDONLY}}; });
  }
}

TEST_CASE("conformance: io_submit with a huge count neither throws nor allocates it", "[oracle]") {
  std::uint32_t context = 0;
  {
    Arena g;
    const auto at = g.alloc(4, 0);
    REQUIRE(int80(nr("io_setup"), {8, at}) == 0);
    std::memcpy(&context, g.base + (at - Arena::address(g.base)), 4);
  }
  for (std::uint32_t count : {0xffffffffu, 0x7fffffffu, 0x40000000u, 0x3fffffffu})
    compare([&](Arena& g) { return Case{nr("io_submit"), {context, count, g.alloc(64, 0)}}; });
  compare([&](Arena& g) { return Case{nr("io_submit"), {0, 0x7fffffff, g.alloc(64, 0)}}; });
  int80(nr("io_destroy"), {context});
}

TEST_CASE("conformance: ioctl on a bad or O_PATH descriptor is EBADF", "[oracle]") {
  TempFile file(16);
  const int path_fd = open(file.path.c_str(), O_PATH);
  REQUIRE(path_fd >= 0);
  for (std::uint32_t request : {0x1234u, 0x5401u, 0x541Bu, 0x4C82u})
    for (std::uint32_t fd : {9999u, u32(path_fd), 0xffffffffu, u32(file.fd)})
      compare([&](Arena& g) { return Case{nr("ioctl"), {fd, request, g.alloc(64)}}; });
  close(path_fd);
}

TEST_CASE("conformance: execveat's refusals before anything runs", "[oracle]") {
  KernelBackedOwner owner;  // its owner_call answers ENOSYS: no case may reach it
  auto execveat = [&](std::uint32_t fd, const char* path, std::uint32_t flags) {
    compare(
        [&](Arena& g) {
          const auto argv = g.alloc(8, 0);
          return Case{nr("execveat"), {fd, g.string(path), argv, argv, flags}};
        },
        {}, &owner);
  };
  execveat(0xffffffff, "", AT_EMPTY_PATH);    // EBADF
  execveat(9999, "", AT_EMPTY_PATH);          // EBADF
  execveat(9999, "relative", 0);              // EBADF
  execveat(0xffffffff, "", 0);                // ENOENT
  execveat(u32(AT_FDCWD), "/bin/true", 0x4);  // EINVAL
  compare(
      [&](Arena& g) {
        return Case{nr("execveat"), {9999, 0x10, g.alloc(8, 0), 0, 0}};
      },
      {},
      &owner);  // EFAULT
}

TEST_CASE("conformance: SO_ATTACH_FILTER takes a compat sock_fprog", "[oracle]") {
  const int sock = socket(AF_INET, SOCK_DGRAM, 0);
  REQUIRE(sock >= 0);
  const sock_filter accept_all{BPF_RET | BPF_K, 0, 0, 0xffffffff};
  auto program = [&](Arena& g, std::uint16_t length, std::uint32_t filter) {
    const auto at = g.alloc(8, 0);
    std::memcpy(g.base + (at - Arena::address(g.base)), &length, 2);
    std::memcpy(g.base + (at - Arena::address(g.base)) + 4, &filter, 4);
    return at;
  };
  auto instructions = [&](Arena& g) {
    const auto at = g.alloc(sizeof accept_all);
    std::memcpy(g.base + (at - Arena::address(g.base)), &accept_all, sizeof accept_all);
    return at;
  };
  auto detach = [&](Arena&, std::int32_t) {
    setsockopt(sock, SOL_SOCKET, SO_DETACH_FILTER, nullptr, 0);
  };
  for (int option : {SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF}) {
    const auto name = u32(option);
    compare(
        [&](Arena& g) {
          const auto fprog = program(g, 1, instructions(g));
          return Case{nr("setsockopt"),
                      {u32(sock), SOL_SOCKET, name, fprog, 8},
                      {{fprog, 8, guest_pointers}}};
        },
        detach);
    // bad input: a native-sized length, an unreadable program, unreadable instructions,
    // an empty program, a bad socket
    compare(
        [&](Arena& g) {
          const auto fprog = program(g, 1, instructions(g));
          return Case{nr("setsockopt"),
                      {u32(sock), SOL_SOCKET, name, fprog, 16},
                      {{fprog, 8, guest_pointers}}};
        },
        detach);
    compare(
        [&](Arena&) {
          return Case{nr("setsockopt"), {u32(sock), SOL_SOCKET, name, 0x10, 8}};
        },
        detach);
    compare(
        [&](Arena& g) {
          return Case{nr("setsockopt"), {u32(sock), SOL_SOCKET, name, program(g, 1, 0x10), 8}};
        },
        detach);
    compare(
        [&](Arena& g) {
          const auto fprog = program(g, 0, instructions(g));
          return Case{nr("setsockopt"),
                      {u32(sock), SOL_SOCKET, name, fprog, 8},
                      {{fprog, 8, guest_pointers}}};
        },
        detach);
    compare([&](Arena&) { return Case{nr("setsockopt"), {9999, SOL_SOCKET, name, 0x10, 3}}; });
  }
  close(sock);
}

namespace {
// Keeps the seccomp requests the translators hand over. What reading the sock_fprog met
// travels in the request, for the owner to answer in the kernel's order (process_hooks.hpp):
// this owner answers it at once (it checks no flags or permission), and keeps the rest.
struct SeccompOwner : KernelBackedOwner {
  std::vector<syscompat::translators::SeccompRequest> requests;
  std::int32_t seccomp(const syscompat::translators::SeccompRequest& request) override {
    if (request.fprog_error) return -request.fprog_error;
    if (request.instructions_error) return -request.instructions_error;
    requests.push_back(request);
    return 0;
  }
};
}  // namespace

TEST_CASE("conformance: seccomp and PR_SET_SECCOMP read a compat sock_fprog for the owner",
          "[oracle]") {
  const sock_filter program[2] = {{BPF_LD | BPF_W | BPF_ABS, 0, 0, 4},
                                  {BPF_RET | BPF_K, 0, 0, 0x7fff0000}};
  auto fprog = [&](Arena& g, std::uint16_t length, bool readable_program = true) {
    const auto code = g.alloc(sizeof program);
    std::memcpy(g.base + (code - Arena::address(g.base)), program, sizeof program);
    const auto at = g.alloc(8, 0);
    const std::uint32_t filter = readable_program ? code : 0x10;
    std::memcpy(g.base + (at - Arena::address(g.base)), &length, 2);
    std::memcpy(g.base + (at - Arena::address(g.base)) + 4, &filter, 4);
    return at;
  };
  // What the kernel refuses before installing anything: compared with it.
  SeccompOwner owner;
  constexpr std::uint32_t set_mode_strict = 0, set_mode_filter = 1, pr_set_seccomp = 22;
  auto both = [&](const std::function<Case(Arena&)>& make) { compare(make, {}, &owner); };
  both([&](Arena&) { return Case{nr("seccomp"), {set_mode_filter, 0, 0x10}}; });  // EFAULT
  for (std::uint16_t length : {0, 4097})                                          // EINVAL
    both([&](Arena& g) {
      const auto at = fprog(g, length);
      return Case{nr("seccomp"), {set_mode_filter, 0, at}, {{at + 4, 4, guest_pointers}}};
    });
  both([&](Arena& g) { return Case{nr("seccomp"), {set_mode_filter, 0, fprog(g, 2, false)}}; });
  both([&](Arena&) { return Case{nr("seccomp"), {set_mode_strict, 1, 0}}; });  // EINVAL
  both([&](Arena&) { return Case{nr("seccomp"), {99, 0, 0}}; });               // EINVAL
  both([&](Arena&) { return Case{nr("prctl"), {pr_set_seccomp, 2, 0x10}}; });  // EFAULT
  both([&](Arena&) { return Case{nr("prctl"), {pr_set_seccomp, 3, 0}}; });     // EINVAL
  REQUIRE(owner.requests.empty());
  // What reaches the owner: the guest's program, instruction for instruction.
  Arena g;
  I386Translator translator(g.memory, &owner);
  CHECK(translator.translate(nr("seccomp"), {set_mode_filter, 1, fprog(g, 2)}) == 0);
  CHECK(translator.translate(nr("prctl"), {pr_set_seccomp, 2, fprog(g, 2)}) == 0);
  CHECK(translator.translate(nr("prctl"), {pr_set_seccomp, 1, 0}) == 0);
  REQUIRE(owner.requests.size() == 3);
  for (int i = 0; i < 2; ++i) {
    const auto& request = owner.requests[i];
    CHECK(!request.strict);
    REQUIRE(request.program.size() == 2);
    CHECK(std::memcmp(request.program.data(), program, sizeof program) == 0);
  }
  CHECK(owner.requests[0].flags == 1);
  CHECK(owner.requests[2].strict);
  // Without an owner the filter is refused, never installed on the translating process.
  I386Translator alone(g.memory);
  CHECK(alone.translate(nr("seccomp"), {set_mode_filter, 0, fprog(g, 2)}) == -ENOSYS);
}

TEST_CASE("conformance: io_uring_register's buffers are compat iovecs", "[oracle]") {
  // Each run on its own ring: the kernel's run on a ring set up through int $0x80 (a compat
  // ring), the translated one on a native ring, as the translators set up.
  int run = 0, ring = -1;
  auto make_ring = [&](Arena& g) {
    const auto params = g.alloc(120, 0);
    ring = run++ % 2 == 0 ? int80(nr("io_uring_setup"), {4, params})
                          : static_cast<int>(::syscall(SYS_io_uring_setup, 4,
                                                       g.base + (params - Arena::address(g.base))));
    REQUIRE(ring >= 0);
    return params;
  };
  auto close_ring = [&](Arena&, std::int32_t) { close(ring); };
  const char* const rings = "the ring's parameters: each kernel fills its own offsets";
  for (std::uint32_t length : {4096u, 0xffffffffu}) {
    compare(
        [&](Arena& g) {
          const auto params = make_ring(g);
          const auto vec = iovecs(g, {{g.alloc(4096), 4096}, {g.alloc(4096), length}});
          return Case{nr("io_uring_register"),
                      {u32(ring), 0, vec, 2},
                      {{params, 120, rings}, {vec, 16, guest_pointers}}};
        },
        close_ring);
  }
  compare(
      [&](Arena& g) {
        const auto params = make_ring(g);
        return Case{nr("io_uring_register"), {u32(ring), 0, 0x10, 1}, {{params, 120, rings}}};
      },
      close_ring);
}
