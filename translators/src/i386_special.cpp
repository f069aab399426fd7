#include "i386_special.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "i386_ioctl.hpp"
#include "i386_large_files.hpp"
#include "i386_ptrace.hpp"
#include "syscompat/abi/catalog.hpp"
#include "syscompat/abi/constants.hpp"
#include "syscompat/abi/open_flags.hpp"
#include "syscompat/translators/convert.hpp"
#include "syscompat/translators/directory_positions.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/native_call.h"
#include "syscompat/translators/siginfo.hpp"
#include "syscompat/translators/struct_converters.hpp"

namespace syscompat::translators::i386_special {

namespace {

// set_directory_positions: run32's, or none.
DirectoryPositions* directory_positions = nullptr;

using abi::I386;
using abi::X86_64;
using Args = std::span<const abi::ArgValue>;

std::uint64_t host(const GuestMemory& memory, std::uint64_t guest) {
  return guest ? reinterpret_cast<std::uint64_t>(memory.host(static_cast<GuestAddress>(guest))) : 0;
}

// A guest range the kernel may touch, or an address every user access faults on: handed to
// the native call so that it answers EFAULT at the point the compat call would.
std::uint64_t checked(const GuestMemory& memory, std::uint64_t address, std::size_t bytes,
                      int access) {
  if (!address) return 0;
  return memory.accessible(static_cast<GuestAddress>(address), bytes, access)
             ? host(memory, address)
             : poisoned_pointer;
}

// Writes a guest-layout struct converted from a native one: EFAULT or EOVERFLOW as the
// kernel's put_compat_* return them, nothing written on either.
template <class Guest, class Native>
int put(const GuestMemory& memory, std::uint64_t address, const Native& value) {
  Guest guest{};
  if (int error = convert(value, guest, Narrowing::as_kernel)) return error;
  return memory.copy_out(static_cast<GuestAddress>(address), &guest, sizeof guest);
}

// A guest path as getname() reads it: EFAULT for unreadable bytes, ENAMETOOLONG when no
// NUL comes within PATH_MAX (4096, the NUL included); 0 and the text otherwise.
// A path's bytes live on the stack: PATH_MAX bounds them, and no call pays an allocation.
constexpr std::size_t path_max = 4096;
struct GuestPath {
  std::array<char, path_max> text;
  const char* c_str() const { return text.data(); }
};
int guest_path(const GuestMemory& memory, std::uint64_t address, GuestPath& path) {
  return memory.read_string(static_cast<GuestAddress>(address), path.text);
}
// The same checks, the guest's bytes left where they are (for a call given the guest's
// own pointer): 0, EFAULT or ENAMETOOLONG.
int check_guest_path(const GuestMemory& memory, std::uint64_t address) {
  std::size_t length = 0;
  return memory.string_length(static_cast<GuestAddress>(address), path_max, length);
}

// ---- file offsets ---------------------------------------------------------------------

// _llseek(fd, offset_high, offset_low, result, whence): fs/read_write.c's llseek.
std::int32_t llseek(const GuestMemory& memory, Args a) {
  const std::uint64_t offset = (a[1].value << 32) | (a[2].value & 0xffffffffu);
  const long result = native<"lseek">(a[0].value, offset, a[4].value);
  if (result < 0) return static_cast<std::int32_t>(result);
  const std::int64_t position = result;
  if (memory.copy_out(static_cast<GuestAddress>(a[3].value), &position, sizeof position))
    return -EFAULT;
  return 0;
}

// ---- vectored I/O (lib/iov_iter.c's copy_compat_iovec_from_user) -----------------------
//
// A guest iovec array becomes a native one that the native call refuses exactly where the
// compat import would: an unreadable array reaches it poisoned (EFAULT), a count past
// UIO_MAXIOV unread (EINVAL), and an iov_len that is negative as a compat_ssize_t
// (0xffffffff) sign-extended, so that the native import sees a negative length (EINVAL)
// after the same earlier checks (the descriptor's, the flags').
//
// An entry in this process's memory is also bounded by the guest's declared mappings, so
// that no guest length becomes a transfer past what the guest owns: it is cut where the
// guest's accessible memory ends and the entries after it emptied, as the kernel stops at
// the fault; an entry whose first byte is not the guest's is poisoned (EFAULT when nothing
// was transferred before it). A remote process's entries (process_vm_*'s rvec) are its
// addresses, only widened.

constexpr std::uint64_t uio_maxiov = 1024;

// The native array: inline when short, as nearly every readv/writev's is, on the heap only
// for a guest's long one (up to UIO_MAXIOV, or io_uring's 16384 buffers: guest-sized, so
// never on the stack). Filled in place and never moved, as the native call gets its address.
class NativeIovecs {
 public:
  NativeIovecs() = default;
  NativeIovecs(const NativeIovecs&) = delete;
  NativeIovecs& operator=(const NativeIovecs&) = delete;

  std::span<abi::iovec<X86_64>> entries() {
    return {count_ > small_.size() ? large_.data() : small_.data(), count_};
  }
  void resize(std::size_t count) {
    count_ = count;
    if (count > small_.size()) large_.resize(count);
  }
  // What the native call gets for the array: the entries, or the guest's own pointer (or
  // a poisoned one) when they were not read.
  std::uint64_t pointer = 0;

