// The data models: one parameter record per ABI, and one template that turns it into the
// scalar storage types the struct descriptions are written in.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "syscompat/abi/storage.hpp"

namespace syscompat::abi {

enum class Abi { i386, x86_64, x32, arm_eabi, aarch64, riscv64, mips_o32 };

inline constexpr std::array all_abis{Abi::i386,    Abi::x86_64,  Abi::x32,     Abi::arm_eabi,
                                     Abi::aarch64, Abi::riscv64, Abi::mips_o32};

// Everything about an ABI's scalars that differs between ABIs. The values are the ones the
// ABI's compilers and UAPI headers give; `syscompat layout --check` verifies each of them.
struct ModelParams {
  Abi abi;
  ByteOrder order;
  bool char_signed;
  unsigned pointer_size;      // also long, size_t and __kernel_size_t
  unsigned align64;           // alignment of 64-bit scalars inside structs
  unsigned kernel_long_size;  // __kernel_long_t: 8 on x32 although long is 4
  unsigned long_double_size;
  unsigned long_double_align;
  unsigned mode_size;     // __kernel_mode_t
  unsigned uid_size;      // __kernel_uid_t and __kernel_gid_t (16-bit on i386 and arm)
  unsigned ipc_pid_size;  // __kernel_ipc_pid_t: unsigned short, or int
  unsigned old_dev_size;  // __kernel_old_dev_t
  unsigned old_uid_size;  // __kernel_old_uid_t
  bool swapped_siginfo;   // mips: si_code before si_errno
};

inline constexpr ModelParams i386_params{
    Abi::i386, ByteOrder::little, true, 4, 4, 4, 12, 4, 2, 2, 2, 2, 2, false};
inline constexpr ModelParams x86_64_params{
    Abi::x86_64, ByteOrder::little, true, 8, 8, 8, 16, 16, 4, 4, 4, 8, 2, false};
inline constexpr ModelParams x32_params{
    Abi::x32, ByteOrder::little, true, 4, 8, 8, 16, 16, 4, 4, 4, 4, 2, false};
inline constexpr ModelParams arm_eabi_params{
    Abi::arm_eabi, ByteOrder::little, false, 4, 8, 4, 8, 8, 2, 2, 2, 2, 2, false};
inline constexpr ModelParams aarch64_params{
    Abi::aarch64, ByteOrder::little, false, 8, 8, 8, 16, 16, 4, 4, 4, 4, 2, false};
inline constexpr ModelParams riscv64_params{
    Abi::riscv64, ByteOrder::little, false, 8, 8, 8, 16, 16, 4, 4, 4, 4, 4, false};
inline constexpr ModelParams mips_o32_params{
    Abi::mips_o32, ByteOrder::big, true, 4, 8, 4, 8, 8, 4, 4, 4, 4, 4, true};

namespace detail {
template <unsigned Size>
struct IntRepr;
template <>
struct IntRepr<1> {
  using u = std::uint8_t;
  using s = std::int8_t;
};
template <>
struct IntRepr<2> {
  using u = std::uint16_t;
  using s = std::int16_t;
};
template <>
struct IntRepr<4> {
  using u = std::uint32_t;
  using s = std::int32_t;
};
template <>
struct IntRepr<8> {
  using u = std::uint64_t;
  using s = std::int64_t;
};
}  // namespace detail

// Every scalar a description may use: the name it has in descriptions and the C type the
// layout probes ask the compiler about. One list; the models and the struct templates
// both expand it, so a scalar a model lacks does not compile.
#define SYSCOMPAT_SCALARS(X)                  \
  X(u8, "__u8")                               \
  X(s8, "__s8")                               \
  X(u16, "__u16")                             \
  X(s16, "__s16")                             \
  X(u32, "__u32")                             \
  X(s32, "__s32")                             \
  X(u64, "__u64")                             \
  X(s64, "__s64")                             \
  X(aligned_u64, "__aligned_u64")             \
  X(be16, "__be16")                           \
  X(be32, "__be32")                           \
  X(c_char, "char")                           \
  X(c_uchar, "unsigned char")                 \
  X(c_short, "short")                         \
  X(c_ushort, "unsigned short")               \
  X(c_int, "int")                             \
  X(c_uint, "unsigned int")                   \
  X(c_long, "long")                           \
  X(c_ulong, "unsigned long")                 \
  X(c_llong, "long long")                     \
  X(c_ullong, "unsigned long long")           \
  X(c_long_double, "long double")             \
  X(ptr, "void *")                            \
  X(kernel_long, "__kernel_long_t")           \
  X(kernel_ulong, "__kernel_ulong_t")         \
  X(kernel_size, "__kernel_size_t")           \
  X(kernel_ssize, "__kernel_ssize_t")         \
  X(kernel_off, "__kernel_off_t")             \
  X(kernel_loff, "__kernel_loff_t")           \
  X(kernel_old_time, "__kernel_old_time_t")   \
  X(kernel_time64, "__kernel_time64_t")       \
  X(kernel_clock, "__kernel_clock_t")         \
  X(kernel_suseconds, "__kernel_suseconds_t") \
  X(kernel_mode, "__kernel_mode_t")           \
  X(kernel_uid, "__kernel_uid_t")             \
  X(kernel_gid, "__kernel_gid_t")             \
  X(kernel_uid32, "__kernel_uid32_t")         \
  X(kernel_gid32, "__kernel_gid32_t")         \
  X(kernel_old_uid, "__kernel_old_uid_t")     \
  X(kernel_old_gid, "__kernel_old_gid_t")     \
  X(kernel_pid, "__kernel_pid_t")             \
  X(kernel_ipc_pid, "__kernel_ipc_pid_t")     \
  X(kernel_daddr, "__kernel_daddr_t")         \
  X(kernel_ino, "__kernel_ino_t")             \
  X(kernel_old_dev, "__kernel_old_dev_t")     \
  X(kernel_key, "__kernel_key_t")             \
  X(kernel_timer, "__kernel_timer_t")         \
  X(kernel_clockid, "__kernel_clockid_t")     \
  X(kernel_mqd, "__kernel_mqd_t")             \
  X(kernel_sa_family, "__kernel_sa_family_t")

template <ModelParams P>
struct Model {
  static constexpr ModelParams params = P;
  static constexpr Abi abi = P.abi;
  static constexpr ByteOrder order = P.order;
  static constexpr bool is_64bit = P.pointer_size == 8;

