// The syscall table: sound, typed, and decoded by its signatures as the kernel decodes.
#include "syscompat/abi/syscalls.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "syscompat/abi/syscall_args.hpp"

using namespace syscompat::abi;

namespace {

const Syscall& call(Abi abi, std::string_view name) {
  const Syscall* found = find_syscall(abi, name);
  INFO(name << " on " << abi_name(abi));
  REQUIRE(found != nullptr);
  return *found;
}

std::vector<std::uint64_t> decoded(const Syscall& c, std::vector<std::uint64_t> registers) {
  std::vector<std::uint64_t> values;
  for (const auto& v : decode_args(c, registers)) values.push_back(v.value);
  return values;
}

}  // namespace

TEST_CASE("the table is sound: signatures parse, structs exist, numbers are unique", "[syscalls]") {
  for (const auto& error : syscall_table_errors()) UNSCOPED_INFO(error);
  CHECK(syscall_table_errors().empty());
}

// An argument keeps no pointer to its type as written, nor to the name of the argument that
// counts it (syscalls.hpp): they are found from its name and by position. Both against the
// row's own text, for every call of every ABI.
TEST_CASE("each argument's spelling and counter are the row's own", "[syscalls]") {
  std::size_t counted = 0;
  for (Abi abi : all_abis)
    for (const auto& c : syscalls(abi)) {
      const std::string_view text = c.signature.text;
      for (const auto& arg : c.signature.args) {
        INFO(c.name << " on " << abi_name(abi) << ": " << arg.name);
        const std::string_view spelling = arg.spelling();
        // inside the row's text, ending where only blanks separate it from the name
        REQUIRE(spelling.data() >= text.data());
        REQUIRE(arg.name.data() + arg.name.size() <= text.data() + text.size());
        CHECK_FALSE(spelling.empty());
        const char* end = spelling.data() + spelling.size();
        CHECK(end <= arg.name.data());
        for (const char* p = end; p < arg.name.data(); ++p) CHECK(*p == ' ');
        // the type's words as the row writes them
        const std::string written(spelling);
        if (!arg.struct_name.empty())
          CHECK(written.find("struct " + std::string(arg.struct_name)) != std::string::npos);
        else if (arg.form == ArgForm::value)
          CHECK(written == arg_scalar_name(arg.scalar));
        if (arg.count.kind != ArgCount::Kind::argument && arg.count.kind != ArgCount::Kind::pointee)
          continue;
        ++counted;
        REQUIRE(arg.count.index < c.signature.args.size());
        const std::string counter(c.signature.args[arg.count.index].name);
        const std::string bracket = std::string(arg.name) +
                                    (arg.count.kind == ArgCount::Kind::pointee ? "[*" : "[") +
                                    counter + "]";
        CHECK(std::string(text).find(bracket) != std::string::npos);
      }
    }
  CHECK(counted > 200);
}

TEST_CASE("every i386 and x86_64 entry has a typed signature", "[syscalls]") {
  for (Abi abi : {Abi::i386, Abi::x86_64})
    for (const auto& c : syscalls(abi)) {
      INFO(c.name << " on " << abi_name(abi));
      CHECK_FALSE(c.signature.opaque);
    }
}

TEST_CASE("the signature notation rejects what it cannot mean", "[syscalls]") {
  std::string error;
  CHECK(parse_signature("long (fd fd, out char *buf[count], size_t count)", error));
  CHECK_FALSE(parse_signature("long (fd fd, out char *buf[nbytes], size_t count)", error));
  CHECK(error.find("nbytes") != std::string::npos);
  CHECK_FALSE(parse_signature("long (out int fd)", error));      // direction on a value
  CHECK_FALSE(parse_signature("long (out char *name)", error));  // out string without size
  CHECK_FALSE(parse_signature("long (void *p)", error));         // says nothing
  CHECK_FALSE(parse_signature("long (int a, int a)", error));    // named twice
  CHECK_FALSE(parse_signature("long (frob x)", error));          // unknown type
  CHECK_FALSE(parse_signature("long (int a", error));
  CHECK(parse_signature("opaque", error));
  CHECK(parse_release("2.6.16") == Release{2, 6, 16});
  CHECK_FALSE(parse_release("4"));
  CHECK_FALSE(parse_release("4.x"));
  CHECK_FALSE(parse_release("4.19."));
}

// ---- the quirks of DESIGN.md that live in the syscall tables ----

