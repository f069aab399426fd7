// Process structs: clocks and resource usage, system information, scheduling, robust futex
// lists, rseq and clone3.
#pragma once

#include <cstddef>

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/structs/time.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// adjtimex's old (long-sized) struct; the eleven trailing `int :32;` bit-fields are unnamed,
// so no probe can reach them: one Pad of 44 bytes.
SYSCOMPAT_STRUCT(timex, "timex", uapi("linux/timex.h", "struct timex"),
                 (modes, c_uint),
                 (offset, kernel_long),
                 (freq, kernel_long),
                 (maxerror, kernel_long),
                 (esterror, kernel_long),
                 (status, c_int),
                 (constant, kernel_long),
                 (precision, kernel_long),
                 (tolerance, kernel_long),
                 (time, timeval<M>),
                 (tick, kernel_long),
                 (ppsfreq, kernel_long),
                 (jitter, kernel_long),
                 (shift, c_int),
                 (stabil, kernel_long),
                 (jitcnt, kernel_long),
                 (calcnt, kernel_long),
                 (errcnt, kernel_long),
                 (stbcnt, kernel_long),
                 (tai, c_int),
                 (reserved, Pad<11 * 4>));

SYSCOMPAT_STRUCT(tms, "tms", uapi("linux/times.h", "struct tms"),
                 (tms_utime, kernel_clock),
                 (tms_stime, kernel_clock),
                 (tms_cutime, kernel_clock),
                 (tms_cstime, kernel_clock));

SYSCOMPAT_STRUCT(rusage, "rusage", uapi("linux/resource.h", "struct rusage"),
                 (ru_utime, old_timeval<M>),
                 (ru_stime, old_timeval<M>),
                 (ru_maxrss, kernel_long),
                 (ru_ixrss, kernel_long),
                 (ru_idrss, kernel_long),
                 (ru_isrss, kernel_long),
                 (ru_minflt, kernel_long),
                 (ru_majflt, kernel_long),
                 (ru_nswap, kernel_long),
                 (ru_inblock, kernel_long),
                 (ru_oublock, kernel_long),
                 (ru_msgsnd, kernel_long),
                 (ru_msgrcv, kernel_long),
                 (ru_nsignals, kernel_long),
                 (ru_nvcsw, kernel_long),
                 (ru_nivcsw, kernel_long));

// clang-format on

// put_old_timex32, compat_sys_times (clock_t_to_compat_clock_t) and put_compat_rusage assign
// each member: the low 32 bits of a value that does not fit, never EOVERFLOW.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<timex<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<tms<M>> = Narrowing::truncate;
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<rusage<M>> = Narrowing::truncate;

// clang-format off

SYSCOMPAT_STRUCT(rlimit, "rlimit", uapi("linux/resource.h", "struct rlimit"),
                 (rlim_cur, kernel_ulong),
                 (rlim_max, kernel_ulong));

// put_compat_rlimit: a limit past the 32-bit range is COMPAT_RLIM_INFINITY (0xffffffff).
template <class M>
inline constexpr std::array member_rules<rlimit<M>>{
    MemberRule{.member = "rlim_cur", .narrowing = Narrowing::clamp},
    MemberRule{.member = "rlim_max", .narrowing = Narrowing::clamp}};

SYSCOMPAT_STRUCT(rlimit64, "rlimit64", uapi("linux/resource.h", "struct rlimit64"),
                 (rlim_cur, u64),
                 (rlim_max, u64));

// sysinfo pads itself to libc5's size with
// `char _f[20-2*sizeof(__kernel_ulong_t)-sizeof(__u32)]`: 8 bytes where __kernel_ulong_t is 4,
// a zero-length array (no field, no bytes) where it is 8.
template <class M>
inline constexpr std::size_t sysinfo_f_size = 20 - 2 * M::params.kernel_long_size - 4;
template <class M>
using sysinfo_f_t = Array<typename M::c_char, sysinfo_f_size<M>>;

