// io structs: terminals (termios, termios2, winsize), x86 LDT descriptors (user_desc) and
// the native AIO interface (io_event, iocb). The kernel-internal ktermios is not an ABI.
#pragma once

#include <type_traits>

#include "syscompat/abi/describe.hpp"

namespace syscompat::abi {

// The descriptions keep one member per line, as the C declarations do.
// clang-format off

// NCCS: 19 in asm-generic/termbits.h (x86, arm, aarch64, riscv64), 23 in mips's own
// asm/termbits.h, which otherwise declares termios and termios2 with the same members.
template <class M>
inline constexpr std::size_t termios_nccs = M::abi == Abi::mips_o32 ? 23 : 19;

// termios2 begins with termios's members (it is not nested in C, so neither is it here).
#define SYSCOMPAT_TERMIOS_MEMBERS                                                      \
  (c_iflag, c_uint), (c_oflag, c_uint), (c_cflag, c_uint), (c_lflag, c_uint), (c_line, c_uchar), \
      (c_cc, c_uchar[termios_nccs<M>])

SYSCOMPAT_STRUCT(termios, "termios", uapi("asm/termbits.h", "struct termios"),
                 SYSCOMPAT_TERMIOS_MEMBERS);

// TCGETS2/TCSETS2: termios plus the arbitrary baud rates.
SYSCOMPAT_STRUCT(termios2, "termios2", uapi("asm/termbits.h", "struct termios2"),
                 SYSCOMPAT_TERMIOS_MEMBERS,
                 (c_ispeed, c_uint),
                 (c_ospeed, c_uint));

// asm-generic/termios.h; mips's own asm/termios.h declares it identically.
SYSCOMPAT_STRUCT(winsize, "winsize", uapi("asm/termios.h", "struct winsize"),
                 (ws_row, c_ushort),
                 (ws_col, c_ushort),
                 (ws_xpixel, c_ushort),
                 (ws_ypixel, c_ushort));

// x86's asm/ldt.h (modify_ldt, set_thread_area). After `limit` the header declares
// `unsigned int` bit-fields (seg_32bit:1, contents:2, read_exec_only:1, limit_in_pages:1,
// seg_not_present:1, useable:1, and lm:1 where __x86_64__): one 32-bit unit of flags that
// offsetof cannot reach, hence a Pad<4> named for what it holds.
SYSCOMPAT_STRUCT(user_desc_decl, "user_desc", uapi("asm/ldt.h", "struct user_desc"),
                 (entry_number, c_uint),
                 (base_addr, c_uint),
                 (limit, c_uint),
                 (flags, Pad<4>));

template <class M>
using user_desc =
    only_on<M, user_desc_decl<M>, "x86 only (asm/ldt.h)", Abi::i386, Abi::x86_64, Abi::x32>;

// linux/aio_abi.h: what io_getevents returns.
SYSCOMPAT_STRUCT(io_event, "io_event", uapi("linux/aio_abi.h", "struct io_event"),
                 (data, u64),
                 (obj, u64),
                 (res, s64),
                 (res2, s64));

// linux/aio_abi.h: aio_key and aio_rw_flags share one 64-bit word, aio_key in its low half,
// so big-endian ABIs (mips) declare aio_rw_flags first. __kernel_rwf_t is int.
SYSCOMPAT_STRUCT(iocb, "iocb", uapi("linux/aio_abi.h", "struct iocb"),
                 (aio_data, u64),
                 (aio_key, u32, M::order == ByteOrder::little),
                 (aio_rw_flags, c_int),
                 (aio_key_big_endian, u32, M::order == ByteOrder::big, "aio_key"),
                 (aio_lio_opcode, u16),
                 (aio_reqprio, s16),
                 (aio_fildes, u32),
                 (aio_buf, u64),
                 (aio_nbytes, u64),
                 (aio_offset, s64),
                 (aio_reserved2, u64),
                 (aio_flags, u32),
                 (aio_resfd, u32));

// clang-format on

}  // namespace syscompat::abi

#define SYSCOMPAT_STRUCTS_IO(X) X(termios) X(termios2) X(winsize) X(user_desc) X(io_event) X(iocb)
