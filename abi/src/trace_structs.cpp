// Structs in a trace, as strace shows them: read by the description's layouts (offsets, sizes,
// signedness and byte order all come from abi/'s struct entries through StructLayout), shown
// with a few rules of presentation (which fields strace's abbreviated view keeps, and which
// vocabulary names a field). No layout is written here.
#include <arpa/inet.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <mutex>

#include "syscompat/abi/constants.hpp"
#include "syscompat/abi/siginfo_layout.hpp"
#include "trace_show.hpp"

namespace syscompat::abi::trace_detail {

namespace {

using namespace vocab;

// How a field is shown beyond its type.
enum class FieldStyle : std::uint8_t {
  plain,         // by its type: integers in decimal, pointers in hex, char arrays as strings
  flags,         // `vocabulary`'s flags
  name,          // `vocabulary`'s value names
  mode,          // S_IFREG|0644
  octal,         // 0644
  hex,           // an unnamed bit set
  rlimit,        // `vocabulary`'s infinity, else a count (in units of 1024 as strace: 8192*1024)
  handler,       // SIG_DFL, SIG_IGN or an address
  sigset,        // [INT ALRM]
  restorer,      // sa_restorer: shown only with SA_RESTORER
  port,          // htons(80)
  in_addr,       // inet_addr("127.0.0.1")
  in6_addr,      // inet_pton(AF_INET6, "::1", &sin6_addr)
  flowinfo,      // htonl(0)
  family,        // AF_INET
  buffer,        // iov_base: the bytes `iov_len` says (after the call: what the kernel wrote)
  sockaddr,      // msg_name: a socket address of msg_namelen bytes
  iovecs,        // msg_iov: msg_iovlen iovecs
  epoll_data,    // {u32=3, u64=3}
  sigval,        // {sival_int=77, sival_ptr=0x4d}
  signal,        // SIGCHLD
  pointer,       // an address in an integer field (clone_args'), in hex
  magic,         // `vocabulary`'s name of the unsigned value, unknown values in hex (f_type)
  statfs_flags,  // statfs's f_flags: ST_* and the kernel's ST_VALID
  signed_,       // in decimal, signed whatever the field's type (strace's %d)
  hex08,         // in hex, at least six digits (strace's %#08x)
  hex_elements,  // an array's elements in hex (statfs's f_fsid)
  clone_arg,     // clone_args' tids, pidfd and tls: only with the flag that has the kernel use it
  bit_fields,    // a unit of C bit-fields, by `vocabulary`'s masks: seg_32bit=1, contents=0
  answer_only,   // in decimal, only in the kernel's answer to a query (StructCall::answer)
  omitted,       // not shown
};

struct FieldRule {
  std::string_view structs;  // space-separated struct names
  std::string_view fields;   // space-separated field names
  FieldStyle style;
  const Vocabulary* vocabulary = nullptr;
};

// clang-format off
const FieldRule field_rules[] = {
    {"stat stat64 __old_kernel_stat", "st_mode", FieldStyle::mode},
    {"statx", "stx_mode", FieldStyle::mode},
    {"statx", "stx_mask", FieldStyle::flags, &statx_mask},
    {"statx", "stx_attributes", FieldStyle::hex},
    {"rlimit", "rlim_cur rlim_max", FieldStyle::rlimit, &rlimit_infinity},
    {"rlimit64", "rlim_cur rlim_max", FieldStyle::rlimit, &rlimit64_infinity},
    {"sigaction compat_sigaction", "sa_handler", FieldStyle::handler},
    {"sigaction compat_sigaction", "sa_mask", FieldStyle::sigset},
    {"sigaction compat_sigaction", "sa_flags", FieldStyle::flags, &sigaction_flags},
    {"sigaction compat_sigaction", "sa_restorer", FieldStyle::restorer},
    {"pollfd", "events revents", FieldStyle::flags, &poll_events},
    {"epoll_event", "events", FieldStyle::flags, &epoll_events},
    {"epoll_event", "data", FieldStyle::epoll_data},
    {"stack_t", "ss_flags", FieldStyle::flags, &altstack_flags},
    {"iovec", "iov_base", FieldStyle::buffer},
    {"sockaddr sockaddr_un sockaddr_in sockaddr_storage", "sa_family sun_family sin_family ss_family", FieldStyle::family},
    {"sockaddr_in6", "sin6_family", FieldStyle::family},
    {"sockaddr_in sockaddr_in6", "sin_port sin6_port", FieldStyle::port},
    {"sockaddr_in", "sin_addr", FieldStyle::in_addr},
    {"sockaddr_in6", "sin6_addr", FieldStyle::in6_addr},
    {"sockaddr_in6", "sin6_flowinfo", FieldStyle::flowinfo},
    {"msghdr", "msg_name", FieldStyle::sockaddr},
    {"msghdr", "msg_iov", FieldStyle::iovecs},
    {"msghdr", "msg_flags", FieldStyle::flags, &msg_flags},
    {"sched_attr", "sched_flags", FieldStyle::hex},
    {"clone_args", "flags", FieldStyle::flags, &clone_flags},
    {"clone_args", "exit_signal", FieldStyle::signal},
    {"clone_args", "child_tid parent_tid tls pidfd", FieldStyle::clone_arg},
    {"clone_args", "stack set_tid", FieldStyle::pointer},
    {"clone_args", "stack_size", FieldStyle::hex},
    {"user_desc", "entry_number", FieldStyle::signed_},
    {"user_desc", "base_addr", FieldStyle::hex},
    {"user_desc", "limit", FieldStyle::hex08},
    {"user_desc", "flags", FieldStyle::bit_fields, &user_desc_bits},
    {"statfs statfs64", "f_type", FieldStyle::magic, &fs_magics},
    {"kernel_fsid", "val", FieldStyle::hex_elements},
    {"statfs statfs64", "f_flags", FieldStyle::statfs_flags, &statfs_flags},
    {"ipc64_perm", "mode", FieldStyle::octal},
    {"sigevent", "sigev_value", FieldStyle::sigval},
    {"sigevent", "sigev_signo", FieldStyle::signal},
    {"sigevent", "sigev_notify", FieldStyle::name, &sigev_notify},
    {"flock flock64", "l_type", FieldStyle::name, &lock_types},
    {"flock flock64", "l_whence", FieldStyle::name, &seek_whence},
    {"flock flock64", "l_pid", FieldStyle::answer_only},
};

// The fields strace's abbreviated view (without -v) shows, in its order; a struct without a
// row shows all its fields (padding left out). `more`: ", ..." follows.
struct ShownFields {
  std::string_view structs;
  std::string_view fields;
  bool more;
};
const ShownFields shown_fields[] = {
    {"stat stat64 __old_kernel_stat", "st_mode st_size", true},
    {"statx", "stx_mask stx_attributes stx_mode stx_size", true},
    {"new_utsname old_utsname oldold_utsname", "sysname nodename", true},
    {"sigaction compat_sigaction", "sa_handler sa_mask sa_flags sa_restorer", false},
    {"sockaddr_un", "sun_family sun_path", false},
    {"sockaddr_in", "sin_family sin_port sin_addr", false},
    {"sockaddr_in6", "sin6_family sin6_port sin6_flowinfo sin6_addr sin6_scope_id", false},
    {"msghdr", "msg_name msg_namelen msg_iov msg_iovlen msg_controllen msg_flags", false},
    {"rusage", "ru_utime ru_stime", true},
    {"pollfd", "fd events", false},
    {"clone_args", "flags pidfd child_tid parent_tid exit_signal stack stack_size tls", false},
    {"user_desc", "entry_number base_addr limit flags", false},  // flags: the bit-fields
    {"statfs statfs64", "f_type f_bsize f_blocks f_bfree f_bavail f_files f_ffree f_fsid f_namelen f_frsize f_flags", false},
    {"ipc64_perm", "uid gid mode key cuid cgid", false},
    {"sigevent", "sigev_value sigev_signo sigev_notify", false},
    {"semid64_ds", "sem_perm sem_otime sem_ctime sem_nsems", false},
    {"shmid64_ds", "shm_perm shm_segsz shm_cpid shm_lpid shm_nattch shm_atime shm_dtime shm_ctime", false},
    {"msqid64_ds", "msg_perm msg_stime msg_rtime msg_ctime msg_qnum msg_qbytes msg_lspid msg_lrpid", false},
    {"flock flock64", "l_type l_whence l_start l_len l_pid", false},  // mips's l_sysid, pad not
};
// clang-format on

// A field to show, with its style: a struct's presentation, found once per layout.
struct ShownField {
  const FieldLayout* field;
  FieldStyle style;
  const Vocabulary* vocabulary;
};
struct Presentation {
  std::vector<ShownField> fields;
  bool more = false;
  bool siginfo = false;  // shown by its live union member, as strace's printsiginfo
};

const Presentation& presentation(const StructLayout& layout) {
  static std::mutex lock;
  static std::map<const StructLayout*, Presentation> cache;
  const std::lock_guard<std::mutex> guard(lock);
  auto [at, fresh] = cache.try_emplace(&layout);
  if (!fresh) return at->second;
  Presentation& p = at->second;
  p.siginfo = layout.name == "siginfo";
  const auto add = [&](const FieldLayout& field) {
    ShownField shown{&field, FieldStyle::plain, nullptr};
    for (const auto& rule : field_rules)
      if (names(rule.structs, layout.name) && names(rule.fields, field.name)) {
        shown.style = rule.style;
        shown.vocabulary = rule.vocabulary;
        break;
      }
    p.fields.push_back(shown);
  };
  const ShownFields* row = nullptr;
  for (const auto& each : shown_fields)
    if (names(each.structs, layout.name)) row = &each;
  if (row) {
    p.more = row->more;
    for (std::size_t at = 0; at <= row->fields.size();) {
      std::size_t end = row->fields.find(' ', at);
      if (end == std::string_view::npos) end = row->fields.size();
      const std::string_view name = row->fields.substr(at, end - at);
      at = end + 1;
      for (const auto& field : layout.fields)
        if (field.name == name) add(field);
    }
  } else {
    for (const auto& field : layout.fields)
      if (field.kind != FieldKind::padding && !field.name.starts_with("__")) add(field);
  }
  return p;
}

// The struct's bytes, read once.
struct Bytes {
  Abi abi;
  std::string data;