 private:
  std::array<abi::iovec<X86_64>, 16> small_{};
  std::vector<abi::iovec<X86_64>> large_;
  std::size_t count_ = 0;
};

// access: GuestMemory::writable for a read into the buffers, readable for a write from
// them, 0 for another process's addresses.
void iovecs_in(NativeIovecs& out, const GuestMemory& memory, std::uint64_t address,
               std::uint64_t count, int access, std::uint64_t limit = uio_maxiov) {
  if (count == 0 || count > limit) {
    out.pointer = host(memory, address);  // not read: the count answers first
    return;
  }
  if (!memory.accessible(static_cast<GuestAddress>(address), count * sizeof(abi::iovec<I386>),
                         GuestMemory::readable)) {
    out.pointer = poisoned_pointer;
    return;
  }
  out.resize(count);
  const auto vec = out.entries();
  bool cut = false;
  for (std::size_t i = 0; i < count; ++i) {
    abi::iovec<I386> guest{};
    memory.copy_in(&guest, static_cast<GuestAddress>(address + i * sizeof guest), sizeof guest);
    const std::int64_t length = static_cast<std::int32_t>(guest.iov_len.get());
    const std::uint64_t base = guest.iov_base.get();
    std::uint64_t native_base = host(memory, base);
    std::int64_t native_length = length;
    if (access && length > 0) {
      const std::uint64_t own =
          cut ? 0 : memory.accessible_length(static_cast<GuestAddress>(base), length, access);
      if (cut) {
        native_length = 0;
      } else if (own == 0) {
        native_base = poisoned_pointer;
        cut = true;
      } else if (own < static_cast<std::uint64_t>(length)) {
        native_length = static_cast<std::int64_t>(own);
        cut = true;
      }
    }
    vec[i].iov_base.set(native_base);
    vec[i].iov_len.set(static_cast<std::uint64_t>(native_length));
  }
  out.pointer = reinterpret_cast<std::uint64_t>(vec.data());
}

// A write's vectors cut to the room a file opened without O_LARGEFILE has left
// (generic_write_check_limits, i386_large_files.hpp): 0, or -EFBIG when it has none.
std::int32_t cut_to_room(NativeIovecs& vec, std::uint64_t fd, std::int64_t position) {
  if (!i386_large_files::any() || vec.entries().empty()) return 0;
  std::uint64_t total = 0;
  for (const auto& entry : vec.entries()) total += entry.iov_len.get();
  if (total == 0) return 0;  // generic_write_checks: nothing to write, no limit
  const auto room = i386_large_files::write_room(static_cast<int>(fd), position);
  if (!room) return 0;
  if (*room < 0) return static_cast<std::int32_t>(*room);
  std::uint64_t left = static_cast<std::uint64_t>(*room);
  for (auto& entry : vec.entries()) {
    const std::uint64_t length = std::min<std::uint64_t>(entry.iov_len.get(), left);
    entry.iov_len.set(length);
    left -= length;
  }
  return 0;
}

// readv/writev(fd, vec, vlen): fs/read_write.c's do_readv and do_writev.
template <bool Read>
std::int32_t readv(const GuestMemory& memory, Args a) {
  NativeIovecs vec;
  iovecs_in(vec, memory, a[1].value, a[2].value,
            Read ? GuestMemory::writable : GuestMemory::readable);
  if (!Read)
    if (std::int32_t error = cut_to_room(vec, a[0].value, -1)) return error;
  return static_cast<std::int32_t>(native(Read ? native_number("readv") : native_number("writev"),
                                          a[0].value, vec.pointer, a[2].value));
}

// preadv/pwritev(2)(fd, vec, vlen, pos_l, pos_h[, flags]): the offset from its two halves
// (compat_sys_preadv).
template <bool Read>
std::int32_t vectored(std::uint32_t number, const GuestMemory& memory, Args a) {
  NativeIovecs vec;
  iovecs_in(vec, memory, a[1].value, a[2].value,
            Read ? GuestMemory::writable : GuestMemory::readable);
  const std::uint64_t pos = (a[4].value << 32) | (a[3].value & 0xffffffffu);
  const std::uint64_t flags = a.size() > 5 ? a[5].value : 0;
  if (!Read)
    if (std::int32_t error = cut_to_room(vec, a[0].value, static_cast<std::int64_t>(pos)))
      return error;
  return static_cast<std::int32_t>(
      native(number, a[0].value, vec.pointer, a[2].value, pos, 0, flags));
}
std::int32_t preadv(const GuestMemory& m, Args a) {
  return vectored<true>(native_number("preadv"), m, a);
}
std::int32_t pwritev(const GuestMemory& m, Args a) {
  return vectored<false>(native_number("pwritev"), m, a);
}
std::int32_t preadv2(const GuestMemory& m, Args a) {
  return vectored<true>(native_number("preadv2"), m, a);
}
std::int32_t pwritev2(const GuestMemory& m, Args a) {
  return vectored<false>(native_number("pwritev2"), m, a);
}

// process_vm_readv/writev(pid, lvec, liovcnt, rvec, riovcnt, flags): mm/process_vm_access.c's
// process_vm_rw. lvec names this process's (the guest's) memory, rvec the other process's.
template <bool Read>
std::int32_t process_vm(const GuestMemory& memory, Args a) {
  NativeIovecs local, remote;
  iovecs_in(local, memory, a[1].value, a[2].value,
            Read ? GuestMemory::writable : GuestMemory::readable);
  iovecs_in(remote, memory, a[3].value, a[4].value, 0);
  return static_cast<std::int32_t>(
      native(Read ? native_number("process_vm_readv") : native_number("process_vm_writev"),
             a[0].value, local.pointer, a[2].value, remote.pointer, a[4].value, a[5].value));
}

// io_uring_register(fd, opcode, arg, nr_args) on a native ring, the one a translator without
// an i386 entry sets up (i386_hooks.cpp: with one, the ring is a compat one and the kernel
// reads its compat iovecs itself): io_uring/register.c. A native ring
// (ctx->compat false) reads native iovecs for IORING_REGISTER_BUFFERS: the guest's compat
// ones widened, each bounded by the guest's memory. Every other opcode's argument has one
// layout (file descriptor arrays, u64 addresses). Not served on a native ring: the iovecs
// of IORING_REGISTER_BUFFERS2/BUFFERS_UPDATE (behind a u64 in io_uring_rsrc_register) and
// those of READV/WRITEV submissions, which the kernel reads from the ring later.
std::int32_t io_uring_register(const GuestMemory& memory, Args a) {
  constexpr std::uint64_t register_buffers = 0, max_buffers = 1u << 14;  // IORING_MAX_REG_BUFFERS
  if ((a[1].value & 0xffffffffu) == register_buffers) {
    NativeIovecs vec;
    iovecs_in(vec, memory, a[2].value, a[3].value, GuestMemory::readable | GuestMemory::writable,
              max_buffers);
    return static_cast<std::int32_t>(
        native<"io_uring_register">(a[0].value, a[1].value, vec.pointer, a[3].value));
  }
  return static_cast<std::int32_t>(
      native<"io_uring_register">(a[0].value, a[1].value, host(memory, a[2].value), a[3].value));
}

// ---- opening files ---------------------------------------------------------------------
//
// do_sys_open (and openat2) force O_LARGEFILE for a 64-bit caller, never for a compat one:
// an i386 open without it fails with EOVERFLOW on a regular file past 2 GiB
// (generic_file_open). The native open here cannot leave the flag out, so the check is
// made after it, on the file opened; the file is then remembered, for what else the kernel
// does with it (i386_large_files.hpp: writes stop at 2 GiB, F_GETFL).

std::int32_t open_as_compat(std::int32_t fd, std::uint64_t flags) {
  if (fd < 0) return fd;
  if ((flags & abi::o_largefile(abi::Abi::i386)) || (flags & O_PATH)) {
    if (i386_large_files::any()) i386_large_files::opened(fd, flags, nullptr);
    return fd;
  }
  abi::stat_x86_64<X86_64> status{};
  const bool regular = native<"fstat">(static_cast<std::uint32_t>(fd),
                                       reinterpret_cast<std::uint64_t>(&status)) == 0 &&
                       S_ISREG(status.st_mode.get());
  if (regular && status.st_size.get() > i386_large_files::max_non_lfs) {
    native<"close">(static_cast<std::uint32_t>(fd));
    return -EOVERFLOW;
  }
  // The file as this fstat found it: no second fstat to remember it by.
  const i386_large_files::File file{status.st_dev.get(), status.st_ino.get()};
  i386_large_files::opened(fd, flags, regular ? &file : nullptr);
  return fd;
}
std::int32_t open_at(const GuestMemory& memory, std::uint64_t directory, std::uint64_t path,
                     std::uint64_t flags, std::uint64_t mode) {
  const bool readable = check_guest_path(memory, path) != EFAULT;
  const long fd =
      native<"openat">(directory, readable ? host(memory, path) : poisoned_pointer, flags, mode);
  return open_as_compat(static_cast<std::int32_t>(fd), flags);
}
std::int32_t open(const GuestMemory& m, Args a) {
  return open_at(m, static_cast<std::uint32_t>(AT_FDCWD), a[0].value, a[1].value, a[2].value);
}
std::int32_t openat(const GuestMemory& m, Args a) {
  return open_at(m, a[0].value, a[1].value, a[2].value, a[3].value);
}

// ---- directories ----------------------------------------------------------------------

// getdents64: the record stream has one format on every ABI; only the buffer is checked.
// With a position map, each d_off becomes the guest's position in place; a record whose
// position cannot be given ends the call there (EOVERFLOW when it is the first).
std::int32_t getdents64(const GuestMemory& memory, Args a) {
  if (!memory.accessible(static_cast<GuestAddress>(a[1].value), a[2].value, GuestMemory::writable))
    return static_cast<std::int32_t>(
        native<"getdents64">(a[0].value, poisoned_pointer, a[2].value));
  const int fd = static_cast<int>(a[0].value);
  if (directory_positions) directory_positions->reading(fd);
  const long got = native<"getdents64">(a[0].value, host(memory, a[1].value), a[2].value);
  if (got <= 0 || !directory_positions) return static_cast<std::int32_t>(got);
  std::uint8_t* records = memory.host(static_cast<GuestAddress>(a[1].value));
  std::int64_t resume = -1;
  long at = 0;
  for (; at < got;) {
    std::int64_t off;
    std::uint16_t reclen;
    std::memcpy(&off, records + at + 8, 8);
    std::memcpy(&reclen, records + at + 16, 2);
    const auto position = directory_positions->position(fd, off);
    if (!position) break;
    const std::int64_t wide = *position;
    std::memcpy(records + at + 8, &wide, 8);
    resume = off;
    at += reclen;
  }
  if (at == got) return static_cast<std::int32_t>(got);
  if (resume < 0) return -EOVERFLOW;
  native<"lseek">(a[0].value, static_cast<std::uint64_t>(resume), SEEK_SET);
  return static_cast<std::int32_t>(at);
}

// getdents: compat_filldir's linux_dirent records, repacked from getdents64's. The guest's
// buffer size bounds how many records are asked for, so nothing read is lost: the
// directory position is moved back to the first record that did not fit.
std::int32_t getdents(const GuestMemory& memory, Args a) {
  const auto fd = a[0].value;
  const auto guest_buffer = static_cast<GuestAddress>(a[1].value);
  const std::size_t count = a[2].value;
  if (!memory.accessible(guest_buffer, count, GuestMemory::writable)) return -EFAULT;
  if (directory_positions) directory_positions->reading(static_cast<int>(fd));
  const long start_position = native<"lseek">(fd, 0, SEEK_CUR);
  // At most 1 MiB of records a call: fewer than fit is what any getdents may return.
  std::vector<std::uint8_t> records(std::clamp<std::size_t>(count, 512, 1 << 20));
  const long got =
      native<"getdents64">(fd, reinterpret_cast<std::uint64_t>(records.data()), records.size());
  if (got < 0) return static_cast<std::int32_t>(got);
  // compat_filldir writes each field and the name with its NUL; the bytes between the NUL
  // and d_type keep what the buffer held.
  const std::size_t window = std::min<std::size_t>(count, 1 << 20);
  std::vector<std::uint8_t> guest_bytes(window);
  if (memory.copy_in(guest_bytes.data(), guest_buffer, window)) return -EFAULT;
  std::vector<std::uint8_t> out;
  std::int64_t resume = -1;
  for (long at = 0; at < got;) {
    std::uint64_t ino;
    std::int64_t off;
    std::uint16_t reclen;
    std::memcpy(&ino, &records[at], 8);
    std::memcpy(&off, &records[at + 8], 8);
    std::memcpy(&reclen, &records[at + 16], 2);
    const std::uint8_t type = records[at + 18];
    const char* name = reinterpret_cast<const char*>(&records[at + 19]);
    const std::size_t namelen = strnlen(name, reclen - 19);
    // {u32 d_ino; u32 d_off; u16 d_reclen; char d_name[]; ... NUL, d_type} aligned to 4
    const std::size_t size = (10 + namelen + 2 + 3) & ~std::size_t{3};
    if (out.size() + size > window) break;
    std::optional<std::uint32_t> position;
    if (directory_positions)
      position = directory_positions->position(static_cast<int>(fd), off);
    else if (off <= 0x7fffffff && off >= -0x80000000ll)
      position = static_cast<std::uint32_t>(off);
    if (ino > 0xffffffffu || !position) {
      if (out.empty()) {
        if (start_position >= 0)
          native<"lseek">(fd, static_cast<std::uint64_t>(start_position), SEEK_SET);
        return -EOVERFLOW;
      }
      break;
    }
    const std::size_t start = out.size();
    out.insert(out.end(), guest_bytes.begin() + start, guest_bytes.begin() + start + size);
    out[start + 10 + namelen] = 0;
    const std::uint32_t ino32 = static_cast<std::uint32_t>(ino), off32 = *position;
    const std::uint16_t size16 = static_cast<std::uint16_t>(size);
    std::memcpy(&out[start], &ino32, 4);
    std::memcpy(&out[start + 4], &off32, 4);
    std::memcpy(&out[start + 8], &size16, 2);
    std::memcpy(&out[start + 10], name, namelen);
    out[start + size - 1] = type;
    resume = off;
    at += reclen;
  }
  if (out.empty() && got > 0) {  // not even one record fits: EINVAL, the position unmoved
    if (start_position >= 0)
      native<"lseek">(fd, static_cast<std::uint64_t>(start_position), SEEK_SET);
    return -EINVAL;
  }
  // Position the directory after the last record handed over.
  if (resume >= 0) native<"lseek">(fd, static_cast<std::uint64_t>(resume), SEEK_SET);
  if (memory.copy_out(guest_buffer, out.data(), out.size())) return -EFAULT;
  return static_cast<std::int32_t>(out.size());
}

// ---- file systems ---------------------------------------------------------------------

// statfs64/fstatfs64(x, sz, buf): compat_sys_statfs64, which insists on its own size.
template <bool ByFd>
std::int32_t statfs64(const GuestMemory& memory, Args a) {
  if (a[1].value != sizeof(abi::statfs64<I386>)) return -EINVAL;
  abi::statfs<X86_64> buf{};
  GuestPath path;
  if (!ByFd)
    if (int error = guest_path(memory, a[0].value, path)) return -error;
  const long result = ByFd ? native<"fstatfs">(a[0].value, reinterpret_cast<std::uint64_t>(&buf))
                           : native<"statfs">(reinterpret_cast<std::uint64_t>(path.c_str()),
                                              reinterpret_cast<std::uint64_t>(&buf));
  if (result < 0) return static_cast<std::int32_t>(result);
  return -put<abi::statfs64<I386>>(memory, a[2].value, buf);
}

// sysinfo: compat_sys_sysinfo scales the memory sizes down by mem_unit until they fit.
std::int32_t sysinfo(const GuestMemory& memory, Args a) {
  abi::sysinfo<X86_64> s{};
  if (long result = native<"sysinfo">(reinterpret_cast<std::uint64_t>(&s)); result < 0)
    return static_cast<std::int32_t>(result);
  std::uint64_t fields[] = {s.totalram.get(),  s.freeram.get(),   s.sharedram.get(),
                            s.bufferram.get(), s.totalswap.get(), s.freeswap.get(),
                            s.totalhigh.get(), s.freehigh.get()};
  std::uint32_t mem_unit = s.mem_unit.get();
  if ((fields[0] >> 32) || (fields[4] >> 32)) {
    int bitcount = 0;
    while (mem_unit < static_cast<std::uint32_t>(sysconf(_SC_PAGESIZE))) {
      mem_unit <<= 1;
      ++bitcount;
    }
    for (auto& field : fields) field >>= bitcount;
  }
  abi::sysinfo<I386> g{};
  g.uptime.set(static_cast<std::int32_t>(s.uptime.get()));
  for (int i = 0; i < 3; ++i) g.loads[i].set(static_cast<std::uint32_t>(s.loads[i].get()));
  abi::I386::kernel_ulong* out[] = {&g.totalram,  &g.freeram,  &g.sharedram, &g.bufferram,
                                    &g.totalswap, &g.freeswap, &g.totalhigh, &g.freehigh};
  for (int i = 0; i < 8; ++i) out[i]->set(static_cast<std::uint32_t>(fields[i]));
  g.procs.set(s.procs.get());
  g.mem_unit.set(mem_unit);
  return memory.copy_out(static_cast<GuestAddress>(a[0].value), &g, sizeof g) ? -EFAULT : 0;
}

// ---- processes ------------------------------------------------------------------------

// waitpid(pid, status, options): wait4 without rusage.
std::int32_t waitpid(const GuestMemory& memory, Args a) {
  if (a[1].value &&
      !memory.accessible(static_cast<GuestAddress>(a[1].value), 4, GuestMemory::writable))
    return static_cast<std::int32_t>(native<"wait4">(a[0].value, poisoned_pointer, a[2].value, 0));
  return static_cast<std::int32_t>(
      native<"wait4">(a[0].value, host(memory, a[1].value), a[2].value, 0));
}

// The old getrlimit (number 76): compat_sys_old_getrlimit clamps to 0x7fffffff.
std::int32_t old_getrlimit(const GuestMemory& memory, Args a) {
  abi::rlimit<X86_64> r{};
  if (long result = native<"getrlimit">(a[0].value, reinterpret_cast<std::uint64_t>(&r));
      result < 0)
    return static_cast<std::int32_t>(result);
  abi::rlimit<I386> g{};
  g.rlim_cur.set(static_cast<std::uint32_t>(std::min<std::uint64_t>(r.rlim_cur.get(), 0x7fffffff)));
  g.rlim_max.set(static_cast<std::uint32_t>(std::min<std::uint64_t>(r.rlim_max.get(), 0x7fffffff)));
  return memory.copy_out(static_cast<GuestAddress>(a[1].value), &g, sizeof g) ? -EFAULT : 0;
}

// nice(increment): kernel/sched/core.c's sys_nice, through get/setpriority.
std::int32_t nice(const GuestMemory&, Args a) {
  const auto increment = std::clamp<std::int64_t>(static_cast<std::int32_t>(a[0].value), -40, 40);
  const long priority = native<"getpriority">(PRIO_PROCESS, 0);  // 20 - nice
  if (priority < 0) return static_cast<std::int32_t>(priority);
  const std::int64_t value = std::clamp<std::int64_t>(20 - priority + increment, -20, 19);
  const long result = native<"setpriority">(PRIO_PROCESS, 0, static_cast<std::uint64_t>(value));
  return result == -EACCES ? -EPERM : static_cast<std::int32_t>(result);
}

// ---- 16-bit ids: high2lowuid and low2highuid (include/linux/highuid.h) ----------------

constexpr auto overflow_id = static_cast<std::uint32_t>(abi::overflow_id);
std::uint64_t low2high(std::uint64_t id) {
  return (id & 0xffff) == 0xffff ? ~std::uint64_t{0} : id & 0xffff;
}
std::uint32_t high2low(std::uint64_t id) {
  return id > 0xffff ? overflow_id : static_cast<std::uint32_t>(id);
}

std::int32_t get_id(std::uint32_t number) {
  const long id = native(number);
  return id < 0 ? static_cast<std::int32_t>(id)
                : static_cast<std::int32_t>(high2low(static_cast<std::uint64_t>(id)));
}
std::int32_t getuid16(const GuestMemory&, Args) {
  return get_id(native_number("getuid"));
}
std::int32_t getgid16(const GuestMemory&, Args) {
  return get_id(native_number("getgid"));
}
std::int32_t geteuid16(const GuestMemory&, Args) {
  return get_id(native_number("geteuid"));
}
std::int32_t getegid16(const GuestMemory&, Args) {
  return get_id(native_number("getegid"));
}
std::int32_t setuid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(native<"setuid">(low2high(a[0].value)));
}
std::int32_t setgid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(native<"setgid">(low2high(a[0].value)));
}
std::int32_t setreuid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(native<"setreuid">(low2high(a[0].value), low2high(a[1].value)));
}
std::int32_t setregid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(native<"setregid">(low2high(a[0].value), low2high(a[1].value)));
}
std::int32_t setresuid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(
      native<"setresuid">(low2high(a[0].value), low2high(a[1].value), low2high(a[2].value)));
}
std::int32_t setresgid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(
      native<"setresgid">(low2high(a[0].value), low2high(a[1].value), low2high(a[2].value)));
}
std::int32_t setfsuid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(
      high2low(static_cast<std::uint64_t>(native<"setfsuid">(low2high(a[0].value)))));
}
std::int32_t setfsgid16(const GuestMemory&, Args a) {
  return static_cast<std::int32_t>(
      high2low(static_cast<std::uint64_t>(native<"setfsgid">(low2high(a[0].value)))));
}
template <bool Group>
std::int32_t getres16(const GuestMemory& memory, Args a) {
  std::uint32_t ids[3];
  const long result =
      native(Group ? native_number("getresgid") : native_number("getresuid"),
             reinterpret_cast<std::uint64_t>(&ids[0]), reinterpret_cast<std::uint64_t>(&ids[1]),
             reinterpret_cast<std::uint64_t>(&ids[2]));
  if (result < 0) return static_cast<std::int32_t>(result);
  for (int i = 0; i < 3; ++i) {
    const std::uint16_t low = static_cast<std::uint16_t>(high2low(ids[i]));
    if (memory.copy_out(static_cast<GuestAddress>(a[i].value), &low, 2)) return -EFAULT;
  }
  return 0;
}
std::int32_t getresuid16(const GuestMemory& m, Args a) {
  return getres16<false>(m, a);
}
std::int32_t getresgid16(const GuestMemory& m, Args a) {
  return getres16<true>(m, a);
}

