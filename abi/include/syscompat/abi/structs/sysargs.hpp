// Structs that syscalls take and no earlier group covers: the arguments of i386's old
// multiplexed calls, capabilities, kexec, the newer extensible mount and futex structs.
#pragma once

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/structs/time.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// select's sets: __kernel_fd_set, 1024 bits in longs.
SYSCOMPAT_STRUCT(fd_set, "fd_set", uapi("linux/posix_types.h", "__kernel_fd_set"),
                 (fds_bits, c_ulong[1024 / (8 * sizeof(typename M::c_ulong))]));

// i386's old_mmap (number 90) takes its six arguments in memory: mm/mmap.c declares the
// struct, no header does.
SYSCOMPAT_STRUCT(mmap_arg_struct_decl, "mmap_arg_struct",
                 no_header("kernel-internal, mm/mmap.c (old_mmap)"),
                 (addr, c_ulong),
                 (len, c_ulong),
                 (prot, c_ulong),
                 (flags, c_ulong),
                 (fd, c_ulong),
                 (offset, c_ulong));
template <class M>
using mmap_arg_struct =
    only_on<M, mmap_arg_struct_decl<M>, "only i386's old_mmap takes it", Abi::i386>;

// i386's old_select (number 82) likewise: fs/select.c.
SYSCOMPAT_STRUCT(sel_arg_struct_decl, "sel_arg_struct",
                 no_header("kernel-internal, fs/select.c (old_select)"),
                 (n, c_ulong),
                 (inp, ptr),
                 (outp, ptr),
                 (exp, ptr),
                 (tvp, ptr));
template <class M>
using sel_arg_struct =
    only_on<M, sel_arg_struct_decl<M>, "only i386's old_select takes it", Abi::i386>;

SYSCOMPAT_STRUCT(user_cap_header, "__user_cap_header_struct",
                 uapi("linux/capability.h", "struct __user_cap_header_struct"),
                 (version, u32),
                 (pid, c_int));

SYSCOMPAT_STRUCT(user_cap_data, "__user_cap_data_struct",
                 uapi("linux/capability.h", "struct __user_cap_data_struct"),
                 (effective, u32),
                 (permitted, u32),
                 (inheritable, u32));

SYSCOMPAT_STRUCT(kexec_segment, "kexec_segment", uapi("linux/kexec.h", "struct kexec_segment"),
                 (buf, ptr),
                 (bufsz, kernel_size),
                 (mem, ptr),
                 (memsz, kernel_size));

// mount_setattr's extensible argument (MOUNT_ATTR_SIZE_VER0).
SYSCOMPAT_STRUCT(mount_attr, "mount_attr", uapi("linux/mount.h", "struct mount_attr"),
                 (attr_set, u64),
                 (attr_clr, u64),
                 (propagation, u64),
                 (userns_fd, u64));

SYSCOMPAT_STRUCT(futex_waitv, "futex_waitv", uapi("linux/futex.h", "struct futex_waitv"),
                 (val, u64),
                 (uaddr, u64),
                 (flags, u32),
                 (__reserved, u32));

// msgsnd/msgrcv's message: the type, then mtext, whose length is the call's msgsz.
SYSCOMPAT_STRUCT(msgbuf, "msgbuf", uapi("linux/msg.h", "struct msgbuf"),
                 (mtype, kernel_long),
                 (mtext, c_char[1]));

// The pre-1.0 stat of i386's oldstat/oldfstat/oldlstat (numbers 18, 28, 84).
SYSCOMPAT_STRUCT(old_kernel_stat_decl, "__old_kernel_stat",
                 uapi("asm/stat.h", "struct __old_kernel_stat"),
                 (st_dev, c_ushort),
                 (st_ino, c_ushort),
                 (st_mode, c_ushort),
                 (st_nlink, c_ushort),
                 (st_uid, c_ushort),
                 (st_gid, c_ushort),
                 (st_rdev, c_ushort),
                 (st_size, c_ulong),
                 (st_atime_sec, c_ulong, true, "st_atime"),
                 (st_mtime_sec, c_ulong, true, "st_mtime"),
                 (st_ctime_sec, c_ulong, true, "st_ctime"));
// cp_old_stat assigns each member: old_encode_dev keeps 16 bits of a device, the times their
// low 32 bits, and on a 64-bit kernel the size too (its MAX_NON_LFS check is for 32-bit
// kernels only); the ids go through high2lowuid (65534 when they do not fit); an inode or
// link count that does not fit is EOVERFLOW.
template <class M>
inline constexpr std::optional<Narrowing> kernel_narrowing<old_kernel_stat_decl<M>> =
    Narrowing::truncate;
