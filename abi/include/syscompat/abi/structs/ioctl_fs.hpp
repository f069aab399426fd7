// Arguments of file, block-device and file-descriptor ioctls: loop devices (linux/loop.h),
// block devices (linux/fs.h, linux/hdreg.h, linux/blktrace_api.h, linux/blkzoned.h), file
// flags and ranges (linux/fs.h, linux/fiemap.h), fscrypt (linux/fscrypt.h), fs-verity
// (linux/fsverity.h), userfaultfd (linux/userfaultfd.h) and pidfd (linux/pidfd.h).
#pragma once

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// LOOP_SET_STATUS/LOOP_GET_STATUS: the old record, with longs and the old dev_t (16 bits on
// i386, arm and mips, unsigned long on x86_64): the kernel's compat_loop_info converts it.
SYSCOMPAT_STRUCT(loop_info, "loop_info", uapi("linux/loop.h", "struct loop_info"),
                 (lo_number, c_int),
                 (lo_device, kernel_old_dev),
                 (lo_inode, c_ulong),
                 (lo_rdevice, kernel_old_dev),
                 (lo_offset, c_int),
                 (lo_encrypt_type, c_int),
                 (lo_encrypt_key_size, c_int),
                 (lo_flags, c_int),
                 (lo_name, c_char[64]),
                 (lo_encrypt_key, c_uchar[32]),
                 (lo_init, c_ulong[2]),
                 (reserved, c_char[4]));

SYSCOMPAT_STRUCT(loop_info64, "loop_info64", uapi("linux/loop.h", "struct loop_info64"),
                 (lo_device, u64),
                 (lo_inode, u64),
                 (lo_rdevice, u64),
                 (lo_offset, u64),
                 (lo_sizelimit, u64),
                 (lo_number, u32),
                 (lo_encrypt_type, u32),
                 (lo_encrypt_key_size, u32),
                 (lo_flags, u32),
                 (lo_file_name, u8[64]),
                 (lo_crypt_name, u8[64]),
                 (lo_encrypt_key, u8[32]),
                 (lo_init, u64[2]));

SYSCOMPAT_STRUCT(loop_config, "loop_config", uapi("linux/loop.h", "struct loop_config"),
                 (fd, u32),
                 (block_size, u32),
                 (info, loop_info64<M>),
                 (__reserved, u64[8]));

// HDIO_GETGEO: start is an unsigned long (compat_hdio_getgeo).
SYSCOMPAT_STRUCT(hd_geometry, "hd_geometry", uapi("linux/hdreg.h", "struct hd_geometry"),
                 (heads, c_uchar),
                 (sectors, c_uchar),
                 (cylinders, c_ushort),
                 (start, c_ulong));

// BLKTRACESETUP: 64-bit members after 32-bit ones, aligned to 4 on i386
// (compat_blk_trace_setup).
SYSCOMPAT_STRUCT(blk_user_trace_setup, "blk_user_trace_setup",
                 uapi("linux/blktrace_api.h", "struct blk_user_trace_setup"),
                 (name, c_char[32]),
                 (act_mask, u16),
                 (buf_size, u32),
                 (buf_nr, u32),
                 (start_lba, u64),
                 (end_lba, u64),
                 (pid, u32));

// BLKPG: the partition request holds a pointer to its data (compat_blkpg_ioctl).
SYSCOMPAT_STRUCT(blkpg_ioctl_arg, "blkpg_ioctl_arg", uapi("linux/blkpg.h", "struct blkpg_ioctl_arg"),
                 (op, c_int),
                 (flags, c_int),
                 (datalen, c_int),
                 (data, ptr));

SYSCOMPAT_STRUCT(blkpg_partition, "blkpg_partition", uapi("linux/blkpg.h", "struct blkpg_partition"),
                 (start, c_llong),
                 (length, c_llong),
                 (pno, c_int),
                 (devname, c_char[64]),
                 (volname, c_char[64]));

// BLKREPORTZONE: a header followed by nr_zones struct blk_zone.
SYSCOMPAT_STRUCT(blk_zone_report, "blk_zone_report", uapi("linux/blkzoned.h", "struct blk_zone_report"),
                 (sector, u64),
                 (nr_zones, u32),
                 (flags, u32));

SYSCOMPAT_STRUCT(blk_zone_range, "blk_zone_range", uapi("linux/blkzoned.h", "struct blk_zone_range"),
                 (sector, u64),
                 (nr_sectors, u64));

// FS_IOC_FIEMAP: a header followed by fm_extent_count struct fiemap_extent.
SYSCOMPAT_STRUCT(fiemap, "fiemap", uapi("linux/fiemap.h", "struct fiemap"),
                 (fm_start, u64),
                 (fm_length, u64),
                 (fm_flags, u32),
                 (fm_mapped_extents, u32),
                 (fm_extent_count, u32),
                 (fm_reserved, u32));

