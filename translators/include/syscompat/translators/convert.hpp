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

using abi::Narrowing;

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

// A union's first member, when it is a scalar.
template <class T>
struct UnionFirst {
  static constexpr bool scalar = false;
};
template <abi::FixedString N, class First, class... Rest>
struct UnionFirst<abi::Union<N, First, Rest...>> {
  using type = First;
  static constexpr bool scalar = IsScalar<First>::value;
};

// Kernel structs name their padding __padN, __unusedN, __reserved or _dummy_* (siginfo's
// room before _lower and _pkey): always zero, never carried over (two ABIs' padding need
// not even have the same shape).
constexpr bool is_padding_name(std::string_view name) {
  return name.starts_with("__pad") || name.starts_with("__unused") ||
         name.starts_with("__reserved") || name.starts_with("_dummy_");
}

template <class S>
constexpr std::size_t member_index(std::string_view name) {
  if (is_padding_name(name)) return static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < S::field_names.size(); ++i)
    if (S::field_names[i] == name) return i;
  return static_cast<std::size_t>(-1);
}

template <class S>
constexpr abi::MemberRule member_rule(std::string_view name) {
  for (const auto& rule : abi::member_rules<S>)
    if (rule.member == name) return rule;
  return {};
}

// Whether a member is a described struct or an array of them: it resolves Narrowing::as_kernel
// by its own kernel_narrowing.
template <class T>
constexpr bool holds_struct() {
  if constexpr (IsArray<T>::value)
    return holds_struct<typename T::element_type>();
  else
    return abi::described_struct<T>;
}

// Whether every rule of S names one of its members (a misspelt rule would do nothing).
template <class S>
constexpr bool rules_name_members() {
  for (const auto& rule : abi::member_rules<S>)
    if (member_index<S>(rule.member) == static_cast<std::size_t>(-1)) return false;
  return true;
}

// Converts one integer value into To's representation under `policy`.
template <class ToRepr, class FromRepr>
int narrow(FromRepr value, ToRepr& out, Narrowing policy,
           std::int64_t max = std::numeric_limits<std::int64_t>::max()) {
  using Lim = std::numeric_limits<ToRepr>;
  const bool fits = std::in_range<ToRepr>(value) && !std::cmp_greater(value, max);
  if (fits || policy == Narrowing::truncate) {
    out = static_cast<ToRepr>(value);
    return 0;
  }
  if (policy == Narrowing::eoverflow || policy == Narrowing::as_kernel) return EOVERFLOW;
  out = std::cmp_less(value, 0)             ? Lim::min()
        : std::cmp_greater(Lim::max(), max) ? static_cast<ToRepr>(max)
                                            : Lim::max();
  return 0;
}

}  // namespace detail

template <class To, class From>
int convert(const From& from, To& to, Narrowing policy = Narrowing::eoverflow,
            bool keep_padding = false);

namespace detail {
template <class To, class From>
constexpr bool struct_convertible();
}
// Whether convert<To, From> exists for these two described structs.
template <class To, class From>
inline constexpr bool convertible_v =
    detail::struct_convertible<To, From>() && detail::struct_convertible<From, To>();

namespace detail {

template <class To, class From>
constexpr bool member_convertible();

template <class S, std::size_t I>
using member_t = std::remove_cvref_t<decltype(boost::pfr::get<I>(std::declval<S&>()))>;

// The member of S with this C name that this model has: a struct may declare a name twice,
// once per model (semid64_ds's sem_otime is 32 bits with a _high half on i386 and one
// 64-bit member on x86_64), the other one absent.
template <class S>
constexpr std::size_t present_member_index(std::string_view name) {
  if (is_padding_name(name)) return static_cast<std::size_t>(-1);
  return []<std::size_t... I>(std::string_view wanted, std::index_sequence<I...>) {
    std::size_t found = static_cast<std::size_t>(-1);
    ((S::field_names[I] == wanted &&
              (found == static_cast<std::size_t>(-1) || !abi::is_absent_v<member_t<S, I>>)
          ? (found = I, 0)
          : 0),
     ...);
    return found;
  }
  (name, std::make_index_sequence<S::field_names.size()>{});
}

// Where each member of S lies, by C's layout rules (an absent member takes no room); the
// compile-time twin of what reflect.hpp reads from the compiler at run time.
template <class S>
constexpr auto member_offsets() {
  return []<std::size_t... I>(std::index_sequence<I...>) {
    std::array<std::size_t, sizeof...(I)> offsets{};
    std::size_t end = 0;
    (
        [&] {
          using T = member_t<S, I>;
          if constexpr (abi::is_absent_v<T>) {
            offsets[I] = end;
          } else {
            offsets[I] = (end + alignof(T) - 1) / alignof(T) * alignof(T);
            end = offsets[I] + sizeof(T);
          }
        }(),
        ...);
    return offsets;
  }
  (std::make_index_sequence<S::field_names.size()>{});
}

// Zeroes the bytes of S no member covers (alignment holes and the tail), leaving members
// alone: each is written by the conversion anyway, and a whole-struct clear first costs
// as much as the conversion itself.
template <class S>
void zero_gaps(S& value) {
  auto* bytes = reinterpret_cast<std::uint8_t*>(&value);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    constexpr auto offsets = member_offsets<S>();
    std::size_t end = 0;
    (
        [&] {
          using T = member_t<S, I>;
          if constexpr (!abi::is_absent_v<T>) {
            if (offsets[I] > end) std::memset(bytes + end, 0, offsets[I] - end);
            end = offsets[I] + sizeof(T);
          }
        }(),
        ...);
    if (end < sizeof(S)) std::memset(bytes + end, 0, sizeof(S) - end);
  }
  (std::make_index_sequence<S::field_names.size()>{});
}

