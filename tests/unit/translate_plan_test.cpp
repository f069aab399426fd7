// How the i386 translators serve each call: every call has a plan, and every plan says why.
#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "syscompat/abi/ioctls.hpp"
#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscall_args.hpp"
#include "syscompat/translators/i386.hpp"
#include "syscompat/translators/i386_ioctl.hpp"
#include "syscompat/translators/struct_converters.hpp"

using namespace syscompat;

TEST_CASE("every i386 syscall has a plan with a native counterpart or a reason", "[translate]") {
  const auto plans = translators::i386_plans();
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
    CHECK(translators::plan_served(plan) == (plan.handling != translators::Handling::refused));
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

// ---- the compile-time plans against the run-time derivation they replaced ----------------
//
// i386_plans.cpp derives every plan while it compiles. Here the same plans are derived the
// way start-up used to derive them: calls found by name in the run-time table, the rules and
// renamed calls searched by name, converters found by their names, and a converter's
// "identical" decided by comparing the two structs' run-time layouts member by member.

namespace {

using translators::CallPlan;
using translators::Handling;

bool same_layout(const abi::StructLayout& a, const abi::StructLayout& b) {
  if (a.size != b.size || a.fields.size() != b.fields.size()) return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const auto &x = a.fields[i], &y = b.fields[i];
    if (x.name != y.name || x.offset != y.offset || x.size != y.size || x.kind != y.kind ||
        x.is_signed != y.is_signed || x.type != y.type)
      return false;
  }
  return true;
}

struct Expected {
  Handling handling = Handling::special;
  const abi::Syscall* native = nullptr;
  std::string reason;
};

// The plan of an i386 call, by the rules start-up used to apply.
Expected runtime_plan(const abi::Syscall& call) {
  Expected plan;
  for (const auto& rule : translators::i386_plan_rules())
    if (rule.name == call.name) {
      plan.handling = rule.handling;
      plan.reason = std::string(rule.reason);
      return plan;
    }
  if (call.signature.args.empty() && call.signature.ret == abi::ArgScalar::long_ &&
      !abi::find_syscall(abi::Abi::x86_64, call.name)) {
    plan.handling = Handling::refused;
    plan.reason = "never implemented, or removed: the kernel answers ENOSYS";
    return plan;
  }
  bool ids16 = call.name == "getuid" || call.name == "getgid" || call.name == "geteuid" ||
               call.name == "getegid";
  for (const auto& arg : call.signature.args)
    ids16 = ids16 || arg.scalar == abi::ArgScalar::old_uid || arg.scalar == abi::ArgScalar::old_gid;
  if (ids16) {
    plan.reason = "16-bit ids: high2lowuid/low2highuid";
    return plan;
  }
  std::string_view native_name = call.name;
  for (const auto& renamed : translators::i386_renamed_calls())
    if (renamed.guest == call.name) native_name = renamed.native;
  const abi::Syscall* native = abi::find_syscall(abi::Abi::x86_64, native_name);
  if (!native) {
    plan.reason = "x86_64 has no " + std::string(native_name);
    return plan;
  }
  if (native->signature.args.size() != call.signature.args.size()) {
    plan.reason = "the native " + std::string(native_name) + " takes other arguments";
    return plan;
  }
  for (std::size_t i = 0; i < call.signature.args.size(); ++i) {
    const auto &g = call.signature.args[i], &n = native->signature.args[i];
    std::string why;
    if (g.form != n.form)
      why = "argument " + std::string(g.name) + " differs in kind from the native " +
            std::string(n.name);
    else if (g.form == abi::ArgForm::string_vector)
      why = "string vectors need 64-bit pointer arrays";
    else if (g.form == abi::ArgForm::pointer && g.struct_name.empty() != n.struct_name.empty())
      why = "argument " + std::string(g.name) + ": struct on one side only";
    else if (g.form == abi::ArgForm::pointer && !g.struct_name.empty() &&
             !translators::find_struct_converter(abi::Abi::i386, g.struct_name, n.struct_name))
      why = "no description-derived conversion from struct " + std::string(g.struct_name) + " to " +
            std::string(n.struct_name);
    if (!why.empty()) {
      plan.reason = why;
      return plan;
    }
  }
  plan.handling = Handling::generic;
  plan.native = native;
  return plan;
}

// What differs between a plan and the run-time derivation: empty when nothing does.
std::vector<std::string> plan_differences(const CallPlan& plan, const Expected& expected) {
  std::vector<std::string> found;
  if (plan.handling != expected.handling) found.push_back("handling");
  if (plan.native != expected.native) found.push_back("native call");
  if (plan.handling != Handling::generic && plan.reason != expected.reason)
    found.push_back("reason '" + std::string(plan.reason) + "', expected '" + expected.reason +
                    "'");
  bool values_only = plan.handling == Handling::generic;
  for (const auto& arg : plan.guest->signature.args)
    values_only =
        values_only && (arg.form == abi::ArgForm::value || arg.form == abi::ArgForm::address);
  if (plan.values_only != values_only) found.push_back("values_only");
  for (std::size_t i = 0; i < plan.converters.size(); ++i) {
    const translators::StructConverter* want = nullptr;
    if (plan.native && i < plan.guest->signature.args.size() &&
        !plan.guest->signature.args[i].struct_name.empty())
      want = translators::find_struct_converter(abi::Abi::i386,
                                                plan.guest->signature.args[i].struct_name,
                                                plan.native->signature.args[i].struct_name);
    if (plan.converters[i] != want) found.push_back("converter of argument " + std::to_string(i));
  }
  return found;
}

// Whether a converter's "identical" is what the run-time layouts say.
bool identical_as_layouts(const translators::StructConverter& converter) {
  const auto* guest = abi::find_struct_layout(abi::Abi::i386, converter.guest_name);
  const auto* native = abi::find_struct_layout(abi::Abi::x86_64, converter.native_name);
  return guest && native && same_layout(*guest, *native) == converter.identical;
}

}  // namespace

