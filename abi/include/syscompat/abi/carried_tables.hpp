// Which ABIs' tables a program carries. Every table is compile-time data, and a static PIE
// relocates every pointer in it at each start, copying each page that holds one: a program
// that needs few ABIs should not carry the other ones. abi::syscalls, find_syscall, abi::ioctls
// and find_ioctl read carried_tables(); the library defines it with all seven ABIs
// (abi/src/carried_tables_all.cpp), and a program that defines it itself in one of its own
// object files carries only the ABIs that definition names, since the linker then takes no
// library member for it (syscompat-run32: tools/src/run32_tables.cpp carries i386, x86_64
// and arm EABI's calls). An ABI a program does not carry has no calls and no requests there
// (`carried` false), and `syscompat`, the tests and every other program carry all seven.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <span>

#include "syscompat/abi/ioctls.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::abi {

namespace ioctl_table {
struct IoctlFacts;
}

struct CarriedTables {
  bool carried = false;
  std::span<const Syscall> calls;                // by number
  std::span<const std::uint16_t> calls_by_name;  // positions in calls, sorted by name
  // The ioctl requests by number: their facts (no pointers: never relocated), and where their
  // Ioctl entries are written the first time they are asked for (ioctl_table_data.hpp).
  std::span<const ioctl_table::IoctlFacts> ioctl_facts;
  std::span<Ioctl> ioctls;
  std::once_flag* ioctls_written = nullptr;
  std::span<const std::uint16_t> ioctls_by_name;
};

// Every ABI's, in all_abis order.
using AllCarriedTables = std::array<CarriedTables, all_abis.size()>;
const AllCarriedTables& carried_tables();

}  // namespace syscompat::abi
