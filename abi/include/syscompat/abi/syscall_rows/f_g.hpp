// Syscall table rows, names f-g. The notation is explained in
// abi/include/syscompat/abi/syscall_table.hpp.
#pragma once

#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {

// name, {i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32}, since, signature
// One row per line, as the kernel's own syscall tables.
// clang-format off
inline constexpr SyscallRow syscall_rows_f_g[] = {
    {"faccessat2", {439, 439, 439, 439, 439, 439, 4439}, "5.8", "int (fd dfd, str filename, int mode, int flags)"},
    {"faccessat", {307, 269, 269, 334, 48, 48, 4300}, "2.6.16", "int (fd dfd, str filename, int mode)"},
    {"fadvise64_64", {272, no, no, no, no, no, no}, "2.6", "int (fd fd, loff_t offset, loff_t len, int advice)"},
    // i386 (ia32_fadvise64) and x86_64 (sys_fadvise64): the length is a size_t.
    {"fadvise64", {250, 221, 221, no, no, no, no}, "2.6", "int (fd fd, loff_t offset, size_t len, int advice)"},
    // asm-generic and mips o32: sys_fadvise64_64 under the name fadvise64, with a 64-bit length.
    {"fadvise64", {no, no, no, no, 223, 223, 4254}, "2.6", "int (fd fd, loff_t offset, loff_t len, int advice)"},
    {"fallocate", {324, 285, 285, 352, 47, 47, 4320}, "2.6.23", "int (fd fd, int mode, loff_t offset, loff_t len)"},
    {"fanotify_init", {338, 300, 300, 367, 262, 262, 4336}, "2.6.37", "int (uint flags, uint event_f_flags)"},
    {"fanotify_mark", {339, 301, 301, 368, 263, 263, 4337}, "2.6.37", "int (fd fanotify_fd, uint flags, u64 mask, fd dfd, str pathname)"},
    {"fchdir", {133, 81, 81, 133, 50, 50, 4133}, "1.0", "int (fd fd)"},
    {"fchmodat2", {452, 452, 452, 452, 452, 452, 4452}, "6.6", "int (fd dfd, str filename, umode_t mode, uint flags)"},
    {"fchmodat", {306, 268, 268, 333, 53, 53, 4299}, "2.6.16", "int (fd dfd, str filename, umode_t mode)"},
    {"fchmod", {94, 91, 91, 94, 52, 52, 4094}, "1.0", "int (fd fd, umode_t mode)"},
    {"fchown32", {207, no, no, 207, no, no, no}, "2.4", "int (fd fd, uid_t user, gid_t group)"},
    {"fchownat", {298, 260, 260, 325, 54, 54, 4291}, "2.6.16", "int (fd dfd, str filename, uid_t user, gid_t group, int flag)"},
    // i386 and arm: fchown16, with 16-bit ids.
    {"fchown", {95, no, no, 95, no, no, no}, "1.0", "int (fd fd, old_uid_t user, old_gid_t group)"},
    {"fchown", {no, 93, 93, no, 55, 55, 4095}, "1.0", "int (fd fd, uid_t user, gid_t group)"},
    {"fcntl64", {221, no, no, 221, no, no, 4220}, "2.4", "int (fd fd, uint cmd, ulong arg)"},
    {"fcntl", {55, 72, 72, 55, 25, 25, 4055}, "1.0", "int (fd fd, uint cmd, ulong arg)"},
    {"fdatasync", {148, 75, 75, 148, 83, 83, 4152}, "2.0", "int (fd fd)"},
    {"fgetxattr", {231, 193, 193, 231, 10, 10, 4229}, "2.4", "ssize_t (fd fd, str name, out char *value[size], size_t size)"},
    {"file_getattr", {468, 468, 468, 468, 468, 468, 4468}, "6.17", "int (fd dfd, str filename, out struct file_attr *ufattr, size_t usize, uint at_flags)"},
    {"file_setattr", {469, 469, 469, 469, 469, 469, 4469}, "6.17", "int (fd dfd, str filename, struct file_attr *ufattr, size_t usize, uint at_flags)"},
    {"finit_module", {350, 313, 313, 379, 273, 273, 4348}, "3.8", "int (fd fd, str uargs, int flags)"},
    {"flistxattr", {234, 196, 196, 234, 13, 13, 4232}, "2.4", "ssize_t (fd fd, out char *list[size], size_t size)"},
    {"flock", {143, 73, 73, 143, 32, 32, 4143}, "2.0", "int (fd fd, uint cmd)"},
    {"fork", {2, 57, 57, 2, no, no, 4002}, "1.0", "pid_t ()"},
    {"fremovexattr", {237, 199, 199, 237, 16, 16, 4235}, "2.4", "int (fd fd, str name)"},
    {"fsconfig", {431, 431, 431, 431, 431, 431, 4431}, "5.2", "int (fd fd, uint cmd, str _key, ptr _value, int aux)"},
    {"fsetxattr", {228, 190, 190, 228, 7, 7, 4226}, "2.4", "int (fd fd, str name, char *value[size], size_t size, int flags)"},
    {"fsmount", {432, 432, 432, 432, 432, 432, 4432}, "5.2", "int (fd fs_fd, uint flags, uint attr_flags)"},
    {"fsopen", {430, 430, 430, 430, 430, 430, 4430}, "5.2", "int (str _fs_name, uint flags)"},
    {"fspick", {433, 433, 433, 433, 433, 433, 4433}, "5.2", "int (fd dfd, str path, uint flags)"},
    {"fstat64", {197, no, no, 197, no, no, 4215}, "2.4", "int (fd fd, out struct stat64 *statbuf)"},
    {"fstatat64", {300, no, no, 327, no, no, 4293}, "2.6.16", "int (fd dfd, str filename, out struct stat64 *statbuf, int flag)"},
    {"fstatfs64", {269, no, no, 267, no, no, 4256}, "2.6", "int (fd fd, size_t sz, out struct statfs64 *buf)"},
    {"fstatfs", {100, 138, 138, 100, 44, 44, 4100}, "1.0", "int (fd fd, out struct statfs *buf)"},
    {"fstat", {108, 5, 5, 108, 80, 80, 4108}, "1.0", "int (fd fd, out struct stat *statbuf)"},
    {"fsync", {118, 74, 74, 118, 82, 82, 4118}, "1.0", "int (fd fd)"},
    {"ftime", {35, no, no, no, no, no, 4035}, "1.0", "long ()"},  // never implemented: sys_ni_syscall
    {"ftruncate64", {194, no, no, 194, no, no, 4212}, "2.4", "int (fd fd, loff_t length)"},
    {"ftruncate", {93, 77, 77, 93, 46, 46, 4093}, "1.0", "int (fd fd, off_t length)"},
    {"futex_requeue", {456, 456, 456, 456, 456, 456, 4456}, "6.7", "long (struct futex_waitv *waiters[2], uint flags, int nr_wake, int nr_requeue)"},
    {"futex_time64", {422, no, no, 422, no, no, 4422}, "5.1", "long (inout u32 *uaddr, int op, u32 val, struct timespec64 *utime, inout u32 *uaddr2, u32 val3)"},
    {"futex_waitv", {449, 449, 449, 449, 449, 449, 4449}, "5.16", "long (struct futex_waitv *waiters[nr_futexes], uint nr_futexes, uint flags, struct timespec64 *timeout, clockid_t clockid)"},
    {"futex_wait", {455, 455, 455, 455, 455, 455, 4455}, "6.7", "long (ptr uaddr, ulong val, ulong mask, uint flags, struct timespec64 *timeout, clockid_t clockid)"},
    {"futex_wake", {454, 454, 454, 454, 454, 454, 4454}, "6.7", "long (ptr uaddr, ulong mask, int nr, uint flags)"},
    {"futex", {240, 202, 202, 240, 98, 98, 4238}, "2.6", "long (inout u32 *uaddr, int op, u32 val, struct timespec *utime, inout u32 *uaddr2, u32 val3)"},
    {"futimesat", {299, 261, 261, 326, no, no, 4292}, "2.6.16", "int (fd dfd, str filename, struct timeval *utimes[2])"},
    // Removed in 2.6 (sys_ni_syscall since); the signature is the 1.0-2.4 one.
    {"get_kernel_syms", {130, 177, no, no, no, no, 4130}, "1.0", "int (out struct kernel_sym *table)"},
    {"get_mempolicy", {275, 239, 239, 320, 236, 236, 4269}, "2.6.7", "long (out int *policy, out ulong *nmask, ulong maxnode, ptr addr, ulong flags)"},
    {"get_robust_list", {312, 274, 531, 339, 100, 100, 4310}, "2.6.17", "long (pid_t pid, out ulong *head_ptr, out size_t *len_ptr)"},
    {"get_thread_area", {244, 211, no, no, no, no, no}, "2.6", "int (inout struct user_desc *u_info)"},
    {"get_tls", {no, no, no, 0xf0006, no, no, no}, "4.15", "ptr ()"},  // ARM-private
    {"getcpu", {318, 309, 309, 345, 168, 168, 4312}, "2.6.19", "int (out uint *cpup, out uint *nodep, ptr unused)"},
    {"getcwd", {183, 79, 79, 183, 17, 17, 4203}, "2.2", "long (out char *buf[size], ulong size)"},
    {"getdents64", {220, 217, 217, 217, 61, 61, 4219}, "2.4", "ssize_t (fd fd, out struct linux_dirent64 *dirent, uint count)"},
    {"getdents", {141, 78, 78, 141, no, no, 4141}, "2.0", "ssize_t (fd fd, out struct linux_dirent *dirent, uint count)"},
    {"getegid32", {202, no, no, 202, no, no, no}, "2.4", "gid_t ()"},
    {"getegid", {50, no, no, 50, no, no, no}, "1.0", "old_gid_t ()"},  // getegid16
    {"getegid", {no, 108, 108, no, 177, 177, 4050}, "1.0", "gid_t ()"},
    {"geteuid32", {201, no, no, 201, no, no, no}, "2.4", "uid_t ()"},
    {"geteuid", {49, no, no, 49, no, no, no}, "1.0", "old_uid_t ()"},  // geteuid16
    {"geteuid", {no, 107, 107, no, 175, 175, 4049}, "1.0", "uid_t ()"},
    {"getgid32", {200, no, no, 200, no, no, no}, "2.4", "gid_t ()"},
    {"getgid", {47, no, no, 47, no, no, no}, "1.0", "old_gid_t ()"},  // getgid16
    {"getgid", {no, 104, 104, no, 176, 176, 4047}, "1.0", "gid_t ()"},
    {"getgroups32", {205, no, no, 205, no, no, no}, "2.4", "int (int gidsetsize, out gid_t *grouplist[gidsetsize])"},
    {"getgroups", {80, no, no, 80, no, no, no}, "1.0", "int (int gidsetsize, out old_gid_t *grouplist[gidsetsize])"},  // getgroups16
    {"getgroups", {no, 115, 115, no, 158, 158, 4080}, "1.0", "int (int gidsetsize, out gid_t *grouplist[gidsetsize])"},
    {"getitimer", {105, 36, 36, 105, 102, 102, 4105}, "1.0", "int (int which, out struct itimerval *value)"},
    {"getpeername", {368, 52, 52, 287, 205, 205, 4171}, "2.0", "int (fd fd, out char *usockaddr[*usockaddr_len], inout int *usockaddr_len)", "4.3", socketcall(7)},
    {"getpgid", {132, 121, 121, 132, 155, 155, 4132}, "1.0", "pid_t (pid_t pid)"},
    {"getpgrp", {65, 111, 111, 65, no, no, 4065}, "1.0", "pid_t ()"},
    {"getpid", {20, 39, 39, 20, 172, 172, 4020}, "1.0", "pid_t ()"},
    {"getpmsg", {188, 181, 181, no, no, no, 4208}, "2.2", "long ()"},  // never implemented (STREAMS): sys_ni_syscall
    {"getppid", {64, 110, 110, 64, 173, 173, 4064}, "1.0", "pid_t ()"},
    {"getpriority", {96, 140, 140, 96, 141, 141, 4096}, "1.0", "int (int which, int who)"},
    {"getrandom", {355, 318, 318, 384, 278, 278, 4353}, "3.17", "ssize_t (out char *ubuf[len], size_t len, uint flags)"},
    {"getresgid32", {211, no, no, 211, no, no, no}, "2.4", "int (out gid_t *rgidp, out gid_t *egidp, out gid_t *sgidp)"},
    {"getresgid", {171, no, no, 171, no, no, no}, "2.2", "int (out old_gid_t *rgidp, out old_gid_t *egidp, out old_gid_t *sgidp)"},  // getresgid16
    {"getresgid", {no, 120, 120, no, 150, 150, 4191}, "2.2", "int (out gid_t *rgidp, out gid_t *egidp, out gid_t *sgidp)"},
    {"getresuid32", {209, no, no, 209, no, no, no}, "2.4", "int (out uid_t *ruidp, out uid_t *euidp, out uid_t *suidp)"},
    {"getresuid", {165, no, no, 165, no, no, no}, "2.2", "int (out old_uid_t *ruidp, out old_uid_t *euidp, out old_uid_t *suidp)"},  // getresuid16
    {"getresuid", {no, 118, 118, no, 148, 148, 4186}, "2.2", "int (out uid_t *ruidp, out uid_t *euidp, out uid_t *suidp)"},
    // i386: old_getrlimit, which clamps the limits to 0x7fffffff (arm has only ugetrlimit).
    {"getrlimit", {76, no, no, no, no, no, no}, "1.0", "int (uint resource, out struct rlimit *rlim)"},
    {"getrlimit", {no, 97, 97, no, 163, 163, 4076}, "1.0", "int (uint resource, out struct rlimit *rlim)"},
    {"getrusage", {77, 98, 98, 77, 165, 165, 4077}, "1.0", "int (int who, out struct rusage *ru)"},
    {"getsid", {147, 124, 124, 147, 156, 156, 4151}, "2.0", "pid_t (pid_t pid)"},
    {"getsockname", {367, 51, 51, 286, 204, 204, 4172}, "2.0", "int (fd fd, out char *usockaddr[*usockaddr_len], inout int *usockaddr_len)", "4.3", socketcall(6)},
    {"getsockopt", {365, 55, 542, 295, 209, 209, 4173}, "2.0", "int (fd fd, int level, int optname, out char *optval[*optlen], inout int *optlen)", "4.3", socketcall(15)},
    {"gettid", {224, 186, 186, 224, 178, 178, 4222}, "2.4.11", "pid_t ()"},
    {"gettimeofday", {78, 96, 96, 78, 169, 169, 4078}, "1.0", "int (out struct timeval *tv, out struct timezone *tz)"},
    {"getuid32", {199, no, no, 199, no, no, no}, "2.4", "uid_t ()"},
    {"getuid", {24, no, no, 24, no, no, no}, "1.0", "old_uid_t ()"},  // getuid16
    {"getuid", {no, 102, 102, no, 174, 174, 4024}, "1.0", "uid_t ()"},
    {"getxattrat", {464, 464, 464, 464, 464, 464, 4464}, "6.13", "ssize_t (fd dfd, str pathname, uint at_flags, str name, struct xattr_args *uargs, size_t usize)"},
    {"getxattr", {229, 191, 191, 229, 8, 8, 4227}, "2.4", "ssize_t (str pathname, str name, out char *value[size], size_t size)"},
    {"gtty", {32, no, no, no, no, no, 4032}, "1.0", "long ()"},  // never implemented: sys_ni_syscall
};
// clang-format on

}  // namespace syscompat::abi
