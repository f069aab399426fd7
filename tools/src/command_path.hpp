// How `run32` and `oldkernel` find the command they are given (command_path.cpp).
#pragma once

#include <string>

namespace syscompat::tools {

// A command named as execvp finds it (tools/src/command_path.cpp): with a slash, as is;
// without, in each PATH directory (an empty entry is the current directory, as execvp and
// POSIX shells take it; an unset PATH is confstr's _CS_PATH, as execvp), never in the current
// directory otherwise. 0 with `path` set; 127 when nothing is found; 126 when only a file
// that is not executable is.
int find_command(const std::string& name, std::string& path);

}  // namespace syscompat::tools
