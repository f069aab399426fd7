// Description-driven struct conversion against hand-written conversion of the same structs,
// measured in one run; and the i386 translators' own cost per call, next to the native
// call it makes. Run: bench/run_convert_bench.sh (results in docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/ioctls.hpp"
#include "syscompat/translators/convert.hpp"
#include "syscompat/translators/i386.hpp"

namespace abi = syscompat::abi;
using syscompat::translators::convert;

namespace {

// ---- hand-written: the kernel's own way, fields assigned one by one ----

struct __attribute__((packed, aligned(4))) hand_stat64 {  // i386's struct stat64
  unsigned long long st_dev;
  unsigned char __pad0[4];
  std::uint32_t __st_ino;
  std::uint32_t st_mode, st_nlink, st_uid, st_gid;
  unsigned long long st_rdev;
  unsigned char __pad3[4];
  long long st_size;
  std::uint32_t st_blksize;
  unsigned long long st_blocks;
  std::uint32_t st_atime_, st_atime_nsec, st_mtime_, st_mtime_nsec, st_ctime_, st_ctime_nsec;
  unsigned long long st_ino;
};
static_assert(sizeof(hand_stat64) == 96);

template <class T, class U>
bool fits(U value) {
  return static_cast<U>(static_cast<T>(value)) == value;
}

int hand_convert(const struct stat& s, hand_stat64& d) {
  std::memset(&d, 0, sizeof d);
  if (!fits<std::uint32_t>(s.st_nlink) || !fits<std::uint32_t>(s.st_blksize) ||
      !fits<std::uint32_t>(s.st_atime) || !fits<std::uint32_t>(s.st_mtime) ||
      !fits<std::uint32_t>(s.st_ctime))
    return EOVERFLOW;
  d.st_dev = s.st_dev;
  d.__st_ino = static_cast<std::uint32_t>(s.st_ino);
  d.st_mode = s.st_mode;
  d.st_nlink = static_cast<std::uint32_t>(s.st_nlink);
  d.st_uid = s.st_uid;
  d.st_gid = s.st_gid;
  d.st_rdev = s.st_rdev;
  d.st_size = s.st_size;
  d.st_blksize = static_cast<std::uint32_t>(s.st_blksize);
  d.st_blocks = s.st_blocks;
  d.st_atime_ = static_cast<std::uint32_t>(s.st_atime);
  d.st_atime_nsec = static_cast<std::uint32_t>(s.st_atim.tv_nsec);
  d.st_mtime_ = static_cast<std::uint32_t>(s.st_mtime);
  d.st_mtime_nsec = static_cast<std::uint32_t>(s.st_mtim.tv_nsec);
  d.st_ctime_ = static_cast<std::uint32_t>(s.st_ctime);
  d.st_ctime_nsec = static_cast<std::uint32_t>(s.st_ctim.tv_nsec);
  d.st_ino = s.st_ino;
  return 0;
}

struct hand_rusage32 {  // i386's struct rusage: old_timeval of 32-bit longs, 32-bit longs
  std::int32_t utime_sec, utime_usec, stime_sec, stime_usec;
  std::int32_t rest[14];
};

int hand_convert(const struct rusage& r, hand_rusage32& d) {
  const long* rest = &r.ru_maxrss;
  for (int i = 0; i < 14; ++i)
    if (!fits<std::int32_t>(rest[i])) return EOVERFLOW;
  if (!fits<std::int32_t>(r.ru_utime.tv_sec) || !fits<std::int32_t>(r.ru_utime.tv_usec) ||
      !fits<std::int32_t>(r.ru_stime.tv_sec) || !fits<std::int32_t>(r.ru_stime.tv_usec))
    return EOVERFLOW;
  d.utime_sec = static_cast<std::int32_t>(r.ru_utime.tv_sec);
  d.utime_usec = static_cast<std::int32_t>(r.ru_utime.tv_usec);
  d.stime_sec = static_cast<std::int32_t>(r.ru_stime.tv_sec);
  d.stime_usec = static_cast<std::int32_t>(r.ru_stime.tv_usec);
  for (int i = 0; i < 14; ++i) d.rest[i] = static_cast<std::int32_t>(rest[i]);
  return 0;
}

struct hand_iovec32 {
  std::uint32_t base, len;
};
struct hand_msghdr32 {
  std::uint32_t name;
  std::int32_t namelen;
  std::uint32_t iov, iovlen, control, controllen, flags;
};
struct msg32 {
  hand_msghdr32 hdr;
  hand_iovec32 iov[3];
};
struct msg64 {
  struct msghdr hdr;
  struct iovec iov[3];
};

// The same bytes as the description's result: msghdr's two alignment holes are zeroed.
void hand_convert(const msg32& g, msg64& n) {
  std::memset(&n.hdr, 0, sizeof n.hdr);
  n.hdr.msg_name = reinterpret_cast<void*>(std::uintptr_t{g.hdr.name});
  n.hdr.msg_namelen = static_cast<socklen_t>(g.hdr.namelen);
  n.hdr.msg_iov = n.iov;
  n.hdr.msg_iovlen = g.hdr.iovlen;
  n.hdr.msg_control = reinterpret_cast<void*>(std::uintptr_t{g.hdr.control});
  n.hdr.msg_controllen = g.hdr.controllen;
  n.hdr.msg_flags = static_cast<int>(g.hdr.flags);
  for (int i = 0; i < 3; ++i) {
    n.iov[i].iov_base = reinterpret_cast<void*>(std::uintptr_t{g.iov[i].base});
    n.iov[i].iov_len = g.iov[i].len;
  }
}

// ---- the same through the description ----

struct sample_stat {
  struct stat host;
  sample_stat() {
    ::fstat(0, &host);
    host.st_ino = 0x123456789;
    host.st_size = 5ll << 32;
  }
};

void BM_stat64_hand(benchmark::State& state) {
  sample_stat s;
  hand_stat64 d;
  for (auto _ : state) {
    benchmark::DoNotOptimize(hand_convert(s.host, d));
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
}
void BM_stat64_description(benchmark::State& state) {
  sample_stat s;
  abi::stat<abi::X86_64> host;
  std::memcpy(&host, &s.host, sizeof host);
  abi::stat64<abi::I386> d;
  for (auto _ : state) {
    benchmark::DoNotOptimize(convert(host, d));
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
}

void BM_statx_hand(benchmark::State& state) {
  abi::statx<abi::X86_64> host{};
  host.stx_size.set(12345);
  abi::statx<abi::I386> d;
  for (auto _ : state) {
    std::memcpy(&d, &host, sizeof d);  // the layouts are the same: a copy
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
}
void BM_statx_description(benchmark::State& state) {
  abi::statx<abi::X86_64> host{};
  host.stx_size.set(12345);
  abi::statx<abi::I386> d;
  for (auto _ : state) {
    benchmark::DoNotOptimize(convert(host, d));
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
}

void BM_rusage_hand(benchmark::State& state) {
  struct rusage r;
  getrusage(RUSAGE_SELF, &r);
  hand_rusage32 d;
  for (auto _ : state) {
    benchmark::DoNotOptimize(hand_convert(r, d));
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
}
void BM_rusage_description(benchmark::State& state) {
  abi::rusage<abi::X86_64> r;
  getrusage(RUSAGE_SELF, reinterpret_cast<struct rusage*>(&r));
  abi::rusage<abi::I386> d;
  for (auto _ : state) {
    benchmark::DoNotOptimize(convert(r, d));
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
}

void BM_msghdr_hand(benchmark::State& state) {
  msg32 g{{0x1000, 16, 0x2000, 3, 0x3000, 64, 0}, {{0x4000, 10}, {0x5000, 20}, {0x6000, 30}}};
  msg64 n;
  for (auto _ : state) {
    hand_convert(g, n);
    benchmark::DoNotOptimize(n);
    benchmark::ClobberMemory();
  }
}
void BM_msghdr_description(benchmark::State& state) {
  abi::msghdr<abi::I386> hdr{};
  hdr.msg_name.set(0x1000);
  hdr.msg_namelen.set(16);
  hdr.msg_iov.set(0x2000);
  hdr.msg_iovlen.set(3);
  hdr.msg_control.set(0x3000);
  hdr.msg_controllen.set(64);
  abi::iovec<abi::I386> iov[3]{};
  for (int i = 0; i < 3; ++i) {
    iov[i].iov_base.set(0x4000u + 0x1000u * i);
    iov[i].iov_len.set(10u * (i + 1));
  }
  abi::msghdr<abi::X86_64> nhdr;
  abi::iovec<abi::X86_64> niov[3];
  for (auto _ : state) {
    benchmark::DoNotOptimize(convert(hdr, nhdr));
    nhdr.msg_iov.set(reinterpret_cast<std::uint64_t>(niov));
    for (int i = 0; i < 3; ++i) benchmark::DoNotOptimize(convert(iov[i], niov[i]));
    benchmark::DoNotOptimize(nhdr);
    benchmark::DoNotOptimize(niov);
    benchmark::ClobberMemory();
  }
}

// ---- the translators' cost per call, beside the native call it makes ----

struct Guest {
  std::uint8_t* arena;
  syscompat::translators::GuestMemory memory;
  syscompat::translators::I386Translator translator{memory};
  Guest() {
    arena = static_cast<std::uint8_t*>(mmap(nullptr, 1 << 16, PROT_READ | PROT_WRITE,
                                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0));
    memory.map(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(arena)), 1 << 16,
               syscompat::translators::GuestMemory::readable |
                   syscompat::translators::GuestMemory::writable);
  }
  ~Guest() { munmap(arena, 1 << 16); }
  std::uint32_t at(std::size_t offset) const {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(arena + offset));
  }
};

std::uint32_t i386_number(const char* name) {
  return abi::find_syscall(abi::Abi::i386, name)->number;
}

void BM_getppid_native(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(::syscall(SYS_getppid));
}
void BM_getppid_translated(benchmark::State& state) {
  Guest g;
  const auto nr = i386_number("getppid");
  for (auto _ : state) benchmark::DoNotOptimize(g.translator.translate(nr, {}));
}
void BM_fstat64_native(benchmark::State& state) {
  struct stat s;
  for (auto _ : state) benchmark::DoNotOptimize(::syscall(SYS_fstat, 0, &s));
}
void BM_fstat64_translated(benchmark::State& state) {
  Guest g;
  const auto nr = i386_number("fstat64");
  for (auto _ : state) benchmark::DoNotOptimize(g.translator.translate(nr, {0, g.at(0)}));
}
void BM_read4k_native(benchmark::State& state) {
  const int fd = open("/dev/zero", O_RDONLY);
  static char buffer[4096];
  for (auto _ : state) benchmark::DoNotOptimize(::syscall(SYS_read, fd, buffer, 4096));
  close(fd);
}
void BM_read4k_translated(benchmark::State& state) {
  Guest g;
  const int fd = open("/dev/zero", O_RDONLY);
  const auto nr = i386_number("read");
  for (auto _ : state)
    benchmark::DoNotOptimize(
        g.translator.translate(nr, {static_cast<std::uint32_t>(fd), g.at(0), 4096}));
  close(fd);
}

// ioctl: FIONREAD on a pipe (an int with the same bytes: passthrough) and SIOCGIFFLAGS on lo
// (an ifreq: the hand-written get_user_ifreq/put_user_ifreq copy).
void BM_fionread_native(benchmark::State& state) {
  int fds[2];
  if (pipe(fds)) return;
  int pending = 0;
  for (auto _ : state) benchmark::DoNotOptimize(::syscall(SYS_ioctl, fds[0], FIONREAD, &pending));
  close(fds[0]);
  close(fds[1]);
}
void BM_fionread_translated(benchmark::State& state) {
  Guest g;
  int fds[2];
  if (pipe(fds)) return;
  const auto nr = i386_number("ioctl");
  const auto request = abi::find_ioctl(abi::Abi::i386, "FIONREAD")->number;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        g.translator.translate(nr, {static_cast<std::uint32_t>(fds[0]), request, g.at(0)}));
  close(fds[0]);
  close(fds[1]);
}
void BM_siocgifflags_native(benchmark::State& state) {
  const int sock = socket(AF_INET, SOCK_DGRAM, 0);
  struct ifreq request {};
  std::strcpy(request.ifr_name, "lo");
  for (auto _ : state) benchmark::DoNotOptimize(::syscall(SYS_ioctl, sock, SIOCGIFFLAGS, &request));
  close(sock);
}
void BM_siocgifflags_translated(benchmark::State& state) {
  Guest g;
  const int sock = socket(AF_INET, SOCK_DGRAM, 0);
  std::strcpy(reinterpret_cast<char*>(g.arena), "lo");
  const auto nr = i386_number("ioctl");
  const auto request = abi::find_ioctl(abi::Abi::i386, "SIOCGIFFLAGS")->number;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        g.translator.translate(nr, {static_cast<std::uint32_t>(sock), request, g.at(0)}));
  close(sock);
}

}  // namespace

BENCHMARK(BM_stat64_hand);
BENCHMARK(BM_stat64_description);
BENCHMARK(BM_statx_hand);
BENCHMARK(BM_statx_description);
BENCHMARK(BM_rusage_hand);
BENCHMARK(BM_rusage_description);
BENCHMARK(BM_msghdr_hand);
BENCHMARK(BM_msghdr_description);
BENCHMARK(BM_getppid_native);
BENCHMARK(BM_getppid_translated);
BENCHMARK(BM_fstat64_native);
BENCHMARK(BM_fstat64_translated);
BENCHMARK(BM_read4k_native);
BENCHMARK(BM_read4k_translated);
BENCHMARK(BM_fionread_native);
BENCHMARK(BM_fionread_translated);
BENCHMARK(BM_siocgifflags_native);
BENCHMARK(BM_siocgifflags_translated);

BENCHMARK_MAIN();
