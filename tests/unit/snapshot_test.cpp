// Snapshots (docs/snapshot.md): r06 compiled from ../shared/masters/r06 and read back is the CSV
// load record by record, field by field, and prices the same claims to the same bytes; a damaged,
// truncated, foreign or stale snapshot is refused by name.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <type_traits>
#include <variant>

#include <fmt/ranges.h>

#include "big_input.hpp"
#include "core/byte_io.hpp"
#include "error_of.hpp"
#include "masters/fields.hpp"
#include "masters/master_data.hpp"
#include "masters/snapshot.hpp"
#include "santei/generate.hpp"
#include "santei/pricing.hpp"
#include "support.hpp"

using namespace santei;
using santei::test::ScratchDirectory;
using santei::test::day;
using santei::test::error_of;

namespace {

void write_bytes(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

template <class T>
bool same_value(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, Decimal>) {
    return a.mantissa() == b.mantissa() && a.scale() == b.scale();  // the same digits, not just the same number
  } else if constexpr (std::is_same_v<T, AgeCode>) {
    return a.raw == b.raw;
  } else {
    return a == b;
  }
}

// Every field the bindings reach, compared; the differences named (the first few).
template <class Record>
void check_same_records(std::span<const Record> csv, std::span<const Record> snapshot, const std::string& kind) {
  INFO(kind);
  REQUIRE(csv.size() == snapshot.size());
  std::vector<std::string> differences;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    Record& a = const_cast<Record&>(csv[i]);  // the bindings hand out pointers; only read here
    Record& b = const_cast<Record&>(snapshot[i]);
    for (const masters::FieldBinding<Record>& binding : masters::field_bindings<Record>()) {
      const masters::FieldRef ref_b = binding.ref(b);
      const bool same = std::visit(
          [&](auto* field) { return same_value(*field, *std::get<std::remove_reference_t<decltype(field)>>(ref_b)); },
          binding.ref(a));
      if (!same && differences.size() < 5) differences.push_back(fmt::format("{}[{}].{}", kind, i, binding.key));
    }
  }
  CHECK_MESSAGE(differences.empty(), fmt::format("{}", fmt::join(differences, ", ")));
}

// r06 compiled once per process into a scratch file: the set the compile read from the CSVs, and
// the snapshot's bytes.
struct CompiledR06 {
  ScratchDirectory scratch{"santei-snapshot-r06"};
  std::filesystem::path file = scratch.path() / "r06.snapshot";
  std::shared_ptr<const MasterSet> csv = compile_master_snapshot(santei::test::shared_masters() / "r06", file);
};
const CompiledR06& compiled_r06() {
  static const CompiledR06 compiled;
  return compiled;
}

// The demo master as a snapshot (no source files: an empty fingerprint).
std::string demo_snapshot() { return detail::snapshot_bytes(MasterSet::demo()->data(), {}); }

std::string refusal(std::string_view bytes, const std::string& name = "demo.snapshot") {
  try {
    detail::read_snapshot(bytes, name);
  } catch (const Exception& e) {
    return e.what();
  }
  return "(read)";
}

// docs/snapshot.md, format 2: after the tables flags, a u32 count of sections (15) and a u64 byte
// length of each, which together fill the rest of the body.
constexpr std::size_t kSectionCount = 15;

// The snapshot's own little-endian encoding (core/byte_io.hpp), read and overwritten in place.
std::uint32_t u32_at(std::string_view bytes, std::size_t at) { return bytes::Reader(bytes.substr(at), "test").u32("u32"); }
std::uint64_t u64_at(std::string_view bytes, std::size_t at) { return bytes::Reader(bytes.substr(at), "test").u64("u64"); }

void put_u32_at(std::string& bytes, std::size_t at, std::uint32_t value) {
  bytes::Writer out;
  out.u32(value);
  bytes.replace(at, out.bytes().size(), out.bytes());
}

void put_u64_at(std::string& bytes, std::size_t at, std::uint64_t value) {
  bytes::Writer out;
  out.u64(value);
  bytes.replace(at, out.bytes().size(), out.bytes());
}

