// Process constants: clone(2) flags, wait options, futex(2) operations, prctl(2) options,
// rlimit resources, getrandom(2) flags, clock ids, System V IPC's keys, flags and commands
// (linux/sched.h, linux/wait.h, linux/futex.h, linux/prctl.h, linux/resource.h,
// linux/random.h, linux/time.h, linux/ipc.h, linux/sem.h, linux/shm.h, linux/msg.h).
// Notation: abi/include/syscompat/abi/constant_types.hpp.
#pragma once

#include "syscompat/abi/constant_types.hpp"

namespace syscompat::abi {

namespace rows {

using namespace abis;

// clang-format off
// The low byte (CSIGNAL) is the exit signal, decoded as a signal.
inline constexpr ConstantRow clone_flag_rows[] = {
    {"CLONE_VM", 0x100},
    {"CLONE_FS", 0x200},
    {"CLONE_FILES", 0x400},
    {"CLONE_SIGHAND", 0x800},
    {"CLONE_PIDFD", 0x1000},
    {"CLONE_PTRACE", 0x2000},
    {"CLONE_VFORK", 0x4000},
    {"CLONE_PARENT", 0x8000},
    {"CLONE_THREAD", 0x10000},
    {"CLONE_NEWNS", 0x20000},
    {"CLONE_SYSVSEM", 0x40000},
    {"CLONE_SETTLS", 0x80000},
    {"CLONE_PARENT_SETTID", 0x100000},
    {"CLONE_CHILD_CLEARTID", 0x200000},
    {"CLONE_DETACHED", 0x400000},
    {"CLONE_UNTRACED", 0x800000},
    {"CLONE_CHILD_SETTID", 0x1000000},
    {"CLONE_NEWCGROUP", 0x2000000},
    {"CLONE_NEWUTS", 0x4000000},
    {"CLONE_NEWIPC", 0x8000000},
    {"CLONE_NEWUSER", 0x10000000},
    {"CLONE_NEWPID", 0x20000000},
    {"CLONE_NEWNET", 0x40000000},
    {"CLONE_IO", 0x80000000LL},
    {"CLONE_CLEAR_SIGHAND", 0x100000000LL},  // clone3 only
    {"CLONE_INTO_CGROUP", 0x200000000LL},    // clone3 only
};

inline constexpr ConstantRow wait_option_rows[] = {
    {"WNOHANG", 0x1},
    {"WSTOPPED", 0x2},   // WUNTRACED's value: strace names it so
    {"WUNTRACED", 0x2},
    {"WEXITED", 0x4},
    {"WCONTINUED", 0x8},
    {"WNOWAIT", 0x1000000},
    {"__WNOTHREAD", 0x20000000},
    {"__WALL", 0x40000000},
    {"__WCLONE", 0x80000000LL},
};

// The operation, FUTEX_CMD_MASK's part; the flags below are the rest.
inline constexpr ConstantRow futex_op_rows[] = {
    {"FUTEX_WAIT", 0},
    {"FUTEX_WAKE", 1},
    {"FUTEX_FD", 2},
    {"FUTEX_REQUEUE", 3},
    {"FUTEX_CMP_REQUEUE", 4},
    {"FUTEX_WAKE_OP", 5},
    {"FUTEX_LOCK_PI", 6},
    {"FUTEX_UNLOCK_PI", 7},
    {"FUTEX_TRYLOCK_PI", 8},
    {"FUTEX_WAIT_BITSET", 9},
    {"FUTEX_WAKE_BITSET", 10},
    {"FUTEX_WAIT_REQUEUE_PI", 11},
    {"FUTEX_CMP_REQUEUE_PI", 12},
    {"FUTEX_LOCK_PI2", 13},
};

inline constexpr ConstantRow futex_op_flag_rows[] = {
    {"FUTEX_PRIVATE_FLAG", 128},
    {"FUTEX_CLOCK_REALTIME", 256},
};

inline constexpr ConstantRow prctl_option_rows[] = {
    {"PR_SET_PDEATHSIG", 1},
    {"PR_GET_PDEATHSIG", 2},
    {"PR_GET_DUMPABLE", 3},
    {"PR_SET_DUMPABLE", 4},
    {"PR_GET_UNALIGN", 5},
    {"PR_SET_UNALIGN", 6},
    {"PR_GET_KEEPCAPS", 7},
    {"PR_SET_KEEPCAPS", 8},
    {"PR_GET_FPEMU", 9},
    {"PR_SET_FPEMU", 10},
    {"PR_GET_FPEXC", 11},
    {"PR_SET_FPEXC", 12},
    {"PR_GET_TIMING", 13},
    {"PR_SET_TIMING", 14},
    {"PR_SET_NAME", 15},
    {"PR_GET_NAME", 16},
    {"PR_GET_ENDIAN", 19},
    {"PR_SET_ENDIAN", 20},
    {"PR_GET_SECCOMP", 21},
    {"PR_SET_SECCOMP", 22},
    {"PR_CAPBSET_READ", 23},
    {"PR_CAPBSET_DROP", 24},
    {"PR_GET_TSC", 25},
    {"PR_SET_TSC", 26},
    {"PR_GET_SECUREBITS", 27},
    {"PR_SET_SECUREBITS", 28},
    {"PR_SET_TIMERSLACK", 29},
    {"PR_GET_TIMERSLACK", 30},
    {"PR_TASK_PERF_EVENTS_DISABLE", 31},
    {"PR_TASK_PERF_EVENTS_ENABLE", 32},
    {"PR_MCE_KILL", 33},
    {"PR_MCE_KILL_GET", 34},
    {"PR_SET_MM", 35},
    {"PR_SET_CHILD_SUBREAPER", 36},
    {"PR_GET_CHILD_SUBREAPER", 37},
    {"PR_SET_NO_NEW_PRIVS", 38},
    {"PR_GET_NO_NEW_PRIVS", 39},
    {"PR_GET_TID_ADDRESS", 40},
    {"PR_SET_THP_DISABLE", 41},
    {"PR_GET_THP_DISABLE", 42},
    {"PR_MPX_ENABLE_MANAGEMENT", 43},
    {"PR_MPX_DISABLE_MANAGEMENT", 44},
    {"PR_SET_FP_MODE", 45},
    {"PR_GET_FP_MODE", 46},
    {"PR_CAP_AMBIENT", 47},
    {"PR_SVE_SET_VL", 50},
    {"PR_SVE_GET_VL", 51},
    {"PR_GET_SPECULATION_CTRL", 52},
    {"PR_SET_SPECULATION_CTRL", 53},
    {"PR_PAC_RESET_KEYS", 54},
    {"PR_SET_TAGGED_ADDR_CTRL", 55},
    {"PR_GET_TAGGED_ADDR_CTRL", 56},
    {"PR_SET_IO_FLUSHER", 57},
    {"PR_GET_IO_FLUSHER", 58},
    {"PR_SET_SYSCALL_USER_DISPATCH", 59},
    {"PR_PAC_SET_ENABLED_KEYS", 60},
    {"PR_PAC_GET_ENABLED_KEYS", 61},
    {"PR_SCHED_CORE", 62},
    {"PR_SME_SET_VL", 63},
    {"PR_SME_GET_VL", 64},
    {"PR_SET_VMA", 0x53564d41},
    {"PR_SET_PTRACER", 0x59616d61},
};

inline constexpr ConstantRow rlimit_resource_rows[] = {
    {"RLIMIT_CPU", 0},
    {"RLIMIT_FSIZE", 1},
    {"RLIMIT_DATA", 2},
    {"RLIMIT_STACK", 3},
    {"RLIMIT_CORE", 4},
    {"RLIMIT_RSS", 5, {mips, 7}},
    {"RLIMIT_NPROC", 6, {mips, 8}},
    {"RLIMIT_NOFILE", 7, {mips, 5}},
    {"RLIMIT_MEMLOCK", 8, {mips, 9}},
    {"RLIMIT_AS", 9, {mips, 6}},
    {"RLIMIT_LOCKS", 10},
    {"RLIMIT_SIGPENDING", 11},
    {"RLIMIT_MSGQUEUE", 12},
    {"RLIMIT_NICE", 13},
    {"RLIMIT_RTPRIO", 14},
    {"RLIMIT_RTTIME", 15},
};

inline constexpr ConstantRow getrandom_flag_rows[] = {
    {"GRND_NONBLOCK", 0x1},
    {"GRND_RANDOM", 0x2},
    {"GRND_INSECURE", 0x4},
};

inline constexpr ConstantRow clock_id_rows[] = {
    {"CLOCK_REALTIME", 0},
    {"CLOCK_MONOTONIC", 1},
    {"CLOCK_PROCESS_CPUTIME_ID", 2},
    {"CLOCK_THREAD_CPUTIME_ID", 3},
    {"CLOCK_MONOTONIC_RAW", 4},
    {"CLOCK_REALTIME_COARSE", 5},
    {"CLOCK_MONOTONIC_COARSE", 6},
    {"CLOCK_BOOTTIME", 7},
    {"CLOCK_REALTIME_ALARM", 8},
    {"CLOCK_BOOTTIME_ALARM", 9},
    {"CLOCK_TAI", 11},
};

// setitimer(2) and getitimer(2)'s timers.
inline constexpr ConstantRow itimer_which_rows[] = {
    {"ITIMER_REAL", 0},
    {"ITIMER_VIRTUAL", 1},
    {"ITIMER_PROF", 2},
};

// getrusage(2)'s `who`.
inline constexpr ConstantRow rusage_who_rows[] = {
    {"RUSAGE_SELF", 0},
    {"RUSAGE_CHILDREN", -1},
    {"RUSAGE_BOTH", -2},
    {"RUSAGE_THREAD", 1},
};

// waitid(2)'s id types.
inline constexpr ConstantRow wait_id_type_rows[] = {
    {"P_ALL", 0},
    {"P_PID", 1},
    {"P_PGID", 2},
    {"P_PIDFD", 3},
};

// getpriority(2) and setpriority(2)'s `which`.
inline constexpr ConstantRow priority_which_rows[] = {
    {"PRIO_PROCESS", 0},
    {"PRIO_PGRP", 1},
    {"PRIO_USER", 2},
};

// The bitset of FUTEX_WAIT_BITSET and FUTEX_WAKE_BITSET (val3) that matches any waiter.
inline constexpr ConstantRow futex_bitset_rows[] = {
    {"FUTEX_BITSET_MATCH_ANY", 0xffffffff},
};

// sched_setscheduler(2)'s policies by glibc's names (sched.h; the kernel's linux/sched.h
// calls 0 SCHED_NORMAL, strace and glibc SCHED_OTHER). glibc's SCHED_ISO (4) is no policy
// the kernel has.
inline constexpr ConstantRow sched_policy_rows[] = {
    {"SCHED_OTHER", 0},
    {"SCHED_FIFO", 1},
    {"SCHED_RR", 2},
    {"SCHED_BATCH", 3},
    {"SCHED_IDLE", 5},
    {"SCHED_DEADLINE", 6},
};

// struct user_desc's bit-fields (x86's asm/ldt.h, set_thread_area(2) and modify_ldt(2)):
// each one's mask within the 32-bit unit the description keeps as the member `flags`,
// checked by setting the field in a compiled struct and reading the unit back. Only x86 has
// the struct; lm only where __x86_64__ is defined (x86_64, x32).
inline constexpr ConstantRow user_desc_bit_rows[] = {
    {"seg_32bit", absent, {x86, 0x1}},
    {"contents", absent, {x86, 0x6}},
    {"read_exec_only", absent, {x86, 0x8}},
    {"limit_in_pages", absent, {x86, 0x10}},
    {"seg_not_present", absent, {x86, 0x20}},
    {"useable", absent, {x86, 0x40}},
    {"lm", absent, {abi_bit(Abi::x86_64) | abi_bit(Abi::x32), 0x80}},
};
// clang-format on

// The "no limit" of struct rlimit (~0UL: the long's width; mips o32 keeps it positive)
// and of struct rlimit64; one vocabulary each, as both are ~0 on the 64-bit ABIs.
inline constexpr ConstantRow rlimit_infinity_rows[] = {
    {"RLIM_INFINITY", -1, {mips, 0x7fffffff}, {ilp32, 0xffffffff}},
};
inline constexpr ConstantRow rlimit64_infinity_rows[] = {
    {"RLIM64_INFINITY", -1},
};

inline constexpr std::string_view headers_process_uapi =
    "linux/sched.h linux/wait.h linux/futex.h linux/prctl.h linux/time.h linux/resource.h "
    "linux/random.h";

// System V IPC (linux/ipc.h, linux/sem.h, linux/shm.h, linux/msg.h): the key that makes a new
// object, the flags of semget, msgget and shmget (their low nine bits are the mode), the
// commands of semctl, shmctl and msgctl (the common ones, then each call's own), and the flag
// that asks for the 64-bit layouts.
inline constexpr ConstantRow ipc_key_rows[] = {
    {"IPC_PRIVATE", 0},
};
inline constexpr ConstantRow ipc_get_flag_rows[] = {
    {"IPC_CREAT", 01000},
    {"IPC_EXCL", 02000},
    {"IPC_NOWAIT", 04000},
};
inline constexpr ConstantRow shm_get_flag_rows[] = {
    {"SHM_HUGETLB", 04000},
    {"SHM_NORESERVE", 010000},
};
inline constexpr ConstantRow ipc_command_rows[] = {
    {"IPC_RMID", 0},
    {"IPC_SET", 1},
    {"IPC_STAT", 2},
    {"IPC_INFO", 3},
};
inline constexpr ConstantRow sem_command_rows[] = {
    {"GETPID", 11}, {"GETVAL", 12}, {"GETALL", 13},   {"GETNCNT", 14},  {"GETZCNT", 15},
    {"SETVAL", 16}, {"SETALL", 17}, {"SEM_STAT", 18}, {"SEM_INFO", 19}, {"SEM_STAT_ANY", 20},
};
inline constexpr ConstantRow shm_command_rows[] = {
    {"SHM_LOCK", 11}, {"SHM_UNLOCK", 12}, {"SHM_STAT", 13}, {"SHM_INFO", 14}, {"SHM_STAT_ANY", 15},
};
inline constexpr ConstantRow msg_command_rows[] = {
    {"MSG_STAT", 11},
    {"MSG_INFO", 12},
    {"MSG_STAT_ANY", 13},
};
inline constexpr ConstantRow ipc_version_rows[] = {
    {"IPC_64", 0x100},
};

inline constexpr std::string_view headers_ipc_uapi =
    "linux/ipc.h linux/sem.h linux/shm.h linux/msg.h";

}  // namespace rows

namespace vocab {
inline constexpr Vocabulary ipc_keys{"ipc_keys", VocabularyKind::values, rows::headers_ipc_uapi,
                                     HeaderSide::uapi, rows::ipc_key_rows};
inline constexpr Vocabulary ipc_get_flags{"ipc_get_flags", VocabularyKind::flags,
                                          rows::headers_ipc_uapi, HeaderSide::uapi,
                                          rows::ipc_get_flag_rows};
inline constexpr Vocabulary shm_get_flags{"shm_get_flags", VocabularyKind::flags,
                                          rows::headers_ipc_uapi, HeaderSide::uapi,
                                          rows::shm_get_flag_rows};
inline constexpr Vocabulary ipc_commands{"ipc_commands", VocabularyKind::values,
                                         rows::headers_ipc_uapi, HeaderSide::uapi,
                                         rows::ipc_command_rows};
inline constexpr Vocabulary sem_commands{"sem_commands", VocabularyKind::values,
                                         rows::headers_ipc_uapi, HeaderSide::uapi,
                                         rows::sem_command_rows};
inline constexpr Vocabulary shm_commands{"shm_commands", VocabularyKind::values,
                                         rows::headers_ipc_uapi, HeaderSide::uapi,
                                         rows::shm_command_rows};
inline constexpr Vocabulary msg_commands{"msg_commands", VocabularyKind::values,
                                         rows::headers_ipc_uapi, HeaderSide::uapi,
                                         rows::msg_command_rows};
inline constexpr Vocabulary ipc_versions{"ipc_versions", VocabularyKind::flags,
                                         rows::headers_ipc_uapi, HeaderSide::uapi,
                                         rows::ipc_version_rows};
inline constexpr Vocabulary clone_flags{"clone_flags", VocabularyKind::flags,
                                        rows::headers_process_uapi, HeaderSide::uapi,
                                        rows::clone_flag_rows};
inline constexpr Vocabulary wait_options{"wait_options", VocabularyKind::flags,
                                         rows::headers_process_uapi, HeaderSide::uapi,
                                         rows::wait_option_rows};
inline constexpr Vocabulary futex_ops{"futex_ops", VocabularyKind::values,
                                      rows::headers_process_uapi, HeaderSide::uapi,
                                      rows::futex_op_rows};
inline constexpr Vocabulary futex_op_flags{"futex_op_flags", VocabularyKind::flags,
                                           rows::headers_process_uapi, HeaderSide::uapi,
                                           rows::futex_op_flag_rows};
inline constexpr Vocabulary prctl_options{"prctl_options", VocabularyKind::values,
                                          rows::headers_process_uapi, HeaderSide::uapi,
                                          rows::prctl_option_rows};
inline constexpr Vocabulary rlimit_resources{"rlimit_resources", VocabularyKind::values,
                                             rows::headers_process_uapi, HeaderSide::uapi,
                                             rows::rlimit_resource_rows};
inline constexpr Vocabulary rlimit_infinity{"rlimit_infinity", VocabularyKind::values,
                                            rows::headers_process_uapi, HeaderSide::uapi,
                                            rows::rlimit_infinity_rows};
inline constexpr Vocabulary rlimit64_infinity{"rlimit64_infinity", VocabularyKind::values,
                                              rows::headers_process_uapi, HeaderSide::uapi,
                                              rows::rlimit64_infinity_rows};
inline constexpr Vocabulary getrandom_flags{"getrandom_flags", VocabularyKind::flags,
                                            rows::headers_process_uapi, HeaderSide::uapi,
                                            rows::getrandom_flag_rows};
inline constexpr Vocabulary clock_ids{"clock_ids", VocabularyKind::values,
                                      rows::headers_process_uapi, HeaderSide::uapi,
                                      rows::clock_id_rows};
inline constexpr Vocabulary itimer_which{"itimer_which", VocabularyKind::values,
                                         rows::headers_process_uapi, HeaderSide::uapi,
                                         rows::itimer_which_rows};
inline constexpr Vocabulary rusage_who{"rusage_who", VocabularyKind::values,
                                       rows::headers_process_uapi, HeaderSide::uapi,
                                       rows::rusage_who_rows};
inline constexpr Vocabulary wait_id_types{"wait_id_types", VocabularyKind::values,
                                          rows::headers_process_uapi, HeaderSide::uapi,
                                          rows::wait_id_type_rows};
inline constexpr Vocabulary priority_which{"priority_which", VocabularyKind::values,
                                           rows::headers_process_uapi, HeaderSide::uapi,
                                           rows::priority_which_rows};
inline constexpr Vocabulary futex_bitsets{"futex_bitsets", VocabularyKind::values,
                                          rows::headers_process_uapi, HeaderSide::uapi,
                                          rows::futex_bitset_rows};
inline constexpr Vocabulary sched_policies{"sched_policies", VocabularyKind::values, "sched.h",
                                           HeaderSide::libc, rows::sched_policy_rows};
inline constexpr Vocabulary user_desc_bits{
    "user_desc_bits", VocabularyKind::flags,    "asm/ldt.h",
    HeaderSide::uapi, rows::user_desc_bit_rows, "user_desc.flags"};
}  // namespace vocab

}  // namespace syscompat::abi
