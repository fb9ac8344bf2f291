// Writes and reads snapshots (snapshot.hpp; the format is docs/snapshot.md). Records are written
// field by field through masters::field_bindings, so a field given a binding travels without an
// edit here; their texts go to one pool, their tables to sections that two threads read. ProcedureRecord::rule_flags, the one record field without a binding, is not written:
// build_rule_graph derives it again when the read set is finished.
#include "masters/snapshot.hpp"

#include <array>
#include <chrono>
#include <exception>
#include <fstream>
#include <future>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <type_traits>
#include <unordered_map>
#include <variant>

#include <fmt/format.h>

#include "core/byte_io.hpp"
#include "core/cp932.hpp"
#include "core/huge_pages.hpp"
#include "core/sha256.hpp"
#include "masters/fields.hpp"
#include "masters/master_data.hpp"

namespace santei::detail {
namespace fs = std::filesystem;
namespace snapshot_format {  // named: the library's unity build must keep these apart from other files'
namespace {

constexpr std::size_t kChecksumSize = 64;  // SHA-256 as lower-case hex
constexpr int kFirstDay = -719162;         // 0001-01-01: no master date is older
constexpr Code kLargestCode = 999'999'999;  // 9 digits

[[noreturn]] void refuse(const std::string& file, std::string field, std::string message) {
  throw Exception(ErrorInfo{Status::master_error, file, 0, 0, std::move(field), std::move(message)});
}

// One value of a record field.
void put(bytes::Writer& out, ChangeKind value) { out.u8(static_cast<std::uint8_t>(value)); }
void put(bytes::Writer& out, Code value) { out.u32(value); }
void put(bytes::Writer& out, std::int32_t value) { out.i32(value); }
void put(bytes::Writer& out, std::int64_t value) { out.i64(value); }
void put(bytes::Writer& out, Decimal value) {
  out.i64(value.mantissa());
  out.u8(static_cast<std::uint8_t>(value.scale()));
}
void put(bytes::Writer& out, Date value) { out.i32(value - Date{}); }
void put(bytes::Writer& out, AgeCode value) { out.raw(std::string_view(value.raw.data(), 2)); }
void put(bytes::Writer& out, char value) { out.u8(static_cast<std::uint8_t>(value)); }

// What a record's value must be, read one way or the other (get() below, read() for a table).
bool is_change_kind(std::uint8_t raw) { return raw == 0 || raw == 1 || raw == 2 || raw == 3 || raw == 5 || raw == 9; }
bool is_code(Code value) { return value <= kLargestCode; }
bool is_scale(std::uint8_t scale) { return scale <= Decimal::max_scale; }
bool is_day(std::int32_t days) { return days >= kFirstDay && days <= Date::open_end() - Date{}; }

void get(bytes::Reader& in, std::string_view field, ChangeKind& value) {
  const std::uint8_t raw = in.u8(field);
  if (!is_change_kind(raw)) {
    in.fail(field, fmt::format("{} is not a 変更区分 (0, 1, 2, 3, 5 or 9)", raw));
  }
  value = static_cast<ChangeKind>(raw);
}
void get(bytes::Reader& in, std::string_view field, Code& value) {
  value = in.u32(field);
  if (!is_code(value)) in.fail(field, fmt::format("{} is not a code of up to 9 digits", value));
}
void get(bytes::Reader& in, std::string_view field, std::int32_t& value) { value = in.i32(field); }
void get(bytes::Reader& in, std::string_view field, std::int64_t& value) { value = in.i64(field); }
void get(bytes::Reader& in, std::string_view field, Decimal& value) {
  const std::int64_t mantissa = in.i64(field);
  const std::uint8_t scale = in.u8(field);
  if (!is_scale(scale)) in.fail(field, fmt::format("a decimal scale of {} is over {}", scale, Decimal::max_scale));
  value = Decimal::from_parts(mantissa, scale);
}
void get(bytes::Reader& in, std::string_view field, Date& value) {
  const std::int32_t days = in.i32(field);
  if (!is_day(days)) {
    in.fail(field, fmt::format("{} days from 1970-01-01 is not a day from 0001-01-01 to 99999999", days));
  }
  value = Date{}.plus_days(days);
}
void get(bytes::Reader& in, std::string_view field, std::string& value) {
  const std::string_view text = in.text(field);
  if (cp932::find_invalid_utf8(text) != std::string_view::npos) in.fail(field, "the text is not UTF-8");
  value.assign(text);
}
void get(bytes::Reader& in, std::string_view field, AgeCode& value) {
  const std::string_view raw = in.raw(field, 2);
  value.raw = {raw[0], raw[1]};
  if (!value.valid()) in.fail(field, "not an age code of the spec");
}
void get(bytes::Reader& in, std::string_view field, char& value) { value = static_cast<char>(in.u8(field)); }

// The records' texts, written once each into one pool that a reader checks for UTF-8 in one pass;
// a record holds a text's u32 offset and u32 length in the pool.
class TextPoolWriter {
 public:
  void put(bytes::Writer& out, const std::string& text) {
    const auto [at, added] = offsets_.try_emplace(text, static_cast<std::uint32_t>(bytes_.size()));
    if (added) {
      if (bytes_.size() + text.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw Exception(ErrorInfo{Status::limit_exceeded, {}, 0, 0, "texts", "the texts are over the 4 GiB of a u32 offset"});
      }
      bytes_.append(text);
    }
    out.u32(at->second);
    out.u32(static_cast<std::uint32_t>(text.size()));
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, std::uint32_t> offsets_;
};

class TextPool {
 public:
  // Refuses a pool that is not UTF-8 as a whole, so that a text cut from it at character
  // boundaries is UTF-8 without a check of its own.
  explicit TextPool(bytes::Reader& in) : bytes_(in.text("texts")) {
    const std::size_t invalid = cp932::find_invalid_utf8(bytes_);
    if (invalid != std::string_view::npos) in.fail("texts", fmt::format("not UTF-8 at byte {} of the text pool", invalid));
  }
  void get(bytes::Reader& in, std::string_view field, std::string& value) const {
    const std::uint32_t at = in.u32(field);
    const std::uint32_t size = in.u32(field);
    if (!inside(at, size)) {
      in.fail(field, fmt::format("a text of {} bytes at {} is outside the text pool of {} bytes", size, at, bytes_.size()));
    }
    if (!whole_characters(at, size)) {
      in.fail(field, fmt::format("a text of {} bytes at {} starts or ends inside a character of the text pool", size, at));
    }
    value.assign(bytes_.substr(at, size));
  }
  // The same text without a message: false where get() refuses it.
  bool read(std::uint32_t at, std::uint32_t size, std::string& value) const {
    if (!inside(at, size) || !whole_characters(at, size)) return false;
    value.assign(bytes_.substr(at, size));
    return true;
  }

