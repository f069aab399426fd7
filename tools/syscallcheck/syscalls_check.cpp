#include "syscalls_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "syscompat/abi/syscall_arch_since.hpp"

namespace syscompat::syscallcheck {

using abi::Abi;

namespace {

// Macros of <asm/unistd.h> that look like syscall numbers but are not.
const std::set<std::string> not_syscalls{
    "__NR_syscalls",               // the count (asm-generic)
    "__NR_arch_specific_syscall",  // the base of arch-private calls (asm-generic)
    "__NR_Linux",                  // mips o32's base, 4000
    "__NR_SYSCALL_BASE",           // arm's base
    "__NR_OABI_SYSCALL_BASE",      // arm's OABI base
    "__ARM_NR_BASE",               // arm's private-call base
    "__NR_SYSCALL_MASK",           // arm
};

std::string syscall_name(const std::string& macro) {
  for (const std::string prefix : {"__NR_", "__ARM_NR_"})
    if (macro.rfind(prefix, 0) == 0) return macro.substr(prefix.size());
  return {};
}

struct HeaderNames {
  std::string problem;
  std::vector<std::string> macros;
};

// The __NR_* and __ARM_NR_* macros <asm/unistd.h> defines, from the compiler's -dM.
HeaderNames header_macros(const probe::Toolchain& toolchain, const std::string& stem) {
  HeaderNames names;
  if (!probe::program_exists(toolchain.command.front())) {
    names.problem = "not checked: " + toolchain.command.front() + " missing";
    return names;
  }
  {
    std::ofstream source(stem + ".h.c");
    source << "#include <asm/unistd.h>\n";
  }
  std::vector<std::string> argv = toolchain.command;
  for (const char* flag : {"-dM", "-E", "-x", "c", "-o"}) argv.push_back(flag);
  argv.push_back(stem + ".macros");
  argv.push_back(stem + ".h.c");
  if (probe::run_program(argv, stem + ".h.log") != 0) {
    names.problem = "not checked: " + toolchain.command.front() +
                    " -dM failed: " + probe::read_text(stem + ".h.log");
    return names;
  }
  std::istringstream lines(probe::read_text(stem + ".macros"));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string define, macro;
    words >> define >> macro;
    if (define != "#define" || syscall_name(macro).empty() || not_syscalls.count(macro)) continue;
    names.macros.push_back(macro);
  }
  std::sort(names.macros.begin(), names.macros.end());
  return names;
}

probe::UnitResult unit(const CheckInput& input, const probe::Toolchain& toolchain,
                       const std::string& dir) {
  probe::UnitResult result;
  const Abi a = toolchain.abi;
  const std::string compiler(probe::compiler_name(toolchain.compiler));
  const std::string stem = fmt::format("{}/{}-{}-unistd", dir, abi::abi_name(a), compiler);
  const HeaderNames names = header_macros(toolchain, stem);
  if (!names.problem.empty()) {
    result.problem = names.problem;
    return result;
  }
  std::ostringstream code;
  code << "#include <asm/unistd.h>\n#include <linux/version.h>\n"
       << "const unsigned long long syscompat_version = LINUX_VERSION_CODE;\n"
       << "const unsigned long long syscompat_nr[] = {\n";
  for (const auto& macro : names.macros) code << "  (unsigned long long)(" << macro << "),\n";
  code << "  0 };\n";
  const probe::ProbeResult probed = probe::compile_probe(toolchain, code.str(), stem);
  if (!probed.problem.empty()) {
    result.problem = probed.problem;
    return result;
  }
  const std::uint64_t version = probed.object.u64_at("syscompat_version", 0);
  const abi::Release headers{static_cast<int>(version >> 16),
                             static_cast<int>((version >> 8) & 0xff), 0};

  std::map<std::string, std::uint32_t> header;
  for (std::size_t i = 0; i < names.macros.size(); ++i)
    header[syscall_name(names.macros[i])] =
        static_cast<std::uint32_t>(probed.object.u64_at("syscompat_nr", i));

  std::map<std::string, const Entry*> table;
  for (const auto& entry : input.entries)
    if (entry.abi == a) table[entry.name] = &entry;

  std::size_t agree = 0;
  for (const auto& [name, number] : header) {
    ++result.checked;
    auto found = table.find(name);
    if (found == table.end()) {
      result.mismatches.push_back(
          {a, compiler, name, fmt::format("in the headers as {}, missing from the table", number)});
    } else if (found->second->number != number) {
      result.mismatches.push_back(
          {a, compiler, name,
           fmt::format("number: table {}, headers {}", found->second->number, number)});
    } else {
      ++agree;
    }
  }
  for (const auto& [name, entry] : table) {
    if (header.count(name)) continue;
    if (entry->since > headers) {
      result.newer.push_back(fmt::format("{} {} ({})", name, entry->number, entry->since.str()));
    } else {
      result.mismatches.push_back({a, compiler, name,
                                   fmt::format("in the table as {} since {}, not in the {} headers",
                                               entry->number, entry->since.str(), headers.str())});
    }
  }
  result.line = fmt::format(
      "{:<9} {:<6} {} header entries, {} agree; {} table entries newer than the {} headers",
      abi::abi_name(a), compiler, header.size(), agree, result.newer.size(), headers.str());
  return result;
}

std::vector<Entry> entries(const std::vector<Abi>& abis) {
  std::vector<Entry> entries;
  for (Abi a : abis)
    for (const auto& call : abi::syscalls(a))
      entries.push_back({a, std::string(call.name), call.number, call.since});
  return entries;
}

std::vector<std::string> table_errors() {
  return abi::syscall_table_errors();
}

}  // namespace

