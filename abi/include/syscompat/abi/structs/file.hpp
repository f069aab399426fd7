// File structs: stat and statx, statfs, record locks (flock), utime, directory entries,
// openat2's open_how and iovec.
//
// stat's st_atime, st_mtime and st_ctime are macros in glibc's <sys/stat.h>
// (`st_atim.tv_sec`), which would break any C++ code naming them next to it: their
// members are called st_*time_sec here and carry the C name for the probes.
#pragma once

#include <type_traits>

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// ---------------------------------------------------------------------------------------
// stat: each architecture's own asm/stat.h.

// x86's asm/stat.h, the __i386__ branch.
SYSCOMPAT_STRUCT(stat_i386, "stat", uapi("asm/stat.h", "struct stat"),
                 (st_dev, c_ulong),
                 (st_ino, c_ulong),
                 (st_mode, c_ushort),
                 (st_nlink, c_ushort),
                 (st_uid, c_ushort),
                 (st_gid, c_ushort),
                 (st_rdev, c_ulong),
                 (st_size, c_ulong),
                 (st_blksize, c_ulong),
                 (st_blocks, c_ulong),
                 (st_atime_sec, c_ulong, true, "st_atime"),
                 (st_atime_nsec, c_ulong),
                 (st_mtime_sec, c_ulong, true, "st_mtime"),
                 (st_mtime_nsec, c_ulong),
                 (st_ctime_sec, c_ulong, true, "st_ctime"),
                 (st_ctime_nsec, c_ulong),
                 (__unused4, c_ulong),
                 (__unused5, c_ulong));

// cp_compat_stat assigns each member (the times keep their low 32 bits past 2106 and before
// 1970) but refuses, with EOVERFLOW, an inode or link count that does not fit and a size past
// MAX_NON_LFS (2^31 - 1) although the member is an unsigned long, so that old programs use
// stat64.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<stat_i386<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::array member_rules<stat_i386<M>>{
    MemberRule{.member = "st_ino", .narrowing = Narrowing::eoverflow},
    MemberRule{.member = "st_nlink", .narrowing = Narrowing::eoverflow},
    MemberRule{.member = "st_size", .narrowing = Narrowing::eoverflow, .max = 0x7fffffff},
    // cp_compat_stat's SET_UID/SET_GID: a 16-bit id that does not fit is overflowuid
    MemberRule{.member = "st_uid", .overflow = overflow_id},
    MemberRule{.member = "st_gid", .overflow = overflow_id}};

// x86's asm/stat.h, the other branch: x86_64, and x32, which calls the native stat.
SYSCOMPAT_STRUCT(stat_x86_64, "stat", uapi("asm/stat.h", "struct stat"),
                 (st_dev, kernel_ulong),
                 (st_ino, kernel_ulong),
                 (st_nlink, kernel_ulong),
                 (st_mode, c_uint),
                 (st_uid, c_uint),
                 (st_gid, c_uint),
                 (__pad0, c_uint),
                 (st_rdev, kernel_ulong),
                 (st_size, kernel_long),
                 (st_blksize, kernel_long),
                 (st_blocks, kernel_long),
                 (st_atime_sec, kernel_ulong, true, "st_atime"),
                 (st_atime_nsec, kernel_ulong),
                 (st_mtime_sec, kernel_ulong, true, "st_mtime"),
                 (st_mtime_nsec, kernel_ulong),
                 (st_ctime_sec, kernel_ulong, true, "st_ctime"),
                 (st_ctime_nsec, kernel_ulong),
                 (__unused, kernel_long[3]));

// arm's asm/stat.h; st_dev and st_rdev are 16-bit plus padding under __ARMEB__.
template <class M>
inline constexpr bool stat_armeb = M::order == ByteOrder::big;

