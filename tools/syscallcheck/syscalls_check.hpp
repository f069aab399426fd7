// The syscall table checked against the kernel UAPI headers of every ABI: the header's
// __NR_* names (found with the compiler's -dM) and values (read from a compiled probe).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "header_check.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::syscallcheck {

struct Entry {
  abi::Abi abi;
  std::string name;
  std::uint32_t number;
  abi::Release since;
};

// The table's part of the shared checker.
extern const probe::HeaderTable<Entry> table;
using Check = probe::HeaderCheck<Entry, table>;
using CheckInput = Check::Input;
using probe::Report;

// docs/syscalls.md: every call with its numbers and first release.
int print_markdown(std::ostream& out);

}  // namespace syscompat::syscallcheck
