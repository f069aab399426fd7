// The fallbacks. Each is built from calls older kernels have, made through libsys's own
// entry points (so the layers see them), and reproduces the native call's checks and
// errors within the scope its `limits` states. Where a request cannot be honoured the
// fallback returns an error (ENOSYS unless the native call's own validation says
// otherwise); it never does something weaker than what was asked.
//
// Part of libsys's freestanding core: no libc call (the glibc headers give constants and
// the kernel's struct layouts only), no allocation, no C++ runtime.
#include "syscompat/libsys/fallbacks.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <ctime>

#include "internal.hpp"
#include "syscompat/libsys/entries.hpp"

namespace syscompat::sys {

using detail::copy_in;
using detail::copy_out;
using detail::Text;

namespace {

long raw(Result<long> r) {
  return r.ok() ? r.value() : -r.error();
}

template <typename T>
T arg(const Call& c, int i) {
  if constexpr (std::is_pointer_v<T>)
    return reinterpret_cast<T>(static_cast<std::uintptr_t>(c.args[i]));
  else
    return static_cast<T>(c.args[i]);
}

// A path under /proc/self/fd naming `fd` (and `rest` below it, when given), into `out`.
// `rest` is the caller's memory: read through copy_in, a bad one is EFAULT.
long proc_fd_path(char* out, std::size_t capacity, int fd, const char* rest = nullptr) {
  Text text{out, capacity};
  out[0] = '\0';
  text << "/proc/self/fd/" << static_cast<std::uint64_t>(fd);
  if (rest == nullptr) return 0;
  text << "/";
  const std::size_t prefix = text.size;
  for (std::size_t i = 0;; ++i) {
    char ch;
    if (copy_in(&ch, rest + i, 1) < 0) return -EFAULT;
    if (ch == '\0') break;
    text.put(ch);
    if (!text.ok) return -ENAMETOOLONG;
  }
  if (text.size == prefix) out[prefix - 1] = '\0';  // an empty rest names the descriptor
  return 0;
}

// Sets FD_CLOEXEC (and O_NONBLOCK) on a descriptor a fallback has just made; the window
// before it is the documented difference from the atomic native call.
long set_fd_flags(int fd, bool cloexec, bool nonblock) {
  if (cloexec) {
    const long r = raw(sys::fcntl(fd, F_SETFD, FD_CLOEXEC));
    if (r < 0) return r;
  }
  if (nonblock) {
    const long fl = raw(sys::fcntl(fd, F_GETFL, 0));
    if (fl < 0) return fl;
    const long r = raw(sys::fcntl(fd, F_SETFL, static_cast<std::uint64_t>(fl) | O_NONBLOCK));
    if (r < 0) return r;
  }
  return 0;
}
long finish_new_fd(long fd, bool cloexec, bool nonblock) {
  if (fd < 0) return fd;
  const long r = set_fd_flags(static_cast<int>(fd), cloexec, nonblock);
  if (r < 0) {
    sys::close(static_cast<int>(fd));
    return r;
  }
  return fd;
}

// ---- statx via newfstatat ------------------------------------------------------------

// What a struct stat tells: the basic stats, nothing more (no btime, mount id, attributes).
constexpr unsigned statx_known_mask = STATX_BASIC_STATS;

long statx_fallback(const Call& c) {
  const int dfd = arg<int>(c, 0);
  const char* path = arg<const char*>(c, 1);
  const unsigned flags = arg<unsigned>(c, 2);
  const unsigned mask = arg<unsigned>(c, 3);
  auto* out = arg<struct statx*>(c, 4);
  constexpr unsigned query_flags =
      AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE;
  if ((flags & ~query_flags) != 0 || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
    return -EINVAL;
  if ((mask & STATX__RESERVED) != 0) return -EINVAL;
  struct stat st;
  // newfstatat has no sync modes: it always reports what the inode cache has.
  const int stat_flags = static_cast<int>(flags & ~AT_STATX_SYNC_TYPE);
  const long r = (path == nullptr && (flags & AT_EMPTY_PATH) != 0)
                     ? raw(sys::fstat(dfd, &st))
                     : raw(sys::newfstatat(dfd, path, &st, stat_flags));
  if (r < 0) return r;
  struct statx sx;
  std::memset(&sx, 0, sizeof sx);
  sx.stx_mask = statx_known_mask;
  sx.stx_blksize = static_cast<std::uint32_t>(st.st_blksize);
  sx.stx_nlink = static_cast<std::uint32_t>(st.st_nlink);
  sx.stx_uid = st.st_uid;
  sx.stx_gid = st.st_gid;
  sx.stx_mode = static_cast<std::uint16_t>(st.st_mode);
  sx.stx_ino = st.st_ino;
  sx.stx_size = static_cast<std::uint64_t>(st.st_size);
  sx.stx_blocks = static_cast<std::uint64_t>(st.st_blocks);
  sx.stx_atime = {st.st_atim.tv_sec, static_cast<std::uint32_t>(st.st_atim.tv_nsec), 0};
  sx.stx_mtime = {st.st_mtim.tv_sec, static_cast<std::uint32_t>(st.st_mtim.tv_nsec), 0};
  sx.stx_ctime = {st.st_ctim.tv_sec, static_cast<std::uint32_t>(st.st_ctim.tv_nsec), 0};
  sx.stx_rdev_major = major(st.st_rdev);
  sx.stx_rdev_minor = minor(st.st_rdev);
  sx.stx_dev_major = major(st.st_dev);
  sx.stx_dev_minor = minor(st.st_dev);
  return copy_out(out, &sx, sizeof sx);
}

// ---- openat2 via openat --------------------------------------------------------------

long openat2_fallback(const Call& c) {
  const int dfd = arg<int>(c, 0);
  const char* path = arg<const char*>(c, 1);
  const auto* how_in = arg<const unsigned char*>(c, 2);
  const std::size_t size = arg<std::size_t>(c, 3);
  // copy_struct_from_user: too small is EINVAL, beyond a page E2BIG, unknown tail bytes E2BIG.
  if (size < sizeof(open_how)) return -EINVAL;
  if (size > 4096) return -E2BIG;
  unsigned char bytes[4096];
  if (const long r = copy_in(bytes, how_in, size); r < 0) return r;
  open_how how;
  std::memcpy(&how, bytes, sizeof how);
  for (std::size_t i = sizeof how; i < size; ++i)
    if (bytes[i] != 0) return -E2BIG;
  constexpr std::uint64_t valid_flags = O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY |
                                        O_TRUNC | O_APPEND | O_NONBLOCK | O_SYNC | O_DSYNC |
                                        FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW |
                                        O_NOATIME | O_CLOEXEC | O_PATH | O_TMPFILE;
  constexpr std::uint64_t valid_resolve = RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS |
                                          RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | RESOLVE_IN_ROOT |
                                          RESOLVE_CACHED;
  if ((how.flags & ~valid_flags) != 0) return -EINVAL;
  if ((how.resolve & ~valid_resolve) != 0) return -EINVAL;
  if ((how.resolve & RESOLVE_BENEATH) && (how.resolve & RESOLVE_IN_ROOT)) return -EINVAL;
  const bool creates = (how.flags & O_CREAT) || (how.flags & O_TMPFILE) == O_TMPFILE;
  if (creates ? (how.mode & ~07777ULL) != 0 : how.mode != 0) return -EINVAL;
  if ((how.flags & O_PATH) && (how.flags & ~(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)))
    return -EINVAL;
  // Path resolution restrictions are security boundaries openat cannot draw: refuse.
  if (how.resolve != 0) return -ENOSYS;
  return raw(
      sys::openat(dfd, path, static_cast<int>(how.flags), static_cast<std::uint16_t>(how.mode)));
}

// ---- close_range via /proc/self/fd ---------------------------------------------------

long close_range_fallback(const Call& c) {
  const unsigned first = arg<unsigned>(c, 0), last = arg<unsigned>(c, 1);
  const unsigned flags = arg<unsigned>(c, 2);
  if ((flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)) != 0 || first > last) return -EINVAL;
  if (flags & CLOSE_RANGE_UNSHARE) {
    if (const long r = raw(sys::unshare(CLONE_FILES)); r < 0) return r;
  }
  // The open descriptors, from /proc; without /proc, every number up to the soft limit.
  const long dir =
      raw(sys::openat(AT_FDCWD, "/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0));
  const auto apply = [&](unsigned fd) {
    if (fd < first || fd > last || static_cast<long>(fd) == dir) return false;
    if (flags & CLOSE_RANGE_CLOEXEC)
      sys::fcntl(static_cast<int>(fd), F_SETFD, FD_CLOEXEC);
    else
      sys::close(static_cast<int>(fd));
    return true;
  };
  if (dir < 0) {
    struct rlimit64 limit {};
    if (raw(sys::prlimit64(0, RLIMIT_NOFILE, nullptr, &limit)) < 0) return dir;
    for (unsigned fd = first; fd <= last && fd < limit.rlim_cur; ++fd) apply(fd);
    return 0;
  }
  // Closing while reading, as glibc's closefrom fallback does: /proc lists the table by
  // number, so a pass that closed anything is followed by another from the start.
  alignas(8) char buffer[4096];
  for (bool again = true; again;) {
    again = false;
    for (;;) {
      const long n = raw(sys::getdents64(static_cast<int>(dir), buffer, sizeof buffer));
      if (n <= 0) break;
      for (long pos = 0; pos < n;) {
        const auto* entry = reinterpret_cast<const struct dirent64*>(buffer + pos);
        pos += entry->d_reclen;
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        unsigned fd = 0;
        for (const char* digit = entry->d_name; *digit != '\0'; ++digit)
          fd = fd * 10 + static_cast<unsigned>(*digit - '0');
        if (apply(fd) && !(flags & CLOSE_RANGE_CLOEXEC)) again = true;
      }
    }
    if (again) sys::lseek(static_cast<int>(dir), 0, SEEK_SET);
  }
  sys::close(static_cast<int>(dir));
  return 0;
}

// ---- clone3 via clone ----------------------------------------------------------------

long clone3_fallback(const Call& c) {
  const auto* args_in = arg<const unsigned char*>(c, 0);
  const std::size_t size = arg<std::size_t>(c, 1);
  if (size < CLONE_ARGS_SIZE_VER0) return -EINVAL;
  if (size > 4096) return -E2BIG;
  unsigned char bytes[4096];
  if (const long r = copy_in(bytes, args_in, size); r < 0) return r;
  clone_args args{};
  std::memcpy(&args, bytes, std::min(size, sizeof args));
  for (std::size_t i = sizeof args; i < size; ++i)
    if (bytes[i] != 0) return -E2BIG;
  // clone3's own validation, then what clone(2) cannot express.
  if ((args.exit_signal & ~static_cast<std::uint64_t>(CSIGNAL)) != 0) return -EINVAL;
  if ((args.flags & CSIGNAL) != 0) return -EINVAL;
  if ((args.stack == 0) != (args.stack_size == 0)) return -EINVAL;
  if (args.set_tid_size != 0 || (args.flags & CLONE_INTO_CGROUP) != 0) return -ENOSYS;
  if (args.flags >> 32 != 0) return -ENOSYS;
  // clone returns the pidfd through parent_tid: both at once do not fit.
  if ((args.flags & CLONE_PIDFD) && (args.flags & CLONE_PARENT_SETTID)) return -ENOSYS;
  auto* parent_tid = reinterpret_cast<int*>(
      static_cast<std::uintptr_t>((args.flags & CLONE_PIDFD) ? args.pidfd : args.parent_tid));
  // clone takes the stack's top; clone3 its lowest address and size.
  void* stack_top = args.stack ? reinterpret_cast<void*>(args.stack + args.stack_size) : nullptr;
  return raw(sys::clone(args.flags | args.exit_signal, stack_top, parent_tid,
                        reinterpret_cast<int*>(static_cast<std::uintptr_t>(args.child_tid)),
                        args.tls));
}

// ---- faccessat2 via faccessat or newfstatat --------------------------------------------

bool in_groups(gid_t gid) {
  gid_t groups[256];
  const long n = raw(sys::getgroups(256, groups));
  for (long i = 0; i < n; ++i)
    if (groups[i] == gid) return true;
  return false;
}

long faccessat2_fallback(const Call& c) {
  const int dfd = arg<int>(c, 0);
  const char* path = arg<const char*>(c, 1);
  const int mode = arg<int>(c, 2), flags = arg<int>(c, 3);
  if ((mode & ~(R_OK | W_OK | X_OK)) != 0) return -EINVAL;
  if ((flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
  const auto uid = static_cast<uid_t>(raw(sys::getuid())),
             euid = static_cast<uid_t>(raw(sys::geteuid()));
  const auto gid = static_cast<gid_t>(raw(sys::getgid())),
             egid = static_cast<gid_t>(raw(sys::getegid()));
  // Real and effective ids equal: faccessat answers the same question, exactly.
  if ((flags & ~AT_EACCESS) == 0 && ((flags & AT_EACCESS) == 0 || (uid == euid && gid == egid)))
    return raw(sys::faccessat(dfd, path, mode));
  // Otherwise the permission bits, as glibc's own fallback reads them.
  struct stat st;
  const long r =
      raw(sys::newfstatat(dfd, path, &st, flags & (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)));
  if (r < 0) return r;
  if (mode == F_OK) return 0;
  const uid_t who = (flags & AT_EACCESS) ? euid : uid;
  const gid_t group = (flags & AT_EACCESS) ? egid : gid;
  if (who == 0 && ((mode & X_OK) == 0 || (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0))
    return 0;
  unsigned granted;
  if (who == st.st_uid)
    granted = (st.st_mode & (static_cast<unsigned>(mode) << 6)) >> 6;
  else if (st.st_gid == group || in_groups(st.st_gid))
    granted = (st.st_mode & (static_cast<unsigned>(mode) << 3)) >> 3;
  else
    granted = st.st_mode & static_cast<unsigned>(mode);
  return granted == static_cast<unsigned>(mode) ? 0 : -EACCES;
}

// ---- fchmodat2 via fchmodat and /proc/self/fd ------------------------------------------

long fchmodat2_fallback(const Call& c) {
  const int dfd = arg<int>(c, 0);
  const char* path = arg<const char*>(c, 1);
  const auto mode = arg<std::uint16_t>(c, 2);
  const unsigned flags = arg<unsigned>(c, 3);
  if ((flags & ~static_cast<unsigned>(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -EINVAL;
  if (flags == 0) return raw(sys::fchmodat(dfd, path, mode));
  // Pin the file itself (not following a final symlink), then change it by its /proc name.
  const int open_flags = O_PATH | O_CLOEXEC | ((flags & AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0);
  char first = 0;
  if (path != nullptr && copy_in(&first, path, 1) < 0) return -EFAULT;
  const bool empty = path != nullptr && first == '\0';
  if (empty && !(flags & AT_EMPTY_PATH)) return -ENOENT;
  const long fd =
      empty ? raw(sys::fcntl(dfd, F_DUPFD_CLOEXEC, 0)) : raw(sys::openat(dfd, path, open_flags, 0));
  if (fd < 0) return fd;
  struct stat st;
  long r = raw(sys::fstat(static_cast<int>(fd), &st));
  // A symlink's own mode cannot be changed on Linux file systems.
  if (r == 0 && S_ISLNK(st.st_mode)) r = -EOPNOTSUPP;
  char proc_path[32];
  if (r == 0) r = proc_fd_path(proc_path, sizeof proc_path, static_cast<int>(fd));
  if (r == 0) r = raw(sys::fchmodat(AT_FDCWD, proc_path, mode));
  sys::close(static_cast<int>(fd));
  return r;
}

// ---- renameat2 via renameat ----------------------------------------------------------

long renameat2_fallback(const Call& c) {
  const unsigned flags = arg<unsigned>(c, 4);
  if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) != 0) return -EINVAL;
  if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT))) return -EINVAL;
  // NOREPLACE, EXCHANGE and WHITEOUT need the kernel's atomicity: the old kernel's answer.
  if (flags != 0) return -ENOSYS;
  return raw(sys::renameat(arg<int>(c, 0), arg<const char*>(c, 1), arg<int>(c, 2),
                           arg<const char*>(c, 3)));
}

// ---- pipe2, dup3, accept4: the old call, then the flags --------------------------------

long pipe2_fallback(const Call& c) {
  auto* fds = arg<int*>(c, 0);
  const int flags = arg<int>(c, 1);
  // O_NOTIFICATION_PIPE (O_EXCL) makes a watch-queue pipe a plain pipe cannot be.
  if ((flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_EXCL)) != 0) return -EINVAL;
  if (flags & O_EXCL) return -ENOSYS;
  int made[2];
  if (const long r = raw(sys::pipe(made)); r < 0) return r;
  long r = set_fd_flags(made[0], flags & O_CLOEXEC, flags & O_NONBLOCK);
  if (r == 0) r = set_fd_flags(made[1], flags & O_CLOEXEC, flags & O_NONBLOCK);
  if (r == 0 && (flags & O_DIRECT)) {
    // Packet mode is a property of the write end; the kernel leaves the read end's flag clear.
    const long fl = raw(sys::fcntl(made[1], F_GETFL, 0));
    r = fl < 0 ? fl : raw(sys::fcntl(made[1], F_SETFL, static_cast<std::uint64_t>(fl) | O_DIRECT));
  }
  if (r == 0) r = copy_out(fds, made, sizeof made);
  if (r < 0) {
    sys::close(made[0]);
    sys::close(made[1]);
  }
  return r;
}

long dup3_fallback(const Call& c) {
  const int oldfd = arg<int>(c, 0), newfd = arg<int>(c, 1), flags = arg<int>(c, 2);
  if ((flags & ~O_CLOEXEC) != 0) return -EINVAL;
  if (oldfd == newfd) return -EINVAL;
  const long r = raw(sys::dup2(oldfd, newfd));
  if (r < 0) return r;
  // dup2 leaves FD_CLOEXEC clear; dup3 sets it exactly as asked.
  return raw(sys::fcntl(newfd, F_SETFD, (flags & O_CLOEXEC) ? FD_CLOEXEC : 0)) < 0 ? -EBADF : r;
}

long accept4_fallback(const Call& c) {
  const int flags = arg<int>(c, 3);
  if ((flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) != 0) return -EINVAL;
  const long fd = raw(sys::accept(arg<int>(c, 0), arg<void*>(c, 1), arg<int*>(c, 2)));
  return finish_new_fd(fd, flags & SOCK_CLOEXEC, flags & SOCK_NONBLOCK);
}

// ---- the 2.6.27 *1/*2/*4 calls: the older call, then the flags --------------------------

long epoll_create1_fallback(const Call& c) {
  const int flags = arg<int>(c, 0);
  if ((flags & ~EPOLL_CLOEXEC) != 0) return -EINVAL;
  return finish_new_fd(raw(sys::epoll_create(1)), flags & EPOLL_CLOEXEC, false);
}

long inotify_init1_fallback(const Call& c) {
  const int flags = arg<int>(c, 0);
  if ((flags & ~(IN_CLOEXEC | IN_NONBLOCK)) != 0) return -EINVAL;
  return finish_new_fd(raw(sys::inotify_init()), flags & IN_CLOEXEC, flags & IN_NONBLOCK);
}

long eventfd2_fallback(const Call& c) {
  const int flags = arg<int>(c, 1);
  if ((flags & ~(EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE)) != 0) return -EINVAL;
  // Semaphore mode is fixed at creation; eventfd cannot ask for it.
  if (flags & EFD_SEMAPHORE) return -ENOSYS;
  return finish_new_fd(raw(sys::eventfd(arg<unsigned>(c, 0))), flags & EFD_CLOEXEC,
                       flags & EFD_NONBLOCK);
}

long signalfd4_fallback(const Call& c) {
  const int ufd = arg<int>(c, 0), flags = arg<int>(c, 3);
  if ((flags & ~(SFD_CLOEXEC | SFD_NONBLOCK)) != 0) return -EINVAL;
  const long fd = raw(sys::signalfd(ufd, arg<const void*>(c, 1), c.args[2]));
  // As natively, the flags apply to a new descriptor only; an existing one just gets the mask.
  return ufd == -1 ? finish_new_fd(fd, flags & SFD_CLOEXEC, flags & SFD_NONBLOCK) : fd;
}

long mlock2_fallback(const Call& c) {
  const int flags = arg<int>(c, 2);
  if ((flags & ~MLOCK_ONFAULT) != 0) return -EINVAL;
  // Locking on fault is a different memory behaviour than mlock's populate-everything.
  if (flags & MLOCK_ONFAULT) return -ENOSYS;
  return raw(sys::mlock(arg<void*>(c, 0), c.args[1]));
}

// ---- preadv2/pwritev2 via preadv/pwritev (readv/writev for offset -1) ------------------

constexpr int rwf_supported = RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND;

long preadv2_fallback(const Call& c) {
  const int fd = arg<int>(c, 0);
  const auto flags = arg<int>(c, 5);
  if ((flags & ~rwf_supported) != 0) return -EOPNOTSUPP;
  if (flags != 0) return -ENOSYS;  // NOWAIT, HIPRI...: preadv cannot promise them
  const auto pos = static_cast<std::int64_t>(c.args[3]);  // x86_64: pos_l holds all 64 bits
  if (pos == -1) return raw(sys::readv(fd, arg<const void*>(c, 1), c.args[2]));
  return raw(sys::preadv(fd, arg<const void*>(c, 1), c.args[2], c.args[3], c.args[4]));
}

long pwritev2_fallback(const Call& c) {
  const int fd = arg<int>(c, 0);
  const auto flags = arg<int>(c, 5);
  if ((flags & ~rwf_supported) != 0) return -EOPNOTSUPP;
  if (flags != 0) return -ENOSYS;  // DSYNC, APPEND...: per-call semantics pwritev lacks
  const auto pos = static_cast<std::int64_t>(c.args[3]);
  if (pos == -1) return raw(sys::writev(fd, arg<const void*>(c, 1), c.args[2]));
  return raw(sys::pwritev(fd, arg<const void*>(c, 1), c.args[2], c.args[3], c.args[4]));
}

// ---- epoll_pwait2 via epoll_pwait ----------------------------------------------------

long epoll_pwait2_fallback(const Call& c) {
  const auto* timeout = arg<const struct timespec*>(c, 3);
  long ms = -1;
  if (timeout != nullptr) {
    struct timespec ts;
    if (copy_in(&ts, timeout, sizeof ts) < 0) return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L) return -EINVAL;
    // Rounded up, so the wait is never shorter than asked.
    const long long total =
        static_cast<long long>(ts.tv_sec) * 1000 + (ts.tv_nsec + 999999) / 1000000;
    ms = total > INT_MAX ? INT_MAX : static_cast<long>(total);
  }
  return raw(sys::epoll_pwait(arg<int>(c, 0), arg<void*>(c, 1), arg<int>(c, 2),
                              static_cast<int>(ms), arg<const void*>(c, 4), c.args[5]));
}

// ---- getrandom via /dev/urandom ------------------------------------------------------

long getrandom_fallback(const Call& c) {
  void* buffer = arg<void*>(c, 0);
  std::size_t length = arg<std::size_t>(c, 1);
  const unsigned flags = arg<unsigned>(c, 2);
  if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0) return -EINVAL;
  if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM)) return -EINVAL;
  if (length > INT_MAX) length = INT_MAX;
  if (length == 0) return 0;
  const char* device = (flags & GRND_RANDOM) ? "/dev/random" : "/dev/urandom";
  const int open_flags = O_RDONLY | O_CLOEXEC | ((flags & GRND_NONBLOCK) ? O_NONBLOCK : 0);
  const long fd = raw(sys::openat(AT_FDCWD, device, open_flags, 0));
  if (fd < 0) return fd;
  const long r = raw(sys::read(static_cast<int>(fd), buffer, length));
  sys::close(static_cast<int>(fd));
  return r;
}

// ---- execveat via execve and /proc/self/fd ---------------------------------------------

long execveat_fallback(const Call& c) {
  const int dfd = arg<int>(c, 0);
  const char* path = arg<const char*>(c, 1);
  const int flags = arg<int>(c, 4);
  if ((flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) != 0) return -EINVAL;
  char first = 0;
  if (path == nullptr || copy_in(&first, path, 1) < 0) return -EFAULT;
  if (first == '\0' && !(flags & AT_EMPTY_PATH)) return -ENOENT;
  if (flags & AT_SYMLINK_NOFOLLOW) {
    // Checked before the exec: a symlink swapped in between is the documented race.
    struct stat st;
    const long r =
        raw(sys::newfstatat(dfd, path, &st, AT_SYMLINK_NOFOLLOW | (flags & AT_EMPTY_PATH)));
    if (r < 0) return r;
    if (S_ISLNK(st.st_mode)) return -ELOOP;
  }
  // A relative lookup needs a valid dirfd: EBADF, not the ENOENT /proc would give.
  if (first != '/' && dfd != AT_FDCWD && raw(sys::fcntl(dfd, F_GETFD, 0)) < 0) return -EBADF;
  char proc_path[PATH_MAX + 32];
  const char* target = path;
  if (first != '/' && !(dfd == AT_FDCWD && first != '\0')) {
    if (dfd == AT_FDCWD) {
      target = ".";
    } else {
      if (const long r = proc_fd_path(proc_path, sizeof proc_path, dfd, path); r < 0) return r;
      target = proc_path;
    }
  }
  return raw(sys::execve(target, arg<char* const*>(c, 2), arg<char* const*>(c, 3)));
}

// ---- copy_file_range via pread/pwrite --------------------------------------------------

long copy_file_range_fallback(const Call& c) {
  const int in = arg<int>(c, 0), out = arg<int>(c, 2);
  auto* off_in = arg<std::int64_t*>(c, 1);
  auto* off_out = arg<std::int64_t*>(c, 3);
  const std::size_t length = arg<std::size_t>(c, 4);
  if (arg<unsigned>(c, 5) != 0) return -EINVAL;
  // The kernel's checks, in its order: open modes, then regular files, then overlap.
  const long in_fl = raw(sys::fcntl(in, F_GETFL, 0)), out_fl = raw(sys::fcntl(out, F_GETFL, 0));
  if (in_fl < 0 || out_fl < 0) return -EBADF;
  if ((in_fl & O_ACCMODE) == O_WRONLY || (out_fl & O_ACCMODE) == O_RDONLY || (out_fl & O_APPEND))
    return -EBADF;
  struct stat in_st, out_st;
  if (raw(sys::fstat(in, &in_st)) < 0 || raw(sys::fstat(out, &out_st)) < 0) return -EBADF;
  if (S_ISDIR(in_st.st_mode) || S_ISDIR(out_st.st_mode)) return -EISDIR;
  if (!S_ISREG(in_st.st_mode) || !S_ISREG(out_st.st_mode)) return -EINVAL;
  std::int64_t pos_in = 0, pos_out = 0;
  if (off_in && copy_in(&pos_in, off_in, sizeof pos_in) < 0) return -EFAULT;
  if (off_out && copy_in(&pos_out, off_out, sizeof pos_out) < 0) return -EFAULT;
  if (!off_in) pos_in = raw(sys::lseek(in, 0, SEEK_CUR));
  if (!off_out) pos_out = raw(sys::lseek(out, 0, SEEK_CUR));
  if (pos_in < 0 || pos_out < 0) return -EINVAL;
  if (in_st.st_ino == out_st.st_ino && in_st.st_dev == out_st.st_dev &&
      pos_out < pos_in + static_cast<std::int64_t>(length) &&
      pos_in < pos_out + static_cast<std::int64_t>(length))
    return -EINVAL;
  char buffer[65536];
  std::size_t done = 0;
  while (done < length) {
    const std::size_t want = std::min(sizeof buffer, length - done);
    const long got = raw(sys::pread64(in, buffer, want, pos_in + static_cast<std::int64_t>(done)));
    if (got < 0) {
      if (done == 0) return got;
      break;
    }
    if (got == 0) break;
    const long put = raw(sys::pwrite64(out, buffer, static_cast<std::size_t>(got),
                                       pos_out + static_cast<std::int64_t>(done)));
    if (put < 0) {
      if (done == 0) return put;
      break;
    }
    done += static_cast<std::size_t>(put);
    if (put < got) break;
  }
  const auto moved = static_cast<std::int64_t>(done);
  if (off_in) {
    pos_in += moved;
    copy_out(off_in, &pos_in, sizeof pos_in);
  } else {
    sys::lseek(in, pos_in + moved, SEEK_SET);
  }
  if (off_out) {
    pos_out += moved;
    copy_out(off_out, &pos_out, sizeof pos_out);
  } else {
    sys::lseek(out, pos_out + moved, SEEK_SET);
  }
  return static_cast<long>(done);
}

// ---- memfd_create via an unlinked file in /dev/shm -------------------------------------

long memfd_create_fallback(const Call& c) {
  const char* name = arg<const char*>(c, 0);
  const unsigned flags = arg<unsigned>(c, 1);
  constexpr unsigned hugetlb_sizes = 0x3fU << 26;  // MFD_HUGE_* (log2 size << 26)
  constexpr unsigned known = MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB |
                             0x0008U /* NOEXEC_SEAL */ | 0x0010U /* EXEC */;
  if ((flags & ~(known | hugetlb_sizes)) != 0) return -EINVAL;
  if ((flags & hugetlb_sizes) && !(flags & MFD_HUGETLB)) return -EINVAL;
  char copy[250];
  std::size_t length = 0;
  for (; length < sizeof copy; ++length) {
    if (copy_in(&copy[length], name + length, 1) < 0) return -EFAULT;
    if (copy[length] == '\0') break;
  }
  if (length == sizeof copy) return -EINVAL;  // the name is at most 249 bytes
  // Seals are a promise to whoever receives the descriptor; a plain file cannot keep it.
  if (flags & (MFD_ALLOW_SEALING | MFD_HUGETLB | 0x0008U)) return -ENOSYS;
  const int cloexec = (flags & MFD_CLOEXEC) ? O_CLOEXEC : 0;
  long fd = raw(sys::openat(AT_FDCWD, "/dev/shm", O_TMPFILE | O_RDWR | cloexec, 0600));
  if (fd >= 0 || (fd != -EOPNOTSUPP && fd != -EISDIR && fd != -EINVAL)) return fd;
  // No O_TMPFILE (before 3.11): a fresh name, unlinked at once.
  for (unsigned attempt = 0; attempt < 100; ++attempt) {
    unsigned char random[8];
    long r = raw(sys::getrandom(random, sizeof random, GRND_NONBLOCK));
    std::uint64_t id = 0;
    std::memcpy(&id, random, sizeof id);
    if (r < 0) id = static_cast<std::uint64_t>(raw(sys::getpid())) * 1000003ULL + attempt;
    char path[64];
    Text text{path, sizeof path};
    text << "/dev/shm/.libsys-memfd-" << id;
    fd = raw(sys::openat(AT_FDCWD, path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | cloexec, 0600));
    if (fd == -EEXIST) continue;
    if (fd >= 0) sys::unlinkat(AT_FDCWD, path, 0);
    return fd;
  }
  return -EEXIST;
}

}  // namespace

