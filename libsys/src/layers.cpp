#include "syscompat/libsys/layers.hpp"

#include <sys/uio.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "syscompat/abi/layout.hpp"
#include "syscompat/abi/syscalls.hpp"
#include "syscompat/abi/trace_decode.hpp"
#include "syscompat/libsys/entries.hpp"

namespace syscompat::sys::layers {

namespace {

const abi::Syscall* describe(std::uint32_t nr) {
  return abi::find_syscall(abi::Abi::x86_64, nr);
}

// Layers write and read memory through raw_syscall, never through the slots: a layer on
// `write` must not see its own output.
long kernel(std::uint32_t nr, std::uint64_t a0 = 0, std::uint64_t a1 = 0, std::uint64_t a2 = 0,
            std::uint64_t a3 = 0, std::uint64_t a4 = 0, std::uint64_t a5 = 0) {
  return raw_syscall(Call{nr, {a0, a1, a2, a3, a4, a5}});
}
void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const long n = kernel(nr::write, static_cast<std::uint64_t>(fd),
                          reinterpret_cast<std::uintptr_t>(text.data() + done), text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}
// Reads what it can of [address, address + size) without faulting; returns the bytes read.
std::string peek(std::uint64_t address, std::size_t size) {
  std::string out(size, '\0');
  std::size_t done = 0;
  while (done < size) {
    // One page at a time, so a partial read stops at the first unreadable page.
    const std::uint64_t at = address + done;
    const std::size_t chunk = std::min<std::size_t>(size - done, 4096 - (at & 4095));
    const iovec local{out.data() + done, chunk};
    const iovec remote{reinterpret_cast<void*>(static_cast<std::uintptr_t>(at)), chunk};
    const long pid = kernel(nr::getpid);
    const long n = kernel(nr::process_vm_readv, static_cast<std::uint64_t>(pid),
                          reinterpret_cast<std::uintptr_t>(&local), 1,
                          reinterpret_cast<std::uintptr_t>(&remote), 1, 0);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
    if (static_cast<std::size_t>(n) < chunk) break;
  }
  out.resize(done);
  return out;
}
bool poke(std::uint64_t address, const std::string& bytes) {
  const iovec local{const_cast<char*>(bytes.data()), bytes.size()};
  const iovec remote{reinterpret_cast<void*>(static_cast<std::uintptr_t>(address)), bytes.size()};
  const long n = kernel(nr::process_vm_writev, static_cast<std::uint64_t>(kernel(nr::getpid)),
                        reinterpret_cast<std::uintptr_t>(&local), 1,
                        reinterpret_cast<std::uintptr_t>(&remote), 1, 0);
  return n == static_cast<long>(bytes.size());
}
std::string peek_string(std::uint64_t address, std::size_t limit) {
  std::string out;
  while (out.size() < limit) {
    const std::string chunk =
        peek(address + out.size(), std::min<std::size_t>(64, limit - out.size()));
    if (chunk.empty()) break;
    const auto nul = chunk.find('\0');
    out += chunk.substr(0, nul);
    if (nul != std::string::npos) return out;
  }
  return out;
}

int arg_index(const abi::Syscall& call, std::string_view name) {
  for (std::size_t i = 0; i < call.signature.args.size(); ++i)
    if (call.signature.args[i].name == name) return static_cast<int>(i);
  return -1;
}

constexpr std::size_t max_buffer = 1 << 20;

// The bytes a pointer argument covers, from its signature: element size times count
// (fixed, another argument's value, or the int another argument points to). 0 when the
// description does not say (a struct without a layout, a string vector).
std::size_t covered_bytes(const abi::Syscall& call, std::size_t index, const Call& c) {
  const auto& arg = call.signature.args[index];
  if (arg.form == abi::ArgForm::string) return peek_string(c.args[index], 4096).size() + 1;
  if (arg.form != abi::ArgForm::pointer || c.args[index] == 0) return 0;
  std::size_t element = 1;
  if (!arg.struct_name.empty()) {
    const auto* layout = abi::find_struct_layout(abi::Abi::x86_64, arg.struct_name);
    if (layout == nullptr || !layout->present) return 0;
    element = layout->size;
  } else if (arg.scalar != abi::ArgScalar::char_ && arg.scalar != abi::ArgScalar::void_) {
    element = abi::arg_scalar_size(arg.scalar, abi::Abi::x86_64);
  }
  std::uint64_t count = 1;
  switch (arg.count.kind) {
    case abi::ArgCount::Kind::one:
      break;
    case abi::ArgCount::Kind::fixed:
      count = arg.count.fixed;
      break;
    case abi::ArgCount::Kind::argument: {
      const int other = arg_index(call, call.signature.args[arg.count.index].name);
      count = other < 0 ? 0 : c.args[other];
      break;
    }
    case abi::ArgCount::Kind::pointee: {
      const int other = arg_index(call, call.signature.args[arg.count.index].name);
      std::int32_t value = 0;
      const std::string bytes = other < 0 ? "" : peek(c.args[other], sizeof value);
      if (bytes.size() == sizeof value) std::memcpy(&value, bytes.data(), sizeof value);
      count = value < 0 ? 0 : static_cast<std::uint64_t>(value);
      break;
    }
  }
  return static_cast<std::size_t>(std::min<std::uint64_t>(count * element, max_buffer));
}

std::string hex(const std::string& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) out += {digits[b >> 4], digits[b & 15]};
  return out.empty() ? "-" : out;
}
std::string unhex(std::string_view text) {
  std::string out;
  if (text == "-") return out;
  const auto value = [](char ch) { return ch <= '9' ? ch - '0' : ch - 'a' + 10; };
  for (std::size_t i = 0; i + 1 < text.size(); i += 2)
    out += static_cast<char>(value(text[i]) << 4 | value(text[i + 1]));
  return out;
}

Installed install_all(std::span<const std::uint32_t> numbers, HandlerFn fn, void* context,
                      Level level = Level::top) {
  Installed installed{level, {}};
  for (std::uint32_t nr : numbers)
    if (const Handler* handler = install_layer(nr, fn, context, level))
      installed.handlers.emplace_back(nr, handler);
  return installed;
}

// ---- trace -------------------------------------------------------------------------

// This process's memory as the trace decoder reads it: what peek can read.
class PeekMemory final : public abi::TraceMemory {
 public:
  bool read(std::uint64_t address, void* out, std::size_t size) const override {
    const std::string bytes = peek(address, size);
    if (bytes.size() != size) return false;
    std::memcpy(out, bytes.data(), size);
    return true;
  }
};

// One strace-style line, decoded from the description by the trace decoder (abi/'s
// trace_decode, which run32's guest trace shares).
// The layer's context: the descriptor in the low 32 bits, the string limit above them.
void* trace_context(int fd, std::size_t string_limit) {
  return reinterpret_cast<void*>(static_cast<std::uintptr_t>(string_limit) << 32 |
                                 static_cast<std::uint32_t>(fd));
}

long trace_handler(const Handler& self, const Call& c) {
  const long result = call_next(self, c);
  const auto context = reinterpret_cast<std::uintptr_t>(self.context);
  const int fd = static_cast<int>(context & 0xffffffffu);
  const abi::TraceOptions options{static_cast<std::size_t>(context >> 32)};
  const abi::TraceCall traced{describe(c.nr), c.nr, c.args, result};
  write_all(fd, abi::trace_line(abi::Abi::x86_64, traced, PeekMemory{}, options) + "\n");
  return result;
}

// ---- record ------------------------------------------------------------------------

long record_handler(const Handler& self, const Call& c) {
  const abi::Syscall* call = describe(c.nr);
  std::vector<std::pair<std::size_t, std::size_t>> outs;  // argument, bytes
  std::string ins;
  if (call) {
    for (std::size_t i = 0; i < call->signature.args.size(); ++i) {
      const auto& arg = call->signature.args[i];
      if (arg.form != abi::ArgForm::pointer && arg.form != abi::ArgForm::string) continue;
      const std::size_t size = covered_bytes(*call, i, c);
      if (size == 0) continue;
      if (arg.dir != abi::ArgDir::out)
        ins += "in " + std::to_string(i) + " " + hex(peek(c.args[i], size)) + "\n";
      if (arg.dir != abi::ArgDir::in) outs.emplace_back(i, size);
    }
  }
  const long result = call_next(self, c);
  std::ostringstream text;
  text << "call " << c.nr << " " << (call ? call->name : "?") << " " << result << std::hex;
  for (std::uint64_t a : c.args) text << " " << a;
  text << "\n" << ins;
  for (const auto& [index, size] : outs) {
    // Sizes that depend on the result (a read's count) are taken after the call.
    text << "out " << std::dec << index << " " << hex(peek(c.args[index], size)) << "\n";
  }
  text << "end\n";
  write_all(static_cast<int>(reinterpret_cast<std::intptr_t>(self.context)), text.str());
  return result;
}

// ---- replay ------------------------------------------------------------------------

struct Recorded {
  std::uint32_t nr = 0;
  long result = 0;
  std::vector<std::pair<std::size_t, std::string>> outs;
};

struct ReplayState {
  Replay public_state;
  std::deque<Recorded> records;
  std::atomic_flag lock = ATOMIC_FLAG_INIT;
};

long replay_handler(const Handler& self, const Call& c) {
  auto* state = static_cast<ReplayState*>(self.context);
  while (state->lock.test_and_set(std::memory_order_acquire)) {
  }
  long result = -ENOSYS;
  if (state->records.empty() || state->records.front().nr != c.nr) {
    ++state->public_state.divergences;
  } else {
    const Recorded record = std::move(state->records.front());
    state->records.pop_front();
    ++state->public_state.served;
    result = record.result;
    for (const auto& [index, bytes] : record.outs)
      if (index < 6 && c.args[index] != 0 && !poke(c.args[index], bytes)) result = -EFAULT;
  }
  state->lock.clear(std::memory_order_release);
  return result;
}

std::deque<Recorded> parse_recording(std::string_view text) {
  std::deque<Recorded> records;
  std::istringstream in{std::string(text)};
  std::string word;
  while (in >> word) {
    if (word == "call") {
      Recorded record;
      std::string name;
      in >> record.nr >> name >> record.result;
      std::string rest;
      std::getline(in, rest);  // the registers: replay matches on the number alone
      records.push_back(std::move(record));
    } else if (word == "out" && !records.empty()) {
      std::size_t index;
      std::string bytes;
      in >> index >> bytes;
      records.back().outs.emplace_back(index, unhex(bytes));
    } else if (word == "in") {
      std::string rest;
      std::getline(in, rest);
    }
  }
  return records;
}

// ---- deny and count ----------------------------------------------------------------

long deny_handler(const Handler& self, const Call&) {
  return -static_cast<long>(reinterpret_cast<std::intptr_t>(self.context));
}

long count_handler(const Handler& self, const Call& c) {
  static_cast<Counter*>(self.context)->calls[c.nr].fetch_add(1, std::memory_order_relaxed);
  return call_next(self, c);
}

}  // namespace