// Whether two types have the same bytes for the same values: then a struct of such members
// converts by copying (statx's i386 and x86_64 layouts differ only in alignment).
template <class A, class B>
constexpr bool same_bytes() {
  if constexpr (sizeof(A) != sizeof(B)) {
    return false;
  } else if constexpr (IsScalar<A>::value && IsScalar<B>::value) {
    return std::is_same_v<typename A::repr, typename B::repr> && A::order == B::order;
  } else if constexpr (IsArray<A>::value && IsArray<B>::value) {
    return A::extent == B::extent &&
           same_bytes<typename A::element_type, typename B::element_type>();
  } else if constexpr (IsRaw<A>::value && IsRaw<B>::value) {
    return true;
  } else if constexpr (abi::described_struct<A> && abi::described_struct<B>) {
    if constexpr (A::field_names.size() != B::field_names.size() ||
                  abi::member_rules<A>.size() != 0 || abi::member_rules<B>.size() != 0 ||
                  abi::kernel_writes_members_only<A> || abi::kernel_writes_members_only<B>) {
      return false;
    } else {
      return []<std::size_t... I>(std::index_sequence<I...>) {
        constexpr auto a_offsets = member_offsets<A>();
        constexpr auto b_offsets = member_offsets<B>();
        return ((A::field_names[I] == B::field_names[I] && a_offsets[I] == b_offsets[I] &&
                 same_bytes<member_t<A, I>, member_t<B, I>>()) &&
                ...);
      }
      (std::make_index_sequence<A::field_names.size()>{});
    }
  } else {
    return abi::is_absent_v<A> && abi::is_absent_v<B>;
  }
}

template <class To, class From>
constexpr bool struct_convertible() {
  return []<std::size_t... I>(std::index_sequence<I...>) {
    return ([] {
      constexpr std::size_t source = present_member_index<From>(To::field_names[I]);
      if constexpr (source == static_cast<std::size_t>(-1)) {
        return true;
      } else {
        using ToMember = std::remove_cvref_t<decltype(boost::pfr::get<I>(std::declval<To&>()))>;
        using FromMember =
            std::remove_cvref_t<decltype(boost::pfr::get<source>(std::declval<From&>()))>;
        return member_convertible<ToMember, FromMember>();
      }
    }() && ...);
  }
  (std::make_index_sequence<To::field_names.size()>{});
}

template <class To, class From>
constexpr bool member_convertible() {
  if constexpr (IsScalar<To>::value && IsScalar<From>::value) {
    return true;
  } else if constexpr (IsArray<To>::value && IsArray<From>::value) {
    return To::extent == From::extent &&
           member_convertible<typename To::element_type, typename From::element_type>();
  } else if constexpr (abi::described_struct<To> && abi::described_struct<From>) {
    return struct_convertible<To, From>();
  } else if constexpr (IsRaw<To>::value && IsRaw<From>::value) {
    return sizeof(To) == sizeof(From) || (UnionFirst<To>::scalar && UnionFirst<From>::scalar);
  } else {
    return abi::is_absent_v<To> || abi::is_absent_v<From>;
  }
}