std::int32_t chown16_by(std::uint32_t number, const GuestMemory& memory, Args a, bool path) {
  GuestPath text;
  if (path)
    if (int error = guest_path(memory, a[0].value, text)) return -error;
  const std::uint64_t first = path ? reinterpret_cast<std::uint64_t>(text.c_str()) : a[0].value;
  return static_cast<std::int32_t>(
      native(number, first, low2high(a[1].value), low2high(a[2].value)));
}
std::int32_t chown16(const GuestMemory& m, Args a) {
  return chown16_by(native_number("chown"), m, a, true);
}
std::int32_t lchown16(const GuestMemory& m, Args a) {
  return chown16_by(native_number("lchown"), m, a, true);
}
std::int32_t fchown16(const GuestMemory& m, Args a) {
  return chown16_by(native_number("fchown"), m, a, false);
}

// getgroups16(size, list): the native list, each id high2low.
std::int32_t getgroups16(const GuestMemory& memory, Args a) {
  const auto size = static_cast<std::int32_t>(a[0].value);
  if (size < 0) return -EINVAL;
  // no process has more than NGROUPS_MAX (65536) groups: a larger size asks for no more
  const std::int32_t room = std::min(size, 65536);
  std::vector<std::uint32_t> ids(static_cast<std::size_t>(room));
  const long result = native<"getgroups">(static_cast<std::uint64_t>(room),
                                          reinterpret_cast<std::uint64_t>(ids.data()));
  if (result <= 0 || size == 0) return static_cast<std::int32_t>(result);
  std::vector<std::uint16_t> low(static_cast<std::size_t>(result));
  for (long i = 0; i < result; ++i) low[i] = static_cast<std::uint16_t>(high2low(ids[i]));
  if (memory.copy_out(static_cast<GuestAddress>(a[1].value), low.data(), low.size() * 2))
    return -EFAULT;
  return static_cast<std::int32_t>(result);
}

std::int32_t setgroups16(const GuestMemory& memory, Args a) {
  const auto size = static_cast<std::int32_t>(a[0].value);
  if (size < 0 || size > 65536) return -EINVAL;
  std::vector<std::uint16_t> low(static_cast<std::size_t>(size));
  if (size && memory.copy_in(low.data(), static_cast<GuestAddress>(a[1].value), low.size() * 2))
    return -EFAULT;
  std::vector<std::uint32_t> ids(low.begin(), low.end());
  for (auto& id : ids) id = static_cast<std::uint32_t>(low2high(id));
  return static_cast<std::int32_t>(native<"setgroups">(
      static_cast<std::uint64_t>(size), reinterpret_cast<std::uint64_t>(ids.data())));
}

// ---- names ----------------------------------------------------------------------------

// olduname/oldolduname: uname into the older, smaller records (sys_olduname copies
// __OLD_UTS_LEN bytes of each field and a NUL).
template <class Old>
std::int32_t old_uname(const GuestMemory& memory, Args a) {
  abi::new_utsname<X86_64> name{};
  if (long result = native<"uname">(reinterpret_cast<std::uint64_t>(&name)); result < 0)
    return static_cast<std::int32_t>(result);
  Old old{};
  auto copy = [](auto& to, const auto& from) {
    constexpr std::size_t room = std::remove_cvref_t<decltype(to)>::extent;
    for (std::size_t i = 0; i + 1 < room; ++i) to[i].set(from[i].get());
  };
  copy(old.sysname, name.sysname);
  copy(old.nodename, name.nodename);
  copy(old.release, name.release);
  copy(old.version, name.version);
  copy(old.machine, name.machine);
  return memory.copy_out(static_cast<GuestAddress>(a[0].value), &old, sizeof old) ? -EFAULT : 0;
}
std::int32_t olduname(const GuestMemory& m, Args a) {
  return old_uname<abi::old_utsname<I386>>(m, a);
}
std::int32_t oldolduname(const GuestMemory& m, Args a) {
  return old_uname<abi::oldold_utsname<I386>>(m, a);
}

// umount(path): umount2 without flags.
std::int32_t umount(const GuestMemory& memory, Args a) {
  GuestPath path;
  if (int error = guest_path(memory, a[0].value, path)) return -error;
  return static_cast<std::int32_t>(
      native<"umount2">(reinterpret_cast<std::uint64_t>(path.c_str()), 0));
}

// ---- requests whose argument depends on the command -----------------------------------

// ioctl(fd, request, arg): i386_ioctl.cpp, each request as its description plans it.
std::int32_t ioctl(const GuestMemory& memory, Args a) {
  return i386_ioctl::translate(memory, a);
}

// fcntl64(fd, cmd, arg): compat_sys_fcntl64. The record-lock commands take the i386 flock
// (F_GETLK/F_SETLK/F_SETLKW) or flock64 (the *64 and OFD ones); the rest take a value.
template <bool Sixty_four>
std::int32_t fcntl(const GuestMemory& memory, Args a) {
  constexpr std::uint64_t getlk = 5, setlk = 6, setlkw = 7, getlk64 = 12, setlk64 = 13,
                          setlkw64 = 14, ofd_getlk = 36, ofd_setlk = 37, ofd_setlkw = 38;
  const std::uint64_t cmd = a[1].value & 0xffffffffu;
  const bool old_lock = cmd == getlk || cmd == setlk || cmd == setlkw;
  const bool lock64 = cmd == getlk64 || cmd == setlk64 || cmd == setlkw64 || cmd == ofd_getlk ||
                      cmd == ofd_setlk || cmd == ofd_setlkw;
  if (!Sixty_four && (cmd == getlk64 || cmd == setlk64 || cmd == setlkw64)) return -EINVAL;
  if (!old_lock && !lock64)
    return static_cast<std::int32_t>(native<"fcntl">(a[0].value, cmd, a[2].value));
  // native F_*64 are the plain commands on x86_64
  const std::uint64_t native_cmd = cmd == getlk64    ? getlk
                                   : cmd == setlk64  ? setlk
                                   : cmd == setlkw64 ? setlkw
                                                     : cmd;
  abi::flock<X86_64> lock{};
  const auto address = static_cast<GuestAddress>(a[2].value);
  if (old_lock) {
    abi::flock<I386> guest{};
    if (memory.copy_in(&guest, address, sizeof guest)) return -EFAULT;
    if (int error = convert(guest, lock)) return -error;
  } else {
    abi::flock64<I386> guest{};
    if (memory.copy_in(&guest, address, sizeof guest)) return -EFAULT;
    if (int error = convert(guest, lock)) return -error;
  }
  const long result =
      native<"fcntl">(a[0].value, native_cmd, reinterpret_cast<std::uint64_t>(&lock));
  if (result < 0 || (cmd != getlk && cmd != getlk64 && cmd != ofd_getlk))
    return static_cast<std::int32_t>(result);
  const int error = old_lock ? put<abi::flock<I386>>(memory, a[2].value, lock)
                             : put<abi::flock64<I386>>(memory, a[2].value, lock);
  return error ? -error : static_cast<std::int32_t>(result);
}

// A call named while this compiles: its plan's address is a constant (i386_plans.hpp).
template <abi::CallName name>
std::int32_t translate_sub_call(const GuestMemory& memory,
                                const std::array<std::uint32_t, 6>& registers) {
  return translate_planned(memory, *i386_plan_table::named_plan<name>(), registers);
}

// socketcall(call, args): net/socket.c's multiplexer. The sub-call is the call the
// description marks with that socketcall number; its arguments are read from guest memory,
// as many as its signature has. send and recv, which x86_64 lacks, are sendto and recvfrom
// without an address, as the kernel's socketcall makes them.
struct SocketSubCall {
  bool known = false;
  const CallPlan* plan = nullptr;
  std::size_t arguments = 0;     // words read from the guest's block
  bool without_address = false;  // send or recv: sendto or recvfrom with no address
};

// socketcall's sub-calls by their number (SYS_SOCKET...), from x86_64's rows and then arm's
// (send and recv, which only arm has as calls), built while this compiles.
consteval std::array<SocketSubCall, 32> build_socket_sub_calls() {
  std::array<SocketSubCall, 32> calls{};
  for (abi::Abi abi : {abi::Abi::x86_64, abi::Abi::arm_eabi})
    i386_plan_table::for_each_row([&](const abi::SyscallRow& row) {
      if (i386_plan_table::row_number(row, abi) == abi::no ||
          row.mux.kind != abi::MultiplexerKind::socketcall || row.mux.call >= calls.size() ||
          calls[row.mux.call].known)
        return;
      SocketSubCall& sub = calls[row.mux.call];
      abi::NotationError error;
      sub.known = true;
      sub.arguments = abi::parse_signature(row.signature, error).value().arg_count;
      sub.without_address = row.name == "send" || row.name == "recv";
      const std::size_t index =
          i386_plan_table::plan_index_or_none(row.name == "send"   ? "sendto"
                                              : row.name == "recv" ? "recvfrom"
                                                                   : row.name);
      sub.plan =
          index == i386_plan_table::no_plan ? nullptr : i386_plan_table::all_plans.data() + index;
    });
  return calls;
}
constexpr std::array<SocketSubCall, 32> socket_sub_calls = build_socket_sub_calls();

std::int32_t socketcall(const GuestMemory& memory, Args a) {
  const auto call = static_cast<std::uint32_t>(a[0].value);
  const auto& calls = socket_sub_calls;
  if (call >= calls.size() || !calls[call].known) return -EINVAL;
  const SocketSubCall& sub = calls[call];
  if (!sub.plan) return -ENOSYS;
  std::array<std::uint32_t, 6> registers{};
  if (memory.copy_in(registers.data(), static_cast<GuestAddress>(a[1].value), sub.arguments * 4))
    return -EFAULT;
  if (sub.without_address) registers[4] = registers[5] = 0;
  return translate_planned(memory, *sub.plan, registers);
}

// ---- messages: msghdr, iovecs and control messages (net/compat.c) ---------------------

