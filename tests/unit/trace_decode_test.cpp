// The trace decoder (abi/'s trace_decode) on each kind of value it names, for the guest
// (i386) and native (x86_64) views and ABIs whose numbers differ (mips, arm). strace's own
// output for the same programs is the oracle of the comparison (docs/trace.md); these pin
// the forms.
#include "syscompat/abi/trace_decode.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <map>

#include "syscompat/abi/constants.hpp"

using namespace syscompat;
using abi::Abi;

namespace {

// A few readable ranges; everything else faults.
class FakeMemory final : public abi::TraceMemory {
 public:
  void put(std::uint64_t address, std::string bytes) { ranges_[address] = std::move(bytes); }
  bool read(std::uint64_t address, void* out, std::size_t size) const override {
    for (const auto& [start, bytes] : ranges_)
      if (address >= start && address + size <= start + bytes.size()) {
        std::memcpy(out, bytes.data() + (address - start), size);
        return true;
      }
    return false;
  }

 private:
  std::map<std::uint64_t, std::string> ranges_;
};

std::string line(Abi a, std::string_view name, std::vector<std::uint64_t> registers,
                 std::optional<std::int64_t> result, const FakeMemory& memory = {}) {
  const abi::Syscall* call = abi::find_syscall(a, name);
  REQUIRE(call);
  return abi::trace_line(a, {call, call->number, registers, result}, memory);
}

}  // namespace

TEST_CASE("every rule of the decoder names a described call and argument", "[trace]") {
  const auto errors = abi::trace_rule_errors();
  for (const auto& error : errors) UNSCOPED_INFO(error);
  CHECK(errors.empty());
}

TEST_CASE("flags by name, unknown bits kept in hex", "[trace]") {
  CHECK(abi::show_flags(abi::vocab::open_flags, Abi::x86_64, 02000000 | 0x40000000) ==
        "O_CLOEXEC|0x40000000");
  CHECK(abi::show_flags(abi::vocab::open_flags, Abi::x86_64, 04010000) == "O_SYNC");
  CHECK(abi::show_flags(abi::vocab::open_flags, Abi::arm_eabi, 040000) == "O_DIRECTORY");
  CHECK(abi::show_flags(abi::vocab::open_flags, Abi::x86_64, 040000) == "O_DIRECT");
  CHECK(abi::show_flags(abi::vocab::mmap_prot, Abi::i386, 0) == "PROT_NONE");
  CHECK(abi::show_flags(abi::vocab::wait_options, Abi::i386, 0) == "0");
  CHECK(abi::show_flags(abi::vocab::access_modes, Abi::i386, 6) == "R_OK|W_OK");
}

TEST_CASE("signals and errno by each ABI's numbers", "[trace]") {
  CHECK(abi::show_signal(Abi::i386, 10) == "SIGUSR1");
  CHECK(abi::show_signal(Abi::mips_o32, 16) == "SIGUSR1");
  CHECK(abi::show_signal(Abi::x86_64, 34) == "SIGRT_2");
  CHECK(abi::show_signal(Abi::x86_64, 200) == "200");
  CHECK(abi::show_result(Abi::i386, -2, false) == "-1 ENOENT (No such file or directory)");
  CHECK(abi::show_result(Abi::mips_o32, -89, false) == "-1 ENOSYS (Function not implemented)");
  CHECK(abi::show_result(Abi::i386, -4000, false) == "-1 4000 (Unknown error 4000)");
  CHECK(abi::show_result(Abi::i386, static_cast<std::int32_t>(0xf7f00000u), true) == "0xf7f00000");
  CHECK(abi::show_result(Abi::x86_64, 42, false) == "42");
}

