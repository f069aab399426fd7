// The description's layouts as run-time data: what the `syscompat layout` command prints,
// what the compiler checker compares, what the docs tables are generated from.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/models.hpp"

namespace syscompat::abi {

enum class FieldKind { integer, pointer, floating, array, record, union_, padding };

std::string_view field_kind_name(FieldKind kind);

struct FieldLayout {
  std::string name;    // the C name (the kernel header's)
  std::string member;  // the description's own identifier (differs where a libc macro would)
  std::size_t offset = 0;
  std::size_t size = 0;
  std::size_t align = 1;
  std::string type;
  FieldKind kind = FieldKind::integer;
  bool is_signed = false;                       // integers, and arrays of integers (their elements)
  FieldKind element_kind = FieldKind::integer;  // arrays only
  std::size_t element_size = 0;                 // arrays only
  KernelRelease since = {};                     // set when a later release added it (newer_members)
};

struct StructLayout {
  std::string name;
  Abi abi = Abi::i386;
  bool present = true;
  std::string why_absent;
  std::size_t size = 0;
  std::size_t align = 1;
  std::vector<FieldLayout> fields;
  Probe probe{};
  KernelRelease size_since = {};  // the release of its size, where a member was appended
};

struct ScalarLayout {
  std::string name;
  std::string c_type;
  std::size_t size = 0;
  std::size_t align = 1;
  bool is_signed = false;
  FieldKind kind = FieldKind::integer;
};

struct ModelLayout {
  Abi abi = Abi::i386;
  ByteOrder order = ByteOrder::little;
  std::vector<ScalarLayout> scalars;
  // The model's own bytes for 0x0102, 0x01020304 and 0x0102030405060708 in its u16, u32
  // and u64 storage: what the compiler must emit for the same constants.
  std::vector<std::uint8_t> u16_sample, u32_sample, u64_sample;
};

// Every described struct on every ABI (absent ones included, marked), in catalog order.
const std::vector<StructLayout>& all_struct_layouts();
std::vector<StructLayout> struct_layouts(Abi abi);
const StructLayout* find_struct_layout(Abi abi, std::string_view name);
std::vector<std::string> struct_names();
const ModelLayout& model_layout(Abi abi);

}  // namespace syscompat::abi