// A socket constant as the description states it (abi/.../constants/net.hpp, checked
// against every ABI's headers by `syscompat constants --check`). The translators compare a
// guest's level, option or message type with it and pass native ones back unchanged, which
// is right only where i386 and x86_64 give the constant one value: a constant for which
// they differ does not compile here.
consteval std::int64_t socket_constant(const abi::Vocabulary& vocabulary, std::string_view name) {
  const auto& row = abi::constant_row(vocabulary.rows, name);
  const auto guest = abi::constant_value(row, abi::Abi::i386);
  if (!guest || guest != abi::constant_value(row, abi::Abi::x86_64))
    throw "i386 and x86_64 differ: the translator must map it";
  return *guest;
}
constexpr std::int64_t sol_socket = socket_constant(abi::vocab::socket_levels, "SOL_SOCKET");
constexpr std::int64_t scm_rights = socket_constant(abi::vocab::cmsg_types, "SCM_RIGHTS");
constexpr std::uint32_t msg_ctrunc =
    static_cast<std::uint32_t>(socket_constant(abi::vocab::msg_flags, "MSG_CTRUNC"));
constexpr std::int64_t so_timestamp_old =
    socket_constant(abi::vocab::socket_options, "SO_TIMESTAMP_OLD");
constexpr std::int64_t so_timestampns_old =
    socket_constant(abi::vocab::socket_options, "SO_TIMESTAMPNS_OLD");
constexpr std::int64_t so_timestamping_old =
    socket_constant(abi::vocab::socket_options, "SO_TIMESTAMPING_OLD");
constexpr std::int64_t so_rcvtimeo_old =
    socket_constant(abi::vocab::socket_options, "SO_RCVTIMEO_OLD");
constexpr std::int64_t so_sndtimeo_old =
    socket_constant(abi::vocab::socket_options, "SO_SNDTIMEO_OLD");
constexpr std::int64_t so_attach_filter =
    socket_constant(abi::vocab::socket_options, "SO_ATTACH_FILTER");
constexpr std::int64_t so_attach_reuseport_cbpf =
    socket_constant(abi::vocab::socket_options, "SO_ATTACH_REUSEPORT_CBPF");

// A guest control message header: {u32 len; s32 level; s32 type}, 4-byte aligned.
constexpr std::size_t guest_cmsg_header = 12;
constexpr std::size_t guest_cmsg_align(std::size_t n) {
  return (n + 3) & ~std::size_t{3};
}
constexpr std::size_t native_cmsg_align(std::size_t n) {
  return (n + 7) & ~std::size_t{7};
}
constexpr std::size_t native_cmsg_header = sizeof(struct cmsghdr);

struct NativeMessage {
  abi::msghdr<X86_64> header{};
  NativeIovecs iov;
  std::vector<std::uint8_t> control;
};

// The guest's msghdr, its iovecs and its control messages, in x86_64's layout
// (get_compat_msghdr, cmsghdr_from_user_compat_to_kern).
int message_in(const GuestMemory& memory, GuestAddress address, NativeMessage& out,
               bool receiving) {
  abi::msghdr<I386> guest{};
  if (memory.copy_in(&guest, address, sizeof guest)) return EFAULT;
  if (int error = convert(guest, out.header)) return error;
  const std::uint32_t iovlen = guest.msg_iovlen.get();
  if (iovlen > uio_maxiov) return EMSGSIZE;
  if (iovlen && !memory.accessible(guest.msg_iov.get(), iovlen * sizeof(abi::iovec<I386>),
                                   GuestMemory::readable))
    return EFAULT;
  iovecs_in(out.iov, memory, guest.msg_iov.get(), iovlen,
            receiving ? GuestMemory::writable : GuestMemory::readable);
  out.header.msg_iov.set(iovlen ? out.iov.pointer : 0);
  if (guest.msg_name.get()) out.header.msg_name.set(host(memory, guest.msg_name.get()));
  const std::uint32_t controllen = guest.msg_controllen.get();
  // the kernel's sock_kmalloc refuses control data past optmem_max with ENOBUFS
  if (controllen > (128u << 10)) return ENOBUFS;
  if (receiving) {
    // Room for as many native messages as the guest's room holds guest ones: each native
    // header is 4 bytes longer and aligned to 8 (a generous bound, never smaller).
    out.control.assign(controllen ? controllen * 2 + 64 : 0, 0);
  } else if (controllen) {
    if (!memory.accessible(guest.msg_control.get(), controllen, GuestMemory::readable))
      return EFAULT;
    std::vector<std::uint8_t> in(controllen);
    if (memory.copy_in(in.data(), guest.msg_control.get(), controllen)) return EFAULT;
    for (std::size_t at = 0; at + guest_cmsg_header <= controllen;) {
      std::uint32_t len;
      std::int32_t level, type;
      std::memcpy(&len, &in[at], 4);
      std::memcpy(&level, &in[at + 4], 4);
      std::memcpy(&type, &in[at + 8], 4);
      if (len < guest_cmsg_header || at + len > controllen) return EINVAL;
      const std::size_t payload = len - guest_cmsg_header;
      const std::size_t start = out.control.size();
      out.control.resize(start + native_cmsg_align(native_cmsg_header + payload), 0);
      const std::uint64_t native_len = native_cmsg_header + payload;
      std::memcpy(&out.control[start], &native_len, 8);
      std::memcpy(&out.control[start + 8], &level, 4);
      std::memcpy(&out.control[start + 12], &type, 4);
      std::memcpy(&out.control[start + native_cmsg_header], &in[at + guest_cmsg_header], payload);
      at += guest_cmsg_align(len);
    }
  }
  out.header.msg_control.set(
      out.control.empty() ? 0 : reinterpret_cast<std::uint64_t>(out.control.data()));
  out.header.msg_controllen.set(out.control.size());
  return 0;
}

// put_cmsg_compat's !COMPAT_USE_64BIT_TIME branch: SO_TIMESTAMP_OLD carries the ABI's own
// timeval, SO_TIMESTAMPNS_OLD one timespec and SO_TIMESTAMPING_OLD a scm_timestamping (three),
// each narrowed by a plain assignment. Every other payload has one layout on both sides.
template <class Native, class Guest>
bool narrow_payload(const std::uint8_t* data, std::size_t size, std::vector<std::uint8_t>& out) {
  Native native{};
  if (size != sizeof native) return false;
  std::memcpy(&native, data, sizeof native);
  Guest guest{};
  if (convert(native, guest, Narrowing::truncate)) return false;
  out.resize(sizeof guest);
  std::memcpy(out.data(), &guest, sizeof guest);
  return true;
}

bool timestamp_payload_out(int level, int type, const std::uint8_t* data, std::size_t size,
                           std::vector<std::uint8_t>& out) {
  if (level != sol_socket) return false;
  switch (type) {
    case so_timestamp_old:
      return narrow_payload<abi::timeval<X86_64>, abi::timeval<I386>>(data, size, out);
    case so_timestampns_old:
      return narrow_payload<abi::timespec<X86_64>, abi::timespec<I386>>(data, size, out);
    case so_timestamping_old:
      return narrow_payload<abi::scm_timestamping<X86_64>, abi::scm_timestamping<I386>>(data, size,
                                                                                        out);
    default:
      return false;
  }
}

// After recvmsg: the control messages back in the guest's layout (put_cmsg_compat), and the
// lengths and flags the kernel updates in the guest's msghdr.
int message_out(const GuestMemory& memory, GuestAddress address,
                const NativeMessage& native_message) {
  abi::msghdr<I386> guest{};
  if (memory.copy_in(&guest, address, sizeof guest)) return EFAULT;
  const std::uint32_t room = guest.msg_controllen.get();
  std::vector<std::uint8_t> out;
  std::uint32_t flags = static_cast<std::uint32_t>(native_message.header.msg_flags.get());
  const std::size_t native_used = native_message.header.msg_controllen.get();
  for (std::size_t at = 0; at + native_cmsg_header <= native_used;) {
    std::uint64_t len;
    std::int32_t level, type;
    std::memcpy(&len, &native_message.control[at], 8);
    std::memcpy(&level, &native_message.control[at + 8], 4);
    std::memcpy(&type, &native_message.control[at + 12], 4);
    if (len < native_cmsg_header) break;
    std::size_t payload = len - native_cmsg_header;
    const std::uint8_t* data = &native_message.control[at + native_cmsg_header];
    std::vector<std::uint8_t> narrowed;
    if (timestamp_payload_out(level, type, data, payload, narrowed)) {
      data = narrowed.data();
      payload = narrowed.size();
    }
    const std::size_t start = out.size();
    if (start + guest_cmsg_header > room) {
      flags |= msg_ctrunc;
      break;
    }
    if (start + guest_cmsg_header + payload > room) {
      // only whole fds for SCM_RIGHTS, as scm_detach_fds_compat gives
      flags |= msg_ctrunc;
      payload = room - start - guest_cmsg_header;
      if (level == sol_socket && type == scm_rights) payload &= ~std::size_t{3};
    }
    const std::uint32_t guest_len = static_cast<std::uint32_t>(guest_cmsg_header + payload);
    out.resize(start + std::min<std::size_t>(guest_cmsg_align(guest_len), room - start), 0);
    std::memcpy(&out[start], &guest_len, 4);
    std::memcpy(&out[start + 4], &level, 4);
    std::memcpy(&out[start + 8], &type, 4);
    std::memcpy(&out[start + guest_cmsg_header], data, payload);
    at += native_cmsg_align(len);
  }
  if (!out.empty() && memory.copy_out(guest.msg_control.get(), out.data(), out.size()))
    return EFAULT;
  guest.msg_controllen.set(static_cast<std::uint32_t>(out.size()));
  guest.msg_namelen.set(native_message.header.msg_namelen.get());
  guest.msg_flags.set(flags);
  return memory.copy_out(address, &guest, sizeof guest);
}

std::int32_t sendmsg(const GuestMemory& memory, Args a) {
  NativeMessage message;
  if (int error = message_in(memory, static_cast<GuestAddress>(a[1].value), message, false))
    return -error;
  return static_cast<std::int32_t>(
      native<"sendmsg">(a[0].value, reinterpret_cast<std::uint64_t>(&message.header), a[2].value));
}

std::int32_t recvmsg(const GuestMemory& memory, Args a) {
  NativeMessage message;
  const auto address = static_cast<GuestAddress>(a[1].value);
  if (int error = message_in(memory, address, message, true)) return -error;
  const long result =
      native<"recvmsg">(a[0].value, reinterpret_cast<std::uint64_t>(&message.header), a[2].value);
  if (result < 0) return static_cast<std::int32_t>(result);
  if (int error = message_out(memory, address, message)) return -error;
  return static_cast<std::int32_t>(result);
}

// ---- select (fs/select.c's compat_core_sys_select) --------------------------------------

// _newselect(n, inp, outp, exp, tvp): the guest's fd_sets are n bits in 32-bit words, which
// on a little-endian machine are the same bytes as 64-bit words; only the number of bytes
// each side reads and writes differs, so each set goes through a native-sized copy.
// The timeout of the select family: old_timeval (select), timespec (pselect6) or
// timespec64 (pselect6_time64), each converted to x86_64's and back.
enum class Timeout { timeval, timespec, timespec64 };

template <class Guest, class Native>
int timeout_in(const GuestMemory& memory, std::uint64_t address, Native& out) {
  Guest guest{};
  if (memory.copy_in(&guest, static_cast<GuestAddress>(address), sizeof guest)) return EFAULT;
  return convert(guest, out);
}

