// The struct layouts on x32 (see struct_layouts_of.hpp).
#include "struct_layouts_of.ipp"

template void syscompat::abi::detail::append_struct_layouts<syscompat::abi::X32>(
    std::vector<syscompat::abi::StructLayout>&);
