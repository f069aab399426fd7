// Writes libsys's entry points from the x86_64 syscall table, so no number or signature is
// copied by hand: gen_libsys OUT_DIR [UP_TO_NODE] writes OUT_DIR/libsys.h (the C header:
// numbers, the x86_64 structs from the description's layouts, every C entry point's
// prototype), OUT_DIR/syscompat/libsys/entries.hpp (the C++ API), OUT_DIR/entries.cpp (the
// definitions), and from the version table (versions.hpp) OUT_DIR/libsys.map (the GNU
// version script libsys.so is linked with) and OUT_DIR/compat_symvers.inc (the .symver
// directives of the compat stubs).
// UP_TO_NODE builds the library as it was at that node (the old-binary tests' v1 library):
// later nodes are left out, and a call they moved keeps its old layout as the default.
//
// Types: value arguments become the fixed-width integer the description's scalar has on
// x86_64 (size and signedness from the data model); pointers to scalars become pointers to
// that integer (const when the kernel only reads); byte buffers are void pointers; str is
// const char*, strv char* const*, ptr void*. Pointers to described structs are typed in the
// C API (struct libsys_<name>*, the struct written into libsys.h from its x86_64 layout) and
// void pointers in the C++ API (which takes the program's own struct). Opaque signatures
// would take six longs (x86_64 has none).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/libsys/dispatch.hpp"
#include "syscompat/libsys/versions.hpp"

namespace abi = syscompat::abi;
namespace versions = syscompat::sys::versions;