template <class M>
inline constexpr std::array member_rules<old_kernel_stat_decl<M>>{
    MemberRule{.member = "st_ino", .narrowing = Narrowing::eoverflow},
    MemberRule{.member = "st_nlink", .narrowing = Narrowing::eoverflow},
    MemberRule{.member = "st_uid", .overflow = overflow_id},
    MemberRule{.member = "st_gid", .overflow = overflow_id}};

template <class M>
using old_kernel_stat = only_on<M, old_kernel_stat_decl<M>,
                                "only i386's oldstat, oldfstat and oldlstat use it", Abi::i386>;

// _sysctl's argument (removed from the kernel in 5.5; the number stays).
SYSCOMPAT_STRUCT(sysctl_args, "__sysctl_args",
                 uapi("stddef.h linux/sysctl.h", "struct __sysctl_args"),
                 (name, ptr),
                 (nlen, c_int),
                 (oldval, ptr),
                 (oldlenp, ptr),
                 (newval, ptr),
                 (newlen, kernel_size),
                 (__unused, c_ulong[4]));

// ustat's answer: include/linux/types.h, kernel-internal (glibc dropped <sys/ustat.h>).
// f_tinode is an unsigned long: compat_ino_t for i386 on x86_64, 64-bit for x32, which
// calls the native ustat.
SYSCOMPAT_STRUCT(ustat, "ustat", no_header("kernel-internal, include/linux/types.h"),
                 (f_tfree, kernel_daddr),
                 (f_tinode, kernel_ulong),
                 (f_fname, c_char[6]),
                 (f_fpack, c_char[6]));

// i386's vm86old (number 113): x86's asm/vm86.h. The x86_64 kernel has no vm86 mode, but the
// layout is the i386 ABI's all the same.
SYSCOMPAT_STRUCT(vm86_regs, "vm86_regs", uapi("asm/vm86.h", "struct vm86_regs"),
                 (ebx, c_long), (ecx, c_long), (edx, c_long), (esi, c_long), (edi, c_long),
                 (ebp, c_long), (eax, c_long), (__null_ds, c_long), (__null_es, c_long),
                 (__null_fs, c_long), (__null_gs, c_long), (orig_eax, c_long), (eip, c_long),
                 (cs, c_ushort), (__csh, c_ushort), (eflags, c_long), (esp, c_long),
                 (ss, c_ushort), (__ssh, c_ushort), (es, c_ushort), (__esh, c_ushort),
                 (ds, c_ushort), (__dsh, c_ushort), (fs, c_ushort), (__fsh, c_ushort),
                 (gs, c_ushort), (__gsh, c_ushort));

SYSCOMPAT_STRUCT(revectored_struct, "revectored_struct",
                 uapi("asm/vm86.h", "struct revectored_struct"),
                 (__map, c_ulong[8]));

SYSCOMPAT_STRUCT(vm86_struct_decl, "vm86_struct", uapi("asm/vm86.h", "struct vm86_struct"),
                 (regs, vm86_regs<M>),
                 (flags, c_ulong),
                 (screen_bitmap, c_ulong),
                 (cpu_type, c_ulong),
                 (int_revectored, revectored_struct<M>),
                 (int21_revectored, revectored_struct<M>));
template <class M>
using vm86_struct =
    only_on<M, vm86_struct_decl<M>, "vm86 mode exists on i386 only", Abi::i386>;

// clock_adjtime64's timex on the 32-bit ABIs: linux/timex.h's __kernel_timex, all 64-bit
// times. Its `int :32;` bit-fields are unnamed padding.
SYSCOMPAT_STRUCT(kernel_timex_timeval, "__kernel_timex_timeval",
                 uapi("linux/timex.h", "struct __kernel_timex_timeval"),
                 (tv_sec, kernel_time64),
                 (tv_usec, c_llong));

SYSCOMPAT_STRUCT(kernel_timex, "__kernel_timex", uapi("linux/timex.h", "struct __kernel_timex"),
                 (modes, c_uint), (pad0, Pad<4>), (offset, c_llong), (freq, c_llong),
                 (maxerror, c_llong), (esterror, c_llong), (status, c_int), (pad1, Pad<4>),
                 (constant, c_llong), (precision, c_llong), (tolerance, c_llong),
                 (time, kernel_timex_timeval<M>), (tick, c_llong), (ppsfreq, c_llong),
                 (jitter, c_llong), (shift, c_int), (pad2, Pad<4>), (stabil, c_llong),
                 (jitcnt, c_llong), (calcnt, c_llong), (errcnt, c_llong), (stbcnt, c_llong),
                 (tai, c_int), (reserved, Pad<11 * 4>));