  std::uint64_t unsigned_at(std::size_t offset, std::size_t size, bool big_endian) const {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size && i < 8; ++i) {
      const auto byte = static_cast<unsigned char>(data[offset + i]);
      if (big_endian)
        value = (value << 8) | byte;
      else
        value |= std::uint64_t{byte} << (8 * i);
    }
    return value;
  }
  bool big(const FieldLayout& field) const {
    return field.type.starts_with("be") || model_layout(abi).order == ByteOrder::big;
  }
  std::uint64_t u(const FieldLayout& field) const {
    return unsigned_at(field.offset, field.size, big(field));
  }
  std::int64_t s(const FieldLayout& field) const {
    std::uint64_t value = u(field);
    if (field.is_signed && field.size < 8 && (value >> (8 * field.size - 1)) & 1)
      value |= ~((std::uint64_t{1} << (8 * field.size)) - 1);
    return static_cast<std::int64_t>(value);
  }
};

const FieldLayout* field_named(const StructLayout& layout, std::string_view name) {
  for (const auto& field : layout.fields)
    if (field.name == name) return &field;
  return nullptr;
}

std::optional<Bytes> read_struct(const StructCall& c, std::uint64_t address, std::size_t size) {
  Bytes bytes{c.abi, std::string(size, '\0')};
  if (!address || !c.memory.read(address, bytes.data.data(), size)) return std::nullopt;
  return bytes;
}

std::string show_integer(const Bytes& b, const FieldLayout& field) {
  return field.is_signed ? std::to_string(b.s(field)) : std::to_string(b.u(field));
}

std::string show_fields(const StructCall& c, const StructLayout& layout, const Bytes& b);

// A char array as strace shows one: the string up to its NUL.
std::string show_char_array(const Bytes& b, const FieldLayout& field, std::size_t limit) {
  std::string_view text(b.data.data() + field.offset, field.size);
  text = text.substr(0, text.find('\0'));
  return show_bytes(text, std::max(limit, text.size()));
}

std::string show_plain(const StructCall& c, const Bytes& b, const FieldLayout& field) {
  switch (field.kind) {
    case FieldKind::integer:
      return show_integer(b, field);
    case FieldKind::pointer:
      return show_pointer(b.u(field));
    case FieldKind::floating:
    case FieldKind::padding:
    case FieldKind::union_:
      return hex(b.u(field));
    case FieldKind::record: {
      const StructLayout* inner = find_struct_layout(c.abi, field.type);
      if (!inner) return "{...}";
      Bytes nested{b.abi, b.data.substr(field.offset, field.size)};
      return show_fields(c, *inner, nested);
    }
    case FieldKind::array: {
      if (field.element_size == 1 && field.type.find("char") != std::string::npos)
        return show_char_array(b, field, c.options.string_limit);
      std::string text = "[";
      const std::size_t count = field.element_size ? field.size / field.element_size : 0;
      for (std::size_t i = 0; i < count; ++i) {
        FieldLayout element = field;
        element.offset = field.offset + i * field.element_size;
        element.size = field.element_size;
        element.kind = field.element_kind;
        text += (i ? ", " : "") + show_integer(b, element);
      }
      return text + "]";
    }
  }
  return hex(b.u(field));
}

std::string show_rlimit(const Vocabulary& infinity, Abi abi, std::uint64_t value,
                        std::size_t size) {
  const auto& row = infinity.rows.front();
  const auto inf = static_cast<std::uint64_t>(constant_value(row, abi).value_or(-1));
  const std::uint64_t mask = size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
  if ((value & mask) == (inf & mask)) return std::string(row.name);
  if (value > 1024 && value % 1024 == 0) return std::to_string(value / 1024) + "*1024";
  return std::to_string(value);
}

// The row whose value, as `size` bytes unsigned, is `value` (a magic number the field holds
// in a signed long on some ABIs).
const ConstantRow* row_of_unsigned(const Vocabulary& vocabulary, Abi abi, std::uint64_t value,
                                   std::size_t size) {
  const std::uint64_t mask = size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
  for (const auto& row : vocabulary.rows)
    if (const auto each = constant_value(row, abi))
      if ((static_cast<std::uint64_t>(*each) & mask) == (value & mask)) return &row;
  return nullptr;
}

// ST_VALID is the kernel's own (include/linux/statfs.h: "f_flags support is implemented"),
// in no UAPI or libc header; statfs sets it on every call. Shown in its place by value, as
// strace does: ST_VALID|ST_RELATIME.
constexpr std::uint64_t st_valid = 0x20;

std::string show_statfs_flags(Abi abi, std::uint64_t value) {
  const std::uint64_t below = value & (st_valid - 1), above = value & ~(2 * st_valid - 1);
  std::string text = below ? show_flags(statfs_flags, abi, below) : "";
  if (value & st_valid) text += (text.empty() ? "" : "|") + std::string("ST_VALID");
  if (above) text += (text.empty() ? "" : "|") + show_flags(statfs_flags, abi, above);
  return text.empty() ? "0" : text;
}

// Each bit-field of the unit by its mask, in the vocabulary's order: seg_32bit=1, contents=0.
std::string show_bit_fields(const Vocabulary& fields, Abi abi, std::uint64_t unit) {
  std::string text;
  for (const auto& row : fields.rows) {
    const auto mask = constant_value(row, abi);
    if (!mask || *mask <= 0) continue;
    const auto bits = static_cast<std::uint64_t>(*mask);
    text += (text.empty() ? "" : ", ") + std::string(row.name) + "=" +
            std::to_string((unit & bits) >> std::countr_zero(bits));
  }
  return text;
}

std::string show_ipv4(std::uint32_t network_order_value) {
  char text[INET_ADDRSTRLEN] = {};
  const std::uint32_t address = htonl(network_order_value);
  ::inet_ntop(AF_INET, &address, text, sizeof text);
  return text;
}

// One field by its style; empty when the field is left out.
std::string show_field(const StructCall& c, const StructLayout& layout, const Bytes& b,
                       const ShownField& shown) {
  const FieldLayout& field = *shown.field;
  switch (shown.style) {
    case FieldStyle::plain:
      return show_plain(c, b, field);
    case FieldStyle::flags:
      return show_flags(*shown.vocabulary, c.abi, b.u(field));
    case FieldStyle::name:
      return show_value(*shown.vocabulary, c.abi, b.s(field));
    case FieldStyle::mode:
      return show_file_mode(c.abi, b.u(field));
    case FieldStyle::octal:
      return show_octal(b.u(field));
    case FieldStyle::hex:
      return b.u(field) ? hex(b.u(field)) : "0";
    case FieldStyle::rlimit:
      return show_rlimit(*shown.vocabulary, c.abi, b.u(field), field.size);
    case FieldStyle::handler: {
      const std::int64_t value = static_cast<std::int64_t>(b.u(field));
      for (const auto& row : signal_handlers.rows)
        if (constant_value(row, c.abi) == value) return std::string(row.name);
      return hex(b.u(field));
    }
    case FieldStyle::sigset:
      return show_sigset_bytes(
          c.abi, reinterpret_cast<const unsigned char*>(b.data.data() + field.offset), field.size);
    case FieldStyle::restorer: {
      const FieldLayout* flags = field_named(layout, "sa_flags");
      const auto sa_restorer =
          constant_value(named_row(sigaction_flags.rows, "SA_RESTORER"), c.abi);
      if (!flags || !sa_restorer || !(b.u(*flags) & static_cast<std::uint64_t>(*sa_restorer)))
        return {};
      return show_pointer(b.u(field));
    }
    case FieldStyle::port:
      return "htons(" + std::to_string(b.u(field)) + ")";
    case FieldStyle::flowinfo:
      return "htonl(" + std::to_string(b.u(field)) + ")";
    case FieldStyle::in_addr:
      return "inet_addr(\"" +
             show_ipv4(static_cast<std::uint32_t>(b.unsigned_at(field.offset, 4, true))) + "\")";
    case FieldStyle::in6_addr: {
      char text[INET6_ADDRSTRLEN] = {};
      ::inet_ntop(AF_INET6, b.data.data() + field.offset, text, sizeof text);
      return "inet_pton(AF_INET6, \"" + std::string(text) + "\", &" + field.name + ")";
    }
    case FieldStyle::family:
      return show_value(socket_families, c.abi, b.s(field));
    case FieldStyle::buffer: {
      const FieldLayout* length = field_named(layout, "iov_len");
      const std::uint64_t address = b.u(field);
      if (!length || !address) return show_pointer(address);
      std::uint64_t size = b.u(*length);
      if (c.written) {  // what the kernel wrote into this one, of all the call wrote
        size = std::min(size, *c.written);
        *c.written -= size;
      }
      return show_buffer(c, address, size);
    }
    case FieldStyle::sockaddr: {
      const FieldLayout* length = field_named(layout, "msg_namelen");
      const std::uint64_t address = b.u(field);
      if (!length || !address) return show_pointer(address);
      return show_sockaddr(c, address, b.u(*length));
    }
    case FieldStyle::iovecs: {
      const FieldLayout* length = field_named(layout, "msg_iovlen");
      const StructLayout* iovec = find_struct_layout(c.abi, "iovec");
      const std::uint64_t address = b.u(field);
      if (!length || !iovec || !address) return show_pointer(address);
      return show_struct_array(c, *iovec, address, b.u(*length));
    }
    case FieldStyle::epoll_data: {
      const std::uint64_t value = b.u(field);
      return "{u32=" + std::to_string(static_cast<std::uint32_t>(value)) +
             ", u64=" + std::to_string(value) + "}";
    }
    case FieldStyle::sigval: {  // the union pointer wide, its int the low (or first) bytes
      FieldLayout as_int = field;
      as_int.size = 4;
      as_int.kind = FieldKind::integer;
      as_int.is_signed = true;
      return "{sival_int=" + std::to_string(b.s(as_int)) +
             ", sival_ptr=" + show_pointer(b.u(field)) + "}";
    }
    case FieldStyle::signal:
      return b.s(field) ? show_signal(c.abi, b.s(field)) : "0";
    case FieldStyle::pointer:
      return show_pointer(b.u(field));
    case FieldStyle::magic: {
      if (const ConstantRow* row =
              row_of_unsigned(*shown.vocabulary, c.abi, b.u(field), field.size))
        return std::string(row->name);
      return hex(b.u(field));
    }
    case FieldStyle::statfs_flags:
      return show_statfs_flags(c.abi, b.u(field));
    case FieldStyle::signed_: {
      FieldLayout as_signed = field;
      as_signed.is_signed = true;
      return std::to_string(b.s(as_signed));
    }
    case FieldStyle::hex08: {
      char text[24];
      std::snprintf(text, sizeof text, "%#08llx", static_cast<unsigned long long>(b.u(field)));
      return text;
    }
    case FieldStyle::hex_elements: {
      std::string text = "[";
      const std::size_t count = field.element_size ? field.size / field.element_size : 0;
      for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t element =
            b.unsigned_at(field.offset + i * field.element_size, field.element_size, b.big(field));
        text += std::string(i ? ", " : "") + (element ? hex(element) : "0");
      }
      return text + "]";
    }
    case FieldStyle::clone_arg: {
      const FieldLayout* flags = field_named(layout, "flags");
      const auto has = [&](const ConstantRow& row) {
        const auto bit = constant_value(row, c.abi).value_or(0);
        return flags && (b.u(*flags) & static_cast<std::uint64_t>(bit)) != 0;
      };
      if (field.name == "tls")
        return has(named_row(clone_flags.rows, "CLONE_SETTLS")) ? show_tls(c, b.u(field)) : "";
      const bool used = field.name == "pidfd" ? has(named_row(clone_flags.rows, "CLONE_PIDFD"))
                        : field.name == "parent_tid"
                            ? has(named_row(clone_flags.rows, "CLONE_PARENT_SETTID"))
                            : has(named_row(clone_flags.rows, "CLONE_CHILD_SETTID")) ||
                                  has(named_row(clone_flags.rows, "CLONE_CHILD_CLEARTID"));
      return used ? show_pointer(b.u(field)) : "";
    }
    case FieldStyle::bit_fields:
      return show_bit_fields(*shown.vocabulary, c.abi, b.u(field));
    case FieldStyle::answer_only:
      return c.answer ? std::to_string(b.s(field)) : std::string();
    case FieldStyle::omitted:
      return {};
  }
  return {};
}

