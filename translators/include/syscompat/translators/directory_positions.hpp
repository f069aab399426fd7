// Directory positions a 32-bit caller can hold. ext4 (and others hashing names) hands a
// 64-bit caller 64-bit d_off cookies and a compat caller 32-bit ones (is_32bit_api() is
// in_compat_syscall()); calls made from 64-bit code get the 64-bit ones, which do not fit
// getdents' and readdir's 32-bit fields (EOVERFLOW) nor a 32-bit lseek's result. A process
// that translates from 64-bit code (run32) installs a map from cookies to 32-bit positions;
// getdents, getdents64 and readdir then hand out positions, and its lseek takes them back.
#pragma once

#include <cstdint>
#include <optional>

namespace syscompat::translators {

class DirectoryPositions {
 public:
  virtual ~DirectoryPositions() = default;
  // A directory read of `fd` begins (the map forgets another directory's under that fd).
  virtual void reading(int fd) = 0;
  // The position the guest is given for the kernel's d_off `cookie` of `fd` (0 stays 0);
  // nothing when positions ran out (past 2^31 - 1 of them: EOVERFLOW, as an i386 kernel).
  virtual std::optional<std::uint32_t> position(int fd, std::int64_t cookie) = 0;
};

// The map the i386 directory calls use; none (the default) passes the kernel's d_off
// through, EOVERFLOW where it does not fit.
void set_directory_positions(DirectoryPositions* positions);

}  // namespace syscompat::translators