// io_pgetevents' signal argument: fs/aio.c's own declaration.
SYSCOMPAT_STRUCT(aio_sigset, "__aio_sigset", no_header("kernel-internal, fs/aio.c"),
                 (sigmask, ptr),
                 (sigsetsize, kernel_size));

SYSCOMPAT_STRUCT(io_sqring_offsets, "io_sqring_offsets",
                 uapi("linux/io_uring.h", "struct io_sqring_offsets"),
                 (head, u32), (tail, u32), (ring_mask, u32), (ring_entries, u32), (flags, u32),
                 (dropped, u32), (array, u32), (resv1, u32), (resv2, u64));

SYSCOMPAT_STRUCT(io_cqring_offsets, "io_cqring_offsets",
                 uapi("linux/io_uring.h", "struct io_cqring_offsets"),
                 (head, u32), (tail, u32), (ring_mask, u32), (ring_entries, u32), (overflow, u32),
                 (cqes, u32), (flags, u32), (resv1, u32), (resv2, u64));

SYSCOMPAT_STRUCT(io_uring_params, "io_uring_params",
                 uapi("linux/io_uring.h", "struct io_uring_params"),
                 (sq_entries, u32), (cq_entries, u32), (flags, u32), (sq_thread_cpu, u32),
                 (sq_thread_idle, u32), (features, u32), (wq_fd, u32), (resv, u32[3]),
                 (sq_off, io_sqring_offsets<M>), (cq_off, io_cqring_offsets<M>));

// landlock_create_ruleset's extensible argument (the size argument says how much of it the
// caller passes): 6.7 appends handled_access_net, 6.12 scoped.
SYSCOMPAT_STRUCT(landlock_ruleset_attr, "landlock_ruleset_attr",
                 uapi("linux/landlock.h", "struct landlock_ruleset_attr"),
                 (handled_access_fs, u64),
                 (handled_access_net, u64),
                 (scoped, u64));
template <class M>
inline constexpr std::array newer_members<landlock_ruleset_attr<M>>{
    NewerMember{"handled_access_net", {6, 7}, true}, NewerMember{"scoped", {6, 12}, true}};

// landlock_add_rule's rule for LANDLOCK_RULE_PATH_BENEATH: declared packed, 12 bytes on
// every ABI.
SYSCOMPAT_STRUCT(landlock_path_beneath_attr, "landlock_path_beneath_attr",
                 uapi("linux/landlock.h", "struct landlock_path_beneath_attr"),
                 (allowed_access, packed_t<u64>),
                 (parent_fd, packed_t<s32>));

// ... and for LANDLOCK_RULE_NET_PORT (6.7).
SYSCOMPAT_STRUCT(landlock_net_port_attr, "landlock_net_port_attr",
                 uapi_since({6, 7}, "linux/landlock.h", "struct landlock_net_port_attr"),
                 (allowed_access, u64),
                 (port, u64));

// name_to_handle_at's handle: glibc declares it (the kernel's is in include/linux/fs.h);
// f_handle, the handle_bytes long payload, follows.
SYSCOMPAT_STRUCT(file_handle, "file_handle", libc("fcntl.h", "struct file_handle"),
                 (handle_bytes, c_uint),
                 (handle_type, c_int));

// get_kernel_syms (removed in 2.6): kernel/module.c of 2.4.
SYSCOMPAT_STRUCT(kernel_sym, "kernel_sym", no_header("kernel-internal, 2.4's kernel/module.c"),
                 (value, c_ulong),
                 (name, c_char[60]));

// perf_event_open's attributes (PERF_ATTR_SIZE_VER8, 6.3 to at least 6.18; attr.size says which
// version user space passed). Each anonymous union is named by its first member; the u64 of
// flag bit-fields after read_format is unnamed room to offsetof.
SYSCOMPAT_STRUCT(perf_event_attr, "perf_event_attr",
                 uapi("linux/perf_event.h", "struct perf_event_attr"),
                 (type, u32), (size, u32), (config, u64), (sample_period, u64),
                 (sample_type, u64), (read_format, u64), (flags, Pad<8>), (wakeup_events, u32),
                 (bp_type, u32), (bp_addr, u64), (bp_len, u64), (branch_sample_type, u64),
                 (sample_regs_user, u64), (sample_stack_user, u32), (clockid, s32),
                 (sample_regs_intr, u64), (aux_watermark, u32), (sample_max_stack, u16),
                 (__reserved_2, u16), (aux_sample_size, u32), (aux_action, u32),
                 (sig_data, u64), (config3, u64));
