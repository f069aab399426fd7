// Turns a described struct type into its run-time StructLayout, walking the members with
// Boost.PFR and taking offsets from this compiler's own layout of the instantiation.
#pragma once

#include <boost/pfr/core.hpp>
#include <boost/pfr/tuple_size.hpp>
#include <string>

#include "syscompat/abi/layout.hpp"

namespace syscompat::abi {

namespace detail {
template <class T>
struct IsArray : std::false_type {};
template <class T, std::size_t N>
struct IsArray<Array<T, N>> : std::true_type {};
template <class T>
struct IsPad : std::false_type {};
template <std::size_t N>
struct IsPad<Pad<N>> : std::true_type {};
template <class T>
struct IsUnion : std::false_type {};
template <FixedString N, class... Ts>
struct IsUnion<Union<N, Ts...>> : std::true_type {};
template <class S>
consteval bool newer_members_named() {
  for (const NewerMember& newer : newer_members<S>) {
    bool found = false;
    for (std::string_view name : S::member_names) found = found || name == newer.member;
    if (!found) return false;
  }
  return true;
}
}  // namespace detail

template <class T>
FieldLayout field_type_layout() {
  FieldLayout field;
  field.size = sizeof(T);
  field.align = alignof(T);
  if constexpr (detail::IsArray<T>::value) {
    const FieldLayout element = field_type_layout<typename T::element_type>();
    field.kind = FieldKind::array;
    field.type = element.type + "[" + std::to_string(T::extent) + "]";
    field.is_signed = element.is_signed;
    field.element_kind = element.kind;
    field.element_size = element.size;
  } else if constexpr (detail::IsPad<T>::value) {
    field.kind = FieldKind::padding;
    field.type = "pad[" + std::to_string(sizeof(T)) + "]";
  } else if constexpr (detail::IsUnion<T>::value) {
    field.kind = FieldKind::union_;
    field.type = "union " + std::string(T::type_name);
  } else if constexpr (described_struct<T>) {
    field.kind = FieldKind::record;
    field.type = std::string(T::description_name);
  } else {
    field.kind = T::kind == ScalarKind::pointer    ? FieldKind::pointer
                 : T::kind == ScalarKind::floating ? FieldKind::floating
                                                   : FieldKind::integer;
    field.type = std::string(T::type_name);
    field.is_signed = T::is_signed;
  }
  return field;
}

template <class S>
StructLayout struct_layout_of(Abi abi) {
  StructLayout layout;
  layout.name = std::string(S::description_name);
  layout.abi = abi;
  if constexpr (!is_present_v<S>) {
    layout.present = false;
    layout.why_absent = std::string(S::why_absent);
  } else {
    static_assert(boost::pfr::tuple_size_v<S> == S::field_names.size(),
                  "a described struct's members and names disagree");
    static_assert(detail::newer_members_named<S>(),
                  "newer_members names a member the entry does not have");
    layout.size = sizeof(S);
    layout.align = alignof(S);
    layout.probe = S::probe;
    const S value{};
    const auto* base = reinterpret_cast<const unsigned char*>(&value);
    boost::pfr::for_each_field(value, [&](const auto& member, std::size_t index) {
      using T = std::remove_cvref_t<decltype(member)>;
      if constexpr (!is_absent_v<T>) {
        FieldLayout field = field_type_layout<T>();
        field.name = std::string(S::field_names[index]);
        field.member = std::string(S::member_names[index]);
        field.offset =
            static_cast<std::size_t>(reinterpret_cast<const unsigned char*>(&member) - base);
        for (const NewerMember& newer : newer_members<S>)
          if (newer.member == field.member) {
            field.since = newer.since;
            if (newer.appended && newer.since > layout.size_since) layout.size_since = newer.since;
          }
        layout.fields.push_back(std::move(field));
      }
    });
  }
  return layout;
}

}  // namespace syscompat::abi