SYSCOMPAT_STRUCT(sysinfo, "sysinfo", uapi("linux/sysinfo.h", "struct sysinfo"),
                 (uptime, kernel_long),
                 (loads, kernel_ulong[3]),
                 (totalram, kernel_ulong),
                 (freeram, kernel_ulong),
                 (sharedram, kernel_ulong),
                 (bufferram, kernel_ulong),
                 (totalswap, kernel_ulong),
                 (freeswap, kernel_ulong),
                 (procs, u16),
                 (pad, u16),
                 (totalhigh, kernel_ulong),
                 (freehigh, kernel_ulong),
                 (mem_unit, u32),
                 (_f, sysinfo_f_t<M>, sysinfo_f_size<M> != 0));

// uname's three generations: olduname's 9-byte fields, then 65-byte ones without and with
// domainname.
SYSCOMPAT_STRUCT(oldold_utsname, "oldold_utsname",
                 uapi("linux/utsname.h", "struct oldold_utsname"),
                 (sysname, c_char[9]),
                 (nodename, c_char[9]),
                 (release, c_char[9]),
                 (version, c_char[9]),
                 (machine, c_char[9]));

SYSCOMPAT_STRUCT(old_utsname, "old_utsname", uapi("linux/utsname.h", "struct old_utsname"),
                 (sysname, c_char[65]),
                 (nodename, c_char[65]),
                 (release, c_char[65]),
                 (version, c_char[65]),
                 (machine, c_char[65]));

SYSCOMPAT_STRUCT(new_utsname, "new_utsname", uapi("linux/utsname.h", "struct new_utsname"),
                 (sysname, c_char[65]),
                 (nodename, c_char[65]),
                 (release, c_char[65]),
                 (version, c_char[65]),
                 (machine, c_char[65]),
                 (domainname, c_char[65]));

SYSCOMPAT_STRUCT(sched_param, "sched_param", uapi("linux/sched/types.h", "struct sched_param"),
                 (sched_priority, c_int));

// The extensible sched_setattr struct at SCHED_ATTR_SIZE_VER1 (56 bytes); `size` says which
// version user space passed.
SYSCOMPAT_STRUCT(sched_attr, "sched_attr", uapi("linux/sched/types.h", "struct sched_attr"),
                 (size, u32),
                 (sched_policy, u32),
                 (sched_flags, u64),
                 (sched_nice, s32),
                 (sched_priority, u32),
                 (sched_runtime, u64),
                 (sched_deadline, u64),
                 (sched_period, u64),
                 (sched_util_min, u32),
                 (sched_util_max, u32));

SYSCOMPAT_STRUCT(robust_list, "robust_list", uapi("linux/futex.h", "struct robust_list"),
                 (next, ptr));

SYSCOMPAT_STRUCT(robust_list_head, "robust_list_head",
                 uapi("linux/futex.h", "struct robust_list_head"),
                 (list, robust_list<M>),
                 (futex_offset, c_long),
                 (list_op_pending, ptr));

// __attribute__((aligned(4 * sizeof(__u64)))): 32 bytes, so the area never crosses a cache line.
SYSCOMPAT_ALIGNED_STRUCT(rseq, "rseq", 32, uapi("linux/rseq.h", "struct rseq"),
                         (cpu_id_start, u32),
                         (cpu_id, u32),
                         (rseq_cs, u64),
                         (flags, u32),
                         (node_id, u32),
                         (mm_cid, u32));
// 6.3 (include/uapi/linux/rseq.h): the NUMA node and the concurrency id, inside the
// 32-byte alignment's room, so the size stays.
template <class M>
inline constexpr std::array newer_members<rseq<M>>{NewerMember{"node_id", {6, 3}},
                                                   NewerMember{"mm_cid", {6, 3}}};

// clone3's extensible argument (CLONE_ARGS_SIZE_VER2, 88 bytes); __aligned_u64 keeps i386's
// layout the same as the 64-bit ABIs'.
SYSCOMPAT_STRUCT(clone_args, "clone_args", uapi("linux/sched.h", "struct clone_args"),
                 (flags, aligned_u64),
                 (pidfd, aligned_u64),
                 (child_tid, aligned_u64),
                 (parent_tid, aligned_u64),
                 (exit_signal, aligned_u64),
                 (stack, aligned_u64),
                 (stack_size, aligned_u64),
                 (tls, aligned_u64),
                 (set_tid, aligned_u64),
                 (set_tid_size, aligned_u64),
                 (cgroup, aligned_u64));