// One row per fallback: the name, its function and number from the one name.
#define FALLBACK(name) #name, name##_fallback, nr::name
// In name order. `limits` is what docs/fallbacks.md states for each; the last member is
// the call with arguments the kernel refuses before any permission check (the EPERM test).
constexpr Fallback fallback_table[] = {
    {FALLBACK(accept4),
     "accept + fcntl",
     "SOCK_CLOEXEC/SOCK_NONBLOCK are set after accept: another thread's fork+exec in between "
     "can inherit the descriptor",
     {~0ULL, 0, 0, 0x40000000}},
    {FALLBACK(clone3),
     "clone",
     "set_tid, CLONE_INTO_CGROUP, flags above 32 bits, and CLONE_PIDFD with "
     "CLONE_PARENT_SETTID do not fit clone: ENOSYS",
     {0, 0}},
    {FALLBACK(close_range),
     "/proc/self/fd + close/fcntl (unshare for UNSHARE)",
     "not atomic: descriptors opened by other threads meanwhile may be missed; without /proc "
     "it walks every number below RLIMIT_NOFILE",
     {1, 0, 0}},
    {FALLBACK(copy_file_range),
     "pread64/pwrite64 through a 64 KiB buffer",
     "no reflink or server-side copy, not atomic; copies between any two regular files (the "
     "native call may refuse some cross-file-system pairs with EXDEV)",
     {~0ULL, 0, ~0ULL, 0, 0, 1}},
    {FALLBACK(dup3),
     "dup2 + fcntl(F_SETFD)",
     "O_CLOEXEC is set after dup2: a concurrent fork+exec can inherit the descriptor",
     {~0ULL, ~0ULL, ~0ULL}},
    {FALLBACK(epoll_create1),
     "epoll_create + fcntl",
     "EPOLL_CLOEXEC is set after epoll_create (a fork+exec race)",
     {1}},
    {FALLBACK(epoll_pwait2),
     "epoll_pwait",
     "the timeout is rounded up to whole milliseconds (never shorter) and capped at INT_MAX ms",
     {~0ULL, 0, 0}},
    {FALLBACK(eventfd2),
     "eventfd + fcntl",
     "flags are set after eventfd (a fork+exec race for EFD_CLOEXEC); EFD_SEMAPHORE returns "
     "ENOSYS",
     {0, 0x40000000}},
    {FALLBACK(execveat),
     "execve of the path or /proc/self/fd/N[/path]",
     "needs /proc; AT_SYMLINK_NOFOLLOW is checked before the exec (a race); a close-on-exec "
     "descriptor to a script fails in the interpreter rather than with ENOENT",
     {~0ULL, 0, 0, 0, ~0ULL}},
    {FALLBACK(faccessat2),
     "faccessat, or newfstatat and the mode bits",
     "with AT_SYMLINK_NOFOLLOW/AT_EMPTY_PATH, or AT_EACCESS when real and effective ids differ: "
     "permission bits only (no ACLs, capabilities beyond root, read-only mounts, LSMs)",
     {~0ULL, 0, ~0ULL, 0}},
    {FALLBACK(fchmodat2),
     "fchmodat, or an O_PATH descriptor and /proc/self/fd",
     "flags need /proc; a symlink's own mode gives EOPNOTSUPP, as on the native call's file "
     "systems",
     {~0ULL, 0, 0, ~0ULL}},
    {FALLBACK(getrandom),
     "read from /dev/urandom (/dev/random for GRND_RANDOM)",
     "needs /dev and a free descriptor; before 5.18 /dev/urandom does not wait for the pool "
     "to be seeded",
     {0, 0, ~0ULL}},
    {FALLBACK(inotify_init1),
     "inotify_init + fcntl",
     "flags are set after inotify_init (a fork+exec race for IN_CLOEXEC)",
     {1}},
    {FALLBACK(memfd_create),
     "O_TMPFILE in /dev/shm, or a file unlinked at once",
     "MFD_ALLOW_SEALING, MFD_NOEXEC_SEAL and MFD_HUGETLB return ENOSYS (a plain file cannot "
     "keep seals); /proc/self/fd shows a /dev/shm name, not memfd:NAME",
     {0, 0x20}},
    {FALLBACK(mlock2),
     "mlock",
     "flags 0 only: MLOCK_ONFAULT returns ENOSYS (mlock would populate every page)",
     {0, 0, ~0ULL}},
    {FALLBACK(openat2),
     "openat",
     "only resolve == 0: any RESOLVE_* flag returns ENOSYS, as openat cannot enforce it",
     {~0ULL, 0, 0, 0}},
    {FALLBACK(pipe2),
     "pipe + fcntl",
     "flags are set after pipe (a fork+exec race for O_CLOEXEC); O_NOTIFICATION_PIPE "
     "returns ENOSYS",
     {0, 1}},
    {FALLBACK(preadv2),
     "preadv (readv for offset -1)",
     "flags 0 only: RWF_* flags preadv cannot promise return ENOSYS, unknown ones EOPNOTSUPP",
     {~0ULL, 0, 0, 0, 0, 0}},
    {FALLBACK(pwritev2),
     "pwritev (writev for offset -1)",
     "flags 0 only: RWF_* flags pwritev cannot promise return ENOSYS, unknown ones EOPNOTSUPP",
     {~0ULL, 0, 0, 0, 0, 0}},
    {FALLBACK(renameat2),
     "renameat",
     "flags 0 only: NOREPLACE, EXCHANGE and WHITEOUT return ENOSYS (invalid mixes EINVAL)",
     {~0ULL, 0, ~0ULL, 0, ~0ULL}},
    {FALLBACK(signalfd4),
     "signalfd + fcntl",
     "flags are set after signalfd on a new descriptor (a fork+exec race for SFD_CLOEXEC)",
     {~0ULL, 0, 0, ~0ULL}},
    {FALLBACK(statx),
     "newfstatat (fstat for a NULL path with AT_EMPTY_PATH)",
     "stx_mask is STATX_BASIC_STATS: no btime, mount id, attributes or DIO alignment; "
     "AT_STATX_FORCE_SYNC/DONT_SYNC are accepted and ignored",
     {~0ULL, 0, ~0ULL, 0, 0}},
};

#undef FALLBACK

std::span<const Fallback> fallbacks() {
  return fallback_table;
}

namespace {
// By number, built at compile time: the index into fallback_table plus one (0: none). Small
// integers rather than pointers, so the table needs no relocation when libsys is loaded.
constexpr auto by_number = [] {
  std::array<std::uint8_t, slot_count> table{};
  static_assert(std::size(fallback_table) < 255);
  for (std::size_t i = 0; i < std::size(fallback_table); ++i)
    table[fallback_table[i].nr] = static_cast<std::uint8_t>(i + 1);
  return table;
}();
}  // namespace

const Fallback* find_fallback(std::uint32_t nr) {
  return nr < slot_count && by_number[nr] != 0 ? &fallback_table[by_number[nr] - 1] : nullptr;
}

}  // namespace syscompat::sys
