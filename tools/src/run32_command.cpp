// syscompat run32: runs an i386 program with every syscall translated.
#include "commands.hpp"
#include "syscompat/run32/run32.hpp"

namespace syscompat::tools {

std::function<int()> add_run32_command(CLI::App& app) {
  struct Parsed {
    std::string trace_path;
    int trace_fd = -1;
    std::string argv0;
    std::vector<std::string> command;
  };
  auto parsed = std::make_shared<Parsed>();
  auto* cmd = app.add_subcommand("run32", "Run an i386 Linux program, its syscalls translated");
  // A flag whose value comes only with '=' (--trace=FILE), so that it never takes the
  // program's name; alone it is "-", stderr.
  auto* trace = cmd->add_flag("--trace{-}", parsed->trace_path,
                              "one line per translated call; --trace=FILE writes them to FILE");
  // How a guest's execve of another i386 program starts the shim again.
  cmd->add_option("--trace-fd", parsed->trace_fd)->group("");
  cmd->add_option("--argv0", parsed->argv0)->group("");
  cmd->add_option("command", parsed->command, "PROGRAM [ARGS...]");
  // Everything from the program on is the program's, options included.
  cmd->prefix_command();

  return [parsed, trace, cmd]() -> int {
    std::vector<std::string> command = parsed->command;
    for (const auto& rest : cmd->remaining()) command.push_back(rest);
    if (!command.empty() && command.front() == "--") command.erase(command.begin());
    if (command.empty()) throw UsageError{"run32 needs a PROGRAM to run"};
    run32::Options options;
    options.program = command.front();
    options.arguments.assign(command.begin() + 1, command.end());
    options.argv0 = parsed->argv0;
    options.trace = trace->count() > 0;
    options.trace_path = parsed->trace_path == "-" ? "" : parsed->trace_path;
    options.trace_fd = parsed->trace_fd;
    return run32::run(options);
  };
}

}  // namespace syscompat::tools