std::int32_t select_on(const GuestMemory& memory, std::uint64_t n, std::uint64_t sets[3],
                       std::uint64_t tvp, Timeout kind = Timeout::timeval,
                       std::uint64_t sigpack = 0, bool has_sigpack = false) {
  const auto count = static_cast<std::int32_t>(n);
  if (count < 0) return -EINVAL;
  const std::size_t limit = static_cast<std::size_t>(std::min<std::int64_t>(count, 1 << 20));
  const std::size_t guest_bytes = (limit + 31) / 32 * 4, native_bytes = (limit + 63) / 64 * 8;
  std::vector<std::uint8_t> native_sets[3];
  std::uint64_t pointers[3] = {};
  for (int i = 0; i < 3; ++i) {
    if (!sets[i]) continue;
    native_sets[i].assign(native_bytes, 0);
    if (memory.copy_in(native_sets[i].data(), static_cast<GuestAddress>(sets[i]), guest_bytes))
      return -EFAULT;
    pointers[i] = reinterpret_cast<std::uint64_t>(native_sets[i].data());
  }
  abi::old_timeval<X86_64> timeval{};
  abi::timespec<X86_64> timespec{};
  if (tvp) {
    const int error =
        kind == Timeout::timeval    ? timeout_in<abi::old_timeval<I386>>(memory, tvp, timeval)
        : kind == Timeout::timespec ? timeout_in<abi::timespec<I386>>(memory, tvp, timespec)
                                    : timeout_in<abi::timespec64<I386>>(memory, tvp, timespec);
    if (error) return -error;
  }
  long result;
  if (kind == Timeout::timeval) {
    result = native<"select">(static_cast<std::uint64_t>(count), pointers[0], pointers[1],
                              pointers[2], tvp ? reinterpret_cast<std::uint64_t>(&timeval) : 0);
  } else {
    // the signal mask travels as {pointer, size} in memory: compat's 32-bit pair widened
    abi::sigset_argpack<X86_64> pack{};
    if (has_sigpack && sigpack) {
      abi::sigset_argpack<I386> guest{};
      if (memory.copy_in(&guest, static_cast<GuestAddress>(sigpack), sizeof guest)) return -EFAULT;
      if (guest.p.get() &&
          !memory.accessible(guest.p.get(), guest.size.get(), GuestMemory::readable))
        return -EFAULT;
      pack.p.set(host(memory, guest.p.get()));
      pack.size.set(guest.size.get());
    }
    result = native<"pselect6">(static_cast<std::uint64_t>(count), pointers[0], pointers[1],
                                pointers[2], tvp ? reinterpret_cast<std::uint64_t>(&timespec) : 0,
                                sigpack ? reinterpret_cast<std::uint64_t>(&pack) : 0);
  }
  // the time left goes back even on EINTR, as the kernel's poll_select_finish does
  if (tvp && (result >= 0 || result == -EINTR)) {
    const int error = kind == Timeout::timeval ? put<abi::old_timeval<I386>>(memory, tvp, timeval)
                      : kind == Timeout::timespec
                          ? put<abi::timespec<I386>>(memory, tvp, timespec)
                          : put<abi::timespec64<I386>>(memory, tvp, timespec);
    if (error && result >= 0) return -EFAULT;
  }
  if (result < 0) return static_cast<std::int32_t>(result);
  for (int i = 0; i < 3; ++i)
    if (sets[i] &&
        memory.copy_out(static_cast<GuestAddress>(sets[i]), native_sets[i].data(), guest_bytes))
      return -EFAULT;
  return static_cast<std::int32_t>(result);
}

std::int32_t newselect(const GuestMemory& memory, Args a) {
  std::uint64_t sets[3] = {a[1].value, a[2].value, a[3].value};
  return select_on(memory, a[0].value, sets, a[4].value);
}

// select (number 82): old_select, its five arguments in a sel_arg_struct.
std::int32_t old_select(const GuestMemory& memory, Args a) {
  abi::sel_arg_struct<I386> args{};
  if (memory.copy_in(&args, static_cast<GuestAddress>(a[0].value), sizeof args)) return -EFAULT;
  std::uint64_t sets[3] = {args.inp.get(), args.outp.get(), args.exp.get()};
  return select_on(memory, args.n.get(), sets, args.tvp.get());
}

// pselect6(n, inp, outp, exp, tsp, sig) and its time64 twin.
template <Timeout Kind>
std::int32_t pselect6(const GuestMemory& memory, Args a) {
  std::uint64_t sets[3] = {a[1].value, a[2].value, a[3].value};
  return select_on(memory, a[0].value, sets, a[4].value, Kind, a[5].value, true);
}

// sendmmsg/recvmmsg(fd, vec, vlen, flags[, timeout]): each mmsghdr's msghdr as sendmsg's
// and recvmsg's, msg_len written back per message (net/compat.c's __sys_*mmsg).
template <bool Receiving, Timeout Kind = Timeout::timespec>
std::int32_t mmsg(const GuestMemory& memory, Args a) {
  constexpr std::uint32_t guest_mmsghdr = sizeof(abi::mmsghdr<I386>);
  const auto vec = static_cast<GuestAddress>(a[1].value);
  const std::uint32_t vlen =
      std::min<std::uint32_t>(static_cast<std::uint32_t>(a[2].value), 1024);  // UIO_MAXIOV
  std::vector<NativeMessage> messages(vlen);
  std::vector<abi::mmsghdr<X86_64>> native_vec(vlen);
  for (std::uint32_t i = 0; i < vlen; ++i) {
    if (int error = message_in(memory, vec + i * guest_mmsghdr, messages[i], Receiving))
      return -error;
    native_vec[i].msg_hdr = messages[i].header;
  }
  long result;
  if constexpr (Receiving) {
    abi::timespec<X86_64> timeout{};
    const std::uint64_t guest_timeout = a[4].value;
    if (guest_timeout) {
      const int error = Kind == Timeout::timespec
                            ? timeout_in<abi::timespec<I386>>(memory, guest_timeout, timeout)
                            : timeout_in<abi::timespec64<I386>>(memory, guest_timeout, timeout);
      if (error) return -error;
    }
    result = native<"recvmmsg">(a[0].value, reinterpret_cast<std::uint64_t>(native_vec.data()),
                                vlen, a[3].value,
                                guest_timeout ? reinterpret_cast<std::uint64_t>(&timeout) : 0);
  } else {
    result = native<"sendmmsg">(a[0].value, reinterpret_cast<std::uint64_t>(native_vec.data()),
                                vlen, a[3].value);
  }
  if (result <= 0) return static_cast<std::int32_t>(result);
  for (long i = 0; i < result; ++i) {
    const auto at = vec + static_cast<GuestAddress>(i) * guest_mmsghdr;
    if constexpr (Receiving) {
      messages[i].header = native_vec[i].msg_hdr;
      if (int error = message_out(memory, at, messages[i])) return -error;
    }
    const std::uint32_t length = native_vec[i].msg_len.get();
    if (memory.copy_out(at + sizeof(abi::msghdr<I386>), &length, 4)) return -EFAULT;
  }
  return static_cast<std::int32_t>(result);
}

// getsockopt/setsockopt(fd, level, optname, optval, optlen): SO_RCVTIMEO_OLD and
// SO_SNDTIMEO_OLD carry a 32-bit timeval on i386 (sock_get/set_timeout's compat branch);
// every other option's value has one layout and passes through.
bool old_timeout_option(std::uint64_t level, std::uint64_t name) {
  const auto option = static_cast<std::int64_t>(name);
  return static_cast<std::int64_t>(level) == sol_socket &&
         (option == so_rcvtimeo_old || option == so_sndtimeo_old);
}

// SO_ATTACH_FILTER and SO_ATTACH_REUSEPORT_CBPF take a sock_fprog, which holds a pointer.
bool filter_option(std::uint64_t level, std::uint64_t name) {
  const auto option = static_cast<std::int64_t>(name);
  return static_cast<std::int64_t>(level) == sol_socket &&
         (option == so_attach_filter || option == so_attach_reuseport_cbpf);
}

std::int32_t setsockopt(const GuestMemory& memory, Args a) {
  const auto length = static_cast<std::int32_t>(a[4].value);
  if (old_timeout_option(a[1].value, a[2].value)) {
    if (length < static_cast<std::int32_t>(sizeof(abi::old_timeval<I386>))) return -EINVAL;
    abi::old_timeval<X86_64> value{};
    if (int error = timeout_in<abi::old_timeval<I386>>(memory, a[3].value, value)) return -error;
    return static_cast<std::int32_t>(native<"setsockopt">(
        a[0].value, a[1].value, a[2].value, reinterpret_cast<std::uint64_t>(&value), sizeof value));
  }
  if (filter_option(a[1].value, a[2].value)) {
    // copy_bpf_fprog_from_user's compat branch: exactly a compat_sock_fprog, the filter
    // pointer widened. A wrong length or an unreadable struct reaches the native call as
    // one it refuses the same way, after the socket's own checks.
    abi::sock_fprog<X86_64> program{};
    std::uint64_t native_length = 0, pointer = poisoned_pointer;
    abi::sock_fprog<I386> guest{};
    if (length == static_cast<std::int32_t>(sizeof guest)) {
      native_length = sizeof program;
      if (!memory.copy_in(&guest, static_cast<GuestAddress>(a[3].value), sizeof guest)) {
        program.len.set(guest.len.get());
        program.filter.set(checked(memory, guest.filter.get(),
                                   guest.len.get() * sizeof(abi::sock_filter<I386>),
                                   GuestMemory::readable));
        pointer = reinterpret_cast<std::uint64_t>(&program);
      }
    }
    return static_cast<std::int32_t>(
        native<"setsockopt">(a[0].value, a[1].value, a[2].value, pointer, native_length));
  }
  const bool readable =
      length >= 0 && memory.accessible(static_cast<GuestAddress>(a[3].value),
                                       static_cast<std::uint32_t>(length), GuestMemory::readable);
  return static_cast<std::int32_t>(
      native<"setsockopt">(a[0].value, a[1].value, a[2].value,
                           readable ? host(memory, a[3].value) : poisoned_pointer, a[4].value));
}

std::int32_t getsockopt(const GuestMemory& memory, Args a) {
  std::int32_t length = 0;
  if (memory.copy_in(&length, static_cast<GuestAddress>(a[4].value), 4)) return -EFAULT;
  if (old_timeout_option(a[1].value, a[2].value)) {
    abi::old_timeval<X86_64> value{};
    std::uint32_t native_length = sizeof value;
    const long result = native<"getsockopt">(a[0].value, a[1].value, a[2].value,
                                             reinterpret_cast<std::uint64_t>(&value),
                                             reinterpret_cast<std::uint64_t>(&native_length));
    if (result < 0) return static_cast<std::int32_t>(result);
    abi::old_timeval<I386> guest{};
    if (int error = convert(value, guest, Narrowing::as_kernel)) return -error;
    const std::int32_t written = std::min<std::int32_t>(length, sizeof guest);
    if (written < 0) return -EINVAL;
    if (memory.copy_out(static_cast<GuestAddress>(a[3].value), &guest,
                        static_cast<std::size_t>(written)) ||
        memory.copy_out(static_cast<GuestAddress>(a[4].value), &written, 4))
      return -EFAULT;
    return 0;
  }
  const bool writable =
      length >= 0 && memory.accessible(static_cast<GuestAddress>(a[3].value),
                                       static_cast<std::uint32_t>(length), GuestMemory::writable);
  const bool length_ok =
      memory.accessible(static_cast<GuestAddress>(a[4].value), 4, GuestMemory::writable);
  return static_cast<std::int32_t>(native<"getsockopt">(
      a[0].value, a[1].value, a[2].value, writable ? host(memory, a[3].value) : poisoned_pointer,
      length_ok ? host(memory, a[4].value) : poisoned_pointer));
}

// futex(uaddr, op, val, utime, uaddr2, val3): utime is a timeout for the waiting operations
// and a count (val2) for the others (kernel/futex/syscalls.c's futex_cmd_has_timeout).
template <Timeout Kind>
std::int32_t futex(const GuestMemory& memory, Args a) {
  const std::uint32_t cmd = static_cast<std::uint32_t>(a[1].value) & 127;  // FUTEX_CMD_MASK
  // FUTEX_WAIT, LOCK_PI, WAIT_BITSET, WAIT_REQUEUE_PI, LOCK_PI2
  const bool has_timeout = cmd == 0 || cmd == 6 || cmd == 9 || cmd == 11 || cmd == 13;
  std::uint64_t utime = a[3].value;
  abi::timespec<X86_64> timeout{};
  if (has_timeout && utime) {
    const int error = Kind == Timeout::timespec
                          ? timeout_in<abi::timespec<I386>>(memory, utime, timeout)
                          : timeout_in<abi::timespec64<I386>>(memory, utime, timeout);
    if (error) return -error;
    utime = reinterpret_cast<std::uint64_t>(&timeout);
  }
  // uaddr and uaddr2 are futex words in guest memory: the kernel faults on what is not mapped
  auto word = [&](std::uint64_t address) {
    return address &&
                   memory.accessible(static_cast<GuestAddress>(address), 4, GuestMemory::readable)
               ? host(memory, address)
               : (address ? poisoned_pointer : 0);
  };
  return static_cast<std::int32_t>(native<"futex">(word(a[0].value), a[1].value, a[2].value, utime,
                                                   word(a[4].value), a[5].value));
}

// ---- the old stat calls (cp_old_stat) -------------------------------------------------

template <int How>  // 0: path, 1: fd, 2: path without following a link
std::int32_t old_stat(const GuestMemory& memory, Args a) {
  abi::stat<X86_64> buf{};
  long result;
  if (How == 1) {
    result = native<"fstat">(a[0].value, reinterpret_cast<std::uint64_t>(&buf));
  } else {
    GuestPath path;
    if (int error = guest_path(memory, a[0].value, path)) return -error;
    result = native(How == 0 ? native_number("stat") : native_number("lstat"),
                    reinterpret_cast<std::uint64_t>(path.c_str()),
                    reinterpret_cast<std::uint64_t>(&buf));
  }
  if (result < 0) return static_cast<std::int32_t>(result);
  return -put<abi::old_kernel_stat<I386>>(memory, a[1].value, buf);
}

// ---- one-word signal masks (kernel/signal.c's old sigprocmask, sgetmask, ssetmask) -----

