// Terminal and pseudo-terminal requests (asm/ioctls.h): the old numbers of
// asm-generic/ioctls.h, which x86, arm, aarch64 and riscv64 share, and mips's own.
#pragma once

#include "syscompat/abi/ioctl_table.hpp"

namespace syscompat::abi {

namespace ioctl_rows {

// One row per request; see ioctl_table.hpp for the notation.
// clang-format off
inline constexpr IoctlRow terminal_rows[] = {
    {"TCGETS", "asm/ioctls.h", "0x5401 | mips_o32 0x540d", "out struct termios"},
    {"TCSETS", "asm/ioctls.h", "0x5402 | mips_o32 0x540e", "in struct termios"},
    {"TCSETSW", "asm/ioctls.h", "0x5403 | mips_o32 0x540f", "in struct termios"},
    {"TCSETSF", "asm/ioctls.h", "0x5404 | mips_o32 0x5410", "in struct termios"},
    {"TCGETA", "asm/ioctls.h", "0x5405 | mips_o32 0x5401", "out struct termio"},
    {"TCSETA", "asm/ioctls.h", "0x5406 | mips_o32 0x5402", "in struct termio"},
    {"TCSETAW", "asm/ioctls.h", "0x5407 | mips_o32 0x5403", "in struct termio"},
    {"TCSETAF", "asm/ioctls.h", "0x5408 | mips_o32 0x5404", "in struct termio"},
    {"TCSBRK", "asm/ioctls.h", "0x5409 | mips_o32 0x5405", "val"},
    {"TCXONC", "asm/ioctls.h", "0x540A | mips_o32 0x5406", "val"},
    {"TCFLSH", "asm/ioctls.h", "0x540B | mips_o32 0x5407", "val"},
    {"TIOCEXCL", "asm/ioctls.h", "0x540C | mips_o32 0x740d", ""},
    {"TIOCNXCL", "asm/ioctls.h", "0x540D | mips_o32 0x740e", ""},
    {"TIOCSCTTY", "asm/ioctls.h", "0x540E | mips_o32 0x5480", "val"},
    {"TIOCGPGRP", "asm/ioctls.h", "0x540F | mips_o32 _IOR('t', 119, c_int)", "out c_int"},
    {"TIOCSPGRP", "asm/ioctls.h", "0x5410 | mips_o32 _IOW('t', 118, c_int)", "in c_int"},
    {"TIOCOUTQ", "asm/ioctls.h", "0x5411 | mips_o32 0x7472", "out c_int"},
    {"TIOCSTI", "asm/ioctls.h", "0x5412 | mips_o32 0x5472", "in c_char"},
    {"TIOCGWINSZ", "asm/ioctls.h", "0x5413 | mips_o32 _IOR('t', 104, struct winsize)", "out struct winsize"},
    {"TIOCSWINSZ", "asm/ioctls.h", "0x5414 | mips_o32 _IOW('t', 103, struct winsize)", "in struct winsize"},
    {"TIOCMGET", "asm/ioctls.h", "0x5415 | mips_o32 0x741d", "out c_int"},
    {"TIOCMBIS", "asm/ioctls.h", "0x5416 | mips_o32 0x741b", "in c_int"},
    {"TIOCMBIC", "asm/ioctls.h", "0x5417 | mips_o32 0x741c", "in c_int"},
    {"TIOCMSET", "asm/ioctls.h", "0x5418 | mips_o32 0x741a", "in c_int"},
    {"TIOCGSOFTCAR", "asm/ioctls.h", "0x5419 | mips_o32 0x5481", "out c_int"},
    {"TIOCSSOFTCAR", "asm/ioctls.h", "0x541A | mips_o32 0x5482", "in c_int"},
    {"FIONREAD", "asm/ioctls.h", "0x541B | mips_o32 0x467f", "out c_int"},
    {"TIOCLINUX", "asm/ioctls.h", "0x541C | mips_o32 0x5483", "inout c_char"},
    {"TIOCCONS", "asm/ioctls.h", "0x541D | mips_o32 _IOW('t', 120, c_int)", ""},
    {"TIOCGSERIAL", "asm/ioctls.h", "0x541E | mips_o32 0x5484", "out struct serial_struct"},
    {"TIOCSSERIAL", "asm/ioctls.h", "0x541F | mips_o32 0x5485", "in struct serial_struct"},
    {"TIOCPKT", "asm/ioctls.h", "0x5420 | mips_o32 0x5470", "in c_int"},
    {"FIONBIO", "asm/ioctls.h", "0x5421 | mips_o32 0x667e", "in c_int"},
    {"TIOCNOTTY", "asm/ioctls.h", "0x5422 | mips_o32 0x5471", ""},
    {"TIOCSETD", "asm/ioctls.h", "0x5423 | mips_o32 0x7401", "in c_int"},
    {"TIOCGETD", "asm/ioctls.h", "0x5424 | mips_o32 0x7400", "out c_int"},
    {"TCSBRKP", "asm/ioctls.h", "0x5425 | mips_o32 0x5486", "val"},
    {"TIOCSBRK", "asm/ioctls.h", "0x5427", ""},
    {"TIOCCBRK", "asm/ioctls.h", "0x5428", ""},
    {"TIOCGSID", "asm/ioctls.h", "0x5429 | mips_o32 0x7416", "out c_int"},
    {"TCGETS2", "asm/ioctls.h", "_IOR('T', 0x2A, struct termios2)", "out struct termios2"},
    {"TCSETS2", "asm/ioctls.h", "_IOW('T', 0x2B, struct termios2)", "in struct termios2"},
    {"TCSETSW2", "asm/ioctls.h", "_IOW('T', 0x2C, struct termios2)", "in struct termios2"},
    {"TCSETSF2", "asm/ioctls.h", "_IOW('T', 0x2D, struct termios2)", "in struct termios2"},
    {"TIOCGRS485", "asm/ioctls.h", "0x542E | mips_o32 _IOR('T', 0x2E, struct serial_rs485)", "out struct serial_rs485"},
    {"TIOCSRS485", "asm/ioctls.h", "0x542F | mips_o32 _IOWR('T', 0x2F, struct serial_rs485)", "inout struct serial_rs485"},
    {"TIOCGPTN", "asm/ioctls.h", "_IOR('T', 0x30, c_uint)", "out c_uint"},
    {"TIOCSPTLCK", "asm/ioctls.h", "_IOW('T', 0x31, c_int)", "in c_int"},
    {"TIOCGDEV", "asm/ioctls.h", "_IOR('T', 0x32, c_uint)", "out c_uint"},
    {"TIOCSIG", "asm/ioctls.h", "_IOW('T', 0x36, c_int)", "val"},
    {"TIOCVHANGUP", "asm/ioctls.h", "0x5437", ""},
    {"TIOCGPKT", "asm/ioctls.h", "_IOR('T', 0x38, c_int)", "out c_int"},
    {"TIOCGPTLCK", "asm/ioctls.h", "_IOR('T', 0x39, c_int)", "out c_int"},
    {"TIOCGEXCL", "asm/ioctls.h", "_IOR('T', 0x40, c_int)", "out c_int"},
    {"TIOCGPTPEER", "asm/ioctls.h", "_IO('T', 0x41)", "val"},
    {"TIOCGISO7816", "asm/ioctls.h", "_IOR('T', 0x42, struct serial_iso7816)", "out struct serial_iso7816"},
    {"TIOCSISO7816", "asm/ioctls.h", "_IOWR('T', 0x43, struct serial_iso7816)", "inout struct serial_iso7816"},
    {"FIONCLEX", "asm/ioctls.h", "0x5450 | mips_o32 0x6602", ""},
    {"FIOCLEX", "asm/ioctls.h", "0x5451 | mips_o32 0x6601", ""},
    {"FIOASYNC", "asm/ioctls.h", "0x5452 | mips_o32 0x667d", "in c_int"},
    {"TIOCSERCONFIG", "asm/ioctls.h", "0x5453 | mips_o32 0x5488", ""},
    {"TIOCSERGWILD", "asm/ioctls.h", "0x5454 | mips_o32 0x5489", "out c_int"},
    {"TIOCSERSWILD", "asm/ioctls.h", "0x5455 | mips_o32 0x548a", "in c_int"},
    {"TIOCGLCKTRMIOS", "asm/ioctls.h", "0x5456 | mips_o32 0x548b", "out struct termios"},
    {"TIOCSLCKTRMIOS", "asm/ioctls.h", "0x5457 | mips_o32 0x548c", "in struct termios"},
    {"TIOCSERGETLSR", "asm/ioctls.h", "0x5459 | mips_o32 0x548e", "out c_uint"},
    {"TIOCMIWAIT", "asm/ioctls.h", "0x545C | mips_o32 0x5491", "val"},
    {"TIOCGICOUNT", "asm/ioctls.h", "0x545D | mips_o32 0x5492", "out struct serial_icounter_struct"},
    {"FIOQSIZE", "asm/ioctls.h", "0x5460 | mips_o32 0x667f | arm_eabi 0x545E", "out kernel_loff"},
};
// clang-format on

inline constexpr IoctlFamily terminal_families[] = {
    {"terminals and ptys", terminal_rows},
};

}  // namespace ioctl_rows

}  // namespace syscompat::abi
