// Struct conversion between any two data models, derived from the descriptions: Boost.PFR
// walks the destination's members, each is matched by name (at compile time) with the
// source's member of the same name, and scalars are converted by value with a declared
// narrowing policy. Members the source lacks are zero; padding is zero.
#pragma once

#include <boost/pfr/core.hpp>
#include <cerrno>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>
#include <utility>

#include "syscompat/abi/describe.hpp"
#include "syscompat/abi/storage.hpp"

namespace syscompat::translators {

// What to do with a value that does not fit its destination.
enum class Narrowing {
  eoverflow,  // fail the conversion with EOVERFLOW, as the kernel's cp_compat_stat does
  clamp,      // saturate to the destination's range
  truncate,   // keep the low bits, as a C cast does
};

namespace detail {

template <class T>
struct IsScalar : std::false_type {};
template <class R, std::size_t A, abi::ByteOrder O, abi::FixedString N, abi::ScalarKind K>
struct IsScalar<abi::Scalar<R, A, O, N, K>> : std::true_type {};

template <class T>
struct IsArray : std::false_type {};
template <class T, std::size_t N>
struct IsArray<abi::Array<T, N>> : std::true_type {};

template <class T>
struct IsRaw : std::false_type {};  // converted as bytes: unions, padding, opaque scalars
template <abi::FixedString N, class... Ts>
struct IsRaw<abi::Union<N, Ts...>> : std::true_type {};
template <std::size_t N>
struct IsRaw<abi::Pad<N>> : std::true_type {};
template <std::size_t S, std::size_t A, abi::FixedString N>
struct IsRaw<abi::Opaque<S, A, N>> : std::true_type {};

// Kernel structs name their padding __padN, __unusedN or __reserved: always zero, never
// carried over (two ABIs' padding need not even have the same shape).
constexpr bool is_padding_name(std::string_view name) {
  return name.starts_with("__pad") || name.starts_with("__unused") || name.starts_with("__reserved");
}

template <class S>
constexpr std::size_t member_index(std::string_view name) {
  if (is_padding_name(name)) return static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < S::field_names.size(); ++i)
    if (S::field_names[i] == name) return i;
  return static_cast<std::size_t>(-1);
}

template <class S>
constexpr abi::MemberSource member_source(std::string_view name) {
  for (const auto& source : abi::member_sources<S>)
    if (source.member == name) return source;
  return {{}, {}, false};
}

// Converts one integer value into To's representation under `policy`.
template <class ToRepr, class FromRepr>
int narrow(FromRepr value, ToRepr& out, Narrowing policy) {
  if constexpr (std::is_same_v<ToRepr, FromRepr>) {
    out = value;
    return 0;
  } else {
    using Lim = std::numeric_limits<ToRepr>;
    const bool fits = std::in_range<ToRepr>(value);
    if (fits || policy == Narrowing::truncate) {
      out = static_cast<ToRepr>(value);
      return 0;
    }
    if (policy == Narrowing::eoverflow) return EOVERFLOW;
    out = std::cmp_less(value, 0) ? Lim::min() : Lim::max();
    return 0;
  }
}

}  // namespace detail

template <class To, class From>
int convert(const From& from, To& to, Narrowing policy = Narrowing::eoverflow);

namespace detail {

template <class To, class From>
int convert_member(const From& from, To& to, Narrowing policy) {
  if constexpr (IsScalar<To>::value && IsScalar<From>::value) {
    typename To::repr value{};
    if (int error = narrow(from.get(), value, policy)) return error;
    to.set(value);
    return 0;
  } else if constexpr (IsArray<To>::value && IsArray<From>::value) {
    static_assert(To::extent == From::extent, "arrays of different lengths");
    for (std::size_t i = 0; i < To::extent; ++i)
      if (int error = convert_member(from[i], to[i], policy)) return error;
    return 0;
  } else if constexpr (abi::described_struct<To> && abi::described_struct<From>) {
    return convert(from, to, policy);
  } else if constexpr (IsRaw<To>::value && IsRaw<From>::value && sizeof(To) == sizeof(From)) {
    std::memcpy(&to, &from, sizeof(To));  // same bytes on both sides, by construction
    return 0;
  } else if constexpr (abi::is_absent_v<To> || abi::is_absent_v<From>) {
    return 0;
  } else {
    static_assert(sizeof(To) == 0, "no conversion between these member types");
    return 0;
  }
}

}  // namespace detail

// Converts `from` into `to` (value-initialised first). 0, or EOVERFLOW under that policy.
template <class To, class From>
int convert(const From& from, To& to, Narrowing policy) {
  to = To{};
  int error = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          constexpr std::size_t same_name = detail::member_index<From>(To::field_names[I]);
          constexpr auto other = detail::member_source<To>(To::field_names[I]);
          if constexpr (same_name != static_cast<std::size_t>(-1)) {
            if (!error)
              error = detail::convert_member(boost::pfr::get<same_name>(from), boost::pfr::get<I>(to), policy);
          } else if constexpr (other.member.size() != 0) {
            constexpr std::size_t source = detail::member_index<From>(other.from);
            if constexpr (source != static_cast<std::size_t>(-1)) {
              if (!error)
                error = detail::convert_member(boost::pfr::get<source>(from), boost::pfr::get<I>(to),
                                               other.truncates ? Narrowing::truncate : policy);
            }
          }
        }(),
        ...);
  }(std::make_index_sequence<To::field_names.size()>{});
  return error;
}

}  // namespace syscompat::translators