// Where the section directory's count stands: the one place whose 15 lengths add up to the bytes
// after them. The count's four bytes are found with find(): r06's snapshot is 17 MiB.
std::size_t section_directory(std::string_view bytes) {
  std::size_t found = std::string_view::npos;
  constexpr std::string_view kCount("\x0f\0\0\0", 4);
  static_assert(kSectionCount == 15);
  for (std::size_t at = bytes.find(kCount); at != std::string_view::npos && at + 4 + 8 * kSectionCount <= bytes.size();
       at = bytes.find(kCount, at + 1)) {
    const std::size_t rest = at + 4 + 8 * kSectionCount;
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < kSectionCount; ++i) total += u64_at(bytes, at + 4 + 8 * i);
    if (total == bytes.size() - rest) {
      REQUIRE(found == std::string_view::npos);
      found = at;
    }
  }
  REQUIRE(found != std::string_view::npos);
  return found;
}

// Where each field of a record lies in the record's bytes, and a record's bytes: every field has a
// fixed size (a text is a u32 offset and a u32 length in the pool), in the order of field_bindings.
template <class Record>
struct FieldPlaces {
  std::map<std::string_view, std::size_t> offset;
  std::size_t record_bytes = 0;
};
template <class Record>
FieldPlaces<Record> field_places() {
  FieldPlaces<Record> places;
  Record probe{};
  for (const masters::FieldBinding<Record>& binding : masters::field_bindings<Record>()) {
    places.offset[binding.key] = places.record_bytes;
    places.record_bytes += std::visit(
        [](auto* field) -> std::size_t {
          using T = std::remove_pointer_t<decltype(field)>;
          if constexpr (std::is_same_v<T, Decimal>) return 9;
          else if constexpr (std::is_same_v<T, AgeCode>) return 2;
          else if constexpr (std::is_same_v<T, ChangeKind>) return 1;
          else if constexpr (std::is_same_v<T, std::string>) return 8;
          else return sizeof(T);
        },
        binding.ref(probe));
  }
  return places;
}

}  // namespace