// PTRACE_GETREGS/SETREGS's general registers: each architecture's own declaration (glibc's
// sys/user.h where the UAPI has none for user space; asm/ptrace.h on riscv and mips).
SYSCOMPAT_STRUCT(user_regs_i386, "user_regs_struct",
                 libc("sys/user.h", "struct user_regs_struct"),
                 (ebx, c_long), (ecx, c_long), (edx, c_long), (esi, c_long), (edi, c_long),
                 (ebp, c_long), (eax, c_long), (xds, c_long), (xes, c_long), (xfs, c_long),
                 (xgs, c_long), (orig_eax, c_long), (eip, c_long), (xcs, c_long),
                 (eflags, c_long), (esp, c_long), (xss, c_long));

// What a 32-bit tracer's PTRACE_GETREGS gives of any tracee (arch/x86/kernel/ptrace.c,
// getreg32's R32 and segment cases): each register is the low 32 bits of the 64-bit one
// named here, read the same way (get_segment_reg, get_flags) as the native getreg does.
// putreg32 stores each back zero-extended.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<user_regs_i386<M>> =
    Narrowing::truncate;
template <class M>
inline constexpr std::array member_rules<user_regs_i386<M>>{
    MemberRule{.member = "ebx", .from = "rbx"},
    MemberRule{.member = "ecx", .from = "rcx"},
    MemberRule{.member = "edx", .from = "rdx"},
    MemberRule{.member = "esi", .from = "rsi"},
    MemberRule{.member = "edi", .from = "rdi"},
    MemberRule{.member = "ebp", .from = "rbp"},
    MemberRule{.member = "eax", .from = "rax"},
    MemberRule{.member = "xds", .from = "ds"},
    MemberRule{.member = "xes", .from = "es"},
    MemberRule{.member = "xfs", .from = "fs"},
    MemberRule{.member = "xgs", .from = "gs"},
    MemberRule{.member = "orig_eax", .from = "orig_rax"},
    MemberRule{.member = "eip", .from = "rip"},
    MemberRule{.member = "xcs", .from = "cs"},
    MemberRule{.member = "esp", .from = "rsp"},
    MemberRule{.member = "xss", .from = "ss"}};

// x86_64's, which x32 shares (its ptrace is the 64-bit one).
SYSCOMPAT_STRUCT(user_regs_x86_64, "user_regs_struct",
                 libc("sys/user.h", "struct user_regs_struct"),
                 (r15, c_ullong), (r14, c_ullong), (r13, c_ullong), (r12, c_ullong),
                 (rbp, c_ullong), (rbx, c_ullong), (r11, c_ullong), (r10, c_ullong),
                 (r9, c_ullong), (r8, c_ullong), (rax, c_ullong), (rcx, c_ullong),
                 (rdx, c_ullong), (rsi, c_ullong), (rdi, c_ullong), (orig_rax, c_ullong),
                 (rip, c_ullong), (cs, c_ullong), (eflags, c_ullong), (rsp, c_ullong),
                 (ss, c_ullong), (fs_base, c_ullong), (gs_base, c_ullong), (ds, c_ullong),
                 (es, c_ullong), (fs, c_ullong), (gs, c_ullong));

// arm's pt_regs as glibc names it: r0-r15, cpsr, ORIG_r0.
SYSCOMPAT_STRUCT(user_regs_arm, "user_regs_struct", libc("sys/user.h", "struct user_regs"),
                 (uregs, c_ulong[18]));

SYSCOMPAT_STRUCT(user_regs_aarch64, "user_regs_struct",
                 libc("sys/user.h", "struct user_regs_struct"),
                 (regs, c_ullong[31]), (sp, c_ullong), (pc, c_ullong), (pstate, c_ullong));

SYSCOMPAT_STRUCT(user_regs_riscv64, "user_regs_struct",
                 uapi("asm/ptrace.h", "struct user_regs_struct"),
                 (pc, c_ulong), (ra, c_ulong), (sp, c_ulong), (gp, c_ulong), (tp, c_ulong),
                 (t0, c_ulong), (t1, c_ulong), (t2, c_ulong), (s0, c_ulong), (s1, c_ulong),
                 (a0, c_ulong), (a1, c_ulong), (a2, c_ulong), (a3, c_ulong), (a4, c_ulong),
                 (a5, c_ulong), (a6, c_ulong), (a7, c_ulong), (s2, c_ulong), (s3, c_ulong),
                 (s4, c_ulong), (s5, c_ulong), (s6, c_ulong), (s7, c_ulong), (s8_reg, c_ulong, true, "s8"),
                 (s9, c_ulong), (s10, c_ulong), (s11, c_ulong), (t3, c_ulong), (t4, c_ulong),
                 (t5, c_ulong), (t6, c_ulong));