TEST_CASE("quirk: x32 numbers carry bit 0x40000000 and have their own 512-547",
          "[syscalls][quirk]") {
  CHECK(call(Abi::x32, "rt_sigaction").number == (x32_syscall_bit | 512));
  CHECK(call(Abi::x86_64, "rt_sigaction").number == 13);
  CHECK(find_syscall(Abi::x32, x32_syscall_bit | 13) == nullptr);  // x86_64-only slot
  CHECK(call(Abi::x32, "read").number == (x32_syscall_bit | 0));
  std::size_t own = 0;
  for (const auto& c : syscalls(Abi::x32)) {
    CHECK((c.number & x32_syscall_bit) != 0);
    const auto n = c.number & ~x32_syscall_bit;
    own += n >= 512 && n <= 547;
  }
  CHECK(own == 36);
}

TEST_CASE("quirk: mips o32 numbers start at 4000", "[syscalls][quirk]") {
  CHECK(syscalls(Abi::mips_o32).front().number == 4000);
  CHECK(call(Abi::mips_o32, "read").number == 4003);
}

TEST_CASE("quirk: i386 multiplexes sockets and SysV IPC, with direct calls since 4.3 and 5.1",
          "[syscalls][quirk]") {
  CHECK(call(Abi::i386, "socketcall").number == 102);
  CHECK(call(Abi::i386, "ipc").number == 117);
  const Syscall& socket = call(Abi::i386, "socket");
  CHECK(socket.number == 359);
  CHECK(socket.since == Release{4, 3, 0});
  CHECK(socket.mux.kind == MultiplexerKind::socketcall);
  CHECK(socket.mux.call == 1);
  CHECK(call(Abi::x86_64, "socket").since < Release{4, 3, 0});
  CHECK(call(Abi::i386, "semget").since == Release{5, 1, 0});
  CHECK(call(Abi::i386, "semget").mux.kind == MultiplexerKind::ipc);
  // accept and send have no i386 number: only socketcall reaches them
  CHECK(find_syscall(Abi::i386, "accept") == nullptr);
  CHECK(call(Abi::x86_64, "accept").mux.call == 5);
}

TEST_CASE("since: calls 5.1's table synchronization gave arm EABI and mips o32", "[syscalls]") {
  // mips o32 reached SysV IPC through ipc() alone until its direct calls (with i386's)
  CHECK(call(Abi::mips_o32, "semget").since == Release{5, 1, 0});
  CHECK(call(Abi::mips_o32, "msgrcv").since == Release{5, 1, 0});
  CHECK(call(Abi::mips_o32, "ipc").since < Release{2, 0, 0});
  CHECK(call(Abi::arm_eabi, "semget").since == Release{2, 6, 16});
  // kexec_file_load's 2014 number was x86_64's; arm's came with migrate_pages in 5.1
  CHECK(call(Abi::x86_64, "kexec_file_load").since == Release{3, 17, 0});
  CHECK(call(Abi::arm_eabi, "kexec_file_load").since == Release{5, 1, 0});
  // asm-generic's number (aarch64, riscv64) came with arm64's kexec_file support in 5.0
  CHECK(call(Abi::aarch64, "kexec_file_load").since == Release{5, 0, 0});
  CHECK(call(Abi::riscv64, "kexec_file_load").since == Release{5, 0, 0});
  CHECK(call(Abi::arm_eabi, "migrate_pages").since == Release{5, 1, 0});
  CHECK(call(Abi::i386, "migrate_pages").since == Release{2, 6, 16});
}

TEST_CASE("quirk: the time64 calls are 403-423 on the 32-bit ABIs", "[syscalls][quirk]") {
  CHECK(call(Abi::i386, "clock_gettime64").number == 403);
  CHECK(call(Abi::arm_eabi, "clock_gettime64").number == 403);
  CHECK(call(Abi::mips_o32, "clock_gettime64").number == 4403);
  CHECK(call(Abi::i386, "clock_adjtime64").number == 405);
  CHECK(call(Abi::i386, "futex_time64").number == 422);
  CHECK(call(Abi::i386, "sched_rr_get_interval_time64").number == 423);
  CHECK(find_syscall(Abi::x86_64, "clock_gettime64") == nullptr);
  CHECK(find_syscall(Abi::aarch64, "clock_gettime64") == nullptr);
  // 415 was left unassigned in the time64 series (no time64 call needed it)
  for (std::uint32_t n = 403; n <= 423; ++n) {
    INFO(n);
    CHECK((find_syscall(Abi::i386, n) != nullptr) == (n != 415));
  }
}

