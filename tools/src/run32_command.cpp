// syscompat run32: runs an i386 program with every syscall translated. A command line that
// run32_command_line.hpp's parser takes never reaches CLI11 (main() runs it first): CLI11
// answers --help and the errors.
#include "commands.hpp"
#include "run32_command_line.hpp"

namespace syscompat::tools {

std::function<int()> add_run32_command(CLI::App& app, std::vector<std::string> command) {
  auto line = std::make_shared<Run32CommandLine>();
  line->command = std::move(command);
  auto* cmd = app.add_subcommand("run32", "Run an i386 Linux program, its syscalls translated");
  cmd->footer("usage: syscompat run32 [--trace[=FILE]] [--] PROGRAM [ARGS...]");
  // A flag whose value comes only with '=' (--trace=FILE); alone it is "-", stderr.
  auto* trace = cmd->add_flag(std::string(trace_option) + "{-}", line->trace_path,
                              "one line per translated call; --trace=FILE writes them to FILE")
                    ->option_text("[=FILE]");
  // How a guest's execve of another i386 program starts the shim again.
  cmd->add_option(trace_fd_option, line->trace_fd)->group("");
  cmd->add_option(argv0_option, line->argv0)->group("");

  return [line, trace]() -> int {
    if (line->command.empty()) throw UsageError{"run32 needs a PROGRAM to run"};
    line->trace = trace->count() > 0;
    if (line->trace_path == "-") line->trace_path.clear();
    return run_run32_command_line(*line, run32_program_beside_this());
  };
}

}  // namespace syscompat::tools
