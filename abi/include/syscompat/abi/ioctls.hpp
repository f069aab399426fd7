// The ioctls the description knows, with what their argument is: the terminal and file
// requests every program makes. Numbers as asm-generic/ioctls.h gives them, which x86's
// three ABIs share (mips, with its own numbering, is not covered yet).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

struct Ioctl {
  std::string_view name;
  std::uint32_t request;
  // what the third argument is: "" (a value, or unused), a scalar of the signature notation
  // ("int", "loff_t", ...) or "struct NAME", pointed to in direction dir
  std::string_view argument;
  ArgDir dir = ArgDir::in;
};

inline constexpr Ioctl x86_ioctls[] = {
    {"TCGETS", 0x5401, "struct termios", ArgDir::out},
    {"TCSETS", 0x5402, "struct termios", ArgDir::in},
    {"TCSETSW", 0x5403, "struct termios", ArgDir::in},
    {"TCSETSF", 0x5404, "struct termios", ArgDir::in},
    {"TCSBRK", 0x5409, ""},
    {"TCXONC", 0x540A, ""},
    {"TCFLSH", 0x540B, ""},
    {"TIOCSCTTY", 0x540E, ""},
    {"TIOCGPGRP", 0x540F, "pid_t", ArgDir::out},
    {"TIOCSPGRP", 0x5410, "pid_t", ArgDir::in},
    {"TIOCOUTQ", 0x5411, "int", ArgDir::out},
    {"TIOCGWINSZ", 0x5413, "struct winsize", ArgDir::out},
    {"TIOCSWINSZ", 0x5414, "struct winsize", ArgDir::in},
    {"FIONREAD", 0x541B, "int", ArgDir::out},
    {"FIONBIO", 0x5421, "int", ArgDir::in},
    {"TIOCNOTTY", 0x5422, ""},
    {"TIOCGSID", 0x5429, "pid_t", ArgDir::out},
    {"FIONCLEX", 0x5450, ""},
    {"FIOCLEX", 0x5451, ""},
    {"FIOASYNC", 0x5452, "int", ArgDir::in},
    {"FIOQSIZE", 0x5460, "loff_t", ArgDir::out},
};

constexpr const Ioctl* find_x86_ioctl(std::uint32_t request) {
  for (const auto& entry : x86_ioctls)
    if (entry.request == request) return &entry;
  return nullptr;
}

}  // namespace syscompat::abi
