// File and file-system requests (linux/fs.h, linux/fscrypt.h, linux/fsverity.h) and the
// descriptors of userfaultfd, pidfd and nsfs.
#pragma once

#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace ioctl_rows {

// One row per request; see ioctl_table.hpp for the notation.
// clang-format off

// FS_IOC_GETFLAGS and its kin encode a long and pass an int (the kernel's FS_IOC32_*
// numbers are what an i386 program sends).
inline constexpr IoctlRow file_rows[] = {
    {"FIBMAP", "linux/fs.h", "_IO(0x00, 1)", "inout c_int"},
    {"FIGETBSZ", "linux/fs.h", "_IO(0x00, 2)", "out c_int"},
    {"FIFREEZE", "linux/fs.h", "_IOWR('X', 119, c_int)", ""},
    {"FITHAW", "linux/fs.h", "_IOWR('X', 120, c_int)", ""},
    {"FITRIM", "linux/fs.h", "_IOWR('X', 121, struct fstrim_range)", "inout struct fstrim_range"},
    {"FICLONE", "linux/fs.h", "_IOW(0x94, 9, c_int)", "val"},
    {"FICLONERANGE", "linux/fs.h", "_IOW(0x94, 13, struct file_clone_range)", "in struct file_clone_range"},
    {"FIDEDUPERANGE", "linux/fs.h", "_IOWR(0x94, 54, struct file_dedupe_range)", "inout struct file_dedupe_range + struct file_dedupe_range_info[dest_count]"},
    {"FS_IOC_GETFLAGS", "linux/fs.h", "_IOR('f', 1, c_long)", "out c_int"},
    {"FS_IOC_SETFLAGS", "linux/fs.h", "_IOW('f', 2, c_long)", "in c_int"},
    {"FS_IOC_GETVERSION", "linux/fs.h", "_IOR('v', 1, c_long)", "out c_int"},
    {"FS_IOC_SETVERSION", "linux/fs.h", "_IOW('v', 2, c_long)", "in c_int"},
    {"FS_IOC_FIEMAP", "linux/fs.h", "_IOWR('f', 11, struct fiemap)", "inout struct fiemap + struct fiemap_extent[fm_extent_count]"},
    {"FS_IOC_FSGETXATTR", "linux/fs.h", "_IOR('X', 31, struct fsxattr)", "out struct fsxattr"},
    {"FS_IOC_FSSETXATTR", "linux/fs.h", "_IOW('X', 32, struct fsxattr)", "in struct fsxattr"},
    {"FS_IOC_GETFSLABEL", "linux/fs.h", "_IOR(0x94, 49, c_char[256])", "out c_char[256]"},
    {"FS_IOC_SETFSLABEL", "linux/fs.h", "_IOW(0x94, 50, c_char[256])", "in c_char[256]"},
    {"PROCMAP_QUERY", "linux/fs.h", "_IOWR('f', 17, struct procmap_query)", "inout struct procmap_query", "6.11"},
};

inline constexpr IoctlRow fscrypt_rows[] = {
    {"FS_IOC_SET_ENCRYPTION_POLICY", "linux/fscrypt.h", "_IOR('f', 19, struct fscrypt_policy_v1)", "in struct fscrypt_policy_v1"},
    {"FS_IOC_GET_ENCRYPTION_PWSALT", "linux/fscrypt.h", "_IOW('f', 20, u8[16])", "out u8[16]"},
    {"FS_IOC_GET_ENCRYPTION_POLICY", "linux/fscrypt.h", "_IOW('f', 21, struct fscrypt_policy_v1)", "out struct fscrypt_policy_v1"},
    {"FS_IOC_GET_ENCRYPTION_POLICY_EX", "linux/fscrypt.h", "_IOWR('f', 22, u8[9])", "inout u8[9]"},
    {"FS_IOC_ADD_ENCRYPTION_KEY", "linux/fscrypt.h", "_IOWR('f', 23, struct fscrypt_add_key_arg)", "inout struct fscrypt_add_key_arg + u8[raw_size]"},
    {"FS_IOC_REMOVE_ENCRYPTION_KEY", "linux/fscrypt.h", "_IOWR('f', 24, struct fscrypt_remove_key_arg)", "inout struct fscrypt_remove_key_arg"},
    {"FS_IOC_REMOVE_ENCRYPTION_KEY_ALL_USERS", "linux/fscrypt.h", "_IOWR('f', 25, struct fscrypt_remove_key_arg)", "inout struct fscrypt_remove_key_arg"},
    {"FS_IOC_GET_ENCRYPTION_KEY_STATUS", "linux/fscrypt.h", "_IOWR('f', 26, struct fscrypt_get_key_status_arg)", "inout struct fscrypt_get_key_status_arg"},
    {"FS_IOC_GET_ENCRYPTION_NONCE", "linux/fscrypt.h", "_IOR('f', 27, u8[16])", "out u8[16]"},
};