std::uint64_t current_mask() {
  std::uint64_t mask = 0;
  native<"rt_sigprocmask">(SIG_BLOCK, 0, reinterpret_cast<std::uint64_t>(&mask), 8);
  return mask;
}

// sigprocmask(how, set, oset): only the low word of the blocked set is the old call's.
std::int32_t old_sigprocmask(const GuestMemory& memory, Args a) {
  const std::uint64_t old = current_mask();
  if (a[1].value) {
    std::uint32_t word;
    if (memory.copy_in(&word, static_cast<GuestAddress>(a[1].value), 4)) return -EFAULT;
    std::uint64_t next;
    switch (a[0].value) {
      case SIG_BLOCK:
        next = old | word;
        break;
      case SIG_UNBLOCK:
        next = old & ~std::uint64_t{word};
        break;
      case SIG_SETMASK:
        next = (old & ~std::uint64_t{0xffffffff}) | word;
        break;
      default:
        return -EINVAL;
    }
    if (long result =
            native<"rt_sigprocmask">(SIG_SETMASK, reinterpret_cast<std::uint64_t>(&next), 0, 8);
        result < 0)
      return static_cast<std::int32_t>(result);
  }
  if (a[2].value) {
    const std::uint32_t word = static_cast<std::uint32_t>(old);
    if (memory.copy_out(static_cast<GuestAddress>(a[2].value), &word, 4)) return -EFAULT;
  }
  return 0;
}

std::int32_t old_sigpending(const GuestMemory& memory, Args a) {
  std::uint64_t pending = 0;
  if (long result = native<"rt_sigpending">(reinterpret_cast<std::uint64_t>(&pending), 8);
      result < 0)
    return static_cast<std::int32_t>(result);
  const std::uint32_t word = static_cast<std::uint32_t>(pending);
  return memory.copy_out(static_cast<GuestAddress>(a[0].value), &word, 4) ? -EFAULT : 0;
}

// sigsuspend(unused, unused, mask): the mask is one word, the rest of the set empty.
std::int32_t old_sigsuspend(const GuestMemory&, Args a) {
  const std::uint64_t mask = a[2].value & 0xffffffffu;
  return static_cast<std::int32_t>(
      native<"rt_sigsuspend">(reinterpret_cast<std::uint64_t>(&mask), 8));
}

std::int32_t sgetmask(const GuestMemory&, Args) {
  return static_cast<std::int32_t>(current_mask());
}

std::int32_t ssetmask(const GuestMemory&, Args a) {
  const std::uint64_t old = current_mask();
  const std::uint64_t next = a[0].value & 0xffffffffu;
  if (long result =
          native<"rt_sigprocmask">(SIG_SETMASK, reinterpret_cast<std::uint64_t>(&next), 0, 8);
      result < 0)
    return static_cast<std::int32_t>(result);
  return static_cast<std::int32_t>(old);
}

// readdir(fd, dirent, count): old_readdir, one old_linux_dirent from the next record.
std::int32_t readdir(const GuestMemory& memory, Args a) {
  const int fd = static_cast<int>(a[0].value);
  if (directory_positions) directory_positions->reading(fd);
  const long start = native<"lseek">(a[0].value, 0, SEEK_CUR);
  alignas(8) std::uint8_t record[512];
  const long got =
      native<"getdents64">(a[0].value, reinterpret_cast<std::uint64_t>(record), sizeof record);
  if (got <= 0) return static_cast<std::int32_t>(got);
  std::uint64_t ino;
  std::int64_t off;
  std::uint16_t reclen;
  std::memcpy(&ino, record, 8);
  std::memcpy(&off, record + 8, 8);
  std::memcpy(&reclen, record + 16, 2);
  const char* name = reinterpret_cast<const char*>(record + 19);
  const std::size_t namelen = strnlen(name, reclen - 19);
  // only the first record is the call's: the directory moves past that one alone
  native<"lseek">(a[0].value, static_cast<std::uint64_t>(off), SEEK_SET);
  // fillonedir's d_offset: the record's own position (where the read started).
  std::optional<std::uint32_t> position;
  if (directory_positions)
    position = directory_positions->position(fd, start);
  else
    position = static_cast<std::uint32_t>(start);
  if (ino > 0xffffffffu || !position) {
    if (start >= 0) native<"lseek">(a[0].value, static_cast<std::uint64_t>(start), SEEK_SET);
    return -EOVERFLOW;
  }
  // {u32 d_ino; u32 d_offset; u16 d_namlen; char d_name[]} with the name's NUL
  std::vector<std::uint8_t> out(10 + namelen + 1, 0);
  const std::uint32_t ino32 = static_cast<std::uint32_t>(ino);
  const std::uint32_t offset = *position;
  const std::uint16_t length = static_cast<std::uint16_t>(namelen);
  std::memcpy(out.data(), &ino32, 4);
  std::memcpy(out.data() + 4, &offset, 4);
  std::memcpy(out.data() + 8, &length, 2);
  std::memcpy(out.data() + 10, name, namelen);
  return memory.copy_out(static_cast<GuestAddress>(a[1].value), out.data(), out.size()) ? -EFAULT
                                                                                        : 1;
}

// ---- System V IPC (ipc/msg.c, sem.c, shm.c and their compat halves) --------------------

// A native msgbuf for a guest size (up to 2 GiB): left uninitialised, so that only the pages
// the kernel writes are touched, and null when there is no such memory (ENOMEM, never an
// exception).
std::unique_ptr<std::uint8_t[]> message_buffer(std::uint64_t size) {
  return std::unique_ptr<std::uint8_t[]>(new (std::nothrow) std::uint8_t[8 + size]);
}

