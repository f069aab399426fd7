// The trace decoder (abi/'s trace_decode) on each kind of value it names, for the guest
// (i386) and native (x86_64) views and ABIs whose numbers differ (mips, arm). strace's own
// output for the same programs is the oracle of the comparison (docs/trace.md); these pin
// the forms.
#include "syscompat/abi/trace_decode.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstddef>
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
  CHECK(line(Abi::x86_64, "fcntl", {3, 1}, 1) == "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
  CHECK(line(Abi::x86_64, "fcntl", {3, 1}, 0) == "fcntl(3, F_GETFD) = 0");
  CHECK(line(Abi::x86_64, "fcntl", {3, 2, 1}, 0) == "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
  // futex: the arguments the operation takes, as strace 6.1 shows them
  CHECK(line(Abi::x86_64, "futex", {0x3000, 0x80, 2, 0, 0, 0}, 0) ==
        "futex(0x3000, FUTEX_WAIT_PRIVATE, 2, NULL) = 0");
  CHECK(line(Abi::i386, "futex", {0x3000, 1, 1, 0, 0x5000, 0xf7d8a5a8}, 0) ==
        "futex(0x3000, FUTEX_WAKE, 1) = 0");
  CHECK(
      line(Abi::i386, "futex", {0x3000, 9 | 256, 7, 0, 0, 0xffffffff}, 0) ==
      "futex(0x3000, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 7, NULL, FUTEX_BITSET_MATCH_ANY) = 0");
  CHECK(line(Abi::i386, "futex", {0x3000, 4 | 128, 1, 0x7fffffff, 0x5000, 2}, 1) ==
        "futex(0x3000, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2147483647, 0x5000, 2) = 1");
  CHECK(line(Abi::i386, "futex", {0x3000, 7, 0, 0, 0, 0}, 0) ==
        "futex(0x3000, FUTEX_UNLOCK_PI) = 0");
  CHECK(line(Abi::x86_64, "socket", {2, 1 | 02000000, 0}, 3) ==
        "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");
  CHECK(line(Abi::x86_64, "socket", {10, 2, 17}, 3) ==
        "socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 3");
  CHECK(line(Abi::x86_64, "socket", {1, 1, 0}, 3) == "socket(AF_UNIX, SOCK_STREAM, 0) = 3");
  CHECK(line(Abi::i386, "getpriority", {0, 0}, 20) == "getpriority(PRIO_PROCESS, 0) = 20");
  CHECK(line(Abi::i386, "shutdown", {9, 1}, 0) == "shutdown(9, SHUT_WR) = 0");
  CHECK(line(Abi::i386, "getrusage", {0, 0}, -14) ==
        "getrusage(RUSAGE_SELF, NULL) = -1 EFAULT (Bad address)");
  CHECK(line(Abi::i386, "setitimer", {0, 0, 0}, 0) == "setitimer(ITIMER_REAL, NULL, NULL) = 0");
  CHECK(line(Abi::i386, "wait4", {5, 0, 2, 0}, 5) == "wait4(5, NULL, WSTOPPED, NULL) = 5");
  CHECK(line(Abi::i386, "signalfd4", {static_cast<std::uint64_t>(-1), 0, 8, 0}, 3) ==
        "signalfd4(-1, NULL, 8, 0) = 3");
  // open's flags in strace's order, composites whole
  CHECK(abi::show_flags(abi::vocab::open_flags, Abi::i386, 0104000 | 02200000) ==
        "O_NONBLOCK|O_LARGEFILE|O_CLOEXEC|O_DIRECTORY");
  CHECK(abi::show_flags(abi::vocab::open_flags, Abi::i386, 0200 | 020200000) == "O_EXCL|O_TMPFILE");
  // a number no syscall has, in hex as strace shows it
  const std::uint64_t unknown[] = {1, 2};
  CHECK(abi::trace_line(Abi::i386, {nullptr, 1000, unknown, -38}, FakeMemory{}) ==
        "syscall_0x3e8(0x1, 0x2) = -1 ENOSYS (Function not implemented)");
  CHECK(line(Abi::i386, "umask", {027}, 022) == "umask(027) = 022");
  CHECK(line(Abi::i386, "io_uring_enter", {3, 1, 1, 1, 0, 0}, 1) ==
        "io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) = 1");
  CHECK(line(Abi::x86_64, "exit_group", {0}, std::nullopt) == "exit_group(0) = ?");
  CHECK(line(Abi::x86_64, "clone", {0x1200000 | 17, 0, 0, 0x4000, 0}, 99) ==
        "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
        "child_tidptr=0x4000) = 99");
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

namespace {
template <class T>
std::string bytes_of(const T& value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof value);
}
}  // namespace

// The native view's structs are this compiler's own (glibc's and the kernel's headers): the
// decoder reads them only by the description's layouts, so these check both.
TEST_CASE("structs read by the description's layouts, in strace's notation", "[trace]") {
  FakeMemory memory;
  struct stat st {};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 45743;
  memory.put(0x1000, bytes_of(st));
  CHECK(line(Abi::x86_64, "fstat", {3, 0x1000}, 0, memory) ==
        "fstat(3, {st_mode=S_IFREG|0644, st_size=45743, ...}) = 0");
  // an out struct is its address when the call failed
  CHECK(line(Abi::x86_64, "fstat", {3, 0x1000}, -9, memory) ==
        "fstat(3, 0x1000) = -1 EBADF (Bad file descriptor)");

  struct statx sx {};
  sx.stx_mask = STATX_BASIC_STATS;
  sx.stx_mode = S_IFCHR | 0620;
  sx.stx_size = 0;
  memory.put(0x1800, bytes_of(sx));
  memory.put(0x1f00, std::string("\0", 1));
  CHECK(
      line(Abi::x86_64, "statx", {1, 0x1f00, 0x1000, STATX_BASIC_STATS, 0x1800}, 0, memory) ==
      R"(statx(1, "", AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH, STATX_BASIC_STATS, )"
      R"({stx_mask=STATX_BASIC_STATS, stx_attributes=0, stx_mode=S_IFCHR|0620, stx_size=0, ...}) = 0)");

  const timespec ts{1, 500};
  memory.put(0x2000, bytes_of(ts));
  CHECK(line(Abi::x86_64, "clock_gettime", {1, 0x2000}, 0, memory) ==
        "clock_gettime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=500}) = 0");
  CHECK(line(Abi::x86_64, "nanosleep", {0x2000, 0x3000}, 0, memory) ==
        "nanosleep({tv_sec=1, tv_nsec=500}, 0x3000) = 0");

  const rlimit limit{8192 * 1024, RLIM_INFINITY};
  memory.put(0x2100, bytes_of(limit));
  CHECK(line(Abi::x86_64, "prlimit64", {0, RLIMIT_STACK, 0, 0x2100}, 0, memory) ==
        "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");

  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(8080);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  memory.put(0x2200, bytes_of(in));
  CHECK(
      line(Abi::x86_64, "connect", {3, 0x2200, sizeof in}, 0, memory) ==
      R"(connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0)");
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::strcpy(un.sun_path, "/tmp/s");
  memory.put(0x2400, bytes_of(un));
  CHECK(line(Abi::x86_64, "bind", {3, 0x2400, offsetof(sockaddr_un, sun_path) + 7}, 0, memory) ==
        R"(bind(3, {sa_family=AF_UNIX, sun_path="/tmp/s"}, 9) = 0)");

  memory.put(0x3000, "hello world");
  const iovec vectors[2] = {{reinterpret_cast<void*>(0x3000), 5},
                            {reinterpret_cast<void*>(0x3005), 6}};
  memory.put(0x3100, bytes_of(vectors));
  CHECK(line(Abi::x86_64, "writev", {1, 0x3100, 2}, 11, memory) ==
        R"(writev(1, [{iov_base="hello", iov_len=5}, {iov_base=" world", iov_len=6}], 2) = 11)");
  // readv: what the kernel wrote, 7 bytes shared out in order
  CHECK(line(Abi::x86_64, "readv", {0, 0x3100, 2}, 7, memory) ==
        R"(readv(0, [{iov_base="hello", iov_len=5}, {iov_base=" w", iov_len=6}], 2) = 7)");

  const pollfd polled{3, POLLIN, POLLIN};
  memory.put(0x3200, bytes_of(polled));
  CHECK(line(Abi::x86_64, "poll", {0x3200, 1, 0}, 1, memory) ==
        "poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])");
  CHECK(line(Abi::x86_64, "poll", {0x3200, 1, 0}, 0, memory) ==
        "poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)");

  memory.put(0x3300, bytes_of(0x0100));
  CHECK(line(Abi::x86_64, "wait4", {static_cast<std::uint64_t>(-1), 0x3300, 0, 0}, 99, memory) ==
        "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL) = 99");
  memory.put(0x3310, bytes_of(0x0089));
  CHECK(line(Abi::x86_64, "wait4", {static_cast<std::uint64_t>(-1), 0x3310, 0, 0}, 99, memory) ==
        "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}], 0, NULL) = 99");

  utsname names{};
  std::strcpy(names.sysname, "Linux");
  std::strcpy(names.nodename, "vm");
  memory.put(0x4000, bytes_of(names));
  CHECK(line(Abi::x86_64, "uname", {0x4000}, 0, memory) ==
        R"(uname({sysname="Linux", nodename="vm", ...}) = 0)");

  // the kernel's x86_64 struct sigaction: handler, flags, restorer, mask
  const std::uint64_t action[4] = {0x401000, 0x14000000, 0x402000, 1u << (10 - 1)};
  memory.put(0x5000, bytes_of(action));
  const std::uint64_t defaults[4] = {0, 0, 0, 0};
  memory.put(0x5100, bytes_of(defaults));
  CHECK(line(Abi::x86_64, "rt_sigaction", {10, 0x5000, 0x5100, 8}, 0, memory) ==
        "rt_sigaction(SIGUSR1, {sa_handler=0x401000, sa_mask=[USR1], "
        "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x402000}, "
        "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
}

TEST_CASE("bit-fields, magic numbers, mount flags, task names, as strace 6.1 shows them",
          "[trace]") {
  FakeMemory memory;
  // i386 glibc's TLS descriptor: entry_number -1 asks for a free entry; the bit-fields
  // seg_32bit (bit 0) and limit_in_pages (4) and useable (6) set. Shown as the kernel read
  // it; the entry it chose is the result's.
  const std::uint32_t desc[4] = {0xffffffff, 0xf7ec6540, 0xfffff, 0x51};
  memory.put(0x1000, bytes_of(desc));
  CHECK(line(Abi::i386, "set_thread_area", {0x1000}, 0, memory) ==
        "set_thread_area({entry_number=-1, base_addr=0xf7ec6540, limit=0x0fffff, seg_32bit=1, "
        "contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1}) = 0 "
        "(entry_number=4294967295)");
  const std::uint32_t chosen[4] = {12, 0xf7ec6540, 0xfffff, 0x51 | 0x6};
  memory.put(0x1100, bytes_of(chosen));
  CHECK(
      line(Abi::i386, "set_thread_area", {0x1100}, 0, memory)
          .ends_with(
              "contents=3, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1}) = 0 "
              "(entry_number=12)"));

  // i386 statfs64 (84 bytes): f_type, f_bsize, five u64 counts, f_fsid, f_namelen, f_frsize,
  // f_flags (ST_VALID is 0x20, ST_RELATIME 0x1000), f_spare
  std::uint32_t sfs[21] = {0xEF53, 4096,       10, 0,   9,    0,      8, 0, 7, 0, 6,
                           0,      0x8b8136fb, 0,  255, 4096, 0x1020, 0, 0, 0, 0};
  memory.put(0x2000, bytes_of(sfs));
  memory.put(0x2100, std::string(".\0", 2));
  CHECK(line(Abi::i386, "statfs64", {0x2100, 84, 0x2000}, 0, memory) ==
        R"(statfs64(".", 84, {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=10, f_bfree=9, )"
        "f_bavail=8, f_files=7, f_ffree=6, f_fsid={val=[0x8b8136fb, 0]}, f_namelen=255, "
        "f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
  sfs[0] = 0x858458f6;                  // RAMFS_MAGIC, above INT32_MAX
  sfs[16] = 0x1 | 0x2 | 0x20 | 0x4000;  // read-only, nosuid, ST_VALID, a bit nobody names
  memory.put(0x2000, bytes_of(sfs));
  const std::string ramfs = line(Abi::i386, "statfs64", {0x2100, 84, 0x2000}, 0, memory);
  CHECK(ramfs.starts_with(R"(statfs64(".", 84, {f_type=RAMFS_MAGIC, )"));
  CHECK(ramfs.ends_with("f_flags=ST_RDONLY|ST_NOSUID|ST_VALID|0x4000}) = 0"));

  memory.put(0x3000, std::string("renamed-guest\0", 14));
  CHECK(line(Abi::i386, "prctl", {15, 0x3000, 0, 0, 0}, 0, memory) ==
        R"(prctl(PR_SET_NAME, "renamed-guest") = 0)");
  CHECK(line(Abi::i386, "prctl", {16, 0x3000, 7, 8, 9}, 0, memory) ==
        R"(prctl(PR_GET_NAME, "renamed-guest") = 0)");
  CHECK(line(Abi::i386, "prctl", {16, 0x3000, 7, 8, 9}, -14, memory) ==
        "prctl(PR_GET_NAME, 0x3000) = -1 EFAULT (Bad address)");
  CHECK(line(Abi::i386, "prctl", {3, 0xffffd000, 31, 0, 0}, 1, memory) ==
        "prctl(PR_GET_DUMPABLE) = 1");
  CHECK(line(Abi::i386, "prctl", {38, 1, 0, 0, 0}, 0, memory) ==
        "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");

  // getdents64: two records of 24 and 32 bytes (d_reclen at offset 16)
  std::string dirents(56, '\0');
  dirents[16] = 24;
  dirents[24 + 16] = 32;
  memory.put(0x4000, dirents);
  CHECK(line(Abi::x86_64, "getdents64", {3, 0x4000, 32768}, 56, memory) ==
        "getdents64(3, 0x4000 /* 2 entries */, 32768) = 56");
  CHECK(line(Abi::x86_64, "getdents64", {3, 0x4000, 32768}, 0, memory) ==
        "getdents64(3, 0x4000 /* 0 entries */, 32768) = 0");

  // socket options: an int as [N], other sizes as bytes; getsockopt's after the call, as
  // many as the length the kernel wrote back
  memory.put(0x4900, bytes_of(std::int32_t{1}));
  memory.put(0x4910, bytes_of(std::int32_t{4}));
  CHECK(line(Abi::i386, "setsockopt", {8, 1, 2, 0x4900, 4}, 0, memory) ==
        "setsockopt(8, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
  CHECK(line(Abi::i386, "getsockopt", {9, 1, 3, 0x4900, 0x4910}, 0, memory) ==
        "getsockopt(9, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
  memory.put(0x4a00, std::string("\0\0\0\0 \313\0\0", 8));
  memory.put(0x4a10, bytes_of(std::int32_t{8}));
  CHECK(line(Abi::i386, "getsockopt", {4, 1, 20, 0x4a00, 0x4a10}, 0, memory) ==
        R"(getsockopt(4, SOL_SOCKET, SO_RCVTIMEO_OLD, "\0\0\0\0 \313\0\0", [8]) = 0)");

  // getgroups: as many groups as the result says
  memory.put(0x4800, bytes_of(std::array<std::uint32_t, 2>{27, 100}));
  CHECK(line(Abi::i386, "getgroups32", {64, 0x4800}, 0, memory) == "getgroups32(64, []) = 0");
  CHECK(line(Abi::i386, "getgroups32", {64, 0x4800}, 2, memory) ==
        "getgroups32(64, [27, 100]) = 2");
  CHECK(line(Abi::i386, "sched_getscheduler", {0}, 0, memory) ==
        "sched_getscheduler(0) = 0 (SCHED_OTHER)");
  memory.put(0x5000, std::string("\x03\x01\0\0", 4));  // CPUs 0, 1 and 8
  CHECK(line(Abi::i386, "sched_getaffinity", {0, 128, 0x5000}, 4, memory) ==
        "sched_getaffinity(0, 128, [0 1 8]) = 4");

  // clone: the parent's tid as the kernel wrote it; i386's tls a user_desc
  memory.put(0x6000, bytes_of(std::int32_t{4321}));
  CHECK(line(Abi::i386, "clone", {0x3d0f00, 0xf7d90ff4, 0x6000, 0x1100, 0x7000}, 4321, memory) ==
        "clone(child_stack=0xf7d90ff4, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|"
        "CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, "
        "parent_tid=[4321], tls={entry_number=12, base_addr=0xf7ec6540, limit=0x0fffff, "
        "seg_32bit=1, contents=3, read_exec_only=0, limit_in_pages=1, seg_not_present=0, "
        "useable=1}, child_tidptr=0x7000) = 4321");
  // clone3: the tids and the tls only with the flags that have the kernel use them
  const std::uint64_t args[11] = {0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0};
  memory.put(0x8000, bytes_of(args));
  CHECK(line(Abi::i386, "clone3", {0x8000, 88}, 99, memory) ==
        "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = 99");
}

TEST_CASE("the string limit (strace's -s) cuts buffers and strings", "[trace]") {
  FakeMemory memory;
  memory.put(0x2000, "hello, world\n");
  const abi::Syscall* call = abi::find_syscall(Abi::x86_64, "write");
  const std::uint64_t registers[] = {1, 0x2000, 13};
  CHECK(abi::trace_line(Abi::x86_64, {call, call->number, registers, 13}, memory, {5}) ==
        R"(write(1, "hello"..., 13) = 13)");
}

TEST_CASE("a line in two parts: what is known before the call, the rest after it", "[trace]") {
  FakeMemory memory;
  memory.put(0x2000, "abc");
  const abi::Syscall* read = abi::find_syscall(Abi::i386, "read");
  const std::uint64_t registers[] = {3, 0x2000, 64};
  const auto before = abi::trace_parts(Abi::i386, {read, read->number, registers, {}}, memory);
  const auto after = abi::trace_parts(Abi::i386, {read, read->number, registers, 3}, memory);
  CHECK(before.entry == "read(3, ");
  CHECK(after.exit == R"("abc", 64) = 3)");
  // every argument known before: the rest is the result alone
  const abi::Syscall* futex = abi::find_syscall(Abi::i386, "futex");
  const std::uint64_t wait[] = {0x3000, 0x80, 2, 0, 0, 0};
  const auto parts = abi::trace_parts(Abi::i386, {futex, futex->number, wait, 0}, memory);
  CHECK(parts.entry == "futex(0x3000, FUTEX_WAIT_PRIVATE, 2, NULL");
  CHECK(parts.exit == ") = 0");
}

TEST_CASE("signal lines from the ABI's siginfo layout", "[trace]") {
  // i386: si_signo, si_errno, si_code, then the union at 12
  std::uint32_t info[32] = {};
  info[0] = 17, info[2] = 1;                    // SIGCHLD, CLD_EXITED
  info[3] = 1234, info[4] = 1000, info[5] = 3;  // pid, uid, status
  CHECK(abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(info), sizeof info}) ==
        "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=1000, "
        "si_status=3, si_utime=0, si_stime=0} ---");
  std::uint32_t user[32] = {};
  user[0] = 10, user[2] = 0, user[3] = 99, user[4] = 0;  // SIGUSR1, SI_USER
  CHECK(abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(user), sizeof user}) ==
        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=99, si_uid=0} ---");
  std::uint32_t fault[32] = {};
  fault[0] = 11, fault[2] = 1;  // SIGSEGV, SEGV_MAPERR, si_addr NULL
  CHECK(abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(fault), sizeof fault}) ==
        "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---");
  std::uint32_t alarm[32] = {};
  alarm[0] = 14, alarm[2] = 0x80;  // SIGALRM, SI_KERNEL
  CHECK(abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(alarm), sizeof alarm}) ==
        "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---");
  // strace's print_si_info: tkill's sender alone (its union is the rt one, with a value of
  // 0); sigqueue's value only when it has one
  std::uint32_t tkill[32] = {};
  tkill[0] = 6, tkill[2] = static_cast<std::uint32_t>(-6), tkill[3] = 77;  // SIGABRT, SI_TKILL
  CHECK(abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(tkill), sizeof tkill}) ==
        "--- SIGABRT {si_signo=SIGABRT, si_code=SI_TKILL, si_pid=77, si_uid=0} ---");
  std::uint32_t queued[32] = {};
  queued[0] = 10, queued[2] = static_cast<std::uint32_t>(-1), queued[3] = 77;  // SI_QUEUE
  CHECK(
      abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(queued), sizeof queued}) ==
      "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=77, si_uid=0} ---");
  queued[5] = 0x2a;  // si_value
  CHECK(
      abi::trace_signal_line(Abi::i386, {reinterpret_cast<std::uint8_t*>(queued), sizeof queued}) ==
      "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=77, si_uid=0, si_int=42, "
      "si_ptr=0x2a} ---");
}

