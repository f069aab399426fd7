// Compile-only probes: a C file compiled by an ABI's real compiler, values read back from
// the object file. Nothing is executed, so every ABI can be probed on this machine.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "syscompat/abi/models.hpp"

namespace syscompat::probe {

enum class Compiler { gcc, clang };
std::string_view compiler_name(Compiler compiler);

struct Toolchain {
  abi::Abi abi;
  Compiler compiler;
  std::vector<std::string> command;  // program and the flags that select the ABI
};

// gcc and clang for each ABI, as Debian 12 packages them.
std::vector<Toolchain> default_toolchains(const std::vector<abi::Abi>& abis);

struct ObjectSymbols {
  std::string error;  // set when the object could not be read
  bool big_endian = false;
  std::map<std::string, std::vector<std::uint8_t>> data;  // defined object symbol -> bytes

  // Element i of a symbol that is an array of 64-bit values, in the object's byte order.
  std::uint64_t u64_at(const std::string& symbol, std::size_t i) const;
};

struct ProbeResult {
  std::string problem;  // "not checked: ..." when nothing could be read
  ObjectSymbols object;
};

// Compiles `code` as C with `toolchain` into `stem`.o (keeping `stem`.c and `stem`.log).
ProbeResult compile_probe(const Toolchain& toolchain, const std::string& code,
                          const std::string& stem);

// Runs argv with stdout and stderr to `log`; returns the exit status (-1: could not start).
int run_program(const std::vector<std::string>& argv, const std::string& log);
bool program_exists(const std::string& program);
std::string read_text(const std::string& path);

// A scratch directory, removed with the object unless SYSCOMPAT_KEEP_PROBES is set.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  bool ok() const { return !path_.empty(); }

 private:
  std::string path_;
};

// Runs tasks 0..count-1 on `jobs` threads.
void run_parallel(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task);

}  // namespace syscompat::probe
