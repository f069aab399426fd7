// Structs that syscalls take and no earlier group covers: the arguments of i386's old
// multiplexed calls, capabilities, kexec, the newer extensible mount and futex structs.
#pragma once

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/structs/time.hpp"

namespace syscompat::abi {

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

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_SYSARGS(X)                                                         \
  X(fd_set) X(mmap_arg_struct) X(sel_arg_struct) X(user_cap_header) X(user_cap_data)        \
  X(kexec_segment) X(mount_attr) X(futex_waitv) X(msgbuf) X(old_kernel_stat) X(sysctl_args)
