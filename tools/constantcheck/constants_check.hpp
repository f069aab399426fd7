// The constant vocabularies checked against the headers of every ABI: each constant's
// macro, expanded by the ABI's gcc and clang and read back from a compiled probe, compared
// with the row's value there; a constant the table says an ABI lacks must be absent from
// that ABI's headers too. A bit-field (no macro names it) is set in a compiled struct of the
// header's and its unit read back: the mask must be the row's, and a field the table says an
// ABI lacks must not compile there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "header_check.hpp"
#include "syscompat/abi/constants.hpp"

namespace syscompat::constantcheck {

struct Entry {
  abi::Abi abi;
  std::string vocabulary;
  std::string name;
  std::string headers;  // space-separated
  abi::HeaderSide side;
  std::optional<std::int64_t> value;  // nullopt: the table says the ABI lacks it
  std::string bit_fields_of = {};     // a bit-field's mask: "user_desc.flags" (Vocabulary's)
};

// The table's part of the shared checker.
extern const probe::HeaderTable<Entry> table;
using Check = probe::HeaderCheck<Entry, table>;
using CheckInput = Check::Input;
using probe::Report;

// docs/constants.md: every vocabulary with its constants' values per ABI.
int print_markdown(std::ostream& out);

}  // namespace syscompat::constantcheck