TEST_CASE("snapshot: r06 read from its snapshot is the CSV load, every record of every kind field by field") {
  const MasterSet& csv = *compiled_r06().csv;
  const auto snapshot = MasterSet::load(compiled_r06().file);
  CHECK(snapshot->stats().snapshot == compiled_r06().file.string());
  CHECK(csv.stats().snapshot.empty());
  CHECK(snapshot->revision() == "r06");
  CHECK(snapshot->period() == csv.period());
  CHECK(snapshot->origin() == csv.origin());
  // What the load read, as the CSV load reported it (the snapshot keeps the CSVs' names).
  REQUIRE(snapshot->stats().files.size() == csv.stats().files.size());
  for (std::size_t i = 0; i < csv.stats().files.size(); ++i) {
    const MasterFileInfo& a = csv.stats().files[i];
    const MasterFileInfo& b = snapshot->stats().files[i];
    CHECK(std::tie(a.path, a.kind, a.layout, a.update, a.date, a.rows, a.bytes) ==
          std::tie(b.path, b.kind, b.layout, b.update, b.date, b.rows, b.bytes));
  }
  CHECK(snapshot->stats().bytes == csv.stats().bytes);
  CHECK(snapshot->stats().notes == csv.stats().notes);
  CHECK(snapshot->stats().missing == csv.stats().missing);

  const detail::MasterData& a = csv.data();
  const detail::MasterData& b = snapshot->data();
  CHECK(a.tables_present == b.tables_present);
  // Every master and every table r06 holds (all but 02 and 03-1) has rows: the comparisons below
  // compare something.
  for (const std::size_t rows : {a.procedures.all().size(), a.drugs.all().size(), a.materials.all().size(),
                                 a.comments.all().size(), a.diseases.all().size(), a.modifiers.all().size(),
                                 a.auxiliary.all().size(), a.exclusions[1].size(), a.exclusions[2].size(),
                                 a.exclusions[3].size(), a.inpatient_additions.size(), a.count_limits.size(),
                                 a.comment_links.size()}) {
    CHECK(rows > 0);
  }
  check_same_records(a.procedures.all(), b.procedures.all(), "procedures");
  check_same_records(a.drugs.all(), b.drugs.all(), "drugs");
  check_same_records(a.materials.all(), b.materials.all(), "materials");
  check_same_records(a.comments.all(), b.comments.all(), "comments");
  check_same_records(a.diseases.all(), b.diseases.all(), "diseases");
  check_same_records(a.modifiers.all(), b.modifiers.all(), "modifiers");
  check_same_records(a.auxiliary.all(), b.auxiliary.all(), "auxiliary");
  check_same_records<BundleMemberRecord>(a.bundle_members, b.bundle_members, "bundle_members");
  for (std::size_t w = 0; w < a.exclusions.size(); ++w) {
    check_same_records<ExclusionRecord>(a.exclusions[w], b.exclusions[w], fmt::format("exclusions[{}]", w));
  }
  check_same_records<InpatientAdditionRecord>(a.inpatient_additions, b.inpatient_additions, "inpatient_additions");
  check_same_records<CountLimitRecord>(a.count_limits, b.count_limits, "count_limits");
  check_same_records<CommentLinkRecord>(a.comment_links, b.comment_links, "comment_links");
  // rule_flags has no binding: the rule graph derives it again from the 電子点数表.
  std::size_t flagged = 0;
  for (std::size_t i = 0; i < a.procedures.all().size(); ++i) {
    flagged += a.procedures.all()[i].rule_flags != 0;
    if (a.procedures.all()[i].rule_flags != b.procedures.all()[i].rule_flags) FAIL("rule_flags of procedure ", i);
  }
  CHECK(flagged > 0);
  // A fact of the masters through the snapshot's index: 初診料 111000110 is 291点 from 2024-06-01.
  const ProcedureRecord* shoshin = snapshot->procedure(111000110, day("2024-06-01"));
  REQUIRE(shoshin);
  CHECK(shoshin->name == "初診料");
  CHECK(shoshin->points == Decimal(291));
}

TEST_CASE("snapshot: r06 from its snapshot prices 300 generated claims and the examples to the same JSON bytes") {
  MasterLibrary csv;
  csv.add(compiled_r06().csv);
  const MasterLibrary snapshot = MasterLibrary::load(compiled_r06().file);
  REQUIRE(snapshot.sets().size() == 1);
  const auto priced_json = [](const std::string& json, const MasterLibrary& library) {
    try {
      return result_json(price(parse_claim(json), library), library);
    } catch (const Exception& e) {
      return std::string("error: ") + e.what();
    }
  };
  std::vector<std::string> claims;
  for (const char* name : {"outpatient.json", "inpatient.json"}) {
    claims.push_back(test::file_bytes(std::filesystem::path(SANTEI_SOURCE_DIR) / "examples/claims" / name));
  }
  for (const char* month : {"2024-06", "2025-03"}) {
    const ClaimGenerator generator(csv, GenerateOptions{*YearMonth::parse(month), 17, {}});
    for (std::uint64_t i = 0; i < 150; ++i) {
      claims.emplace_back();
      generator.append_json(i, claims.back());
    }
  }
  std::size_t priced = 0;
  for (const std::string& claim : claims) {
    const std::string from_csv = priced_json(claim, csv);
    priced += !from_csv.starts_with("error: ");
    REQUIRE(from_csv == priced_json(claim, snapshot));
  }
  CHECK(priced > 200);  // the claims priced: the comparison is of results, not of errors
}

TEST_CASE("snapshot: the demo master round-trips, and a copy of it with its checksum recomputed reads the same" *
          doctest::test_suite("threads")) {
  std::string bytes = demo_snapshot();
  const auto read = detail::read_snapshot(bytes, "demo.snapshot");
  CHECK(read->revision() == MasterSet::demo()->revision());
  CHECK(read->all_procedures().size() == MasterSet::demo()->all_procedures().size());
  const std::string sealed = bytes;
  detail::reseal_snapshot(bytes);
  CHECK(bytes == sealed);
}

