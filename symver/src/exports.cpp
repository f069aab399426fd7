#include "syscompat/symver/exports.hpp"

#include <set>
#include <string_view>

#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/reflect.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/symver/v1.hpp"

namespace syscompat::symver {

namespace versions = sys::versions;

std::vector<Export> exports() {
  std::vector<Export> out;
  std::set<std::string_view> seen;
  for (const auto& call : abi::syscalls(abi::Abi::x86_64)) {
    if (!seen.insert(call.name).second) continue;  // one entry point per name, as gen_libsys
    const std::string name = "__sys_" + std::string(call.name);
    const auto* transition = versions::transition_of(call.name);
    if (!transition) {
      out.push_back({name, std::string(versions::base_node), true, nullptr});
      continue;
    }
    out.push_back({name, std::string(transition->old_node), false, transition});
    out.push_back({name, std::string(transition->node), true, transition});
  }
  return out;
}

namespace {

// The layout a compat export passes: the v1 struct of that name (v1.hpp).
abi::StructLayout v1_layout(std::string_view struct_name) {
  if (struct_name == "stat") return abi::struct_layout_of<v1::stat>(abi::Abi::i386);
  if (struct_name == "timespec") return abi::struct_layout_of<v1::timespec>(abi::Abi::i386);
  if (struct_name == "timeval") return abi::struct_layout_of<v1::timeval>(abi::Abi::i386);
  return *abi::find_struct_layout(abi::Abi::x86_64, struct_name);  // unchanged by the move
}

std::string describe(const abi::StructLayout& layout) {
  std::string out =
      "size=" + std::to_string(layout.size) + " align=" + std::to_string(layout.align);
  for (const auto& field : layout.fields)
    out += " " + field.name + "@" + std::to_string(field.offset) + ":" + std::to_string(field.size);
  return out;
}

}  // namespace

std::vector<std::string> layout_lines() {
  std::vector<std::string> out;
  for (const auto& item : exports()) {
    const auto* call = abi::find_syscall(abi::Abi::x86_64, std::string_view(item.name).substr(6));
    if (call->signature.opaque) continue;
    const bool compat = !item.is_default;
    for (const auto& arg : call->signature.args) {
      if (arg.struct_name.empty()) continue;
      const auto* current = abi::find_struct_layout(abi::Abi::x86_64, arg.struct_name);
      if (!current) continue;  // described by name only: no layout to record
      out.push_back("layout " + item.versioned() + " " + std::string(arg.name) + " " +
                    std::string(arg.struct_name) + " " +
                    describe(compat ? v1_layout(arg.struct_name) : *current));
    }
  }
  return out;
}

}  // namespace syscompat::symver
