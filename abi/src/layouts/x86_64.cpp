// The struct layouts on x86_64 (see struct_layouts_of.hpp).
#include "struct_layouts_of.ipp"

template void syscompat::abi::detail::append_struct_layouts<syscompat::abi::X86_64>(
    std::vector<syscompat::abi::StructLayout>&);
