// The tables syscompat-run32 carries (carried_tables.hpp): i386's calls and ioctl requests
// (the guest's), x86_64's (the native calls and requests), and arm EABI's calls (socketcall's
// send and recv, which only arm has as calls: restart_rules.cpp, the trace). This object file
// is linked into syscompat-run32 itself, so the library's definition with all seven ABIs is
// never taken: the five other ABIs' tables (about 260 KB, each page relocated and so copied
// at every start) stay out of the program.
#include "syscompat/abi/carried_tables_data.hpp"

namespace syscompat::abi {

const AllCarriedTables& carried_tables() {
  static constexpr AllCarriedTables run32{
      carry<Abi::i386>(), carry<Abi::x86_64>(), CarriedTables{}, carry<Abi::arm_eabi>(false),
      CarriedTables{},    CarriedTables{},      CarriedTables{}};
  return run32;
}

}  // namespace syscompat::abi
