// The run32 command line without CLI11 (run32_command_line.hpp).
#include "run32_command_line.hpp"

#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>

#include "command_path.hpp"
#include "syscompat/run32/run32.hpp"

namespace syscompat::tools {

namespace {

// One pass over argv[2..]: where the program begins, what the options said, and the first
// word that is not run32's (an unknown option, a bad number) as `error`.
struct Scan {
  int program_start = 0;
  Run32CommandLine line;
  std::string error;
};

// The value of `option` in argv[i] (--option=VALUE) or argv[i + 1] (--option VALUE, i moved
// past it); nullopt when argv[i] is not that option.
std::optional<std::string> option_value(const char* option, int argc, char** argv, int& i,
                                        std::string& error) {
  const std::size_t length = std::strlen(option);
  if (std::strncmp(argv[i], option, length) != 0) return std::nullopt;
  if (argv[i][length] == '=') return std::string(argv[i] + length + 1);
  if (argv[i][length] != '\0') return std::nullopt;
  if (i + 1 >= argc) {
    error = std::string(option) + " needs a value";
    return std::string();
  }
  return std::string(argv[++i]);
}

// -sN or -s N.
std::optional<std::string> short_option_value(const char* option, int argc, char** argv, int& i,
                                              std::string& error) {
  const std::size_t length = std::strlen(option);
  if (std::strncmp(argv[i], option, length) != 0) return std::nullopt;
  if (argv[i][length] != '\0') return std::string(argv[i] + length);
  if (i + 1 >= argc) {
    error = std::string(option) + " needs a value";
    return std::string();
  }
  return std::string(argv[++i]);
}

bool parse_count(const std::string& text, std::size_t& count) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != text.npos)
    return false;
  count = std::stoul(text);
  return true;
}

bool parse_descriptor(const std::string& text, int& fd) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != text.npos)
    return false;
  fd = std::stoi(text);
  return true;
}

Scan scan(int argc, char** argv) {
  Scan result;
  int i = 2;
  auto fail = [&](std::string why) {
    if (result.error.empty()) result.error = std::move(why);
  };
  for (; i < argc; ++i) {
    const char* word = argv[i];
    if (std::strcmp(word, "--") == 0) {
      ++i;
      break;
    }
    if (word[0] != '-') break;
    std::string error;
    if (std::strcmp(word, trace_option) == 0) {
      result.line.trace = true;
    } else if (std::strncmp(word, trace_option, std::strlen(trace_option)) == 0 &&
               word[std::strlen(trace_option)] == '=') {
      result.line.trace = true;
      const std::string path = word + std::strlen(trace_option) + 1;
      result.line.trace_path = path == "-" ? "" : path;  // --trace=- is stderr, as --trace
    } else if (auto fd = option_value(trace_fd_option, argc, argv, i, error)) {
      if (error.empty() && !parse_descriptor(*fd, result.line.trace_fd))
        error = std::string("bad ") + trace_fd_option + " '" + *fd + "': a descriptor number";
    } else if (auto fd = option_value(trace_shared_fd_option, argc, argv, i, error)) {
      if (error.empty() && !parse_descriptor(*fd, result.line.trace_shared_fd))
        error =
            std::string("bad ") + trace_shared_fd_option + " '" + *fd + "': a descriptor number";
    } else if (auto limit = short_option_value(string_limit_option, argc, argv, i, error)) {
      if (error.empty() && !parse_count(*limit, result.line.string_limit))
        error = std::string("bad ") + string_limit_option + " '" + *limit + "': a number of bytes";
    } else if (auto filter = short_option_value(filter_option, argc, argv, i, error)) {
      result.line.filter = *filter;
    } else if (auto fd = option_value(seccomp_fd_option, argc, argv, i, error)) {
      if (error.empty() && !parse_descriptor(*fd, result.line.seccomp_fd))
        error = std::string("bad ") + seccomp_fd_option + " '" + *fd + "': a descriptor number";
    } else if (auto argv0 = option_value(argv0_option, argc, argv, i, error)) {
      result.line.argv0 = *argv0;
    } else if (option_value(binfmt_name_option, argc, argv, i, error) ||
               option_value(binfmt_interpreter_option, argc, argv, i, error)) {
      error = "--binfmt's options are CLI11's";  // not a program's run: CLI11 takes the line
    } else {
      error = std::string("run32 does not take the option '") + word + "' here";
    }
    if (!error.empty()) fail(error);
  }
  result.program_start = i;
  for (; i < argc; ++i) result.line.command.emplace_back(argv[i]);
  if (result.line.command.empty()) fail("run32 needs a PROGRAM to run");
  return result;
}

}  // namespace

int run32_program_start(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "run32") != 0) return argc;
  return scan(argc, argv).program_start;
}

std::optional<Run32CommandLine> parse_run32_command_line(int argc, char** argv,
                                                         std::string& error) {
  Scan result = scan(argc, argv);
  if (!result.error.empty()) {
    error = std::move(result.error);
    return std::nullopt;
  }
  return std::move(result.line);
}

std::string run32_program_beside_this() {
  char self[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) return {};
  std::string path(self, static_cast<std::size_t>(length));
  path.resize(path.rfind('/') + 1);
  path += run32_program_name;
  return ::access(path.c_str(), X_OK) == 0 ? path : std::string();
}

int run_run32_command_line(const Run32CommandLine& line, std::string shim_program) {
  run32::Options options;
  // Found as execvp finds it; a name PATH does not give is not looked for in the current
  // directory (one with a slash is the loader's to report on).
  const std::string& name = line.command.front();
  if (find_command(name, options.program) == 127 && name.find('/') == std::string::npos) {
    std::fprintf(stderr, "syscompat run32: %s: command not found\n", name.c_str());
    return 127;
  }
  if (options.program.empty()) options.program = name;
  options.argv0 = line.argv0.empty() ? name : line.argv0;
  options.arguments.assign(line.command.begin() + 1, line.command.end());
  options.trace = line.trace;
  options.trace_path = line.trace_path;
  options.trace_fd = line.trace_fd;
  options.trace_shared_fd = line.trace_shared_fd;
  options.trace_string_limit = line.string_limit;
  options.trace_filter = line.filter;
  options.seccomp_fd = line.seccomp_fd;
  options.shim_program = std::move(shim_program);
  return run32::run(options);
}

}  // namespace syscompat::tools
