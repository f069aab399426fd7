// File constants: open(2) and *at(2) flags, statx(2)'s sync type and mask, flock(2)
// operations, inotify(7) masks, fcntl(2) commands,
// access(2) modes, lseek's whence, poll(2) and epoll(7) events, statfs(2)'s file system magic
// numbers and mount flags (asm/fcntl.h, linux/fcntl.h, linux/fs.h, asm/poll.h, linux/eventpoll.h,
// linux/magic.h; access modes and mount flags from glibc's unistd.h and sys/statvfs.h, the
// kernel's UAPI has none). Notation: abi/include/syscompat/abi/constant_types.hpp.
#pragma once

#include "syscompat/abi/constant_types.hpp"

namespace syscompat::abi {

namespace rows {

using namespace abis;

// clang-format off
inline constexpr ConstantRow open_access_rows[] = {
    {"O_RDONLY", 0},
    {"O_WRONLY", 1},
    {"O_RDWR", 2},
};

// In strace's order, which names them in it (O_LARGEFILE|O_CLOEXEC|O_DIRECTORY,
// O_EXCL|O_TMPFILE); a composite flag comes before the flag whose bit it holds (O_SYNC
// O_DSYNC's, O_TMPFILE O_DIRECTORY's), so the decoder names it whole.
inline constexpr ConstantRow open_flag_rows[] = {
    {"O_CREAT", 0100, {mips, 0x100}},
    {"O_EXCL", 0200, {mips, 0x400}},
    {"O_NOCTTY", 0400, {mips, 0x800}},
    {"O_TRUNC", 01000, {mips, 0x200}},
    {"O_APPEND", 02000, {mips, 0x8}},
    {"O_NONBLOCK", 04000, {mips, 0x80}},
    {"O_SYNC", 04010000, {mips, 0x4010}},
    {"O_DSYNC", 010000, {mips, 0x10}},
    {"FASYNC", 020000, {mips, 0x1000}},
    {"O_DIRECT", 040000, {arm, 0200000}, {mips, 0x8000}},
    {"O_LARGEFILE", 0100000, {arm, 0400000}, {mips, 0x2000}},
    {"O_NOFOLLOW", 0400000, {arm, 0100000}},
    {"O_NOATIME", 01000000},
    {"O_CLOEXEC", 02000000},
    {"O_PATH", 010000000},
    {"O_TMPFILE", 020200000, {arm, 020040000}},
    {"O_DIRECTORY", 0200000, {arm, 040000}},
};

inline constexpr ConstantRow at_flag_rows[] = {
    {"AT_SYMLINK_NOFOLLOW", 0x100},
    {"AT_REMOVEDIR", 0x200},
    {"AT_SYMLINK_FOLLOW", 0x400},
    {"AT_NO_AUTOMOUNT", 0x800},
    {"AT_EMPTY_PATH", 0x1000},
    {"AT_RECURSIVE", 0x8000},
};

// statx's AT_STATX_SYNC_TYPE part (0x6000) of its flags; the rest are at_flags.
inline constexpr ConstantRow statx_sync_rows[] = {
    {"AT_STATX_SYNC_AS_STAT", 0},
    {"AT_STATX_FORCE_SYNC", 0x2000},
    {"AT_STATX_DONT_SYNC", 0x4000},
};

// STATX_BASIC_STATS (the composite) first, so the decoder names it whole.
inline constexpr ConstantRow statx_mask_rows[] = {
    {"STATX_BASIC_STATS", 0x7ff},
    {"STATX_TYPE", 0x1},
    {"STATX_MODE", 0x2},
    {"STATX_NLINK", 0x4},
    {"STATX_UID", 0x8},
    {"STATX_GID", 0x10},
    {"STATX_ATIME", 0x20},
    {"STATX_MTIME", 0x40},
    {"STATX_CTIME", 0x80},
    {"STATX_INO", 0x100},
    {"STATX_SIZE", 0x200},
    {"STATX_BLOCKS", 0x400},
    {"STATX_BTIME", 0x800},
    {"STATX_MNT_ID", 0x1000},
    {"STATX_DIOALIGN", 0x2000},
};

// The masks of the fields the decoder names apart from the flags around them (open's access
// mode, mmap's type, clone's exit signal, statx's sync type).
inline constexpr ConstantRow field_mask_rows[] = {
    {"O_ACCMODE", 03},
    {"MAP_TYPE", 0x0f},
    {"CSIGNAL", 0xff},
    {"AT_STATX_SYNC_TYPE", 0x6000},
    {"S_IFMT", 0170000},
};

// A mode's file type (st_mode & S_IFMT).
inline constexpr ConstantRow file_type_rows[] = {
    {"S_IFSOCK", 0140000},
    {"S_IFLNK", 0120000},
    {"S_IFREG", 0100000},
    {"S_IFBLK", 0060000},
    {"S_IFDIR", 0040000},
    {"S_IFCHR", 0020000},
    {"S_IFIFO", 0010000},
};

inline constexpr ConstantRow dirfd_rows[] = {
    {"AT_FDCWD", -100},
};

inline constexpr ConstantRow fcntl_command_rows[] = {
    {"F_DUPFD", 0},
    {"F_GETFD", 1},
    {"F_SETFD", 2},
    {"F_GETFL", 3},
    {"F_SETFL", 4},
    {"F_GETLK", 5, {mips, 14}},
    {"F_SETLK", 6},
    {"F_SETLKW", 7},
    {"F_SETOWN", 8, {mips, 24}},
    {"F_GETOWN", 9, {mips, 23}},
    {"F_SETSIG", 10},
    {"F_GETSIG", 11},
    {"F_GETLK64", absent, {mips, 33}, {ilp32, 12}},
    {"F_SETLK64", absent, {mips, 34}, {ilp32, 13}},
    {"F_SETLKW64", absent, {mips, 35}, {ilp32, 14}},
    {"F_SETOWN_EX", 15},
    {"F_GETOWN_EX", 16},
    {"F_GETOWNER_UIDS", 17},
    {"F_OFD_GETLK", 36},
    {"F_OFD_SETLK", 37},
    {"F_OFD_SETLKW", 38},
    {"F_SETLEASE", 1024},
    {"F_GETLEASE", 1025},
    {"F_NOTIFY", 1026},
    {"F_CANCELLK", 1029},
    {"F_DUPFD_CLOEXEC", 1030},
    {"F_SETPIPE_SZ", 1031},
    {"F_GETPIPE_SZ", 1032},
    {"F_ADD_SEALS", 1033},
    {"F_GET_SEALS", 1034},
    {"F_GET_RW_HINT", 1035},
    {"F_SET_RW_HINT", 1036},
    {"F_GET_FILE_RW_HINT", 1037},
    {"F_SET_FILE_RW_HINT", 1038},
};

inline constexpr ConstantRow fd_flag_rows[] = {
    {"FD_CLOEXEC", 1},
};

// F_OK, the value 0, is named when no bit is set.
inline constexpr ConstantRow access_mode_rows[] = {
    {"R_OK", 4},
    {"W_OK", 2},
    {"X_OK", 1},
    {"F_OK", 0},
};

inline constexpr ConstantRow flock_op_rows[] = {
    {"LOCK_SH", 1},
    {"LOCK_EX", 2},
    {"LOCK_NB", 4},
    {"LOCK_UN", 8},
};

// struct flock's l_type (asm-generic/fcntl.h; F_EXLCK and F_SHLCK are the old flock emulation's).
inline constexpr ConstantRow lock_type_rows[] = {
    {"F_RDLCK", 0},
    {"F_WRLCK", 1},
    {"F_UNLCK", 2},
    {"F_EXLCK", 4},
    {"F_SHLCK", 8},
};

// strace names the events one by one (no IN_ALL_EVENTS, IN_CLOSE, IN_MOVE).
inline constexpr ConstantRow inotify_mask_rows[] = {
    {"IN_ACCESS", 0x1},
    {"IN_MODIFY", 0x2},
    {"IN_ATTRIB", 0x4},
    {"IN_CLOSE_WRITE", 0x8},
    {"IN_CLOSE_NOWRITE", 0x10},
    {"IN_OPEN", 0x20},
    {"IN_MOVED_FROM", 0x40},
    {"IN_MOVED_TO", 0x80},
    {"IN_CREATE", 0x100},
    {"IN_DELETE", 0x200},
    {"IN_DELETE_SELF", 0x400},
    {"IN_MOVE_SELF", 0x800},
    {"IN_UNMOUNT", 0x2000},
    {"IN_Q_OVERFLOW", 0x4000},
    {"IN_IGNORED", 0x8000},
    {"IN_ONLYDIR", 0x1000000},
    {"IN_DONT_FOLLOW", 0x2000000},
    {"IN_EXCL_UNLINK", 0x4000000},
    {"IN_MASK_CREATE", 0x10000000},
    {"IN_MASK_ADD", 0x20000000},
    {"IN_ISDIR", 0x40000000},
    {"IN_ONESHOT", 0x80000000LL},
};

inline constexpr ConstantRow seek_whence_rows[] = {
    {"SEEK_SET", 0},
    {"SEEK_CUR", 1},
    {"SEEK_END", 2},
    {"SEEK_DATA", 3},
    {"SEEK_HOLE", 4},
};

inline constexpr ConstantRow poll_event_rows[] = {
    {"POLLIN", 0x1},
    {"POLLPRI", 0x2},
    {"POLLOUT", 0x4},
    {"POLLERR", 0x8},
    {"POLLHUP", 0x10},
    {"POLLNVAL", 0x20},
    {"POLLRDNORM", 0x40},
    {"POLLRDBAND", 0x80},
    {"POLLWRNORM", 0x100, {mips, 0x4}},  // mips: POLLOUT's bit
    {"POLLWRBAND", 0x200, {mips, 0x100}},
    {"POLLMSG", 0x400},
    {"POLLREMOVE", 0x1000},
    {"POLLRDHUP", 0x2000},
};

inline constexpr ConstantRow epoll_event_rows[] = {
    {"EPOLLIN", 0x1},
    {"EPOLLPRI", 0x2},
    {"EPOLLOUT", 0x4},
    {"EPOLLERR", 0x8},
    {"EPOLLHUP", 0x10},
    {"EPOLLNVAL", 0x20},
    {"EPOLLRDNORM", 0x40},
    {"EPOLLRDBAND", 0x80},
    {"EPOLLWRNORM", 0x100},
    {"EPOLLWRBAND", 0x200},
    {"EPOLLMSG", 0x400},
    {"EPOLLRDHUP", 0x2000},
    {"EPOLLEXCLUSIVE", 1 << 28},
    {"EPOLLWAKEUP", 1 << 29},
    {"EPOLLONESHOT", 1 << 30},
    {"EPOLLET", 1LL << 31},
};

inline constexpr ConstantRow epoll_ctl_op_rows[] = {
    {"EPOLL_CTL_ADD", 1},
    {"EPOLL_CTL_DEL", 2},
    {"EPOLL_CTL_MOD", 3},
};

// io_uring_enter(2)'s flags (linux/io_uring.h).
inline constexpr ConstantRow io_uring_enter_flag_rows[] = {
    {"IORING_ENTER_GETEVENTS", 0x1},
    {"IORING_ENTER_SQ_WAKEUP", 0x2},
    {"IORING_ENTER_SQ_WAIT", 0x4},
    {"IORING_ENTER_EXT_ARG", 0x8},
    {"IORING_ENTER_REGISTERED_RING", 0x10},
};

// statfs(2)'s f_type: the file systems' magic numbers of linux/magic.h. EXT3_SUPER_MAGIC and
// EXT4_SUPER_MAGIC share EXT2_SUPER_MAGIC's value (strace names all three EXT2_SUPER_MAGIC);
// the header's STACK_END_MAGIC, CRAMFS_MAGIC_WEND and *_MAGIC_STRING are no file system's.
inline constexpr ConstantRow fs_magic_rows[] = {
    {"ADFS_SUPER_MAGIC", 0xadf5},
    {"AFFS_SUPER_MAGIC", 0xadff},
    {"AFS_SUPER_MAGIC", 0x5346414F},
    {"AUTOFS_SUPER_MAGIC", 0x0187},
    {"CEPH_SUPER_MAGIC", 0x00c36400},
    {"CODA_SUPER_MAGIC", 0x73757245},
    {"CRAMFS_MAGIC", 0x28cd3d45},
    {"DEBUGFS_MAGIC", 0x64626720},
    {"SECURITYFS_MAGIC", 0x73636673},
    {"SELINUX_MAGIC", 0xf97cff8c},
    {"SMACK_MAGIC", 0x43415d53},
    {"RAMFS_MAGIC", 0x858458f6},
    {"TMPFS_MAGIC", 0x01021994},
    {"HUGETLBFS_MAGIC", 0x958458f6},
    {"SQUASHFS_MAGIC", 0x73717368},
    {"ECRYPTFS_SUPER_MAGIC", 0xf15f},
    {"EFS_SUPER_MAGIC", 0x414A53},
    {"EROFS_SUPER_MAGIC_V1", 0xE0F5E1E2},
    {"EXT2_SUPER_MAGIC", 0xEF53},
    {"XENFS_SUPER_MAGIC", 0xabba1974},
    {"BTRFS_SUPER_MAGIC", 0x9123683E},
    {"NILFS_SUPER_MAGIC", 0x3434},
    {"F2FS_SUPER_MAGIC", 0xF2F52010},
    {"HPFS_SUPER_MAGIC", 0xf995e849},
    {"ISOFS_SUPER_MAGIC", 0x9660},
    {"JFFS2_SUPER_MAGIC", 0x72b6},
    {"XFS_SUPER_MAGIC", 0x58465342},
    {"PSTOREFS_MAGIC", 0x6165676C},
    {"EFIVARFS_MAGIC", 0xde5e81e4},
    {"HOSTFS_SUPER_MAGIC", 0x00c0ffee},
    {"OVERLAYFS_SUPER_MAGIC", 0x794c7630},
    {"FUSE_SUPER_MAGIC", 0x65735546},
    {"MINIX_SUPER_MAGIC", 0x137F},
    {"MINIX_SUPER_MAGIC2", 0x138F},
    {"MINIX2_SUPER_MAGIC", 0x2468},
    {"MINIX2_SUPER_MAGIC2", 0x2478},
    {"MINIX3_SUPER_MAGIC", 0x4d5a},
    {"MSDOS_SUPER_MAGIC", 0x4d44},
    {"EXFAT_SUPER_MAGIC", 0x2011BAB0},
    {"NCP_SUPER_MAGIC", 0x564c},
    {"NFS_SUPER_MAGIC", 0x6969},
    {"OCFS2_SUPER_MAGIC", 0x7461636f},
    {"OPENPROM_SUPER_MAGIC", 0x9fa1},
    {"QNX4_SUPER_MAGIC", 0x002f},
    {"QNX6_SUPER_MAGIC", 0x68191122},
    {"AFS_FS_MAGIC", 0x6B414653},
    {"REISERFS_SUPER_MAGIC", 0x52654973},
    {"SMB_SUPER_MAGIC", 0x517B},
    {"CIFS_SUPER_MAGIC", 0xFF534D42},
    {"SMB2_SUPER_MAGIC", 0xFE534D42},
    {"CGROUP_SUPER_MAGIC", 0x27e0eb},
    {"CGROUP2_SUPER_MAGIC", 0x63677270},
    {"RDTGROUP_SUPER_MAGIC", 0x7655821},
    {"TRACEFS_MAGIC", 0x74726163},
    {"V9FS_MAGIC", 0x01021997},
    {"BDEVFS_MAGIC", 0x62646576},
    {"DAXFS_MAGIC", 0x64646178},
    {"BINFMTFS_MAGIC", 0x42494e4d},
    {"DEVPTS_SUPER_MAGIC", 0x1cd1},
    {"BINDERFS_SUPER_MAGIC", 0x6c6f6f70},
    {"FUTEXFS_SUPER_MAGIC", 0xBAD1DEA},
    {"PIPEFS_MAGIC", 0x50495045},
    {"PROC_SUPER_MAGIC", 0x9fa0},
    {"SOCKFS_MAGIC", 0x534F434B},
    {"SYSFS_MAGIC", 0x62656572},
    {"USBDEVICE_SUPER_MAGIC", 0x9fa2},
    {"MTD_INODE_FS_MAGIC", 0x11307854},
    {"ANON_INODE_FS_MAGIC", 0x09041934},
    {"BTRFS_TEST_MAGIC", 0x73727279},
    {"NSFS_MAGIC", 0x6e736673},
    {"BPF_FS_MAGIC", 0xcafe4a11},
    {"AAFS_MAGIC", 0x5a3c69f0},
    {"ZONEFS_MAGIC", 0x5a4f4653},
    {"UDF_SUPER_MAGIC", 0x15013346},
    {"DMA_BUF_MAGIC", 0x444d4142},
    {"DEVMEM_MAGIC", 0x454d444d},
    {"SECRETMEM_MAGIC", 0x5345434d},
};

// statfs(2)'s f_flags, the mount flags (glibc's sys/statvfs.h; the kernel's UAPI has none).
inline constexpr ConstantRow statfs_flag_rows[] = {
    {"ST_RDONLY", 0x1},
    {"ST_NOSUID", 0x2},
    {"ST_NODEV", 0x4},
    {"ST_NOEXEC", 0x8},
    {"ST_SYNCHRONOUS", 0x10},
    {"ST_MANDLOCK", 0x40},
    {"ST_WRITE", 0x80},
    {"ST_APPEND", 0x100},
    {"ST_IMMUTABLE", 0x200},
    {"ST_NOATIME", 0x400},
    {"ST_NODIRATIME", 0x800},
    {"ST_RELATIME", 0x1000},
};
// clang-format on

inline constexpr std::string_view headers_files_uapi =
    "linux/fcntl.h linux/fs.h linux/stat.h linux/poll.h linux/eventpoll.h linux/mman.h "
    "linux/sched.h linux/inotify.h linux/magic.h";

}  // namespace rows

namespace vocab {
inline constexpr Vocabulary open_access{"open_access", VocabularyKind::values,
                                        rows::headers_files_uapi, HeaderSide::uapi,
                                        rows::open_access_rows};
inline constexpr Vocabulary open_flags{"open_flags", VocabularyKind::flags,
                                       rows::headers_files_uapi, HeaderSide::uapi,
                                       rows::open_flag_rows};
inline constexpr Vocabulary at_flags{"at_flags", VocabularyKind::flags, rows::headers_files_uapi,
                                     HeaderSide::uapi, rows::at_flag_rows};
inline constexpr Vocabulary statx_sync{"statx_sync", VocabularyKind::values,
                                       rows::headers_files_uapi, HeaderSide::uapi,
                                       rows::statx_sync_rows};
inline constexpr Vocabulary statx_mask{"statx_mask", VocabularyKind::flags,
                                       rows::headers_files_uapi, HeaderSide::uapi,
                                       rows::statx_mask_rows};
inline constexpr Vocabulary field_masks{"field_masks", VocabularyKind::values,
                                        rows::headers_files_uapi, HeaderSide::uapi,
                                        rows::field_mask_rows};
inline constexpr Vocabulary file_types{"file_types", VocabularyKind::values,
                                       rows::headers_files_uapi, HeaderSide::uapi,
                                       rows::file_type_rows};
inline constexpr Vocabulary dirfd_values{"dirfd_values", VocabularyKind::values,
                                         rows::headers_files_uapi, HeaderSide::uapi,
                                         rows::dirfd_rows};
inline constexpr Vocabulary fcntl_commands{"fcntl_commands", VocabularyKind::values,
                                           rows::headers_files_uapi, HeaderSide::uapi,
                                           rows::fcntl_command_rows};
inline constexpr Vocabulary fd_flags{"fd_flags", VocabularyKind::flags, rows::headers_files_uapi,
                                     HeaderSide::uapi, rows::fd_flag_rows};
inline constexpr Vocabulary access_modes{"access_modes", VocabularyKind::flags, "unistd.h",
                                         HeaderSide::libc, rows::access_mode_rows};
inline constexpr Vocabulary flock_ops{"flock_ops", VocabularyKind::flags, rows::headers_files_uapi,
                                      HeaderSide::uapi, rows::flock_op_rows};
inline constexpr Vocabulary lock_types{"lock_types", VocabularyKind::values,
                                       rows::headers_files_uapi, HeaderSide::uapi,
                                       rows::lock_type_rows};
inline constexpr Vocabulary inotify_mask{"inotify_mask", VocabularyKind::flags,
                                         rows::headers_files_uapi, HeaderSide::uapi,
                                         rows::inotify_mask_rows};
inline constexpr Vocabulary seek_whence{"seek_whence", VocabularyKind::values,
                                        rows::headers_files_uapi, HeaderSide::uapi,
                                        rows::seek_whence_rows};
inline constexpr Vocabulary poll_events{"poll_events", VocabularyKind::flags,
                                        rows::headers_files_uapi, HeaderSide::uapi,
                                        rows::poll_event_rows};
inline constexpr Vocabulary epoll_events{"epoll_events", VocabularyKind::flags,
                                         rows::headers_files_uapi, HeaderSide::uapi,
                                         rows::epoll_event_rows};
inline constexpr Vocabulary epoll_ctl_ops{"epoll_ctl_ops", VocabularyKind::values,
                                          rows::headers_files_uapi, HeaderSide::uapi,
                                          rows::epoll_ctl_op_rows};
inline constexpr Vocabulary io_uring_enter_flags{"io_uring_enter_flags", VocabularyKind::flags,
                                                 "linux/io_uring.h", HeaderSide::uapi,
                                                 rows::io_uring_enter_flag_rows};
inline constexpr Vocabulary fs_magics{"fs_magics", VocabularyKind::values, rows::headers_files_uapi,
                                      HeaderSide::uapi, rows::fs_magic_rows};
inline constexpr Vocabulary statfs_flags{"statfs_flags", VocabularyKind::flags, "sys/statvfs.h",
                                         HeaderSide::libc, rows::statfs_flag_rows};
}  // namespace vocab

}  // namespace syscompat::abi
