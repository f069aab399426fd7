// The syscompat subcommands: each registers itself on the CLI11 app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace syscompat::tools {

// Exit status 2 with one line on stderr: how the command reports bad input.
struct UsageError {
  std::string message;
};

// Registers `layout`; returns the function that runs it (returns the exit status).
std::function<int()> add_layout_command(CLI::App& app);
// Registers `syscalls`.
std::function<int()> add_syscalls_command(CLI::App& app);
// Registers `translate`.
std::function<int()> add_translate_command(CLI::App& app);
// Registers `oldkernel`.
std::function<int()> add_oldkernel_command(CLI::App& app);

}  // namespace syscompat::tools
