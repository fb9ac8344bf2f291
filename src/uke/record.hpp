// UKE records: splitting bytes into CR LF lines and comma fields, decoding CP932, and typed field
// reads whose errors name the line and the field (fee-rules.md §8.1–8.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "santei/money.hpp"
#include "santei/period.hpp"
#include "santei/records.hpp"
#include "santei/result.hpp"

namespace santei::uke {

// The record kinds of the 医科 記録条件仕様 and their field counts (field 1 = the id).
struct Layout {
  std::string_view id;
  int fields;  // 0: not fixed here (GR, TI, TR, TS, MN, RC, EX, JY: counts not verified, kept as read)
  std::string_view name;
  // The DPC records: `fields` is what santei writes and the least it reads; later fields (a newer
  // 記録条件仕様 adds at the end) are kept, not refused.
  bool open_ended = false;
};
// The layout of `id`, or nullptr for an id neither the 医科 nor the DPC layout has.
const Layout* layout_of(std::string_view id);

// One line of the file, without its line end.
struct Line {
  std::int64_t number = 0;  // 1-based
  std::string_view bytes;   // of a line over kMaxUkeRecordBytes, only its beginning
  std::size_t length = 0;   // the whole line's length in bytes, without its line end
  bool crlf = true;         // ended with CR LF (false: LF alone)
  bool truncated = false;   // the file ended inside it (no line end at all)
};

// A record id's two letters as one number ("SI" → 'S' << 8 | 'I'; 0 for any other length): a
// record is tested against a few dozen ids, each a call to memcmp as text (perf: 4 % of a read).
constexpr std::uint16_t kind(std::string_view id) {
  if (id.size() != 2) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(id[0]) << 8 | static_cast<unsigned char>(id[1]));
}

// A decoded record: fields[0] is the id; text is UTF-8. A field views the line's bytes where they
// are their own UTF-8 (printable ASCII, as SI and IY records are; a UTF-8 file), else `decoded`:
// valid while both are, a line (a copy of a record views the original's).
struct Record {
  std::int64_t line = 0;
  const Layout* layout = nullptr;
  std::vector<std::string_view> fields;
  std::string decoded;  // the fields of a CP932 line as UTF-8, one after another; reused line after line

  std::string_view id() const { return fields[0]; }
  std::uint16_t kind() const { return uke::kind(fields[0]); }
  // Field n (1-based) as text; "" beyond the record.
  std::string_view text(int n) const {
    if (n < 1 || static_cast<std::size_t>(n) > fields.size()) return {};
    return fields[static_cast<std::size_t>(n - 1)];
  }
  bool blank(int n) const { return text(n).empty(); }
};

// Reads the fields of one record; every problem becomes an ErrorInfo naming its field.
class FieldReader {
 public:
  FieldReader(const Record& record, std::string_view path, std::vector<ErrorInfo>& errors)
      : record_(record), path_(path), errors_(errors) {}

  // Adds an error for field n (0 = the record as a whole).
  void fail(int n, std::string_view name, std::string message, Status status = Status::parse_error);
  bool ok() const { return errors_.size() == errors_at_start_; }

  std::string_view text(int n) const { return record_.text(n); }
  // A required non-blank field.
  std::string_view required(int n, std::string_view name);
  // Digits only, of one of the given lengths (blank allowed when !required); a view of the field.
  std::string_view digits(int n, std::string_view name, std::initializer_list<std::size_t> lengths, bool required);
  // A whole number in [min, max]; nullopt when blank (an error too if required).
  std::optional<std::int64_t> integer(int n, std::string_view name, std::int64_t min, std::int64_t max,
                                      bool required);
  std::optional<Decimal> decimal(int n, std::string_view name);  // blank → nullopt; must be > 0
  std::optional<Date> date(int n, std::string_view name, bool required);  // YYYYMMDD or 和暦 GYYMMDD
  std::optional<YearMonth> month(int n, std::string_view name);           // YYYYMM or 和暦 GYYMM, required
  std::optional<Code> code(int n, std::string_view name, bool required);  // 9 digits

 private:
  const Record& record_;
  std::string_view path_;
  std::vector<ErrorInfo>& errors_;
  std::size_t errors_at_start_ = errors_.size();
};

// Splits a line at its commas and decodes each field from CP932 (or checks it is UTF-8, for a file
// another tool re-encoded) into `into`, whose memory is reused line after line. False after
// adding an error (unknown record id, wrong field count, bytes that are not CP932 / UTF-8, a control
// byte such as NUL); `into` is then not a record.
bool decode_record(const Line& line, std::string_view path, std::vector<ErrorInfo>& errors, bool utf8, Record& into);

// What a UKE file cannot hold of a claim (writer.cpp, dpc_writer.cpp): claim_error (or `status`)
// naming "<claim ID>" and the field.
[[noreturn]] void write_fail(const std::string& claim_id, std::string field, std::string message,
                             Status status = Status::claim_error);

ErrorInfo error_at(std::string_view path, std::int64_t line, int field, std::string field_name, std::string message,
                   Status status = Status::parse_error);

}  // namespace santei::uke
