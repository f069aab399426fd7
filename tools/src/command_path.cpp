// How `run32` and `oldkernel` find the command they are given: as execvp, never falling back
// to the current directory when PATH does not name it (command_path.hpp, find_command).
#include "command_path.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace syscompat::tools {

namespace {

// 0 for an executable regular file, 126 for one that is not executable, 127 for none.
int check(const std::string& candidate) {
  if (::access(candidate.c_str(), F_OK) != 0) return 127;
  return ::access(candidate.c_str(), X_OK) == 0 ? 0 : 126;
}

std::string default_path() {
  const std::size_t length = ::confstr(_CS_PATH, nullptr, 0);
  std::string text(length, '\0');
  if (length) ::confstr(_CS_PATH, text.data(), length);
  text.resize(text.empty() ? 0 : length - 1);
  return text.empty() ? "/bin:/usr/bin" : text;
}

}  // namespace

int find_command(const std::string& name, std::string& path) {
  if (name.empty()) return 127;
  if (name.find('/') != std::string::npos) {
    const int status = check(name);
    if (status != 127) path = name;  // the loader says why one that is there cannot run
    return status;
  }
  const char* variable = std::getenv("PATH");
  const std::string directories = variable ? variable : default_path();
  int status = 127;
  for (std::string_view rest = directories;;) {
    const auto colon = rest.find(':');
    const std::string_view directory = rest.substr(0, colon);
    const std::string candidate = (directory.empty() ? "." : std::string(directory)) + "/" + name;
    const int found = check(candidate);
    if (found == 0) {
      path = candidate;
      return 0;
    }
    if (found == 126 && status == 127) {
      status = 126;
      path = candidate;
    }
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return status;
}

}  // namespace syscompat::tools