std::string show_fields(const StructCall& c, const StructLayout& layout, const Bytes& b) {
  const Presentation& p = presentation(layout);
  if (p.siginfo) return show_siginfo(c.abi, b.data);
  std::string text = "{";
  bool first = true;
  for (const auto& shown : p.fields) {
    std::string value = show_field(c, layout, b, shown);
    if (value.empty()) continue;
    if (shown.style != FieldStyle::bit_fields) value = std::string(shown.field->name) + "=" + value;
    text += (first ? "" : ", ") + value;
    first = false;
  }
  if (p.more) text += first ? "..." : ", ...";
  return text + "}";
}

}  // namespace

std::string show_buffer(const StructCall& c, std::uint64_t address, std::uint64_t length) {
  // After the call, a buffer the kernel filled holds as many bytes as the result says,
  // shared out over the iovecs in order; the caller passes what this one got.
  const std::size_t shown =
      static_cast<std::size_t>(std::min<std::uint64_t>(length, c.options.string_limit));
  std::string bytes(shown, '\0');
  if (shown && !c.memory.read(address, bytes.data(), shown)) return hex(address);
  return show_bytes(bytes, c.options.string_limit, length > shown);
}

std::string show_struct(const StructCall& c, const StructLayout& layout, std::uint64_t address) {
  if (!address) return "NULL";
  const auto bytes = read_struct(c, address, layout.size);
  if (!bytes) return hex(address);
  return show_fields(c, layout, *bytes);
}

