#include "guest_directories.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "i386_numbers.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/translators/directory_positions.hpp"

namespace syscompat::run32 {

namespace {

// Per open directory (by descriptor, checked against the file it names): the cookies in the
// order first seen; position n is cookies[n - 1], position 0 the start. A descriptor the
// guest never read a directory through has a clear bit in `listed_`: its close and lseek
// (every file's) cost one atomic load, not the lock and a hash lookup.
class Positions final : public translators::DirectoryPositions {
 public:
  void reading(int fd) override {
    struct stat file;
    if (::fstat(fd, &file) != 0) return;  // the read itself answers EBADF
    std::lock_guard lock(lock_);
    list(fd);
    Directory& directory = directories_[fd];
    if (directory.device != file.st_dev || directory.inode != file.st_ino || !S_ISDIR(file.st_mode))
      directory = Directory{file.st_dev, file.st_ino, {}, {}};
  }

  std::optional<std::uint32_t> position(int fd, std::int64_t cookie) override {
    std::lock_guard lock(lock_);
    list(fd);
    return position_locked(directories_[fd], cookie);
  }

  // The directory fd names if the map serves it (its file checked: the descriptor may have
  // been closed and opened again on something else, by a dup2 say, whose inode number may
  // be the old one's again).
  bool serves(int fd) {
    if (!listed(fd)) return false;
    struct stat file;
    std::lock_guard lock(lock_);
    auto it = directories_.find(fd);
    if (it == directories_.end()) return false;
    if (::fstat(fd, &file) != 0 || it->second.device != file.st_dev ||
        it->second.inode != file.st_ino || !S_ISDIR(file.st_mode)) {
      directories_.erase(it);
      unlist(fd);
      return false;
    }
    return true;
  }

  // The guest closes fd: its positions go with it.
  void forget(int fd) {
    if (!listed(fd)) return;
    std::lock_guard lock(lock_);
    directories_.erase(fd);
    unlist(fd);
  }

  // lseek on a served directory: SEEK_SET takes a position (one the map never gave is the
  // kernel's to judge, as itself); the result is a position. -errno, EOVERFLOW when
  // positions ran out.
  std::int64_t seek(int fd, std::int64_t offset, int whence) {
    std::lock_guard lock(lock_);
    Directory& directory = directories_[fd];
    if (whence == SEEK_SET && offset > 0 &&
        static_cast<std::uint64_t>(offset) <= directory.cookies.size())
      offset = directory.cookies[static_cast<std::size_t>(offset - 1)];
    const off_t result = ::lseek(fd, offset, whence);
    if (result == -1) return -errno;
    const auto position = position_locked(directory, result);
    return position ? std::int64_t{*position} : -EOVERFLOW;
  }

 private:
  struct Directory {
    dev_t device = 0;
    ino_t inode = 0;
    std::unordered_map<std::int64_t, std::uint32_t> positions;
    std::vector<std::int64_t> cookies;
  };

  static std::optional<std::uint32_t> position_locked(Directory& directory, std::int64_t cookie) {
    if (cookie == 0) return 0;
    if (auto it = directory.positions.find(cookie); it != directory.positions.end())
      return it->second;
    if (directory.cookies.size() >= 0x7ffffffe) return std::nullopt;
    directory.cookies.push_back(cookie);
    const auto position = static_cast<std::uint32_t>(directory.cookies.size());
    directory.positions.emplace(cookie, position);
    return position;
  }

  // One bit per descriptor below listed_limit, set (under the lock) while the map may hold
  // it; a descriptor above the limit is always looked up.
  static constexpr std::size_t listed_limit = 1 << 16;
  bool listed(int fd) const {
    if (fd < 0) return false;
    const auto i = static_cast<std::size_t>(fd);
    return i >= listed_limit ||
           (listed_[i / 64].load(std::memory_order_relaxed) >> (i % 64) & 1) != 0;
  }
  void list(int fd) {
    const auto i = static_cast<std::size_t>(fd);
    if (fd >= 0 && i < listed_limit)
      listed_[i / 64].fetch_or(std::uint64_t{1} << (i % 64), std::memory_order_relaxed);
  }
  void unlist(int fd) {
    const auto i = static_cast<std::size_t>(fd);
    if (fd >= 0 && i < listed_limit)
      listed_[i / 64].fetch_and(~(std::uint64_t{1} << (i % 64)), std::memory_order_relaxed);
  }

  std::mutex lock_;
  std::unordered_map<int, Directory> directories_;
  std::array<std::atomic<std::uint64_t>, listed_limit / 64> listed_{};
};

Positions positions;

}  // namespace

void install_directory_positions() {
  translators::set_directory_positions(&positions);
}

std::optional<std::int32_t> seek_directory(translators::GuestMemory& memory, std::uint32_t number,
                                           const std::array<std::uint32_t, 6>& a) {
  static constexpr std::uint32_t lseek = i386_number("lseek"), llseek = i386_number("_llseek"),
                                 close = i386_number("close");
  const auto fd = static_cast<int>(a[0]);
  if (number == close) {
    positions.forget(fd);
    return std::nullopt;  // the translators close it
  }
  if (number != lseek && number != llseek) return std::nullopt;
  if (!positions.serves(fd)) return std::nullopt;
  if (number == lseek) {
    const std::int64_t result =
        positions.seek(fd, static_cast<std::int32_t>(a[1]), static_cast<int>(a[2]));
    return static_cast<std::int32_t>(result);
  }
  // _llseek(fd, offset_high, offset_low, result, whence)
  const auto offset = static_cast<std::int64_t>((std::uint64_t{a[1]} << 32) | a[2]);
  if (!memory.accessible(a[3], 8, translators::GuestMemory::writable)) return -EFAULT;
  const std::int64_t result = positions.seek(fd, offset, static_cast<int>(a[4]));
  if (result < 0) return static_cast<std::int32_t>(result);
  if (memory.copy_out(a[3], &result, sizeof result)) return -EFAULT;
  return 0;
}

}  // namespace syscompat::run32