TEST_CASE("the compile-time i386 plans are what the run-time derivation gives", "[translate]") {
  for (const auto& plan : translators::i386_plans()) {
    INFO(plan.guest->name);
    CHECK(plan.guest == abi::find_syscall(abi::Abi::i386, plan.guest->number));
    CHECK(translators::i386_plan(plan.guest->number) == &plan);
    CHECK(translators::find_named_plan(plan.guest->name) == &plan);
    const auto differences = plan_differences(plan, runtime_plan(*plan.guest));
    CHECK(differences.empty());
    for (const auto& difference : differences) UNSCOPED_INFO(difference);
  }
  // the calls i386 reaches only through socketcall or ipc: x86_64's row with i386's model
  std::size_t multiplexed = 0;
  for (const auto& native : abi::syscalls(abi::Abi::x86_64)) {
    if (native.mux.kind == abi::MultiplexerKind::none ||
        abi::find_syscall(abi::Abi::i386, native.name))
      continue;
    INFO(native.name);
    ++multiplexed;
    const CallPlan* plan = translators::find_named_plan(native.name);
    REQUIRE(plan);
    CHECK(plan->native == &native);
    CHECK(plan->handling == Handling::generic);
    CHECK(plan->guest->abi == abi::Abi::i386);
    CHECK(plan->guest->number == 0);
    const auto placement = abi::place_args(plan->guest->signature, abi::Abi::i386);
    REQUIRE(placement);
    REQUIRE(placement->size() == plan->guest->placement.size());
    for (std::size_t i = 0; i < placement->size(); ++i) {
      CHECK((*placement)[i].slot == plan->guest->placement[i].slot);
      CHECK((*placement)[i].slots == plan->guest->placement[i].slots);
    }
    Expected expected{Handling::generic, &native, ""};
    CHECK(plan_differences(*plan, expected).empty());
  }
  CHECK(multiplexed >= 3);  // accept, send, recv at least
  CHECK(translators::find_named_plan("accept"));
  CHECK_FALSE(translators::find_named_plan("no_such_call"));
  // every converter's "identical", decided while compiling, against the run-time layouts
  const auto converters = translators::struct_converters(abi::Abi::i386);
  CHECK(converters.size() > 50);
  std::size_t identical = 0;
  for (const auto& converter : converters) {
    INFO(converter.guest_name << " -> " << converter.native_name);
    CHECK(identical_as_layouts(converter));
    identical += converter.identical;
  }
  CHECK(identical > 10);  // pollfd, statx, epoll_event...
  CHECK(
      translators::find_struct_converter(abi::Abi::i386, "epoll_event", "epoll_event")->identical);
  CHECK_FALSE(translators::find_struct_converter(abi::Abi::i386, "stat64", "stat")->identical);
}

