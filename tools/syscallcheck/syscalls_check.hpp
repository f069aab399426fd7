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

// What is checked: built from the table by description_input(); tests alter a copy.
struct CheckInput {
  std::vector<abi::Abi> abis;
  std::vector<Entry> entries;
  std::vector<std::string> table_errors;
  std::vector<probe::Toolchain> toolchains;
};
CheckInput description_input(const std::vector<abi::Abi>& abis);

using probe::Mismatch;
using probe::Report;

Report check(const CheckInput& input, unsigned jobs = 2);
inline Report check(const std::vector<abi::Abi>& abis) {
  return check(description_input(abis));
}
void print_report(const Report& report, std::ostream& out);

// docs/syscalls.md: every call with its numbers and first release.
int print_markdown(std::ostream& out);

}  // namespace syscompat::syscallcheck
