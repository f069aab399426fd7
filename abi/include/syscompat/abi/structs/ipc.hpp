// SysV IPC (semaphores, message queues, shared memory) and POSIX message queue structs.
#pragma once

#include <type_traits>

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

SYSCOMPAT_STRUCT(sembuf, "sembuf", uapi("linux/sem.h", "struct sembuf"),
                 (sem_num, c_ushort),
                 (sem_op, c_short),
                 (sem_flg, c_short));

// asm-generic/ipcbuf.h, which every modelled ABI's asm/ipcbuf.h includes (mips too in 6.1).
// __pad1 is `unsigned char[4 - sizeof(__kernel_mode_t)]`: 2 bytes where mode_t is 16-bit,
// a zero-length array elsewhere.
SYSCOMPAT_STRUCT(ipc64_perm, "ipc64_perm", uapi("linux/ipc.h", "struct ipc64_perm"),
                 (key, kernel_key),
                 (uid, kernel_uid32),
                 (gid, kernel_gid32),
                 (cuid, kernel_uid32),
                 (cgid, kernel_gid32),
                 (mode, kernel_mode),
                 (__pad1, c_uchar[2], M::params.mode_size == 2),
                 (seq, c_ushort),
                 (__pad2, c_ushort),
                 (__unused1, kernel_ulong),
                 (__unused2, kernel_ulong));

// semid64_ds: x86 (asm/sembuf.h, #ifdef __i386__), asm-generic/sembuf.h (arm, aarch64,
// riscv64; #if __BITS_PER_LONG == 64) and mips (asm/sembuf.h, the !__mips64 one).
SYSCOMPAT_STRUCT(semid64_ds_x86, "semid64_ds", uapi("linux/sem.h", "struct semid64_ds"),
                 (sem_perm, ipc64_perm<M>),
                 (sem_otime, c_ulong, M::abi == Abi::i386),
                 (sem_otime_high, c_ulong, M::abi == Abi::i386),
                 (sem_ctime, c_ulong, M::abi == Abi::i386),
                 (sem_ctime_high, c_ulong, M::abi == Abi::i386),
                 (sem_otime_64, kernel_long, M::abi != Abi::i386, "sem_otime"),
                 (__unused1, kernel_ulong, M::abi != Abi::i386),
                 (sem_ctime_64, kernel_long, M::abi != Abi::i386, "sem_ctime"),
                 (__unused2, kernel_ulong, M::abi != Abi::i386),
                 (sem_nsems, kernel_ulong),
                 (__unused3, kernel_ulong),
                 (__unused4, kernel_ulong));

