// The syscompat subcommands: each registers itself on the CLI11 app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

#include "command_path.hpp"
#include "run32_command_line.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::tools {

// Exit status 2 with one line on stderr: how the command reports bad input.
struct UsageError {
  std::string message;
};

// Registers `layout`; returns the function that runs it (returns the exit status).
std::function<int()> add_layout_command(CLI::App& app);
// Registers `syscalls`.
std::function<int()> add_syscalls_command(CLI::App& app);
// Registers `ioctls`.
std::function<int()> add_ioctls_command(CLI::App& app);
// Registers `constants`.
std::function<int()> add_constants_command(CLI::App& app);
// Registers `translate`.
std::function<int()> add_translate_command(CLI::App& app);
// Registers `run32`, whose PROGRAM [ARGS...] are taken from the command line before CLI11
// sees it (they are the program's, options included): run32_program_start
// (run32_command_line.hpp) answers where they begin in argv.
std::function<int()> add_run32_command(CLI::App& app, std::vector<std::string> command);
// Registers `oldkernel`.
std::function<int()> add_oldkernel_command(CLI::App& app);
// Registers `symver`.
std::function<int()> add_symver_command(CLI::App& app);
// Registers `pin`.
std::function<int()> add_pin_command(CLI::App& app);

// An ABI named on the command line; UsageError (with the valid names) otherwise.
abi::Abi parse_abi_or_usage(const std::string& name);
std::string abi_list();  // "i386, x86_64, ..."
// The ABIs given with --abi, or every ABI when none is.
std::vector<abi::Abi> abis_or_all(const std::vector<std::string>& names);

// Runs a check of a table against the headers (probe::HeaderCheck) and prints its report;
// the exit status: 0 when nothing is wrong.
template <class Check>
int run_header_check(const std::vector<abi::Abi>& abis) {
  const auto report = Check::check(abis);
  Check::print_report(report, std::cout);
  return report.ok() ? 0 : 1;
}

// A kernel release given on the command line (--release, --since): X.Y, or X.Y.Z before 3.0
// (from 3.0 on, a stable release X.Y.Z has the calls of X.Y), no newer than the newest
// release the description dates a call to. UsageError otherwise.
abi::Release release_argument(const std::string& text);

// The help's look: option names without CLI11's flag-default syntax (`--trace{-}`); after
// them, the text an option sets with option_text() (`--trace [=FILE]`) or its value's type,
// and REQUIRED, without CLI11's lists of what an option needs or excludes (the errors say
// it, and the manual page lists them).
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_name(const CLI::Option* option, bool positional) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
};

// The manual page (roff), from the definitions registered on `app` (tools/src/man_page.cpp).
void write_man_page(const CLI::App& app, std::ostream& out);

}  // namespace syscompat::tools
