// ioctl families against the kernel's own compat path: the same request through int $0x80
// and through the translators, on real devices and files of this machine, compared byte
// for byte, bad input included. A device this machine lacks is skipped with a message.
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <linux/sockios.h>
#include <linux/userfaultfd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "oracle.hpp"
#include "syscompat/abi/ioctls.hpp"

using namespace oracle;
using syscompat::abi::Abi;

namespace {

// The i386 number of a described request.
std::uint32_t request(std::string_view name) {
  const auto* entry = syscompat::abi::find_ioctl(Abi::i386, name);
  REQUIRE(entry != nullptr);
  return entry->number;
}

// ioctl(fd, NAME, arg) both ways; `arg` builds the argument in the arena.
void both(int fd, std::string_view name, const std::function<std::uint32_t(Arena&)>& arg = {},
          std::vector<Mask> masks = {},
          const std::function<void(Arena&, std::int32_t)>& cleanup = {}) {
  INFO(name);
  compare(
      [&](Arena& g) {
        const std::uint32_t at = arg ? arg(g) : 0;
        std::vector<Mask> placed;
        for (const auto& m : masks) placed.push_back({at + m.at, m.bytes, m.why});
        return Case{nr("ioctl"), {u32(fd), request(name), at}, placed};
      },
      cleanup);
}

std::function<std::uint32_t(Arena&)> buffer(std::size_t bytes, std::uint8_t fill = 0xa5) {
  return [=](Arena& g) { return g.alloc(bytes, fill); };
}

std::function<std::uint32_t(Arena&)> bytes_of(const void* data, std::size_t size) {
  std::vector<std::uint8_t> copy(static_cast<const std::uint8_t*>(data),
                                 static_cast<const std::uint8_t*>(data) + size);
  return [copy](Arena& g) {
    const auto at = g.alloc(copy.size());
    std::memcpy(g.base + (at - Arena::address(g.base)), copy.data(), copy.size());
    return at;
  };
}

std::function<std::uint32_t(Arena&)> bad_pointer() {
  return [](Arena&) { return 0x10u; };
}

void close_result(Arena&, std::int32_t fd) {
  if (fd >= 0) close(fd);
}

}  // namespace

TEST_CASE("ioctl oracle: ptys through /dev/ptmx", "[oracle][ioctl]") {
  const int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  both(master, "TIOCGPTN", buffer(4));
  both(master, "TIOCSPTLCK", bytes_of("\0\0\0\0", 4));
  both(master, "TIOCGPTLCK", buffer(4));
  both(master, "TCGETS", buffer(36));
  both(master, "TCGETS2", buffer(44));
  both(master, "TCGETA", buffer(18));
  both(master, "TIOCGWINSZ", buffer(8));
  const std::uint16_t size[4] = {24, 80, 0, 0};
  both(master, "TIOCSWINSZ", bytes_of(size, sizeof size));
  both(master, "FIONREAD", buffer(4));
  both(master, "TIOCOUTQ", buffer(4));
  both(master, "TIOCGPKT", buffer(4));
  both(master, "TIOCGEXCL", buffer(4));
  both(master, "TIOCGSID", buffer(4));
  both(master, "TIOCGPGRP", buffer(4));
  both(master, "TIOCGSERIAL", buffer(64));
  both(master, "TIOCGICOUNT", buffer(80));
  compare(
      [&](Arena&) {
        return Case{nr("ioctl"), {u32(master), request("TIOCGPTPEER"), O_RDWR | O_NOCTTY}};
      },
      close_result);
  // bad input: unwritable and unreadable arguments, a bad descriptor
  both(master, "TIOCGPTN", bad_pointer());
  both(master, "TIOCSWINSZ", bad_pointer());
  both(master, "TCGETS", bad_pointer());
  both(9999, "TIOCGPTN", buffer(4));
  close(master);
}

