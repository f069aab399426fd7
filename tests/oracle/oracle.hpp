// The oracle's machinery, shared by the oracle test files: an i386 syscall through the
// kernel's own compat entry (int $0x80), guest arenas below 4 GB, and compare(), which makes
// the same call both ways from identical bytes and compares the results and every guest byte.
#pragma once

#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "syscompat/abi/open_flags.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/process_hooks.hpp"

namespace oracle {

using syscompat::translators::GuestMemory;
using syscompat::translators::I386Translator;

// An i386 syscall through the kernel's compat entry, from 64-bit code.
inline std::int32_t int80(std::uint32_t number, const std::array<std::uint32_t, 6>& a) {
  long result;
  register std::uint64_t sixth asm("r12") = a[5];
  asm volatile(
      "push %%rbp\n\t"
      "mov %%r12d, %%ebp\n\t"
      "int $0x80\n\t"
      "pop %%rbp"
      : "=a"(result)
      : "a"(number), "b"(a[0]), "c"(a[1]), "d"(a[2]), "S"(a[3]), "D"(a[4]), "r"(sixth)
      : "memory", "cc", "r8", "r9", "r10", "r11");
  return static_cast<std::int32_t>(result);
}

inline std::uint32_t nr(std::string_view name) {
  const auto* call = syscompat::abi::find_syscall(syscompat::abi::Abi::i386, name);
  REQUIRE(call != nullptr);
  return call->number;
}

// Guest memory below 4 GB: an arena of this process mapped with MAP_32BIT.
struct Arena {
  static constexpr std::size_t size = 1 << 20;
  std::uint8_t* base = nullptr;
  std::size_t used = 0;
  GuestMemory memory;
  Arena() {
    void* p =
        mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    REQUIRE(p != MAP_FAILED);
    base = static_cast<std::uint8_t*>(p);
    memory.map(address(base), size, GuestMemory::readable | GuestMemory::writable);
  }
  ~Arena() { munmap(base, size); }
  static std::uint32_t address(const void* p) {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
  }
  std::uint32_t alloc(std::size_t bytes, std::uint8_t fill = 0xa5) {
    used = (used + 15) & ~std::size_t{15};
    std::memset(base + used, fill, bytes);
    const auto at = address(base + used);
    used += bytes;
    return at;
  }
  std::uint32_t string(const std::string& text) {
    const auto at = alloc(text.size() + 1);
    std::memcpy(base + (at - address(base)), text.c_str(), text.size() + 1);
    return at;
  }
};

struct Mask {
  std::uint32_t at;
  std::size_t bytes;
  const char* why;
};

struct Case {
  std::uint32_t number;
  std::array<std::uint32_t, 6> registers{};
  std::vector<Mask> masks{};
  bool mask_result = false;  // the value itself differs call to call (a clock)
};

// Runs a case both ways from identical starting bytes; `make` builds it in a fresh arena,
// `cleanup` undoes side effects between the two runs (closes fds the call made).
inline void compare(const std::function<Case(Arena&)>& make,
                    const std::function<void(Arena&, std::int32_t)>& cleanup = {},
                    syscompat::translators::ProcessHooks* owner = nullptr) {
  Arena kernel_arena;
  const Case kernel_case = make(kernel_arena);
  const std::int32_t kernel_result = int80(kernel_case.number, kernel_case.registers);
  if (cleanup) cleanup(kernel_arena, kernel_result);

  Arena ours;
  Case our_case = make(ours);
  // Both arenas were laid out by the same `make`, so offsets correspond.
  REQUIRE(ours.used == kernel_arena.used);
  I386Translator translator(ours.memory, owner);
  const std::int32_t our_result = translator.translate(our_case.number, our_case.registers);
  if (cleanup) cleanup(ours, our_result);

  INFO("syscall " << kernel_case.number);
  if (!kernel_case.mask_result) CHECK(our_result == kernel_result);
  // An error is -4095..-1; an address above 2 GiB is negative too (mmap).
  auto is_error = [](std::int32_t r) { return r < 0 && r >= -4095; };
  CHECK(is_error(our_result) == is_error(kernel_result));
  // Compare guest bytes, offset by offset from each arena's base.
  std::vector<std::uint8_t> a(kernel_arena.base, kernel_arena.base + kernel_arena.used);
  std::vector<std::uint8_t> b(ours.base, ours.base + ours.used);
  for (const auto& m : kernel_case.masks) {
    const std::size_t offset = m.at - Arena::address(kernel_arena.base);
    REQUIRE(offset + m.bytes <= a.size());
    std::memset(a.data() + offset, 0, m.bytes);
    std::memset(b.data() + offset, 0, m.bytes);
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("guest byte " << i);
    if (a[i] != b[i]) {
      CHECK(int(b[i]) == int(a[i]));
      break;
    }
  }
}

// A scratch file both runs see.
struct TempFile {
  std::string path;
  int fd;
  explicit TempFile(std::size_t bytes = 4096) {
    char name[] = "/tmp/syscompat-oracle-XXXXXX";
    fd = mkstemp(name);
    path = name;
    std::string data(bytes, 'x');
    for (std::size_t i = 0; i < bytes; ++i) data[i] = static_cast<char>('a' + i % 26);
    REQUIRE(write(fd, data.data(), data.size()) == static_cast<ssize_t>(bytes));
  }
  ~TempFile() {
    close(fd);
    unlink(path.c_str());
  }
};

inline std::uint32_t u32(std::uint64_t v) {
  return static_cast<std::uint32_t>(v);
}

// A process owner that serves the hooks with this process's own x86_64 calls: what the
// translators decode (old_mmap's block, mmap2's page offset, the three sigaction layouts)
// reaches the kernel as the compat path would hand it over.
struct KernelBackedOwner : syscompat::translators::ProcessHooks {
  static std::int32_t result(long value) {
    return value < 0 ? -errno : static_cast<std::int32_t>(value);
  }
  std::int32_t map(const syscompat::translators::MapRequest& r) override {
    const int flags = r.flags & MAP_FIXED ? r.flags : r.flags | MAP_32BIT;
    void* p = mmap(reinterpret_cast<void*>(std::uintptr_t{r.address}), r.length, r.protection,
                   flags, r.fd, static_cast<off_t>(r.offset));
    return p == MAP_FAILED ? -errno
                           : static_cast<std::int32_t>(reinterpret_cast<std::uintptr_t>(p));
  }
  std::int32_t unmap(std::uint32_t a, std::uint32_t length) override {
    return result(munmap(reinterpret_cast<void*>(std::uintptr_t{a}), length));
  }
  std::int32_t protect(std::uint32_t a, std::uint32_t length, int protection) override {
    return result(mprotect(reinterpret_cast<void*>(std::uintptr_t{a}), length, protection));
  }
  std::int32_t remap(std::uint32_t, std::uint32_t, std::uint32_t, int, std::uint32_t) override {
    return -ENOSYS;
  }
  std::int32_t brk(std::uint32_t) override { return -ENOSYS; }
  std::int32_t shm_attach(int, std::uint32_t, int) override { return -ENOSYS; }
  std::int32_t sigaction(int signal, const syscompat::translators::GuestSigaction* action,
                         syscompat::translators::GuestSigaction* previous) override {
    struct {
      std::uint64_t handler, flags, restorer, mask;
    } in{}, out{};
    if (action) in = {action->handler, action->flags, action->restorer, action->mask};
    if (::syscall(SYS_rt_sigaction, signal, action ? &in : nullptr, previous ? &out : nullptr, 8) <
        0)
      return -errno;
    if (previous)
      *previous = {static_cast<std::uint32_t>(out.handler), static_cast<std::uint32_t>(out.flags),
                   static_cast<std::uint32_t>(out.restorer), out.mask};
    return 0;
  }
  std::int32_t owner_call(const syscompat::translators::CallPlan&,
                          const std::array<std::uint32_t, 6>&) override {
    return -ENOSYS;
  }
};

}  // namespace oracle
