#include "layout_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace syscompat::layoutcheck {

using abi::Abi;
using abi::FieldKind;
using abi::ProbeSource;

CheckInput description_input(const std::vector<Abi>& abis) {
  CheckInput input;
  input.abis = abis;
  for (Abi a : abis) {
    auto layouts = abi::struct_layouts(a);
    input.structs.insert(input.structs.end(), layouts.begin(), layouts.end());
    input.models.push_back(abi::model_layout(a));
  }
  input.known_differences.assign(abi::header_differences.begin(), abi::header_differences.end());
  input.toolchains = default_toolchains(abis);
  return input;
}

namespace {

constexpr std::uint64_t class_integer = 1, class_pointer = 5, class_real = 8, class_record = 12,
                        class_union = 13;

bool kind_has_sign(FieldKind kind) {
  return kind == FieldKind::integer;
}

// "6.10's include/uapi/linux/stat.h": where a declaration newer than the headers is.
std::string kernel_source(const abi::StructLayout& layout, abi::KernelRelease since) {
  std::string header(layout.probe.headers.substr(0, layout.probe.headers.find(' ')));
  // the kernel's arch/ folder of each ABI, where its asm/ headers are
  static constexpr std::string_view arch_folders[] = {"x86",   "x86",   "x86", "arm",
                                                      "arm64", "riscv", "mips"};
  const std::string file =
      header.rfind("asm/", 0) == 0
          ? fmt::format("arch/{}/include/uapi/{}",
                        arch_folders[static_cast<std::size_t>(layout.abi)], header)
          : "include/uapi/" + header;
  return fmt::format("{}.{}'s {}", since.major, since.minor, file);
}

void add_struct_probe(const abi::StructLayout& layout, std::ostringstream& code,
                      std::vector<ProbeValue>& values) {
  const std::string type = std::string(layout.probe.c_type);
  // A value of a declaration newer than the headers reads as not_verifiable_value there.
  auto emit = [&](const std::string& subject, const Query& query, std::uint64_t expected,
                  abi::KernelRelease since) {
    since = std::max(since, layout.probe.since);
    if (!since.known()) {
      code << "  (unsigned long long)(" << query.expr << "),\n";
      values.push_back({subject, query.what, expected, query.gcc_only, {}, {}});
      return;
    }
    code << fmt::format(
        "#if LINUX_VERSION_CODE >= KERNEL_VERSION({}, {}, 0)\n  (unsigned long long)({}),\n"
        "#else\n  {}ULL,\n#endif\n",
        since.major, since.minor, query.expr, not_verifiable_value);
    values.push_back(
        {subject, query.what, expected, query.gcc_only, since, kernel_source(layout, since)});
  };
  for (const Query& query : record_queries(type)) {
    const bool size = query.what == "size";
    emit(layout.name, query, size ? layout.size : layout.align,
         size ? layout.size_since : abi::KernelRelease{});
  }
  for (const auto& field : layout.fields) {
    if (field.kind == FieldKind::padding) continue;  // unnamed in C: covered by the tiling check
    for (const Query& query : member_queries(type, field.name, field.kind, field.element_kind))
      if (query.what != "align" || member_alignment_modelled(layout.abi, layout.name))
        emit(layout.name + "." + field.name, query, field_expected(field, query.what),
             field.since);
  }
}

}  // namespace

std::uint64_t fold_type_class(std::uint64_t type_class) {
  switch (type_class) {
    case 1:
    case 2:
    case 3:
    case 4:
      return class_integer;
    case 5:
    case 14:
      return class_pointer;
    default:
      return type_class;
  }
}

std::uint64_t expected_type_class(FieldKind kind) {
  switch (kind) {
    case FieldKind::integer:
      return class_integer;
    case FieldKind::pointer:
    case FieldKind::array:
      return class_pointer;
    case FieldKind::floating:
      return class_real;
    case FieldKind::record:
      return class_record;
    case FieldKind::union_:
      return class_union;
    case FieldKind::padding:
      break;
  }
  return 0;
}

std::vector<Query> record_queries(const std::string& type) {
  return {{"size", "sizeof(" + type + ")"}, {"align", "_Alignof(" + type + ")"}};
}

