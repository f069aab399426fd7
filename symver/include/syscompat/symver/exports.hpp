// libsys's exports as the version table and the description state them: each C entry point
// with its version node, the compat ones with the transition they serve, and the layouts of
// the structs each takes (what the ABI baseline records; docs/symver.md).
#pragma once

#include <string>
#include <vector>

#include "syscompat/libsys/versions.hpp"

namespace syscompat::symver {

struct Export {
  std::string name;        // __sys_stat
  std::string node;        // LIBSYS_1.0
  bool is_default = true;  // name@@node (what new links bind to) or name@node (compat only)
  const sys::versions::Transition* transition = nullptr;  // set on both sides of a move
  std::string versioned() const { return name + (is_default ? "@@" : "@") + node; }
};

// Every C entry point, in the x86_64 table's order; a moved call appears twice.
std::vector<Export> exports();

// One line per struct argument of each export: "layout SYMBOL ARG STRUCT size=N align=A
// member@offset:size ...", in the layout that export reads or writes.
std::vector<std::string> layout_lines();

}  // namespace syscompat::symver
