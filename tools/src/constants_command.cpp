// syscompat constants: the constant vocabularies of each ABI, their check against the
// headers, and docs/constants.md.
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "constants_check.hpp"
#include "syscompat/abi/constants.hpp"

namespace syscompat::tools {

using abi::Abi;

namespace {

int print_table(Abi a) {
  std::size_t count = 0;
  for (const abi::Vocabulary* vocabulary : abi::vocabularies())
    for (const auto& row : vocabulary->rows)
      if (const auto value = abi::constant_value(row, a)) {
        std::cout << fmt::format(
            "{:<18} {:<28} {}\n", vocabulary->name, row.name.view(),
            *value < 0 ? std::to_string(*value) : fmt::format("{:#x}", *value));
        ++count;
      }
  std::cout << fmt::format("{}: {} constants\n", abi::abi_name(a), count);
  return 0;
}

}  // namespace

std::function<int()> add_constants_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> positional, abis;
    bool check = false, markdown = false;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "constants",
      "constant vocabularies of the description (flags, signals, errno, ...), per ABI");
  auto* table = cmd->add_option("ABI", options->positional, "the ABI to list")->expected(0, 1);
  cmd->add_option("--abi", options->abis, "with --check: only this ABI (repeatable)");
  auto* check = cmd->add_flag("--check", options->check,
                              "compare every value with the headers, gcc and clang");
  auto* markdown = cmd->add_flag("--markdown", options->markdown, "print docs/constants.md");
  table->excludes(check)->excludes(markdown);
  check->excludes(markdown);
  return [options]() -> int {
    if (!options->abis.empty() && !options->check) throw UsageError{"--abi goes with --check"};
    const std::vector<Abi> abis = abis_or_all(options->abis);
    if (options->check) return run_header_check<constantcheck::Check>(abis);
    if (options->markdown) return constantcheck::print_markdown(std::cout);
    if (options->positional.size() != 1)
      throw UsageError{"constants needs an ABI (or --check, --markdown); valid: " + abi_list()};
    return print_table(parse_abi_or_usage(options->positional[0]));
  };
}

}  // namespace syscompat::tools