std::vector<Query> member_queries(const std::string& type, const std::string& member,
                                  FieldKind kind, FieldKind element_kind) {
  const std::string access = "((" + type + " *)0)->" + member;
  std::vector<Query> queries{{"offset", "__builtin_offsetof(" + type + ", " + member + ")"},
                             {"size", "sizeof(" + access + ")"},
                             // The member's own alignment: its type's as a member (4 for an i386
                             // long long), raised by an aligned attribute, 1 in a packed struct.
                             {"align", "_Alignof(" + access + ")", true},
                             {"type class", "__builtin_classify_type(" + access + ")"}};
  if (kind_has_sign(kind)) queries.push_back({"signed", "(__typeof__(" + access + "))-1 < 0"});
  if (kind == FieldKind::array) {
    queries.push_back({"element size", "sizeof(" + access + "[0])"});
    if (kind_has_sign(element_kind))
      queries.push_back({"element signed", "(__typeof__(" + access + "[0]))-1 < 0"});
  }
  return queries;
}

bool member_alignment_modelled(Abi abi, std::string_view struct_name) {
  // arm's statfs64 is __attribute__((packed, aligned(4))): every member has alignment 1 in
  // the header. The description packs only the 64-bit members, which is enough for every
  // offset and for the struct's size and alignment (84, 4); its 32-bit members and f_fsid
  // keep their alignment of 4.
  return !(abi == Abi::arm_eabi && struct_name == "statfs64");
}

std::uint64_t field_expected(const abi::FieldLayout& field, std::string_view what) {
  if (what == "offset") return field.offset;
  if (what == "size") return field.size;
  if (what == "align") return field.align;
  if (what == "type class") return expected_type_class(field.kind);
  if (what == "element size") return field.element_size;
  return field.is_signed;  // "signed", "element signed"
}

std::vector<ProbeUnit> make_probe_units(const CheckInput& input) {
  std::vector<ProbeUnit> units;
  for (Abi a : input.abis) {
    for (ProbeSource source : {ProbeSource::uapi, ProbeSource::libc}) {
      ProbeUnit unit{a, source, {}, {}, source == ProbeSource::uapi};
      std::vector<std::string> headers;
      // A header only newer entries need may be missing from older headers: included where
      // it exists (and a header an older entry needs is included plainly, to fail if missing).
      std::set<std::string> needed_by_older;
      std::vector<const abi::StructLayout*> probed;
      for (const auto& layout : input.structs) {
        if (layout.abi != a || !layout.present || layout.probe.source != source) continue;
        probed.push_back(&layout);
        std::istringstream words{std::string(layout.probe.headers)};
        for (std::string header; words >> header;) {
          if (std::find(headers.begin(), headers.end(), header) == headers.end())
            headers.push_back(header);
          if (!layout.probe.since.known()) needed_by_older.insert(header);
        }
      }
      if (probed.empty() && source != ProbeSource::uapi) continue;
      std::ostringstream code;
      code << "/* generated by syscompat layout --check for " << abi::abi_name(a) << " */\n";
      if (source == ProbeSource::libc) code << "#define _GNU_SOURCE 1\n";
      if (source == ProbeSource::uapi)
        code << "#include <linux/types.h>\n#include <linux/posix_types.h>\n#include "
                "<linux/socket.h>\n#include <linux/version.h>\n";
      for (const auto& header : headers)
        if (needed_by_older.count(header))
          code << "#include <" << header << ">\n";
        else
          code << "#if __has_include(<" << header << ">)\n#include <" << header << ">\n#endif\n";
      code << "const unsigned long long syscompat_probe[] = {\n";
      if (source == ProbeSource::uapi) {
        const auto& model = *std::find_if(input.models.begin(), input.models.end(),
                                          [&](const auto& m) { return m.abi == a; });
        for (const auto& scalar : model.scalars) {
          const std::string subject = "scalar " + scalar.name;
          // Alignment inside structs, which is what the model states (and the only way
          // to see __aligned_u64's, a macro whose attribute clang drops in _Alignof).
          code << "  sizeof(" << scalar.c_type << "), __builtin_offsetof(struct { char c; "
               << scalar.c_type << " m; }, m),\n";
          unit.values.push_back({subject, "size", scalar.size, false, {}, {}});
          unit.values.push_back({subject, "align", scalar.align, false, {}, {}});
          if (scalar.kind == FieldKind::integer) {
            code << "  (unsigned long long)((" << scalar.c_type << ")-1 < 0),\n";
            unit.values.push_back({subject, "signed", scalar.is_signed, false, {}, {}});
          }
        }
        // {u32; u64}: where the 64-bit member lands is the i386-vs-arm quirk itself.
        const auto u64 = std::find_if(model.scalars.begin(), model.scalars.end(),
                                      [](const auto& s) { return s.name == "u64"; });
        code << "  __builtin_offsetof(struct { __u32 a; __u64 b; }, b),\n";
        unit.values.push_back({"scalar u64", "offset after a u32", u64->align, false, {}, {}});
      }
      for (const auto* layout : probed) add_struct_probe(*layout, code, unit.values);
      code << "  0 };\n";
      if (unit.has_byte_order_samples)
        code << "const unsigned short syscompat_order_u16 = 0x0102;\n"
             << "const unsigned int syscompat_order_u32 = 0x01020304;\n"
             << "const unsigned long long syscompat_order_u64 = 0x0102030405060708ULL;\n";
      unit.code = code.str();
      units.push_back(std::move(unit));
    }
  }
  return units;
}