TEST_CASE("the plan comparison catches planted differences", "[translate]") {
  const auto* fstat64 = translators::find_named_plan("fstat64");
  const auto* getppid = translators::find_named_plan("getppid");
  const auto* open = translators::find_named_plan("open");
  REQUIRE((fstat64 && getppid && open));
  REQUIRE(plan_differences(*fstat64, runtime_plan(*fstat64->guest)).empty());
  {
    CallPlan wrong = *fstat64;  // served by another native call
    wrong.native = getppid->native;
    CHECK_FALSE(plan_differences(wrong, runtime_plan(*wrong.guest)).empty());
  }
  {
    CallPlan wrong = *fstat64;  // its stat converted as something else
    wrong.converters[1] = translators::find_struct_converter(abi::Abi::i386, "statx", "statx");
    CHECK_FALSE(plan_differences(wrong, runtime_plan(*wrong.guest)).empty());
  }
  {
    CallPlan wrong = *getppid;  // the short way lost
    wrong.values_only = false;
    CHECK_FALSE(plan_differences(wrong, runtime_plan(*wrong.guest)).empty());
  }
  {
    CallPlan wrong = *open;  // hand-written, with another reason
    wrong.reason = "multiplexer";
    CHECK_FALSE(plan_differences(wrong, runtime_plan(*wrong.guest)).empty());
    wrong = *open;
    wrong.handling = Handling::generic;
    CHECK_FALSE(plan_differences(wrong, runtime_plan(*wrong.guest)).empty());
  }
  {
    // a converter that claims the same bytes where the layouts differ, and the reverse
    translators::StructConverter wrong =
        *translators::find_struct_converter(abi::Abi::i386, "stat64", "stat");
    REQUIRE(identical_as_layouts(wrong));
    wrong.identical = !wrong.identical;
    CHECK_FALSE(identical_as_layouts(wrong));
    translators::StructConverter same =
        *translators::find_struct_converter(abi::Abi::i386, "pollfd", "pollfd");
    REQUIRE(identical_as_layouts(same));
    same.identical = !same.identical;
    CHECK_FALSE(identical_as_layouts(same));
  }
}

namespace {

// An i386 ioctl request's plan as the translators derived it when a guest made its first
// ioctl: the x86_64 request found by name, a struct's converter by name, and whether it
// holds a union from the run-time layouts. Which requests are hand-written is the handlers'
// list; the rest follows from the description.
bool holds_union_at_run_time(std::string_view name) {
  const abi::StructLayout* layout = abi::find_struct_layout(abi::Abi::i386, name);
  if (!layout) return false;
  for (const auto& field : layout->fields)
    if (field.kind == abi::FieldKind::union_ ||
        (field.kind == abi::FieldKind::record && holds_union_at_run_time(field.type)))
      return true;
  return false;
}

struct ExpectedIoctl {
  const abi::Ioctl* native = nullptr;
  translators::IoctlHandling handling = translators::IoctlHandling::left_out;
  std::string how;
  const translators::StructConverter* converter = nullptr;
};

ExpectedIoctl runtime_ioctl_plan(const abi::Ioctl& guest) {
  using translators::IoctlHandling;
  ExpectedIoctl plan;
  plan.native = abi::find_ioctl(abi::Abi::x86_64, guest.name);
  const auto& arg = guest.arg();
  const std::string name(arg.struct_name);
  if (!plan.native) {
    plan.how = "x86_64 has no such request";
  } else if (arg.kind != abi::IoctlArgKind::pointer) {
    plan.handling = IoctlHandling::passthrough;
  } else if (arg.struct_name.empty()) {
    plan.handling = guest.arg_size == plan.native->arg_size ? IoctlHandling::passthrough
                                                            : IoctlHandling::converted;
  } else if (!(plan.converter = translators::find_struct_converter(abi::Abi::i386, name, name))) {
    plan.how = "no conversion derives from struct " + name + "'s description";
  } else if (plan.converter->identical) {
    plan.handling = guest.trailing_element == plan.native->trailing_element
                        ? IoctlHandling::passthrough
                        : IoctlHandling::left_out;
    if (plan.handling == IoctlHandling::left_out) plan.how = "its trailing elements differ";
  } else if (holds_union_at_run_time(name)) {
    plan.how = "struct " + name +
               "'s layout differs and a union in it may hold a pointer: needs a hand-written "
               "handler";
  } else if (!arg.count_member.empty()) {
    plan.how = "a converted struct with a trailing part";
  } else {
    plan.handling = IoctlHandling::converted;
  }
  if (plan.handling == IoctlHandling::left_out) plan.converter = nullptr;
  return plan;
}

std::vector<std::string> ioctl_plan_differences(const translators::IoctlPlan& plan) {
  std::vector<std::string> found;
  if (plan.handling == translators::IoctlHandling::hand_written) {
    if (!plan.handler) found.push_back("hand-written without a handler");
    if (plan.how.empty()) found.push_back("hand-written without the code it mirrors");
    if (plan.native != abi::find_ioctl(abi::Abi::x86_64, plan.guest->name))
      found.push_back("native request");
    return found;
  }
  const ExpectedIoctl expected = runtime_ioctl_plan(*plan.guest);
  if (plan.native != expected.native) found.push_back("native request");
  if (plan.handling != expected.handling)
    found.push_back(std::string("handling ") +
                    std::string(translators::ioctl_handling_name(plan.handling)) + ", expected " +
                    std::string(translators::ioctl_handling_name(expected.handling)));
  if (plan.how != expected.how)
    found.push_back("how '" + std::string(plan.how) + "', expected '" + expected.how + "'");
  if (plan.converter != expected.converter) found.push_back("converter");
  if (plan.handler) found.push_back("a handler where none is listed");
  return found;
}

}  // namespace

