// Looking an ioctl request up: a binary search of an ABI's requests, sorted by number while
// the program compiled (ioctl_table_data.hpp) and written out of their facts on first use.
// The rows are checked while this file compiles.
#include "syscompat/abi/ioctls.hpp"

#include <algorithm>

#include "syscompat/abi/carried_tables.hpp"
#include "syscompat/abi/ioctl_table_data.hpp"

namespace syscompat::abi {

namespace {

// Every row's request, written from its facts the first time one is asked for.
const std::array<IoctlRequest, ioctl_table::row_count>& requests() {
  std::call_once(ioctl_table::request_store_written, [] {
    ioctl_table::for_each_row([](std::size_t i, const IoctlFamily& family, const IoctlRow& row) {
      const ioctl_table::RequestFacts& facts = ioctl_table::request_facts[i];
      const auto part = [&](ioctl_table::TextPlace place) {
        return place.size ? row.argument.substr(place.at, place.size) : std::string_view{};
      };
      ioctl_table::request_store[i] = {
          &row,
          &family,
          {facts.kind, facts.dir, facts.count, part(facts.type), part(facts.scalar),
           part(facts.struct_name), part(facts.trailing_struct), part(facts.trailing_scalar),
           part(facts.count_member)},
          facts.since};
    });
  });
  return ioctl_table::request_store;
}

// An ABI the program does not carry (carried_tables.hpp) has no requests. The entries are
// written from the facts the first time the ABI's requests are asked for.
const CarriedTables& table(Abi abi) {
  const CarriedTables& t = carried_tables()[static_cast<std::size_t>(abi)];
  if (t.ioctls_written)
    std::call_once(*t.ioctls_written, [&] {
      for (std::size_t i = 0; i < t.ioctl_facts.size(); ++i) {
        const ioctl_table::IoctlFacts& facts = t.ioctl_facts[i];
        const IoctlRequest& request = requests()[facts.request];
        t.ioctls[i] = {
            request.row->name,      &request,           facts.number,    abi, facts.arg_size,
            facts.trailing_element, facts.count_offset, facts.count_size};
      }
    });
  return t;
}

}  // namespace

std::span<const Ioctl> ioctls(Abi abi) {
  return table(abi).ioctls;
}

const Ioctl* find_ioctl(Abi abi, std::uint32_t number) {
  const auto entries = ioctls(abi);
  auto it = std::lower_bound(entries.begin(), entries.end(), number,
                             [](const Ioctl& entry, std::uint32_t n) { return entry.number < n; });
  return it != entries.end() && it->number == number ? &*it : nullptr;
}

const Ioctl* find_ioctl(Abi abi, std::string_view name) {
  const CarriedTables& t = table(abi);
  auto it =
      std::lower_bound(t.ioctls_by_name.begin(), t.ioctls_by_name.end(), name,
                       [&](std::uint16_t i, std::string_view n) { return t.ioctls[i].name < n; });
  return it != t.ioctls_by_name.end() && t.ioctls[*it].name == name ? &t.ioctls[*it] : nullptr;
}

std::size_t ioctl_row_count() {
  return ioctl_table::row_count;
}

}  // namespace syscompat::abi