// copy_compat_*_to_user, IPC_64: each 64-bit time split into lower_32_bits and
// upper_32_bits.
#define SYSCOMPAT_DETAIL_SPLIT_TIME(name)                                              \
  MemberRule{.member = #name, .narrowing = Narrowing::truncate}, \
      MemberRule{.member = #name "_high", .from = #name, .high_half = true}
template <class M>
inline constexpr std::array member_rules<semid64_ds_x86<M>>{SYSCOMPAT_DETAIL_SPLIT_TIME(sem_otime),
                                                          SYSCOMPAT_DETAIL_SPLIT_TIME(sem_ctime)};

SYSCOMPAT_STRUCT(semid64_ds_generic, "semid64_ds", uapi("linux/sem.h", "struct semid64_ds"),
                 (sem_perm, ipc64_perm<M>),
                 (sem_otime_64, c_long, M::is_64bit, "sem_otime"),
                 (sem_ctime_64, c_long, M::is_64bit, "sem_ctime"),
                 (sem_otime, c_ulong, !M::is_64bit),
                 (sem_otime_high, c_ulong, !M::is_64bit),
                 (sem_ctime, c_ulong, !M::is_64bit),
                 (sem_ctime_high, c_ulong, !M::is_64bit),
                 (sem_nsems, c_ulong),
                 (__unused3, c_ulong),
                 (__unused4, c_ulong));

// mips o32 keeps the old field order and puts the time halves at the end.
SYSCOMPAT_STRUCT(semid64_ds_mips, "semid64_ds", uapi("linux/sem.h", "struct semid64_ds"),
                 (sem_perm, ipc64_perm<M>),
                 (sem_otime, c_ulong),
                 (sem_ctime, c_ulong),
                 (sem_nsems, c_ulong),
                 (sem_otime_high, c_ulong),
                 (sem_ctime_high, c_ulong));

template <class M>
using semid64_ds = std::conditional_t<
    M::abi == Abi::i386 || M::abi == Abi::x86_64 || M::abi == Abi::x32, semid64_ds_x86<M>,
    std::conditional_t<M::abi == Abi::mips_o32, semid64_ds_mips<M>, semid64_ds_generic<M>>>;

// msqid64_ds: asm-generic/msgbuf.h (i386, x86_64, arm, aarch64, riscv64; #if
// __BITS_PER_LONG == 64), x86's own for x32 (asm/msgbuf.h, the x86_64 layout) and mips
// (asm/msgbuf.h, the __MIPSEB__ one: the high halves first). msg_cbytes is named in text
// (msg_current_bytes in C++): glibc's <sys/msg.h> #defines it to __msg_cbytes, which would
// rename the member, and hide it from its rule, wherever that header came first.
SYSCOMPAT_STRUCT(msqid64_ds_generic, "msqid64_ds", uapi("linux/msg.h", "struct msqid64_ds"),
                 (msg_perm, ipc64_perm<M>),
                 (msg_stime_64, c_long, M::is_64bit, "msg_stime"),
                 (msg_rtime_64, c_long, M::is_64bit, "msg_rtime"),
                 (msg_ctime_64, c_long, M::is_64bit, "msg_ctime"),
                 (msg_stime, c_ulong, !M::is_64bit),
                 (msg_stime_high, c_ulong, !M::is_64bit),
                 (msg_rtime, c_ulong, !M::is_64bit),
                 (msg_rtime_high, c_ulong, !M::is_64bit),
                 (msg_ctime, c_ulong, !M::is_64bit),
                 (msg_ctime_high, c_ulong, !M::is_64bit),
                 (msg_current_bytes, c_ulong, true, "msg_cbytes"),
                 (msg_qnum, c_ulong),
                 (msg_qbytes, c_ulong),
                 (msg_lspid, kernel_pid),
                 (msg_lrpid, kernel_pid),
                 (__unused4, c_ulong),
                 (__unused5, c_ulong));

SYSCOMPAT_STRUCT(msqid64_ds_x32, "msqid64_ds", uapi("linux/msg.h", "struct msqid64_ds"),
                 (msg_perm, ipc64_perm<M>),
                 (msg_stime, kernel_long),
                 (msg_rtime, kernel_long),
                 (msg_ctime, kernel_long),
                 (msg_current_bytes, kernel_ulong, true, "msg_cbytes"),
                 (msg_qnum, kernel_ulong),
                 (msg_qbytes, kernel_ulong),
                 (msg_lspid, kernel_pid),
                 (msg_lrpid, kernel_pid),
                 (__unused4, kernel_ulong),
                 (__unused5, kernel_ulong));

SYSCOMPAT_STRUCT(msqid64_ds_mipseb, "msqid64_ds", uapi("linux/msg.h", "struct msqid64_ds"),
                 (msg_perm, ipc64_perm<M>),
                 (msg_stime_high, c_ulong),
                 (msg_stime, c_ulong),
                 (msg_rtime_high, c_ulong),
                 (msg_rtime, c_ulong),
                 (msg_ctime_high, c_ulong),
                 (msg_ctime, c_ulong),
                 (msg_current_bytes, c_ulong, true, "msg_cbytes"),
                 (msg_qnum, c_ulong),
                 (msg_qbytes, c_ulong),
                 (msg_lspid, kernel_pid),
                 (msg_lrpid, kernel_pid),
                 (__unused4, c_ulong),
                 (__unused5, c_ulong));

template <class M>
inline constexpr std::array member_rules<msqid64_ds_generic<M>>{
    SYSCOMPAT_DETAIL_SPLIT_TIME(msg_stime), SYSCOMPAT_DETAIL_SPLIT_TIME(msg_rtime),
    SYSCOMPAT_DETAIL_SPLIT_TIME(msg_ctime)};

template <class M>
using msqid64_ds = std::conditional_t<
    M::abi == Abi::x32, msqid64_ds_x32<M>,
    std::conditional_t<M::abi == Abi::mips_o32, msqid64_ds_mipseb<M>, msqid64_ds_generic<M>>>;

// shmid64_ds: asm-generic/shmbuf.h (i386, x86_64, arm, aarch64, riscv64; #if
// __BITS_PER_LONG == 64), x86's own for x32 (asm/shmbuf.h) and mips (asm/shmbuf.h, the
// !__mips64 one: 16-bit time high halves at the end).
SYSCOMPAT_STRUCT(shmid64_ds_generic, "shmid64_ds", uapi("linux/shm.h", "struct shmid64_ds"),
                 (shm_perm, ipc64_perm<M>),
                 (shm_segsz, kernel_size),
                 (shm_atime_64, c_long, M::is_64bit, "shm_atime"),
                 (shm_dtime_64, c_long, M::is_64bit, "shm_dtime"),
                 (shm_ctime_64, c_long, M::is_64bit, "shm_ctime"),
                 (shm_atime, c_ulong, !M::is_64bit),
                 (shm_atime_high, c_ulong, !M::is_64bit),
                 (shm_dtime, c_ulong, !M::is_64bit),
                 (shm_dtime_high, c_ulong, !M::is_64bit),
                 (shm_ctime, c_ulong, !M::is_64bit),
                 (shm_ctime_high, c_ulong, !M::is_64bit),
                 (shm_cpid, kernel_pid),
                 (shm_lpid, kernel_pid),
                 (shm_nattch, c_ulong),
                 (__unused4, c_ulong),
                 (__unused5, c_ulong));

// The header's shm_segsz is __kernel_size_t, 4 bytes on x32 (__BITS_PER_LONG is 32), but
// x32's shmctl is the native x86_64 one, which writes an 8-byte size_t there (the header's
// next member is 8-aligned, so only the width differs): kernel_ulong is the kernel's view.
SYSCOMPAT_STRUCT(shmid64_ds_x32, "shmid64_ds", uapi("linux/shm.h", "struct shmid64_ds"),
                 (shm_perm, ipc64_perm<M>),
                 (shm_segsz, kernel_ulong),
                 (shm_atime, kernel_long),
                 (shm_dtime, kernel_long),
                 (shm_ctime, kernel_long),
                 (shm_cpid, kernel_pid),
                 (shm_lpid, kernel_pid),
                 (shm_nattch, kernel_ulong),
                 (__unused4, kernel_ulong),
                 (__unused5, kernel_ulong));

SYSCOMPAT_STRUCT(shmid64_ds_mips, "shmid64_ds", uapi("linux/shm.h", "struct shmid64_ds"),
                 (shm_perm, ipc64_perm<M>),
                 (shm_segsz, kernel_size),
                 (shm_atime, c_ulong),
                 (shm_dtime, c_ulong),
                 (shm_ctime, c_ulong),
                 (shm_cpid, kernel_pid),
                 (shm_lpid, kernel_pid),
                 (shm_nattch, c_ulong),
                 (shm_atime_high, c_ushort),
                 (shm_dtime_high, c_ushort),
                 (shm_ctime_high, c_ushort),
                 (__unused1, c_ushort));

template <class M>
inline constexpr std::array member_rules<shmid64_ds_generic<M>>{
    SYSCOMPAT_DETAIL_SPLIT_TIME(shm_atime), SYSCOMPAT_DETAIL_SPLIT_TIME(shm_dtime),
    SYSCOMPAT_DETAIL_SPLIT_TIME(shm_ctime)};

template <class M>
using shmid64_ds = std::conditional_t<
    M::abi == Abi::x32, shmid64_ds_x32<M>,
    std::conditional_t<M::abi == Abi::mips_o32, shmid64_ds_mips<M>, shmid64_ds_generic<M>>>;

// What IPC_INFO and the *_INFO commands write: the limits of the IPC namespace.
SYSCOMPAT_STRUCT(seminfo, "seminfo", uapi("linux/sem.h", "struct seminfo"),
                 (semmap, c_int),
                 (semmni, c_int),
                 (semmns, c_int),
                 (semmnu, c_int),
                 (semmsl, c_int),
                 (semopm, c_int),
                 (semume, c_int),
                 (semusz, c_int),
                 (semvmx, c_int),
                 (semaem, c_int));

SYSCOMPAT_STRUCT(msginfo, "msginfo", uapi("linux/msg.h", "struct msginfo"),
                 (msgpool, c_int),
                 (msgmap, c_int),
                 (msgmax, c_int),
                 (msgmnb, c_int),
                 (msgmni, c_int),
                 (msgssz, c_int),
                 (msgtql, c_int),
                 (msgseg, c_ushort));

// x86's asm/shmbuf.h declares it with __kernel_ulong_t (8 bytes on x32), asm-generic's with
// unsigned long: the same type everywhere else.
SYSCOMPAT_STRUCT(shminfo64, "shminfo64", uapi("linux/shm.h", "struct shminfo64"),
                 (shmmax, kernel_ulong),
                 (shmmin, kernel_ulong),
                 (shmmni, kernel_ulong),
                 (shmseg, kernel_ulong),
                 (shmall, kernel_ulong),
                 (__unused1, kernel_ulong),
                 (__unused2, kernel_ulong),
                 (__unused3, kernel_ulong),
                 (__unused4, kernel_ulong));

// copy_compat_shminfo_to_user first caps shmmax at INT_MAX, then assigns every member: a C
// truncation.
template <class M>
inline constexpr std::array member_rules<shminfo64<M>>{
    MemberRule{.member = "shmmax", .narrowing = Narrowing::clamp, .max = 0x7fffffff},
    MemberRule{.member = "shmmin", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shmmni", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shmseg", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shmall", .narrowing = Narrowing::truncate}};

SYSCOMPAT_STRUCT(shm_info, "shm_info", uapi("linux/shm.h", "struct shm_info"),
                 (used_ids, c_int),
                 (shm_tot, kernel_ulong),
                 (shm_rss, kernel_ulong),
                 (shm_swp, kernel_ulong),
                 (swap_attempts, kernel_ulong),
                 (swap_successes, kernel_ulong));

template <class M>
inline constexpr std::array member_rules<shm_info<M>>{
    MemberRule{.member = "shm_tot", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_rss", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_swp", .narrowing = Narrowing::truncate},
    MemberRule{.member = "swap_attempts", .narrowing = Narrowing::truncate},
    MemberRule{.member = "swap_successes", .narrowing = Narrowing::truncate}};

SYSCOMPAT_STRUCT(mq_attr, "mq_attr", uapi("linux/mqueue.h", "struct mq_attr"),
                 (mq_flags, kernel_long),
                 (mq_maxmsg, kernel_long),
                 (mq_msgsize, kernel_long),
                 (mq_curmsgs, kernel_long),
                 (__reserved, kernel_long[4]));

// The old (pre-IPC_64) structs of linux/ipc.h, sem.h, msg.h and shm.h. The kernel only
// reads or writes them where it parses the IPC version (ARCH_WANT_IPC_PARSE_VERSION: x86-32,
// arm, mips; the i386 ipc() multiplexer's IPC_OLD path); 64-bit kernels always use the
// *64_ds ones. The pointer members are kernel pointers the kernel never fills in.
inline constexpr FixedString old_ipc_absent = "64-bit kernels always use the IPC_64 layouts";

SYSCOMPAT_STRUCT(ipc_perm_decl, "ipc_perm", uapi("linux/ipc.h", "struct ipc_perm"),
                 (key, kernel_key),
                 (uid, kernel_uid),
                 (gid, kernel_gid),
                 (cuid, kernel_uid),
                 (cgid, kernel_gid),
                 (mode, kernel_mode),
                 (seq, c_ushort));

SYSCOMPAT_STRUCT(semid_ds_decl, "semid_ds", uapi("linux/sem.h", "struct semid_ds"),
                 (sem_perm, ipc_perm_decl<M>),
                 (sem_otime, kernel_old_time),
                 (sem_ctime, kernel_old_time),
                 (sem_base, ptr),
                 (sem_pending, ptr),
                 (sem_pending_last, ptr),
                 (undo, ptr),
                 (sem_nsems, c_ushort));

SYSCOMPAT_STRUCT(msqid_ds_decl, "msqid_ds", uapi("linux/msg.h", "struct msqid_ds"),
                 (msg_perm, ipc_perm_decl<M>),
                 (msg_first, ptr),
                 (msg_last, ptr),
                 (msg_stime, kernel_old_time),
                 (msg_rtime, kernel_old_time),
                 (msg_ctime, kernel_old_time),
                 (msg_lcbytes, c_ulong),
                 (msg_lqbytes, c_ulong),
                 (msg_current_bytes, c_ushort, true, "msg_cbytes"),
                 (msg_qnum, c_ushort),
                 (msg_qbytes, c_ushort),
                 (msg_lspid, kernel_ipc_pid),
                 (msg_lrpid, kernel_ipc_pid));

SYSCOMPAT_STRUCT(shmid_ds_decl, "shmid_ds", uapi("linux/shm.h", "struct shmid_ds"),
                 (shm_perm, ipc_perm_decl<M>),
                 (shm_segsz, c_int),
                 (shm_atime, kernel_old_time),
                 (shm_dtime, kernel_old_time),
                 (shm_ctime, kernel_old_time),
                 (shm_cpid, kernel_ipc_pid),
                 (shm_lpid, kernel_ipc_pid),
                 (shm_nattch, c_ushort),
                 (shm_unused, c_ushort),
                 (shm_unused2, ptr),
                 (shm_unused3, ptr));

// The old IPC_INFO answer of shmctl: ints; shmmax capped at INT_MAX, the rest assigned.
SYSCOMPAT_STRUCT(shminfo_decl, "shminfo", uapi("linux/shm.h", "struct shminfo"),
                 (shmmax, c_int),
                 (shmmin, c_int),
                 (shmmni, c_int),
                 (shmseg, c_int),
                 (shmall, c_int));
template <class M>
inline constexpr std::array member_rules<shminfo_decl<M>>{
    MemberRule{.member = "shmmax", .narrowing = Narrowing::clamp},
    MemberRule{.member = "shmmin", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shmmni", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shmseg", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shmall", .narrowing = Narrowing::truncate}};

// to_compat_ipc_perm: 16-bit ids through SET_UID/SET_GID (overflowuid 65534 where an id
// does not fit), the 32-bit mode assigned into 16 bits.
template <class M>
inline constexpr std::array member_rules<ipc_perm_decl<M>>{
    MemberRule{.member = "uid", .overflow = overflow_id}, MemberRule{.member = "gid", .overflow = overflow_id},
    MemberRule{.member = "cuid", .overflow = overflow_id}, MemberRule{.member = "cgid", .overflow = overflow_id},
    MemberRule{.member = "mode", .narrowing = Narrowing::truncate}};

// copy_compat_*_to_user, the old branch: each member assigned from the IPC_64 one, so a
// value too wide keeps its low bits.
template <class M>
inline constexpr std::array member_rules<semid_ds_decl<M>>{
    MemberRule{.member = "sem_otime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "sem_ctime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "sem_nsems", .narrowing = Narrowing::truncate}};
template <class M>
inline constexpr std::array member_rules<msqid_ds_decl<M>>{
    MemberRule{.member = "msg_stime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_rtime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_ctime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_cbytes", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_qnum", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_qbytes", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_lspid", .narrowing = Narrowing::truncate},
    MemberRule{.member = "msg_lrpid", .narrowing = Narrowing::truncate}};
template <class M>
inline constexpr std::array member_rules<shmid_ds_decl<M>>{
    MemberRule{.member = "shm_segsz", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_atime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_dtime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_ctime", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_nattch", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_cpid", .narrowing = Narrowing::truncate},
    MemberRule{.member = "shm_lpid", .narrowing = Narrowing::truncate}};

template <class M>
using ipc_perm =
    only_on<M, ipc_perm_decl<M>, old_ipc_absent, Abi::i386, Abi::arm_eabi, Abi::mips_o32>;
template <class M>
using semid_ds =
    only_on<M, semid_ds_decl<M>, old_ipc_absent, Abi::i386, Abi::arm_eabi, Abi::mips_o32>;
template <class M>
using msqid_ds =
    only_on<M, msqid_ds_decl<M>, old_ipc_absent, Abi::i386, Abi::arm_eabi, Abi::mips_o32>;
template <class M>
using shmid_ds =
    only_on<M, shmid_ds_decl<M>, old_ipc_absent, Abi::i386, Abi::arm_eabi, Abi::mips_o32>;
template <class M>
using shminfo =
    only_on<M, shminfo_decl<M>, old_ipc_absent, Abi::i386, Abi::arm_eabi, Abi::mips_o32>;

#undef SYSCOMPAT_DETAIL_SPLIT_TIME

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_IPC(X)                                                             \
  X(sembuf)                                                                                  \
  X(ipc64_perm) X(semid64_ds) X(msqid64_ds) X(shmid64_ds) X(mq_attr) X(ipc_perm) X(semid_ds) \
      X(msqid_ds) X(shmid_ds) X(seminfo) X(msginfo) X(shminfo64) X(shm_info) X(shminfo)
