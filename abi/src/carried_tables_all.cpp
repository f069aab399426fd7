// Every ABI's tables: what a program carries unless it defines carried_tables() itself
// (carried_tables.hpp).
#include "syscompat/abi/carried_tables_data.hpp"

namespace syscompat::abi {

const AllCarriedTables& carried_tables() {
  static constexpr AllCarriedTables all{
      carry<Abi::i386>(),    carry<Abi::x86_64>(),  carry<Abi::x32>(),     carry<Abi::arm_eabi>(),
      carry<Abi::aarch64>(), carry<Abi::riscv64>(), carry<Abi::mips_o32>()};
  static_assert(all_abis[6] == Abi::mips_o32, "in all_abis order");
  return all;
}

}  // namespace syscompat::abi