TEST_CASE("strings: C escapes, octal as strace writes it, cut at the limit", "[trace]") {
  CHECK(abi::show_bytes("a\"b\\\n\t", 32) == R"("a\"b\\\n\t")");
  CHECK(abi::show_bytes(std::string("\0\x1b[1", 4), 32) == R"("\0\33[1")");
  CHECK(abi::show_bytes(std::string("\0"
                                    "1",
                                    2),
                        32) == R"("\0001")");
  CHECK(abi::show_bytes(std::string(40, 'x'), 32) == "\"" + std::string(32, 'x') + "\"...");
}

TEST_CASE("whole lines, guest and native views", "[trace]") {
  FakeMemory memory;
  memory.put(0x1000, std::string("/etc/hostname\0", 14));
  memory.put(0x2000, "hello, world\n");
  // i386 openat: AT_FDCWD, the path, the access mode and flags; no mode without O_CREAT
  CHECK(line(Abi::i386, "openat", {static_cast<std::uint32_t>(-100), 0x1000, 0100000 | 02000000, 0},
             3,
             memory) == R"(openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_LARGEFILE|O_CLOEXEC) = 3)");
  CHECK(
      line(Abi::x86_64, "openat", {static_cast<std::uint64_t>(-100), 0x1000, 0101 | 01000, 0644},
           -13, memory) ==
      R"(openat(AT_FDCWD, "/etc/hostname", O_WRONLY|O_CREAT|O_TRUNC, 0644) = -1 EACCES (Permission denied))");
  CHECK(line(Abi::i386, "write", {1, 0x2000, 13}, 13, memory) ==
        R"(write(1, "hello, world\n", 13) = 13)");
  // an unreadable buffer is its address
  CHECK(line(Abi::i386, "write", {1, 0x10, 4}, -14, memory) ==
        "write(1, 0x10, 4) = -1 EFAULT (Bad address)");
  // read's buffer is shown after the call, as much as it returned
  CHECK(line(Abi::x86_64, "read", {0, 0x2000, 100}, 5, memory) == R"(read(0, "hello", 100) = 5)");
  CHECK(line(Abi::i386, "mmap2", {0, 8192, 3, 0x22, static_cast<std::uint32_t>(-1), 0},
             static_cast<std::int32_t>(0xf7f00000u)) ==
        "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7f00000");
  CHECK(line(Abi::i386, "kill", {1234, 10}, 0) == "kill(1234, SIGUSR1) = 0");
  CHECK(line(Abi::i386, "access", {0x1000, 0}, -2, memory) ==
        R"(access("/etc/hostname", F_OK) = -1 ENOENT (No such file or directory))");
  CHECK(line(Abi::x86_64, "fcntl", {3, 1}, 1) == "fcntl(3, F_GETFD) = 1");
  CHECK(line(Abi::x86_64, "fcntl", {3, 2, 1}, 0) == "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
  CHECK(line(Abi::x86_64, "futex", {0x3000, 0x80, 2, 0, 0, 0}, 0) ==
        "futex(0x3000, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0) = 0");
  CHECK(line(Abi::x86_64, "socket", {2, 1 | 02000000, 0}, 3) ==
        "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3");
  CHECK(line(Abi::x86_64, "exit_group", {0}, std::nullopt) == "exit_group(0) = ?");
  CHECK(line(Abi::x86_64, "clone", {0x1200000 | 17, 0, 0, 0x4000, 0}, 99) ==
        "clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, NULL, NULL, 0x4000, 0) = 99");
}

TEST_CASE("sets and written scalars: signal sets by name, out integers in brackets", "[trace]") {
  FakeMemory memory;
  // SIGALRM (14) and SIGINT (2): bits 13 and 1
  memory.put(0x4000, std::string("\x02\x20\0\0\0\0\0\0", 8));
  memory.put(0x4100, std::string(8, '\xff'));
  memory.put(0x4200, std::string("\x03\0\0\0\x04\0\0\0", 8));
  CHECK(line(Abi::i386, "rt_sigprocmask", {0, 0x4000, 0x4100, 8}, 0, memory) ==
        "rt_sigprocmask(SIG_BLOCK, [INT ALRM], ~[], 8) = 0");
  // the set the kernel writes is shown only when it wrote it
  CHECK(line(Abi::i386, "rt_sigprocmask", {2, 0x4000, 0x4100, 8}, -22, memory) ==
        "rt_sigprocmask(SIG_SETMASK, [INT ALRM], 0x4100, 8) = -1 EINVAL (Invalid argument)");
  CHECK(line(Abi::i386, "pipe2", {0x4200, 02000000}, 0, memory) == "pipe2([3, 4], O_CLOEXEC) = 0");
  CHECK(line(Abi::i386, "flock", {3, 2 | 4}, 0) == "flock(3, LOCK_EX|LOCK_NB) = 0");
  CHECK(line(Abi::i386, "ioctl", {1, 0x5401, 0xffffbeb8}, -25) ==
        "ioctl(1, TCGETS, 0xffffbeb8) = -1 ENOTTY (Inappropriate ioctl for device)");
  CHECK(line(Abi::i386, "mmap2", {0xf7d9c000, 4096, 5, 0x812, 3, 34}, 0xf7d9c000) ==
        "mmap2(0xf7d9c000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, "
        "0x22000) = 0xf7d9c000");
}