// msgsnd(msqid, msgp, msgsz, msgflg): the message type is an i386 long before the text.
std::int32_t msgsnd(const GuestMemory& memory, Args a) {
  const std::uint64_t size = a[2].value;
  if (size > 0x7fffffff) return -EINVAL;
  std::int32_t type = 0;
  if (memory.copy_in(&type, static_cast<GuestAddress>(a[1].value), 4))
    return static_cast<std::int32_t>(
        native<"msgsnd">(a[0].value, poisoned_pointer, size, a[3].value));
  // A readable type before an unreadable text: the kernel reads the type, checks the size
  // against msgmax and the type, and only then faults on the text. So the native msgbuf is
  // the type at the end of a page whose next page is inaccessible.
  if (!memory.accessible(static_cast<GuestAddress>(a[1].value + 4), size, GuestMemory::readable)) {
    static std::uint8_t* const guarded = [] {
      void* pages = mmap(nullptr, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (pages == MAP_FAILED) return static_cast<std::uint8_t*>(nullptr);
      mprotect(static_cast<std::uint8_t*>(pages) + 4096, 4096, PROT_NONE);
      return static_cast<std::uint8_t*>(pages) + 4096 - 8;
    }();
    if (!guarded) return -ENOMEM;
    // (two threads here at once only change which of their types the kernel checks)
    const std::int64_t wide = type;
    std::memcpy(guarded, &wide, sizeof wide);
    return static_cast<std::int32_t>(
        native<"msgsnd">(a[0].value, reinterpret_cast<std::uint64_t>(guarded), size, a[3].value));
  }
  auto message = message_buffer(size);
  if (!message) return -ENOMEM;
  const std::int64_t wide = type;
  std::memcpy(message.get(), &wide, 8);
  std::memcpy(message.get() + 8, memory.host(static_cast<GuestAddress>(a[1].value + 4)), size);
  return static_cast<std::int32_t>(native<"msgsnd">(
      a[0].value, reinterpret_cast<std::uint64_t>(message.get()), size, a[3].value));
}

// msgrcv(msqid, msgp, msgsz, msgtyp, msgflg).
std::int32_t msgrcv_into(const GuestMemory& memory, std::uint64_t id, std::uint64_t address,
                         std::uint64_t size, std::uint64_t type, std::uint64_t flags) {
  if (size > 0x7fffffff) return -EINVAL;
  // an unwritable buffer reaches the kernel poisoned: an empty queue answers first
  if (!memory.accessible(static_cast<GuestAddress>(address), 4 + size, GuestMemory::writable))
    return static_cast<std::int32_t>(native<"msgrcv">(id, poisoned_pointer, size, type, flags));
  auto message = message_buffer(size);
  if (!message) return -ENOMEM;
  const long result =
      native<"msgrcv">(id, reinterpret_cast<std::uint64_t>(message.get()), size, type, flags);
  if (result < 0) return static_cast<std::int32_t>(result);
  std::int64_t wide;
  std::memcpy(&wide, message.get(), 8);
  const std::int32_t narrow_type = static_cast<std::int32_t>(wide);
  if (memory.copy_out(static_cast<GuestAddress>(address), &narrow_type, 4) ||
      memory.copy_out(static_cast<GuestAddress>(address + 4), message.get() + 8,
                      static_cast<std::size_t>(result)))
    return -EFAULT;
  return static_cast<std::int32_t>(result);
}
std::int32_t msgrcv(const GuestMemory& memory, Args a) {
  return msgrcv_into(memory, a[0].value, a[1].value, a[2].value, a[3].value, a[4].value);
}

// ---- SysV IPC control: the *ctl calls ------------------------------------------------
//
// ipc/{sem,msg,shm}.c's compat_ksys_*ctl. The guest's version picks its layouts: IPC_64
// (the direct calls always; ipc() when its command carries the flag) or the old ones.
// The direct semctl and msgctl switch on cmd & ~IPC_64 but hand cmd on unmasked, so a
// flagged IPC_STAT looks the id up as IPC_STAT does and answers the id as SEM_STAT does,
// a flagged *_INFO is IPC_INFO, and every other flagged command is EINVAL; shmctl does not
// mask at all. Kernel quirks, kept.

template <class Guest64, class GuestOld, class Native>
int put_version(const GuestMemory& memory, std::uint64_t address, const Native& value,
                bool version64) {
  return version64 ? put<Guest64>(memory, address, value) : put<GuestOld>(memory, address, value);
}

// A *_STAT command: the native answer converted to the guest's version; the id instead of
// the native result where the flag quirk says so.
template <class Guest64, class GuestOld, class Native, class Call>
std::int32_t ctl_stat(const GuestMemory& memory, Call call, int command, bool version64,
                      std::uint64_t address, std::optional<std::int32_t> answer = {}) {
  Native ds{};
  const long result = call(command, &ds);
  if (result < 0) return static_cast<std::int32_t>(result);
  if (int error = put_version<Guest64, GuestOld>(memory, address, ds, version64)) return -error;
  return answer.value_or(static_cast<std::int32_t>(result));
}

// IPC_SET: the guest's struct read whole first (EFAULT), as copy_compat_*_from_user does.
template <class Guest64, class GuestOld, class Native, class Call>
std::int32_t ctl_set(const GuestMemory& memory, Call call, int command, bool version64,
                     std::uint64_t address) {
  auto read = [&]<class Guest>(Native& out) {
    Guest guest{};
    if (memory.copy_in(&guest, static_cast<GuestAddress>(address), sizeof guest)) return EFAULT;
    return convert(guest, out);
  };
  Native ds{};
  if (int error = version64 ? read.template operator()<Guest64>(ds)
                            : read.template operator()<GuestOld>(ds))
    return -error;
  return static_cast<std::int32_t>(call(command, &ds));
}

constexpr int ipc_64 = 0x100;  // the command flag for the *64_ds layouts

std::int32_t msgctl_with(const GuestMemory& memory, std::uint64_t id, std::uint64_t cmd,
                         std::uint64_t address, bool v64) {
  const auto command = static_cast<int>(cmd);
  if (static_cast<std::int32_t>(id) < 0 || command < 0) return -EINVAL;
  auto call = [&](int c, void* p) {
    return native<"msgctl">(id, static_cast<std::uint32_t>(c), reinterpret_cast<std::uint64_t>(p));
  };
  using Ds64 = abi::msqid64_ds<I386>;
  using DsOld = abi::msqid_ds<I386>;
  using NativeDs = abi::msqid64_ds<X86_64>;
  const bool flagged = command & ipc_64;
  switch (command & ~ipc_64) {
    case IPC_INFO:
    case MSG_INFO:
      return ctl_stat<abi::msginfo<I386>, abi::msginfo<I386>, abi::msginfo<X86_64>>(
          memory, call, flagged ? IPC_INFO : command, v64, address);
    case IPC_STAT:
    case MSG_STAT:
    case MSG_STAT_ANY:
      if (flagged)
        return ctl_stat<Ds64, DsOld, NativeDs>(memory, call, IPC_STAT, v64, address,
                                               static_cast<std::int32_t>(id));
      return ctl_stat<Ds64, DsOld, NativeDs>(memory, call, command, v64, address);
    case IPC_SET:
      return ctl_set<Ds64, DsOld, NativeDs>(memory, call, command, v64, address);
    case IPC_RMID:
      return static_cast<std::int32_t>(call(command, nullptr));
    default:
      return -EINVAL;
  }
}

std::int32_t shmctl_with(const GuestMemory& memory, std::uint64_t id, std::uint64_t cmd,
                         std::uint64_t address, bool v64) {
  const auto command = static_cast<int>(cmd);
  if (static_cast<std::int32_t>(id) < 0 || command < 0) return -EINVAL;
  auto call = [&](int c, void* p) {
    return native<"shmctl">(id, static_cast<std::uint32_t>(c), reinterpret_cast<std::uint64_t>(p));
  };
  using Ds64 = abi::shmid64_ds<I386>;
  using DsOld = abi::shmid_ds<I386>;
  using NativeDs = abi::shmid64_ds<X86_64>;
  switch (command) {
    case IPC_INFO:
      return ctl_stat<abi::shminfo64<I386>, abi::shminfo<I386>, abi::shminfo64<X86_64>>(
          memory, call, command, v64, address);
    case SHM_INFO:
      return ctl_stat<abi::shm_info<I386>, abi::shm_info<I386>, abi::shm_info<X86_64>>(
          memory, call, command, v64, address);
    case IPC_STAT:
    case SHM_STAT:
    case SHM_STAT_ANY:
      return ctl_stat<Ds64, DsOld, NativeDs>(memory, call, command, v64, address);
    case IPC_SET:
      return ctl_set<Ds64, DsOld, NativeDs>(memory, call, command, v64, address);
    case IPC_RMID:
    case SHM_LOCK:
    case SHM_UNLOCK:
      return static_cast<std::int32_t>(call(command, nullptr));
    default:
      return -EINVAL;
  }
}

// semctl(semid, semnum, cmd, arg): arg is a value (SETVAL) or a pointer (the rest).
std::int32_t semctl_with(const GuestMemory& memory, std::uint64_t id, std::uint64_t num,
                         std::uint64_t cmd, std::uint64_t arg, bool v64) {
  const auto command = static_cast<int>(cmd);
  if (static_cast<std::int32_t>(id) < 0) return -EINVAL;
  auto call = [&](int c, void* p) {
    return native<"semctl">(id, num, static_cast<std::uint32_t>(c),
                            reinterpret_cast<std::uint64_t>(p));
  };
  using Ds64 = abi::semid64_ds<I386>;
  using DsOld = abi::semid_ds<I386>;
  using NativeDs = abi::semid64_ds<X86_64>;
  const bool flagged = command & ipc_64;
  switch (command & ~ipc_64) {
    case IPC_INFO:
    case SEM_INFO:
      return ctl_stat<abi::seminfo<I386>, abi::seminfo<I386>, abi::seminfo<X86_64>>(
          memory, call, flagged ? IPC_INFO : command, v64, arg);
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY:
      if (flagged)
        return ctl_stat<Ds64, DsOld, NativeDs>(memory, call, IPC_STAT, v64, arg,
                                               static_cast<std::int32_t>(id));
      return ctl_stat<Ds64, DsOld, NativeDs>(memory, call, command, v64, arg);
    case SETVAL:  // the flag is ignored here; the value is an int
      return static_cast<std::int32_t>(native<"semctl">(id, num, SETVAL, arg & 0xffffffffu));
    case GETALL:
    case SETALL: {
      if (flagged) return static_cast<std::int32_t>(call(command, nullptr));  // EINVAL
      // an array of sem_nsems unsigned shorts, the same on both sides: its length from the set
      NativeDs ds{};
      if (long error = call(IPC_STAT, &ds); error < 0) return static_cast<std::int32_t>(error);
      const int access = command == GETALL ? GuestMemory::writable : GuestMemory::readable;
      const std::uint64_t values =
          checked(memory, arg, ds.sem_nsems.get() * sizeof(std::uint16_t), access);
      return static_cast<std::int32_t>(
          native<"semctl">(id, num, static_cast<std::uint32_t>(command), values));
    }
    case GETPID:
    case GETVAL:
    case GETNCNT:
    case GETZCNT:
    case IPC_RMID:
      return static_cast<std::int32_t>(call(command, nullptr));
    case IPC_SET:
      return ctl_set<Ds64, DsOld, NativeDs>(memory, call, command, v64, arg);
    default:
      return -EINVAL;
  }
}

std::int32_t semctl(const GuestMemory& m, Args a) {
  return semctl_with(m, a[0].value, a[1].value, a[2].value, a[3].value, true);
}
std::int32_t msgctl(const GuestMemory& m, Args a) {
  return msgctl_with(m, a[0].value, a[1].value, a[2].value, true);
}
std::int32_t shmctl(const GuestMemory& m, Args a) {
  return shmctl_with(m, a[0].value, a[1].value, a[2].value, true);
}

// ipc(call, first, second, third, ptr, fifth)'s arguments for its sub-call `name`, in the
// order the sub-call's multiplexer entry names them (an indirect one: its address).
// (One consteval function: clang 14 refuses a consteval call nested in a template's constant
// initializer, "cannot take address of consteval function".)
consteval abi::IpcArguments ipc_sub_call_order(std::string_view name) {
  return abi::ipc_arguments(abi::ipc_multiplexer(name).args);
}

template <abi::CallName name>
std::array<std::uint32_t, 6> ipc_sub_arguments(const std::array<std::uint32_t, 6>& ipc_words) {
  static constexpr abi::IpcArguments order = ipc_sub_call_order(name.view());
  static_assert(order.valid && order.count > 0);
  std::array<std::uint32_t, 6> arguments{};
  for (std::size_t i = 0; i < order.count; ++i) arguments[i] = ipc_words[order.each[i].from];
  return arguments;
}

// ipc(call, first, second, third, ptr, fifth): ipc/syscall.c's compat_ksys_ipc.
std::int32_t ipc(const GuestMemory& memory, Args a) {
  const auto call = static_cast<std::uint32_t>(a[0].value) & 0xffff;
  const auto version = static_cast<std::uint32_t>(a[0].value) >> 16;
  std::array<std::uint32_t, 6> words;
  for (std::size_t i = 0; i < words.size(); ++i) words[i] = static_cast<std::uint32_t>(a[i].value);
  const std::uint32_t first = words[1], second = words[2], third = words[3], ptr = words[4],
                      fifth = words[5];
  switch (call) {
    case 1:
      return translate_sub_call<"semop">(memory, ipc_sub_arguments<"semop">(words));
    case 4:
      return translate_sub_call<"semtimedop">(memory, ipc_sub_arguments<"semtimedop">(words));
    case 2:
      return translate_sub_call<"semget">(memory, ipc_sub_arguments<"semget">(words));
    case 3: {
      const auto s = ipc_sub_arguments<"semctl">(words);  // the union semun at its address
      if (!s[3]) return -EINVAL;
      std::uint32_t pad;
      if (memory.copy_in(&pad, s[3], 4)) return -EFAULT;
      return semctl_with(memory, s[0], s[1], s[2] & ~ipc_64, pad, s[2] & ipc_64);
    }
    case 11: {
      const auto m = ipc_sub_arguments<"msgsnd">(words);
      return msgsnd(memory,
                    std::array<abi::ArgValue, 4>{
                        {{nullptr, m[0]}, {nullptr, m[1]}, {nullptr, m[2]}, {nullptr, m[3]}}});
    }
    case 12: {
      if (version == 0) {  // ipc_kludge {msgp; msgtyp}
        if (!ptr) return -EINVAL;
        std::uint32_t kludge[2];
        if (memory.copy_in(kludge, ptr, sizeof kludge)) return -EFAULT;
        return msgrcv_into(memory, first, kludge[0], second,
                           static_cast<std::uint64_t>(
                               static_cast<std::int64_t>(static_cast<std::int32_t>(kludge[1]))),
                           third);
      }
      return msgrcv_into(
          memory, first, ptr, second,
          static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(fifth))),
          third);
    }
    case 13:
      return translate_sub_call<"msgget">(memory, ipc_sub_arguments<"msgget">(words));
    case 14: {
      const auto m = ipc_sub_arguments<"msgctl">(words);
      return msgctl_with(memory, m[0], m[1] & ~ipc_64, m[2], m[1] & ipc_64);
    }
    // 21, shmat, places memory: the process owner's (i386_hooks::ipc_shmat)
    case 22:
      return translate_sub_call<"shmdt">(memory, ipc_sub_arguments<"shmdt">(words));
    case 23:
      return translate_sub_call<"shmget">(memory, ipc_sub_arguments<"shmget">(words));
    case 24: {
      const auto m = ipc_sub_arguments<"shmctl">(words);
      return shmctl_with(memory, m[0], m[1] & ~ipc_64, m[2], m[1] & ipc_64);
    }
    default:
      return -ENOSYS;
  }
}

// ---- siginfo and sigevent -----------------------------------------------------------

// rt_sigtimedwait(set, info, timeout, sigsetsize): compat_sys_rt_sigtimedwait_time32/64.
// The signal is taken even when info cannot be written, as there.
template <Timeout kind>
std::int32_t rt_sigtimedwait(const GuestMemory& memory, Args a) {
  if (a[3].value != sizeof(std::uint64_t)) return -EINVAL;
  std::uint64_t set;
  if (memory.copy_in(&set, static_cast<GuestAddress>(a[0].value), sizeof set)) return -EFAULT;
  abi::timespec<X86_64> timeout{};
  if (a[2].value) {
    const int error = kind == Timeout::timespec
                          ? timeout_in<abi::timespec<I386>>(memory, a[2].value, timeout)
                          : timeout_in<abi::timespec64<I386>>(memory, a[2].value, timeout);
    if (error) return -error;
  }
  abi::siginfo<X86_64> info{};
  const long result = native<"rt_sigtimedwait">(
      reinterpret_cast<std::uint64_t>(&set), reinterpret_cast<std::uint64_t>(&info),
      a[2].value ? reinterpret_cast<std::uint64_t>(&timeout) : 0, sizeof set);
  if (result > 0 && a[1].value) {
    const auto guest = siginfo_to_i386(info);
    if (memory.copy_out(static_cast<GuestAddress>(a[1].value), &guest, sizeof guest))
      return -EFAULT;
  }
  return static_cast<std::int32_t>(result);
}

// A guest siginfo as the native call's argument (copy_siginfo_from_user32); a bad pointer
// reaches the kernel poisoned, so that the other checks come first where they do there.
struct NativeSiginfo {
  abi::siginfo<X86_64> info{};
  std::uint64_t address = 0;
  NativeSiginfo(const GuestMemory& memory, std::uint64_t guest_address) {
    if (!guest_address) return;
    abi::siginfo<I386> guest{};
    if (memory.copy_in(&guest, static_cast<GuestAddress>(guest_address), sizeof guest)) {
      address = poisoned_pointer;
      return;
    }
    info = siginfo_from_i386(guest);
    address = reinterpret_cast<std::uint64_t>(&info);
  }
};

std::int32_t rt_sigqueueinfo(const GuestMemory& memory, Args a) {
  NativeSiginfo info(memory, a[2].value);
  if (!a[2].value) return -EFAULT;  // copy_siginfo_from_user32 of NULL
  return static_cast<std::int32_t>(native<"rt_sigqueueinfo">(a[0].value, a[1].value, info.address));
}
std::int32_t rt_tgsigqueueinfo(const GuestMemory& memory, Args a) {
  NativeSiginfo info(memory, a[3].value);
  if (!a[3].value) return -EFAULT;
  return static_cast<std::int32_t>(
      native<"rt_tgsigqueueinfo">(a[0].value, a[1].value, a[2].value, info.address));
}
// pidfd_send_signal: a null info means "as kill() would", as natively.
std::int32_t pidfd_send_signal(const GuestMemory& memory, Args a) {
  NativeSiginfo info(memory, a[2].value);
  return static_cast<std::int32_t>(
      native<"pidfd_send_signal">(a[0].value, a[1].value, info.address, a[3].value));
}

// waitid(which, pid, info, options, rusage): compat_sys_waitid writes the rusage, then
// si_signo, si_errno, si_code, si_pid, si_uid, si_status one by one: the rest of the
// guest's siginfo keeps what it held.
std::int32_t waitid(const GuestMemory& memory, Args a) {
  abi::siginfo<X86_64> info{};
  abi::rusage<X86_64> usage{};
  const long result =
      native<"waitid">(a[0].value, a[1].value, reinterpret_cast<std::uint64_t>(&info), a[3].value,
                       a[4].value ? reinterpret_cast<std::uint64_t>(&usage) : 0);
  // The six fields are written whatever the outcome, as both waitids do.
  if (result == 0 && a[4].value && info.si_signo.get()) {
    if (int error = put<abi::rusage<I386>>(memory, a[4].value, usage)) return -error;
  }
  if (!a[2].value) return static_cast<std::int32_t>(result);
  abi::siginfo<I386> guest{};
  if (memory.copy_in(&guest, static_cast<GuestAddress>(a[2].value), sizeof guest)) return -EFAULT;
  const auto converted = siginfo_to_i386(info);
  guest.si_signo = converted.si_signo;
  guest.si_errno = converted.si_errno;
  guest.si_code = converted.si_code;
  // si_pid, si_uid, si_status: the first three ints of _sigchld, whatever the layout
  std::memcpy(guest._sifields.bytes, converted._sifields.bytes, 12);
  if (memory.copy_out(static_cast<GuestAddress>(a[2].value), &guest, sizeof guest)) return -EFAULT;
  return static_cast<std::int32_t>(result);
}