SYSCOMPAT_STRUCT(stat_arm, "stat", uapi("asm/stat.h", "struct stat"),
                 (st_dev, c_ulong, !stat_armeb<M>),
                 (st_dev_be, c_ushort, stat_armeb<M>, "st_dev"),
                 (__pad1, c_ushort, stat_armeb<M>),
                 (st_ino, c_ulong),
                 (st_mode, c_ushort),
                 (st_nlink, c_ushort),
                 (st_uid, c_ushort),
                 (st_gid, c_ushort),
                 (st_rdev, c_ulong, !stat_armeb<M>),
                 (st_rdev_be, c_ushort, stat_armeb<M>, "st_rdev"),
                 (__pad2, c_ushort, stat_armeb<M>),
                 (st_size, c_ulong),
                 (st_blksize, c_ulong),
                 (st_blocks, c_ulong),
                 (st_atime_sec, c_ulong, true, "st_atime"),
                 (st_atime_nsec, c_ulong),
                 (st_mtime_sec, c_ulong, true, "st_mtime"),
                 (st_mtime_nsec, c_ulong),
                 (st_ctime_sec, c_ulong, true, "st_ctime"),
                 (st_ctime_nsec, c_ulong),
                 (__unused4, c_ulong),
                 (__unused5, c_ulong));

// mips's asm/stat.h, the _MIPS_SIM_ABI32 (o32) declaration.
SYSCOMPAT_STRUCT(stat_mips, "stat", uapi("asm/stat.h", "struct stat"),
                 (st_dev, c_uint),
                 (st_pad1, c_long[3]),
                 (st_ino, kernel_ino),
                 (st_mode, kernel_mode),
                 (st_nlink, u32),
                 (st_uid, kernel_uid32),
                 (st_gid, kernel_gid32),
                 (st_rdev, c_uint),
                 (st_pad2, c_long[2]),
                 (st_size, c_long),
                 (st_pad3, c_long),
                 (st_atime_sec, c_long, true, "st_atime"),
                 (st_atime_nsec, c_long),
                 (st_mtime_sec, c_long, true, "st_mtime"),
                 (st_mtime_nsec, c_long),
                 (st_ctime_sec, c_long, true, "st_ctime"),
                 (st_ctime_nsec, c_long),
                 (st_blksize, c_long),
                 (st_blocks, c_long),
                 (st_pad4, c_long[14]));

// asm-generic/stat.h (aarch64, riscv64).
SYSCOMPAT_STRUCT(stat_generic, "stat", uapi("asm/stat.h", "struct stat"),
                 (st_dev, c_ulong),
                 (st_ino, c_ulong),
                 (st_mode, c_uint),
                 (st_nlink, c_uint),
                 (st_uid, c_uint),
                 (st_gid, c_uint),
                 (st_rdev, c_ulong),
                 (__pad1, c_ulong),
                 (st_size, c_long),
                 (st_blksize, c_int),
                 (__pad2, c_int),
                 (st_blocks, c_long),
                 (st_atime_sec, c_long, true, "st_atime"),
                 (st_atime_nsec, c_ulong),
                 (st_mtime_sec, c_long, true, "st_mtime"),
                 (st_mtime_nsec, c_ulong),
                 (st_ctime_sec, c_long, true, "st_ctime"),
                 (st_ctime_nsec, c_ulong),
                 (__unused4, c_uint),
                 (__unused5, c_uint));

template <class M>
using stat = std::conditional_t<
    M::abi == Abi::i386, stat_i386<M>,
    std::conditional_t<
        M::abi == Abi::x86_64 || M::abi == Abi::x32, stat_x86_64<M>,
        std::conditional_t<M::abi == Abi::arm_eabi, stat_arm<M>,
                           std::conditional_t<M::abi == Abi::mips_o32, stat_mips<M>,
                                              stat_generic<M>>>>>;

// ---------------------------------------------------------------------------------------
// stat64: the 32-bit ABIs' stat64/fstat64/lstat64/fstatat64. asm-generic/stat.h declares
// one only where __BITS_PER_LONG is 32, which none of the asm-generic ABIs here is.

// glibc 2.1's layout, with __st_ino and padding around the dev_t's, as x86's and arm's
// asm/stat.h declare it (x86 spells st_mtime_nsec `unsigned int`, arm `unsigned long`: the
// same four unsigned bytes on both). One entry, two sizes: 96 bytes on i386, whose 64-bit
// members are 4-aligned, 104 on arm EABI, which aligns them to 8.
SYSCOMPAT_STRUCT(stat64_glibc21, "stat64", uapi("asm/stat.h", "struct stat64"),
                 (st_dev, c_ullong),
                 (__pad0, c_uchar[4]),
                 (__st_ino, c_ulong),
                 (st_mode, c_uint),
                 (st_nlink, c_uint),
                 (st_uid, c_ulong),
                 (st_gid, c_ulong),
                 (st_rdev, c_ullong),
                 (__pad3, c_uchar[4]),
                 (st_size, c_llong),
                 (st_blksize, c_ulong),
                 (st_blocks, c_ullong),
                 (st_atime_sec, c_ulong, true, "st_atime"),
                 (st_atime_nsec, c_ulong),
                 (st_mtime_sec, c_ulong, true, "st_mtime"),
                 (st_mtime_nsec, c_ulong),
                 (st_ctime_sec, c_ulong, true, "st_ctime"),
                 (st_ctime_nsec, c_ulong),
                 (st_ino, c_ullong));

