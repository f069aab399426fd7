// `syscompat layout --verify`: a user's own struct definitions (an emulator's target structs,
// a libc binding's) checked against the description on every ABI, compile-only, with the
// probes `layout --check` uses. clang's AST of the header names its structs and members; the
// compilers' own answers (offsetof, sizeof, alignment, signedness) are compared with the
// description's, entry by entry.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "layout_check.hpp"

namespace syscompat::layoutcheck {

// The map file: a user's names for the description's structs and fields, one rule a line.
//   target_stat64 = stat64                 a struct
//   target_stat64.st_dev_ = st_dev         a field of it (`*.NAME` in every struct)
//   target_* = *                           one `*` on each side: a prefix or suffix
// `#` starts a comment. A name without a rule is the description's own.
class NameMap {
 public:
  struct Rule {
    bool field = false;       // a field rule (else a struct rule)
    std::string user_struct;  // a field rule's struct: the user's name, or "*"
    std::string user;         // the user's name (of the struct, or of the field)
    std::string ours;         // the description's
    int line = 0;
  };
  // Throws std::invalid_argument("FILE:LINE: ...") on a malformed line or a struct rule that
  // names no struct of the description.
  static NameMap parse(const std::string& text, const std::string& file);

  // The description struct a user struct (by any of its names) stands for, if any.
  std::optional<std::string> struct_for(const std::vector<std::string>& names) const;
  // The description's name for a user field; the field's own name when no rule maps it.
  std::string field_for(const std::string& user_struct, const std::string& field,
                        const abi::StructLayout& ours) const;
  const std::vector<Rule>& rules() const { return rules_; }
  const std::string& file() const { return file_; }

 private:
  std::vector<Rule> rules_;
  std::string file_;
};

struct VerifyInput {
  std::string header;              // the user's header, an absolute path
  std::vector<std::string> flags;  // -I DIR, -D NAME[=VALUE] for every compile
  std::vector<abi::Abi> abis;
  NameMap map;
  std::vector<Toolchain> toolchains;
};

// One value of a user's struct that is not the description's.
struct Difference {
  abi::Abi abi;
  std::string compiler;
  std::string subject;  // the user's "target_stat64.st_ino"
  std::string ours;     // the description's "stat64.st_ino"
  std::string what;     // "offset", "size", "align", "signed", "type class", "missing", ...
  std::string expected;
  std::string actual;
};

struct VerifyReport {
  std::vector<Difference> differences;
  std::vector<std::string> problems;   // failed compiles, unused map rules, nothing compared
  std::vector<std::string> compared;   // "target_stat64 = stat64: i386 arm_eabi mips_o32"
  std::vector<std::string> unmatched;  // the header's structs the description has no entry for
  std::vector<std::string> notes;      // not compared, and why (bit-fields, absent on an ABI)
  std::size_t abis = 0;
  std::size_t structs_compared = 0;
  std::size_t fields_checked = 0;

  bool ok() const { return differences.empty() && problems.empty(); }
};

VerifyReport verify(const VerifyInput& input, unsigned jobs);
void print_verify_report(const VerifyReport& report, std::ostream& out);

}  // namespace syscompat::layoutcheck
