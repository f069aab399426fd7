// The struct layouts on i386 (see struct_layouts_of.hpp).
#include "struct_layouts_of.ipp"

template void syscompat::abi::detail::append_struct_layouts<syscompat::abi::I386>(
    std::vector<syscompat::abi::StructLayout>&);