// __st_ino is glibc 2.1's 32-bit inode: the kernel stores st_ino's low 32 bits there. The
// x86_64 kernel's cp_stat64 (sys_ia32.c) writes i386's member by member, padding untouched,
// each with unsafe_put_user: the times keep their low 32 bits, never EOVERFLOW.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<stat64_glibc21<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::array member_rules<stat64_glibc21<M>>{
    MemberRule{.member = "__st_ino", .from = "st_ino", .narrowing = Narrowing::truncate}};
template <class M>
inline constexpr bool kernel_writes_members_only<stat64_glibc21<M>> = M::abi == Abi::i386;

// mips's asm/stat.h, the o32 declaration (the 64-bit kernel's stat layout).
SYSCOMPAT_STRUCT(stat64_mips, "stat64", uapi("asm/stat.h", "struct stat64"),
                 (st_dev, c_ulong),
                 (st_pad0, c_ulong[3]),
                 (st_ino, c_ullong),
                 (st_mode, kernel_mode),
                 (st_nlink, u32),
                 (st_uid, kernel_uid32),
                 (st_gid, kernel_gid32),
                 (st_rdev, c_ulong),
                 (st_pad1, c_ulong[3]),
                 (st_size, c_llong),
                 (st_atime_sec, c_long, true, "st_atime"),
                 (st_atime_nsec, c_ulong),
                 (st_mtime_sec, c_long, true, "st_mtime"),
                 (st_mtime_nsec, c_ulong),
                 (st_ctime_sec, c_long, true, "st_ctime"),
                 (st_ctime_nsec, c_ulong),
                 (st_blksize, c_ulong),
                 (st_pad2, c_ulong),
                 (st_blocks, c_llong));

template <class M>
using stat64_decl =
    std::conditional_t<M::abi == Abi::mips_o32, stat64_mips<M>, stat64_glibc21<M>>;
template <class M>
using stat64 = only_on<M, stat64_decl<M>, "64-bit ABIs have no stat64 syscalls", Abi::i386,
                       Abi::arm_eabi, Abi::mips_o32>;

// ---------------------------------------------------------------------------------------
// statx (linux/stat.h): one declaration, explicitly padded, the same on every ABI.

SYSCOMPAT_STRUCT(statx_timestamp, "statx_timestamp",
                 uapi("linux/stat.h", "struct statx_timestamp"),
                 (tv_sec, s64),
                 (tv_nsec, u32),
                 (__reserved, s32));

SYSCOMPAT_STRUCT(statx, "statx", uapi("linux/stat.h", "struct statx"),
                 (stx_mask, u32),
                 (stx_blksize, u32),
                 (stx_attributes, u64),
                 (stx_nlink, u32),
                 (stx_uid, u32),
                 (stx_gid, u32),
                 (stx_mode, u16),
                 (__spare0, u16[1]),
                 (stx_ino, u64),
                 (stx_size, u64),
                 (stx_blocks, u64),
                 (stx_attributes_mask, u64),
                 (stx_atime, statx_timestamp<M>),
                 (stx_btime, statx_timestamp<M>),
                 (stx_ctime, statx_timestamp<M>),
                 (stx_mtime, statx_timestamp<M>),
                 (stx_rdev_major, u32),
                 (stx_rdev_minor, u32),
                 (stx_dev_major, u32),
                 (stx_dev_minor, u32),
                 (stx_mnt_id, u64),
                 (stx_dio_mem_align, u32),
                 (stx_dio_offset_align, u32),
                 (stx_subvol, u64),
                 (stx_atomic_write_unit_min, u32),
                 (stx_atomic_write_unit_max, u32),
                 (stx_atomic_write_segments_max, u32),
                 (stx_dio_read_offset_align, u32),
                 (stx_atomic_write_unit_max_opt, u32),
                 (__spare2, u32[1]),
                 (__spare3, u64[8]));

