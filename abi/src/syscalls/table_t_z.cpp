// Syscall table rows, names t-z. The notation is explained in
// abi/include/syscompat/abi/syscall_table.hpp.
#include "syscompat/abi/syscall_table.hpp"

namespace syscompat::abi {
namespace {

// name, {i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32}, since, signature
constexpr SyscallRow rows[] = {
    {"tee", {315, 276, 276, 342, 77, 77, 4306}, "", "opaque"},
    {"tgkill", {270, 234, 234, 268, 131, 131, 4266}, "", "opaque"},
    {"timer_create", {259, 222, 526, 257, 107, 107, 4257}, "", "opaque"},
    {"timer_delete", {263, 226, 226, 261, 111, 111, 4261}, "", "opaque"},
    {"timer_getoverrun", {262, 225, 225, 260, 109, 109, 4260}, "", "opaque"},
    {"timer_gettime64", {408, no, no, 408, no, no, 4408}, "", "opaque"},
    {"timer_gettime", {261, 224, 224, 259, 108, 108, 4259}, "", "opaque"},
    {"timer_settime64", {409, no, no, 409, no, no, 4409}, "", "opaque"},
    {"timer_settime", {260, 223, 223, 258, 110, 110, 4258}, "", "opaque"},
    {"timerfd_create", {322, 283, 283, 350, 85, 85, 4321}, "", "opaque"},
    {"timerfd_gettime64", {410, no, no, 410, no, no, 4410}, "", "opaque"},
    {"timerfd_gettime", {326, 287, 287, 354, 87, 87, 4322}, "", "opaque"},
    {"timerfd_settime64", {411, no, no, 411, no, no, 4411}, "", "opaque"},
    {"timerfd_settime", {325, 286, 286, 353, 86, 86, 4323}, "", "opaque"},
    {"timerfd", {no, no, no, no, no, no, 4318}, "", "opaque"},
    {"times", {43, 100, 100, 43, 153, 153, 4043}, "", "opaque"},
    {"time", {13, 201, 201, no, no, no, 4013}, "", "opaque"},
    {"tkill", {238, 200, 200, 238, 130, 130, 4236}, "", "opaque"},
    {"truncate64", {193, no, no, 193, no, no, 4211}, "", "opaque"},
    {"truncate", {92, 76, 76, 92, 45, 45, 4092}, "", "opaque"},
    {"tuxcall", {no, 184, 184, no, no, no, no}, "", "opaque"},
    {"ugetrlimit", {191, no, no, 191, no, no, no}, "", "opaque"},
    {"ulimit", {58, no, no, no, no, no, 4058}, "", "opaque"},
    {"umask", {60, 95, 95, 60, 166, 166, 4060}, "", "opaque"},
    {"umount2", {52, 166, 166, 52, 39, 39, 4052}, "", "opaque"},
    {"umount", {22, no, no, no, no, no, 4022}, "", "opaque"},
    {"uname", {122, 63, 63, 122, 160, 160, 4122}, "", "opaque"},
    {"unlinkat", {301, 263, 263, 328, 35, 35, 4294}, "", "opaque"},
    {"unlink", {10, 87, 87, 10, no, no, 4010}, "", "opaque"},
    {"unshare", {310, 272, 272, 337, 97, 97, 4303}, "", "opaque"},
    {"unused109", {no, no, no, no, no, no, 4109}, "", "opaque"},
    {"unused150", {no, no, no, no, no, no, 4150}, "", "opaque"},
    {"unused18", {no, no, no, no, no, no, 4018}, "", "opaque"},
    {"unused28", {no, no, no, no, no, no, 4028}, "", "opaque"},
    {"unused59", {no, no, no, no, no, no, 4059}, "", "opaque"},
    {"unused84", {no, no, no, no, no, no, 4084}, "", "opaque"},
    {"uselib", {86, 134, no, 86, no, no, 4086}, "", "opaque"},
    {"userfaultfd", {374, 323, 323, 388, 282, 282, 4357}, "", "opaque"},
    {"usr26", {no, no, no, 0xf0003, no, no, no}, "", "opaque"},  // ARM-private
    {"usr32", {no, no, no, 0xf0004, no, no, no}, "", "opaque"},  // ARM-private
    {"ustat", {62, 136, 136, 62, no, no, 4062}, "", "opaque"},
    {"utimensat_time64", {412, no, no, 412, no, no, 4412}, "", "opaque"},
    {"utimensat", {320, 280, 280, 348, 88, 88, 4316}, "", "opaque"},
    {"utimes", {271, 235, 235, 269, no, no, 4267}, "", "opaque"},
    {"utime", {30, 132, 132, no, no, no, 4030}, "", "opaque"},
    {"vfork", {190, 58, 58, 190, no, no, no}, "", "opaque"},
    {"vhangup", {111, 153, 153, 111, 58, 58, 4111}, "", "opaque"},
    {"vm86old", {113, no, no, no, no, no, no}, "", "opaque"},
    {"vm86", {166, no, no, no, no, no, 4113}, "", "opaque"},
    {"vmsplice", {316, 278, 532, 343, 75, 75, 4307}, "", "opaque"},
    {"vserver", {273, 236, no, 313, no, no, 4277}, "", "opaque"},
    {"wait4", {114, 61, 61, 114, 260, 260, 4114}, "", "opaque"},
    {"waitid", {284, 247, 529, 280, 95, 95, 4278}, "", "opaque"},
    {"waitpid", {7, no, no, no, no, no, 4007}, "", "opaque"},
    {"writev", {146, 20, 516, 146, 66, 66, 4146}, "", "opaque"},
    {"write", {4, 1, 1, 4, 64, 64, 4004}, "", "opaque"},
};

}  // namespace

std::span<const SyscallRow> syscall_rows_t_z() { return rows; }

}  // namespace syscompat::abi