 private:
  template <unsigned Size>
  using U = typename detail::IntRepr<Size>::u;
  template <unsigned Size>
  using S = typename detail::IntRepr<Size>::s;
  static constexpr std::size_t align_for(std::size_t size) { return size == 8 ? P.align64 : size; }

 public:
  template <class Repr, FixedString Name>
  using Int = Scalar<Repr, align_for(sizeof(Repr)), P.order, Name>;

  using u8 = Int<std::uint8_t, "u8">;
  using s8 = Int<std::int8_t, "s8">;
  using u16 = Int<std::uint16_t, "u16">;
  using s16 = Int<std::int16_t, "s16">;
  using u32 = Int<std::uint32_t, "u32">;
  using s32 = Int<std::int32_t, "s32">;
  using u64 = Int<std::uint64_t, "u64">;
  using s64 = Int<std::int64_t, "s64">;
  // __attribute__((aligned(8))) even where 64-bit scalars are aligned to 4 (i386)
  using aligned_u64 = Scalar<std::uint64_t, 8, P.order, "aligned_u64">;
  // Network byte order whatever the model's.
  using be16 = Scalar<std::uint16_t, 2, ByteOrder::big, "be16">;
  using be32 = Scalar<std::uint32_t, 4, ByteOrder::big, "be32">;

  using c_char =
      std::conditional_t<P.char_signed, Int<std::int8_t, "c_char">, Int<std::uint8_t, "c_char">>;
  using c_uchar = Int<std::uint8_t, "c_uchar">;
  using c_short = Int<std::int16_t, "c_short">;
  using c_ushort = Int<std::uint16_t, "c_ushort">;
  using c_int = Int<std::int32_t, "c_int">;
  using c_uint = Int<std::uint32_t, "c_uint">;
  using c_long = Int<S<P.pointer_size>, "c_long">;
  using c_ulong = Int<U<P.pointer_size>, "c_ulong">;
  using c_llong = Int<std::int64_t, "c_llong">;
  using c_ullong = Int<std::uint64_t, "c_ullong">;
  using c_long_double = Opaque<P.long_double_size, P.long_double_align, "c_long_double">;
  using ptr = Scalar<U<P.pointer_size>, P.pointer_size, P.order, "ptr", ScalarKind::pointer>;

