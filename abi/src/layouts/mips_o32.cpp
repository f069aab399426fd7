// The struct layouts on mips_o32 (see struct_layouts_of.hpp).
#include "struct_layouts_of.ipp"

template void syscompat::abi::detail::append_struct_layouts<syscompat::abi::MipsO32>(
    std::vector<syscompat::abi::StructLayout>&);