TEST_CASE("snapshot: refused when truncated at any point, naming the file and the place") {
  const std::string bytes = demo_snapshot();
  REQUIRE(bytes.size() > 200);
  // Every cut in the header, then every 61st byte of the body.
  for (std::size_t size = 0; size < bytes.size(); size += size < 120 ? 1 : 61) {
    CAPTURE(size);
    const std::string message = refusal(std::string_view(bytes).substr(0, size));
    CHECK(message.starts_with("demo.snapshot: "));
    if (size < detail::kSnapshotMagic.size()) {
      CHECK(message.find("not a santei snapshot") != std::string::npos);
    } else {
      CHECK(message.find("truncated") != std::string::npos);
    }
  }
  // Past the checksum (recomputed for the shorter body), the reader's own bounds checks refuse it.
  for (std::size_t size = 140; size < bytes.size(); size += 37) {
    CAPTURE(size);
    std::string cut = bytes.substr(0, size);
    detail::reseal_snapshot(cut);
    const std::string message = refusal(cut);
    CHECK(message.find("truncated") != std::string::npos);
    CHECK(message.find("(at byte ") != std::string::npos);
  }
}

TEST_CASE("snapshot: a flipped byte anywhere after the header is refused by the checksum") {
  const std::string bytes = demo_snapshot();
  for (std::size_t at = 120; at < bytes.size(); at += 53) {
    CAPTURE(at);
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
    CHECK(refusal(flipped) ==
          "demo.snapshot: checksum: the SHA-256 of the body is not the header's: the file is damaged");
  }
}

// In the "threads" suite (the ThreadSanitizer job): a snapshot's sections are read on two threads.
TEST_CASE("snapshot: a section directory that does not match its sections is refused, naming the first broken section" *
          doctest::test_suite("threads")) {
  const std::string bytes = demo_snapshot();
  const std::size_t directory = section_directory(bytes);
  const auto length_at = [&](std::size_t section) { return directory + 4 + 8 * section; };

  std::string fewer = bytes;
  fewer[directory] = 14;
  detail::reseal_snapshot(fewer);
  CHECK(refusal(fewer).find("sections: 14 sections where a snapshot of this format has 15") != std::string::npos);

  // procedures (section 0) one byte longer, drugs one shorter: the lengths still fill the body.
  std::string shifted = bytes;
  put_u64_at(shifted, length_at(0), u64_at(bytes, length_at(0)) + 1);
  put_u64_at(shifted, length_at(1), u64_at(bytes, length_at(1)) - 1);
  detail::reseal_snapshot(shifted);
  const std::string message = refusal(shifted);
  CHECK(message.find("demo.snapshot: procedures: 1 bytes after its last record (at byte ") != std::string::npos);

  // drugs (read on the second thread) and comment_links (the first thread's last) both broken: the
  // drugs are reported, being first in the file, whichever thread fails first.
  std::string two = bytes;
  put_u64_at(two, length_at(1), u64_at(bytes, length_at(1)) + 1);
  put_u64_at(two, length_at(14), u64_at(bytes, length_at(14)) - 1);
  detail::reseal_snapshot(two);
  for (int round = 0; round < 20; ++round) CHECK(refusal(two).find("demo.snapshot: drugs: 1 bytes after") != std::string::npos);

  std::string over = bytes;
  put_u64_at(over, length_at(3), std::uint64_t{1} << 40);
  detail::reseal_snapshot(over);
  CHECK(refusal(over).find("comments: truncated: the section directory gives it 1099511627776 bytes") != std::string::npos);

  std::string short_of_body = bytes;
  put_u64_at(short_of_body, length_at(14), u64_at(bytes, length_at(14)) - 1);
  detail::reseal_snapshot(short_of_body);
  CHECK(refusal(short_of_body).find("end: 1 bytes after the last table") != std::string::npos);
}