namespace {

std::string hex_bytes(const std::vector<std::uint8_t>& bytes) {
  std::string text;
  for (auto b : bytes) text += fmt::format("{:02x}", b);
  return text;
}

struct UnitResult {
  const ProbeUnit* unit = nullptr;
  const Toolchain* toolchain = nullptr;
  std::string problem;  // set when nothing could be compared
  std::vector<Mismatch> mismatches;
  std::size_t fields_compared = 0;
  std::map<std::string, std::string> not_verifiable;  // subject: where it is declared
};

UnitResult run_unit(const ProbeUnit& unit, const Toolchain& toolchain, const std::string& dir,
                    const abi::ModelLayout& model) {
  UnitResult result{&unit, &toolchain, {}, {}, 0, {}};
  const std::string compiler(compiler_name(toolchain.compiler));
  const std::string stem = fmt::format("{}/{}-{}-{}", dir, abi::abi_name(unit.abi), compiler,
                                       unit.source == ProbeSource::uapi ? "uapi" : "libc");
  const probe::ProbeResult probed = probe::compile_probe(toolchain, unit.code, stem);
  if (!probed.problem.empty()) {
    result.problem = probed.problem;
    return result;
  }
  const probe::ObjectSymbols& object = probed.object;
  auto values = object.data.find("syscompat_probe");
  if (values == object.data.end() || values->second.size() < 8 * unit.values.size()) {
    result.problem = "not checked: no probe values in " + stem + ".o";
    return result;
  }
  for (std::size_t i = 0; i < unit.values.size(); ++i) {
    const ProbeValue& value = unit.values[i];
    if (value.gcc_only && toolchain.compiler != Compiler::gcc) continue;
    std::uint64_t actual = object.u64_at("syscompat_probe", i);
    if (value.since.known() && actual == not_verifiable_value) {
      result.not_verifiable.emplace(value.subject, value.source);
      continue;
    }
    if (value.what == "type class") actual = fold_type_class(actual);
    if (value.subject.find('.') != std::string::npos && value.what == "offset")
      ++result.fields_compared;
    if (actual != value.expected)
      result.mismatches.push_back({unit.abi,
                                   compiler,
                                   value.subject,
                                   value.what,
                                   std::to_string(value.expected),
                                   std::to_string(actual),
                                   {}});
  }
  if (unit.has_byte_order_samples) {
    const std::pair<const char*, const std::vector<std::uint8_t>*> samples[] = {
        {"syscompat_order_u16", &model.u16_sample},
        {"syscompat_order_u32", &model.u32_sample},
        {"syscompat_order_u64", &model.u64_sample}};
    for (const auto& [symbol, expected] : samples) {
      auto found = object.data.find(symbol);
      const std::vector<std::uint8_t> actual =
          found == object.data.end() ? std::vector<std::uint8_t>{} : found->second;
      if (actual != *expected)
        result.mismatches.push_back({unit.abi,
                                     compiler,
                                     "byte order",
                                     std::string(symbol).substr(16),
                                     hex_bytes(*expected),
                                     hex_bytes(actual),
                                     {}});
    }
  }
  return result;
}

std::size_t align_up(std::size_t value, std::size_t align) {
  return align ? (value + align - 1) / align * align : value;
}

// Checks of the description alone: the fields must tile the struct, every byte either a
// field or the padding alignment puts there. A field dropped from an entry (or a member
// the header has and the entry lacks) shows up as an unexplained gap.
void check_tiling(const abi::StructLayout& layout, std::vector<Mismatch>& out) {
  std::size_t end = 0;
  for (const auto& field : layout.fields) {
    const std::size_t expected = align_up(end, field.align);
    if (field.offset != expected)
      out.push_back({layout.abi,
                     "description",
                     layout.name + "." + field.name,
                     field.offset > expected ? "gap before field (missing field?)" : "overlap",
                     std::to_string(expected),
                     std::to_string(field.offset),
                     {}});
    end = std::max(end, field.offset + field.size);
  }
  if (layout.size != align_up(end, layout.align))
    out.push_back({layout.abi,
                   "description",
                   layout.name,
                   "tail (missing field?)",
                   std::to_string(align_up(end, layout.align)),
                   std::to_string(layout.size),
                   {}});
}

}  // namespace