TEST_CASE("quirk: aarch64 and riscv64 lack open, stat, pipe and dup2", "[syscalls][quirk]") {
  for (Abi abi : {Abi::aarch64, Abi::riscv64})
    for (std::string_view name : {"open", "stat", "pipe", "dup2"}) {
      INFO(name << " on " << abi_name(abi));
      CHECK(find_syscall(abi, name) == nullptr);
    }
  CHECK(find_syscall(Abi::aarch64, "openat") != nullptr);
  CHECK(find_syscall(Abi::x86_64, "open") != nullptr);
}

// ---- argument decoding: known vectors, checked by hand against the kernel's wrappers ----

TEST_CASE("decoding: pread64 and pwrite64 (i386 consecutive, arm even pair, mips high first)",
          "[syscalls][decode]") {
  const std::uint64_t pos = 0x0000000500000004;
  CHECK(decoded(call(Abi::i386, "pread64"), {3, 0x1000, 100, 0x4, 0x5}) ==
        std::vector<std::uint64_t>{3, 0x1000, 100, pos});
  CHECK(decoded(call(Abi::i386, "pwrite64"), {3, 0x1000, 100, 0x4, 0x5}) ==
        std::vector<std::uint64_t>{3, 0x1000, 100, pos});
  // arm EABI: r3 is the pad, the pair is r4 (low), r5 (high)
  CHECK(decoded(call(Abi::arm_eabi, "pread64"), {3, 0x1000, 100, 0xdead, 0x4, 0x5}) ==
        std::vector<std::uint64_t>{3, 0x1000, 100, pos});
  // mips o32 (big-endian): a3 is the pad, the pair is high word first
  CHECK(decoded(call(Abi::mips_o32, "pread64"), {3, 0x1000, 100, 0, 0x5, 0x4}) ==
        std::vector<std::uint64_t>{3, 0x1000, 100, pos});
}

TEST_CASE("decoding: ftruncate64 and truncate64", "[syscalls][decode]") {
  const std::uint64_t len = 0x0000000100000000;  // 4 GiB
  CHECK(decoded(call(Abi::i386, "ftruncate64"), {7, 0, 1}) == std::vector<std::uint64_t>{7, len});
  CHECK(decoded(call(Abi::arm_eabi, "ftruncate64"), {7, 0xdead, 0, 1}) ==
        std::vector<std::uint64_t>{7, len});
  CHECK(decoded(call(Abi::i386, "truncate64"), {0x8000, 0, 1}) ==
        std::vector<std::uint64_t>{0x8000, len});
  CHECK(decoded(call(Abi::arm_eabi, "truncate64"), {0x8000, 0, 0, 1}) ==
        std::vector<std::uint64_t>{0x8000, len});
}

TEST_CASE("decoding: fallocate needs no pad on arm", "[syscalls][decode]") {
  CHECK(decoded(call(Abi::i386, "fallocate"), {5, 1, 0x10, 0, 0x20, 0}) ==
        std::vector<std::uint64_t>{5, 1, 0x10, 0x20});
  CHECK(decoded(call(Abi::arm_eabi, "fallocate"), {5, 1, 0x10, 0, 0x20, 0}) ==
        std::vector<std::uint64_t>{5, 1, 0x10, 0x20});
  // a negative offset: both halves all ones
  CHECK(decoded(call(Abi::i386, "fallocate"), {5, 0, 0xffffffff, 0xffffffff, 1, 0})[2] ==
        ~std::uint64_t{0});
}

TEST_CASE("decoding: fadvise64, fadvise64_64 and arm_fadvise64_64's own order",
          "[syscalls][decode]") {
  // i386 fadvise64: offset is a pair, len a 32-bit size_t
  CHECK(decoded(call(Abi::i386, "fadvise64"), {4, 0x100, 0, 0x200, 2}) ==
        std::vector<std::uint64_t>{4, 0x100, 0x200, 2});
  CHECK(decoded(call(Abi::i386, "fadvise64_64"), {4, 0x100, 0, 0x200, 0, 2}) ==
        std::vector<std::uint64_t>{4, 0x100, 0x200, 2});
  // arm: advice moved second, so both pairs land on even registers without pads
  const Syscall& arm = call(Abi::arm_eabi, "arm_fadvise64_64");
  REQUIRE(arm.signature.args.size() > 1);
  CHECK(arm.signature.args[1].name == "advice");
  CHECK(decoded(arm, {4, 2, 0x100, 0, 0x200, 0}) == std::vector<std::uint64_t>{4, 2, 0x100, 0x200});
  CHECK(find_syscall(Abi::arm_eabi, "fadvise64_64") == nullptr);
}