 private:
  bool inside(std::uint32_t at, std::uint32_t size) const { return at <= bytes_.size() && size <= bytes_.size() - at; }
  bool whole_characters(std::uint32_t at, std::uint32_t size) const {
    return !inside_character(at) && !inside_character(std::size_t{at} + size);
  }
  // A UTF-8 continuation byte (10xxxxxx) is never the first byte of a character.
  bool inside_character(std::size_t at) const {
    return at < bytes_.size() && (static_cast<unsigned char>(bytes_[at]) & 0xC0) == 0x80;
  }
  std::string_view bytes_;
};

// The bytes a value of each record field type takes: every one is fixed, a text being its offset
// and length in the pool, so every record of a table takes the same bytes.
constexpr std::size_t value_bytes(const ChangeKind*) { return 1; }
constexpr std::size_t value_bytes(const Code*) { return 4; }
constexpr std::size_t value_bytes(const std::int32_t*) { return 4; }
constexpr std::size_t value_bytes(const std::int64_t*) { return 8; }
constexpr std::size_t value_bytes(const Decimal*) { return 9; }
constexpr std::size_t value_bytes(const Date*) { return 4; }
constexpr std::size_t value_bytes(const std::string*) { return 8; }
constexpr std::size_t value_bytes(const AgeCode*) { return 2; }
constexpr std::size_t value_bytes(const char*) { return 1; }
constexpr std::size_t kMinTextBytes = 4;

// A value read from its bytes, which the caller has checked are there, and tested as get() tests
// it: false where get() refuses it (get() then says why).
using bytes::little_endian;
bool read(const std::uint8_t* at, const TextPool&, ChangeKind& value) {
  const std::uint8_t raw = at[0];
  value = static_cast<ChangeKind>(raw);
  return is_change_kind(raw);
}
bool read(const std::uint8_t* at, const TextPool&, Code& value) {
  value = static_cast<Code>(little_endian(at, 4));
  return is_code(value);
}
bool read(const std::uint8_t* at, const TextPool&, std::int32_t& value) {
  value = static_cast<std::int32_t>(little_endian(at, 4));
  return true;
}
bool read(const std::uint8_t* at, const TextPool&, std::int64_t& value) {
  value = static_cast<std::int64_t>(little_endian(at, 8));
  return true;
}
bool read(const std::uint8_t* at, const TextPool&, Decimal& value) {
  const std::uint8_t scale = at[8];
  if (!is_scale(scale)) return false;
  value = Decimal::from_parts(static_cast<std::int64_t>(little_endian(at, 8)), scale);
  return true;
}
bool read(const std::uint8_t* at, const TextPool&, Date& value) {
  const auto days = static_cast<std::int32_t>(little_endian(at, 4));
  if (!is_day(days)) return false;
  value = Date{}.plus_days(days);
  return true;
}
bool read(const std::uint8_t* at, const TextPool& texts, std::string& value) {
  return texts.read(static_cast<std::uint32_t>(little_endian(at, 4)), static_cast<std::uint32_t>(little_endian(at + 4, 4)), value);
}
bool read(const std::uint8_t* at, const TextPool&, AgeCode& value) {
  value.raw = {static_cast<char>(at[0]), static_cast<char>(at[1])};
  return value.valid();
}
bool read(const std::uint8_t* at, const TextPool&, char& value) {
  value = static_cast<char>(at[0]);
  return true;
}

// One field of every record in `records`, whose bytes start at `first`, `stride` apart: false if
// a value is refused.
template <class Record, class T>
bool read_column(const masters::FieldBinding<Record>& binding, const std::uint8_t* first, std::size_t stride,
                 std::span<Record> records, const TextPool& texts) {
  bool valid = true;
  for (Record& record : records) {
    const masters::FieldRef field = binding.ref(record);
    valid &= read(first, texts, **std::get_if<T*>(&field));
    first += stride;
  }
  return valid;
}

// A record type's fields as a snapshot lays them out, in the bindings' order.
template <class Record>
struct RecordLayout {
  struct Column {
    const masters::FieldBinding<Record>* binding;
    std::size_t offset;  // of its bytes in a record's
    bool (*read)(const masters::FieldBinding<Record>&, const std::uint8_t*, std::size_t, std::span<Record>, const TextPool&);
  };
  std::vector<Column> columns;
  std::size_t bytes = 0;  // a record's

