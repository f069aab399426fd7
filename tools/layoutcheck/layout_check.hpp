// The layout suite: every described struct and data-model scalar checked against the
// ABI's real compilers and headers, compile-only (nothing is executed, so ABIs this
// machine cannot run are checked too).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "probe.hpp"
#include "syscompat/abi/header_differences.hpp"
#include "syscompat/abi/layout.hpp"

namespace syscompat::layoutcheck {

using probe::Compiler;
using probe::compiler_name;
using probe::default_toolchains;
using probe::Toolchain;

// What is checked. Built from the description by description_input(); tests alter a copy
// (a wrong offset, a dropped field, a flipped byte order) to see the checker catch it.
struct CheckInput {
  std::vector<abi::Abi> abis;
  std::vector<abi::StructLayout> structs;
  std::vector<abi::ModelLayout> models;
  std::vector<abi::HeaderDifference> known_differences;
  std::vector<Toolchain> toolchains;
};

CheckInput description_input(const std::vector<abi::Abi>& abis);

struct Mismatch {
  abi::Abi abi;
  std::string source;   // "gcc", "clang", or "description" for checks of the description itself
  std::string subject;  // "stat64.st_ino", "scalar kernel_mode", "byte order"
  std::string what;     // "offset", "size", "signed", ...
  std::string expected;
  std::string actual;
  std::string known_reason;  // set when a header difference explains it
};

struct Report {
  std::vector<Mismatch> mismatches;   // known ones included, marked
  std::vector<std::string> problems;  // missing compilers, failed compiles, stale known entries
  std::size_t structs = 0;
  std::size_t abis = 0;
  std::size_t fields_checked = 0;
  // What no header here can check: structs no header declares (why), and structs and
  // members newer than the headers a compiler brought (their release and file), by subject.
  std::map<std::string, std::string> not_verifiable;
  std::string tables;  // the per-ABI tables, for printing

  std::size_t mismatch_count() const;  // unexplained mismatches plus problems
  bool ok() const { return mismatch_count() == 0; }
};

Report check(const CheckInput& input, unsigned jobs);
void print_report(const Report& report, std::ostream& out);

// The probe source for one ABI and one header source; exposed for tests and debugging.
struct ProbeValue {
  std::string subject;
  std::string what;
  std::uint64_t expected;
  // Set for a value of a declaration newer than some headers: the probe reads it only where
  // the headers are of this release or later, and gives not_verifiable_value elsewhere.
  abi::KernelRelease since = {};
  std::string source;  // "6.10's include/uapi/linux/stat.h", where `since` is set
};
inline constexpr std::uint64_t not_verifiable_value = ~std::uint64_t{0};
struct ProbeUnit {
  abi::Abi abi;
  abi::ProbeSource source;
  std::string code;
  std::vector<ProbeValue> values;
  bool has_byte_order_samples = false;
};
std::vector<ProbeUnit> make_probe_units(const CheckInput& input);

}  // namespace syscompat::layoutcheck