SYSCOMPAT_STRUCT(fiemap_extent, "fiemap_extent", uapi("linux/fiemap.h", "struct fiemap_extent"),
                 (fe_logical, u64),
                 (fe_physical, u64),
                 (fe_length, u64),
                 (fe_reserved64, u64[2]),
                 (fe_flags, u32),
                 (fe_reserved, u32[3]));

SYSCOMPAT_STRUCT(fstrim_range, "fstrim_range", uapi("linux/fs.h", "struct fstrim_range"),
                 (start, u64),
                 (len, u64),
                 (minlen, u64));

SYSCOMPAT_STRUCT(file_clone_range, "file_clone_range", uapi("linux/fs.h", "struct file_clone_range"),
                 (src_fd, s64),
                 (src_offset, u64),
                 (src_length, u64),
                 (dest_offset, u64));

// FIDEDUPERANGE: a header followed by dest_count struct file_dedupe_range_info.
SYSCOMPAT_STRUCT(file_dedupe_range, "file_dedupe_range",
                 uapi("linux/fs.h", "struct file_dedupe_range"),
                 (src_offset, u64),
                 (src_length, u64),
                 (dest_count, u16),
                 (reserved1, u16),
                 (reserved2, u32));

SYSCOMPAT_STRUCT(file_dedupe_range_info, "file_dedupe_range_info",
                 uapi("linux/fs.h", "struct file_dedupe_range_info"),
                 (dest_fd, s64),
                 (dest_offset, u64),
                 (bytes_deduped, u64),
                 (status, s32),
                 (reserved, u32));

SYSCOMPAT_STRUCT(fsxattr, "fsxattr", uapi("linux/fs.h", "struct fsxattr"),
                 (fsx_xflags, u32),
                 (fsx_extsize, u32),
                 (fsx_nextents, u32),
                 (fsx_projid, u32),
                 (fsx_cowextsize, u32),
                 (fsx_pad, c_uchar[8]));

// fscrypt (linux/fscrypt.h)
SYSCOMPAT_STRUCT(fscrypt_policy_v1, "fscrypt_policy_v1", uapi("linux/fscrypt.h", "struct fscrypt_policy_v1"),
                 (version, u8),
                 (contents_encryption_mode, u8),
                 (filenames_encryption_mode, u8),
                 (flags, u8),
                 (master_key_descriptor, u8[8]));

template <class M>
using fscrypt_key_specifier_u = Union<"u", Array<typename M::u8, 32>, Array<typename M::u8, 8>,
                                      Array<typename M::u8, 16>>;

SYSCOMPAT_STRUCT(fscrypt_key_specifier, "fscrypt_key_specifier",
                 uapi("linux/fscrypt.h", "struct fscrypt_key_specifier"),
                 (type, u32),
                 (__reserved, u32),
                 (u, fscrypt_key_specifier_u<M>));

// FS_IOC_ADD_ENCRYPTION_KEY: followed by raw_size bytes of key.
SYSCOMPAT_STRUCT(fscrypt_add_key_arg, "fscrypt_add_key_arg",
                 uapi("linux/fscrypt.h", "struct fscrypt_add_key_arg"),
                 (key_spec, fscrypt_key_specifier<M>),
                 (raw_size, u32),
                 (key_id, u32),
                 (__reserved, u32[8]));

SYSCOMPAT_STRUCT(fscrypt_remove_key_arg, "fscrypt_remove_key_arg",
                 uapi("linux/fscrypt.h", "struct fscrypt_remove_key_arg"),
                 (key_spec, fscrypt_key_specifier<M>),
                 (removal_status_flags, u32),
                 (__reserved, u32[5]));

SYSCOMPAT_STRUCT(fscrypt_get_key_status_arg, "fscrypt_get_key_status_arg",
                 uapi("linux/fscrypt.h", "struct fscrypt_get_key_status_arg"),
                 (key_spec, fscrypt_key_specifier<M>),
                 (__reserved, u32[6]),
                 (status, u32),
                 (status_flags, u32),
                 (user_count, u32),
                 (__out_reserved, u32[13]));

// fs-verity (linux/fsverity.h): the salt and signature are u64 addresses, read as they are.
SYSCOMPAT_STRUCT(fsverity_enable_arg, "fsverity_enable_arg",
                 uapi("linux/fsverity.h", "struct fsverity_enable_arg"),
                 (version, u32),
                 (hash_algorithm, u32),
                 (block_size, u32),
                 (salt_size, u32),
                 (salt_ptr, u64),
                 (sig_size, u32),
                 (__reserved1, u32),
                 (sig_ptr, u64),
                 (__reserved2, u64[11]));

// FS_IOC_MEASURE_VERITY: followed by digest_size bytes.
SYSCOMPAT_STRUCT(fsverity_digest, "fsverity_digest", uapi("linux/fsverity.h", "struct fsverity_digest"),
                 (digest_algorithm, u16),
                 (digest_size, u16));

