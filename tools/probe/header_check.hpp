// What the checkers of the description against the headers (syscalls, ioctls, constants)
// share: a mismatch, the result of one probe unit per toolchain, the report they gather
// into and print, the probe of macro values, and HeaderCheck, the one shape each checker
// instantiates with its own table.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probe.hpp"
#include "syscompat/abi/syscalls.hpp"

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

// The values of `names` as the headers define them (nullopt: not defined there), each
// converted as `(unsigned long long)(CAST(NAME))`, and the headers' LINUX_VERSION_CODE.
// `prelude` is written before the #includes of `headers`.
struct MacroValues {
  std::string problem;  // set when nothing could be read
  abi::Release headers;
  std::vector<std::optional<std::uint64_t>> values;
};
MacroValues probe_macros(const Toolchain& toolchain, std::string_view prelude,
                         const std::vector<std::string>& headers,
                         const std::vector<std::string>& names, std::string_view cast,
                         const std::string& stem);

// What is checked: built from the description by HeaderCheck::description_input(); tests
// alter a copy (plant a wrong value, add an entry the headers lack).
template <class Entry>
struct CheckInput {
  std::vector<abi::Abi> abis;
  std::vector<Entry> entries;
  std::vector<std::string> table_errors;
  std::vector<Toolchain> toolchains;
};

// What differs between the tables checked against the headers: the report's words
// ("ioctls: 7 ABIs, N requests checked"), where entries newer than the headers are numbered
// from, the table's entries and errors, and the probe of one toolchain.
template <class Entry>
struct HeaderTable {
  std::string_view what, counted, newer_source;
  std::vector<Entry> (*entries)(const std::vector<abi::Abi>& abis);
  std::vector<std::string> (*table_errors)();
  UnitResult (*unit)(const CheckInput<Entry>& input, const Toolchain& toolchain,
                     const std::string& scratch_dir);
};

// One table of the description checked against the headers of every ABI, with gcc and
// clang: each checker is this template over its entry type and table.
template <class Entry, const HeaderTable<Entry>& table>
struct HeaderCheck {
  using Input = CheckInput<Entry>;

  static Input description_input(const std::vector<abi::Abi>& abis) {
    return {abis, table.entries(abis), table.table_errors(), default_toolchains(abis)};
  }
  static Report check(const Input& input, unsigned jobs = 2) {
    return check_toolchains(input.toolchains, input.abis.size(), input.table_errors, jobs,
                            [&](const Toolchain& toolchain, const std::string& dir) {
                              return table.unit(input, toolchain, dir);
                            });
  }
  static Report check(const std::vector<abi::Abi>& abis) { return check(description_input(abis)); }
  static void print_report(const Report& report, std::ostream& out) {
    probe::print_report(report, out, table.what, table.counted, table.newer_source);
  }
};

// Adds each space-separated header of `text` to `headers`, once.
void add_headers(std::vector<std::string>& headers, std::string_view text);

}  // namespace syscompat::probe
