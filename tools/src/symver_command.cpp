// `syscompat symver --list`: every libsys export, its version node and, for a compat
// symbol, the transition it serves. `--layouts`: the layout of every struct each export
// takes (the ABI baseline's layout half; tests/cli/symver_abi_gate.sh).
#include <iostream>

#include "commands.hpp"
#include "syscompat/symver/exports.hpp"

namespace syscompat::tools {

std::function<int()> add_symver_command(CLI::App& app) {
  auto* command = app.add_subcommand("symver", "libsys's versioned exports and their layouts");
  auto list = std::make_shared<bool>(false);
  auto layouts = std::make_shared<bool>(false);
  command->add_flag("--list", *list,
                    "every export, its version node, and the transition of compat symbols");
  command->add_flag("--layouts", *layouts, "the struct layouts each export reads or writes");
  return [list, layouts] {
    if (*list == *layouts) throw UsageError{"symver needs exactly one of --list and --layouts"};
    if (*layouts) {
      for (const auto& line : symver::layout_lines()) std::cout << line << "\n";
      return 0;
    }
    for (const auto& item : symver::exports()) {
      std::cout << item.versioned();
      if (item.transition)
        std::cout << (item.is_default ? "  current layout of " : "  compat for ")
                  << item.transition->family << ": " << item.transition->what;
      std::cout << "\n";
    }
    std::cout << "syscompat::sys::*@@" << sys::versions::base_node << "  the C++ API\n";
    return 0;
  };
}

}  // namespace syscompat::tools