TEST_CASE("snapshot: the text pool is refused when it is not UTF-8, and a record's text outside it or inside a character") {
  const std::string bytes = demo_snapshot();
  const std::size_t directory = section_directory(bytes);
  // The pool is the text (u32 length, bytes) that ends where the directory starts.
  std::size_t pool = 0;
  for (std::size_t length = 0; length + 4 <= directory; ++length) {
    if (u32_at(bytes, directory - length - 4) == length) {
      pool = directory - length;
      break;
    }
  }
  REQUIRE(pool != 0);
  const std::size_t pool_size = directory - pool;
  const std::string_view texts = std::string_view(bytes).substr(pool, pool_size);
  // The first UTF-8 continuation byte (10xxxxxx): the demo's names are Japanese.
  const auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  const auto found = std::find_if(texts.begin(), texts.end(), is_continuation);
  REQUIRE(found != texts.end());
  const auto continuation = static_cast<std::size_t>(found - texts.begin());

  std::string broken = bytes;
  broken[pool + continuation] = '\xff';
  detail::reseal_snapshot(broken);
  CHECK(refusal(broken).find(fmt::format("texts: not UTF-8 at byte {} of the text pool", continuation - 1)) !=
        std::string::npos);

  // The first procedure's first text (its name), past the procedures' count.
  const std::size_t first_text = directory + 4 + 8 * kSectionCount + 4 + field_places<ProcedureRecord>().offset.at("name");
  const auto with_text = [&](std::uint32_t at, std::uint32_t size) {
    std::string changed = bytes;
    put_u32_at(changed, first_text, at);
    put_u32_at(changed, first_text + 4, size);
    detail::reseal_snapshot(changed);
    return refusal(changed);
  };
  CHECK(with_text(static_cast<std::uint32_t>(pool_size), 0) == "(read)");  // an empty text at the very end
  CHECK(with_text(static_cast<std::uint32_t>(pool_size), 1).find(fmt::format(
            "a text of 1 bytes at {} is outside the text pool of {} bytes", pool_size, pool_size)) != std::string::npos);
  CHECK(with_text(static_cast<std::uint32_t>(pool_size) + 1, 0).find(fmt::format(
            "a text of 0 bytes at {} is outside the text pool of {} bytes", pool_size + 1, pool_size)) != std::string::npos);
  CHECK(with_text(static_cast<std::uint32_t>(continuation), 0).find(fmt::format(
            "a text of 0 bytes at {} starts or ends inside a character of the text pool", continuation)) != std::string::npos);
  CHECK(with_text(static_cast<std::uint32_t>(continuation - 1), 1).find("starts or ends inside a character") !=
        std::string::npos);
}

