// libsys's version nodes, recorded once: every export belongs to base_node unless a
// transition below moved it. gen_libsys writes the GNU version script and the .symver
// directives from this table; `syscompat symver --list` prints it; docs/symver.md explains
// how to add the next transition.
#pragma once

#include <array>
#include <string_view>

namespace syscompat::sys::versions {

// The nodes, oldest first; each newer node inherits from the one before it.
inline constexpr std::array<std::string_view, 2> nodes{"LIBSYS_1.0", "LIBSYS_1.1"};
inline constexpr std::string_view base_node = nodes.front();

// A family of calls whose C entry points changed the layout they read or write.
struct Transition {
  std::string_view family;    // the transition's name, as `symver --list` prints it
  std::string_view node;      // where the current layout lives (name@@node)
  std::string_view old_node;  // where the old layout stays for old binaries (name@old_node)
  std::string_view what;      // one line: the old layout and the new one
};

inline constexpr std::array transitions{
    Transition{"stat64", "LIBSYS_1.1", "LIBSYS_1.0",
               "struct stat v1 (32-bit inode, size and times: i386 widths) -> 64-bit x86_64 stat"},
    Transition{"time64", "LIBSYS_1.1", "LIBSYS_1.0",
               "32-bit time_t timespec/timeval (i386 widths) -> 64-bit time_t"},
};

// The calls each transition moved; their __sys_<name> keeps a compat stub at old_node.
struct TransitionedCall {
  std::string_view name;  // the syscall's name in the x86_64 table
  std::string_view family;
};

inline constexpr std::array transitioned_calls{
    TransitionedCall{"stat", "stat64"},          TransitionedCall{"fstat", "stat64"},
    TransitionedCall{"lstat", "stat64"},         TransitionedCall{"newfstatat", "stat64"},
    TransitionedCall{"clock_gettime", "time64"}, TransitionedCall{"clock_getres", "time64"},
    TransitionedCall{"gettimeofday", "time64"},  TransitionedCall{"utimensat", "time64"},
};

constexpr const Transition* transition_of(std::string_view call) {
  for (const auto& moved : transitioned_calls)
    if (moved.name == call)
      for (const auto& transition : transitions)
        if (transition.family == moved.family) return &transition;
  return nullptr;
}

}  // namespace syscompat::sys::versions
