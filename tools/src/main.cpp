#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"syscompat: Linux system-call ABIs, declaratively"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all");
  const auto run_layout = syscompat::tools::add_layout_command(app);
  const auto run_syscalls = syscompat::tools::add_syscalls_command(app);
  const auto run_ioctls = syscompat::tools::add_ioctls_command(app);
  const auto run_translate = syscompat::tools::add_translate_command(app);
  const int program_start = syscompat::tools::run32_program_start(argc, argv);
  const auto run_run32 = syscompat::tools::add_run32_command(
      app, std::vector<std::string>(argv + program_start, argv + argc));
  const auto run_oldkernel = syscompat::tools::add_oldkernel_command(app);
  const auto run_symver = syscompat::tools::add_symver_command(app);
  try {
    app.parse(program_start, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "syscompat: " << e.what() << " (see syscompat --help)\n";
    return 2;
  }
  try {
    if (app.got_subcommand("layout")) return run_layout();
    if (app.got_subcommand("syscalls")) return run_syscalls();
    if (app.got_subcommand("ioctls")) return run_ioctls();
    if (app.got_subcommand("translate")) return run_translate();
    if (app.got_subcommand("run32")) return run_run32();
    if (app.got_subcommand("oldkernel")) return run_oldkernel();
    if (app.got_subcommand("symver")) return run_symver();
  } catch (const syscompat::tools::UsageError& e) {
    std::cerr << "syscompat: " << e.message << "\n";
    return 2;
  }
  return 2;
}
