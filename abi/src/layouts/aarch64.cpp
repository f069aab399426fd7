// The struct layouts on aarch64 (see struct_layouts_of.hpp).
#include "struct_layouts_of.ipp"

template void syscompat::abi::detail::append_struct_layouts<syscompat::abi::Aarch64>(
    std::vector<syscompat::abi::StructLayout>&);
