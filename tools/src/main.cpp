#include <cerrno>
#include <cstring>
#include <iostream>
#include <string_view>

#include "commands.hpp"

namespace {

// The app's subcommand named `name`, or null.
const CLI::App* subcommand(const CLI::App& app, const std::string& name) {
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    if (command->get_name() == name) return command;
  return nullptr;
}

std::string subcommand_names(const CLI::App& app) {
  std::string text;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    text += (text.empty() ? "" : ", ") + command->get_name();
  return text;
}

// What a command printed reached stdout, or one line and exit status 1 (a full disk, a closed
// pipe): a command never reports success for output that was lost.
int flushed(int status) {
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout)) return status;
  std::cerr << "syscompat: write error on stdout: " << std::strerror(errno ? errno : EIO) << "\n";
  return status ? status : 1;
}

}  // namespace

int main(int argc, char** argv) {
  // run32 starts its program before anything of CLI11 is built (run32_command_line.hpp); the
  // guest's own execs of i386 programs start syscompat-run32, which links the shim alone.
  // What the parser does not take (--help, an error) is CLI11's.
  if (argc > 1 && std::strcmp(argv[1], "run32") == 0) {
    std::string error;
    if (const auto line = syscompat::tools::parse_run32_command_line(argc, argv, error))
      return syscompat::tools::run_run32_command_line(
          *line, syscompat::tools::run32_program_beside_this());
  }
  CLI::App app{"Linux system-call ABIs, declaratively", "syscompat"};
  app.formatter(std::make_shared<syscompat::tools::HelpFormatter>());
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Print the help of every subcommand and exit");
  app.set_version_flag("--version", "syscompat " SYSCOMPAT_VERSION);
  const auto run_layout = syscompat::tools::add_layout_command(app);
  const auto run_syscalls = syscompat::tools::add_syscalls_command(app);
  const auto run_ioctls = syscompat::tools::add_ioctls_command(app);
  const auto run_constants = syscompat::tools::add_constants_command(app);
  const auto run_translate = syscompat::tools::add_translate_command(app);
  const int program_start = syscompat::tools::run32_program_start(argc, argv);
  const auto run_run32 = syscompat::tools::add_run32_command(
      app, std::vector<std::string>(argv + program_start, argv + argc));
  const auto run_oldkernel = syscompat::tools::add_oldkernel_command(app);
  const auto run_symver = syscompat::tools::add_symver_command(app);
  const auto run_pin = syscompat::tools::add_pin_command(app);
  // The build writes the manual page with this (not an option of the command's users).
  if (argc == 2 && std::strcmp(argv[1], "--man") == 0) {
    syscompat::tools::write_man_page(app, std::cout);
    return flushed(0);
  }
  if (argc > 1 && argv[1][0] != '-' && !subcommand(app, argv[1])) {
    std::cerr << "syscompat: unknown subcommand '" << argv[1]
              << "'; valid: " << subcommand_names(app) << " (see syscompat --help)\n";
    return 2;
  }
  try {
    app.parse(program_start, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return flushed(app.exit(e));
  } catch (const CLI::ParseError& e) {
    std::cerr << "syscompat: " << e.what() << " (see syscompat --help)\n";
    return 2;
  }
  try {
    if (app.got_subcommand("layout")) return flushed(run_layout());
    if (app.got_subcommand("syscalls")) return flushed(run_syscalls());
    if (app.got_subcommand("ioctls")) return flushed(run_ioctls());
    if (app.got_subcommand("constants")) return flushed(run_constants());
    if (app.got_subcommand("translate")) return flushed(run_translate());
    if (app.got_subcommand("run32")) return run_run32();
    if (app.got_subcommand("oldkernel")) return run_oldkernel();
    if (app.got_subcommand("symver")) return flushed(run_symver());
    if (app.got_subcommand("pin")) return run_pin();
  } catch (const syscompat::tools::UsageError& e) {
    std::cerr << "syscompat: " << e.message << "\n";
    return 2;
  }
  return 2;
}