std::string show_tls(const StructCall& c, std::uint64_t address) {
  // 32-bit x86's CLONE_SETTLS takes a user_desc (the kernel's do_set_thread_area); the other
  // ABIs take the thread pointer itself
  if (c.abi == Abi::i386)
    if (const StructLayout* desc = find_struct_layout(c.abi, "user_desc"))
      return show_struct(c, *desc, address);
  return show_pointer(address);
}

std::string show_struct_array(const StructCall& c, const StructLayout& layout,
                              std::uint64_t address, std::size_t count) {
  if (!address) return "NULL";
  std::string text = "[";
  for (std::size_t i = 0; i < count; ++i) {
    if (i == c.options.string_limit) {
      text += ", ...";
      break;
    }
    const auto bytes = read_struct(c, address + i * layout.size, layout.size);
    if (!bytes) return i ? text + ", ...]" : hex(address);
    text += (i ? ", " : "") + show_fields(c, layout, *bytes);
  }
  return text + "]";
}

std::string show_sockaddr(const StructCall& c, std::uint64_t address, std::size_t length) {
  if (!address) return "NULL";
  const StructLayout* generic = find_struct_layout(c.abi, "sockaddr");
  const FieldLayout* family_field = generic ? field_named(*generic, "sa_family") : nullptr;
  if (!family_field || length < family_field->offset + family_field->size) return hex(address);
  const auto family_bytes = read_struct(c, address, family_field->offset + family_field->size);
  if (!family_bytes) return hex(address);
  const auto family = family_bytes->s(*family_field);
  std::string_view name = "sockaddr";
  for (const auto& [family_name, struct_name] :
       {std::pair<std::string_view, std::string_view>{"AF_UNIX", "sockaddr_un"},
        {"AF_INET", "sockaddr_in"},
        {"AF_INET6", "sockaddr_in6"}})
    if (const ConstantRow* row = find_constant(socket_families, family_name))
      if (constant_value(*row, c.abi) == family) name = struct_name;
  const StructLayout* layout = find_struct_layout(c.abi, name);
  if (!layout) return hex(address);
  // only the bytes the caller gave: a short sockaddr_un has a short path
  Bytes bytes{c.abi, std::string(layout->size, '\0')};
  const std::size_t size = std::min(length, layout->size);
  if (!c.memory.read(address, bytes.data.data(), size)) return hex(address);
  if (name == "sockaddr_un") {
    const FieldLayout* path = field_named(*layout, "sun_path");
    std::string text = "{sa_family=" + show_value(socket_families, c.abi, family);
    if (path && size > path->offset) {
      std::string_view bytes_of_path(bytes.data.data() + path->offset, size - path->offset);
      const bool abstract = !bytes_of_path.empty() && bytes_of_path.front() == '\0';
      if (abstract) bytes_of_path.remove_prefix(1);
      bytes_of_path =
          bytes_of_path.substr(0, abstract ? bytes_of_path.size() : bytes_of_path.find('\0'));
      text += ", sun_path=" + std::string(abstract ? "@" : "") +
              show_bytes(bytes_of_path, std::max<std::size_t>(bytes_of_path.size(), 108));
    }
    return text + "}";
  }
  std::string text = show_fields(c, *layout, bytes);
  // strace names the family field sa_family whatever the struct calls it
  if (const auto at = text.find("_family="); at != std::string::npos && text.starts_with("{s"))
    text.replace(1, at - 1, "sa");
  return text;
}

