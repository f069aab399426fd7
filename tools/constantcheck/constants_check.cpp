#include "constants_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "syscompat/abi/layout.hpp"

namespace syscompat::constantcheck {

using abi::Abi;

namespace {

std::string shown(std::int64_t value) {
  return value < 0 ? std::to_string(value) : fmt::format("{:#x}", value);
}

// One probe: the constants of one side (UAPI headers alone, or glibc's).
probe::UnitResult check_side(const CheckInput& input, const probe::Toolchain& toolchain,
                             const std::string& dir, abi::HeaderSide side) {
  probe::UnitResult result;
  const Abi a = toolchain.abi;
  const std::string compiler(probe::compiler_name(toolchain.compiler));
  std::vector<const Entry*> entries;
  std::vector<std::string> headers, names;
  for (const auto& entry : input.entries) {
    if (entry.abi != a || entry.side != side || !entry.bit_fields_of.empty()) continue;
    entries.push_back(&entry);
    names.push_back(entry.name);
    probe::add_headers(headers, entry.headers);
  }
  if (entries.empty()) return result;
  const bool libc = side == abi::HeaderSide::libc;
  const std::string prelude = libc ? "#define _GNU_SOURCE 1\n#include <sys/types.h>\n"
                                   : "#include <stddef.h>\n#include <linux/types.h>\n";
  const std::string stem =
      fmt::format("{}/{}-{}-constants-{}", dir, abi::abi_name(a), compiler, libc ? "libc" : "uapi");
  const probe::MacroValues probed =
      probe::probe_macros(toolchain, prelude, headers, names, "(long long)", stem);
  if (!probed.problem.empty()) {
    result.problem = probed.problem;
    return result;
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = *entries[i];
    const auto& header = probed.values[i];
    if (!header && !entry.value) continue;  // absent on both sides
    ++result.checked;
    const std::string name = entry.vocabulary + " " + entry.name;
    if (!header)
      result.mismatches.push_back(
          {a, compiler, name,
           fmt::format("in the table as {}, not in the {} headers ({})", shown(*entry.value),
                       probed.headers.str(), entry.headers)});
    else if (!entry.value)
      result.mismatches.push_back({a, compiler, name,
                                   fmt::format("in the headers as {}, absent from the table",
                                               shown(static_cast<std::int64_t>(*header)))});
    else if (static_cast<std::int64_t>(*header) != *entry.value)
      result.mismatches.push_back({a, compiler, name,
                                   fmt::format("value: table {}, headers {}", shown(*entry.value),
                                               shown(static_cast<std::int64_t>(*header)))});
  }
  result.line = probed.headers.str();
  return result;
}

// The bit-fields of one ABI: each field the table has there set to all ones in a compiled
// struct of the header's, its unit (the described member `bit_fields_of` names) read back as
// the field's mask; each field the table says the ABI lacks compiled alone, which must fail.
probe::UnitResult check_bit_fields(const CheckInput& input, const probe::Toolchain& toolchain,
                                   const std::string& dir) {
  probe::UnitResult result;
  const Abi a = toolchain.abi;
  const std::string compiler(probe::compiler_name(toolchain.compiler));
  std::size_t unit = 0;
  for (const auto& entry : input.entries) {
    if (entry.abi != a || entry.bit_fields_of.empty()) continue;
    const std::string name = entry.vocabulary + " " + entry.name;
    const auto dot = entry.bit_fields_of.find('.');
    const abi::StructLayout* layout =
        abi::find_struct_layout(a, entry.bit_fields_of.substr(0, dot));
    const abi::FieldLayout* word = nullptr;
    if (layout && layout->present && dot != std::string::npos)
      for (const auto& field : layout->fields)
        if (field.name == entry.bit_fields_of.substr(dot + 1)) word = &field;
    if (!word) {  // the struct is absent on this ABI: so must its fields be
      if (entry.value)
        result.mismatches.push_back({a, compiler, name,
                                     fmt::format("in the table as {}, but {} is absent on this ABI",
                                                 shown(*entry.value), entry.bit_fields_of)});
      continue;
    }
    ++result.checked;
    std::string code = "#include <stddef.h>\n#include <linux/types.h>\n";
    std::vector<std::string> headers;
    probe::add_headers(headers, layout->probe.headers);
    for (const auto& header : headers) code += "#include <" + header + ">\n";
    code += fmt::format(
        "const union {{ {0} s; unsigned char b[sizeof({0})]; }} syscompat_bits = "
        "{{ .s = {{ .{1} = ~0ull }} }};\n",
        layout->probe.c_type, entry.name);
    const probe::ProbeResult probed = probe::compile_probe(
        toolchain, code, fmt::format("{}/{}-{}-bits-{}", dir, abi::abi_name(a), compiler, unit++));
    const auto bytes = probed.object.data.find("syscompat_bits");
    if (!probed.problem.empty() || bytes == probed.object.data.end() ||
        bytes->second.size() < word->offset + word->size) {
      if (entry.value)
        result.mismatches.push_back(
            {a, compiler, name,
             fmt::format("in the table as {}, not a field of {} in {}", shown(*entry.value),
                         layout->probe.c_type, layout->probe.headers)});
      continue;
    }
    std::uint64_t mask = 0;
    for (std::size_t i = 0; i < word->size && i < 8; ++i) {
      const std::uint8_t byte = bytes->second[word->offset + i];
      mask |= std::uint64_t{byte} << (8 * (probed.object.big_endian ? word->size - 1 - i : i));
    }
    if (!entry.value)
      result.mismatches.push_back({a, compiler, name,
                                   fmt::format("in the headers as {}, absent from the table",
                                               shown(static_cast<std::int64_t>(mask)))});
    else if (static_cast<std::int64_t>(mask) != *entry.value)
      result.mismatches.push_back({a, compiler, name,
                                   fmt::format("mask: table {}, headers {}", shown(*entry.value),
                                               shown(static_cast<std::int64_t>(mask)))});
  }
  return result;
}

std::vector<Entry> entries(const std::vector<Abi>& abis) {
  std::vector<Entry> entries;
  for (Abi a : abis)
    for (const abi::Vocabulary* vocabulary : abi::vocabularies())
      for (const auto& row : vocabulary->rows)
        entries.push_back({a, std::string(vocabulary->name), std::string(row.name),
                           std::string(vocabulary->headers), vocabulary->side,
                           abi::constant_value(row, a), std::string(vocabulary->bit_fields_of)});
  return entries;
}

std::vector<std::string> table_errors() {
  return abi::constant_table_errors();
}

// Two probes per toolchain (UAPI, glibc), merged into one line.
probe::UnitResult unit(const CheckInput& input, const probe::Toolchain& toolchain,
                       const std::string& dir) {
  probe::UnitResult result = check_side(input, toolchain, dir, abi::HeaderSide::uapi);
  const probe::UnitResult libc = check_side(input, toolchain, dir, abi::HeaderSide::libc);
  const probe::UnitResult bits = check_bit_fields(input, toolchain, dir);
  if (result.problem.empty()) result.problem = libc.problem;
  const std::string release = result.line;
  for (const auto* more : {&libc, &bits}) {
    result.checked += more->checked;
    result.mismatches.insert(result.mismatches.end(), more->mismatches.begin(),
                             more->mismatches.end());
  }
  result.line = fmt::format("{:<9} {:<6} {} constants checked, {} agree (the {} headers, glibc's)",
                            abi::abi_name(toolchain.abi), probe::compiler_name(toolchain.compiler),
                            result.checked, result.checked - result.mismatches.size(), release);
  return result;
}

}  // namespace

const probe::HeaderTable<Entry> table{"constants", "constants",  "the kernel's own sources",
                                      entries,     table_errors, unit};

int print_markdown(std::ostream& out) {
  out << "# Constant vocabularies\n\n"
         "Generated by `syscompat constants --markdown` from the description "
         "(`abi/include/syscompat/abi/constants/`, notation in "
         "`abi/include/syscompat/abi/constant_types.hpp`); every "
         "value is checked against each ABI's headers with gcc and clang by "
         "`syscompat constants --check` (the kernel's UAPI headers; glibc's for what only "
         "glibc exports: socket families, types, levels, msg flags, access modes). The trace "
         "decoder names arguments and results with them. — means the ABI has no such "
         "constant.\n";
  for (const abi::Vocabulary* vocabulary : abi::vocabularies()) {
    out << "\n## " << vocabulary->name << "\n\n"
        << (!vocabulary->bit_fields_of.empty() ? "bit-fields (each one's mask in the unit `" +
                                                     std::string(vocabulary->bit_fields_of) + "`)"
            : vocabulary->kind == abi::VocabularyKind::flags ? "flags"
                                                             : "values")
        << ", from `" << vocabulary->headers << "`\n\n| name |";
    for (Abi a : abi::all_abis) out << " " << abi::abi_name(a) << " |";
    out << "\n|---|";
    for (std::size_t i = 0; i < abi::all_abis.size(); ++i) out << "---:|";
    out << "\n";
    for (const auto& row : vocabulary->rows) {
      out << "| `" << row.name.view() << "` |";
      for (Abi a : abi::all_abis) {
        const auto value = abi::constant_value(row, a);
        out << " " << (value ? shown(*value) : "—") << " |";
      }
      out << "\n";
    }
  }
  return 0;
}

}  // namespace syscompat::constantcheck
