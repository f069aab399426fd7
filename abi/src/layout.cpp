#include "syscompat/abi/layout.hpp"

#include <algorithm>
#include <array>
#include <mutex>
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

// One ABI's layouts, built the first time that ABI is asked for: run32 and libsys ask for one
// or two ABIs of seven, and a guest's first ioctl or traced call should not build the rest.
struct AbiLayouts {
  std::vector<StructLayout> layouts;         // catalog order
  std::vector<const StructLayout*> by_name;  // sorted by name, for find_struct_layout
};

const AbiLayouts& layouts_of(Abi abi) {
  static std::array<AbiLayouts, all_abis.size()> built;
  static std::array<std::once_flag, all_abis.size()> once;
  const auto index = static_cast<std::size_t>(abi);
  std::call_once(once.at(index), [&] {
    AbiLayouts& entry = built[index];
    for_each_model([&]<class M>() {
      if (M::abi == abi) detail::append_struct_layouts<M>(entry.layouts);
    });
    for (const StructLayout& layout : entry.layouts) entry.by_name.push_back(&layout);
    std::stable_sort(
        entry.by_name.begin(), entry.by_name.end(),
        [](const StructLayout* a, const StructLayout* b) { return a->name < b->name; });
  });
  return built[index];
}

std::vector<StructLayout> build_all() {
  std::vector<StructLayout> layouts;
  for (Abi abi : all_abis) {
    const auto& of_abi = layouts_of(abi).layouts;
    layouts.insert(layouts.end(), of_abi.begin(), of_abi.end());
  }
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
  return layouts_of(abi).layouts;
}

const StructLayout* find_struct_layout(Abi abi, std::string_view name) {
  const auto& by_name = layouts_of(abi).by_name;
  const auto found = std::lower_bound(
      by_name.begin(), by_name.end(), name,
      [](const StructLayout* layout, std::string_view n) { return layout->name < n; });
  return found != by_name.end() && (*found)->name == name ? *found : nullptr;
}

std::vector<std::string> struct_names() {
  std::vector<std::string> names;
  for (const auto& layout : layouts_of(all_abis.front()).layouts) names.push_back(layout.name);
  return names;
}

const ModelLayout& model_layout(Abi abi) {
  static const std::vector<ModelLayout> models = build_models();
  return models.at(static_cast<std::size_t>(abi));
}

}  // namespace syscompat::abi