std::size_t Report::mismatch_count() const {
  std::size_t count = problems.size();
  for (const auto& m : mismatches)
    if (m.known_reason.empty()) ++count;
  return count;
}

Report check(const CheckInput& input, unsigned jobs) {
  Report report;
  const std::vector<ProbeUnit> units = make_probe_units(input);

  const probe::ScratchDir dir;
  if (!dir.ok()) {
    report.problems.push_back("cannot create a temporary directory");
    return report;
  }

  struct Task {
    const ProbeUnit* unit;
    const Toolchain* toolchain;
  };
  std::vector<Task> tasks;
  for (const auto& unit : units)
    for (const auto& toolchain : input.toolchains)
      if (toolchain.abi == unit.abi) tasks.push_back({&unit, &toolchain});

  std::vector<UnitResult> results(tasks.size());
  probe::run_parallel(tasks.size(), jobs, [&](std::size_t i) {
    const auto& model = *std::find_if(input.models.begin(), input.models.end(),
                                      [&](const auto& m) { return m.abi == tasks[i].unit->abi; });
    results[i] = run_unit(*tasks[i].unit, *tasks[i].toolchain, dir.path(), model);
  });

  for (const auto& layout : input.structs) {
    if (layout.present) check_tiling(layout, report.mismatches);
    if (layout.present && layout.probe.source == ProbeSource::none)
      report.not_verifiable.emplace(layout.name, std::string(layout.probe.why_none));
  }

  std::set<std::string> names;
  for (const auto& layout : input.structs) names.insert(layout.name);
  report.structs = names.size();
  report.abis = input.abis.size();

  // Per ABI and compiler: what failed; per struct: whether any of its values disagreed.
  std::map<std::pair<Abi, std::string>, std::string> unit_problem;
  for (auto& result : results) {
    const std::string compiler(compiler_name(result.toolchain->compiler));
    if (!result.problem.empty()) {
      auto& problem = unit_problem[{result.unit->abi, compiler}];
      if (problem.empty()) {
        problem = result.problem;
        report.problems.push_back(
            fmt::format("{} {}: {}", abi::abi_name(result.unit->abi), compiler, result.problem));
      }
      continue;
    }
    report.fields_checked += result.fields_compared;
    for (const auto& [subject, source] : result.not_verifiable)
      report.not_verifiable.emplace(subject, source + ", newer than the headers here");
    report.mismatches.insert(report.mismatches.end(), result.mismatches.begin(),
                             result.mismatches.end());
  }

  // Header differences: explain their mismatches; one that explains none is stale.
  for (const auto& known : input.known_differences) {
    bool seen = false;
    for (auto& m : report.mismatches)
      if (m.source != "description" && known.covers(m.abi, m.subject)) {
        m.known_reason = std::string(known.reason);
        seen = true;
      }
    const std::string_view struct_name = known.subject.substr(0, known.subject.find('.'));
    const bool compared = std::any_of(input.structs.begin(), input.structs.end(),
                                      [&](const abi::StructLayout& layout) {
                                        return (!known.abi || layout.abi == *known.abi) &&
                                               layout.name == struct_name && layout.present;
                                      });
    if (compared && !seen && unit_problem.empty())
      report.problems.push_back(
          fmt::format("{} {}: listed as a header difference but the headers now agree with the "
                      "description; remove it from abi/header_differences.hpp",
                      known.abi ? abi::abi_name(*known.abi) : "every ABI", known.subject));
  }

  // The tables.
  std::ostringstream tables;
  for (Abi a : input.abis) {
    tables << fmt::format("\n{} ({})\n", abi::abi_name(a), abi::gnu_triple(a));
    std::vector<std::string> compilers;
    for (const auto& toolchain : input.toolchains)
      if (toolchain.abi == a) {
        std::string line;
        for (const auto& word : toolchain.command) line += (line.empty() ? "" : " ") + word;
        tables << fmt::format("  {:<6} {}\n", compiler_name(toolchain.compiler), line);
        compilers.emplace_back(compiler_name(toolchain.compiler));
      }
    tables << fmt::format("  {:<22} {:>5} {:>5} {:>6}", "struct", "size", "align", "fields");
    for (const auto& c : compilers) tables << fmt::format("  {:<7}", c);
    tables << "\n";
    auto status = [&](const std::string& subject_prefix, const std::string& compiler) {
      auto problem = unit_problem.find({a, compiler});
      if (problem != unit_problem.end()) return std::string("-");
      std::string verdict = "ok";
      for (const auto& m : report.mismatches)
        if (m.abi == a && m.source == compiler &&
            (m.subject == subject_prefix || m.subject.rfind(subject_prefix + ".", 0) == 0))
          verdict = m.known_reason.empty() ? "MISMATCH" : "known";
      return verdict;
    };
    for (const auto& layout : input.structs) {
      if (layout.abi != a) continue;
      if (!layout.present) {
        tables << fmt::format("  {:<22} absent: {}\n", layout.name, layout.why_absent);
        continue;
      }
      tables << fmt::format("  {:<22} {:>5} {:>5} {:>6}", layout.name, layout.size, layout.align,
                            layout.fields.size());
      if (layout.probe.source == ProbeSource::none) {
        tables << "  no header declares it: " << layout.probe.why_none << "\n";
        continue;
      }
      for (const auto& c : compilers) tables << fmt::format("  {:<7}", status(layout.name, c));
      std::size_t newer = 0;
      for (const auto& result : results)
        if (result.unit->abi == a)
          for (const auto& [subject, source] : result.not_verifiable)
            if (subject == layout.name || subject.rfind(layout.name + ".", 0) == 0) ++newer;
      if (newer) tables << "  " << newer << " values newer than the headers: not verifiable here";
      tables << "\n";
    }
    tables << fmt::format("  {:<22} {:>5} {:>5} {:>6}", "scalars", "", "", "");
    for (const auto& c : compilers) tables << fmt::format("  {:<7}", status("scalar", c));
    tables << fmt::format("\n  {:<22} {:>5} {:>5} {:>6}", "byte order", "", "", "");
    for (const auto& c : compilers) tables << fmt::format("  {:<7}", status("byte order", c));
    tables << "\n";
  }
  report.tables = tables.str();
  return report;
}

