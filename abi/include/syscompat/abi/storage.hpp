// Storage types that reproduce a guest ABI's bytes on this host.
//
// A described struct instantiated over a data model is an ordinary C++ aggregate whose
// members are these types; the host compiler then lays it out exactly as the guest's
// compiler does, because every member carries the guest's size and its alignment inside
// structs, and none has tail padding.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace syscompat::abi {

enum class ByteOrder { little, big };

// A string usable as a template argument (C++20 structural type).
template <std::size_t N>
struct FixedString {
  char chars[N]{};
  constexpr FixedString(const char (&text)[N]) { std::copy_n(text, N, chars); }
  constexpr std::string_view view() const { return {chars, N - 1}; }
};

enum class ScalarKind { integer, pointer, floating };

// One guest scalar: its bytes in the guest's order, aligned as the guest aligns it inside
// structs (which is not always its natural alignment: i386 puts 64-bit fields on 4).
template <class Repr, std::size_t Align, ByteOrder Order, FixedString Name,
          ScalarKind Kind = ScalarKind::integer>
struct Scalar {
  using repr = Repr;
  static constexpr ByteOrder order = Order;
  static constexpr ScalarKind kind = Kind;
  static constexpr std::string_view type_name = Name.view();
  static constexpr bool is_signed = std::is_signed_v<Repr>;

  alignas(Align) std::uint8_t bytes[sizeof(Repr)];

  constexpr Repr get() const noexcept {
    using U = std::make_unsigned_t<Repr>;
    if (!std::is_constant_evaluated()) {  // one load, and a byte swap where orders differ
      U value;
      std::memcpy(&value, bytes, sizeof value);
      if (!same_order) value = byte_swap(value);
      return static_cast<Repr>(value);
    }
    U value = 0;
    for (std::size_t i = 0; i < sizeof(Repr); ++i) {
      const std::size_t shift = 8 * (Order == ByteOrder::little ? i : sizeof(Repr) - 1 - i);
      value |= static_cast<U>(static_cast<U>(bytes[i]) << shift);
    }
    return static_cast<Repr>(value);
  }
  constexpr void set(Repr repr_value) noexcept {
    using U = std::make_unsigned_t<Repr>;
    U value = static_cast<U>(repr_value);
    if (!std::is_constant_evaluated()) {
      if (!same_order) value = byte_swap(value);
      std::memcpy(bytes, &value, sizeof value);
      return;
    }
    for (std::size_t i = 0; i < sizeof(Repr); ++i) {
      const std::size_t shift = 8 * (Order == ByteOrder::little ? i : sizeof(Repr) - 1 - i);
      bytes[i] = static_cast<std::uint8_t>(value >> shift);
    }
  }

 private:
  static constexpr bool same_order =
      (Order == ByteOrder::little) == (std::endian::native == std::endian::little);
  template <class U>
  static constexpr U byte_swap(U value) noexcept {
    if constexpr (sizeof(U) == 1) {
      return value;
    } else if constexpr (sizeof(U) == 2) {
      return __builtin_bswap16(value);
    } else if constexpr (sizeof(U) == 4) {
      return __builtin_bswap32(value);
    } else {
      return __builtin_bswap64(value);
    }
  }
};

// The same scalar inside a __attribute__((packed)) declaration: alignment 1.
template <class T>
struct Packed;
template <class Repr, std::size_t Align, ByteOrder Order, FixedString Name, ScalarKind Kind>
struct Packed<Scalar<Repr, Align, Order, Name, Kind>> {
  using type = Scalar<Repr, 1, Order, Name, Kind>;
};
template <class T>
using packed_t = typename Packed<T>::type;

// A scalar whose bits are not an integer (long double): only size and alignment matter.
template <std::size_t Size, std::size_t Align, FixedString Name>
struct Opaque {
  static constexpr ScalarKind kind = ScalarKind::floating;
  static constexpr std::string_view type_name = Name.view();
  static constexpr bool is_signed = true;
  alignas(Align) std::uint8_t bytes[Size];
};

// A fixed-size array field. (Boost.PFR cannot walk C-array members, hence the wrapper.)
template <class T, std::size_t N>
struct Array {
  using element_type = T;
  static constexpr std::size_t extent = N;
  T elements[N];
  constexpr T& operator[](std::size_t i) noexcept { return elements[i]; }
  constexpr const T& operator[](std::size_t i) const noexcept { return elements[i]; }
};

// A C union field: the size and alignment of its largest and most aligned member. Its
// members are described structs of their own; a union is converted only by hand-written
// code that knows which member is live (siginfo by si_code, sigevent by sigev_notify).
template <FixedString Name, class... Members>
struct Union {
  static constexpr std::string_view type_name = Name.view();
  static constexpr std::size_t size = std::max({sizeof(Members)...});
  static constexpr std::size_t align = std::max({alignof(Members)...});
  alignas(align) std::uint8_t bytes[size];
};

// Padding that the C declaration does not name (unnamed bit-fields), so no probe can
// reach it; the checker still accounts for its bytes.
template <std::size_t N>
struct Pad {
  std::uint8_t bytes[N];
};

// A field that this ABI's declaration does not have. Declared [[no_unique_address]] so it
// takes no room; the index keeps two absent fields of one struct distinct types.
template <std::size_t Index>
struct Absent {};

namespace detail {
template <class T>
struct FieldType {
  using type = T;
};
template <class T, std::size_t N>
struct FieldType<T[N]> {
  using type = Array<typename FieldType<T>::type, N>;
};
template <bool Present, class T, std::size_t Index>
struct WhenType {
  using type = T;
};
template <class T, std::size_t Index>
struct WhenType<false, T, Index> {
  using type = Absent<Index>;
};
}  // namespace detail

// `c_char[65]` in a description means Array<c_char, 65>.
template <class T>
using field_t = typename detail::FieldType<T>::type;

template <bool Present, class T, std::size_t Index>
using when_t = typename detail::WhenType<Present, T, Index>::type;

template <class T>
inline constexpr bool is_absent_v = false;
template <std::size_t I>
inline constexpr bool is_absent_v<Absent<I>> = true;

}  // namespace syscompat::abi