  using kernel_long = Int<S<P.kernel_long_size>, "kernel_long">;
  using kernel_ulong = Int<U<P.kernel_long_size>, "kernel_ulong">;
  using kernel_size = Int<U<P.pointer_size>, "kernel_size">;
  using kernel_ssize = Int<S<P.pointer_size>, "kernel_ssize">;
  using kernel_off = Int<S<P.kernel_long_size>, "kernel_off">;
  using kernel_loff = Int<std::int64_t, "kernel_loff">;
  using kernel_old_time = Int<S<P.kernel_long_size>, "kernel_old_time">;
  using kernel_time64 = Int<std::int64_t, "kernel_time64">;
  using kernel_clock = Int<S<P.kernel_long_size>, "kernel_clock">;
  using kernel_suseconds = Int<S<P.kernel_long_size>, "kernel_suseconds">;
  using kernel_mode = Int<U<P.mode_size>, "kernel_mode">;
  using kernel_uid = Int<U<P.uid_size>, "kernel_uid">;
  using kernel_gid = Int<U<P.uid_size>, "kernel_gid">;
  using kernel_uid32 = Int<std::uint32_t, "kernel_uid32">;
  using kernel_gid32 = Int<std::uint32_t, "kernel_gid32">;
  using kernel_old_uid = Int<U<P.old_uid_size>, "kernel_old_uid">;
  using kernel_old_gid = Int<U<P.old_uid_size>, "kernel_old_gid">;
  using kernel_pid = Int<std::int32_t, "kernel_pid">;
  // unsigned short where it is 16-bit, int elsewhere
  using kernel_ipc_pid =
      std::conditional_t<P.ipc_pid_size == 2, Int<std::uint16_t, "kernel_ipc_pid">,
                         Int<std::int32_t, "kernel_ipc_pid">>;
  using kernel_daddr = Int<std::int32_t, "kernel_daddr">;
  using kernel_ino = Int<U<P.kernel_long_size>, "kernel_ino">;
  using kernel_old_dev = Int<U<P.old_dev_size>, "kernel_old_dev">;
  using kernel_key = Int<std::int32_t, "kernel_key">;
  using kernel_timer = Int<std::int32_t, "kernel_timer">;
  using kernel_clockid = Int<std::int32_t, "kernel_clockid">;
  using kernel_mqd = Int<std::int32_t, "kernel_mqd">;
  using kernel_sa_family = Int<std::uint16_t, "kernel_sa_family">;
};

using I386 = Model<i386_params>;
using X86_64 = Model<x86_64_params>;
using X32 = Model<x32_params>;
using ArmEabi = Model<arm_eabi_params>;
using Aarch64 = Model<aarch64_params>;
using Riscv64 = Model<riscv64_params>;
using MipsO32 = Model<mips_o32_params>;

// Calls f.template operator()<M>() for each data model, in all_abis order.
template <class F>
constexpr void for_each_model(F&& f) {
  f.template operator()<I386>();
  f.template operator()<X86_64>();
  f.template operator()<X32>();
  f.template operator()<ArmEabi>();
  f.template operator()<Aarch64>();
  f.template operator()<Riscv64>();
  f.template operator()<MipsO32>();
}

struct AbiNames {
  Abi abi;
  std::string_view name;
  std::string_view gnu_triple;  // the triple of Debian's compilers for this ABI
};

inline constexpr std::array abi_names{
    AbiNames{Abi::i386, "i386", "i686-linux-gnu"},
    AbiNames{Abi::x86_64, "x86_64", "x86_64-linux-gnu"},
    AbiNames{Abi::x32, "x32", "x86_64-linux-gnux32"},
    AbiNames{Abi::arm_eabi, "arm_eabi", "arm-linux-gnueabihf"},
    AbiNames{Abi::aarch64, "aarch64", "aarch64-linux-gnu"},
    AbiNames{Abi::riscv64, "riscv64", "riscv64-linux-gnu"},
    AbiNames{Abi::mips_o32, "mips_o32", "mips-linux-gnu"},
};

// Each ABI's parameter record, by the Abi value (all_abis order).
inline constexpr std::array<const ModelParams*, 7> all_model_params{
    &i386_params,    &x86_64_params,  &x32_params,     &arm_eabi_params,
    &aarch64_params, &riscv64_params, &mips_o32_params};
constexpr const ModelParams& model_params(Abi abi) {
  return *all_model_params[static_cast<std::size_t>(abi)];
}

constexpr std::string_view abi_name(Abi abi) {
  return abi_names[static_cast<std::size_t>(abi)].name;
}
constexpr std::string_view gnu_triple(Abi abi) {
  return abi_names[static_cast<std::size_t>(abi)].gnu_triple;
}
constexpr std::optional<Abi> parse_abi(std::string_view name) {
  for (const auto& entry : abi_names)
    if (entry.name == name) return entry.abi;
  return std::nullopt;
}

}  // namespace syscompat::abi