  RecordLayout() {
    Record probe{};
    for (const masters::FieldBinding<Record>& binding : masters::field_bindings<Record>()) {
      std::visit(
          [&](auto* field) {
            using Value = std::remove_pointer_t<decltype(field)>;
            columns.push_back(Column{&binding, bytes, &read_column<Record, Value>});
            bytes += value_bytes(field);
          },
          binding.ref(probe));
    }
  }
};

template <class Record>
void put_records(bytes::Writer& out, TextPoolWriter& texts, std::span<const Record> records) {
  out.u32(static_cast<std::uint32_t>(records.size()));
  for (const Record& record : records) {
    // The bindings hand out pointers for filling a record; here they are only read through.
    Record& fields = const_cast<Record&>(record);
    for (const masters::FieldBinding<Record>& binding : masters::field_bindings<Record>()) {
      std::visit(
          [&](auto* field) {
            if constexpr (std::is_same_v<decltype(field), std::string*>) {
              texts.put(out, *field);
            } else {
              put(out, *field);
            }
          },
          binding.ref(fields));
    }
  }
}

// One record read field by field, each value tested; an error names the record and field:
// "drugs[12].price".
template <class Record>
void get_record(bytes::Reader& in, const TextPool& texts, std::string_view section, std::size_t index, Record& record) {
  try {
    for (const masters::FieldBinding<Record>& binding : masters::field_bindings<Record>()) {
      std::visit(
          [&](auto* field) {
            if constexpr (std::is_same_v<decltype(field), std::string*>) {
              texts.get(in, binding.key, *field);
            } else {
              get(in, binding.key, *field);
            }
          },
          binding.ref(record));
    }
  } catch (const Exception& e) {
    ErrorInfo info = e.info();
    info.field = fmt::format("{}[{}].{}", section, index, info.field);
    throw Exception(std::move(info));
  }
}

// A table's records, read a block of records at a time and in it a field at a time: the reads of
// one field in a row take the one branch of its type, where reading record by record jumped to
// another type's at every field (perf: that jump, mispredicted, was most of get_records' samples).
// A block with a value refused is read again record by record, which names the first refused
// value and its byte as before.
template <class Record>
std::vector<Record> get_records(bytes::Reader& in, const TextPool& texts, std::string_view section) {
  static const RecordLayout<Record> layout;
  const std::uint32_t count = in.count(section, layout.bytes);
  const bytes::Reader body = in.section(section, std::size_t{count} * layout.bytes);
  const auto* const first = reinterpret_cast<const std::uint8_t*>(body.unread().data());
  // Written whole right away. In a fresh process its memory is new, and each 4 KiB page of it
  // faulted: `santei lookup` from r06's snapshot 11,1xx page faults, 8,0xx asking for huge pages
  // (stop 51).
  std::vector<Record> records;
  records.reserve(count);
  advise_huge_pages(records.data(), std::size_t{count} * sizeof(Record));
  records.resize(count);
  constexpr std::size_t kBlock = 64;  // records of a block and their bytes stay in the core's cache
  for (std::size_t begin = 0; begin < count; begin += kBlock) {
    const std::span<Record> block(records.data() + begin, std::min<std::size_t>(kBlock, count - begin));
    const std::uint8_t* const bytes = first + begin * layout.bytes;
    bool valid = true;
    for (const auto& column : layout.columns) {
      valid &= column.read(*column.binding, bytes + column.offset, layout.bytes, block, texts);
    }
    if (valid) continue;
    bytes::Reader again = body;
    again.raw(section, begin * layout.bytes);
    for (std::size_t i = begin; i < begin + block.size(); ++i) get_record(again, texts, section, i, records[i]);
    again.fail(section, "a value the block refused was read again without fault");  // never: both test alike
  }
  return records;
}

template <class Record>
void get_history(bytes::Reader& in, const TextPool& texts, std::string_view section, masters::History<Record>& history) {
  if (!history.restore(get_records<Record>(in, texts, section))) {
    in.fail(section, "the records are not sorted by code and rising 変更年月日");
  }
}

// The record tables, in the order they are written. The body's section directory gives each one's
// byte length, so a reader finds every table without reading the ones before it and reads the
// `side` ones on a second thread.
struct Section {
  std::string_view name;
  void (*put)(bytes::Writer& out, TextPoolWriter& texts, const MasterData& data);
  void (*get)(bytes::Reader& in, const TextPool& texts, std::string_view name, MasterData& data);
  bool side;
};

template <class Record, masters::History<Record> MasterData::*member>
constexpr Section history_section(std::string_view name, bool side) {
  return Section{
      name, [](bytes::Writer& out, TextPoolWriter& t, const MasterData& d) { put_records(out, t, (d.*member).all()); },
      [](bytes::Reader& in, const TextPool& t, std::string_view n, MasterData& d) { get_history(in, t, n, d.*member); },
      side};
}

template <class Record, std::vector<Record> MasterData::*member>
constexpr Section table_section(std::string_view name) {
  return Section{
      name, [](bytes::Writer& out, TextPoolWriter& t, const MasterData& d) { put_records<Record>(out, t, d.*member); },
      [](bytes::Reader& in, const TextPool& t, std::string_view n, MasterData& d) {
        d.*member = get_records<Record>(in, t, n);
      },
      false};
}

template <std::size_t window>
constexpr Section exclusion_section() {
  return Section{"exclusions",
                 [](bytes::Writer& out, TextPoolWriter& t, const MasterData& d) {
                   put_records<ExclusionRecord>(out, t, d.exclusions[window]);
                 },
                 [](bytes::Reader& in, const TextPool& t, std::string_view n, MasterData& d) {
                   d.exclusions[window] = get_records<ExclusionRecord>(in, t, n);
                 },
                 false};
}

// drugs and diseases (about half of the reading) on the second thread, the rest on the first.
constexpr std::array<Section, 15> kSections{
    history_section<ProcedureRecord, &MasterData::procedures>("procedures", false),
    history_section<DrugRecord, &MasterData::drugs>("drugs", true),
    history_section<MaterialRecord, &MasterData::materials>("materials", false),
    history_section<CommentRecord, &MasterData::comments>("comments", false),
    history_section<DiseaseRecord, &MasterData::diseases>("diseases", true),
    history_section<ModifierRecord, &MasterData::modifiers>("modifiers", false),
    history_section<AuxiliaryRecord, &MasterData::auxiliary>("auxiliary", false),
    table_section<BundleMemberRecord, &MasterData::bundle_members>("bundle_members"),
    exclusion_section<0>(),
    exclusion_section<1>(),
    exclusion_section<2>(),
    exclusion_section<3>(),
    table_section<InpatientAdditionRecord, &MasterData::inpatient_additions>("inpatient_additions"),
    table_section<CountLimitRecord, &MasterData::count_limits>("count_limits"),
    table_section<CommentLinkRecord, &MasterData::comment_links>("comment_links"),
};
static_assert(std::tuple_size_v<decltype(MasterData::exclusions)> == 4);

void put_texts(bytes::Writer& out, const std::vector<std::string>& texts) {
  out.u32(static_cast<std::uint32_t>(texts.size()));
  for (const std::string& text : texts) out.text(text);
}

std::vector<std::string> get_texts(bytes::Reader& in, std::string_view field) {
  std::vector<std::string> texts(in.count(field, kMinTextBytes));
  for (std::string& text : texts) get(in, field, text);
  return texts;
}

// A file's path as the snapshot keeps it: relative to the directory it was read from.
std::string relative_name(const fs::path& path, const fs::path& directory) {
  std::error_code ec;
  const fs::path relative = fs::relative(path, directory, ec);
  if (ec) throw Exception(ErrorInfo{Status::io_error, path.string(), 0, 0, {}, "cannot name the file: " + ec.message()});
  return relative.generic_string();
}

std::int64_t mtime_ns(const fs::path& path) {
  std::error_code ec;
  const fs::file_time_type written = fs::last_write_time(path, ec);
  if (ec) throw Exception(ErrorInfo{Status::io_error, path.string(), 0, 0, {}, "cannot read its mtime: " + ec.message()});
  const auto since_epoch = std::chrono::file_clock::to_sys(written).time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
}

void put_stats(bytes::Writer& out, const LoadStats& stats, const std::string& origin) {
  out.u32(static_cast<std::uint32_t>(stats.files.size()));
  for (const MasterFileInfo& file : stats.files) {
    out.text(relative_name(file.path, origin));
    out.text(file.kind);
    out.text(file.layout);
    out.u8(file.update ? 1 : 0);
    put(out, file.date);
    out.i64(file.rows);
    out.i64(file.bytes);
  }
  out.i64(stats.bytes);
  put_texts(out, stats.notes);
  put_texts(out, stats.missing);
}

bool get_flag(bytes::Reader& in, std::string_view field) {
  const std::uint8_t flag = in.u8(field);
  if (flag > 1) in.fail(field, fmt::format("{} where a flag is 0 or 1", flag));
  return flag == 1;
}

LoadStats get_stats(bytes::Reader& in, const fs::path& directory) {
  LoadStats stats;
  // path, kind, layout, update, date, rows, bytes
  stats.files.resize(in.count("files", 3 * kMinTextBytes + 1 + 4 + 8 + 8));
  for (MasterFileInfo& file : stats.files) {
    std::string relative;
    get(in, "files.path", relative);
    file.path = (directory / relative).string();
    get(in, "files.kind", file.kind);
    get(in, "files.layout", file.layout);
    file.update = get_flag(in, "files.update");
    get(in, "files.date", file.date);
    file.rows = in.i64("files.rows");
    file.bytes = in.i64("files.bytes");
  }
  stats.bytes = in.i64("bytes");
  stats.notes = get_texts(in, "notes");
  stats.missing = get_texts(in, "missing");
  return stats;
}

std::vector<SourceFingerprint> get_fingerprint(bytes::Reader& in) {
  std::vector<SourceFingerprint> sources(in.count("fingerprint", kMinTextBytes + 8 + 8 + kChecksumSize));
  for (SourceFingerprint& source : sources) {
    get(in, "fingerprint.path", source.path);
    source.size = in.u64("fingerprint.size");
    source.mtime_ns = in.i64("fingerprint.mtime");
    source.sha256 = in.raw("fingerprint.sha256", kChecksumSize);
  }
  return sources;
}

// Refuses the snapshot `name` as `directory`'s cache unless the directory holds the master files it
// was compiled from, byte for byte: size and mtime, or (a file touched or copied) its SHA-256.
void check_fresh(const std::vector<SourceFingerprint>& recorded, const fs::path& directory, const std::string& name) {
  std::map<std::string, const SourceFingerprint*> by_path;
  for (const SourceFingerprint& source : recorded) by_path.emplace(source.path, &source);
  const auto stale = [&](const std::string& why) { refuse(name, "fingerprint", "stale: " + why); };
  for (const fs::path& path : master_files_under(directory)) {
    const std::string relative = relative_name(path, directory);
    const auto found = by_path.find(relative);
    if (found == by_path.end()) stale(fmt::format("{} is newer than the snapshot", relative));
    const SourceFingerprint& source = *found->second;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size != source.size) {
      stale(fmt::format("{} has {} bytes where the snapshot's has {}", relative, ec ? 0 : size, source.size));
    }
    if (mtime_ns(path) != source.mtime_ns && sha256_hex(map_master_file(path)->bytes()) != source.sha256) {
      stale(fmt::format("{} changed since the snapshot was compiled (its SHA-256 differs)", relative));
    }
    by_path.erase(found);
  }
  if (!by_path.empty()) stale(fmt::format("{} is no longer in the directory", by_path.begin()->first));
}

// The header (magic, format, santei version, body size) read and checked: where the body starts
// and the SHA-256 it must have.
struct Header {
  std::size_t body = 0;
  std::string_view checksum;
};

Header checked_header(std::string_view bytes, const std::string& name) {
  if (!is_snapshot(bytes)) refuse(name, "magic", "not a santei snapshot (no magic 'santei-snapshot' at byte 0)");
  bytes::Reader in(bytes, name);
  in.raw("magic", kSnapshotMagic.size());
  const std::uint32_t format = in.u32("format version");
  if (format != kSnapshotFormat) {
    refuse(name, "format version",
           fmt::format("snapshot format {} where this santei reads format {}: compile it again "
                       "(santei masters compile)", format, kSnapshotFormat));
  }
  const std::string_view version = in.text("santei version");
  if (version != SANTEI_VERSION_STRING) {
    refuse(name, "santei version",
           fmt::format("written by santei {} where this is santei {}: compile it again (santei masters compile)",
                       cp932::find_invalid_utf8(version) == std::string_view::npos ? version : "?",
                       SANTEI_VERSION_STRING));
  }
  const std::uint64_t body_size = in.u64("body size");
  const std::string_view checksum = in.raw("checksum", kChecksumSize);
  if (body_size != in.remaining()) {
    refuse(name, "body size",
           fmt::format("{}: the header declares {} bytes of body, the file holds {}",
                       body_size > in.remaining() ? "truncated" : "bytes after the body", body_size, in.remaining()));
  }
  return Header{in.offset(), checksum};
}

}  // namespace
}  // namespace snapshot_format

using namespace snapshot_format;

std::vector<SourceFingerprint> fingerprint_directory(const fs::path& directory) {
  std::vector<SourceFingerprint> sources;
  for (const fs::path& path : master_files_under(directory)) {
    const std::unique_ptr<const MappedFile> file = map_master_file(path);
    const std::string_view bytes = file->bytes();
    sources.push_back(SourceFingerprint{relative_name(path, directory), bytes.size(), mtime_ns(path), sha256_hex(bytes)});
  }
  return sources;
}

std::string snapshot_bytes(const MasterData& data, const std::vector<SourceFingerprint>& sources) {
  bytes::Writer body;
  body.u32(static_cast<std::uint32_t>(sources.size()));
  for (const SourceFingerprint& source : sources) {
    body.text(source.path);
    body.u64(source.size);
    body.i64(source.mtime_ns);
    body.raw(source.sha256);
  }
  body.text(data.revision);
  put(body, data.period.from);
  put(body, data.period.to);
  body.text(data.origin);
  put_stats(body, data.stats, data.origin);
  for (const bool present : data.tables_present) body.u8(present ? 1 : 0);
  TextPoolWriter texts;
  std::array<bytes::Writer, kSections.size()> sections;
  for (std::size_t i = 0; i < kSections.size(); ++i) kSections[i].put(sections[i], texts, data);
  body.text(texts.bytes());
  body.u32(static_cast<std::uint32_t>(kSections.size()));
  for (bytes::Writer& section : sections) body.u64(section.bytes().size());
  for (bytes::Writer& section : sections) body.raw(section.bytes());

  bytes::Writer out;
  out.raw(kSnapshotMagic);
  out.u32(kSnapshotFormat);
  out.text(SANTEI_VERSION_STRING);
  out.u64(body.bytes().size());
  out.raw(sha256_hex(body.bytes()));
  out.raw(body.bytes());
  return std::move(out.bytes());
}

namespace {

// The text pool, the section directory and the sections it lists, which must fill the rest of the
// body. Of several broken sections the first in the file is reported, whichever thread met it first.
void read_sections(bytes::Reader& in, MasterData& d) {
  const TextPool texts(in);
  const std::uint32_t count = in.u32("sections");
  if (count != kSections.size()) {
    in.fail("sections", fmt::format("{} sections where a snapshot of this format has {}", count, kSections.size()));
  }
  std::array<std::uint64_t, kSections.size()> sizes{};
  for (std::uint64_t& size : sizes) size = in.u64("sections");
  std::array<std::optional<bytes::Reader>, kSections.size()> readers;
  for (std::size_t i = 0; i < kSections.size(); ++i) {
    if (sizes[i] > in.remaining()) {
      in.fail(kSections[i].name, fmt::format("truncated: the section directory gives it {} bytes, {} remain", sizes[i],
                                             in.remaining()));
    }
    readers[i] = in.section(kSections[i].name, static_cast<std::size_t>(sizes[i]));
  }
  if (in.remaining() != 0) in.fail("end", fmt::format("{} bytes after the last table", in.remaining()));

  std::array<std::exception_ptr, kSections.size()> errors;
  const auto read = [&](bool side) {
    for (std::size_t i = 0; i < kSections.size(); ++i) {
      if (kSections[i].side != side) continue;
      try {
        bytes::Reader& section = *readers[i];
        kSections[i].get(section, texts, kSections[i].name, d);
        if (section.remaining() != 0) {
          section.fail(kSections[i].name, fmt::format("{} bytes after its last record", section.remaining()));
        }
      } catch (...) {  // kept until both threads are done: the other one is still writing into `d`
        errors[i] = std::current_exception();
      }
    }
  };
  std::future<void> side = std::async(std::launch::async, read, true);
  read(false);
  side.get();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

// The body's fingerprint, revision, statistics and tables into `d`.
void read_body(std::string_view body, std::size_t offset, const std::string& name, const fs::path* directory,
               MasterData& d) {
  bytes::Reader in(body, name, offset);
  const std::vector<SourceFingerprint> sources = get_fingerprint(in);
  if (directory) check_fresh(sources, *directory, name);
  get(in, "revision", d.revision);
  get(in, "period.from", d.period.from);
  get(in, "period.to", d.period.to);
  if (d.revision.empty() || d.period.to < d.period.from) in.fail("revision", "no revision, or a period that ends before it starts");
  get(in, "origin", d.origin);
  if (directory) d.origin = directory->string();
  d.stats = get_stats(in, d.origin);
  d.stats.snapshot = name;
  for (bool& present : d.tables_present) present = get_flag(in, "tables_present");
  read_sections(in, d);
}

}  // namespace

std::shared_ptr<const MasterSet> read_snapshot(std::string_view bytes, const std::string& name,
                                               const fs::path* directory) {
  auto data = std::make_unique<MasterData>();
  MasterData& d = *data;
  const Header header = checked_header(bytes, name);
  // The body's SHA-256 is computed on another thread while the body is read (it was a ninth of the
  // load); a damaged file is still refused by its checksum, whatever else its bytes make fail.
  std::future<bool> intact = std::async(std::launch::async, [bytes, header] {
    return sha256_hex(bytes.substr(header.body)) == header.checksum;
  });
  const auto refuse_damaged = [&] {
    if (!intact.get()) refuse(name, "checksum", "the SHA-256 of the body is not the header's: the file is damaged");
  };
  try {
    read_body(bytes.substr(header.body), header.body, name, directory, d);
  } catch (const Exception&) {
    refuse_damaged();
    throw;
  }
  refuse_damaged();
  return MasterData::finish(std::move(data));
}

void reseal_snapshot(std::string& bytes) {
  try {
    bytes::Reader in(bytes, "<reseal>");
    in.raw("magic", kSnapshotMagic.size());
    in.u32("format version");
    in.text("santei version");
    const std::size_t size_at = in.offset();
    in.u64("body size");
    in.raw("checksum", kChecksumSize);
    const std::string_view body = std::string_view(bytes).substr(in.offset());
    bytes::Writer header;
    header.u64(body.size());
    header.raw(sha256_hex(body));
    bytes.replace(size_at, header.bytes().size(), header.bytes());
  } catch (const Exception&) {
    // Too short for a header: nothing to seal.
  }
}

}  // namespace santei::detail

namespace santei {

std::shared_ptr<const MasterSet> compile_master_snapshot(const std::filesystem::path& directory,
                                                         const std::filesystem::path& file) {
  // The fingerprint first: a file changed while the CSVs are read leaves a snapshot that is stale.
  const std::vector<detail::SourceFingerprint> sources = detail::fingerprint_directory(directory);
  std::shared_ptr<const MasterSet> set = detail::load_master_directory(directory);
  const std::string bytes = detail::snapshot_bytes(set->data(), sources);
  // Written beside and renamed over: a reader sees the old file or the new one, never half of one.
  const std::filesystem::path partial = file.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      throw Exception(ErrorInfo{Status::io_error, partial.string(), 0, 0, {}, "cannot write the snapshot"});
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    throw Exception(ErrorInfo{Status::io_error, file.string(), 0, 0, {}, "cannot write the snapshot: " + ec.message()});
  }
  return set;
}

}  // namespace santei
