// Syscall table rows, names a-e. The notation is explained in
// abi/include/syscompat/abi/syscall_table.hpp.
#pragma once

#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {

// name, {i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32}, since, signature[, since_i386,
// mux] One row per line, as the kernel's own syscall tables.
// clang-format off
inline constexpr SyscallRow syscall_rows_a_e[] = {
    {"_llseek", {140, no, no, 140, no, no, 4140}, "1.2", "int (fd fd, ulong offset_high, ulong offset_low, out loff_t *result, uint whence)"},
    {"_newselect", {142, no, no, 142, no, no, 4142}, "2.0", "int (int n, inout struct fd_set *inp, inout struct fd_set *outp, inout struct fd_set *exp, inout struct old_timeval *tvp)"},
    {"_sysctl", {149, 156, no, 149, no, no, 4153}, "1.3.57", "int (inout struct __sysctl_args *args)"},
    {"accept4", {364, 288, 288, 366, 242, 242, 4334}, "2.6.28", "int (fd fd, out char *upeer_sockaddr[*upeer_addrlen], inout int *upeer_addrlen, int flags)", "4.3", socketcall(18)},
    {"accept", {no, 43, 43, 285, 202, 202, 4168}, "2.0", "int (fd fd, out char *upeer_sockaddr[*upeer_addrlen], inout int *upeer_addrlen)", {}, socketcall(5)},
    {"access", {33, 21, 21, 33, no, no, 4033}, "1.0", "int (str filename, int mode)"},
    {"acct", {51, 163, 163, 51, 89, 89, 4051}, "1.0", "int (str name)"},
    {"add_key", {286, 248, 248, 309, 217, 217, 4280}, "2.6.10", "int (str _type, str _description, char *_payload[plen], size_t plen, int ringid)"},
    {"adjtimex", {124, 159, 159, 124, 171, 171, 4124}, "1.0", "int (inout struct timex *txc_p)"},
    {"afs_syscall", {137, 183, 183, no, no, no, 4137}, "1.2", "long ()"},
    {"alarm", {27, 37, 37, no, no, no, 4027}, "1.0", "uint (uint seconds)"},
    {"arch_prctl", {384, 158, 158, no, no, no, no}, "2.4", "int (int option, ulong arg2)", "4.12"},
    {"arm_fadvise64_64", {no, no, no, 270, no, no, no}, "2.6.14", "int (fd fd, int advice, loff_t offset, loff_t len)"},
    {"arm_sync_file_range", {no, no, no, 341, no, no, no}, "2.6.20", "int (fd fd, uint flags, loff_t offset, loff_t nbytes)"},
    {"bdflush", {134, no, no, 134, no, no, 4134}, "1.0", "int (int func, long data)"},
    {"bind", {361, 49, 49, 282, 200, 200, 4169}, "2.0", "int (fd fd, char *umyaddr[addrlen], int addrlen)", "4.3", socketcall(2)},
    {"bpf", {357, 321, 321, 386, 280, 280, 4355}, "3.18", "int (int cmd, inout char *uattr[size], uint size)"},
    {"breakpoint", {no, no, no, 0xf0001, no, no, no}, "2.2", "long ()"},  // ARM-private
    {"break", {17, no, no, no, no, no, 4017}, "1.0", "long ()"},
    {"brk", {45, 12, 12, 45, 214, 214, 4045}, "1.0", "ptr (ptr brk)"},
    {"cachectl", {no, no, no, no, no, no, 4148}, "2.0", "int (ptr addr, int nbytes, int op)"},
    {"cacheflush", {no, no, no, no, no, no, 4147}, "2.0", "int (ptr addr, ulong bytes, uint cache)"},
    {"cacheflush", {no, no, no, 0xf0002, no, no, no}, "2.2", "int (ptr start, ptr end, int flags)"},  // ARM-private
    {"cachestat", {451, 451, 451, 451, 451, 451, 4451}, "6.5", "int (fd fd, struct cachestat_range *cstat_range, out struct cachestat *cstat, uint flags)"},
    {"capget", {184, 125, 125, 184, 90, 90, 4204}, "2.2", "int (inout struct __user_cap_header_struct *header, out struct __user_cap_data_struct *dataptr)"},
    {"capset", {185, 126, 126, 185, 91, 91, 4205}, "2.2", "int (inout struct __user_cap_header_struct *header, struct __user_cap_data_struct *data)"},
    {"chdir", {12, 80, 80, 12, 49, 49, 4012}, "1.0", "int (str filename)"},
    {"chmod", {15, 90, 90, 15, no, no, 4015}, "1.0", "int (str filename, umode_t mode)"},
    {"chown32", {212, no, no, 212, no, no, no}, "2.4", "int (str filename, uid_t user, gid_t group)"},
    {"chown", {no, 92, 92, no, no, no, 4202}, "1.0", "int (str filename, uid_t user, gid_t group)"},
    {"chown", {182, no, no, 182, no, no, no}, "1.0", "int (str filename, old_uid_t user, old_gid_t group)", "2.2"},  // chown16
    {"chroot", {61, 161, 161, 61, 51, 51, 4061}, "1.0", "int (str filename)"},
    {"clock_adjtime64", {405, no, no, 405, no, no, 4405}, "5.1", "int (clockid_t which_clock, inout struct __kernel_timex *utx)"},
    {"clock_adjtime", {343, 305, 305, 372, 266, 266, 4341}, "2.6.39", "int (clockid_t which_clock, inout struct timex *utx)"},
    {"clock_getres_time64", {406, no, no, 406, no, no, 4406}, "5.1", "int (clockid_t which_clock, out struct timespec64 *tp)"},
    {"clock_getres", {266, 229, 229, 264, 114, 114, 4264}, "2.6", "int (clockid_t which_clock, out struct timespec *tp)"},
    {"clock_gettime64", {403, no, no, 403, no, no, 4403}, "5.1", "int (clockid_t which_clock, out struct timespec64 *tp)"},
    {"clock_gettime", {265, 228, 228, 263, 113, 113, 4263}, "2.6", "int (clockid_t which_clock, out struct timespec *tp)"},
    {"clock_nanosleep_time64", {407, no, no, 407, no, no, 4407}, "5.1", "int (clockid_t which_clock, int flags, struct timespec64 *rqtp, out struct timespec64 *rmtp)"},
    {"clock_nanosleep", {267, 230, 230, 265, 115, 115, 4265}, "2.6", "int (clockid_t which_clock, int flags, struct timespec *rqtp, out struct timespec *rmtp)"},
    {"clock_settime64", {404, no, no, 404, no, no, 4404}, "5.1", "int (clockid_t which_clock, struct timespec64 *tp)"},
    {"clock_settime", {264, 227, 227, 262, 112, 112, 4262}, "2.6", "int (clockid_t which_clock, struct timespec *tp)"},
    {"clone3", {435, 435, 435, 435, 435, 435, 4435}, "5.3", "pid_t (struct clone_args *uargs, size_t size)"},
    {"clone", {no, 56, 56, no, 220, 220, no}, "1.0", "pid_t (ulong clone_flags, ptr newsp, out int *parent_tidptr, out int *child_tidptr, ulong tls)"},
    {"clone", {120, no, no, 120, no, no, 4120}, "1.0", "pid_t (ulong clone_flags, ptr newsp, out int *parent_tidptr, ulong tls, out int *child_tidptr)"},  // CLONE_BACKWARDS
    {"close_range", {436, 436, 436, 436, 436, 436, 4436}, "5.9", "int (uint fd_, uint max_fd, uint flags)"},
    {"close", {6, 3, 3, 6, 57, 57, 4006}, "1.0", "int (fd fd)"},
    {"connect", {362, 42, 42, 283, 203, 203, 4170}, "2.0", "int (fd fd, char *uservaddr[addrlen], int addrlen)", "4.3", socketcall(3)},
    {"copy_file_range", {377, 326, 326, 391, 285, 285, 4360}, "4.5", "ssize_t (fd fd_in, inout loff_t *off_in, fd fd_out, inout loff_t *off_out, size_t len, uint flags)"},
    {"create_module", {127, 174, no, no, no, no, 4127}, "1.0", "ptr (str name_user, size_t size)"},
    {"creat", {8, 85, 85, 8, no, no, 4008}, "1.0", "int (str pathname, umode_t mode)"},
    {"delete_module", {129, 176, 176, 129, 106, 106, 4129}, "1.0", "int (str name_user, uint flags)"},
    {"dup2", {63, 33, 33, 63, no, no, 4063}, "1.0", "int (fd oldfd, fd newfd)"},
    {"dup3", {330, 292, 292, 358, 24, 24, 4327}, "2.6.27", "int (fd oldfd, fd newfd, int flags)"},
    {"dup", {41, 32, 32, 41, 23, 23, 4041}, "1.0", "int (fd fd)"},
    {"epoll_create1", {329, 291, 291, 357, 20, 20, 4326}, "2.6.27", "int (int flags)"},
    {"epoll_create", {254, 213, 213, 250, no, no, 4248}, "2.6", "int (int size)"},
    {"epoll_ctl_old", {no, 214, no, no, no, no, no}, "2.6", "long ()"},
    {"epoll_ctl", {255, 233, 233, 251, 21, 21, 4249}, "2.6", "int (fd epfd, int op, fd fd, struct epoll_event *event)"},
    {"epoll_pwait2", {441, 441, 441, 441, 441, 441, 4441}, "5.11", "int (fd epfd, out struct epoll_event *events[maxevents], int maxevents, struct timespec64 *timeout, char *sigmask[sigsetsize], size_t sigsetsize)"},
    {"epoll_pwait", {319, 281, 281, 346, 22, 22, 4313}, "2.6.19", "int (fd epfd, out struct epoll_event *events[maxevents], int maxevents, int timeout, char *sigmask[sigsetsize], size_t sigsetsize)"},
    {"epoll_wait_old", {no, 215, no, no, no, no, no}, "2.6", "long ()"},
    {"epoll_wait", {256, 232, 232, 252, no, no, 4250}, "2.6", "int (fd epfd, out struct epoll_event *events[maxevents], int maxevents, int timeout)"},
    {"eventfd2", {328, 290, 290, 356, 19, 19, 4325}, "2.6.27", "int (uint count, int flags)"},
    {"eventfd", {323, 284, 284, 351, no, no, 4319}, "2.6.22", "int (uint count)"},
    {"execveat", {358, 322, 545, 387, 281, 281, 4356}, "3.19", "int (fd fd, str filename, strv argv, strv envp, int flags)"},
    {"execve", {11, 59, 520, 11, 221, 221, 4011}, "1.0", "int (str filename, strv argv, strv envp)"},
    {"exit_group", {252, 231, 231, 248, 94, 94, 4246}, "2.5.35", "void (int error_code)"},
    {"exit", {1, 60, 60, 1, 93, 93, 4001}, "1.0", "void (int error_code)"},
};
// clang-format on

}  // namespace syscompat::abi