// PERF_ATTR_SIZE_VER8 (6.3): config3, the extension of config2. config4 (PERF_ATTR_SIZE_VER9,
// 144 bytes) is in no release up to the running 6.18: it exists only as a patch ("perf: Add
// perf_event_attr::config4", James Clark's Arm SPE FEAT_SPE_FDS series, May 2025), and 6.18's
// perf_copy_attr answers a larger attr with E2BIG and size 136, this entry's
// (tests/unit/kernel_sizes_test.cpp asks it).
// 6.13 made the u32 after aux_sample_size (__reserved_3 before) a union of aux_action and its
// bit-fields (aux_start_paused, aux_pause, aux_resume, the rest __reserved_3): "perf/core: Add
// aux_pause, aux_resume, aux_start_paused", tip perf/core 18d92bb57c39, Nov 2024. The union is
// named by aux_action, as the running kernel's BTF has it (tests/unit/kernel_btf_test.cpp).
template <class M>
inline constexpr std::array newer_members<perf_event_attr<M>>{
    NewerMember{"aux_action", {6, 13}}, NewerMember{"config3", {6, 3}, true}};

// pselect6's sixth argument (fs/select.c): the signal set and its size, packed in memory
// because there are not enough registers.
SYSCOMPAT_STRUCT(sigset_argpack, "sigset_argpack", no_header("kernel-internal, fs/select.c"),
                 (p, ptr),
                 (size, kernel_size));

// The old readdir's single entry: fs/readdir.c.
SYSCOMPAT_STRUCT(old_linux_dirent, "old_linux_dirent", no_header("kernel-internal, fs/readdir.c"),
                 (d_ino, kernel_ulong),
                 (d_offset, kernel_ulong),
                 (d_namlen, c_ushort),
                 (d_name, c_char[1]));

// What rt_sigaction reads on i386 and arm (compat_sigaction, kernel-internal): the mask is
// the 64-bit rt sigset, unlike the old one-word sigaction their UAPI headers declare.
SYSCOMPAT_STRUCT(compat_sigaction_decl, "compat_sigaction",
                 no_header("kernel-internal, include/linux/compat.h"),
                 (handler, ptr, true, "sa_handler"),
                 (sa_flags, c_ulong),
                 (sa_restorer, ptr),
                 (sa_mask, u32[2]));
template <class M>
using compat_sigaction = only_on<M, compat_sigaction_decl<M>,
                                 "rt_sigaction reads it on i386 and arm only", Abi::i386,
                                 Abi::arm_eabi>;

// Newer than the 6.1 headers this machine has: checked by compilers whose headers are that
// new, "not verifiable here" against older ones. All are u32/u64 only, the same on every ABI.
SYSCOMPAT_STRUCT(cachestat_range, "cachestat_range",
                 uapi_since({6, 5}, "linux/mman.h", "struct cachestat_range"),
                 (off, u64),
                 (len, u64));
SYSCOMPAT_STRUCT(cachestat, "cachestat",
                 uapi_since({6, 5}, "linux/mman.h", "struct cachestat"),
                 (nr_cache, u64), (nr_dirty, u64), (nr_writeback, u64), (nr_evicted, u64),
                 (nr_recently_evicted, u64));
// statmount's and listmount's request: the kernel reads `size` first and then that many
// bytes (copy_mnt_id_req), so size says which version the caller passes.
SYSCOMPAT_STRUCT(mnt_id_req, "mnt_id_req",
                 uapi_since({6, 8}, "linux/mount.h", "struct mnt_id_req"),
                 (size, u32),
                 (mnt_ns_fd, u32),
                 (mnt_id, u64),
                 (param, u64),
                 (mnt_ns_id, u64));
// MNT_ID_REQ_SIZE_VER1 (6.11): the mount namespace to look in. 6.18 names the u32 that was
// `spare` mnt_ns_fd, the namespace as a file descriptor (man-pages' statmount.2, "since
// Linux 6.18").
template <class M>
inline constexpr std::array newer_members<mnt_id_req<M>>{
    NewerMember{"mnt_ns_fd", {6, 18}}, NewerMember{"mnt_ns_id", {6, 11}, true}};