void print_report(const Report& report, std::ostream& out) {
  out << report.tables;
  bool header = false;
  for (const auto& m : report.mismatches) {
    if (!m.known_reason.empty()) continue;
    if (!header) out << "\nmismatches (description vs compiler):\n";
    header = true;
    out << fmt::format("  MISMATCH {} {} {} {}: description {}, found {}\n", abi::abi_name(m.abi),
                       m.source, m.subject, m.what, m.expected, m.actual);
  }
  std::set<std::string> known_shown;
  for (const auto& m : report.mismatches) {
    if (m.known_reason.empty()) continue;
    if (known_shown.insert(m.known_reason).second)
      out << fmt::format("\nknown header difference: {}\n", m.known_reason);
    out << fmt::format("  header differs: {} {} {} {}: kernel {}, header {}\n",
                       abi::abi_name(m.abi), m.source, m.subject, m.what, m.expected, m.actual);
  }
  if (!report.not_verifiable.empty())
    out << "\nnot verifiable here (no header on this machine declares them; never counted as "
           "passed):\n";
  for (const auto& [subject, source] : report.not_verifiable)
    out << fmt::format("  {}: {}\n", subject, source);
  for (const auto& problem : report.problems) out << "\nPROBLEM " << problem << "\n";
  out << fmt::format(
      "\nlayouts: {} structs, {} ABIs, {} fields checked, {} not verifiable here, {} "
      "mismatches\n",
      report.structs, report.abis, report.fields_checked, report.not_verifiable.size(),
      report.mismatch_count());
}

}  // namespace syscompat::layoutcheck
