// Syscall table rows, names t-z. The notation is explained in
// abi/include/syscompat/abi/syscall_table.hpp.
#pragma once

#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {

// name, {i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32}, since, signature
// One row per line, as the kernel's own syscall tables.
// clang-format off
inline constexpr SyscallRow syscall_rows_t_z[] = {
    {"tee", {315, 276, 276, 342, 77, 77, 4306}, "2.6.17", "ssize_t (fd fdin, fd fdout, size_t len, uint flags)"},
    {"tgkill", {270, 234, 234, 268, 131, 131, 4266}, "2.5.75", "int (pid_t tgid, pid_t pid, int sig)"},
    {"timer_create", {259, 222, 526, 257, 107, 107, 4257}, "2.6", "int (clockid_t which_clock, struct sigevent *timer_event_spec, out timer_t *created_timer_id)"},
    {"timer_delete", {263, 226, 226, 261, 111, 111, 4261}, "2.6", "int (timer_t timer_id)"},
    {"timer_getoverrun", {262, 225, 225, 260, 109, 109, 4260}, "2.6", "int (timer_t timer_id)"},
    {"timer_gettime64", {408, no, no, 408, no, no, 4408}, "5.1", "int (timer_t timer_id, out struct itimerspec64 *setting)"},
    {"timer_gettime", {261, 224, 224, 259, 108, 108, 4259}, "2.6", "int (timer_t timer_id, out struct itimerspec *setting)"},
    {"timer_settime64", {409, no, no, 409, no, no, 4409}, "5.1", "int (timer_t timer_id, int flags, struct itimerspec64 *new_setting, out struct itimerspec64 *old_setting)"},
    {"timer_settime", {260, 223, 223, 258, 110, 110, 4258}, "2.6", "int (timer_t timer_id, int flags, struct itimerspec *new_setting, out struct itimerspec *old_setting)"},
    {"timerfd_create", {322, 283, 283, 350, 85, 85, 4321}, "2.6.25", "int (clockid_t clockid, int flags)"},
    {"timerfd_gettime64", {410, no, no, 410, no, no, 4410}, "5.1", "int (fd ufd, out struct itimerspec64 *otmr)"},
    {"timerfd_gettime", {326, 287, 287, 354, 87, 87, 4322}, "2.6.25", "int (fd ufd, out struct itimerspec *otmr)"},
    {"timerfd_settime64", {411, no, no, 411, no, no, 4411}, "5.1", "int (fd ufd, int flags, struct itimerspec64 *utmr, out struct itimerspec64 *otmr)"},
    {"timerfd_settime", {325, 286, 286, 353, 86, 86, 4323}, "2.6.25", "int (fd ufd, int flags, struct itimerspec *utmr, out struct itimerspec *otmr)"},
    {"timerfd", {no, no, no, no, no, no, 4318}, "2.6.22", "long ()"},
    {"times", {43, 100, 100, 43, 153, 153, 4043}, "1.0", "long (out struct tms *tbuf)"},
    {"time", {13, 201, 201, no, no, no, 4013}, "1.0", "time_t (out time_t *tloc)"},
    {"tkill", {238, 200, 200, 238, 130, 130, 4236}, "2.4.19", "int (pid_t pid, int sig)"},
    {"truncate64", {193, no, no, 193, no, no, 4211}, "2.4", "int (str path, loff_t length)"},
    {"truncate", {92, 76, 76, 92, 45, 45, 4092}, "1.0", "int (str path, off_t length)"},
    {"tuxcall", {no, 184, 184, no, no, no, no}, "2.4", "long ()"},
    {"ugetrlimit", {191, no, no, 191, no, no, no}, "2.4", "int (uint resource, out struct rlimit *rlim)"},
    {"ulimit", {58, no, no, no, no, no, 4058}, "1.0", "long ()"},
    {"umask", {60, 95, 95, 60, 166, 166, 4060}, "1.0", "int (int mask)"},
    {"umount2", {52, 166, 166, 52, 39, 39, 4052}, "2.2", "int (str name, int flags)"},
    {"umount", {22, no, no, no, no, no, 4022}, "1.0", "int (str name)"},
    {"uname", {122, 63, 63, 122, 160, 160, 4122}, "1.0", "int (out struct new_utsname *name)"},
    {"unlinkat", {301, 263, 263, 328, 35, 35, 4294}, "2.6.16", "int (fd dfd, str pathname, int flag)"},
    {"unlink", {10, 87, 87, 10, no, no, 4010}, "1.0", "int (str pathname)"},
    {"unshare", {310, 272, 272, 337, 97, 97, 4303}, "2.6.16", "int (ulong unshare_flags)"},
    {"unused109", {no, no, no, no, no, no, 4109}, "2.0", "long ()"},
    {"unused150", {no, no, no, no, no, no, 4150}, "2.0", "long ()"},
    {"unused18", {no, no, no, no, no, no, 4018}, "2.0", "long ()"},
    {"unused28", {no, no, no, no, no, no, 4028}, "2.0", "long ()"},
    {"unused59", {no, no, no, no, no, no, 4059}, "2.0", "long ()"},
    {"unused84", {no, no, no, no, no, no, 4084}, "2.0", "long ()"},
    {"uprobe", {no, 336, 336, no, no, no, no}, "6.18", "long ()"},  // newer than the 6.1 headers
    {"uretprobe", {no, 335, 335, no, no, no, no}, "6.11", "long ()"},  // newer than the 6.1 headers
    {"uselib", {86, no, no, 86, no, no, 4086}, "1.0", "int (str library)"},
    {"uselib", {no, 134, no, no, no, no, no}, "1.0", "long ()"},  // x86_64: no entry point (ENOSYS)
    {"userfaultfd", {374, 323, 323, 388, 282, 282, 4357}, "4.3", "int (int flags)"},
    {"usr26", {no, no, no, 0xf0003, no, no, no}, "2.4", "long ()"},  // ARM-private
    {"usr32", {no, no, no, 0xf0004, no, no, no}, "2.4", "long ()"},  // ARM-private
    {"ustat", {62, 136, 136, 62, no, no, 4062}, "1.0", "int (uint dev, out struct ustat *ubuf)"},
    {"utimensat_time64", {412, no, no, 412, no, no, 4412}, "5.1", "int (fd dfd, str filename, struct timespec64 *utimes[2], int flags)"},
    {"utimensat", {320, 280, 280, 348, 88, 88, 4316}, "2.6.22", "int (fd dfd, str filename, struct timespec *utimes[2], int flags)"},
    {"utimes", {271, 235, 235, 269, no, no, 4267}, "2.6", "int (str filename, struct timeval *utimes[2])"},
    {"utime", {30, 132, 132, no, no, no, 4030}, "1.0", "int (str filename, struct utimbuf *times)"},
    {"vfork", {190, 58, 58, 190, no, no, no}, "2.2", "pid_t ()"},
    {"vhangup", {111, 153, 153, 111, 58, 58, 4111}, "1.0", "int ()"},
    {"vm86old", {113, no, no, no, no, no, no}, "1.0", "int (inout struct vm86_struct *user_vm86)"},
    {"vm86", {166, no, no, no, no, no, no}, "2.0.28", "int (ulong cmd, ulong arg)"},
    {"vm86", {no, no, no, no, no, no, 4113}, "2.0", "long ()"},  // mips o32: sys_ni_syscall
    {"vmsplice", {316, 278, 532, 343, 75, 75, 4307}, "2.6.17", "ssize_t (fd fd, struct iovec *uiov[nr_segs], ulong nr_segs, uint flags)"},
    {"vserver", {273, 236, no, 313, no, no, 4277}, "2.6", "long ()"},
    {"wait4", {114, 61, 61, 114, 260, 260, 4114}, "1.0", "pid_t (pid_t upid, out int *stat_addr, int options, out struct rusage *ru)"},
    {"waitid", {284, 247, 529, 280, 95, 95, 4278}, "2.6.9", "int (int which, pid_t upid, out struct siginfo *infop, int options, out struct rusage *ru)"},
    {"waitpid", {7, no, no, no, no, no, 4007}, "1.0", "pid_t (pid_t pid, out int *stat_addr, int options)"},
    {"writev", {146, 20, 516, 146, 66, 66, 4146}, "2.0", "ssize_t (fd fd, struct iovec *vec[vlen], ulong vlen)"},
    {"write", {4, 1, 1, 4, 64, 64, 4004}, "1.0", "ssize_t (fd fd, char *buf[count], size_t count)"},
};
// clang-format on

}  // namespace syscompat::abi