TEST_CASE("-e trace=SET: names, classes, complements; bad input is one line", "[trace]") {
  std::string error;
  const auto number = [](std::string_view name) {
    return abi::find_syscall(Abi::i386, name)->number;
  };
  auto files = abi::parse_trace_filter(Abi::i386, "trace=%file", error);
  REQUIRE(files);
  CHECK(files->traces(number("openat")));
  CHECK(files->traces(number("statx")));
  CHECK(files->traces(number("execve")));
  CHECK_FALSE(files->traces(number("read")));
  CHECK_FALSE(files->traces(number("fstat64")));
  auto some = abi::parse_trace_filter(Abi::i386, "read,write,%network", error);
  REQUIRE(some);
  CHECK(some->traces(number("write")));
  CHECK(some->traces(number("connect")));
  CHECK(some->traces(number("socketcall")));
  CHECK_FALSE(some->traces(number("openat")));
  auto others = abi::parse_trace_filter(Abi::i386, "!%memory,%signal", error);
  REQUIRE(others);
  CHECK_FALSE(others->traces(number("mmap2")));
  CHECK_FALSE(others->traces(number("rt_sigaction")));
  CHECK(others->traces(number("openat")));
  auto process = abi::parse_trace_filter(Abi::i386, "%process", error);
  REQUIRE(process);
  CHECK(process->traces(number("clone")));
  CHECK(process->traces(number("wait4")));
  CHECK(process->traces(number("exit_group")));
  CHECK_FALSE(process->traces(number("getpid")));
  // x32's numbers carry their bit; mips o32's start at 4000
  auto x32 = abi::parse_trace_filter(Abi::x32, "openat", error);
  REQUIRE(x32);
  CHECK(x32->traces(abi::find_syscall(Abi::x32, "openat")->number));
  CHECK_FALSE(abi::parse_trace_filter(Abi::i386, "trace=opne", error));
  CHECK(error == "-e trace=opne: no i386 syscall named 'opne'");
  CHECK_FALSE(abi::parse_trace_filter(Abi::i386, "%files", error));
  CHECK(error.find("no class '%files'") != std::string::npos);
  CHECK_FALSE(abi::parse_trace_filter(Abi::i386, "trace=", error));
}