TEST_CASE("decoding: sync_file_range, and arm's sync_file_range2", "[syscalls][decode]") {
  CHECK(decoded(call(Abi::i386, "sync_file_range"), {3, 0x1000, 0, 0x2000, 0, 4}) ==
        std::vector<std::uint64_t>{3, 0x1000, 0x2000, 4});
  CHECK(decoded(call(Abi::arm_eabi, "sync_file_range2"), {3, 4, 0x1000, 0, 0x2000, 0}) ==
        std::vector<std::uint64_t>{3, 4, 0x1000, 0x2000});
  // mips o32 keeps the original order: pad after fd, seven slots
  CHECK(decoded(call(Abi::mips_o32, "sync_file_range"), {3, 0, 0, 0x1000, 0, 0x2000, 4}) ==
        std::vector<std::uint64_t>{3, 0x1000, 0x2000, 4});
}

TEST_CASE("decoding: readahead and lookup_dcookie", "[syscalls][decode]") {
  CHECK(decoded(call(Abi::i386, "readahead"), {3, 0x10, 0x1, 4096}) ==
        std::vector<std::uint64_t>{3, 0x0000000100000010, 4096});
  CHECK(decoded(call(Abi::arm_eabi, "readahead"), {3, 0, 0x10, 0x1, 4096}) ==
        std::vector<std::uint64_t>{3, 0x0000000100000010, 4096});
  CHECK(decoded(call(Abi::i386, "lookup_dcookie"), {0x22, 0x11, 0x5000, 64}) ==
        std::vector<std::uint64_t>{0x0000001100000022, 0x5000, 64});
  CHECK(decoded(call(Abi::arm_eabi, "lookup_dcookie"), {0x22, 0x11, 0x5000, 64}) ==
        std::vector<std::uint64_t>{0x0000001100000022, 0x5000, 64});
}

TEST_CASE("decoding: 32-bit values are sign- or zero-extended by their type",
          "[syscalls][decode]") {
  // lseek's off_t is a signed long: -2 stays -2; read's size_t count is unsigned
  const auto lseek = decoded(call(Abi::i386, "lseek"), {3, 0xfffffffe, 1});
  CHECK(static_cast<std::int64_t>(lseek.at(1)) == -2);
  const auto read = decoded(call(Abi::i386, "read"), {3, 0xfffff000, 0xffffffff});
  CHECK(read.at(1) == 0xfffff000);  // a pointer: zero-extended
  CHECK(read.at(2) == 0xffffffff);  // size_t: zero-extended
  // bits above 32 in a 32-bit ABI's register are not the guest's
  CHECK(decoded(call(Abi::i386, "close"), {0xdead00000003})[0] == 3);
}

TEST_CASE("property: encode then decode is the identity for every entry of every 32-bit ABI",
          "[syscalls][decode]") {
  std::mt19937_64 random(20261124);
  std::size_t entries = 0;
  for (Abi abi : {Abi::i386, Abi::arm_eabi, Abi::mips_o32})
    for (const auto& c : syscalls(abi)) {
      if (c.signature.opaque) continue;
      ++entries;
      for (int round = 0; round < 20; ++round) {
        std::vector<std::uint64_t> values;
        for (const auto& arg : c.signature.args) {
          const std::size_t size =
              arg.form == ArgForm::value ? arg_scalar_size(arg.scalar, abi) : 4;
          std::uint64_t v = random();
          if (size < 8) {
            const unsigned bits = static_cast<unsigned>(8 * size);
            v &= (std::uint64_t{1} << bits) - 1;
            const bool is_signed = arg.form == ArgForm::value && arg_scalar_signed(arg.scalar);
            if (is_signed && (v >> (bits - 1)) & 1) v |= ~((std::uint64_t{1} << bits) - 1);
          }
          values.push_back(v);
        }
        const auto registers = encode_args(c, values);
        INFO(c.name << " on " << abi_name(abi) << " round " << round);
        REQUIRE(registers.size() == syscall_arg_slots(abi));
        for (auto r : registers) CHECK(r <= 0xffffffffu);
        CHECK(decoded(c, registers) == values);
        // and back: the registers are the canonical encoding
        CHECK(encode_args(c, decoded(c, registers)) == registers);
      }
    }
  CHECK(entries > 1000);
}
