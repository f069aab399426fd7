// The trace decoder's pieces shared by its files (trace_decode.cpp: arguments and results;
// trace_structs.cpp: structs read by the description's layouts). Not a public header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/trace_decode.hpp"

namespace syscompat::abi::trace_detail {

// Whether the space-separated `list` has `word` ("*": any word).
bool names(std::string_view list, std::string_view word);
std::string hex(std::uint64_t value);
std::string show_octal(std::uint64_t value);
std::string show_pointer(std::uint64_t value);
// A signal set of `size` bytes at `bytes` (signal n is bit n-1): [INT ALRM], ~[RTMIN].
std::string show_sigset_bytes(Abi abi, const unsigned char* bytes, std::size_t size);
// A mode with its file type: S_IFREG|0644.
std::string show_file_mode(Abi abi, std::uint64_t mode);

// What a struct decoder needs of the call it belongs to.
struct StructCall {
  Abi abi;
  std::string_view call;               // the syscall's name
  std::optional<std::int64_t> result;  // after the call; nullopt before it
  const TraceMemory& memory;
  const TraceOptions& options;
  // Buffers the kernel filled (readv, recvmsg, after the call): the bytes not yet shown of
  // what the call wrote, spent iovec by iovec; nullptr when the buffers are what it read.
  std::uint64_t* written = nullptr;
  // The struct is the kernel's answer to a query (fcntl's F_GETLK): the fields only an answer
  // carries are shown too (struct flock's l_pid).
  bool answer = false;
};

// `{field=value, ...}` for the struct of `layout` at `address`, as strace shows it; the
// address in hex when it cannot be read.
std::string show_struct(const StructCall& c, const StructLayout& layout, std::uint64_t address);
// `[{...}, {...}]`: `count` structs in a row (at most options.string_limit shown).
std::string show_struct_array(const StructCall& c, const StructLayout& layout,
                              std::uint64_t address, std::size_t count);
// A buffer of `length` bytes, up to options.string_limit of them: "abc"...
std::string show_buffer(const StructCall& c, std::uint64_t address, std::uint64_t length);
// A socket address of `length` bytes, by its family: {sa_family=AF_INET, sin_port=...}.
std::string show_sockaddr(const StructCall& c, std::uint64_t address, std::size_t length);
// clone's and clone3's tls as strace shows it: i386's user_desc, the others' address.
std::string show_tls(const StructCall& c, std::uint64_t address);
// A siginfo's bytes as strace shows them (printsiginfo): {si_signo=SIGCHLD, si_code=CLD_EXITED,
// si_pid=..., ...}, the union's live member as the kernel chooses it; the signal's name to
// `signal_name` when asked.
std::string show_siginfo(Abi abi, const std::string& data, std::string* signal_name = nullptr);
// A wait status as strace shows it: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}].
std::string show_wait_status(Abi abi, std::uint32_t status);

}  // namespace syscompat::abi::trace_detail
