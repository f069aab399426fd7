// What pinning does to a program that loads libsys.so (tests/cli/libsys_pin.sh runs it):
//   pin_probe api       pins itself (report, to a pipe): libsys's calls, the C API and the
//                       C++ API's inline ones, are never reported; raw syscall instructions
//                       elsewhere are, once per site, and served
//   pin_probe deny      pins itself (deny): a raw syscall fails with ENOSYS, libsys serves
//   pin_probe env       pinned by `syscompat pin --report` (LIBSYS_PIN): a raw syscall and
//                       glibc's own calls are served; glibc threads, fork and a signal work
//   pin_probe env-deny  pinned by `syscompat pin --deny`: a raw syscall fails with ENOSYS
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "syscompat/libsys/entries.hpp"

namespace sys = syscompat::sys;

namespace {

// Two call sites outside libsys: a syscall instruction each.
__attribute__((noinline)) long raw_getppid_a() {
  long result;
  __asm__ volatile("syscall" : "=a"(result) : "a"(sys::nr::getppid) : "rcx", "r11", "memory");
  return result;
}
__attribute__((noinline)) long raw_getppid_b() {
  long result;
  // A nop first: two identical functions would be folded into one site.
  __asm__ volatile("nop\n\tsyscall"
                   : "=a"(result)
                   : "a"(sys::nr::getppid)
                   : "rcx", "r11", "memory");
  return result;
}

__attribute__((noinline)) long raw_getppid_c() {
  long result;
  __asm__ volatile("nop\n\tnop\n\tsyscall"
                   : "=a"(result)
                   : "a"(sys::nr::getppid)
                   : "rcx", "r11", "memory");
  return result;
}

void say(const std::string& line) {
  const std::string text = line + "\n";
  __sys_write(1, text.data(), text.size());
}

// The report lines written to `fd` so far (non-blocking reads through libsys).
int reports(int fd, std::string& seen) {
  char buffer[4096];
  for (long n; (n = __sys_read(fd, buffer, sizeof buffer)) > 0;)
    seen.append(buffer, static_cast<std::size_t>(n));
  int lines = 0;
  for (char c : seen) lines += c == '\n';
  return lines;
}

int api(int mode) {
  int fds[2];
  if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) return 1;
  libsys_pin_report_fd(fds[1]);
  const long ppid = __sys_getppid();
  if (libsys_pin(mode) != 0) {
    say("libsys_pin failed");
    return 1;
  }
  std::string seen;
  bool same = true;
  for (int i = 0; i < 1000; ++i) same &= __sys_getppid() == ppid && sys::getppid().value() == ppid;
  say("libsys calls (C and inline C++) x2000: " + std::to_string(reports(fds[0], seen)) +
      " reports, results " + (same ? "right" : "WRONG"));
  const long a1 = raw_getppid_a(), a2 = raw_getppid_a(), b = raw_getppid_b();
  const int count = reports(fds[0], seen);
  if (mode == LIBSYS_PIN_REPORT)
    say("raw site A twice, site B once: " + std::to_string(count) + " reports, results " +
        (a1 == ppid && a2 == ppid && b == ppid ? "right" : "WRONG"));
  else
    say("raw site A twice, site B once: " + std::to_string(count) + " reports, results " +
        (a1 == -ENOSYS && a2 == -ENOSYS && b == -ENOSYS ? "ENOSYS" : "WRONG"));
  const bool named = seen.find("libsys pin: getppid (110) from 0x") != std::string::npos;
  say(std::string("the report names the call: ") + (named ? "yes" : "no"));
  // A thread started with libsys_clone is pinned too (the kernel does not copy the setting:
  // libsys re-arms it): its raw call at a third site is one more report.
  const int before = reports(fds[0], seen);
  if (mode == LIBSYS_PIN_REPORT) {
    const std::size_t size = 1 << 16;
    auto* stack = reinterpret_cast<char*>(__sys_mmap(
        nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0));
    static int tid_word;
    static long thread_result;
    const long tid = libsys_clone(
        CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
            CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
        stack + size, &tid_word, &tid_word, 0,
        [](void*) {
          thread_result = raw_getppid_c();
          return 0;
        },
        nullptr);
    for (int seen_tid; tid > 0 && (seen_tid = tid_word) != 0;)
      __sys_futex(reinterpret_cast<std::uint32_t*>(&tid_word), FUTEX_WAIT, seen_tid, nullptr,
                  nullptr, 0);
    say("a libsys_clone thread's raw call: " + std::to_string(reports(fds[0], seen) - before) +
        " report, result " + (thread_result == ppid ? "right" : "WRONG"));
  }
  __sys_write(2, seen.data(), seen.size());
  libsys_pin(LIBSYS_PIN_OFF);
  return 0;
}

volatile int signalled = 0;
void on_usr1(int) {
  signalled = 1;
}
void* thread_main(void* arg) {
  *static_cast<long*>(arg) = raw_getppid_b();
  return nullptr;
}

int env(bool deny) {
  const long ppid = __sys_getppid();
  const long raw = raw_getppid_a();
  if (deny) {
    say(std::string("raw syscall under deny: ") + (raw == -ENOSYS ? "ENOSYS" : "WRONG") +
        ", libsys: " + (__sys_getppid() == ppid ? "served" : "WRONG"));
    return 0;
  }
  // glibc's own calls from here on: printf, pthread_create (clone3), fork, sigaction, raise.
  std::printf("raw syscall under report: %s\n", raw == ppid ? "served" : "WRONG");
  long from_thread = 0;
  pthread_t thread;
  const bool joined = pthread_create(&thread, nullptr, thread_main, &from_thread) == 0 &&
                      pthread_join(thread, nullptr) == 0;
  std::printf("glibc thread: %s\n", joined && from_thread == ppid ? "ran" : "WRONG");
  const pid_t parent = getpid();
  const pid_t child = fork();
  if (child == 0) _exit(raw_getppid_a() == parent ? 0 : 7);
  int status = 0;
  waitpid(child, &status, 0);
  std::printf("fork: child exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  struct sigaction action {};
  action.sa_handler = on_usr1;
  sigaction(SIGUSR1, &action, nullptr);
  raise(SIGUSR1);
  std::printf("glibc signal handler: %s\n", signalled ? "ran and returned" : "WRONG");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc == 2 ? argv[1] : "";
  if (mode == "api") return api(LIBSYS_PIN_REPORT);
  if (mode == "deny") return api(LIBSYS_PIN_DENY);
  if (mode == "env") return env(false);
  if (mode == "env-deny") return env(true);
  std::fprintf(stderr, "usage: pin_probe api|deny|env|env-deny\n");
  return 2;
}