// What 6.10 to 6.16 took from __spare3 (include/uapi/linux/stat.h); the 6.1 headers still
// declare __spare3[12] from 0xa0, so the rest of __spare3 is of 6.16's shape too.
template <class M>
inline constexpr std::array newer_members<statx<M>>{
    NewerMember{"stx_subvol", {6, 10}},
    NewerMember{"stx_atomic_write_unit_min", {6, 11}},
    NewerMember{"stx_atomic_write_unit_max", {6, 11}},
    NewerMember{"stx_atomic_write_segments_max", {6, 11}},
    NewerMember{"stx_dio_read_offset_align", {6, 14}},
    NewerMember{"stx_atomic_write_unit_max_opt", {6, 16}},
    NewerMember{"__spare2", {6, 16}},
    NewerMember{"__spare3", {6, 16}}};

// ---------------------------------------------------------------------------------------
// statfs and statfs64.

SYSCOMPAT_STRUCT(kernel_fsid, "kernel_fsid",
                 uapi("linux/posix_types.h", "__kernel_fsid_t"),
                 (val, c_int[2]));

// asm-generic/statfs.h's __statfs_word: __kernel_long_t where __BITS_PER_LONG is 64,
// else __u32. Chosen here by the KERNEL's word size: x32 calls the native x86_64
// statfs/fstatfs, which write 64-bit words although x32's header says __u32 (a listed
// header difference).
template <class M>
using statfs_word_t =
    std::conditional_t<M::params.kernel_long_size == 8, typename M::kernel_long, typename M::u32>;

// asm-generic/statfs.h (x86, arm, aarch64, riscv64).
SYSCOMPAT_STRUCT(statfs_generic, "statfs", uapi("asm/statfs.h", "struct statfs"),
                 (f_type, statfs_word_t<M>),
                 (f_bsize, statfs_word_t<M>),
                 (f_blocks, statfs_word_t<M>),
                 (f_bfree, statfs_word_t<M>),
                 (f_bavail, statfs_word_t<M>),
                 (f_files, statfs_word_t<M>),
                 (f_ffree, statfs_word_t<M>),
                 (f_fsid, kernel_fsid<M>),
                 (f_namelen, statfs_word_t<M>),
                 (f_frsize, statfs_word_t<M>),
                 (f_flags, statfs_word_t<M>),
                 (f_spare, statfs_word_t<M>[4]));

// mips's asm/statfs.h: long words, in its own order.
SYSCOMPAT_STRUCT(statfs_mips, "statfs", uapi("asm/statfs.h", "struct statfs"),
                 (f_type, c_long),
                 (f_bsize, c_long),
                 (f_frsize, c_long),
                 (f_blocks, c_long),
                 (f_bfree, c_long),
                 (f_files, c_long),
                 (f_ffree, c_long),
                 (f_bavail, c_long),
                 (f_fsid, kernel_fsid<M>),
                 (f_namelen, c_long),
                 (f_flags, c_long),
                 (f_spare, c_long[5]));

template <class M>
using statfs = std::conditional_t<M::abi == Abi::mips_o32, statfs_mips<M>, statfs_generic<M>>;

// arm's ARCH_PACK_STATFS64 (__attribute__((packed,aligned(4)))) drops EABI's tail padding:
// 84 bytes, 4-aligned. Every member already sits at its natural offset, so only the 64-bit
// ones, the members that would raise the struct's alignment to 8, need packing.
template <class M>
using statfs64_u64_t =
    std::conditional_t<M::abi == Abi::arm_eabi, packed_t<typename M::u64>, typename M::u64>;

// asm-generic/statfs.h (i386, arm_eabi).
SYSCOMPAT_STRUCT(statfs64_generic, "statfs64", uapi("asm/statfs.h", "struct statfs64"),
                 (f_type, statfs_word_t<M>),
                 (f_bsize, statfs_word_t<M>),
                 (f_blocks, statfs64_u64_t<M>),
                 (f_bfree, statfs64_u64_t<M>),
                 (f_bavail, statfs64_u64_t<M>),
                 (f_files, statfs64_u64_t<M>),
                 (f_ffree, statfs64_u64_t<M>),
                 (f_fsid, kernel_fsid<M>),
                 (f_namelen, statfs_word_t<M>),
                 (f_frsize, statfs_word_t<M>),
                 (f_flags, statfs_word_t<M>),
                 (f_spare, statfs_word_t<M>[4]));