SYSCOMPAT_STRUCT(fsverity_read_metadata_arg, "fsverity_read_metadata_arg",
                 uapi("linux/fsverity.h", "struct fsverity_read_metadata_arg"),
                 (metadata_type, u64),
                 (offset, u64),
                 (length, u64),
                 (buf_ptr, u64),
                 (__reserved, u64));

// userfaultfd (linux/userfaultfd.h): 64-bit members only, one layout everywhere.
SYSCOMPAT_STRUCT(uffdio_api, "uffdio_api", uapi("linux/userfaultfd.h", "struct uffdio_api"),
                 (api, u64),
                 (features, u64),
                 (ioctls, u64));

SYSCOMPAT_STRUCT(uffdio_range, "uffdio_range", uapi("linux/userfaultfd.h", "struct uffdio_range"),
                 (start, u64),
                 (len, u64));

SYSCOMPAT_STRUCT(uffdio_register, "uffdio_register",
                 uapi("linux/userfaultfd.h", "struct uffdio_register"),
                 (range, uffdio_range<M>),
                 (mode, u64),
                 (ioctls, u64));

SYSCOMPAT_STRUCT(uffdio_copy, "uffdio_copy", uapi("linux/userfaultfd.h", "struct uffdio_copy"),
                 (dst, u64),
                 (src, u64),
                 (len, u64),
                 (mode, u64),
                 (copy, s64));

SYSCOMPAT_STRUCT(uffdio_zeropage, "uffdio_zeropage",
                 uapi("linux/userfaultfd.h", "struct uffdio_zeropage"),
                 (range, uffdio_range<M>),
                 (mode, u64),
                 (zeropage, s64));

SYSCOMPAT_STRUCT(uffdio_writeprotect, "uffdio_writeprotect",
                 uapi("linux/userfaultfd.h", "struct uffdio_writeprotect"),
                 (range, uffdio_range<M>),
                 (mode, u64));

SYSCOMPAT_STRUCT(uffdio_continue, "uffdio_continue",
                 uapi("linux/userfaultfd.h", "struct uffdio_continue"),
                 (range, uffdio_range<M>),
                 (mode, u64),
                 (mapped, s64));

// PIDFD_GET_INFO (6.13; linux/pidfd.h of the 6.1 headers has no such struct): its first
// version, PIDFD_INFO_SIZE_VER0 bytes, which is what _IOC's size says. The kernel matches
// the request by type and number whatever the size (extensible, as copy_struct_to_user).
SYSCOMPAT_STRUCT(pidfd_info, "pidfd_info",
                 no_header("linux/pidfd.h since 6.13: newer than the 6.1 headers checked here"),
                 (mask, u64),
                 (cgroupid, u64),
                 (pid, u32),
                 (tgid, u32),
                 (ppid, u32),
                 (ruid, u32),
                 (rgid, u32),
                 (euid, u32),
                 (egid, u32),
                 (suid, u32),
                 (sgid, u32),
                 (fsuid, u32),
                 (fsgid, u32),
                 (exit_code, s32));

// PROCMAP_QUERY (6.11, on /proc/PID/maps): the name and build-id buffers are u64
// addresses, read as they are.
SYSCOMPAT_STRUCT(procmap_query, "procmap_query",
                 no_header("linux/fs.h since 6.11: newer than the 6.1 headers checked here"),
                 (size, u64),
                 (query_flags, u64),
                 (query_addr, u64),
                 (vma_start, u64),
                 (vma_end, u64),
                 (vma_flags, u64),
                 (vma_page_size, u64),
                 (vma_offset, u64),
                 (inode, u64),
                 (dev_major, u32),
                 (dev_minor, u32),
                 (vma_name_size, u32),
                 (build_id_size, u32),
                 (vma_name_addr, u64),
                 (build_id_addr, u64));

// clang-format on

}  // namespace syscompat::abi

// One entry per line (clang-format would refill the list).
// clang-format off
#define SYSCOMPAT_STRUCTS_IOCTL_FS(X) \
  X(loop_info) \
  X(loop_info64) \
  X(loop_config) \
  X(hd_geometry) \
  X(blk_user_trace_setup) \
  X(blkpg_ioctl_arg) \
  X(blkpg_partition) \
  X(blk_zone_report) \
  X(blk_zone_range) \
  X(fiemap) \
  X(fiemap_extent) \
  X(fstrim_range) \
  X(file_clone_range) \
  X(file_dedupe_range) \
  X(file_dedupe_range_info) \
  X(fsxattr) \
  X(fscrypt_policy_v1) \
  X(fscrypt_key_specifier) \
  X(fscrypt_add_key_arg) \
  X(fscrypt_remove_key_arg) \
  X(fscrypt_get_key_status_arg) \
  X(fsverity_enable_arg) \
  X(fsverity_digest) \
  X(fsverity_read_metadata_arg) \
  X(uffdio_api) \
  X(uffdio_range) \
  X(uffdio_register) \
  X(uffdio_copy) \
  X(uffdio_zeropage) \
  X(uffdio_writeprotect) \
  X(uffdio_continue) \
  X(pidfd_info) \
  X(procmap_query)
// clang-format on