TEST_CASE("i386 socketcall shown as the call it multiplexes, as strace does", "[trace]") {
  FakeMemory memory;
  const std::uint32_t args[] = {1, 1, 0, 0x4000};  // socketpair(AF_UNIX, SOCK_STREAM, 0, sv)
  memory.put(0x3000, std::string(reinterpret_cast<const char*>(args), sizeof args));
  memory.put(0x4000, std::string("\x03\0\0\0\x04\0\0\0", 8));
  CHECK(line(Abi::i386, "socketcall", {8, 0x3000}, 0, memory) ==
        "socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0");
  // SYS_SEND: i386 has no send entry of its own; arm EABI's (no register pairs) stands in
  const std::uint32_t sent[] = {3, 0x5000, 4, 0};
  memory.put(0x3100, std::string(reinterpret_cast<const char*>(sent), sizeof sent));
  memory.put(0x5000, "ping");
  CHECK(line(Abi::i386, "socketcall", {9, 0x3100}, 4, memory) == R"(send(3, "ping", 4, 0) = 4)");
  // a sub-call no ABI describes: the multiplexer itself
  CHECK(line(Abi::i386, "socketcall", {30, 0x3000}, -22, memory) ==
        "socketcall(30, 0x3000) = -1 EINVAL (Invalid argument)");
}