TEST_CASE("ioctl oracle: sockets and the lo interface", "[oracle][ioctl]") {
  const int sock = socket(AF_INET, SOCK_DGRAM, 0);
  REQUIRE(sock >= 0);
  struct ifreq lo {};
  std::strcpy(lo.ifr_name, "lo");
  const auto named = [&](Arena& g) {
    const auto at = g.alloc(32, 0);
    std::memcpy(g.base + (at - Arena::address(g.base)), "lo", 3);
    return at;
  };
  for (const char* name : {"SIOCGIFINDEX", "SIOCGIFFLAGS", "SIOCGIFMTU", "SIOCGIFADDR",
                           "SIOCGIFNETMASK", "SIOCGIFBRDADDR", "SIOCGIFDSTADDR", "SIOCGIFHWADDR",
                           "SIOCGIFTXQLEN", "SIOCGIFMETRIC", "SIOCGIFMAP", "SIOCGIFPFLAGS"})
    both(sock, name, named);
  REQUIRE(ioctl(sock, SIOCGIFFLAGS, &lo) == 0);
  both(sock, "SIOCSIFFLAGS", bytes_of(&lo, 32));  // lo's own flags again: nothing changes
  both(sock, "SIOCGIFNAME", [](Arena& g) {
    const auto at = g.alloc(32, 0);
    const std::int32_t index = 1;
    std::memcpy(g.base + (at - Arena::address(g.base)) + 16, &index, 4);
    return at;
  });
  // SIOCGIFCONF: with a buffer for four records, and without one (the length needed)
  both(sock, "SIOCGIFCONF",
       [](Arena& g) {
         const auto records = g.alloc(4 * 32, 0);
         const auto at = g.alloc(8, 0);
         const std::uint32_t conf[2] = {4 * 32, records};
         std::memcpy(g.base + (at - Arena::address(g.base)), conf, sizeof conf);
         return at;
       },
       {{4, 4, "guest pointers: each arena has its own"}});
  both(sock, "SIOCGIFCONF", buffer(8, 0));
  for (std::uint32_t room : {0u, 16u, 40u})  // no room, less than a record, one and a bit
    both(sock, "SIOCGIFCONF",
         [room](Arena& g) {
           const auto records = g.alloc(64, 0x5a);
           const auto at = g.alloc(8, 0);
           const std::uint32_t conf[2] = {room, records};
           std::memcpy(g.base + (at - Arena::address(g.base)), conf, sizeof conf);
           return at;
         },
         {{4, 4, "guest pointers: each arena has its own"}});
  both(sock, "FIONREAD", buffer(4));
  both(sock, "TIOCOUTQ", buffer(4));  // SIOCOUTQ
  both(sock, "SIOCGSTAMP_OLD", buffer(8));
  both(sock, "SIOCGSTAMPNS_OLD", buffer(8));
  both(sock, "FIOGETOWN", buffer(4));
  both(sock, "SIOCGPGRP", buffer(4));
  // bad input
  both(sock, "SIOCGIFFLAGS", bad_pointer());
  both(sock, "SIOCGIFCONF", bad_pointer());
  both(sock, "SIOCGIFINDEX", [](Arena& g) {
    const auto at = g.alloc(32, 0);
    std::memcpy(g.base + (at - Arena::address(g.base)), "no-such-if0", 12);
    return at;
  });
  both(9999, "SIOCGIFINDEX", named);
  close(sock);
  // tun/tap: the features of /dev/net/tun, no interface made
  const int tun = open("/dev/net/tun", O_RDWR);
  if (tun < 0) {
    WARN("no /dev/net/tun here: tun/tap skipped");
    return;
  }
  both(tun, "TUNGETFEATURES", buffer(4));
  both(tun, "TUNGETIFF", buffer(32));  // EBADFD: no interface attached
  both(tun, "TUNGETVNETHDRSZ", buffer(4));
  both(tun, "TUNGETSNDBUF", buffer(4));
  close(tun);
}