// mips's asm/statfs.h, the o32 declaration.
SYSCOMPAT_STRUCT(statfs64_mips, "statfs64", uapi("asm/statfs.h", "struct statfs64"),
                 (f_type, u32),
                 (f_bsize, u32),
                 (f_frsize, u32),
                 (__pad, u32),
                 (f_blocks, u64),
                 (f_bfree, u64),
                 (f_files, u64),
                 (f_ffree, u64),
                 (f_bavail, u64),
                 (f_fsid, kernel_fsid<M>),
                 (f_namelen, u32),
                 (f_flags, u32),
                 (f_spare, u32[5]));

template <class M>
using statfs64_decl =
    std::conditional_t<M::abi == Abi::mips_o32, statfs64_mips<M>, statfs64_generic<M>>;
template <class M>
using statfs64 = only_on<M, statfs64_decl<M>, "no statfs64 syscall (statfs is 64-bit)",
                         Abi::i386, Abi::arm_eabi, Abi::mips_o32>;

// ---------------------------------------------------------------------------------------
// Record locks: asm-generic/fcntl.h for every ABI. mips o32 adds l_sysid and pad[4]
// through __ARCH_FLOCK_EXTRA_SYSID and __ARCH_FLOCK_PAD (its asm/fcntl.h, _MIPS_SIM !=
// _MIPS_SIM_ABI64).

SYSCOMPAT_STRUCT(flock, "flock", uapi("linux/fcntl.h", "struct flock"),
                 (l_type, c_short),
                 (l_whence, c_short),
                 (l_start, kernel_off),
                 (l_len, kernel_off),
                 (l_pid, kernel_pid),
                 (l_sysid, c_long, M::abi == Abi::mips_o32),
                 (pad, c_long[4], M::abi == Abi::mips_o32));

// F_GETLK64 and friends exist only for the fcntl64 syscall of 32-bit kernels; no ABI here
// defines __ARCH_FLOCK64_PAD.
SYSCOMPAT_STRUCT(flock64_decl, "flock64", uapi("linux/fcntl.h", "struct flock64"),
                 (l_type, c_short),
                 (l_whence, c_short),
                 (l_start, kernel_loff),
                 (l_len, kernel_loff),
                 (l_pid, kernel_pid));

template <class M>
using flock64 = only_on<M, flock64_decl<M>, "no fcntl64 syscall (flock is 64-bit)", Abi::i386,
                        Abi::arm_eabi, Abi::mips_o32>;

// ---------------------------------------------------------------------------------------

SYSCOMPAT_STRUCT(utimbuf, "utimbuf", uapi("linux/utime.h", "struct utimbuf"),
                 (actime, kernel_old_time),
                 (modtime, kernel_old_time));

// getdents: fs/readdir.c's own declaration. Its `unsigned long` is the kernel's:
// compat_ulong_t for i386 on x86_64, 64-bit for x32 (which calls the native getdents),
// i.e. __kernel_ulong_t everywhere.
SYSCOMPAT_STRUCT(linux_dirent, "linux_dirent",
                 no_header("kernel-internal, fs/readdir.c (compat_linux_dirent for compat)"),
                 (d_ino, kernel_ulong),
                 (d_off, kernel_ulong),
                 (d_reclen, c_ushort),
                 (d_name, c_char[1]));

// getdents64: include/linux/dirent.h, kernel-internal; the flexible d_name[] is left out
// (it adds no bytes; the name starts at offset 19).
SYSCOMPAT_STRUCT(linux_dirent64, "linux_dirent64",
                 no_header("kernel-internal, include/linux/dirent.h"),
                 (d_ino, u64),
                 (d_off, s64),
                 (d_reclen, c_ushort),
                 (d_type, c_uchar));

SYSCOMPAT_STRUCT(open_how, "open_how", uapi("linux/openat2.h", "struct open_how"),
                 (flags, u64),
                 (mode, u64),
                 (resolve, u64));

SYSCOMPAT_STRUCT(iovec, "iovec", uapi("linux/uio.h", "struct iovec"),
                 (iov_base, ptr),
                 (iov_len, kernel_size));

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_FILE(X)                                                                \
  X(stat)                                                                                        \
  X(stat64) X(statx_timestamp) X(statx) X(kernel_fsid) X(statfs) X(statfs64) X(flock) X(flock64) \
      X(utimbuf) X(linux_dirent) X(linux_dirent64) X(open_how) X(iovec)
