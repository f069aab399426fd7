// Regular files the i386 guest opened without O_LARGEFILE. The kernel's compat open leaves
// the flag out unless the caller asks for it (do_sys_open forces it for 64-bit callers only,
// force_o_largefile), and a file without it cannot grow past MAX_NON_LFS (2^31 - 1) through
// that open file; the native open the translators make cannot leave it out. So they remember
// such files per descriptor (checked against the file the descriptor names, and carried by
// dup, dup2, dup3 and F_DUPFD as the open file is) and do what the kernel does with them:
//   generic_write_check_limits: write, writev, pwrite64, pwritev, pwritev2, sendfile,
//     sendfile64, copy_file_range and splice into one stop at MAX_NON_LFS, EFBIG at or past it;
//   do_sys_ftruncate with `small` (ksys_ftruncate, which ia32_ftruncate64 calls): EINVAL for
//     a length past it;
//   fcntl's F_GETFL: f_flags, which lack O_LARGEFILE (F_SETFL cannot add it: SETFL_MASK).
// Not followed: a descriptor received over a unix socket or kept across execve (the table is
// this process image's), writes through io_uring or aio, /proc/self/fdinfo's flags.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "syscompat/translators/guest_memory.hpp"

namespace syscompat::translators::i386_large_files {

// MAX_NON_LFS (include/linux/fs.h): the largest size or position without O_LARGEFILE.
inline constexpr std::int64_t max_non_lfs = 0x7fffffff;

// Whether any descriptor is remembered: while none is, nothing here runs.
bool any();

// The file a descriptor names (fstat's st_dev and st_ino): what a remembered descriptor is
// checked against later.
struct File {
  std::uint64_t device;
  std::uint64_t inode;
};

// A guest open or openat of `flags` answered with `fd`: remembered when it is a regular file
// (`regular`, from the caller's own fstat, whose size the caller has checked) opened without
// O_LARGEFILE, forgotten otherwise (`regular` null: not a regular file, or not asked).
void opened(int fd, std::uint64_t flags, const File* regular);

// The calls the remembered files change, before the translators serve them: the answer, when
// it is made here; nothing when the call goes on as usual, maybe with a count cut to what
// the file has room for (registers changed).
std::optional<std::int32_t> filter(const GuestMemory& memory, std::uint32_t number,
                                   std::array<std::uint32_t, 6>& registers);

// The bytes a write at `position` (-1: the descriptor's own, or the end with O_APPEND) may
// put into fd: nothing when no limit applies, -EFBIG when none, else the room left.
std::optional<std::int64_t> write_room(int fd, std::int64_t position);

}  // namespace syscompat::translators::i386_large_files
