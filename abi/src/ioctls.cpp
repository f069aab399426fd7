// The ioctl table, kept: each ABI's requests as ioctl_table_data.hpp builds them while this
// file compiles. Looking a request up is a binary search of a sorted array.
#include "syscompat/abi/ioctls.hpp"

#include <algorithm>

#include "syscompat/abi/ioctl_table_data.hpp"

namespace syscompat::abi {

namespace {

struct AbiIoctls {
  std::span<const Ioctl> by_number;
  std::span<const std::uint16_t> by_name;  // positions in by_number, sorted by name
};

template <Abi A>
constexpr AbiIoctls abi_table() {
  return {ioctl_table::abi_ioctls<A>, ioctl_table::abi_ioctl_names<A>};
}

constexpr AbiIoctls tables[] = {abi_table<Abi::i386>(),    abi_table<Abi::x86_64>(),
                                abi_table<Abi::x32>(),     abi_table<Abi::arm_eabi>(),
                                abi_table<Abi::aarch64>(), abi_table<Abi::riscv64>(),
                                abi_table<Abi::mips_o32>()};
static_assert(std::size(tables) == all_abis.size());

const AbiIoctls& table(Abi abi) {
  return tables[static_cast<std::size_t>(abi)];
}

}  // namespace

std::span<const Ioctl> ioctls(Abi abi) {
  return table(abi).by_number;
}

const Ioctl* find_ioctl(Abi abi, std::uint32_t number) {
  const auto entries = ioctls(abi);
  auto it = std::lower_bound(entries.begin(), entries.end(), number,
                             [](const Ioctl& entry, std::uint32_t n) { return entry.number < n; });
  return it != entries.end() && it->number == number ? &*it : nullptr;
}

const Ioctl* find_ioctl(Abi abi, std::string_view name) {
  const AbiIoctls& t = table(abi);
  auto it = std::lower_bound(
      t.by_name.begin(), t.by_name.end(), name,
      [&](std::uint16_t i, std::string_view n) { return t.by_number[i].name < n; });
  return it != t.by_name.end() && t.by_number[*it].name == name ? &t.by_number[*it] : nullptr;
}

std::size_t ioctl_row_count() {
  return ioctl_table::row_count;
}

}  // namespace syscompat::abi
