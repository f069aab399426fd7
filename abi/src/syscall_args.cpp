#include "syscompat/abi/syscall_args.hpp"

#include "syscompat/abi/layout.hpp"

namespace syscompat::abi {

namespace {

std::uint64_t extend(std::uint64_t raw, std::size_t size, bool is_signed) {
  if (size >= 8 || size == 0) return raw;
  const unsigned bits = static_cast<unsigned>(8 * size);
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  raw &= mask;
  if (is_signed && (raw >> (bits - 1)) & 1) raw |= ~mask;
  return raw;
}

// The size an argument's value has in its register: pointers and strings are addresses.
std::size_t value_size(const SyscallArg& arg, Abi abi) {
  return arg.form == ArgForm::value ? arg_scalar_size(arg.scalar, abi)
                                    : arg_scalar_size(ArgScalar::ptr, abi);
}
bool value_signed(const SyscallArg& arg) {
  return arg.form == ArgForm::value && arg_scalar_signed(arg.scalar);
}

}  // namespace

ArgValues decode_args(const Syscall& call, std::span<const std::uint64_t> registers) {
  ArgValues values;
  if (call.signature.opaque) return values;
  if (call.placement.size() != call.signature.args.size() ||
      call.signature.args.size() > ArgValues::capacity)
    return values;
  const bool narrow = splits_64bit_args(call.abi);
  auto reg = [&](std::size_t slot) -> std::uint64_t {
    const std::uint64_t value = slot < registers.size() ? registers[slot] : 0;
    return narrow ? value & 0xffffffffu : value;
  };
  for (std::size_t i = 0; i < call.signature.args.size(); ++i) {
    const SyscallArg& arg = call.signature.args[i];
    const auto [slot, slots] = call.placement[i];
    std::uint64_t value;
    if (slots == 2) {
      // The data model's byte order, asked only for a pair (decoding runs on every call).
      const bool high_first = model_layout(call.abi).order == ByteOrder::big;
      const std::uint64_t first = reg(slot), second = reg(slot + 1);
      value = high_first ? (first << 32) | second : (second << 32) | first;
    } else {
      value = extend(reg(slot), value_size(arg, call.abi), value_signed(arg));
    }
    values.push_back({&arg, value});
  }
  return values;
}

std::vector<std::uint64_t> encode_args(const Syscall& call, std::span<const std::uint64_t> values) {
  std::vector<std::uint64_t> registers(syscall_arg_slots(call.abi), 0);
  if (call.signature.opaque) return registers;
  const auto placements = place_args(call.signature, call.abi);
  if (!placements) return registers;
  const bool narrow = splits_64bit_args(call.abi);
  const bool high_first = model_layout(call.abi).order == ByteOrder::big;
  for (std::size_t i = 0; i < call.signature.args.size() && i < values.size(); ++i) {
    const ArgPlacement& place = (*placements)[i];
    const std::uint64_t value = values[i];
    if (place.slots == 2) {
      const std::uint64_t low = value & 0xffffffffu, high = value >> 32;
      registers[place.slot] = high_first ? high : low;
      registers[place.slot + 1] = high_first ? low : high;
    } else {
      const std::size_t size = value_size(call.signature.args[i], call.abi);
      std::uint64_t raw = size >= 8 ? value : value & ((std::uint64_t{1} << (8 * size)) - 1);
      // A 32-bit ABI's register holds 32 bits; what a narrower signed value extends to.
      if (narrow && value_signed(call.signature.args[i]))
        raw = extend(raw, size, true) & 0xffffffffu;
      registers[place.slot] = raw;
    }
  }
  return registers;
}

}  // namespace syscompat::abi