TEST_CASE("ioctl oracle: loop devices, file-backed", "[.][loop]") {
  const int control = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
  if (control < 0) {
    WARN("no /dev/loop-control here (or no permission): loop devices skipped");
    return;
  }
  both(control, "LOOP_CTL_GET_FREE");
  const int free_index = ioctl(control, LOOP_CTL_GET_FREE);
  REQUIRE(free_index >= 0);
  TempFile backing(1 << 20);
  const std::string device = "/dev/loop" + std::to_string(free_index);
  // LOOP_SET_FD both ways, the device released between the runs (LOOP_CLR_FD detaches at
  // the last close)
  int attached = -1;
  compare(
      [&](Arena&) {
        attached = open(device.c_str(), O_RDWR | O_CLOEXEC);
        REQUIRE(attached >= 0);
        return Case{nr("ioctl"), {u32(attached), request("LOOP_SET_FD"), u32(backing.fd)}};
      },
      [&](Arena&, std::int32_t) {
        ioctl(attached, LOOP_CLR_FD);
        close(attached);
      });
  // a device configured once (natively), then every query both ways
  const int fd = open(device.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  struct loop_config config {};
  config.fd = static_cast<std::uint32_t>(backing.fd);
  config.block_size = 512;
  std::strcpy(reinterpret_cast<char*>(config.info.lo_file_name), "syscompat-oracle");
  REQUIRE(ioctl(fd, LOOP_CONFIGURE, &config) == 0);
  for (const char* name :
       {"BLKGETSIZE64", "BLKGETSIZE", "BLKSSZGET", "BLKBSZGET", "BLKROGET", "BLKRAGET", "BLKFRAGET",
        "BLKPBSZGET", "BLKIOMIN", "BLKIOOPT", "BLKALIGNOFF", "BLKROTATIONAL", "BLKDISCARDZEROES",
        "BLKSECTGET", "BLKGETDISKSEQ", "HDIO_GETGEO", "BLKGETZONESZ", "BLKGETNRZONES"})
    both(fd, name, buffer(16));
  both(fd, "LOOP_GET_STATUS64", buffer(232));
  both(fd, "LOOP_GET_STATUS", buffer(140));
  struct loop_info64 info {};
  REQUIRE(ioctl(fd, LOOP_GET_STATUS64, &info) == 0);
  both(fd, "LOOP_SET_STATUS64", bytes_of(&info, sizeof info));
  both(fd, "LOOP_SET_STATUS", [&](Arena& g) {  // the i386 loop_info, as LOOP_GET_STATUS gave it
    const auto at = g.alloc(140, 0);
    REQUIRE(int80(nr("ioctl"), {u32(fd), request("LOOP_GET_STATUS"), at}) == 0);
    return at;
  });
  both(fd, "LOOP_SET_CAPACITY");
  both(fd, "BLKFLSBUF");
  // bad input
  both(fd, "LOOP_GET_STATUS", bad_pointer());
  both(fd, "LOOP_GET_STATUS64", bad_pointer());
  both(fd, "LOOP_SET_STATUS", bad_pointer());
  both(fd, "BLKGETSIZE", bad_pointer());
  both(fd, "BLKRAGET", bad_pointer());
  both(fd, "LOOP_CONFIGURE", buffer(304, 0));  // EBUSY: already bound
  ioctl(fd, LOOP_CLR_FD);
  close(fd);
  close(control);
}

TEST_CASE("ioctl oracle: file flags and ranges on ext4 and tmpfs", "[oracle][ioctl]") {
  TempFile ext4_file(8192);  // /tmp, ext4 here
  char shm_name[] = "/dev/shm/syscompat-ioctl-XXXXXX";
  const int shm_file = mkstemp(shm_name);
  REQUIRE(shm_file >= 0);
  for (int fd : {ext4_file.fd, shm_file}) {
    both(fd, "FS_IOC_GETFLAGS", buffer(4));
    both(fd, "FS_IOC_GETVERSION", buffer(4));
    both(fd, "FS_IOC_FSGETXATTR", buffer(28));
    both(fd, "FIGETBSZ", buffer(4));
    both(fd, "FIONREAD", buffer(4));
    both(fd, "FIOQSIZE", buffer(8));
    std::int32_t flags = 0;
    if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0) both(fd, "FS_IOC_SETFLAGS", bytes_of(&flags, 4));
    both(fd, "FS_IOC_FIEMAP", [](Arena& g) {  // room for four extents
      const auto at = g.alloc(32 + 4 * 56, 0);
      const std::uint64_t header[4] = {0, ~std::uint64_t{0}, 0, 4ull << 32};
      std::memcpy(g.base + (at - Arena::address(g.base)), header, sizeof header);
      return at;
    });
    compare([&](Arena&) { return Case{nr("ioctl"), {u32(fd), request("FICLONE"), u32(fd)}}; });
    both(fd, "FS_IOC_GETFLAGS", bad_pointer());
    both(fd, "FS_IOC_FIEMAP", bad_pointer());
  }
  // a FIEMAP whose extents run past the guest's memory: the kernel and the translation
  // both refuse to write there
  both(ext4_file.fd, "FS_IOC_FIEMAP", [](Arena& g) {
    const auto at = g.alloc(32, 0);
    const std::uint64_t header[4] = {0, ~std::uint64_t{0}, 0, 0x7fffffffull << 32};
    std::memcpy(g.base + (at - Arena::address(g.base)), header, sizeof header);
    return at;
  });
  close(shm_file);
  unlink(shm_name);
}