// A table is read a block of records at a time, a field at a time (snapshot.cpp, get_records); a
// refusal still names the first bad value in the file, its record, field and byte.
TEST_CASE("snapshot: a value out of range is refused naming its record, field and byte, the first in the file") {
  const auto places = field_places<ProcedureRecord>();
  // The byte after `field` of procedure `record` (a refusal names where the reading stood), and
  // `bytes` with `change` made there, resealed.
  const auto place = [&](std::string_view bytes, std::size_t directory, std::size_t record, std::string_view field) {
    const std::size_t procedures = directory + 4 + 8 * kSectionCount;  // their count, then them
    REQUIRE(record < u32_at(bytes, procedures));
    return procedures + 4 + record * places.record_bytes + places.offset.at(field);
  };

  const std::string demo = demo_snapshot();
  const std::size_t demo_directory = section_directory(demo);
  std::string code = demo;
  const std::size_t code_at = place(demo, demo_directory, 2, "code");
  put_u32_at(code, code_at, 1'000'000'000);
  detail::reseal_snapshot(code);
  CHECK(refusal(code) ==
        fmt::format("demo.snapshot: procedures[2].code: 1000000000 is not a code of up to 9 digits (at byte {})", code_at + 4));

  // In one block: an early field of a later record and a later field of an earlier record. The
  // earlier record's is first in the file.
  std::string two = demo;
  two[place(demo, demo_directory, 3, "change")] = 7;
  const std::size_t valid_to = place(demo, demo_directory, 1, "valid_to");
  put_u32_at(two, valid_to, 0x7FFFFFFF);
  detail::reseal_snapshot(two);
  CHECK(refusal(two) == fmt::format("demo.snapshot: procedures[1].valid_to: 2147483647 days from 1970-01-01 is not a day "
                                    "from 0001-01-01 to 99999999 (at byte {})",
                                    valid_to + 4));
  std::string one = demo;
  one[place(demo, demo_directory, 3, "change")] = 7;
  detail::reseal_snapshot(one);
  CHECK(refusal(one) == fmt::format("demo.snapshot: procedures[3].change: 7 is not a 変更区分 (0, 1, 2, 3, 5 or 9) (at byte {})",
                                    place(demo, demo_directory, 3, "change") + 1));

  // Past the first block of records, in r06: the same two refusals at procedures 150 and 149.
  std::ifstream in(compiled_r06().file, std::ios::binary);
  const std::string r06((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t r06_directory = section_directory(r06);
  std::string later = r06;
  later[place(r06, r06_directory, 150, "change")] = 4;
  const std::size_t points = place(r06, r06_directory, 149, "points");
  later[points + 8] = 13;  // the scale after the mantissa's 8 bytes
  detail::reseal_snapshot(later);
  CHECK(refusal(later, "r06.snapshot") ==
        fmt::format("r06.snapshot: procedures[149].points: a decimal scale of 13 is over 12 (at byte {})", points + 9));
}

TEST_CASE("snapshot: another format version or santei version is refused before anything else is read") {
  const std::string bytes = demo_snapshot();
  std::string other_format = bytes;
  other_format[detail::kSnapshotMagic.size()] = 1;  // u32 little-endian: format 1, before the section directory
  CHECK(refusal(other_format).find("format version: snapshot format 1 where this santei reads format 2") !=
        std::string::npos);
  std::string other_version = bytes;
  const std::size_t at = other_version.find(SANTEI_VERSION_STRING);
  REQUIRE(at != std::string::npos);
  other_version.replace(at, std::strlen(SANTEI_VERSION_STRING), std::string(std::strlen(SANTEI_VERSION_STRING), '9'));
  CHECK(refusal(other_version).find("santei version: written by santei 99999 where this is santei " SANTEI_VERSION_STRING) !=
        std::string::npos);
}

TEST_CASE("snapshot: MasterSet::load refuses a file that is not a snapshot, naming it") {
  const std::filesystem::path csv = santei::test::shared_dir() / "excerpts/r08/s_ALL20261001.csv";
  try {
    MasterSet::load(csv);
    FAIL("loaded");
  } catch (const Exception& e) {
    CHECK(e.status() == Status::master_error);
    CHECK(e.info().file == csv.string());
    CHECK(std::string(e.what()).find("nor a santei snapshot") != std::string::npos);
  }
}

TEST_CASE("snapshot: MasterSet::load maps a snapshot file: the demo's reads back, an empty or oversized file is refused by name") {
  ScratchDirectory dir("santei-snapshot-mapped");
  const std::filesystem::path file = dir.path() / "demo.snapshot";
  write_bytes(file, demo_snapshot());
  const auto read = MasterSet::load(file);
  CHECK(read->revision() == MasterSet::demo()->revision());
  CHECK(read->all_procedures().size() == MasterSet::demo()->all_procedures().size());

  const std::filesystem::path empty = dir.path() / "empty.snapshot";
  write_bytes(empty, "");
  const ErrorInfo empty_error = error_of([&] { MasterSet::load(empty); });
  CHECK(empty_error.file == empty.string());
  CHECK(empty_error.message.find("nor a santei snapshot") != std::string::npos);

  // A hole of 1 GiB (no disk used): refused by its size before it is mapped or read.
  const std::filesystem::path huge = dir.path() / "huge.snapshot";
  write_bytes(huge, "");
  std::filesystem::resize_file(huge, std::uintmax_t{1} << 30);
  const ErrorInfo huge_error = error_of([&] { MasterSet::load(huge); });
  CHECK(huge_error.status == Status::limit_exceeded);
  CHECK(huge_error.file == huge.string());
  CHECK(huge_error.message == fmt::format("a file of 1073741824 bytes is over the limit of {} bytes", kMaxMasterFileBytes));
}

TEST_CASE("snapshot: the automatic cache of a directory is read while fresh, passed over with a note when stale") {
  ScratchDirectory scratch("santei-snapshot-cache");
  const std::filesystem::path dir = scratch.path() / "r08";
  std::filesystem::create_directories(dir);
  const std::filesystem::path s_file = dir / "s_ALL20261001.csv";
  std::string rows = test::file_bytes(santei::test::shared_dir() / "excerpts/r08/s_ALL20261001.csv");
  write_bytes(s_file, rows);
  const std::filesystem::path cache = dir / kMasterSnapshotName;
  const auto compiled = compile_master_snapshot(dir, cache);
  CHECK(compiled->stats().snapshot.empty());

  const auto cached = MasterSet::load(dir);
  CHECK(cached->stats().snapshot == cache.string());
  CHECK(cached->origin() == dir.string());
  CHECK(cached->all_procedures().size() == compiled->all_procedures().size());

  // Touched, not changed: the mtime differs, the SHA-256 does not, so the snapshot still stands.
  std::filesystem::last_write_time(s_file, std::filesystem::last_write_time(s_file) + std::chrono::hours(1));
  CHECK(MasterSet::load(dir)->stats().snapshot == cache.string());

  // The same size, other bytes (two rows of one length swapped): stale by its SHA-256.
  const std::string original = rows;
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < rows.size();) {
    const std::size_t end = rows.find('\n', at);
    lines.push_back(rows.substr(at, end - at + 1));
    at = end + 1;
  }
  bool swapped = false;
  for (std::size_t i = 1; i + 1 < lines.size() && !swapped; ++i) {
    if (lines[i].size() == lines[i + 1].size() && lines[i] != lines[i + 1]) {
      std::swap(lines[i], lines[i + 1]);
      swapped = true;
    }
  }
  REQUIRE(swapped);
  rows.clear();
  for (const std::string& line : lines) rows += line;
  REQUIRE(rows.size() == original.size());
  write_bytes(s_file, rows);
  const std::string cache_bytes = test::file_bytes(cache);
  try {
    detail::read_snapshot(cache_bytes, cache.string(), &dir);
    FAIL("a stale snapshot was read");
  } catch (const Exception& e) {
    CHECK(std::string(e.what()) == cache.string() + ": fingerprint: stale: s_ALL20261001.csv changed since the "
                                                    "snapshot was compiled (its SHA-256 differs)");
  }
  const auto reread = MasterSet::load(dir);
  CHECK(reread->stats().snapshot.empty());
  REQUIRE(!reread->stats().notes.empty());
  CHECK(reread->stats().notes.back().starts_with(cache.string() + " not used, the CSVs were read: "));
  CHECK(reread->stats().notes.back().find("stale") != std::string::npos);

  // The first bytes again (a new mtime): fresh. Then a new master file beside them: stale.
  write_bytes(s_file, original);
  CHECK(MasterSet::load(dir)->stats().snapshot == cache.string());
  write_bytes(dir / "z_20261001.txt", "");
  try {
    detail::read_snapshot(cache_bytes, cache.string(), &dir);
    FAIL("a stale snapshot was read");
  } catch (const Exception& e) {
    CHECK(std::string(e.what()) == cache.string() + ": fingerprint: stale: z_20261001.txt is newer than the snapshot");
  }
  std::filesystem::remove(dir / "z_20261001.txt");
  // A damaged snapshot is passed over as well.
  std::string damaged = cache_bytes;
  damaged.back() = static_cast<char>(damaged.back() ^ 0x20);
  write_bytes(cache, damaged);
  const auto passed_over = MasterSet::load(dir);
  CHECK(passed_over->stats().snapshot.empty());
  CHECK(passed_over->stats().notes.back().find("checksum") != std::string::npos);
}