// What statmount writes to its buffer (`bufsize` bytes): this fixed part, 512 bytes since
// 6.8, then the strings its [str] members give offsets into. Later releases took members
// from the front of __spare2 (include/uapi/linux/mount.h): mnt_opts (which was __spare1)
// and mnt_ns_id in 6.11; fs_subtype, sb_source and the opt_* arrays in 6.13 (perf's header
// sync 02116fcfd827 after 6.13-rc1); supported_mask and the id maps in 6.15 (commit
// 8f6116b5b77b; man-pages' statmount.2, "since Linux 6.15"). u32 and u64 members at offsets
// their size divides: the same layout on every ABI, so it passes through the translators.
SYSCOMPAT_STRUCT(statmount, "statmount",
                 uapi_since({6, 8}, "linux/mount.h", "struct statmount"),
                 (size, u32), (mnt_opts, u32), (mask, u64), (sb_dev_major, u32),
                 (sb_dev_minor, u32), (sb_magic, u64), (sb_flags, u32), (fs_type, u32),
                 (mnt_id, u64), (mnt_parent_id, u64), (mnt_id_old, u32),
                 (mnt_parent_id_old, u32), (mnt_attr, u64), (mnt_propagation, u64),
                 (mnt_peer_group, u64), (mnt_master, u64), (propagate_from, u64),
                 (mnt_root, u32), (mnt_point, u32), (mnt_ns_id, u64), (fs_subtype, u32),
                 (sb_source, u32), (opt_num, u32), (opt_array, u32), (opt_sec_num, u32),
                 (opt_sec_array, u32), (supported_mask, u64), (mnt_uidmap_num, u32),
                 (mnt_uidmap, u32), (mnt_gidmap_num, u32), (mnt_gidmap, u32),
                 (__spare2, u64[43]));
template <class M>
inline constexpr std::array newer_members<statmount<M>>{
    NewerMember{"mnt_opts", {6, 11}},       NewerMember{"mnt_ns_id", {6, 11}},
    NewerMember{"fs_subtype", {6, 13}},     NewerMember{"sb_source", {6, 13}},
    NewerMember{"opt_num", {6, 13}},        NewerMember{"opt_array", {6, 13}},
    NewerMember{"opt_sec_num", {6, 13}},    NewerMember{"opt_sec_array", {6, 13}},
    NewerMember{"supported_mask", {6, 15}}, NewerMember{"mnt_uidmap_num", {6, 15}},
    NewerMember{"mnt_uidmap", {6, 15}},     NewerMember{"mnt_gidmap_num", {6, 15}},
    NewerMember{"mnt_gidmap", {6, 15}},     NewerMember{"__spare2", {6, 15}}};

// lsm_get_self_attr's and lsm_set_self_attr's context (6.8, include/uapi/linux/lsm.h): the
// calls' ctx argument is a sequence of these, each followed by its ctx_len bytes of context
// and padded to `len`. u64 only: the same on every ABI.
SYSCOMPAT_STRUCT(lsm_ctx, "lsm_ctx", uapi_since({6, 8}, "linux/lsm.h", "struct lsm_ctx"),
                 (id, u64),
                 (flags, u64),
                 (len, u64),
                 (ctx_len, u64));
SYSCOMPAT_STRUCT(xattr_args, "xattr_args",
                 uapi_since({6, 13}, "linux/xattr.h", "struct xattr_args"),
                 (value, aligned_u64),
                 (size, u32),
                 (flags, u32));
SYSCOMPAT_STRUCT(riscv_hwprobe_decl, "riscv_hwprobe",
                 uapi_since({6, 4}, "asm/hwprobe.h", "struct riscv_hwprobe"),
                 (key, s64),
                 (value, u64));
template <class M>
using riscv_hwprobe = only_on<M, riscv_hwprobe_decl<M>, "riscv only", Abi::riscv64>;
SYSCOMPAT_STRUCT(file_attr, "file_attr",
                 uapi_since({6, 17}, "linux/fs.h", "struct file_attr"),
                 (fa_xflags, u64), (fa_extsize, u32), (fa_nextents, u32), (fa_projid, u32),
                 (fa_cowextsize, u32));

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_SYSARGS(X)                                                               \
  X(fd_set)                                                                                        \
  X(mmap_arg_struct) X(sel_arg_struct) X(user_cap_header) X(user_cap_data) X(kexec_segment)        \
      X(mount_attr) X(futex_waitv) X(msgbuf) X(old_kernel_stat) X(sysctl_args) X(ustat)            \
          X(vm86_struct) X(kernel_timex) X(aio_sigset) X(io_uring_params) X(landlock_ruleset_attr) X(landlock_path_beneath_attr) X(landlock_net_port_attr) \
              X(file_handle) X(kernel_sym) X(cachestat_range) X(cachestat) X(mnt_id_req) X(statmount) X(lsm_ctx)           \
                  X(xattr_args) X(file_attr) X(perf_event_attr) X(sigset_argpack)                  \
                      X(old_linux_dirent) X(compat_sigaction) X(riscv_hwprobe)
