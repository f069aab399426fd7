#include "restart_rules.hpp"

#include <linux/futex.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "syscompat/abi/syscall_rows.hpp"
#include "syscompat/abi/syscalls.hpp"

namespace syscompat::run32 {

namespace {

// A call, direct (its i386 number) or through a multiplexer (its sub-call number there).
struct Calls {
  std::vector<std::uint32_t> direct, socketcall, ipc;

  explicit Calls(std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
      const abi::Syscall* call = abi::find_syscall(abi::Abi::i386, name);
      // send and recv: i386 has them only as socketcall's sub-calls, arm EABI directly.
      if (!call) call = abi::find_syscall(abi::Abi::arm_eabi, name);
      if (!call) continue;
      if (call->abi == abi::Abi::i386) direct.push_back(call->number);
      if (call->mux.kind == abi::MultiplexerKind::socketcall) socketcall.push_back(call->mux.call);
      if (call->mux.kind == abi::MultiplexerKind::ipc) ipc.push_back(call->mux.call);
    }
  }

  static bool has(const std::vector<std::uint32_t>& numbers, std::uint32_t number) {
    return std::find(numbers.begin(), numbers.end(), number) != numbers.end();
  }
};

// ERESTARTNOHAND, ERESTART_RESTARTBLOCK or plain EINTR whenever a handler runs: waiting for
// signals, sleeping, polling, System V IPC (ipc/msg.c, ipc/sem.c answer -EINTR).
const Calls& never_restarted() {
  static const Calls calls{"pause",
                           "sigsuspend",
                           "rt_sigsuspend",
                           "rt_sigtimedwait",
                           "rt_sigtimedwait_time64",
                           "select",
                           "_newselect",
                           "pselect6",
                           "pselect6_time64",
                           "poll",
                           "ppoll",
                           "ppoll_time64",
                           "epoll_wait",
                           "epoll_pwait",
                           "epoll_pwait2",
                           "nanosleep",
                           "clock_nanosleep",
                           "clock_nanosleep_time64",
                           "io_getevents",
                           "io_pgetevents",
                           "io_pgetevents_time64",
                           "msgrcv",
                           "msgsnd",
                           "semop",
                           "semtimedop",
                           "semtimedop_time64"};
  return calls;
}

// Socket calls that wait with the socket's receive (or send) timeout: sock_intr_errno()
// answers ERESTARTSYS only when it is infinite.
const Calls& socket_input() {
  static const Calls calls{"accept",  "accept4",  "recv",           "recvfrom",
                           "recvmsg", "recvmmsg", "recvmmsg_time64"};
  return calls;
}
const Calls& socket_output() {
  static const Calls calls{"connect", "send", "sendto", "sendmsg", "sendmmsg"};
  return calls;
}

bool has_timeout(int fd, int option) {
  timeval timeout{};
  socklen_t length = sizeof timeout;
  if (::getsockopt(fd, SOL_SOCKET, option, &timeout, &length) != 0) return false;
  return timeout.tv_sec != 0 || timeout.tv_usec != 0;
}

// futex_wait() with a timeout answers ERESTART_RESTARTBLOCK (EINTR after a handler); without
// one, ERESTARTSYS.
bool timed_futex_wait(const std::array<std::uint32_t, 6>& arguments) {
  const std::uint32_t command = arguments[1] & FUTEX_CMD_MASK;
  return (command == FUTEX_WAIT || command == FUTEX_WAIT_BITSET) && arguments[3] != 0;
}

}  // namespace

bool kernel_restarts(std::uint32_t number, const std::array<std::uint32_t, 6>& arguments,
                     const translators::GuestMemory& memory) {
  constexpr std::uint32_t socketcall = abi::syscall_number(abi::Abi::i386, "socketcall"),
                          ipc = abi::syscall_number(abi::Abi::i386, "ipc");
  static const Calls futex{"futex", "futex_time64"};
  const Calls& never = never_restarted();
  if (number == ipc) return !Calls::has(never.ipc, arguments[0] & 0xffff);  // version above
  if (Calls::has(never.direct, number)) return false;
  if (Calls::has(futex.direct, number)) return !timed_futex_wait(arguments);
  std::uint32_t fd = arguments[0];
  bool input = Calls::has(socket_input().direct, number),
       output = Calls::has(socket_output().direct, number);
  if (number == socketcall) {
    input = Calls::has(socket_input().socketcall, arguments[0]);
    output = Calls::has(socket_output().socketcall, arguments[0]);
    if ((input || output) && memory.copy_in(&fd, arguments[1], sizeof fd)) return true;
  }
  if (input) return !has_timeout(static_cast<int>(fd), SO_RCVTIMEO);
  if (output) return !has_timeout(static_cast<int>(fd), SO_SNDTIMEO);
  return true;
}

}  // namespace syscompat::run32
