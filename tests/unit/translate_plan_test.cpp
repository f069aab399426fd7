// How the i386 translators serve each call: every call has a plan, and every plan says why.
#include <catch2/catch.hpp>

#include "syscompat/translators/i386.hpp"

using namespace syscompat;

TEST_CASE("every i386 syscall has a plan with a native counterpart or a reason", "[translate]") {
  const auto& plans = translators::i386_plans();
  CHECK(plans.size() == abi::syscalls(abi::Abi::i386).size());
  CHECK(plans.size() >= 420);
  std::size_t generic = 0;
  for (const auto& plan : plans) {
    INFO(plan.guest->name);
    if (plan.handling == translators::Handling::generic) {
      ++generic;
      REQUIRE(plan.native != nullptr);
      CHECK(plan.native->abi == abi::Abi::x86_64);
      CHECK(plan.native->signature.args.size() == plan.guest->signature.args.size());
    } else {
      CHECK_FALSE(plan.reason.empty());
    }
  }
  CHECK(generic > 300);
  // every call the kernel still serves for i386 is translated: a handler, or the owner's hook
  for (const auto& plan : plans) {
    INFO(plan.guest->name);
    CHECK(plan.served == (plan.handling != translators::Handling::refused));
  }
  // the calls the issue names as hand-written are not left to the generic path
  for (std::string_view name :
       {"socketcall", "ipc", "ioctl", "fcntl64", "getdents", "sendmsg", "recvmsg", "mmap2",
        "_newselect", "rt_sigaction", "clone", "execve", "brk", "set_thread_area", "exit_group"}) {
    INFO(name);
    const auto* call = abi::find_syscall(abi::Abi::i386, name);
    REQUIRE(call);
    CHECK(translators::i386_plan(call->number)->handling != translators::Handling::generic);
  }
}