TEST_CASE("i386 ipc shown as the sub-call its entry names, arguments in its order", "[trace]") {
  // the orders are read while the rows compile (syscall_rows_check.hpp): a misspelt one, or
  // one of too many words, is not valid there
  STATIC_REQUIRE(abi::ipc_arguments("first second third *ptr").count == 4);
  STATIC_REQUIRE(abi::ipc_arguments("first second third *ptr").each[3].indirect);
  STATIC_REQUIRE_FALSE(abi::ipc_arguments("first secnd").valid);
  STATIC_REQUIRE_FALSE(abi::ipc_arguments("first first first first first first first").valid);
  FakeMemory memory;
  // ipc(SEMGET, key, nsems, semflg, ptr, fifth): semget(first, second, third)
  CHECK(line(Abi::i386, "ipc", {2, 0, 2, 01600, 0, 0}, 7, memory) ==
        "semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 7");
  CHECK(line(Abi::i386, "ipc", {2, 0x1234, 1, 0, 0, 0}, 8, memory) == "semget(0x1234, 1, 000) = 8");
  // SEMCTL: semctl(first, second, third, *ptr), the union semun read at ptr: SETVAL's value,
  // IPC_STAT's semid64_ds (after the call)
  memory.put(0x3000, std::string("\x09\0\0\0", 4));
  CHECK(line(Abi::i386, "ipc", {3, 7, 1, 0x100 | 16, 0x3000, 0}, 0, memory) ==
        "semctl(7, 1, IPC_64|SETVAL, [0x9]) = 0");
  memory.put(0x3010, std::string("\0\0\0\0", 4));
  CHECK(line(Abi::i386, "ipc", {3, 7, 0, 0x100 | 0, 0x3010, 0}, 0, memory) ==
        "semctl(7, 0, IPC_64|IPC_RMID, [NULL]) = 0");
  std::uint32_t semid[16] = {};  // ipc64_perm (key, uid, gid, cuid, cgid, mode, ...), times, nsems
  semid[5] = 0600, semid[13] = 2;
  memory.put(0x4000, std::string(reinterpret_cast<const char*>(semid), sizeof semid));
  memory.put(0x3020, std::string("\0\x40\0\0", 4));
  CHECK(line(Abi::i386, "ipc", {3, 7, 0, 0x100 | 2, 0x3020, 0}, 0, memory) ==
        "semctl(7, 0, IPC_64|IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
        "cgid=0}, sem_otime=0, sem_ctime=0, sem_nsems=2}) = 0");
  // SHMCTL: shmctl(first, second, ptr); SEMOP (no i386 entry of its own): semop(first, ptr, second)
  CHECK(line(Abi::i386, "ipc", {24, 5, 0x100 | 0, 0, 0, 0}, 0, memory) ==
        "shmctl(5, IPC_64|IPC_RMID, NULL) = 0");
  CHECK(line(Abi::i386, "ipc", {1, 7, 1, 0, 0x5000, 0}, -22, memory).starts_with("semop(7, "));
  // msgrcv's arguments depend on the version (ipc_kludge): the multiplexer itself
  CHECK(line(Abi::i386, "ipc", {12, 1, 2, 3, 0x5000, 0}, -22, memory).starts_with("ipc(12, 1, "));
}

