// Argument decoding by signature: a raw register vector to typed values, and back.
//
// On the 32-bit ABIs a 64-bit argument (loff_t, u64, s64) takes two registers. i386 uses the
// next two, low word first. arm EABI and mips o32 start a pair on an even register, leaving
// a pad register unused where needed (which is why arm has arm_fadvise64_64 and
// sync_file_range2, whose argument orders avoid the pad); mips o32 is big-endian and puts
// the high word first. Narrower values are sign- or zero-extended by their type, as the
// kernel's compat wrappers do: compat_long_t and int are signed, pointers and sizes are not.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

// Registers (argument slots) a syscall of this ABI can take: i386 ebx..ebp, arm r0..r6,
// mips o32 a0..a3 plus four stack slots the kernel fetches, the 64-bit ABIs six.
constexpr std::size_t syscall_arg_slots(Abi abi) {
  switch (abi) {
    case Abi::arm_eabi:
      return 7;
    case Abi::mips_o32:
      return 8;
    default:
      return 6;
  }
}
// Whether a 64-bit argument takes two slots on this ABI.
constexpr bool splits_64bit_args(Abi abi) {
  return abi == Abi::i386 || abi == Abi::arm_eabi || abi == Abi::mips_o32;
}

// Where each argument of a syscall lives (Syscall::placement holds it for table entries,
// computed while the table compiles). nullopt when the arguments do not fit the ABI's slots
// (a table error).
constexpr std::optional<ArgPlacements> place_args(ArgList args, Abi abi) {
  // arm EABI and mips o32 pass a 64-bit value in an even/odd register pair.
  const bool pairs_start_even = abi == Abi::arm_eabi || abi == Abi::mips_o32;
  ArgPlacements placements;
  std::size_t slot = 0;
  for (const auto& arg : args) {
    const bool pair = splits_64bit_args(abi) && arg.form == ArgForm::value &&
                      arg_scalar_size(arg.scalar, abi) == 8;
    if (pair && pairs_start_even && slot % 2) ++slot;  // the pad register
    if (slot + (pair ? 2 : 1) > syscall_arg_slots(abi)) return std::nullopt;
    placements.push_back(
        {static_cast<std::uint8_t>(slot), static_cast<std::uint8_t>(pair ? 2 : 1)});
    slot += pair ? 2 : 1;
  }
  return placements;
}
constexpr std::optional<ArgPlacements> place_args(const Signature& signature, Abi abi) {
  return place_args(signature.args, abi);
}

// One decoded argument: the value widened to 64 bits, sign-extended if its type is signed.
struct ArgValue {
  const SyscallArg* arg = nullptr;
  std::uint64_t value = 0;
};

// A call's decoded arguments, held in place, so that decoding on every served call allocates
// nothing: at most one per argument slot, and no ABI has more than mips o32's eight.
class ArgValues {
 public:
  static constexpr std::size_t capacity = 8;
  void push_back(const ArgValue& value) { values_[count_++] = value; }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const ArgValue& operator[](std::size_t i) const { return values_[i]; }
  const ArgValue* begin() const { return values_.data(); }
  const ArgValue* end() const { return values_.data() + count_; }
  operator std::span<const ArgValue>() const { return {values_.data(), count_}; }

 private:
  std::array<ArgValue, capacity> values_{};
  std::size_t count_ = 0;
};

// Registers hold what the guest's registers hold (only the low 32 bits count on 32-bit
// ABIs). Opaque syscalls have no arguments to decode: the result is empty.
ArgValues decode_args(const Syscall& call, std::span<const std::uint64_t> registers);
// The inverse: values (one per argument, as decode_args returns them) to registers; pad
// slots and unused ones are zero.
std::vector<std::uint64_t> encode_args(const Syscall& call, std::span<const std::uint64_t> values);

}  // namespace syscompat::abi
