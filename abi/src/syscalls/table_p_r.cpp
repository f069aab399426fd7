// Syscall table rows, names p-r. The notation is explained in
// abi/include/syscompat/abi/syscall_table.hpp.
#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {
namespace {

// name, {i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32}, since, signature
// One row per line, as the kernel's own syscall tables.
// clang-format off
constexpr SyscallRow rows[] = {
    {"pause", {29, 34, 34, 29, no, no, 4029}, "1.0", "int ()"},
    {"pciconfig_iobase", {no, no, no, 271, no, no, no}, "2.6.16", "long (long which, ulong bus, ulong devfn)"},
    {"pciconfig_read", {no, no, no, 272, no, no, no}, "2.6.16", "int (ulong bus, ulong dfn, ulong off, ulong len, out char *buf[len])"},
    {"pciconfig_write", {no, no, no, 273, no, no, no}, "2.6.16", "int (ulong bus, ulong dfn, ulong off, ulong len, in char *buf[len])"},
    {"perf_event_open", {336, 298, 298, 364, 241, 241, 4333}, "2.6.31", "int (in struct perf_event_attr *attr_uptr, pid_t pid, int cpu, fd group_fd, ulong flags)"},
    {"personality", {136, 135, 135, 136, 92, 92, 4136}, "1.1.20", "int (uint personality)"},
    {"pidfd_getfd", {438, 438, 438, 438, 438, 438, 4438}, "5.6", "int (fd pidfd, fd fd, uint flags)"},
    {"pidfd_open", {434, 434, 434, 434, 434, 434, 4434}, "5.3", "int (pid_t pid, uint flags)"},
    {"pidfd_send_signal", {424, 424, 424, 424, 424, 424, 4424}, "5.1", "int (fd pidfd, int sig, in struct siginfo *info, uint flags)"},
    {"pipe2", {331, 293, 293, 359, 59, 59, 4328}, "2.6.27", "int (out int *fildes[2], int flags)"},
    {"pipe", {42, 22, 22, 42, no, no, no}, "1.0", "int (out int *fildes[2])"},
    {"pipe", {no, no, no, no, no, no, 4042}, "1.0", "int ()"},
    {"pivot_root", {217, 155, 155, 218, 41, 41, 4216}, "2.3.41", "int (str new_root, str put_old)"},
    {"pkey_alloc", {381, 330, 330, 395, 289, 289, 4364}, "4.9", "int (ulong flags, ulong init_val)"},
    {"pkey_free", {382, 331, 331, 396, 290, 290, 4365}, "4.9", "int (int pkey)"},
    {"pkey_mprotect", {380, 329, 329, 394, 288, 288, 4363}, "4.9", "int (ptr start, size_t len, ulong prot, int pkey)"},
    {"poll", {168, 7, 7, 168, no, no, 4188}, "2.1.23", "int (inout struct pollfd *ufds[nfds], uint nfds, int timeout_msecs)"},
    {"ppoll_time64", {414, no, no, 414, no, no, 4414}, "5.1", "int (inout struct pollfd *ufds[nfds], uint nfds, inout struct timespec64 *tsp, in char *sigmask[sigsetsize], size_t sigsetsize)"},
    {"ppoll", {309, 271, 271, 336, 73, 73, 4302}, "2.6.16", "int (inout struct pollfd *ufds[nfds], uint nfds, inout struct timespec *tsp, in char *sigmask[sigsetsize], size_t sigsetsize)"},
    {"prctl", {172, 157, 157, 172, 167, 167, 4192}, "2.1.57", "int (int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5)"},
    {"pread64", {180, 17, 17, 180, 67, 67, 4200}, "2.1.69", "ssize_t (fd fd, out char *buf[count], size_t count, loff_t pos)"},
    {"preadv2", {378, 327, no, 392, 286, 286, 4361}, "4.6", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, ulong pos_l, ulong pos_h, rwf_t flags)"},
    {"preadv2", {no, no, 546, no, no, no, no}, "4.6", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, loff_t pos, rwf_t flags)"},
    {"preadv", {333, 295, no, 361, 69, 69, 4330}, "2.6.30", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, ulong pos_l, ulong pos_h)"},
    {"preadv", {no, no, 534, no, no, no, no}, "2.6.30", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, loff_t pos)"},
    {"prlimit64", {340, 302, 302, 369, 261, 261, 4338}, "2.6.36", "int (pid_t pid, uint resource, in struct rlimit64 *new_rlim, out struct rlimit64 *old_rlim)"},
    {"process_madvise", {440, 440, 440, 440, 440, 440, 4440}, "5.10", "ssize_t (fd pidfd, in struct iovec *vec[vlen], size_t vlen, int behavior, uint flags)"},
    {"process_mrelease", {448, 448, 448, 448, 448, 448, 4448}, "5.15", "int (fd pidfd, uint flags)"},
    {"process_vm_readv", {347, 310, 539, 376, 270, 270, 4345}, "3.2", "ssize_t (pid_t pid, in struct iovec *lvec[liovcnt], ulong liovcnt, in struct iovec *rvec[riovcnt], ulong riovcnt, ulong flags)"},
    {"process_vm_writev", {348, 311, 540, 377, 271, 271, 4346}, "3.2", "ssize_t (pid_t pid, in struct iovec *lvec[liovcnt], ulong liovcnt, in struct iovec *rvec[riovcnt], ulong riovcnt, ulong flags)"},
    {"profil", {98, no, no, no, no, no, 4098}, "1.0", "long ()"},
    {"prof", {44, no, no, no, no, no, 4044}, "1.0", "long ()"},
    {"pselect6_time64", {413, no, no, 413, no, no, 4413}, "5.1", "int (int n, inout struct fd_set *inp, inout struct fd_set *outp, inout struct fd_set *exp, inout struct timespec64 *tsp, in struct sigset_argpack *sig)"},
    {"pselect6", {308, 270, 270, 335, 72, 72, 4301}, "2.6.16", "int (int n, inout struct fd_set *inp, inout struct fd_set *outp, inout struct fd_set *exp, inout struct timespec *tsp, in struct sigset_argpack *sig)"},
    {"ptrace", {26, 101, 521, 26, 117, 117, 4026}, "1.0", "long (long request, long pid, ulong addr, ulong data)"},
    {"putpmsg", {189, 182, 182, no, no, no, 4209}, "2.2", "long ()"},
    {"pwrite64", {181, 18, 18, 181, 68, 68, 4201}, "2.1.69", "ssize_t (fd fd, in char *buf[count], size_t count, loff_t pos)"},
    {"pwritev2", {379, 328, no, 393, 287, 287, 4362}, "4.6", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, ulong pos_l, ulong pos_h, rwf_t flags)"},
    {"pwritev2", {no, no, 547, no, no, no, no}, "4.6", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, loff_t pos, rwf_t flags)"},
    {"pwritev", {334, 296, no, 362, 70, 70, 4331}, "2.6.30", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, ulong pos_l, ulong pos_h)"},
    {"pwritev", {no, no, 535, no, no, no, no}, "2.6.30", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen, loff_t pos)"},
    {"query_module", {167, 178, no, no, no, no, 4187}, "2.2", "int (str name_user, int which, out char *buf[bufsize], size_t bufsize, out size_t *ret)"},
    {"quotactl_fd", {443, 443, 443, 443, 443, 443, 4443}, "5.14", "int (fd fd, uint cmd, uint id, ptr addr)"},
    {"quotactl", {131, 179, 179, 131, 60, 60, 4131}, "1.0", "int (uint cmd, str special, uint id, ptr addr)"},
    {"readahead", {225, 187, 187, 225, 213, 213, 4223}, "2.4.13", "ssize_t (fd fd, loff_t offset, size_t count)"},
    {"readdir", {89, no, no, no, no, no, 4089}, "1.0", "int (fd fd, out struct old_linux_dirent *dirent, uint count)"},
    {"readlinkat", {305, 267, 267, 332, 78, 78, 4298}, "2.6.16", "ssize_t (fd dfd, str pathname, out char *buf[bufsiz], int bufsiz)"},
    {"readlink", {85, 89, 89, 85, no, no, 4085}, "1.0", "ssize_t (str path, out char *buf[bufsiz], int bufsiz)"},
    {"readv", {145, 19, 515, 145, 65, 65, 4145}, "2.0", "ssize_t (fd fd, in struct iovec *vec[vlen], ulong vlen)"},
    {"read", {3, 0, 0, 3, 63, 63, 4003}, "1.0", "ssize_t (fd fd, out char *buf[count], size_t count)"},
    {"reboot", {88, 169, 169, 88, 142, 142, 4088}, "1.0", "int (int magic1, int magic2, uint cmd, ptr arg)"},
    {"recvfrom", {371, 45, 517, 292, 207, 207, 4176}, "1.0", "ssize_t (fd fd, out char *ubuf[size], size_t size, uint flags, out char *addr[*addr_len], inout int *addr_len)", "4.3", socketcall(12)},
    {"recvmmsg_time64", {417, no, no, 417, no, no, 4417}, "5.1", "int (fd fd, inout struct mmsghdr *mmsg[vlen], uint vlen, uint flags, inout struct timespec64 *timeout)"},
    {"recvmmsg", {337, 299, 537, 365, 243, 243, 4335}, "2.6.33", "int (fd fd, inout struct mmsghdr *mmsg[vlen], uint vlen, uint flags, inout struct timespec *timeout)", {}, socketcall(19)},
    {"recvmsg", {372, 47, 519, 297, 212, 212, 4177}, "2.0", "ssize_t (fd fd, inout struct msghdr *msg, uint flags)", "4.3", socketcall(17)},
    {"recv", {no, no, no, 291, no, no, 4175}, "1.0", "ssize_t (fd fd, out char *ubuf[size], size_t size, uint flags)", {}, socketcall(10)},
    {"remap_file_pages", {257, 216, 216, 253, 234, 234, 4251}, "2.5.46", "int (ptr start, ulong size, ulong prot, ulong pgoff, ulong flags)"},
    {"removexattr", {235, 197, 197, 235, 14, 14, 4233}, "2.4", "int (str pathname, str name)"},
    {"removexattrat", {466, 466, 466, 466, 466, 466, 4466}, "6.13", "int (fd dfd, str pathname, uint at_flags, str name)"},
    {"renameat2", {353, 316, 316, 382, 276, 276, 4351}, "3.15", "int (fd olddfd, str oldname, fd newdfd, str newname, uint flags)"},
    {"renameat", {302, 264, 264, 329, 38, no, 4295}, "2.6.16", "int (fd olddfd, str oldname, fd newdfd, str newname)"},
    {"rename", {38, 82, 82, 38, no, no, 4038}, "1.0", "int (str oldname, str newname)"},
    {"request_key", {287, 249, 249, 310, 218, 218, 4281}, "2.6.10", "int (str _type, str _description, str _callout_info, s32 destringid)"},
    {"reserved221", {no, no, no, no, no, no, 4221}, "2.4", "long ()"},
    {"reserved82", {no, no, no, no, no, no, 4082}, "2.0", "long ()"},
    {"restart_syscall", {0, 219, 219, 0, 128, 128, 4253}, "2.6", "long ()"},
    {"riscv_flush_icache", {no, no, no, no, no, 259, no}, "4.15", "int (ptr start, ptr end, ulong flags)"},
    {"riscv_hwprobe", {no, no, no, no, no, 258, no}, "6.4", "int (inout struct riscv_hwprobe *pairs[pair_count], size_t pair_count, size_t cpusetsize, inout char *cpus[cpusetsize], uint flags)"},
    {"rmdir", {40, 84, 84, 40, no, no, 4040}, "1.0", "int (str pathname)"},
    {"rseq", {386, 334, 334, 398, 293, 293, 4367}, "4.18", "int (inout struct rseq *rseq, u32 rseq_len, int flags, u32 sig)"},
    {"rt_sigaction", {174, no, no, 174, no, no, no}, "2.2", "int (int sig, in struct compat_sigaction *act, out struct compat_sigaction *oact, size_t sigsetsize)"},
    {"rt_sigaction", {no, 13, 512, no, 134, 134, 4194}, "2.2", "int (int sig, in struct sigaction *act, out struct sigaction *oact, size_t sigsetsize)"},
    {"rt_sigpending", {176, 127, 522, 176, 136, 136, 4196}, "2.2", "int (out char *uset[sigsetsize], size_t sigsetsize)"},
    {"rt_sigprocmask", {175, 14, 14, 175, 135, 135, 4195}, "2.2", "int (int how, in char *nset[sigsetsize], out char *oset[sigsetsize], size_t sigsetsize)"},
    {"rt_sigqueueinfo", {178, 129, 524, 178, 138, 138, 4198}, "2.2", "int (pid_t pid, int sig, in struct siginfo *uinfo)"},
    {"rt_sigreturn", {173, 15, 513, 173, 139, 139, 4193}, "2.2", "long ()"},
    {"rt_sigsuspend", {179, 130, 130, 179, 133, 133, 4199}, "2.2", "int (in char *unewset[sigsetsize], size_t sigsetsize)"},
    {"rt_sigtimedwait_time64", {421, no, no, 421, no, no, 4421}, "5.1", "int (in char *uthese[sigsetsize], out struct siginfo *uinfo, in struct timespec64 *uts, size_t sigsetsize)"},
    {"rt_sigtimedwait", {177, 128, 523, 177, 137, 137, 4197}, "2.2", "int (in char *uthese[sigsetsize], out struct siginfo *uinfo, in struct timespec *uts, size_t sigsetsize)"},
    {"rt_tgsigqueueinfo", {335, 297, 536, 363, 240, 240, 4332}, "2.6.31", "int (pid_t tgid, pid_t pid, int sig, in struct siginfo *uinfo)"},
};
// clang-format on

}  // namespace

std::span<const SyscallRow> syscall_rows_p_r() {
  return rows;
}

}  // namespace syscompat::abi