TEST_CASE("siginfo arguments as strace's printsiginfo shows them", "[trace]") {
  FakeMemory memory;
  std::uint32_t info[32] = {};
  info[0] = 10, info[2] = static_cast<std::uint32_t>(-1), info[3] = 77, info[5] = 0x1092;
  memory.put(0x3000, std::string(reinterpret_cast<const char*>(info), sizeof info));
  CHECK(line(Abi::i386, "rt_sigqueueinfo", {77, 10, 0x3000}, 0, memory) ==
        "rt_sigqueueinfo(77, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=77, si_uid=0, "
        "si_int=4242, si_ptr=0x1092}) = 0");
  std::uint32_t timer[32] = {};
  timer[0] = 34, timer[2] = static_cast<std::uint32_t>(-2), timer[5] = 77;  // SI_TIMER, value
  memory.put(0x4000, std::string(reinterpret_cast<const char*>(timer), sizeof timer));
  CHECK(line(Abi::i386, "rt_sigqueueinfo", {77, 34, 0x4000}, 0, memory) ==
        "rt_sigqueueinfo(77, SIGRT_2, {si_signo=SIGRT_2, si_code=SI_TIMER, si_timerid=0, "
        "si_overrun=0, si_int=77, si_ptr=0x4d}) = 0");
  // timer_create's sigevent: the value, the signal by name, how it notifies
  std::uint32_t event[16] = {77, 34, 0};  // sigev_value, sigev_signo, SIGEV_SIGNAL
  memory.put(0x6000, std::string(reinterpret_cast<const char*>(event), sizeof event));
  memory.put(0x6100, std::string(4, '\0'));
  CHECK(line(Abi::i386, "timer_create", {1, 0x6000, 0x6100}, 0, memory) ==
        "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=77, sival_ptr=0x4d}, "
        "sigev_signo=SIGRT_2, sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
  // the signal rt_sigtimedwait took, named in its result as strace names it
  memory.put(0x5000, std::string(8, '\0'));
  CHECK(line(Abi::i386, "rt_sigtimedwait", {0x5000, 0x4000, 0, 8}, 34, memory)
            .ends_with("= 34 (SIGRT_2)"));
}

TEST_CASE("execve: argv in full, the environment by its address and length, as strace -f",
          "[trace]") {
  FakeMemory memory;
  const auto words = [](std::vector<std::uint32_t> values) {
    return std::string(reinterpret_cast<const char*>(values.data()), values.size() * 4);
  };
  memory.put(0x1000, std::string("/bin/echo\0hi\0A=1\0B=2\0", 21));
  memory.put(0x2000, words({0x1000, 0x100a, 0}));  // argv
  memory.put(0x3000, words({0x100d, 0x1011, 0}));  // envp: two
  memory.put(0x4000, words({0x100d, 0}));          // envp: one
  memory.put(0x5000, words({0x100d}));             // no NULL before the fault
  CHECK(line(Abi::i386, "execve", {0x1000, 0x2000, 0x3000}, 0, memory) ==
        "execve(\"/bin/echo\", [\"/bin/echo\", \"hi\"], 0x3000 /* 2 vars */) = 0");
  CHECK(line(Abi::i386, "execve", {0x1000, 0x2000, 0x4000}, -2, memory) ==
        "execve(\"/bin/echo\", [\"/bin/echo\", \"hi\"], 0x4000 /* 1 var */) = -1 ENOENT (No such "
        "file or directory)");
  CHECK(line(Abi::i386, "execve", {0x1000, 0x2000, 0}, std::nullopt, memory) ==
        "execve(\"/bin/echo\", [\"/bin/echo\", \"hi\"], NULL) = ?");
  CHECK(line(Abi::i386, "execve", {0x1000, 0x2000, 0x5000}, -14, memory) ==
        "execve(\"/bin/echo\", [\"/bin/echo\", \"hi\"], 0x5000) = -1 EFAULT (Bad address)");
  // execveat's directory as every *at call's, AT_FDCWD by name
  CHECK(line(Abi::i386, "execveat", {0xffffff9c, 0x1000, 0x2000, 0, 0x100}, -40, memory) ==
        "execveat(AT_FDCWD, \"/bin/echo\", [\"/bin/echo\", \"hi\"], NULL, AT_SYMLINK_NOFOLLOW) = "
        "-1 ELOOP (Too many levels of symbolic links)");
}

TEST_CASE("fcntl's record locks: struct flock as strace shows it, a query's answer after the call",
          "[trace]") {
  FakeMemory memory;
  const auto bytes = [](auto value) {
    return std::string(reinterpret_cast<const char*>(&value), sizeof value);
  };
  // i386's struct flock: short, short, then 32-bit l_start, l_len, l_pid
  struct [[gnu::packed]] Flock32 {
    std::int16_t type, whence;
    std::int32_t start, len, pid;
  };
  struct [[gnu::packed]] Flock64 {
    std::int16_t type, whence;
    std::int64_t start, len;
    std::int32_t pid;
  };
  memory.put(0x1000, bytes(Flock32{1, 0, 10, 20, 0}));        // F_WRLCK, SEEK_SET
  memory.put(0x2000, bytes(Flock64{2, 1, -5, 0, 4321}));      // F_UNLCK, SEEK_CUR
  memory.put(0x3000, bytes(Flock64{1, 0, 1LL << 33, 1, 0}));  // past 4 GiB
  CHECK(line(Abi::i386, "fcntl64", {3, F_SETLK, 0x1000}, 0, memory) ==
        "fcntl64(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20}) = 0");
  CHECK(line(Abi::i386, "fcntl64", {3, 12 /* F_GETLK64 */, 0x2000}, 0, memory) ==
        "fcntl64(3, F_GETLK64, {l_type=F_UNLCK, l_whence=SEEK_CUR, l_start=-5, l_len=0, "
        "l_pid=4321}) = 0");
  CHECK(line(Abi::i386, "fcntl64", {3, F_OFD_SETLKW, 0x3000}, 0, memory) ==
        "fcntl64(3, F_OFD_SETLKW, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=8589934592, "
        "l_len=1}) = 0");
  memory.put(0x4000, bytes(flock{F_UNLCK, SEEK_CUR, -5, 0, 4321}));  // x86_64's, aligned
  CHECK(line(Abi::x86_64, "fcntl", {3, F_OFD_GETLK, 0x4000}, 0, memory) ==
        "fcntl(3, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_CUR, l_start=-5, l_len=0, "
        "l_pid=4321}) = 0");
  // a query that failed has no answer: its address
  CHECK(line(Abi::i386, "fcntl64", {3, F_GETLK, 0x1000}, -22, memory) ==
        "fcntl64(3, F_GETLK, 0x1000) = -1 EINVAL (Invalid argument)");
  // the answer is the call's exit part: what is known before the call stops at the command
  const abi::Syscall* fcntl64 = abi::find_syscall(Abi::i386, "fcntl64");
  const std::vector<std::uint64_t> getlk{3, F_GETLK, 0x1000};
  const auto before =
      abi::trace_parts(Abi::i386, {fcntl64, fcntl64->number, getlk, std::nullopt}, memory, {});
  CHECK(before.entry == "fcntl64(3, F_GETLK, ");
}