bool Installed::remove() {
  // Handlers that are not outermost stay listed, so a later remove() can take them off.
  std::vector<std::pair<std::uint32_t, const Handler*>> kept;
  for (auto it = handlers.rbegin(); it != handlers.rend(); ++it)
    if (!remove_layer(it->first, it->second, level)) kept.insert(kept.begin(), *it);
  handlers = std::move(kept);
  return handlers.empty();
}

std::vector<std::uint32_t> all_numbers() {
  std::vector<std::uint32_t> numbers;
  for (const auto& call : abi::syscalls(abi::Abi::x86_64))
    if (call.number < slot_count) numbers.push_back(call.number);
  return numbers;
}

std::vector<std::uint32_t> numbers_of(std::span<const std::string_view> names) {
  std::vector<std::uint32_t> numbers;
  for (std::string_view name : names) {
    const abi::Syscall* call = abi::find_syscall(abi::Abi::x86_64, name);
    if (call == nullptr)
      throw std::invalid_argument("unknown x86_64 syscall '" + std::string(name) + "'");
    numbers.push_back(call->number);
  }
  return numbers;
}

std::vector<std::uint32_t> numbers_of_trace_set(std::string_view expression) {
  std::string error;
  const auto filter = abi::parse_trace_filter(abi::Abi::x86_64, expression, error);
  if (!filter) throw std::invalid_argument(error);
  std::vector<std::uint32_t> numbers;
  for (std::uint32_t number : all_numbers())
    if (filter->traces(number)) numbers.push_back(number);
  return numbers;
}