// (riscv's s8 is also the description's name for the signed byte: the member is s8_reg.)
// mips: 64-bit words even on o32 (ptrace_getregs writes each with __put_user as u64).
SYSCOMPAT_STRUCT(user_regs_mips, "user_regs_struct", uapi("asm/ptrace.h", "struct pt_regs"),
                 (regs, u64[32]), (lo, u64), (hi, u64), (cp0_epc, u64), (cp0_badvaddr, u64),
                 (cp0_status, u64), (cp0_cause, u64));

template <class M>
using user_regs_struct = std::conditional_t<
    M::abi == Abi::i386, user_regs_i386<M>,
    std::conditional_t<
        M::abi == Abi::x86_64 || M::abi == Abi::x32, user_regs_x86_64<M>,
        std::conditional_t<
            M::abi == Abi::arm_eabi, user_regs_arm<M>,
            std::conditional_t<M::abi == Abi::aarch64, user_regs_aarch64<M>,
                               std::conditional_t<M::abi == Abi::riscv64, user_regs_riscv64<M>,
                                                  user_regs_mips<M>>>>>>;

// PTRACE_GETFPREGS/SETFPREGS's x87 state. i386's is the fsave image the kernel's compat path
// builds from the fxsave one (user_i387_ia32_struct, arch/x86/kernel/fpu/regset.c's
// convert_from_fxsr/convert_to_fxsr: 16-bit words widened to 32, st registers 10 bytes
// each); x86_64's is the fxsave image itself (user_i387_struct, 512 bytes).
SYSCOMPAT_STRUCT(user_fpregs_i386, "user_fpregs_struct",
                 libc("sys/user.h", "struct user_fpregs_struct"),
                 (cwd, c_long), (swd, c_long), (twd, c_long), (fip, c_long), (fcs, c_long),
                 (foo, c_long), (fos, c_long), (st_space, c_long[20]));

SYSCOMPAT_STRUCT(user_fpregs_x86_64, "user_fpregs_struct",
                 libc("sys/user.h", "struct user_fpregs_struct"),
                 (cwd, c_ushort), (swd, c_ushort), (ftw, c_ushort), (fop, c_ushort),
                 (rip, c_ullong), (rdp, c_ullong), (mxcsr, c_uint), (mxcr_mask, c_uint),
                 (st_space, c_uint[32]), (xmm_space, c_uint[64]), (padding, c_uint[24]));

template <class M>
using user_fpregs_struct =
    only_on<M, std::conditional_t<M::abi == Abi::i386, user_fpregs_i386<M>, user_fpregs_x86_64<M>>,
            "x86 only (sys/user.h)", Abi::i386, Abi::x86_64, Abi::x32>;

// i386's PTRACE_GETFPXREGS/SETFPXREGS: the fxsave image (user32_fxsr_struct, 512 bytes),
// with the x87 instruction and operand pointers as 32-bit words.
SYSCOMPAT_STRUCT(user_fpxregs_decl, "user_fpxregs_struct",
                 libc("sys/user.h", "struct user_fpxregs_struct"),
                 (cwd, c_ushort), (swd, c_ushort), (twd, c_ushort), (fop, c_ushort),
                 (fip, c_long), (fcs, c_long), (foo, c_long), (fos, c_long), (mxcsr, c_long),
                 (reserved, c_long), (st_space, c_long[32]), (xmm_space, c_long[32]),
                 (padding, c_long[56]));

template <class M>
using user_fpxregs_struct =
    only_on<M, user_fpxregs_decl<M>, "i386 only (sys/user.h)", Abi::i386>;

