#include "i386_large_files.hpp"

#include <fcntl.h>
#include <linux/close_range.h>
#include <pthread.h>
#include <sys/stat.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <unordered_map>

#include "i386_special.hpp"
#include "syscompat/abi/open_flags.hpp"

namespace syscompat::translators::i386_large_files {

namespace {

using i386_special::native;

class Table;
Table& table();

// The remembered descriptors, each with the file it named when remembered: a descriptor
// closed and opened again behind the translators' back (by execve's close-on-exec, a
// CLONE_FILES sibling) names another file, or no regular file, and is forgotten then.
class Table {
 public:
  // A fork while another thread holds the lock leaves the child's table usable.
  Table() {
    pthread_atfork([] { table().lock_.lock(); }, [] { table().lock_.unlock(); },
                   [] { table().lock_.unlock(); });
  }

  bool any() const { return count_.load(std::memory_order_relaxed) != 0; }

  void remember(int fd, const File& file) {
    std::lock_guard lock(lock_);
    files_[fd] = file;
    count_.store(files_.size(), std::memory_order_relaxed);
  }

  void forget(int fd) {
    if (!any()) return;
    std::lock_guard lock(lock_);
    files_.erase(fd);
    count_.store(files_.size(), std::memory_order_relaxed);
  }

  void forget_range(unsigned first, unsigned last) {
    std::lock_guard lock(lock_);
    std::erase_if(files_, [&](const auto& entry) {
      return static_cast<unsigned>(entry.first) >= first &&
             static_cast<unsigned>(entry.first) <= last;
    });
    count_.store(files_.size(), std::memory_order_relaxed);
  }

  // Whether fd is remembered and still names its file.
  bool holds(int fd) {
    std::unique_lock lock(lock_);
    auto it = files_.find(fd);
    if (it == files_.end()) return false;
    const File file = it->second;
    lock.unlock();
    struct stat status;
    if (native<"fstat">(fd, reinterpret_cast<std::uint64_t>(&status)) == 0 &&
        S_ISREG(status.st_mode) && status.st_dev == file.device && status.st_ino == file.inode)
      return true;
    forget(fd);
    return false;
  }

  // `to` now names the open file `from` names (dup and its kin): remembered as `from` is.
  void copy(int from, int to) {
    std::lock_guard lock(lock_);
    if (auto it = files_.find(from); it != files_.end())
      files_[to] = it->second;
    else
      files_.erase(to);
    count_.store(files_.size(), std::memory_order_relaxed);
  }

 private:
  std::mutex lock_;
  std::unordered_map<int, File> files_;
  std::atomic<std::size_t> count_{0};
};

Table& table() {
  static Table instance;
  return instance;
}

consteval std::uint32_t number(std::string_view name) {
  return abi::syscall_number(abi::Abi::i386, name);
}

std::int64_t pair(std::uint32_t low, std::uint32_t high) {
  return static_cast<std::int64_t>((std::uint64_t{high} << 32) | low);
}

// A loff_t the guest points at (copy_file_range's and splice's off_out): -1 for none or an
// unreadable one (the call itself then answers EFAULT).
std::int64_t guest_offset(const GuestMemory& memory, std::uint32_t address) {
  std::int64_t value = -1;
  if (address && memory.copy_in(&value, address, sizeof value)) return -1;
  return address ? value : -1;
}

// The dup family: the native call, then the new descriptor remembered as the old one is.
std::int32_t duplicated(long result, std::uint32_t from) {
  if (result >= 0) table().copy(static_cast<int>(from), static_cast<int>(result));
  return static_cast<std::int32_t>(result);
}

// A count argument cut to the room the file has: EFBIG when it has none.
std::optional<std::int32_t> cut(std::uint32_t fd, std::int64_t position, std::uint32_t& count) {
  if (count == 0) return std::nullopt;  // generic_write_checks: nothing to write, no limit
  const auto room = write_room(static_cast<int>(fd), position);
  if (!room) return std::nullopt;
  if (*room < 0) return static_cast<std::int32_t>(*room);
  if (count > *room) count = static_cast<std::uint32_t>(*room);
  return std::nullopt;
}

}  // namespace

bool any() {
  return table().any();
}

void opened(int fd, std::uint64_t flags, const File* regular) {
  if (fd < 0) return;
  if (!regular || (flags & abi::o_largefile(abi::Abi::i386)) || (flags & O_PATH)) {
    table().forget(fd);
    return;
  }
  table().remember(fd, *regular);
}

std::optional<std::int64_t> write_room(int fd, std::int64_t position) {
  if (!table().holds(fd)) return std::nullopt;
  const long flags = native<"fcntl">(fd, F_GETFL, 0);
  // Not open for writing: the call's own EBADF comes first.
  if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) return std::nullopt;
  if (flags & O_APPEND) {  // generic_write_checks: the end of the file, whatever was asked
    struct stat status;
    if (native<"fstat">(fd, reinterpret_cast<std::uint64_t>(&status)) != 0) return std::nullopt;
    position = status.st_size;
  } else if (position < 0) {
    position = native<"lseek">(fd, 0, SEEK_CUR);
    if (position < 0) return std::nullopt;
  }
  if (position >= max_non_lfs) return -EFBIG;
  return max_non_lfs - position;
}

std::optional<std::int32_t> filter(const GuestMemory& memory, std::uint32_t call,
                                   std::array<std::uint32_t, 6>& r) {
  switch (call) {
    case number("close"):
      table().forget(static_cast<int>(r[0]));
      return std::nullopt;
    case number("close_range"):
      if (!(r[2] & CLOSE_RANGE_CLOEXEC)) table().forget_range(r[0], r[1]);
      return std::nullopt;
    case number("dup"):
      return duplicated(native<"dup">(r[0]), r[0]);
    case number("dup2"):
      return duplicated(native<"dup2">(r[0], r[1]), r[0]);
    case number("dup3"):
      return duplicated(native<"dup3">(r[0], r[1], r[2]), r[0]);
    case number("fcntl"):
    case number("fcntl64"):
      if (r[1] == F_DUPFD || r[1] == F_DUPFD_CLOEXEC)
        return duplicated(native<"fcntl">(r[0], r[1], r[2]), r[0]);
      if (r[1] == F_GETFL && table().holds(static_cast<int>(r[0]))) {
        const long flags = native<"fcntl">(r[0], F_GETFL, 0);
        return static_cast<std::int32_t>(flags < 0 ? flags
                                                   : flags & ~abi::o_largefile(abi::Abi::i386));
      }
      return std::nullopt;
    case number("ftruncate64"):
      if (pair(r[1], r[2]) > max_non_lfs && table().holds(static_cast<int>(r[0]))) return -EINVAL;
      return std::nullopt;
    case number("write"):
      return cut(r[0], -1, r[2]);
    case number("pwrite64"):
      return cut(r[0], pair(r[3], r[4]), r[2]);
    case number("sendfile"):
    case number("sendfile64"):
      return cut(r[0], -1, r[3]);
    case number("copy_file_range"):
    case number("splice"):
      return cut(r[2], guest_offset(memory, r[3]), r[4]);
    default:
      return std::nullopt;
  }
}

}  // namespace syscompat::translators::i386_large_files
