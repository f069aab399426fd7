#include "ioctls_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "syscompat/abi/layout.hpp"

namespace syscompat::ioctlcheck {

using abi::Abi;

namespace {

// One probe unit: the requests of one side (UAPI headers alone, or beside glibc's).
struct SideResult : probe::UnitResult {
  std::size_t agree = 0;
  abi::Release release;
};

SideResult check_unit(const CheckInput& input, const probe::Toolchain& toolchain,
                      const std::string& dir, bool beside_libc) {
  SideResult result;
  const Abi a = toolchain.abi;
  const std::string compiler(probe::compiler_name(toolchain.compiler));
  std::vector<const Entry*> entries;
  std::vector<std::string> headers, names;
  for (const auto& entry : input.entries) {
    if (entry.abi != a || entry.beside_libc != beside_libc) continue;
    entries.push_back(&entry);
    names.push_back(entry.name);
    probe::add_headers(headers, entry.header + " " + entry.struct_headers);
  }
  // the C types request macros name (BLKBSZGET's size_t, mips's SIOCSPGRP pid_t), as a
  // program using the headers gets them from glibc
  const std::string prelude =
      std::string(beside_libc ? "#define _GNU_SOURCE 1\n#include <sys/types.h>\n"
                              : "#include <stddef.h>\n#include <linux/posix_types.h>\n"
                                "typedef __kernel_pid_t pid_t;\n") +
      "#include <linux/types.h>\n#include <linux/ioctl.h>\n";
  const std::string stem = fmt::format("{}/{}-{}-ioctls-{}", dir, abi::abi_name(a), compiler,
                                       beside_libc ? "libc" : "uapi");
  const probe::MacroValues probed =
      probe::probe_macros(toolchain, prelude, headers, names, "(unsigned int)", stem);
  if (!probed.problem.empty()) {
    result.problem = probed.problem;
    return result;
  }
  result.release = probed.headers;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = *entries[i];
    if (!probed.values[i]) {
      if (entry.since && *entry.since > probed.headers)
        result.newer.push_back(
            fmt::format("{} {:#x} ({})", entry.name, entry.number, entry.since->str()));
      else
        result.mismatches.push_back(
            {a, compiler, entry.name,
             fmt::format("in the table as {:#x}, not in the {} headers ({})", entry.number,
                         probed.headers.str(), entry.header)});
      continue;
    }
    ++result.checked;
    if (*probed.values[i] != entry.number)
      result.mismatches.push_back(
          {a, compiler, entry.name,
           fmt::format("number: table {:#x}, headers {:#x}", entry.number, *probed.values[i])});
    else
      ++result.agree;
  }
  return result;
}

std::vector<Entry> entries(const std::vector<Abi>& abis) {
  std::vector<Entry> entries;
  std::set<std::string> libc_headers;  // headers some struct is probed beside glibc with
  for (const auto& layout : abi::all_struct_layouts())
    if (layout.probe.source == abi::ProbeSource::libc) {
      std::istringstream words{std::string(layout.probe.headers)};
      for (std::string header; words >> header;) libc_headers.insert(header);
    }
  for (Abi a : abis)
    for (const auto& request : abi::ioctls(a)) {
      std::string struct_headers;
      if (!request.arg().struct_name.empty())
        if (const auto* layout = abi::find_struct_layout(a, request.arg().struct_name))
          struct_headers = std::string(layout->probe.headers);
      std::istringstream words(std::string(request.header()) + " " + struct_headers);
      bool beside_libc = false;
      for (std::string header; words >> header;) beside_libc |= libc_headers.count(header) > 0;
      entries.push_back({a, std::string(request.name), std::string(request.header()),
                         request.number, struct_headers, beside_libc, request.since()});
    }
  return entries;
}

// A malformed row does not compile (ioctl_table_data.hpp): nothing is left to find here.
std::vector<std::string> table_errors() {
  return {};
}

// Two probes per toolchain, their results merged into one line.
probe::UnitResult unit(const CheckInput& input, const probe::Toolchain& toolchain,
                       const std::string& dir) {
  SideResult result = check_unit(input, toolchain, dir, false);
  const SideResult libc_side = check_unit(input, toolchain, dir, true);
  if (result.problem.empty()) result.problem = libc_side.problem;
  result.checked += libc_side.checked;
  result.agree += libc_side.agree;
  result.mismatches.insert(result.mismatches.end(), libc_side.mismatches.begin(),
                           libc_side.mismatches.end());
  result.newer.insert(result.newer.end(), libc_side.newer.begin(), libc_side.newer.end());
  result.line =
      fmt::format("{:<9} {:<6} {} requests in the headers, {} agree; {} newer than the {} headers",
                  abi::abi_name(toolchain.abi), probe::compiler_name(toolchain.compiler),
                  result.checked, result.agree, result.newer.size(), result.release.str());
  return static_cast<probe::UnitResult>(result);
}

}  // namespace

const probe::HeaderTable<Entry> table{"ioctls", "requests",   "the kernel's own sources",
                                      entries,  table_errors, unit};

}  // namespace syscompat::ioctlcheck