template <class To, class From>
int convert_member(const From& from, To& to, Narrowing policy,
                   std::int64_t max = std::numeric_limits<std::int64_t>::max(),
                   std::optional<std::int64_t> overflow = {}, bool high_half = false) {
  if constexpr (IsScalar<To>::value && IsScalar<From>::value) {
    typename To::repr value{};
    if (high_half) {
      to.set(static_cast<typename To::repr>(static_cast<std::uint64_t>(from.get()) >> 32));
      return 0;
    }
    if (overflow && narrow(from.get(), value, Narrowing::eoverflow, max)) {
      to.set(static_cast<typename To::repr>(*overflow));
      return 0;
    }
    // A pointer narrows as ptr_to_compat does: the low 32 bits.
    if (int error =
            narrow(from.get(), value,
                   To::kind == abi::ScalarKind::pointer ? Narrowing::truncate : policy, max))
      return error;
    to.set(value);
    return 0;
  } else if constexpr (IsArray<To>::value && IsArray<From>::value) {
    static_assert(To::extent == From::extent, "arrays of different lengths");
    for (std::size_t i = 0; i < To::extent; ++i)
      if (int error = convert_member(from[i], to[i], policy)) return error;
    return 0;
  } else if constexpr (abi::described_struct<To> && abi::described_struct<From>) {
    return convert(from, to, policy, false);
  } else if constexpr (IsRaw<To>::value && IsRaw<From>::value && sizeof(To) == sizeof(From)) {
    std::memcpy(&to, &from, sizeof(To));  // same bytes on both sides, by construction
    return 0;
  } else if constexpr (UnionFirst<To>::scalar && UnionFirst<From>::scalar) {
    // Unions of different sizes (sigval: int or pointer) carry their first member, the rest
    // zero: the kernel's compat copies move si_int / sival_int, never the whole union.
    typename UnionFirst<From>::type first;
    std::memcpy(&first, from.bytes, sizeof first);
    typename UnionFirst<To>::type converted;
    if (int error = convert_member(first, converted, policy)) return error;
    std::memset(to.bytes, 0, sizeof to.bytes);
    std::memcpy(to.bytes, &converted, sizeof converted);
    return 0;
  } else if constexpr (abi::is_absent_v<To> || abi::is_absent_v<From>) {
    return 0;
  } else {
    static_assert(sizeof(To) == 0, "no conversion between these member types");
    return 0;
  }
}

}  // namespace detail

// Converts `from` into `to`: 0, or EOVERFLOW under the policy (a member's own rule wins;
// under Narrowing::as_kernel, then the struct's kernel_narrowing).
// `to` is value-initialised first, unless keep_padding: then what it holds stays where no
// member is written (the kernel's member-by-member copies leave padding alone).
template <class To, class From>
int convert(const From& from, To& to, Narrowing policy, bool keep_padding) {
  if constexpr (detail::same_bytes<To, From>()) {
    std::memcpy(&to, &from, sizeof to);  // statx, pollfd, clone_args: one layout everywhere
    return 0;
  }
  static_assert(detail::rules_name_members<To>(), "a member rule names no member of its struct");
  // The members' policy: under as_kernel, the struct's own; a nested struct resolves its own.
  const Narrowing struct_policy = policy == Narrowing::as_kernel
                                      ? abi::kernel_narrowing<To>.value_or(Narrowing::eoverflow)
                                      : policy;
  if (!keep_padding) detail::zero_gaps(to);
  // Tie each struct's members once: boost::pfr::get<I> ties the whole struct on every call,
  // which a 30-member struct pays 30 times over.
  auto to_members = boost::pfr::structure_tie(to);
  const auto from_members = boost::pfr::structure_tie(const_cast<From&>(from));
  int error = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          constexpr abi::MemberRule rule = detail::member_rule<To>(To::field_names[I]);
          constexpr std::string_view source_name =
              rule.from.empty() ? To::field_names[I] : rule.from;
          constexpr std::size_t source = detail::present_member_index<From>(source_name);
          constexpr std::int64_t max = rule.max.value_or(std::numeric_limits<std::int64_t>::max());
          auto& member = std::get<I>(to_members);
          if constexpr (source != static_cast<std::size_t>(-1)) {
            constexpr bool nested = detail::holds_struct<std::remove_cvref_t<decltype(member)>>();
            if (!error)
              error =
                  detail::convert_member(std::get<source>(from_members), member,
                                         rule.narrowing.value_or(nested ? policy : struct_policy),
                                         max, rule.overflow, rule.high_half);
          } else if (!keep_padding ||
                     (!detail::is_padding_name(To::field_names[I]) &&
                      !detail::IsRaw<std::remove_cvref_t<decltype(member)>>::value)) {
            member = {};  // a member the source lacks is written as zero
          }
        }(),
        ...);
  }
  (std::make_index_sequence<To::field_names.size()>{});
  return error;
}

}  // namespace syscompat::translators