// A guest sigevent for a native call: get_compat_sigevent, EFAULT before anything else.
int sigevent_in(const GuestMemory& memory, std::uint64_t address, abi::sigevent<X86_64>& out) {
  abi::sigevent<I386> guest{};
  if (memory.copy_in(&guest, static_cast<GuestAddress>(address), sizeof guest)) return EFAULT;
  out = sigevent_from_i386(guest);
  return 0;
}

// timer_create(clock, sigevent, timer_id): the id is an int on both sides.
std::int32_t timer_create(const GuestMemory& memory, Args a) {
  abi::sigevent<X86_64> event{};
  if (a[1].value)
    if (int error = sigevent_in(memory, a[1].value, event)) return -error;
  return static_cast<std::int32_t>(
      native<"timer_create">(a[0].value, a[1].value ? reinterpret_cast<std::uint64_t>(&event) : 0,
                             checked(memory, a[2].value, 4, GuestMemory::writable)));
}

// mq_notify(mqd, sigevent): for SIGEV_THREAD, sival_ptr names the guest's 32-byte cookie
// (NOTIFY_COOKIE_LEN), which the kernel reads.
std::int32_t mq_notify(const GuestMemory& memory, Args a) {
  abi::sigevent<X86_64> event{};
  if (a[1].value) {
    if (int error = sigevent_in(memory, a[1].value, event)) return -error;
    constexpr int sigev_thread = 2, cookie_length = 32;
    if (event.sigev_notify.get() == sigev_thread) {
      std::uint32_t cookie;
      std::memcpy(&cookie, event.sigev_value.bytes, sizeof cookie);
      const std::uint64_t where = checked(memory, cookie, cookie_length, GuestMemory::readable);
      std::memcpy(event.sigev_value.bytes, &where, sizeof where);
    }
  }
  return static_cast<std::int32_t>(
      native<"mq_notify">(a[0].value, a[1].value ? reinterpret_cast<std::uint64_t>(&event) : 0));
}

// stime(time32 *t): stime32 reads the time, checks the right to set it, and sets it; a time
// do_settimeofday64 will not take is dropped silently, so only the permission answers then.
std::int32_t stime(const GuestMemory& memory, Args a) {
  std::int32_t seconds;
  if (memory.copy_in(&seconds, static_cast<GuestAddress>(a[0].value), sizeof seconds))
    return -EFAULT;
  if (seconds < 0)
    return static_cast<std::int32_t>(native<"settimeofday">(0, 0));  // the permission only
  const abi::timespec<X86_64> time = [&] {
    abi::timespec<X86_64> t{};
    t.tv_sec.set(seconds);
    return t;
  }();
  constexpr std::uint64_t clock_realtime = 0;
  return static_cast<std::int32_t>(
      native<"clock_settime">(clock_realtime, reinterpret_cast<std::uint64_t>(&time)));
}

// ---- NUMA memory policy: node bitmaps ---------------------------------------------------
//
// mm/mempolicy.c. A node mask is maxnode - 1 bits long; the compat calls read and write it in
// 32-bit words, the native ones in 64-bit words: on a little-endian machine the same bytes,
// but up to four more of them. Each mask goes through a native copy padded with zeros.

constexpr std::uint64_t max_mask_bits = 4096 * 8;  // PAGE_SIZE * BITS_PER_BYTE: larger is EINVAL

// A guest node mask as the native call reads it (get_nodes over compat_get_bitmap).
struct NativeNodeMask {
  std::vector<std::uint64_t> words;
  std::uint64_t address = 0;
  NativeNodeMask(const GuestMemory& memory, std::uint64_t guest, std::uint64_t maxnode) {
    const std::uint64_t bits = maxnode - 1;  // unsigned: a maxnode of 0 wraps, EINVAL natively
    if (!guest || bits == 0 || bits > max_mask_bits) {
      address = guest ? host(memory, guest) : 0;  // not read on these paths
      return;
    }
    const std::size_t bytes = (bits + 31) / 32 * 4;
    words.assign((bits + 63) / 64, 0);
    address = memory.copy_in(words.data(), static_cast<GuestAddress>(guest), bytes)
                  ? poisoned_pointer
                  : reinterpret_cast<std::uint64_t>(words.data());
  }
};

std::int32_t set_mempolicy(const GuestMemory& memory, Args a) {
  NativeNodeMask mask(memory, a[1].value, a[2].value);
  return static_cast<std::int32_t>(native<"set_mempolicy">(a[0].value, mask.address, a[2].value));
}
std::int32_t mbind(const GuestMemory& memory, Args a) {
  NativeNodeMask mask(memory, a[3].value, a[4].value);
  return static_cast<std::int32_t>(native<"mbind">(host(memory, a[0].value), a[1].value, a[2].value,
                                                   mask.address, a[4].value, a[5].value));
}
std::int32_t migrate_pages(const GuestMemory& memory, Args a) {
  NativeNodeMask from(memory, a[2].value, a[1].value), to(memory, a[3].value, a[1].value);
  return static_cast<std::int32_t>(
      native<"migrate_pages">(a[0].value, a[1].value, from.address, to.address));
}

// How many node ids this machine may have (nr_node_ids): the highest possible node + 1.
std::uint64_t possible_nodes() {
  static const std::uint64_t count = [] {
    std::uint64_t highest = 0;
    if (FILE* f = std::fopen("/sys/devices/system/node/possible", "r")) {
      unsigned long first = 0, last = 0;
      const int got = std::fscanf(f, "%lu-%lu", &first, &last);
      highest = got == 2 ? last : first;
      std::fclose(f);
    }
    return highest + 1;
  }();
  return count;
}

// get_mempolicy(policy, nmask, maxnode, addr, flags): copy_nodes_to_user's compat branch.
// Of the ALIGN(maxnode - 1, 64) / 8 bytes asked for, those past the machine's own mask (in
// 32-bit words) are cleared and the mask is written in ceil(maxnode / 32) words, or
// ceil(nr_node_ids / 32) after a clear: maxnode, not maxnode - 1, a kernel quirk kept.
std::int32_t get_mempolicy(const GuestMemory& memory, Args a) {
  const std::uint64_t maxnode = a[2].value, bits = maxnode - 1;
  const bool with_mask = a[1].value && bits <= max_mask_bits;
  std::vector<std::uint64_t> words(with_mask ? (bits + 63) / 64 + 1 : 0);
  // The policy is written before the mask is checked against the page limit: a value no
  // policy has tells whether the native call got that far.
  constexpr std::int32_t unwritten = std::numeric_limits<std::int32_t>::min();
  std::int32_t policy = unwritten;
  const long result = native<"get_mempolicy">(
      a[0].value ? reinterpret_cast<std::uint64_t>(&policy) : 0,
      with_mask ? reinterpret_cast<std::uint64_t>(words.data()) : host(memory, a[1].value), maxnode,
      host(memory, a[3].value), a[4].value);
  if (a[0].value && policy != unwritten &&
      memory.copy_out(static_cast<GuestAddress>(a[0].value), &policy, sizeof policy))
    return -EFAULT;
  if (result < 0 || !a[1].value) return static_cast<std::int32_t>(result);
  const std::uint64_t asked = (bits + 63) / 64 * 8, own = (possible_nodes() + 31) / 32 * 4;
  std::uint64_t mask_bits = maxnode;
  std::vector<std::uint8_t> out;
  if (asked > own) {
    out.assign(asked, 0);  // the cleared tail, then the mask over its start
    mask_bits = possible_nodes();
  }
  const std::size_t mask_bytes = (mask_bits + 31) / 32 * 4;
  if (out.size() < mask_bytes) out.resize(mask_bytes, 0);
  std::memcpy(out.data(), words.data(), std::min(mask_bytes, words.size() * 8));
  if (memory.copy_out(static_cast<GuestAddress>(a[1].value), out.data(), out.size()))
    return -EFAULT;
  return static_cast<std::int32_t>(result);
}

// ---- ptrace ----------------------------------------------------------------------------

// ptrace(request, pid, addr, data): i386_ptrace.cpp, compat_arch_ptrace's requests.
std::int32_t ptrace(const GuestMemory& memory, Args a) {
  return i386_ptrace::translate(memory, a);
}

constexpr i386_plan_table::Named<Handler> named_handlers[] = {
    {"msgsnd", msgsnd},
    {"msgrcv", msgrcv},
    {"ipc", ipc},
    {"semctl", semctl},
    {"msgctl", msgctl},
    {"shmctl", shmctl},
    {"oldstat", old_stat<0>},
    {"oldfstat", old_stat<1>},
    {"oldlstat", old_stat<2>},
    {"sigprocmask", old_sigprocmask},
    {"sigpending", old_sigpending},
    {"sigsuspend", old_sigsuspend},
    {"sgetmask", sgetmask},
    {"ssetmask", ssetmask},
    {"readdir", readdir},
    {"sendmmsg", mmsg<false>},
    {"recvmmsg", mmsg<true>},
    {"recvmmsg_time64", mmsg<true, Timeout::timespec64>},
    {"setsockopt", setsockopt},
    {"getsockopt", getsockopt},
    {"futex", futex<Timeout::timespec>},
    {"futex_time64", futex<Timeout::timespec64>},
    {"_newselect", newselect},
    {"select", old_select},
    {"pselect6", pselect6<Timeout::timespec>},
    {"pselect6_time64", pselect6<Timeout::timespec64>},
    {"sendmsg", sendmsg},
    {"recvmsg", recvmsg},
    {"ioctl", ioctl},
    {"fcntl64", fcntl<true>},
    {"fcntl", fcntl<false>},
    {"socketcall", socketcall},
    {"rt_sigtimedwait", rt_sigtimedwait<Timeout::timespec>},
    {"rt_sigtimedwait_time64", rt_sigtimedwait<Timeout::timespec64>},
    {"rt_sigqueueinfo", rt_sigqueueinfo},
    {"rt_tgsigqueueinfo", rt_tgsigqueueinfo},
    {"pidfd_send_signal", pidfd_send_signal},
    {"waitid", waitid},
    {"timer_create", timer_create},
    {"open", open},
    {"openat", openat},
    {"ptrace", ptrace},
    {"set_mempolicy", set_mempolicy},
    {"mbind", mbind},
    {"migrate_pages", migrate_pages},
    {"get_mempolicy", get_mempolicy},
    {"mq_notify", mq_notify},
    {"stime", stime},
    {"_llseek", llseek},
    {"readv", readv<true>},
    {"writev", readv<false>},
    {"process_vm_readv", process_vm<true>},
    {"io_uring_register", io_uring_register},
    {"process_vm_writev", process_vm<false>},
    {"preadv", preadv},
    {"pwritev", pwritev},
    {"preadv2", preadv2},
    {"pwritev2", pwritev2},
    {"getdents64", getdents64},
    {"getdents", getdents},
    {"statfs64", statfs64<false>},
    {"fstatfs64", statfs64<true>},
    {"sysinfo", sysinfo},
    {"waitpid", waitpid},
    {"getrlimit", old_getrlimit},
    {"nice", nice},
    {"getuid", getuid16},
    {"getgid", getgid16},
    {"geteuid", geteuid16},
    {"getegid", getegid16},
    {"setuid", setuid16},
    {"setgid", setgid16},
    {"setreuid", setreuid16},
    {"setregid", setregid16},
    {"setresuid", setresuid16},
    {"setresgid", setresgid16},
    {"setfsuid", setfsuid16},
    {"setfsgid", setfsgid16},
    {"getresuid", getresuid16},
    {"getresgid", getresgid16},
    {"chown", chown16},
    {"lchown", lchown16},
    {"fchown", fchown16},
    {"getgroups", getgroups16},
    {"setgroups", setgroups16},
    {"olduname", olduname},
    {"oldolduname", oldolduname},
    {"umount", umount},
};

}  // namespace

constexpr i386_plan_table::ByNumber<Handler> handlers = i386_plan_table::by_number(named_handlers);

}  // namespace syscompat::translators::i386_special

namespace syscompat::translators {

void set_directory_positions(DirectoryPositions* positions) {
  i386_special::directory_positions = positions;
}

}  // namespace syscompat::translators
