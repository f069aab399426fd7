// syscompat oldkernel: runs a command as if on an older kernel. Every syscall the
// description says came after the release fails with ENOSYS (or EPERM), on the x86_64 and
// the i386 entry paths, through a seccomp filter the command and its children inherit.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/oldkernel.hpp"

namespace syscompat::tools {

namespace {

// Finds CMD as execvp would; the exit status for a command that cannot run: 127 missing,
// 126 not executable. 0 when it can run, with `path` set.
int resolve_command(const std::string& command, std::string& path) {
  const auto check = [&](const std::string& candidate) {
    if (access(candidate.c_str(), F_OK) != 0) return 127;
    if (access(candidate.c_str(), X_OK) != 0) return 126;
    path = candidate;
    return 0;
  };
  if (command.find('/') != std::string::npos) return check(command);
  const char* search = std::getenv("PATH");
  std::string dirs = search ? search : "/usr/local/bin:/usr/bin:/bin";
  int status = 127;
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    const int found = check((dir.empty() ? "." : dir) + "/" + command);
    if (found == 0) return 0;
    if (found == 126) status = 126;
    start = end + 1;
  }
  return status;
}

}  // namespace

std::function<int()> add_oldkernel_command(CLI::App& app) {
  struct Options {
    std::string release, error = "ENOSYS";
    bool list = false;
    std::vector<std::string> command;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("oldkernel", "Run a command as if on an older kernel");
  cmd->add_option("--release", options->release, "the kernel release to simulate, X.Y[.Z]")
      ->required();
  cmd->add_option("--errno", options->error, "what refused calls fail with: ENOSYS or EPERM");
  cmd->add_flag("--list", options->list, "print the calls the release refuses");
  cmd->add_option("CMD", options->command, "the command and its arguments (after --)");

  return [options]() -> int {
    const auto release = abi::parse_release(options->release);
    if (!release)
      throw UsageError{
          fmt::format("bad release '{}'; expected X.Y or X.Y.Z, e.g. 4.19", options->release)};
    int error_number = 0;
    if (options->error == "ENOSYS")
      error_number = ENOSYS;
    else if (options->error == "EPERM")
      error_number = EPERM;
    else
      throw UsageError{fmt::format("bad --errno '{}'; valid: ENOSYS, EPERM", options->error)};
    if (options->list) {
      const auto calls = sys::oldkernel::refused(*release);
      for (const abi::Syscall* call : calls)
        std::cout << fmt::format("{:<7} {:>4}  {:<24} {}\n", abi::abi_name(call->abi), call->number,
                                 call->name, call->since.str());
      std::cout << fmt::format("{} calls refused under {}\n", calls.size(), release->str());
      if (options->command.empty()) return 0;
    }
    if (options->command.empty()) throw UsageError{"oldkernel needs a command after --"};
    std::string path;
    if (const int status = resolve_command(options->command[0], path); status != 0) {
      std::cerr << "syscompat: " << options->command[0]
                << (status == 127 ? ": command not found\n" : ": not executable\n");
      return status;
    }
    sys::oldkernel::FilterReport report;
    std::string error;
    if (!sys::oldkernel::install(*release, error_number, report, error)) {
      std::cerr << "syscompat: " << error << "\n";
      return 1;
    }
    std::vector<char*> argv;
    for (auto& arg : options->command) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(path.c_str(), argv.data());
    const int failed = errno;
    std::cerr << "syscompat: " << options->command[0] << ": " << std::strerror(failed) << "\n";
    return failed == ENOENT ? 127 : 126;
  };
}

}  // namespace syscompat::tools
