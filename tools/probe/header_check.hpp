// What the checkers of numbers against headers (syscalls, ioctls) share: a mismatch, the
// result of one probe unit per toolchain, and the report they gather into and print.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "probe.hpp"

namespace syscompat::probe {

struct Mismatch {
  abi::Abi abi;
  std::string source;  // compiler
  std::string name;
  std::string what;
};

// One toolchain's probe of the headers.
struct UnitResult {
  std::string problem;  // set when nothing could be read
  std::vector<Mismatch> mismatches;
  std::string line;                // the toolchain's summary
  std::vector<std::string> newer;  // entries newer than the headers
  std::size_t checked = 0;
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

// Runs `unit` for each toolchain in a scratch directory on `jobs` threads and gathers the
// results, the table's own errors first.
Report check_toolchains(
    const std::vector<Toolchain>& toolchains, std::size_t abis,
    const std::vector<std::string>& table_errors, unsigned jobs,
    const std::function<UnitResult(const Toolchain& toolchain, const std::string& dir)>& unit);

// The report, ending with "WHAT: A ABIs, N COUNTED checked, M mismatches".
void print_report(const Report& report, std::ostream& out, std::string_view what,
                  std::string_view counted, std::string_view newer_source);

}  // namespace syscompat::probe
