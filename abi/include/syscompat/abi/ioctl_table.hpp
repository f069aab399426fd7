// The ioctl table's rows, as written in ioctl_rows/*.hpp: the one place each request's
// encoding and argument are stated. Every per-ABI number is derived from the row while the
// library compiles (ioctl_table_data.hpp).
//
// A row is one request:
//
//   {"LOOP_GET_STATUS64", "linux/loop.h", "0x4C05", "out struct loop_info64"}
//   {"FS_IOC_GETFLAGS", "linux/fs.h", "_IOR('f', 1, c_long)", "out c_int"}
//   {"TIOCGPGRP", "asm/ioctls.h", "0x540F | mips_o32 _IOR('t', 119, c_int)", "out c_int"}
//
// The notation (parsed by the constexpr parse_ioctl_encoding / parse_ioctl_argument of
// ioctls.hpp while the library compiles, so a malformed row is a compile error; every
// number checked by `syscompat ioctls --check` against each ABI's headers):
//
//   request  := encoding {'|' ABI encoding}       where an ABI has its own number (mips's
//                                                 old terminal numbers, arm's FIOQSIZE)
//   encoding := NUMBER                            the same number on every ABI
//             | '_IO(' type8 ',' nr ')'
//             | ('_IOR' | '_IOW' | '_IOWR') '(' type8 ',' nr ',' TYPE ')'
//   type8    := 'c' | NUMBER                      the request's type byte
//   argument := ''                                no argument (or one the request ignores)
//             | 'val'                             the argument itself is a value (an fd, a
//                                                 flag, a count): carried in the register
//             | dir TYPE ['+' ELEMENT '[' MEMBER ']']
//                                                 points to TYPE, read (in), written (out)
//                                                 or both (inout); a struct may be followed
//                                                 by as many ELEMENTs (a scalar or 'struct
//                                                 NAME') as its MEMBER says (FIEMAP:
//                                                 'inout struct fiemap + struct
//                                                 fiemap_extent[fm_extent_count]')
//   TYPE     := scalar ['[' N ']'] | 'struct' NAME ['[' N ']']
//   scalar   := a scalar of the description (models.hpp's SYSCOMPAT_SCALARS: c_int,
//               c_ulong, u64, ptr, ...); NAME a described struct
//
// _IOC's size is sizeof(TYPE) on each ABI, so a request whose TYPE holds a long or a
// pointer has a different number on i386 and x86_64 (FS_IOC_GETFLAGS: 0x80046601 and
// 0x80086601); the encoding's TYPE need not be the argument's (FS_IOC_GETFLAGS encodes a
// long and passes an int). `since` is set only for requests newer than the headers the
// checker reads (Debian 12's 6.1): those are numbered from the kernel's own sources.
#pragma once

#include <span>
#include <string_view>

namespace syscompat::abi {

struct IoctlRow {
  std::string_view name;
  std::string_view header;  // the UAPI header that defines it
  std::string_view request;
  std::string_view argument;
  std::string_view since = {};
};

struct IoctlFamily {
  std::string_view name;  // "terminals", "loop and block devices", ...
  std::span<const IoctlRow> rows;
  // Described for i386, x86_64 and x32 only, and why (KVM: each architecture has its own
  // register structs, and 32-bit arm's headers no KVM at all).
  bool x86_only = false;
  std::string_view why_x86_only = {};
};

}  // namespace syscompat::abi

namespace syscompat::abi {

// Requests of the UAPI headers the table leaves out, by group, with why: printed in
// docs/ioctls.md beside what is described.
struct IoctlOmission {
  std::string_view what;
  std::string_view why;
};
std::span<const IoctlOmission> ioctl_omissions();

}  // namespace syscompat::abi
