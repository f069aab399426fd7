// A described struct's members at compile time: what the run-time layout table
// (reflect.hpp's struct_layout_of) says of each member, computed by constexpr code, for
// tables built while their file compiles (the translators' converters compare two structs
// with it; the ioctl table finds the member that counts a request's trailing part).
#pragma once

#include <array>
#include <boost/pfr/core.hpp>
#include <boost/pfr/tuple_size.hpp>
#include <cstddef>
#include <string_view>
#include <utility>

#include "syscompat/abi/reflect.hpp"

namespace syscompat::abi {

// A member as the layout table describes it (reflect.hpp's field_type_layout).
struct FieldKey {
  std::string_view name;
  std::size_t offset = 0, size = 0;
  FieldKind kind = FieldKind::integer;
  std::string_view type;                 // the scalar's, union's or struct's name
  std::array<std::size_t, 3> extents{};  // an array's, outermost first
  bool is_signed = false;
  constexpr bool operator==(const FieldKey&) const = default;
};

template <class T>
constexpr void describe_field_type(FieldKey& key, std::size_t depth) {
  if constexpr (detail::IsArray<T>::value) {
    if (depth == 0) key.kind = FieldKind::array;
    if (depth < key.extents.size()) key.extents[depth] = T::extent;
    FieldKey element;
    describe_field_type<typename T::element_type>(element, 0);
    key.type = element.type;
    key.is_signed = element.is_signed;
    if (element.kind == FieldKind::array)
      for (std::size_t i = 0; i + depth + 1 < key.extents.size(); ++i)
        key.extents[depth + 1 + i] = element.extents[i];
  } else if constexpr (detail::IsPad<T>::value) {
    key.kind = FieldKind::padding;
  } else if constexpr (detail::IsUnion<T>::value) {
    key.kind = FieldKind::union_;
    key.type = T::type_name;
  } else if constexpr (described_struct<T>) {
    key.kind = FieldKind::record;
    key.type = T::description_name;
  } else {
    key.kind = T::kind == ScalarKind::pointer    ? FieldKind::pointer
               : T::kind == ScalarKind::floating ? FieldKind::floating
                                                 : FieldKind::integer;
    key.type = T::type_name;
    key.is_signed = T::is_signed;
  }
}

// The present members of S in order, with the offsets the compiler gives them: each at the
// next multiple of its alignment (the storage types carry the ABI's alignment, packed ones 1),
// an absent member taking no room.
template <class S>
struct FieldKeys {
  std::array<FieldKey, boost::pfr::tuple_size_v<S>> keys{};
  std::size_t count = 0;
};

template <class S>
constexpr FieldKeys<S> field_keys() {
  FieldKeys<S> out;
  std::size_t cursor = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = boost::pfr::tuple_element_t<I, S>;
          if constexpr (!is_absent_v<T>) {
            FieldKey& key = out.keys[out.count++];
            key.name = S::field_names[I];
            key.offset = (cursor + alignof(T) - 1) / alignof(T) * alignof(T);
            key.size = sizeof(T);
            cursor = key.offset + sizeof(T);
            describe_field_type<T>(key, 0);
          }
        }(),
        ...);
  }
  (std::make_index_sequence<boost::pfr::tuple_size_v<S>>{});
  return out;
}

}  // namespace syscompat::abi