namespace {

// The two languages the entry points are declared in: the C header and the C++ API.
enum class Lang { c, cpp };

std::string fixed_width(bool is_signed, std::size_t bytes, Lang lang) {
  return std::string(lang == Lang::cpp ? "std::" : "") + (is_signed ? "int" : "uint") +
         std::to_string(bytes * 8) + "_t";
}

std::string integer_type(abi::ArgScalar scalar, Lang lang = Lang::cpp) {
  if (scalar == abi::ArgScalar::char_) return "char";
  if (scalar == abi::ArgScalar::void_) return "void";
  if (scalar == abi::ArgScalar::ptr) return "void*";
  return fixed_width(abi::arg_scalar_signed(scalar), abi::arg_scalar_size(scalar, abi::Abi::x86_64),
                     lang);
}

// The x86_64 layout of a described struct, when the description has one there.
const abi::StructLayout* x86_64_layout(std::string_view name) {
  const auto* layout = abi::find_struct_layout(abi::Abi::x86_64, name);
  return layout != nullptr && layout->present ? layout : nullptr;
}

std::string c_struct_name(std::string_view name) {
  return "struct libsys_" + std::string(name);
}

std::string arg_type(const abi::SyscallArg& arg, Lang lang = Lang::cpp) {
  const bool reads_only = arg.dir == abi::ArgDir::in;
  switch (arg.form) {
    case abi::ArgForm::value:
      return integer_type(arg.scalar, lang);
    case abi::ArgForm::pointer: {
      // A byte buffer (char with a count) is raw memory to the caller; so is a struct in the
      // C++ API, and in C one the description has no x86_64 layout for.
      std::string pointee = integer_type(arg.scalar, lang);
      if (arg.scalar == abi::ArgScalar::char_) pointee = "void";
      if (!arg.struct_name.empty())
        pointee = lang == Lang::c && x86_64_layout(arg.struct_name) ? c_struct_name(arg.struct_name)
                                                                    : "void";
      return (reads_only ? "const " : "") + pointee + "*";
    }
    case abi::ArgForm::string:
      return "const char*";
    case abi::ArgForm::string_vector:
      return "char* const*";
    case abi::ArgForm::address:
      return "void*";
  }
  return "long";
}

struct Param {
  std::string type, name;
};

std::vector<Param> params_of(const abi::Syscall& call, Lang lang = Lang::cpp) {
  std::vector<Param> params;
  if (call.signature.opaque) {
    for (int i = 0; i < 6; ++i) params.push_back({"long", "a" + std::to_string(i)});
    return params;
  }
  for (const auto& arg : call.signature.args)
    params.push_back({arg_type(arg, lang), std::string(arg.name)});
  return params;
}

// ---- libsys.h: the C header -----------------------------------------------------------

// The record a member names (itself or its elements), "" for anything else.
std::string record_of(const abi::FieldLayout& field) {
  const bool record =
      field.kind == abi::FieldKind::record ||
      (field.kind == abi::FieldKind::array && field.element_kind == abi::FieldKind::record);
  return record ? field.type.substr(0, field.type.find('[')) : "";
}

// A member's C declaration from its layout, under the description's own identifier (which
// avoids libc's macros: st_atime_sec, not st_atime): integers by size and signedness,
// pointers as void*, floating point by size, nested structs by name, arrays of them.
// A union, or a nested struct the description lays out only inside its parent, is its bytes
// at its alignment.
std::string c_member(const abi::FieldLayout& field) {
  const std::string record = record_of(field);
  const std::size_t elements =
      field.kind == abi::FieldKind::array ? field.size / field.element_size : 1;
  const std::string extent =
      field.kind == abi::FieldKind::array ? "[" + std::to_string(elements) + "]" : "";
  const auto opaque = [&] {
    return "union { uint8_t bytes[" + std::to_string(field.size / elements) + "]; " +
           fixed_width(false, field.align, Lang::c) + " align_; } " + field.member + extent;
  };
  if (field.kind == abi::FieldKind::union_) return opaque();
  if (!record.empty())
    return x86_64_layout(record) ? c_struct_name(record) + " " + field.member + extent : opaque();
  if (field.kind == abi::FieldKind::padding)
    return "uint8_t " + field.member + "[" + std::to_string(field.size) + "]";
  const abi::FieldKind kind = field.kind == abi::FieldKind::array ? field.element_kind : field.kind;
  const std::size_t size = field.kind == abi::FieldKind::array ? field.element_size : field.size;
  std::string type = fixed_width(field.is_signed, size, Lang::c);
  if (kind == abi::FieldKind::pointer) type = "void*";
  if (kind == abi::FieldKind::floating) type = size == 4 ? "float" : "double";
  return type + " " + field.member + extent;
}

// The alignment the C member above has by itself.
std::size_t c_natural_align(const abi::FieldLayout& field) {
  const std::string record = record_of(field);
  if (field.kind == abi::FieldKind::union_) return field.align;
  if (!record.empty()) {
    const auto* layout = x86_64_layout(record);
    return layout ? layout->align : field.align;
  }
  if (field.kind == abi::FieldKind::padding) return 1;
  return field.kind == abi::FieldKind::array ? field.element_size : field.size;
}

// Writes `name`'s struct (and first the structs it contains), once.
void write_c_struct(std::ostream& out, std::string_view name, std::set<std::string>& written) {
  if (!written.insert(std::string(name)).second) return;
  const auto* layout = x86_64_layout(name);
  if (layout == nullptr) return;
  for (const auto& field : layout->fields)
    if (const std::string record = record_of(field); !record.empty())
      write_c_struct(out, record, written);
  // Packed where the layout puts a member off its natural alignment (epoll_event), aligned
  // where the declaration asks for more than its members (rseq).
  std::size_t natural = 1;
  bool packed = false;
  for (const auto& field : layout->fields) {
    natural = std::max(natural, c_natural_align(field));
    if (field.offset % c_natural_align(field) != 0) packed = true;
  }
  std::string attributes;
  if (packed) attributes += " __attribute__((packed))";
  if (packed ? layout->align > 1 : layout->align > natural)
    attributes += " __attribute__((aligned(" + std::to_string(layout->align) + ")))";
  const std::string tag = c_struct_name(name);
  out << tag << " {\n";
  for (const auto& field : layout->fields) out << "  " << c_member(field) << ";\n";
  out << "}" << attributes << ";\n";
  // The layout, checked by the compiler that reads the header (C99 and C++ alike).
  out << "typedef char libsys_size_" << name << "[sizeof(" << tag << ") == " << layout->size
      << " ? 1 : -1];\n";
  for (const auto& field : layout->fields)
    out << "typedef char libsys_offset_" << name << "_" << field.member << "[offsetof(" << tag
        << ", " << field.member << ") == " << field.offset << " ? 1 : -1];\n";
  out << "\n";
}

std::string c_header(const std::vector<const abi::Syscall*>& calls) {
  std::ostringstream out;
  out << "/* Generated by libsys/gen/gen_libsys.cpp from the description (the x86_64 syscall\n"
         "   table and struct layouts). Do not edit. Valid C99 and C++; docs/libsys.md. */\n"
         "#ifndef LIBSYS_H\n#define LIBSYS_H\n\n#include <stddef.h>\n#include <stdint.h>\n\n"
         "#include \"libsys_dispatch.h\"\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
         "/* Each x86_64 syscall's number. */\n";
  for (const auto* call : calls)
    out << "#define LIBSYS_NR_" << call->name << " " << call->number << "\n";
  out << "\n/* The structs the entry points take, as the kernel lays them out on x86_64. */\n";
  std::set<std::string> written;
  for (const auto* call : calls)
    for (const auto& arg : call->signature.args)
      if (!arg.struct_name.empty()) write_c_struct(out, arg.struct_name, written);
  out << "/* The C API: the result, or -1 and errno (libsys_set_errno_location without a\n"
         "   libc). */\n";
  for (const auto* call : calls) {
    std::string params;
    for (const auto& p : params_of(*call, Lang::c))
      params += (params.empty() ? "" : ", ") + p.type + " " + p.name;
    out << "LIBSYS_API long __sys_" << call->name << "(" << (params.empty() ? "void" : params)
        << ");\n";
  }
  out << "\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n";
  return out.str();
}

std::string join_params(const std::vector<Param>& params) {
  std::string out;
  for (const auto& p : params) out += (out.empty() ? "" : ", ") + p.type + " " + p.name;
  return out;
}

std::string call_expr(const abi::Syscall& call, const std::vector<Param>& params) {
  std::string out = "detail::call(" + std::to_string(call.number);
  for (const auto& p : params) out += ", " + p.name;
  return out + ")";
}

// A node's position in versions::nodes (unknown nodes sort last).
std::size_t node_rank(std::string_view node) {
  for (std::size_t i = 0; i < versions::nodes.size(); ++i)
    if (versions::nodes[i] == node) return i;
  return versions::nodes.size();
}

// The C symbol of a compat stub: __sys_stat@LIBSYS_1.0 is defined as __sys_stat_LIBSYS_1_0.
std::string compat_symbol(std::string_view call, std::string_view node) {
  std::string out = "__sys_" + std::string(call) + "_" + std::string(node);
  for (auto& c : out)
    if (c == '.') c = '_';
  return out;
}

// The version script: every C entry point and the C++ API at the base node, each moved call
// again at the node of its current layout (ld takes the name@node aliases from .symver).
std::string version_script(const std::vector<const abi::Syscall*>& calls, std::size_t up_to) {
  std::ostringstream out;
  out << "# Generated by libsys/gen/gen_libsys.cpp from libsys/include/syscompat/libsys/"
         "versions.hpp. Do not edit.\n";
  for (std::size_t rank = 0; rank <= up_to && rank < versions::nodes.size(); ++rank) {
    out << versions::nodes[rank] << " {\n  global:\n";
    if (rank == 0) {
      for (const auto* call : calls) out << "    __sys_" << call->name << ";\n";
      out << "    libsys_*;\n    extern \"C++\" {\n      syscompat::sys::*;\n    };\n  local:\n"
             "    *;\n";
    } else {
      for (const auto& moved : versions::transitioned_calls)
        if (versions::transition_of(moved.name)->node == versions::nodes[rank])
          out << "    __sys_" << moved.name << ";\n";
    }
    out << "}" << (rank == 0 ? "" : " " + std::string(versions::nodes[rank - 1])) << ";\n";
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: gen_libsys OUT_DIR [UP_TO_NODE]\n";
    return 2;
  }
  const std::size_t up_to = argc == 3 ? node_rank(argv[2]) : versions::nodes.size() - 1;
  if (up_to >= versions::nodes.size()) {
    std::cerr << "gen_libsys: unknown version node " << argv[2] << "\n";
    return 2;
  }
  for (const auto& moved : versions::transitioned_calls) {
    const auto* transition = versions::transition_of(moved.name);
    if (!transition || node_rank(transition->node) == versions::nodes.size() ||
        node_rank(transition->old_node) >= node_rank(transition->node) ||
        !abi::find_syscall(abi::Abi::x86_64, moved.name)) {
      std::cerr << "gen_libsys: versions.hpp: bad transition for " << moved.name << "\n";
      return 1;
    }
  }
  if (!abi::syscall_table_errors().empty()) {
    std::cerr << "gen_libsys: the syscall table has errors: " << abi::syscall_table_errors()[0]
              << "\n";
    return 1;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out / "syscompat/libsys");

  std::ostringstream hpp, cpp;
  hpp << "// Generated by libsys/gen/gen_libsys.cpp from the x86_64 syscall table. Do not edit.\n"
         "#pragma once\n\n#include <cstdint>\n\n#include \"syscompat/libsys/entry.hpp\"\n"
         "#include \"syscompat/libsys/result.hpp\"\n\n"
         "namespace syscompat::sys {\n\n// Each x86_64 syscall's number, as the description "
         "states it.\nnamespace nr {\n";
  std::set<std::string_view> seen;
  std::vector<const abi::Syscall*> calls;
  for (const auto& call : abi::syscalls(abi::Abi::x86_64)) {
    if (!seen.insert(call.name).second) continue;  // one entry point per name
    calls.push_back(&call);
    hpp << "inline constexpr std::uint32_t " << call.name << " = " << call.number << ";\n";
  }
  // Inline, so that a call through an untouched slot has no function return after the
  // syscall instruction (which costs a mispredicted return on kernels that refill the
  // return stack buffer on exit; see docs/PERFORMANCE.md).
  hpp << "}  // namespace nr\n\n// The C++ API: the result or the error, errno untouched.\n";
  for (const auto* call : calls) {
    const auto params = params_of(*call);
    hpp << "inline Result<long> " << call->name << "(" << join_params(params) << ") { return "
        << "Result<long>::from_raw(" << call_expr(*call, params) << "); }\n";
  }
  hpp << "\n}  // namespace syscompat::sys\n\n// The C API (-1 and errno on error, as libc "
         "does) is declared by libsys.h.\n#include \"libsys.h\"\n";

  // Every entry point lives in libsys_text, with its syscall instruction inline: the range
  // pinning allows (docs/libsys.md).
  cpp << "// Generated by libsys/gen/gen_libsys.cpp from the x86_64 syscall table. Do not edit.\n"
         "#include \"syscompat/libsys/entries.hpp\"\n#include \"syscompat/libsys/entry.hpp\"\n\n"
         "using namespace syscompat::sys;\n#define ENTRY extern \"C\" SYSCOMPAT_LIBSYS_API "
         "SYSCOMPAT_LIBSYS_TEXT long\n";
  std::ostringstream compat;
  compat << "// Generated by libsys/gen/gen_libsys.cpp from versions.hpp. Do not edit.\n";
  for (const auto* call : calls) {
    const auto params = params_of(*call);
    // A moved call's current layout is defined under another name and bound to
    // __sys_<name>@@<node> (local when this library predates the node).
    const auto* transition = versions::transition_of(call->name);
    const std::string symbol = "__sys_" + std::string(call->name) + (transition ? "_current" : "");
    cpp << "ENTRY " << symbol << "(" << join_params(params_of(*call, Lang::c)) << ") { return "
        << "detail::to_libc(" << call_expr(*call, params) << "); }\n";
    if (!transition) continue;
    const bool current_exists = node_rank(transition->node) <= up_to;
    if (current_exists)
      cpp << "__asm__(\".symver " << symbol << ", __sys_" << call->name << "@@" << transition->node
          << "\");\n";
    compat << "__asm__(\".symver " << compat_symbol(call->name, transition->old_node) << ", __sys_"
           << call->name << (current_exists ? "@" : "@@") << transition->old_node << "\");\n";
  }

  // The names by number, for what pinning reports (no lookup by name at run time): one
  // string of names and each number's offset into it, so nothing needs relocating at load.
  std::vector<std::size_t> offsets(syscompat::sys::slot_count, 0);
  std::string text(1, '\0');  // offset 0: the empty name of a gap
  for (const auto* call : calls)
    if (call->number < offsets.size()) {
      offsets[call->number] = text.size();
      text += std::string(call->name) + '\0';
    }
  cpp << "\nnamespace syscompat::sys::detail {\nextern const char syscall_name_text[];\n"
         "extern const std::uint16_t syscall_name_at[slot_count];\n"
         "const char syscall_name_text[] = \"";
  for (char c : text) cpp << (c == '\0' ? std::string("\\0") : std::string(1, c));
  cpp << "\";\nconst std::uint16_t syscall_name_at[slot_count] = {";
  for (std::size_t i = 0; i < offsets.size(); ++i)
    cpp << (i % 16 ? " " : "\n    ") << offsets[i] << ",";
  cpp << "\n};\n}  // namespace syscompat::sys::detail\n";
  std::ofstream(out / "libsys.h") << c_header(calls);
  std::ofstream(out / "syscompat/libsys/entries.hpp") << hpp.str();
  std::ofstream(out / "entries.cpp") << cpp.str();
  std::ofstream(out / "libsys.map") << version_script(calls, up_to);
  std::ofstream(out / "compat_symvers.inc") << compat.str();
  return 0;
}
