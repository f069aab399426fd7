#include "syscompat/abi/layout.hpp"

#include <algorithm>
#include <stdexcept>

#include "layouts/struct_layouts_of.hpp"
#include "syscompat/abi/reflect.hpp"

namespace syscompat::abi {

std::string_view field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::integer:
      return "integer";
    case FieldKind::pointer:
      return "pointer";
    case FieldKind::floating:
      return "floating";
    case FieldKind::array:
      return "array";
    case FieldKind::record:
      return "struct";
    case FieldKind::union_:
      return "union";
    case FieldKind::padding:
      return "padding";
  }
  return "?";
}

namespace {

std::vector<StructLayout> build_all() {
  std::vector<StructLayout> layouts;
  for_each_model([&]<class M>() { detail::append_struct_layouts<M>(layouts); });
  return layouts;
}

template <class T>
std::vector<std::uint8_t> sample_bytes(typename T::repr value) {
  T storage{};
  storage.set(value);
  return {std::begin(storage.bytes), std::end(storage.bytes)};
}

std::vector<ModelLayout> build_models() {
  std::vector<ModelLayout> models;
  for_each_model([&]<class M>() {
    ModelLayout model;
    model.abi = M::abi;
    model.order = M::order;
#define SYSCOMPAT_ADD(name, c_type)                                             \
  {                                                                             \
    const FieldLayout field = field_type_layout<typename M::name>();            \
    model.scalars.push_back(                                                    \
        {#name, c_type, field.size, field.align, field.is_signed, field.kind}); \
  }
    SYSCOMPAT_SCALARS(SYSCOMPAT_ADD)
#undef SYSCOMPAT_ADD
    model.u16_sample = sample_bytes<typename M::u16>(0x0102);
    model.u32_sample = sample_bytes<typename M::u32>(0x01020304);
    model.u64_sample = sample_bytes<typename M::u64>(0x0102030405060708);
    models.push_back(std::move(model));
  });
  return models;
}

}  // namespace

const std::vector<StructLayout>& all_struct_layouts() {
  static const std::vector<StructLayout> layouts = build_all();
  return layouts;
}

std::vector<StructLayout> struct_layouts(Abi abi) {
  std::vector<StructLayout> result;
  for (const auto& layout : all_struct_layouts())
    if (layout.abi == abi) result.push_back(layout);
  return result;
}

const StructLayout* find_struct_layout(Abi abi, std::string_view name) {
  for (const auto& layout : all_struct_layouts())
    if (layout.abi == abi && layout.name == name) return &layout;
  return nullptr;
}

std::vector<std::string> struct_names() {
  std::vector<std::string> names;
  for (const auto& layout : all_struct_layouts())
    if (layout.abi == all_abis.front()) names.push_back(layout.name);
  return names;
}

const ModelLayout& model_layout(Abi abi) {
  static const std::vector<ModelLayout> models = build_models();
  return models.at(static_cast<std::size_t>(abi));
}

}  // namespace syscompat::abi
