// syscompat pin: runs a command that loads libsys with its syscalls pinned to libsys's own
// text (libsys_pin, docs/libsys.md "Pinning"). libsys.so reads LIBSYS_PIN as it is loaded,
// so this sets it and executes the command; a program without libsys is not pinned.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>

#include "commands.hpp"

namespace syscompat::tools {

std::function<int()> add_pin_command(CLI::App& app) {
  struct Options {
    bool report = false, deny = false;
    std::vector<std::string> command;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "pin", "Run a command with its syscalls allowed only from libsys (Syscall User Dispatch)");
  auto* report = cmd->add_flag("--report", options->report,
                               "name each call site outside libsys once and let the call through "
                               "(the default)");
  cmd->add_flag("--deny", options->deny,
                "name each call site outside libsys once and fail the call with ENOSYS")
      ->excludes(report);
  cmd->add_option("CMD", options->command, "the command and its arguments (after --)");

  return [options]() -> int {
    if (options->command.empty()) throw UsageError{"pin needs a command after --"};
    setenv("LIBSYS_PIN", options->deny ? "deny" : "report", 1);
    std::vector<char*> argv;
    for (auto& arg : options->command) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    const int failed = errno;
    std::cerr << "syscompat: " << options->command[0] << ": " << std::strerror(failed) << "\n";
    return failed == ENOENT ? 127 : 126;
  };
}

}  // namespace syscompat::tools