// The user area PTRACE_PEEKUSER/POKEUSER address (struct user; the kernel's user32 for a
// 32-bit tracer, asm/user32.h): the general registers, then fields the kernel answers 0 for
// and ignores, then the debug registers (u_debugreg, ptrace_get_debugreg/set_debugreg).
SYSCOMPAT_STRUCT(user_area_i386, "user", libc("sys/user.h", "struct user"),
                 (regs, user_regs_i386<M>), (u_fpvalid, c_int), (i387, user_fpregs_i386<M>),
                 (u_tsize, c_ulong), (u_dsize, c_ulong), (u_ssize, c_ulong),
                 (start_code, c_ulong), (start_stack, c_ulong), (signal, c_long),
                 (reserved, c_int), (u_ar0, ptr), (u_fpstate, ptr), (magic, c_ulong),
                 (u_comm, c_char[32]), (u_debugreg, c_int[8]));

// x86_64's (asm/user_64.h), which x32 shares: glibc keeps u_ar0 and u_fpstate 8 bytes wide
// on x32 through a union with a 64-bit word, the member described here.
SYSCOMPAT_STRUCT(user_area_x86_64, "user", libc("sys/user.h", "struct user"),
                 (regs, user_regs_x86_64<M>), (u_fpvalid, c_int),
                 (i387, user_fpregs_x86_64<M>), (u_tsize, c_ullong), (u_dsize, c_ullong),
                 (u_ssize, c_ullong), (start_code, c_ullong), (start_stack, c_ullong),
                 (signal, c_llong), (reserved, c_int), (__u_ar0_word, c_ullong),
                 (__u_fpstate_word, c_ullong), (magic, c_ullong), (u_comm, c_char[32]),
                 (u_debugreg, c_ullong[8]));

template <class M>
using user_area =
    only_on<M, std::conditional_t<M::abi == Abi::i386, user_area_i386<M>, user_area_x86_64<M>>,
            "x86 only (sys/user.h)", Abi::i386, Abi::x86_64, Abi::x32>;

// PTRACE_GET_SYSCALL_INFO's answer (linux/ptrace.h). Its anonymous union's arms all start at
// offset 24: entry (nr, args[6]), exit (rval, is_error) and seccomp, the largest, described
// here. Every member lies where its size divides the offset, so i386 has x86_64's layout
// but for the tail padding (84 bytes, 88 on x86_64): the kernel writes the bytes it fills
// (ptrace_get_syscall_info's actual_size) for any tracer, and a compat one needs no
// conversion. The names are the 6.1 header's, which the layout suite checks here.
SYSCOMPAT_STRUCT(ptrace_syscall_info_seccomp, "ptrace_syscall_info_seccomp",
                 uapi("linux/ptrace.h", "__typeof__(((struct ptrace_syscall_info *)0)->seccomp)"),
                 (nr, u64),
                 (args, u64[6]),
                 (ret_data, u32));

SYSCOMPAT_STRUCT(ptrace_syscall_info, "ptrace_syscall_info",
                 uapi("linux/ptrace.h", "struct ptrace_syscall_info"),
                 (op, u8),
                 (pad, u8[3]),
                 (arch, u32),
                 (instruction_pointer, u64),
                 (stack_pointer, u64),
                 (seccomp, ptrace_syscall_info_seccomp<M>));

// PTRACE_GET_RSEQ_CONFIGURATION's answer: one layout everywhere (24 bytes).
SYSCOMPAT_STRUCT(ptrace_rseq_configuration, "ptrace_rseq_configuration",
                 uapi("linux/ptrace.h", "struct ptrace_rseq_configuration"),
                 (rseq_abi_pointer, u64),
                 (rseq_abi_size, u32),
                 (signature, u32),
                 (flags, u32),
                 (pad, u32));

// clang-format on

}  // namespace syscompat::abi

// One entry per line (clang-format would refill the list).
// clang-format off
#define SYSCOMPAT_STRUCTS_PROCESS(X) \
  X(timex) \
  X(tms) \
  X(rusage) \
  X(rlimit) \
  X(rlimit64) \
  X(sysinfo) \
  X(oldold_utsname) \
  X(old_utsname) \
  X(new_utsname) \
  X(sched_param) \
  X(sched_attr) \
  X(robust_list) \
  X(robust_list_head) \
  X(rseq) \
  X(clone_args) \
  X(user_regs_struct) \
  X(user_fpregs_struct) \
  X(user_fpxregs_struct) \
  X(user_area) \
  X(ptrace_syscall_info_seccomp) \
  X(ptrace_syscall_info) \
  X(ptrace_rseq_configuration)
// clang-format on
