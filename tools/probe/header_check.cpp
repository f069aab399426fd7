#include "header_check.hpp"

#include <fmt/format.h>

#include <ostream>

namespace syscompat::probe {

Report check_toolchains(
    const std::vector<Toolchain>& toolchains, std::size_t abis,
    const std::vector<std::string>& table_errors, unsigned jobs,
    const std::function<UnitResult(const Toolchain& toolchain, const std::string& dir)>& unit) {
  Report report;
  report.abis = abis;
  for (const auto& error : table_errors) report.problems.push_back("table: " + error);
  const ScratchDir dir;
  if (!dir.ok()) {
    report.problems.push_back("cannot create a temporary directory");
    return report;
  }
  std::vector<UnitResult> results(toolchains.size());
  run_parallel(toolchains.size(), jobs,
               [&](std::size_t i) { results[i] = unit(toolchains[i], dir.path()); });
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& toolchain = toolchains[i];
    auto& result = results[i];
    if (!result.problem.empty()) {
      report.problems.push_back(fmt::format("{} {}: {}", abi::abi_name(toolchain.abi),
                                            compiler_name(toolchain.compiler), result.problem));
      continue;
    }
    report.lines.push_back(result.line);
    report.entries_checked += result.checked;
    report.mismatches.insert(report.mismatches.end(), result.mismatches.begin(),
                             result.mismatches.end());
    if (toolchain.compiler == Compiler::gcc && !result.newer.empty()) {
      std::string line = std::string(abi::abi_name(toolchain.abi)) + ":";
      for (const auto& n : result.newer) line += " " + n + ",";
      line.pop_back();
      report.newer.push_back(line);
    }
  }
  return report;
}

void print_report(const Report& report, std::ostream& out, std::string_view what,
                  std::string_view counted, std::string_view newer_source) {
  for (const auto& line : report.lines) out << line << "\n";
  if (!report.newer.empty()) {
    out << "\nnumbered from " << newer_source << " (newer than the headers):\n";
    for (const auto& line : report.newer) out << "  " << line << "\n";
  }
  if (!report.mismatches.empty()) out << "\nmismatches:\n";
  for (const auto& m : report.mismatches)
    out << fmt::format("  MISMATCH {} {} {}: {}\n", abi::abi_name(m.abi), m.source, m.name, m.what);
  for (const auto& problem : report.problems) out << "PROBLEM " << problem << "\n";
  out << fmt::format("\n{}: {} ABIs, {} {} checked, {} mismatches\n", what, report.abis,
                     report.entries_checked, counted, report.mismatch_count());
}

}  // namespace syscompat::probe
