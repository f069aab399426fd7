// The host's own (x86_64) vDSO, whose time functions serve the guest's __vdso_* ones
// (mode_switch.S: run32_vdso_time_entry). Looked up once, at start.
#pragma once

#include <string_view>

namespace syscompat::run32 {

// The host vDSO's function `name` (version LINUX_2.6, as the x86_64 vDSO's vdso.lds names
// every one), found through AT_SYSINFO_EHDR's dynamic symbol table; nullptr when the process
// has no vDSO (vdso=0) or it lacks the name.
void* host_vdso_function(std::string_view name);

}  // namespace syscompat::run32
