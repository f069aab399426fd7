// Classic BPF as seccomp runs it: the checks a filter passes before the kernel installs it
// (kernel/seccomp.c's seccomp_check_filter, then net/core/filter.c's bpf_check_classic and
// check_load_and_stores) and its evaluation on a struct seccomp_data (seccomp_run_filters).
//
// For an owner that judges a guest's syscalls itself (run32: the guest's calls come to it
// with i386 numbers, which a filter installed in the kernel would never see). The layout of
// struct sock_filter and struct seccomp_data is the same on every ABI; the constants are the
// kernel's own (linux/filter.h, linux/seccomp.h).
#pragma once

#include <linux/seccomp.h>

#include <cstdint>
#include <span>
#include <vector>

#include "syscompat/abi/structs/socket.hpp"

namespace syscompat::translators::seccomp {

using Instruction = abi::sock_filter<abi::X86_64>;

// seccomp_check_filter then bpf_check_classic: 0, or EINVAL for a program the kernel
// refuses. Rewrites the length loads to immediates (sizeof(struct seccomp_data)), as
// seccomp_check_filter does; run() expects a program checked here.
int check(std::vector<Instruction>& program);

// One filter's verdict on one call: the program's return value (action and data).
std::uint32_t run(std::span<const Instruction> program, const seccomp_data& data);

// The action part of a verdict as seccomp_run_filters orders them (ACTION_ONLY): the lower,
// signed, the stronger (SECCOMP_RET_KILL_PROCESS first, SECCOMP_RET_ALLOW last).
inline std::int32_t action_rank(std::uint32_t verdict) {
  return static_cast<std::int32_t>(verdict & SECCOMP_RET_ACTION_FULL);
}

}  // namespace syscompat::translators::seccomp