std::string show_wait_status(Abi abi, std::uint32_t status) {
  // The encoding is the kernel's on every ABI (the W* macros of glibc's bits/waitstatus.h):
  // the exit code << 8; or the signal, with 0x80 for a core dump; 0x7f: stopped, the signal
  // << 8; 0xffff: continued.
  const std::uint32_t low = status & 0x7f;
  if (status == 0xffff) return "[{WIFCONTINUED(s)}]";
  if (low == 0)
    return "[{WIFEXITED(s) && WEXITSTATUS(s) == " + std::to_string((status >> 8) & 0xff) + "}]";
  if (low == 0x7f)
    return "[{WIFSTOPPED(s) && WSTOPSIG(s) == " + show_signal(abi, (status >> 8) & 0xff) + "}]";
  return "[{WIFSIGNALED(s) && WTERMSIG(s) == " + show_signal(abi, low) +
         (status & 0x80 ? " && WCOREDUMP(s)}]" : "}]");
}

// siginfo as strace shows it (printsiginfo): {si_signo=SIGCHLD, si_code=CLD_EXITED, ...},
// the union's live member as the kernel chooses it; its signal's name to `signal_name`.
std::string show_siginfo(Abi abi, const std::string& data, std::string* signal_name) {
  const StructLayout* header = find_struct_layout(abi, "siginfo");
  if (!header) return "{...}";
  Bytes b{abi, data};
  b.data.resize(std::max(b.data.size(), header->size));
  const FieldLayout* signo = field_named(*header, "si_signo");
  const FieldLayout* code_field = field_named(*header, "si_code");
  const FieldLayout* fields = field_named(*header, "_sifields");
  if (!signo || !code_field || !fields) return "{...}";
  const auto signal = b.s(*signo);
  const auto code = static_cast<int>(b.s(*code_field));
  const std::string name = show_signal(abi, signal);
  if (signal_name) *signal_name = name;
  // si_code: the signal's own codes (SIGCHLD's, SIGSEGV's) above 0, the generic ones else
  const Vocabulary* codes = &vocab::si_codes;
  if (code > 0 && code < 0x80) {
    if (name == "SIGCHLD") codes = &vocab::cld_codes;
    if (name == "SIGSEGV") codes = &vocab::segv_codes;
  }
  std::string text = "{si_signo=" + name + ", si_code=" + show_value(*codes, abi, code);
  // The live member of the union as the kernel chooses it (siginfo_layout): its fields by
  // the description's layout, named as strace names them (si_ and the member's name).
  static constexpr const ConstantRow &si_user = named_row(vocab::si_codes.rows, "SI_USER"),
                                     &si_tkill = named_row(vocab::si_codes.rows, "SI_TKILL"),
                                     &si_kernel = named_row(vocab::si_codes.rows, "SI_KERNEL");
  std::string_view member;
  // strace's print_si_info: a signal kill or tkill sent shows its sender alone, another
  // sent by a process its value only when it has one
  bool value_when_set = false;
  switch (siginfo_layout(static_cast<int>(signal), code)) {
    case SiginfoLayout::kill:
      member = code == constant_value(si_kernel, abi) ? "" : "siginfo_kill";  // no sender
      break;
    case SiginfoLayout::timer:
      member = "siginfo_timer";
      break;
    case SiginfoLayout::rt:
      value_when_set = true;
      member = code == constant_value(si_user, abi) || code == constant_value(si_tkill, abi)
                   ? "siginfo_kill"
                   : "siginfo_rt";
      break;
    case SiginfoLayout::chld:
      member = "siginfo_sigchld";
      break;
    case SiginfoLayout::poll:
      member = "siginfo_sigpoll";
      break;
    case SiginfoLayout::sys:
      member = "siginfo_sigsys";
      break;
    default:
      member = "siginfo_sigfault";
      break;
  }
  if (const StructLayout* live = member.empty() ? nullptr : find_struct_layout(abi, member)) {
    Bytes inner{abi, b.data.substr(fields->offset, live->size)};
    for (const auto& field : live->fields) {
      if (field.kind == FieldKind::padding || field.name.starts_with("_sys_private")) continue;
      std::string shown_name = "si_" + field.name.substr(1);
      std::string value;
      if (field.kind == FieldKind::union_) {  // sigval: strace's si_int and si_ptr
        if (value_when_set && inner.u(field) == 0) continue;
        FieldLayout as_int = field;
        as_int.size = 4;
        as_int.kind = FieldKind::integer;
        as_int.is_signed = true;
        text += ", si_int=" + std::to_string(inner.s(as_int));
        value = show_pointer(inner.u(field));  // the union is a pointer wide
        shown_name = "si_ptr";
      } else if (field.name == "_tid") {  // a timer's id, strace's si_timerid in hex
        shown_name = "si_timerid";
        value = inner.u(field) ? hex(inner.u(field)) : "0";
      } else if (field.name == "_status" && code != 1) {  // killed or dumped: the signal
        value = show_signal(abi, inner.s(field));
      } else if (field.kind == FieldKind::pointer) {
        value = show_pointer(inner.u(field));
      } else {
        value = std::to_string(inner.s(field));
      }
      text += ", " + shown_name + "=" + value;
    }
  }
  return text + "}";
}

}  // namespace syscompat::abi::trace_detail

namespace syscompat::abi {

using namespace trace_detail;

std::string trace_signal_line(Abi abi, std::span<const std::uint8_t> siginfo) {
  std::string name;
  const std::string fields = show_siginfo(abi, std::string(siginfo.begin(), siginfo.end()), &name);
  return name.empty() ? "--- ? ---" : "--- " + name + " " + fields + " ---";
}

}  // namespace syscompat::abi