inline constexpr IoctlRow verity_rows[] = {
    {"FS_IOC_ENABLE_VERITY", "linux/fsverity.h", "_IOW('f', 133, struct fsverity_enable_arg)", "in struct fsverity_enable_arg"},
    {"FS_IOC_MEASURE_VERITY", "linux/fsverity.h", "_IOWR('f', 134, struct fsverity_digest)", "inout struct fsverity_digest + u8[digest_size]"},
    {"FS_IOC_READ_VERITY_METADATA", "linux/fsverity.h", "_IOWR('f', 135, struct fsverity_read_metadata_arg)", "in struct fsverity_read_metadata_arg"},
};

inline constexpr IoctlRow userfaultfd_rows[] = {
    {"USERFAULTFD_IOC_NEW", "linux/userfaultfd.h", "_IO(0xAA, 0x00)", "val"},
    {"UFFDIO_API", "linux/userfaultfd.h", "_IOWR(0xAA, 0x3F, struct uffdio_api)", "inout struct uffdio_api"},
    {"UFFDIO_REGISTER", "linux/userfaultfd.h", "_IOWR(0xAA, 0x00, struct uffdio_register)", "inout struct uffdio_register"},
    {"UFFDIO_UNREGISTER", "linux/userfaultfd.h", "_IOR(0xAA, 0x01, struct uffdio_range)", "in struct uffdio_range"},
    {"UFFDIO_WAKE", "linux/userfaultfd.h", "_IOR(0xAA, 0x02, struct uffdio_range)", "in struct uffdio_range"},
    {"UFFDIO_COPY", "linux/userfaultfd.h", "_IOWR(0xAA, 0x03, struct uffdio_copy)", "inout struct uffdio_copy"},
    {"UFFDIO_ZEROPAGE", "linux/userfaultfd.h", "_IOWR(0xAA, 0x04, struct uffdio_zeropage)", "inout struct uffdio_zeropage"},
    {"UFFDIO_WRITEPROTECT", "linux/userfaultfd.h", "_IOWR(0xAA, 0x06, struct uffdio_writeprotect)", "in struct uffdio_writeprotect"},
    {"UFFDIO_CONTINUE", "linux/userfaultfd.h", "_IOWR(0xAA, 0x07, struct uffdio_continue)", "inout struct uffdio_continue"},
};

// The pidfd requests came after the 6.1 headers (linux/pidfd.h had only PIDFD_NONBLOCK).
inline constexpr IoctlRow pidfd_rows[] = {
    {"PIDFD_GET_CGROUP_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 1)", "", "6.11"},
    {"PIDFD_GET_IPC_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 2)", "", "6.11"},
    {"PIDFD_GET_MNT_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 3)", "", "6.11"},
    {"PIDFD_GET_NET_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 4)", "", "6.11"},
    {"PIDFD_GET_PID_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 5)", "", "6.11"},
    {"PIDFD_GET_PID_FOR_CHILDREN_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 6)", "", "6.11"},
    {"PIDFD_GET_TIME_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 7)", "", "6.11"},
    {"PIDFD_GET_TIME_FOR_CHILDREN_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 8)", "", "6.11"},
    {"PIDFD_GET_USER_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 9)", "", "6.11"},
    {"PIDFD_GET_UTS_NAMESPACE", "linux/pidfd.h", "_IO(0xFF, 10)", "", "6.11"},
    {"PIDFD_GET_INFO", "linux/pidfd.h", "_IOWR(0xFF, 11, struct pidfd_info)", "inout struct pidfd_info", "6.13"},
};

inline constexpr IoctlRow nsfs_rows[] = {
    {"NS_GET_USERNS", "linux/nsfs.h", "_IO(0xb7, 0x1)", ""},
    {"NS_GET_PARENT", "linux/nsfs.h", "_IO(0xb7, 0x2)", ""},
    {"NS_GET_NSTYPE", "linux/nsfs.h", "_IO(0xb7, 0x3)", ""},
    {"NS_GET_OWNER_UID", "linux/nsfs.h", "_IO(0xb7, 0x4)", "out u32"},
    {"NS_GET_MNTNS_ID", "linux/nsfs.h", "_IOR(0xb7, 0x5, u64)", "out u64", "6.9"},
    {"NS_GET_PID_FROM_PIDNS", "linux/nsfs.h", "_IOR(0xb7, 0x6, c_int)", "val", "6.9"},
    {"NS_GET_TGID_FROM_PIDNS", "linux/nsfs.h", "_IOR(0xb7, 0x7, c_int)", "val", "6.9"},
    {"NS_GET_PID_IN_PIDNS", "linux/nsfs.h", "_IOR(0xb7, 0x8, c_int)", "val", "6.9"},
    {"NS_GET_TGID_IN_PIDNS", "linux/nsfs.h", "_IOR(0xb7, 0x9, c_int)", "val", "6.9"},
};
// clang-format on

inline constexpr IoctlFamily fs_families[] = {
    {"files and file systems", file_rows}, {"fscrypt", fscrypt_rows}, {"fs-verity", verity_rows},
    {"userfaultfd", userfaultfd_rows},     {"pidfd", pidfd_rows},     {"nsfs", nsfs_rows},
};

}  // namespace ioctl_rows

}  // namespace syscompat::abi