TEST_CASE("ioctl oracle: userfaultfd, pidfd, nsfs and random", "[oracle][ioctl]") {
  // userfaultfd: UFFDIO_API on a fresh descriptor each run
  const long uffd_nr = SYS_userfaultfd;
  int made = -1;
  compare(
      [&](Arena& g) {
        const int uffd = made =
            static_cast<int>(::syscall(uffd_nr, O_CLOEXEC | UFFD_USER_MODE_ONLY));
        REQUIRE(uffd >= 0);
        const auto at = g.alloc(24, 0);
        const std::uint64_t api[3] = {UFFD_API, 0, 0};
        std::memcpy(g.base + (at - Arena::address(g.base)), api, sizeof api);
        return Case{nr("ioctl"), {u32(uffd), request("UFFDIO_API"), at}};
      },
      [&](Arena&, std::int32_t) { close(made); });
  {
    const int uffd = static_cast<int>(::syscall(uffd_nr, O_CLOEXEC | UFFD_USER_MODE_ONLY));
    REQUIRE(uffd >= 0);
    struct uffdio_api api {
      UFFD_API, 0, 0
    };
    REQUIRE(ioctl(uffd, UFFDIO_API, &api) == 0);
    both(uffd, "UFFDIO_REGISTER",
         [](Arena& g) {  // a page of the arena: missing faults
           const auto page = (Arena::address(g.base) + 0x80000u) & ~0xfffu;
           const auto at = g.alloc(32, 0);
           const std::uint64_t reg[4] = {page, 4096, UFFDIO_REGISTER_MODE_MISSING, 0};
           std::memcpy(g.base + (at - Arena::address(g.base)), reg, sizeof reg);
           return at;
         },
         {{0, 8, "guest pointers: each arena has its own"}});
    both(uffd, "UFFDIO_WAKE", buffer(16, 0));
    both(uffd, "UFFDIO_API", bad_pointer());
    close(uffd);
  }
  // pidfd
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, getpid(), 0));
  REQUIRE(pidfd >= 0);
  both(pidfd, "PIDFD_GET_INFO", [](Arena& g) {
    const auto at = g.alloc(64, 0);
    const std::uint64_t mask = 1;  // PIDFD_INFO_PID
    std::memcpy(g.base + (at - Arena::address(g.base)), &mask, 8);
    return at;
  });
  compare(
      [&](Arena&) {
        return Case{nr("ioctl"), {u32(pidfd), request("PIDFD_GET_PID_NAMESPACE"), 0}};
      },
      close_result);
  both(pidfd, "PIDFD_GET_INFO", bad_pointer());
  close(pidfd);
  // nsfs
  const int net_ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
  const int user_ns = open("/proc/self/ns/user", O_RDONLY | O_CLOEXEC);
  const int mnt_ns = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
  const int pid_ns = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC);
  REQUIRE((net_ns >= 0 && user_ns >= 0 && mnt_ns >= 0 && pid_ns >= 0));
  both(net_ns, "NS_GET_NSTYPE");
  both(user_ns, "NS_GET_OWNER_UID", buffer(4));
  both(mnt_ns, "NS_GET_MNTNS_ID", buffer(8));
  compare(
      [&](Arena&) {
        return Case{nr("ioctl"), {u32(net_ns), request("NS_GET_USERNS"), 0}};
      },
      close_result);
  compare([&](Arena&) {
    return Case{nr("ioctl"), {u32(pid_ns), request("NS_GET_PID_FROM_PIDNS"), u32(getpid())}};
  });
  both(user_ns, "NS_GET_OWNER_UID", bad_pointer());
  for (int ns : {net_ns, user_ns, mnt_ns, pid_ns}) close(ns);
  // random
  const int random = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  REQUIRE(random >= 0);
  both(random, "RNDGETENTCNT", buffer(4));
  both(random, "RNDGETPOOL", buffer(8));
  both(random, "RNDGETENTCNT", bad_pointer());
  close(random);
}
