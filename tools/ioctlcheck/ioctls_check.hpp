// The ioctl table checked against the kernel UAPI headers of every ABI: each request's
// macro, expanded by the ABI's gcc and clang (its _IOC, its struct's sizeof there), read
// back from a compiled probe and compared with the number the description derives.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "header_check.hpp"
#include "syscompat/abi/ioctls.hpp"

namespace syscompat::ioctlcheck {

struct Entry {
  abi::Abi abi;
  std::string name;
  std::string header;
  std::uint32_t number;
  // where its argument's struct is declared, when the request's header does not include it
  // (asm/ioctls.h takes sizeof(struct termios2) without declaring it)
  std::string struct_headers;
  // probed beside glibc's headers: its header or its struct's includes glibc's (linux/if.h
  // includes <sys/socket.h>, linux/input.h <sys/time.h>), which clash with linux/time.h's
  bool beside_libc = false;
  std::optional<abi::Release> since;  // newer than the headers: not in them
};

// The table's part of the shared checker.
extern const probe::HeaderTable<Entry> table;
using Check = probe::HeaderCheck<Entry, table>;
using CheckInput = Check::Input;
using probe::Report;

}  // namespace syscompat::ioctlcheck
