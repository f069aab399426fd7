#include "syscompat/oldkernel.hpp"

#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>
#include <memory>

namespace syscompat::sys::oldkernel {

namespace {

struct ContextDeleter {
  void operator()(void* ctx) const { seccomp_release(ctx); }
};
using Context = std::unique_ptr<void, ContextDeleter>;

// A context that allows what it has no rule for, also on architectures it does not cover
// (the other filter of the pair decides there).
Context new_context() {
  Context ctx(seccomp_init(SCMP_ACT_ALLOW));
  if (ctx) seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ALLOW);
  return ctx;
}

// seccomp_prepare_filter lets a task with CAP_SYS_ADMIN (effective) install a filter
// without no_new_privs. Such a caller's command keeps its privileges over execve (setuid
// programs, file capabilities) and sees no_new_privs unset, as without oldkernel.
bool may_filter_without_no_new_privs() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
  if (syscall(SYS_capget, &header, data) != 0) return false;
  return (data[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective & CAP_TO_MASK(CAP_SYS_ADMIN)) != 0;
}

// no_new_privs, where the filter needs it. 0, or -errno.
int allow_filters() {
  if (may_filter_without_no_new_privs()) return 0;
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 ? 0 : -errno;
}

int load(Context& ctx) {
  if (const int rc = allow_filters(); rc != 0) return rc;
  // libseccomp sets no_new_privs itself unless told not to.
  seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_NNP, 0);
  return seccomp_load(ctx.get());
}

// The i386 numbers libseccomp cannot place by name: the direct socket and SysV IPC entries
// (libseccomp folds them into socketcall/ipc sub-calls, which old kernels did have) and
// calls newer than its tables. A small classic-BPF filter of its own refuses exactly those.
int load_i386_supplement(const std::vector<std::uint32_t>& numbers, std::uint32_t action) {
  std::vector<sock_filter> program;
  program.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
  program.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 1, 0));
  program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  program.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
  for (std::uint32_t nr : numbers) {
    program.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1));
    program.push_back(BPF_STMT(BPF_RET | BPF_K, action));
  }
  program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  const sock_fprog prog{static_cast<unsigned short>(program.size()), program.data()};
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0 ? 0 : -errno;
}

}  // namespace

std::vector<const abi::Syscall*> refused(const abi::Release& release) {
  std::vector<const abi::Syscall*> out;
  for (abi::Abi a : {abi::Abi::x86_64, abi::Abi::i386})
    for (const auto& call : abi::syscalls(a))
      if (call.since > release) out.push_back(&call);
  return out;
}

bool install(const abi::Release& release, int error_number, FilterReport& report,
             std::string& error) {
  Context ctx64 = new_context(), ctx32 = new_context();
  if (!ctx64 || !ctx32 || seccomp_arch_add(ctx32.get(), SCMP_ARCH_X86) != 0 ||
      seccomp_arch_remove(ctx32.get(), SCMP_ARCH_NATIVE) != 0) {
    error = "cannot create the seccomp filter";
    return false;
  }
  const auto action = SCMP_ACT_ERRNO(static_cast<std::uint32_t>(error_number));
  for (const abi::Syscall* call : refused(release)) {
    const std::string name(call->name);
    if (call->abi == abi::Abi::x86_64) {
      // The native architecture takes the description's number as it is.
      const int rc = seccomp_rule_add(ctx64.get(), action, static_cast<int>(call->number), 0);
      if (rc != 0)
        report.problems.push_back("x86_64 " + name + ": " + std::strerror(-rc));
      else
        ++report.x86_64_rules;
      continue;
    }
    // libseccomp places rules on another architecture by name; it must agree with the
    // description on the number, or the rule would refuse the wrong call.
    const int theirs = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86, name.c_str());
    if (theirs < 0) {
      report.i386_supplement.push_back(call->number);
      continue;
    }
    if (theirs != static_cast<int>(call->number)) {
      report.problems.push_back("i386 " + name + ": libseccomp has number " +
                                std::to_string(theirs) + ", the description " +
                                std::to_string(call->number));
      continue;
    }
    const int rc =
        seccomp_rule_add(ctx32.get(), action, seccomp_syscall_resolve_name(name.c_str()), 0);
    if (rc != 0)
      report.problems.push_back("i386 " + name + ": " + std::strerror(-rc));
    else
      ++report.i386_rules;
  }
  if (!report.problems.empty()) {
    error = "the filter would miss " + std::to_string(report.problems.size()) +
            " call(s), first: " + report.problems.front();
    return false;
  }
  if (const int rc = seccomp_merge(ctx64.get(), ctx32.release()); rc != 0) {
    error = std::string("cannot merge the i386 filter: ") + std::strerror(-rc);
    return false;
  }
  // The supplement first: the main filter may refuse prctl and seccomp themselves (under a
  // release older than they are), and the supplement only acts on the i386 path.
  if (!report.i386_supplement.empty()) {
    if (const int rc = allow_filters(); rc != 0) {
      error = std::string("cannot set no_new_privs: ") + std::strerror(-rc);
      return false;
    }
    const int rc = load_i386_supplement(
        report.i386_supplement, SECCOMP_RET_ERRNO | static_cast<std::uint32_t>(error_number));
    if (rc != 0) {
      error = std::string("cannot load the i386 supplement filter: ") + std::strerror(-rc);
      return false;
    }
  }
  if (const int rc = load(ctx64); rc != 0) {
    error = std::string("cannot load the seccomp filter: ") + std::strerror(-rc);
    return false;
  }
  return true;
}

int deny_i386(I386Refusal how) {
  const std::uint32_t action =
      how == I386Refusal::kill ? SECCOMP_RET_KILL_PROCESS : SECCOMP_RET_ERRNO | ENOSYS;
  const sock_filter program[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, action),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const sock_fprog prog{static_cast<unsigned short>(std::size(program)),
                        const_cast<sock_filter*>(program)};
  if (const int rc = allow_filters(); rc != 0) return rc;
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0 ? 0 : -errno;
}

int deny_x86_64(const std::vector<std::uint32_t>& numbers, int error_number) {
  Context ctx = new_context();
  if (!ctx) return -ENOMEM;
  for (std::uint32_t nr : numbers) {
    const int rc =
        seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(static_cast<std::uint32_t>(error_number)),
                         static_cast<int>(nr), 0);
    if (rc != 0) return rc;
  }
  return load(ctx);
}

}  // namespace syscompat::sys::oldkernel
