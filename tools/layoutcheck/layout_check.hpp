// The layout suite: every described struct and data-model scalar checked against the
// ABI's real compilers and headers, compile-only (nothing is executed, so ABIs this
// machine cannot run are checked too).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
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
  bool gcc_only = false;
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

// What the compilers are asked about a struct and its members, as C expressions whose values
// the probe reads back: the one set of questions `layout --check` asks of the description's
// structs and `layout --verify` of a user's header.
struct Query {
  std::string what;  // "size", "align", "offset", "type class", "signed", "element size", ...
  std::string expr;
  // A member's alignment is gcc's answer only: clang's _Alignof of a member is the
  // alignment known at its address (an i386 long long at offset 8 of rseq, a 32-aligned
  // struct, is 8 there, 4 as a member).
  bool gcc_only = false;
};
// Size and alignment of the C type `type` ("struct stat64", "target_stack_t").
std::vector<Query> record_queries(const std::string& type);
// Offset, size, alignment and type class of `member` of `type`; signedness for an integer;
// element size (and signedness, for integers) for an array.
std::vector<Query> member_queries(const std::string& type, const std::string& member,
                                  abi::FieldKind kind, abi::FieldKind element_kind);
// Where the description does not model its members' own alignment (only their offsets and
// the struct's alignment), with why: the member alignment is not asked there.
bool member_alignment_modelled(abi::Abi abi, std::string_view struct_name);
// The description's answer to a member query about `field`.
std::uint64_t field_expected(const abi::FieldLayout& field, std::string_view what);
// __builtin_classify_type's classes, folded to what the description can tell apart (an
// array member decays to a pointer there; its element size is asked separately).
std::uint64_t fold_type_class(std::uint64_t type_class);
std::uint64_t expected_type_class(abi::FieldKind kind);

}  // namespace syscompat::layoutcheck
