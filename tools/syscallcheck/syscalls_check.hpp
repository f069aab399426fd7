// The syscall table checked against the kernel UAPI headers of every ABI: the header's
// __NR_* names (found with the compiler's -dM) and values (read from a compiled probe).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "probe.hpp"
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

struct Mismatch {
  abi::Abi abi;
  std::string source;  // compiler
  std::string name;
  std::string what;
};

struct Report {
  std::vector<Mismatch> mismatches;
  std::vector<std::string> problems;  // missing compilers, failed probes, table errors
  std::vector<std::string> lines;     // one summary per ABI and compiler
  std::vector<std::string> newer;     // entries newer than the headers, per ABI
  std::size_t abis = 0;
  std::size_t entries_checked = 0;

  std::size_t mismatch_count() const { return mismatches.size() + problems.size(); }
  bool ok() const { return mismatch_count() == 0; }
};

Report check(const CheckInput& input, unsigned jobs = 2);
inline Report check(const std::vector<abi::Abi>& abis) {
  return check(description_input(abis));
}
void print_report(const Report& report, std::ostream& out);

// docs/syscalls.md: every call with its numbers and first release.
int print_markdown(std::ostream& out);

}  // namespace syscompat::syscallcheck
