// socket structs: message headers and ancillary data, socket options, socket addresses.
#pragma once

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// The kernel's user_msghdr, mmsghdr and cmsghdr (include/linux/socket.h) are not in the
// UAPI headers; glibc's declarations have the same layout on every ABI here, so they are
// probed instead. x32 goes through the compat (32-bit) msghdr path, which is glibc's x32
// layout: 4-byte pointers and size_t.

// The entry follows the kernel's user_msghdr: int msg_namelen and unsigned msg_flags, where
// glibc has socklen_t and int (same bytes; listed in header_differences.hpp).
SYSCOMPAT_STRUCT(msghdr, "msghdr", libc("sys/socket.h", "struct msghdr"),
                 (msg_name, ptr),
                 (msg_namelen, c_int),
                 (msg_iov, ptr),
                 (msg_iovlen, kernel_size),
                 (msg_control, ptr),
                 (msg_controllen, kernel_size),
                 (msg_flags, c_uint));

SYSCOMPAT_STRUCT(mmsghdr, "mmsghdr", libc("sys/socket.h", "struct mmsghdr"),
                 (msg_hdr, msghdr<M>),
                 (msg_len, c_uint));

// glibc's trailing flexible array __cmsg_data (the payload) adds no bytes and is not a
// field.
SYSCOMPAT_STRUCT(cmsghdr, "cmsghdr", libc("sys/socket.h", "struct cmsghdr"),
                 (cmsg_len, kernel_size),
                 (cmsg_level, c_int),
                 (cmsg_type, c_int));

// SCM_CREDENTIALS payload and SO_PEERCRED value. The kernel declares all three __u32
// (glibc's pid is pid_t: listed in header_differences.hpp).
SYSCOMPAT_STRUCT(ucred, "ucred", libc("sys/socket.h", "struct ucred"),
                 (pid, u32),
                 (uid, u32),
                 (gid, u32));

SYSCOMPAT_STRUCT(linger, "linger", libc("sys/socket.h", "struct linger"),
                 (l_onoff, c_int),
                 (l_linger, c_int));

SYSCOMPAT_STRUCT(sockaddr, "sockaddr", libc("sys/socket.h", "struct sockaddr"),
                 (sa_family, kernel_sa_family),
                 (sa_data, c_char[14]));

// __kernel_sockaddr_storage puts {ss_family, __data} in an anonymous union with a
// `void *__align` that only gives the struct pointer alignment; a field list cannot
// overlap, so that alignment is stated on the struct instead of as a member.
SYSCOMPAT_ALIGNED_STRUCT(sockaddr_storage, "sockaddr_storage", alignof(typename M::ptr),
                         uapi("linux/socket.h", "struct __kernel_sockaddr_storage"),
                         (ss_family, kernel_sa_family),
                         (__data, c_char[126]));

SYSCOMPAT_STRUCT(sockaddr_un, "sockaddr_un", uapi("linux/un.h", "struct sockaddr_un"),
                 (sun_family, kernel_sa_family),
                 (sun_path, c_char[108]));

SYSCOMPAT_STRUCT(in_addr, "in_addr", uapi("linux/in.h", "struct in_addr"),
                 (s_addr, be32));

SYSCOMPAT_STRUCT(sockaddr_in, "sockaddr_in", uapi("linux/in.h", "struct sockaddr_in"),
                 (sin_family, kernel_sa_family),
                 (sin_port, be16),
                 (sin_addr, in_addr<M>),
                 (__pad, c_uchar[8]));

// in6_u: the address as bytes, or (__UAPI_DEF_IN6_ADDR_ALT, set without glibc's
// <netinet/in.h>) as big-endian 16- or 32-bit words.
template <class M>
using in6_u_t = Union<"in6_u", field_t<typename M::u8[16]>, field_t<typename M::be16[8]>,
                      field_t<typename M::be32[4]>>;

SYSCOMPAT_STRUCT(in6_addr, "in6_addr", uapi("linux/in6.h", "struct in6_addr"),
                 (in6_u, in6_u_t<M>));

// sin6_family is a plain unsigned short here, not __kernel_sa_family_t.
SYSCOMPAT_STRUCT(sockaddr_in6, "sockaddr_in6", uapi("linux/in6.h", "struct sockaddr_in6"),
                 (sin6_family, c_ushort),
                 (sin6_port, be16),
                 (sin6_flowinfo, be32),
                 (sin6_addr, in6_addr<M>),
                 (sin6_scope_id, u32));

// linux/filter.h: one classic BPF instruction, and a program (SO_ATTACH_FILTER, seccomp's
// filter mode): its length in instructions and where they are.
SYSCOMPAT_STRUCT(sock_filter, "sock_filter", uapi("linux/filter.h", "struct sock_filter"),
                 (code, u16),
                 (jt, u8),
                 (jf, u8),
                 (k, u32));

SYSCOMPAT_STRUCT(sock_fprog, "sock_fprog", uapi("linux/filter.h", "struct sock_fprog"),
                 (len, c_ushort),
                 (filter, ptr));

// clang-format on

}  // namespace syscompat::abi

// One entry per line (clang-format would refill the list).
// clang-format off
#define SYSCOMPAT_STRUCTS_SOCKET(X) \
  X(msghdr) \
  X(mmsghdr) \
  X(cmsghdr) \
  X(ucred) \
  X(linger) \
  X(sockaddr) \
  X(sockaddr_storage) \
  X(sockaddr_un) \
  X(in_addr) \
  X(sockaddr_in) \
  X(in6_addr) \
  X(sockaddr_in6) \
  X(sock_filter) \
  X(sock_fprog)
// clang-format on