const probe::HeaderTable<Entry> table{"syscalls", "entries",    "the kernel's own tables",
                                      entries,    table_errors, unit};

int print_markdown(std::ostream& out) {
  out << "# Syscall tables\n\n"
         "Generated by `syscompat syscalls --markdown` from the description; the numbers are "
         "checked against each ABI's kernel UAPI headers by `syscompat syscalls --check`. "
         "`since` is the first Linux release that had the call on any of these ABIs. An ABI "
         "has it from that release or from its own first one, whichever is later; where an "
         "ABI got it later still, the cell names that ABI and its release (i386's direct "
         "socket calls in 4.3, the direct SysV IPC calls on i386 and mips o32 in 5.1, "
         "map_shadow_stack outside x86_64 in 6.7). "
         "x32 numbers are written without the x32 bit (0x40000000) that the syscall "
         "register carries; mips o32 numbers include its 4000 base; — means no number.\n\n"
         "The ABIs' first releases (`abi/include/syscompat/abi/syscall_arch_since.hpp`):\n\n";
  for (const auto& first : abi::abi_first_releases)
    out << "- " << abi::abi_name(first.abi) << ": " << first.release << " — " << first.source
        << "\n";
  out << "\n";
  out << "| name | since |";
  for (Abi a : abi::all_abis) out << " " << abi::abi_name(a) << " |";
  out << "\n|---|---|";
  for (std::size_t i = 0; i < abi::all_abis.size(); ++i) out << "---:|";
  out << "\n";
  std::map<std::string, std::map<Abi, const abi::Syscall*>> by_name;
  for (Abi a : abi::all_abis)
    for (const auto& call : abi::syscalls(a)) by_name[std::string(call.name)][a] = &call;
  for (const auto& [name, calls] : by_name) {
    abi::Release since = calls.begin()->second->since;
    for (const auto& [a, call] : calls) since = std::min(since, call->since);
    std::string later;
    for (const auto& [a, call] : calls)
      if (call->since != std::max(since, abi::abi_first_release(a)))
        later += fmt::format("{}{}: {}", later.empty() ? " (" : "; ", abi::abi_name(a),
                             call->since.str());
    if (!later.empty()) later += ")";
    out << "| `" << name << "` | " << since.str() << later << " |";
    for (Abi a : abi::all_abis) {
      auto found = calls.find(a);
      if (found == calls.end())
        out << " — |";
      else
        out << " " << (found->second->number & ~abi::x32_syscall_bit) << " |";
    }
    out << "\n";
  }
  return 0;
}

}  // namespace syscompat::syscallcheck