TEST_CASE("the compile-time ioctl plans are what the run-time derivation gives", "[translate]") {
  const auto plans = translators::i386_ioctl_plans();
  const auto requests = abi::ioctls(abi::Abi::i386);
  REQUIRE(plans.size() == requests.size());
  std::array<std::size_t, 4> counts{};
  for (std::size_t i = 0; i < plans.size(); ++i) {
    INFO(requests[i].name);
    CHECK(plans[i].guest == &requests[i]);
    ++counts[static_cast<std::size_t>(plans[i].handling)];
    const auto found = ioctl_plan_differences(plans[i]);
    for (const auto& difference : found) UNSCOPED_INFO(difference);
    CHECK(found.empty());
  }
  using translators::IoctlHandling;
  CHECK(counts[static_cast<std::size_t>(IoctlHandling::passthrough)] > 250);
  CHECK(counts[static_cast<std::size_t>(IoctlHandling::converted)] > 10);
  CHECK(counts[static_cast<std::size_t>(IoctlHandling::hand_written)] > 20);  // every ifreq one
  const auto plan_of = [&](std::string_view name) {
    return &plans[static_cast<std::size_t>(abi::find_ioctl(abi::Abi::i386, name) -
                                           requests.data())];
  };
  CHECK(plan_of("TCGETS")->handling == IoctlHandling::passthrough);
  CHECK(plan_of("LOOP_GET_STATUS")->handling == IoctlHandling::converted);
  CHECK(plan_of("SIOCGIFCONF")->handling == IoctlHandling::hand_written);
  CHECK(plan_of("SIOCGIFFLAGS")->how == "get_user_ifreq/put_user_ifreq (net/socket.c)");
  // and the comparison sees a planted difference
  translators::IoctlPlan wrong = *plan_of("LOOP_GET_STATUS");
  REQUIRE(ioctl_plan_differences(wrong).empty());
  wrong.handling = IoctlHandling::passthrough;
  CHECK_FALSE(ioctl_plan_differences(wrong).empty());
  wrong = *plan_of("LOOP_GET_STATUS");
  wrong.converter = translators::find_struct_converter(abi::Abi::i386, "stat64", "stat");
  CHECK_FALSE(ioctl_plan_differences(wrong).empty());
  wrong = *plan_of("FS_IOC_FIEMAP");
  wrong.how = "something else";
  CHECK_FALSE(ioctl_plan_differences(wrong).empty());
  wrong = *plan_of("SIOCGIFCONF");
  wrong.handler = nullptr;
  CHECK_FALSE(ioctl_plan_differences(wrong).empty());
}
