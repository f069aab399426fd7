// libsys entry points against an inline raw syscall: what the slot dispatch costs.
// run_libsys_bench.sh runs it and prints the ratios.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "syscompat/libsys/entries.hpp"

namespace {

// fstat of /dev/null rather than of standard input, which may be closed.
const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

// The baseline: the syscall instruction inline, no function call at all.
inline long inline_syscall(long nr, long a0 = 0, long a1 = 0) {
  long result;
  __asm__ volatile("syscall" : "=a"(result) : "a"(nr), "D"(a0), "S"(a1) : "rcx", "r11", "memory");
  return result;
}

// A libc-style wrapper: the same instruction in a function of its own. Its return after the
// syscall is what an out-of-line entry point (libsys's C API, glibc's getppid) pays.
__attribute__((noinline)) long wrapped_syscall(long nr, long a0 = 0, long a1 = 0) {
  return inline_syscall(nr, a0, a1);
}

void BM_wrapped_getppid(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(wrapped_syscall(syscompat::sys::nr::getppid));
}
void BM_wrapped_fstat(benchmark::State& state) {
  struct stat st;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        wrapped_syscall(syscompat::sys::nr::fstat, null_fd, reinterpret_cast<long>(&st)));
}
void BM_inline_getppid(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(inline_syscall(syscompat::sys::nr::getppid));
}
void BM_libsys_getppid(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(syscompat::sys::getppid());
}
void BM_libsys_c_getppid(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(__sys_getppid());
}

void BM_inline_fstat(benchmark::State& state) {
  struct stat st;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        inline_syscall(syscompat::sys::nr::fstat, null_fd, reinterpret_cast<long>(&st)));
}
void BM_libsys_fstat(benchmark::State& state) {
  struct stat st;
  for (auto _ : state) benchmark::DoNotOptimize(syscompat::sys::fstat(null_fd, &st));
}
void BM_libsys_c_fstat(benchmark::State& state) {
  libsys_stat st;
  for (auto _ : state) benchmark::DoNotOptimize(__sys_fstat(null_fd, &st));
}

// The same calls with the process pinned (libsys_pin, report mode, reports to /dev/null):
// Syscall User Dispatch is on, libsys's calls come from its exempt range, and the C++ API's
// inline calls go through raw_syscall (the kernel slots are switched away from the fast path).
struct Pinned {
  explicit Pinned(benchmark::State& state) {
    libsys_pin_report_fd(open("/dev/null", O_WRONLY | O_CLOEXEC));
    if (libsys_pin(LIBSYS_PIN_REPORT) != 0) state.SkipWithError("libsys_pin failed");
  }
  ~Pinned() { libsys_pin(LIBSYS_PIN_OFF); }
};
void BM_pinned_libsys_getppid(benchmark::State& state) {
  const Pinned pinned(state);
  for (auto _ : state) benchmark::DoNotOptimize(syscompat::sys::getppid());
}
void BM_pinned_libsys_c_getppid(benchmark::State& state) {
  const Pinned pinned(state);
  for (auto _ : state) benchmark::DoNotOptimize(__sys_getppid());
}

}  // namespace

BENCHMARK(BM_inline_getppid);
BENCHMARK(BM_wrapped_getppid);
BENCHMARK(BM_wrapped_fstat);
BENCHMARK(BM_libsys_getppid);
BENCHMARK(BM_libsys_c_getppid);
BENCHMARK(BM_inline_fstat);
BENCHMARK(BM_libsys_fstat);
BENCHMARK(BM_libsys_c_fstat);
BENCHMARK(BM_pinned_libsys_getppid);
BENCHMARK(BM_pinned_libsys_c_getppid);
BENCHMARK_MAIN();