Installed trace(int fd, std::span<const std::uint32_t> numbers, Level level,
                std::size_t string_limit) {
  return install_all(numbers, trace_handler, trace_context(fd, string_limit), level);
}

Installed record(int fd, std::span<const std::uint32_t> numbers, Level level) {
  return install_all(numbers, record_handler,
                     reinterpret_cast<void*>(static_cast<std::intptr_t>(fd)), level);
}

Installed replay(std::string_view recording, std::span<const std::uint32_t> numbers,
                 Replay** state) {
  // Lives as long as the process (see layers.hpp); kept reachable from here, as libsys's
  // handlers live in pages of its own that leak checkers do not scan.
  static std::mutex kept_mutex;
  static auto* kept = new std::vector<ReplayState*>;
  auto* replay_state = new ReplayState;
  {
    const std::lock_guard lock(kept_mutex);
    kept->push_back(replay_state);
  }
  replay_state->records = parse_recording(recording);
  if (state) *state = &replay_state->public_state;
  return install_all(numbers, replay_handler, replay_state);
}

Installed deny(std::span<const std::uint32_t> numbers, int error) {
  return install_all(numbers, deny_handler,
                     reinterpret_cast<void*>(static_cast<std::intptr_t>(error)));
}

Installed count(Counter& counter, std::span<const std::uint32_t> numbers, Level level) {
  return install_all(numbers, count_handler, &counter, level);
}

}  // namespace syscompat::sys::layers
