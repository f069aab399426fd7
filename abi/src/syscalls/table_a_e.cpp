// Syscall table rows, names a-e. The notation is explained in
// abi/include/syscompat/abi/syscall_table.hpp.
#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {
namespace {

// name, {i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32}, since, signature
constexpr SyscallRow rows[] = {
    {"_llseek", {140, no, no, 140, no, no, 4140}, "", "opaque"},
    {"_newselect", {142, no, no, 142, no, no, 4142}, "", "opaque"},
    {"_sysctl", {149, 156, no, 149, no, no, 4153}, "", "opaque"},
    {"accept4", {364, 288, 288, 366, 242, 242, 4334}, "", "opaque"},
    {"accept", {no, 43, 43, 285, 202, 202, 4168}, "", "opaque"},
    {"access", {33, 21, 21, 33, no, no, 4033}, "", "opaque"},
    {"acct", {51, 163, 163, 51, 89, 89, 4051}, "", "opaque"},
    {"add_key", {286, 248, 248, 309, 217, 217, 4280}, "", "opaque"},
    {"adjtimex", {124, 159, 159, 124, 171, 171, 4124}, "", "opaque"},
    {"afs_syscall", {137, 183, 183, no, no, no, 4137}, "", "opaque"},
    {"alarm", {27, 37, 37, no, no, no, 4027}, "", "opaque"},
    {"arch_prctl", {384, 158, 158, no, no, no, no}, "", "opaque"},
    {"arm_fadvise64_64", {no, no, no, 270, no, no, no}, "", "opaque"},
    {"arm_sync_file_range", {no, no, no, 341, no, no, no}, "", "opaque"},
    {"bdflush", {134, no, no, 134, no, no, 4134}, "", "opaque"},
    {"bind", {361, 49, 49, 282, 200, 200, 4169}, "", "opaque"},
    {"bpf", {357, 321, 321, 386, 280, 280, 4355}, "", "opaque"},
    {"breakpoint", {no, no, no, 0xf0001, no, no, no}, "", "opaque"},  // ARM-private
    {"break", {17, no, no, no, no, no, 4017}, "", "opaque"},
    {"brk", {45, 12, 12, 45, 214, 214, 4045}, "", "opaque"},
    {"cachectl", {no, no, no, no, no, no, 4148}, "", "opaque"},
    {"cacheflush", {no, no, no, no, no, no, 4147}, "", "opaque"},
    {"cacheflush", {no, no, no, 0xf0002, no, no, no}, "", "opaque"},  // ARM-private
    {"capget", {184, 125, 125, 184, 90, 90, 4204}, "", "opaque"},
    {"capset", {185, 126, 126, 185, 91, 91, 4205}, "", "opaque"},
    {"chdir", {12, 80, 80, 12, 49, 49, 4012}, "", "opaque"},
    {"chmod", {15, 90, 90, 15, no, no, 4015}, "", "opaque"},
    {"chown32", {212, no, no, 212, no, no, no}, "", "opaque"},
    {"chown", {182, 92, 92, 182, no, no, 4202}, "", "opaque"},
    {"chroot", {61, 161, 161, 61, 51, 51, 4061}, "", "opaque"},
    {"clock_adjtime64", {405, no, no, 405, no, no, 4405}, "", "opaque"},
    {"clock_adjtime", {343, 305, 305, 372, 266, 266, 4341}, "", "opaque"},
    {"clock_getres_time64", {406, no, no, 406, no, no, 4406}, "", "opaque"},
    {"clock_getres", {266, 229, 229, 264, 114, 114, 4264}, "", "opaque"},
    {"clock_gettime64", {403, no, no, 403, no, no, 4403}, "", "opaque"},
    {"clock_gettime", {265, 228, 228, 263, 113, 113, 4263}, "", "opaque"},
    {"clock_nanosleep_time64", {407, no, no, 407, no, no, 4407}, "", "opaque"},
    {"clock_nanosleep", {267, 230, 230, 265, 115, 115, 4265}, "", "opaque"},
    {"clock_settime64", {404, no, no, 404, no, no, 4404}, "", "opaque"},
    {"clock_settime", {264, 227, 227, 262, 112, 112, 4262}, "", "opaque"},
    {"clone3", {435, 435, 435, 435, 435, 435, 4435}, "", "opaque"},
    {"clone", {120, 56, 56, 120, 220, 220, 4120}, "", "opaque"},
    {"close_range", {436, 436, 436, 436, 436, 436, 4436}, "", "opaque"},
    {"close", {6, 3, 3, 6, 57, 57, 4006}, "", "opaque"},
    {"connect", {362, 42, 42, 283, 203, 203, 4170}, "", "opaque"},
    {"copy_file_range", {377, 326, 326, 391, 285, 285, 4360}, "", "opaque"},
    {"create_module", {127, 174, no, no, no, no, 4127}, "", "opaque"},
    {"creat", {8, 85, 85, 8, no, no, 4008}, "", "opaque"},
    {"delete_module", {129, 176, 176, 129, 106, 106, 4129}, "", "opaque"},
    {"dup2", {63, 33, 33, 63, no, no, 4063}, "", "opaque"},
    {"dup3", {330, 292, 292, 358, 24, 24, 4327}, "", "opaque"},
    {"dup", {41, 32, 32, 41, 23, 23, 4041}, "", "opaque"},
    {"epoll_create1", {329, 291, 291, 357, 20, 20, 4326}, "", "opaque"},
    {"epoll_create", {254, 213, 213, 250, no, no, 4248}, "", "opaque"},
    {"epoll_ctl_old", {no, 214, no, no, no, no, no}, "", "opaque"},
    {"epoll_ctl", {255, 233, 233, 251, 21, 21, 4249}, "", "opaque"},
    {"epoll_pwait2", {441, 441, 441, 441, 441, 441, 4441}, "", "opaque"},
    {"epoll_pwait", {319, 281, 281, 346, 22, 22, 4313}, "", "opaque"},
    {"epoll_wait_old", {no, 215, no, no, no, no, no}, "", "opaque"},
    {"epoll_wait", {256, 232, 232, 252, no, no, 4250}, "", "opaque"},
    {"eventfd2", {328, 290, 290, 356, 19, 19, 4325}, "", "opaque"},
    {"eventfd", {323, 284, 284, 351, no, no, 4319}, "", "opaque"},
    {"execveat", {358, 322, 545, 387, 281, 281, 4356}, "", "opaque"},
    {"execve", {11, 59, 520, 11, 221, 221, 4011}, "", "opaque"},
    {"exit_group", {252, 231, 231, 248, 94, 94, 4246}, "", "opaque"},
    {"exit", {1, 60, 60, 1, 93, 93, 4001}, "", "opaque"},
};

}  // namespace

std::span<const SyscallRow> syscall_rows_a_e() { return rows; }

}  // namespace syscompat::abi
