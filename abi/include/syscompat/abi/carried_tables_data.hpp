// One ABI's tables for carried_tables() (carried_tables.hpp), evaluated while the file that
// defines it compiles.
#pragma once

#include "syscompat/abi/carried_tables.hpp"
#include "syscompat/abi/ioctl_table_data.hpp"
#include "syscompat/abi/syscall_table_data.hpp"

namespace syscompat::abi {

template <Abi A>
constexpr CarriedTables carry(bool with_ioctls = true) {
  CarriedTables tables{};
  tables.carried = true;
  tables.calls = table::abi_calls<A>;
  tables.calls_by_name = table::abi_name_index<A>;
  if (with_ioctls) {
    tables.ioctl_facts = ioctl_table::abi_ioctl_facts<A>;
    tables.ioctls = ioctl_table::ioctl_store<A>;
    tables.ioctls_written = &ioctl_table::ioctl_store_written<A>;
    tables.ioctls_by_name = ioctl_table::abi_ioctl_names<A>;
  }
  return tables;
}

}  // namespace syscompat::abi
