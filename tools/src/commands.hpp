// The syscompat subcommands: each registers itself on the CLI11 app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

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
// Registers `translate`.
std::function<int()> add_translate_command(CLI::App& app);
// Registers `run32`, whose PROGRAM [ARGS...] are taken from the command line before CLI11
// sees it (they are the program's, options included): run32_program_start answers where they
// begin in argv (argc when this is not run32).
int run32_program_start(int argc, char** argv);
std::function<int()> add_run32_command(CLI::App& app, std::vector<std::string> command);
// Registers `oldkernel`.
std::function<int()> add_oldkernel_command(CLI::App& app);
// Registers `symver`.
std::function<int()> add_symver_command(CLI::App& app);

}  // namespace syscompat::tools
