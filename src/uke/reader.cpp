// UKE bytes → UkeFile: the record state machine (order: fee-rules.md §8.1; 算定単位 and checks:
// §1.3, §8.4). Errors never stop the file: a receipt with one is reported and skipped.
#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <span>

#include <fmt/format.h>

#include "core/cp932.hpp"
#include "core/line_reader.hpp"
#include "core/mapped_file.hpp"
#include "santei/uke.hpp"
#include "uke/burden.hpp"
#include "uke/dpc_records.hpp"
#include "uke/read.hpp"
#include "uke/record.hpp"
#include "uke/to_claim.hpp"

namespace santei {
namespace {

using uke::FieldReader;
using uke::Record;

// 診療識別 codes (記録条件仕様 別表20, fee-rules.md §1.2).
constexpr std::array<std::uint8_t, 27> kCategories = {1,  11, 12, 13, 14, 21, 22, 23, 24, 25, 26, 27, 28, 31,
                                                      32, 33, 39, 40, 50, 54, 60, 70, 80, 90, 92, 97, 99};

// The names of an SI/IY/TO record's numbered fields ("コメント1 コード", "算定日情報 31日"), made
// once: formatting them for every record took a quarter of a file's read.
template <std::size_t N>
std::array<std::string, N> numbered_names(fmt::format_string<int> pattern) {
  std::array<std::string, N> names;
  for (std::size_t i = 0; i < N; ++i) names[i] = fmt::format(pattern, static_cast<int>(i + 1));
  return names;
}

// Where a record kind may stand inside a receipt (§8.1): never after a record of a higher rank.
// 0: not checked (GR, TI, TR, TS: their place was not confirmed in a source read).
int rank_of(std::uint16_t id) {
  using uke::kind;
  switch (id) {
    case kind("HO"): return 1;
    case kind("KO"): return 2;
    case kind("SN"): case kind("JD"): case kind("MF"): return 3;
    case kind("SY"): return 4;
    case kind("SI"): case kind("IY"): case kind("TO"): case kind("CO"): return 5;
    case kind("SJ"): return 6;
    case kind("CD"): return 0;  // a DPC receipt's last record
    default: return uke::is_dpc_record(id) ? 4 : 0;  // a DPC receipt's BU … GT
  }
}

// Fields of the 摘要 records: SI/IY and TO differ after field 7.
struct BodyLayout {
  int first_comment;  // コメント1 コード; three (code, text) pairs
  int first_day;      // 算定日情報 1日
};
constexpr BodyLayout kProcedureLayout{8, 14};  // SI, IY
constexpr BodyLayout kMaterialLayout{12, 18};  // TO

// The receipt being read. (At namespace scope: clang cannot default-construct a nested class
// with member initializers inside its enclosing class, as std::optional::emplace needs.)
struct Current {
  UkeReceipt receipt;
  bool bad = false;
  int rank = 0;
  std::uint8_t last_category = 0;
  std::optional<UkeUnit> open;
  bool open_has_records = false;
  std::int64_t insurer_line = 0;
  std::vector<std::int64_t> public_lines;
  std::size_t records = 0;  // after RE
  bool donor = false;        // after a TR record: the organ donor's records
  int month_days = 31;       // of the 診療年月 (RE 4), for its body records' day columns
};

class Reader {
 public:
  Reader(std::string_view path, const UkeReadOptions& options, const uke::ReceiptSink& sink)
      : options_(options), sink_(sink) {
    file_.path = std::string(path);
  }

  void line(const uke::Line& line);
  UkeFile finish(std::int64_t last_line);
  // True once a limit stopped the reading: the rest of the input is not read.
  bool stopped() const { return stopped_; }

 private:
  void record(const Record& record);
  bool room_for_receipt(std::int64_t line);
  bool refused_kind(const uke::Line& line);
  void facility(const Record& record);
  void start_receipt(const Record& record);
  void receipt_record(const Record& record);
  void insurer(const Record& record);
  void public_payer(const Record& record);
  void diagnosis(const Record& record);
  void body(const Record& record);
  void comment(const Record& record);
  void dpc_record(const Record& record);
  void close_open_unit(bool closed_by_points);
  void end_receipt();
  void check_totals(Current& current);
  void totals(const Record& record);
  std::optional<std::uint8_t> category(FieldReader& fields, Current& current);
  std::optional<char> burden(FieldReader& fields);
  void finding(UkeCheck check, std::int64_t line, int field, std::int64_t stated, std::int64_t derived,
               std::string message);
  void error(std::int64_t line, int field, std::string field_name, std::string message,
             Status status = Status::parse_error);

  const UkeReadOptions& options_;
  const uke::ReceiptSink& sink_;  // empty: the receipts stay in file_
  UkeFile file_;
  std::size_t receipts_read_ = 0;  // well-formed, kept or handed to sink_
  Points stated_sum_;              // their 合計点数, for GO 総合計点数
  std::optional<Current> current_;
  bool seen_facility_ = false;
  bool seen_end_ = false;
  bool stopped_ = false;
  std::int64_t lf_only_lines_ = 0;
  std::optional<bool> utf8_;            // decided by the first line with a byte over 0x7F
  std::vector<std::string> first_ir_;   // a repeated IR must equal it (insurer-side layout)
  Record decoded_;                      // the line being read; its memory is reused
  bool seen_record_ = false;
};

void Reader::error(std::int64_t line, int field, std::string field_name, std::string message, Status status) {
  file_.errors.push_back(uke::error_at(file_.path, line, field, std::move(field_name), std::move(message), status));
  if (current_) current_->bad = true;
}

void Reader::finding(UkeCheck check, std::int64_t line, int field, std::int64_t stated, std::int64_t derived,
                     std::string message) {
  std::vector<UkeFinding>& into = current_ ? current_->receipt.findings : file_.findings;
  into.push_back(UkeFinding{check, line, field, stated, derived, std::move(message)});
}

void Reader::line(const uke::Line& line) {
  if (stopped_) return;
  const std::size_t errors_before = file_.errors.size();
  bool decoded = false;
  if (line.length > kMaxUkeRecordBytes) {
    error(line.number, 0, "", fmt::format("record of {} bytes is over the limit of {}", line.length, kMaxUkeRecordBytes),
          Status::limit_exceeded);
  } else if (line.truncated) {
    error(line.number, 0, "", "truncated record: the file ends inside it (no CR LF)");
    return;
  } else {
    if (!line.crlf) ++lf_only_lines_;  // reported once, at the end (an encoding finding)
    if (line.bytes.empty()) {
      error(line.number, 0, "", "empty line: every UKE line is a record");
      return;
    }
    if (!seen_record_ && refused_kind(line)) return;
    seen_record_ = true;
    if (!utf8_ && std::any_of(line.bytes.begin(), line.bytes.end(), [](char c) { return static_cast<unsigned char>(c) > 0x7F; })) {
      // CP932 text is almost never valid UTF-8 (a kana's trail byte 0x82… cannot start a sequence).
      utf8_ = cp932::find_invalid_utf8(line.bytes) == cp932::npos;
      if (*utf8_) {
        file_.findings.push_back(UkeFinding{UkeCheck::encoding, line.number, 0, 0, 0,
                                            "the file is UTF-8, not CP932 (re-encoded by another tool?): read as UTF-8"});
      }
    }
    decoded = uke::decode_record(line, file_.path, file_.errors, utf8_.value_or(false), decoded_);
  }
  if (decoded) return record(decoded_);
  // A broken RE still starts a receipt (a bad one), and a broken GO still ends the file, so the
  // records after them are not taken for the previous receipt's.
  if (line.bytes.starts_with("RE,")) {
    end_receipt();
    if (!room_for_receipt(line.number)) return;
    current_.emplace();
    ++file_.receipts_seen;
    current_->receipt.line = line.number;
  } else if (line.bytes.starts_with("GO,")) {
    end_receipt();
    seen_end_ = true;
  }
  if (current_ && file_.errors.size() != errors_before) current_->bad = true;
}

// A 歯科 or 調剤 file is refused whole, by what its first record says, before its records are
// taken for 医科 ones (記録条件仕様: 調剤 files start with YK 薬局情報; IR 4 点数表 3 = 歯科).
bool Reader::refused_kind(const uke::Line& line) {
  std::string_view why;
  if (line.bytes.starts_with("YK,")) why = "a 調剤 (pharmacy) file: it starts with a YK (薬局情報) record";
  if (line.bytes.starts_with("IR,")) {
    std::string_view rest = line.bytes;
    for (int i = 0; i < 3 && !rest.empty(); ++i) rest.remove_prefix(std::min(rest.find(','), rest.size() - 1) + 1);
    if (rest.starts_with("3,")) why = "a 歯科 (dental) file: its IR 点数表 (field 4) is 3";
  }
  if (why.empty()) return false;
  error(line.number, line.bytes.starts_with("IR,") ? 4 : 1, line.bytes.starts_with("IR,") ? "IR 4 点数表" : "YK",
        fmt::format("{}; santei reads 医科 UKE files only: the file is not read", why));
  stopped_ = true;
  seen_facility_ = true;
  return true;
}

bool Reader::room_for_receipt(std::int64_t line) {
  if (static_cast<std::size_t>(file_.receipts_seen) < kMaxUkeReceipts) return true;
  error(line, 1, "RE", fmt::format("more than {} receipts in one file: the rest of the file is not read", kMaxUkeReceipts),
        Status::limit_exceeded);
  stopped_ = true;
  return false;
}

void Reader::record(const Record& record) {
  using uke::kind;
  const std::string_view id = record.id();
  if (seen_end_) {
    error(record.line, 1, std::string(id), "record after GO: GO ends the file");
    return;
  }
  const std::uint16_t k = record.kind();
  if (k == kind("IR")) return facility(record);
  if (!seen_facility_) {
    error(record.line, 1, std::string(id), fmt::format("{} before IR: a UKE file starts with its IR record", id));
    seen_facility_ = true;  // reported once
  }
  if (k == kind("RE")) return start_receipt(record);
  if (k == kind("GO")) {
    end_receipt();
    return totals(record);
  }
  if (!current_) {
    error(record.line, 1, std::string(id), fmt::format("{} before any RE: it belongs to no receipt", id));
    return;
  }
  receipt_record(record);
}

void Reader::facility(const Record& record) {
  if (!first_ir_.empty() && std::ranges::equal(record.fields, first_ir_)) {
    // The insurer-side layout repeats the IR before each receipt.
    end_receipt();
    if (!file_.insurer_layout) {
      file_.insurer_layout = true;
      finding(UkeCheck::layout, record.line, 1, 0, 0,
              "an IR before each receipt: the layout sent on to insurers (保険者向け), read with its extra records");
    }
    return;
  }
  if (seen_facility_ || current_) {
    error(record.line, 1, "IR", first_ir_.empty() ? "second IR record: a file has one, first"
                                                  : "IR record that differs from the file's first IR");
    return;
  }
  first_ir_.assign(record.fields.begin(), record.fields.end());
  seen_facility_ = true;
  std::vector<ErrorInfo> errors;
  FieldReader f(record, file_.path, errors);
  UkeFacility& ir = file_.facility;
  ir.payer_org = f.digits(2, "審査支払機関", {1}, true);
  if (!ir.payer_org.empty() && ir.payer_org != "1" && ir.payer_org != "2") f.fail(2, "審査支払機関", "must be 1 (支払基金) or 2 (国保連合会)");
  ir.prefecture = f.digits(3, "都道府県", {2}, true);
  if (const std::string_view table = f.digits(4, "点数表", {1}, true); !table.empty() && table != "1") {
    f.fail(4, "点数表", fmt::format("点数表 {} is not 1 (医科): santei reads 医科 files", table));
  }
  ir.code = f.digits(5, "医療機関コード", {7}, true);
  ir.name = std::string(f.text(7));
  if (auto month = f.month(8, "請求年月")) ir.billing_month = *month;
  ir.volume = std::string(f.text(9));
  ir.phone = std::string(f.text(10));
  file_.errors.insert(file_.errors.end(), errors.begin(), errors.end());
}

void Reader::start_receipt(const Record& record) {
  end_receipt();
  if (!room_for_receipt(record.line)) return;
  current_.emplace();
  ++file_.receipts_seen;
  UkeReceipt& re = current_->receipt;
  re.line = record.line;
  const std::size_t errors_before = file_.errors.size();
  FieldReader f(record, file_.path, file_.errors);
  re.number = f.integer(2, "レセプト番号", 1, 999999, true).value_or(0);
  re.type = f.digits(3, "レセプト種別", {4}, true);
  if (!re.type.empty() && ((re.type[0] != '1' && re.type[0] != '4') || re.type[1] < '1' || re.type[1] > '4' ||
                           re.type[2] < '1' || re.type[2] > '5')) {
    f.fail(3, "レセプト種別", fmt::format("'{}' is not a 医科 (1…) or DPC (4…) レセプト種別 (医保/公費/後期/退職 1–4, payers "
                                          "1–5, class)", re.type));
    re.type.clear();
  }
  if (auto month = f.month(4, "診療年月")) re.month = *month;
  current_->month_days = static_cast<int>(re.month.last_day().day());
  re.name = std::string(f.text(5));
  const auto sex = f.integer(6, "男女区分", 1, 2, true);
  const auto birth = f.date(7, "生年月日", true);
  const auto admitted = f.date(9, "入院年月日", false);
  re.special_notes = std::string(f.text(12));
  if (re.special_notes.size() % 2 != 0 || re.special_notes.size() > 10 ||
      !std::all_of(re.special_notes.begin(), re.special_notes.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    f.fail(12, "レセプト特記事項", fmt::format("'{}' is not up to five 2-digit codes", re.special_notes));
  }
  const auto beds = f.integer(13, "病床数", 0, 99999, false);
  re.chart_number = std::string(f.text(14));
  re.kana = std::string(f.text(37));
  if (file_.errors.size() != errors_before) {
    current_->bad = true;
    return;
  }
  Claim& claim = re.claim;
  claim.id = std::to_string(re.number);
  claim.mode = ClaimMode::as_claimed;  // a receipt is checked as it was claimed: santei adds nothing
  claim.month = re.month;
  // レセプト種別 digit 4: odd = 入院, even and 0 = 入院外 (fee-rules.md §1.1); a DPC receipt (4…) is 入院.
  claim.setting = re.type[0] == '4' || (re.type[3] - '0') % 2 == 1 ? Setting::inpatient : Setting::outpatient;
  claim.facility = options_.facility;
  if (beds && *beds > 0) {
    claim.facility.beds = static_cast<std::int32_t>(*beds);
    if (*beds >= 20) claim.facility.kind = FacilityKind::hospital;  // 医療法 第1条の5: 病院 = 20床以上
  }
  claim.patient.birth_date = *birth;
  claim.patient.sex = *sex == 1 ? Sex::male : Sex::female;
  if (claim.setting == Setting::inpatient && admitted) {
    claim.admission = Admission{};
    claim.admission->admitted = *admitted;
  }
  // 特記事項 26–30 = 区ア … 区オ (fee-rules.md §8.2 RE 12): the 高額療養費 bracket under 70.
  static constexpr std::array<const char*, 5> kBrackets = {"ア", "イ", "ウ", "エ", "オ"};
  for (std::size_t i = 0; i + 1 < re.special_notes.size(); i += 2) {
    const int note = (re.special_notes[i] - '0') * 10 + (re.special_notes[i + 1] - '0');
    if (note >= 26 && note <= 30) claim.insurance.income_bracket = kBrackets[static_cast<std::size_t>(note - 26)];
  }
}

void Reader::receipt_record(const Record& record) {
  const std::string_view id = record.id();
  Current& current = *current_;
  if (++current.records > kMaxUkeRecordsPerReceipt) {
    if (current.records == kMaxUkeRecordsPerReceipt + 1) {  // reported once; the receipt is skipped
      error(record.line, 1, std::string(id),
            fmt::format("receipt {} has more than {} records", current.receipt.number, kMaxUkeRecordsPerReceipt),
            Status::limit_exceeded);
    }
    return;
  }
  if (current.donor) {
    current.receipt.other_records.push_back(
        UkeRecord{std::string(id), record.line, std::vector<std::string>(record.fields.begin() + 1, record.fields.end())});
    return;
  }
  using uke::kind;
  const std::uint16_t k = record.kind();
  const int rank = rank_of(k);
  if ((k == kind("HO") || k == kind("KO")) && current.rank >= rank_of(kind("SY")) && file_.insurer_layout) {
    // After the body, the insurer-side layout states the receipt's figures after 審査 again.
    current.receipt.other_records.push_back(
        UkeRecord{std::string(id), record.line, std::vector<std::string>(record.fields.begin() + 1, record.fields.end())});
    return;
  }
  if (rank != 0 && rank < current.rank) {
    error(record.line, 1, std::string(id),
          fmt::format("{} out of order: the order is RE, HO, KO, SN/JD/MF, SY (a DPC receipt: BU … GT), SI/IY/TO/CO, SJ", id));
    return;
  }
  if (rank != 0) current.rank = rank;
  // After TR (臓器提供者レセプト情報) come the organ donor's own records (SY, SI, IY, TO, CO): kept
  // as read below, not taken for the recipient's units (the donor's points are the TS record's).
  switch (k) {
    case kind("TR"): current.donor = true; break;
    case kind("HO"): return insurer(record);
    case kind("KO"): return public_payer(record);
    case kind("SY"): return diagnosis(record);
    case kind("SI"): case kind("IY"): case kind("TO"): return body(record);
    case kind("CO"): return comment(record);
    default: if (uke::is_dpc_record(k)) return dpc_record(record);
  }
  current.receipt.other_records.push_back(
      UkeRecord{std::string(id), record.line, std::vector<std::string>(record.fields.begin() + 1, record.fields.end())});
}

void Reader::insurer(const Record& record) {
  Current& current = *current_;
  if (current.receipt.insurer) {
    error(record.line, 1, "HO", "second HO record: a receipt has one main insurer");
    return;
  }
  FieldReader f(record, file_.path, file_.errors);
  UkeInsurer ho;
  if (const std::string_view n = f.text(2); n.starts_with(' ')) {
    // ORCA writes a 6-digit 国保 保険者番号 right-aligned in 8 places.
    Record trimmed = record;
    trimmed.fields[1].remove_prefix(std::min(n.find_first_not_of(' '), n.size()));  // field 2 is fields[1]
    return insurer(trimmed);
  }
  ho.number = f.digits(2, "保険者番号", {6, 8}, false);
  if (ho.number.empty() && f.ok()) {  // ORCA's demo data: the receipt is still read and priced
    finding(UkeCheck::payer_blank, record.line, 2, 0, 0, "HO 保険者番号 is blank: the receipt names no insurer");
  }
  ho.symbol = std::string(f.text(3));
  ho.card_number = std::string(f.text(4));
  ho.days = static_cast<std::int32_t>(f.integer(5, "診療実日数", 0, 31, false).value_or(0));
  ho.total = Points{f.integer(6, "合計点数", -99999999, 99999999, true).value_or(0)};
  ho.meals = static_cast<std::int32_t>(f.integer(8, "食事療養・生活療養 回数", 0, 999, false).value_or(0));
  ho.meals_yen = Yen{f.integer(9, "食事療養・生活療養 合計金額", 0, 99999999, false).value_or(0)};
  if (auto yen = f.integer(12, "負担金額（医療保険）", 0, 99999999, false)) ho.patient_yen = Yen{*yen};
  if (!f.ok()) {
    current.bad = true;
    return;
  }
  const std::string_view digits = std::string_view(ho.number).substr(0, ho.number.empty() ? 0 : ho.number.size() - 1);
  if (!ho.number.empty() && payer_check_digit(digits) != ho.number.back() - '0') {
    finding(UkeCheck::payer_check_digit, record.line, 2, ho.number.back() - '0', payer_check_digit(digits),
            fmt::format("保険者番号 {}: 検証番号 {} does not verify (expected {})", ho.number, ho.number.back(),
                        payer_check_digit(digits)));
  }
  current.insurer_line = record.line;
  current.receipt.insurer = std::move(ho);
}

void Reader::public_payer(const Record& record) {
  Current& current = *current_;
  if (current.receipt.public_payers.size() == 4) {
    error(record.line, 1, "KO", "fifth KO record: a receipt has at most four 公費");
    return;
  }
  FieldReader f(record, file_.path, file_.errors);
  UkePublicPayer ko;
  ko.payer_number = f.digits(2, "公費負担者番号", {8}, true);
  // 7 digits by the layout; ORCA writes shorter ones for some programmes (the sample: 000000).
  ko.recipient_number = f.digits(3, "公費受給者番号", {1, 2, 3, 4, 5, 6, 7}, false);
  ko.days = static_cast<std::int32_t>(f.integer(5, "診療実日数", 0, 31, false).value_or(0));
  ko.total = Points{f.integer(6, "合計点数", -99999999, 99999999, true).value_or(0)};
  if (auto yen = f.integer(7, "負担金額（公費）", 0, 99999999, false)) ko.patient_yen = Yen{*yen};
  if (!f.ok()) {
    current.bad = true;
    return;
  }
  for (const auto& [number, field, name] :
       {std::tuple{ko.payer_number, 2, "公費負担者番号"}, std::tuple{ko.recipient_number, 3, "公費受給者番号"}}) {
    if (number.size() != (field == 2 ? 8U : 7U)) continue;
    const int expected = payer_check_digit(std::string_view(number).substr(0, number.size() - 1));
    if (expected != number.back() - '0') {
      finding(UkeCheck::payer_check_digit, record.line, field, number.back() - '0', expected,
              fmt::format("{} {}: 検証番号 {} does not verify (expected {})", name, number, number.back(), expected));
    }
  }
  current.public_lines.push_back(record.line);
  current.receipt.public_payers.push_back(std::move(ko));
}

void Reader::diagnosis(const Record& record) {
  FieldReader f(record, file_.path, file_.errors);
  UkeDiagnosis sy;
  sy.code = f.digits(2, "傷病名コード", {7}, true);
  if (auto start = f.date(3, "診療開始日", true)) sy.start = *start;
  sy.outcome = static_cast<std::int32_t>(f.integer(4, "転帰区分", 1, 4, true).value_or(1));
  sy.modifiers = std::string(f.text(5));
  if (sy.modifiers.size() % 4 != 0) f.fail(5, "修飾語コード", fmt::format("'{}' is not 4-character codes", sy.modifiers));
  sy.name = std::string(f.text(6));
  if (sy.code == "0000999" && sy.name.empty()) f.fail(6, "傷病名称", "required for 0000999 (未コード化傷病名)");
  if (!f.text(7).empty() && f.text(7) != "01") f.fail(7, "主傷病", fmt::format("'{}' is not 01 or blank", f.text(7)));
  sy.main = f.text(7) == "01";
  sy.note = std::string(f.text(8));
  if (!f.ok()) {
    current_->bad = true;
    return;
  }
  current_->receipt.diagnoses.push_back(std::move(sy));
}

std::optional<std::uint8_t> Reader::category(FieldReader& f, Current& current) {
  const std::string_view text = f.text(2);
  if (text.empty()) {
    if (current.last_category == 0) f.fail(2, "診療識別", "blank with no 診療識別 before it to carry forward");
    return current.last_category == 0 ? std::nullopt : std::optional(current.last_category);
  }
  const std::string_view digits = f.digits(2, "診療識別", {2}, true);
  if (digits.empty()) return std::nullopt;
  const auto value = static_cast<std::uint8_t>((digits[0] - '0') * 10 + (digits[1] - '0'));  // two digits, checked
  if (std::find(kCategories.begin(), kCategories.end(), value) == kCategories.end()) {
    f.fail(2, "診療識別", fmt::format("{} is not a 診療識別 of the 記録条件仕様 (別表20)", digits));
    return std::nullopt;
  }
  current.last_category = value;
  return value;
}

std::optional<char> Reader::burden(FieldReader& f) {
  const std::string_view text = f.required(3, "負担区分");
  if (text.empty()) return std::nullopt;
  if (text.size() != 1 || uke::burden_payers(text[0]) == 0) {
    f.fail(3, "負担区分", fmt::format("'{}' is not a 負担区分 of the 記録条件仕様 (別表21)", text));
    return std::nullopt;
  }
  return text[0];
}

void Reader::body(const Record& record) {
  Current& current = *current_;
  const bool material = record.kind() == uke::kind("TO");
  const bool procedure = record.kind() == uke::kind("SI");
  const BodyLayout layout = material ? kMaterialLayout : kProcedureLayout;
  FieldReader f(record, file_.path, file_.errors);
  const auto cat = category(f, current);
  const auto burden_code = burden(f);
  UkeItem item;
  item.line = record.line;
  item.kind = procedure ? ItemKind::procedure : material ? ItemKind::material : ItemKind::drug;
  item.code = f.code(4, material ? "特定器材コード" : procedure ? "診療行為コード" : "医薬品コード", true).value_or(0);
  item.quantity = f.decimal(5, procedure ? "数量データ" : "使用量");
  if (auto points = f.integer(6, "点数", -9999999, 9999999, false)) item.points = Points{*points};
  item.count = static_cast<std::int32_t>(f.integer(7, "回数", 1, 999, true).value_or(0));
  if (material) {
    if (auto unit = f.integer(8, "単位コード", 0, 999, false)) item.unit = static_cast<std::int32_t>(*unit);
    item.unit_price = f.decimal(9, "単価");
    item.text = std::string(f.text(11));
  }
  static const auto comment_codes = numbered_names<3>("コメント{} コード");
  static const auto comment_texts = numbered_names<3>("コメント{} 文字データ");
  static const auto day_columns = numbered_names<31>("算定日情報 {}日");
  std::vector<UkeItem> inline_comments;
  for (int i = 0; i < 3; ++i) {
    const int n = layout.first_comment + 2 * i;
    if (record.blank(n) && record.blank(n + 1)) continue;  // most records have no comment
    const auto code = f.code(n, comment_codes[static_cast<std::size_t>(i)], false);
    if (!code) {
      if (!f.text(n + 1).empty()) f.fail(n + 1, comment_texts[static_cast<std::size_t>(i)], "text with no comment code");
      continue;
    }
    UkeItem c;
    c.line = record.line;
    c.kind = ItemKind::comment;
    c.code = *code;
    c.text = std::string(f.text(n + 1));
    inline_comments.push_back(std::move(c));
  }
  std::array<std::int32_t, 31> days{};
  std::int64_t day_sum = 0;
  // The day columns, which the record's field count (checked) holds: most days of the month are
  // blank (a call per column was 12 % of a read).
  const auto columns = std::span(record.fields).subspan(static_cast<std::size_t>(layout.first_day - 1), 31);
  for (int d = 1; d <= 31; ++d) {
    if (columns[static_cast<std::size_t>(d - 1)].empty()) continue;
    const int n = layout.first_day + d - 1;
    const std::string& name = day_columns[static_cast<std::size_t>(d - 1)];
    const auto value = f.integer(n, name, 0, 999, false);
    if (!value) continue;
    if (*value > 0 && d > current.month_days) {
      f.fail(n, name,
             fmt::format("day {} does not exist in {} (診療年月)", d, current.receipt.month.iso()));
      continue;
    }
    days[static_cast<std::size_t>(d - 1)] = static_cast<std::int32_t>(*value);
    day_sum += *value;
  }
  if (!f.ok()) {
    current.bad = true;
    return;
  }
  if (day_sum != item.count) {
    finding(UkeCheck::day_sum, record.line, 7, item.count, day_sum,
            fmt::format("回数 {} but the day columns add up to {}", item.count, day_sum));
  }
  if (current.open && current.open_has_records && current.open->category != *cat) {
    close_open_unit(false);  // a new 診療識別 while a unit waits for its 点数
  }
  if (!current.open) {
    current.open.emplace();
    current.open->line = record.line;
  }
  UkeUnit& unit = *current.open;
  if (!current.open_has_records) unit.category = *cat;
  current.open_has_records = true;
  unit.burden = *burden_code;
  if (!unit.items.empty() && unit.items.back().kind != ItemKind::comment &&
      (unit.count != item.count || unit.days != days)) {
    finding(UkeCheck::unit_days, record.line, 7, unit.count, item.count,
            "回数 or day columns differ from the unit's previous record");
  }
  unit.count = item.count;
  unit.days = days;
  const bool closes = item.points.has_value();
  if (closes) unit.points = item.points;
  unit.items.push_back(std::move(item));
  for (UkeItem& c : inline_comments) unit.items.push_back(std::move(c));
  if (closes) close_open_unit(true);
}

void Reader::comment(const Record& record) {
  Current& current = *current_;
  FieldReader f(record, file_.path, file_.errors);
  const auto cat = category(f, current);
  const auto burden_code = burden(f);
  UkeItem item;
  item.line = record.line;
  item.kind = ItemKind::comment;
  item.code = f.code(4, "コメントコード", true).value_or(0);
  item.text = std::string(f.text(5));
  if (!f.ok()) {
    current.bad = true;
    return;
  }
  if (current.open) {
    current.open->items.push_back(std::move(item));
    return;
  }
  if (*cat == 99 || *cat == 1) {  // 全体に係る識別: the whole receipt's comment
    current.receipt.comments.push_back(std::move(item));
    return;
  }
  // No unit open: a comment written before the records it is about (ORCA writes 用法 first).
  current.open.emplace();
  current.open->line = record.line;
  current.open->category = *cat;
  current.open->burden = *burden_code;
  current.open->items.push_back(std::move(item));
}

void Reader::dpc_record(const Record& record) {
  Current& current = *current_;
  UkeReceipt& re = current.receipt;
  if (re.type.empty() || re.type[0] != '4') {
    error(record.line, 1, std::string(record.id()),
          fmt::format("{} ({}) in a 医科 receipt: only a DPC receipt (レセプト種別 4…) has it", record.id(), record.layout->name));
    return;
  }
  FieldReader f(record, file_.path, file_.errors);
  const bool read = uke::read_dpc_record(record, f, re.dpc ? *re.dpc : re.dpc.emplace());
  if (!f.ok()) {
    current.bad = true;
    return;
  }
  if (!read) {
    re.other_records.push_back(
        UkeRecord{std::string(record.id()), record.line, std::vector<std::string>(record.fields.begin() + 1, record.fields.end())});
  }
}

void Reader::close_open_unit(bool closed_by_points) {
  Current& current = *current_;
  if (!current.open) return;
  if (!current.open_has_records) {  // comments that no record followed
    for (UkeItem& c : current.open->items) current.receipt.comments.push_back(std::move(c));
  } else {
    if (!closed_by_points) {
      finding(UkeCheck::unit_not_closed, current.open->line, 6, 0, 0,
              "算定単位 with no record stating its 点数 before the next 診療識別 or the end of the receipt");
    }
    current.receipt.units.push_back(std::move(*current.open));
  }
  current.open.reset();
  current.open_has_records = false;
}

void Reader::check_totals(Current& current) {
  UkeReceipt& re = current.receipt;
  // A DPC receipt's 合計点数 holds its 包括 points too (GT 今月包括合計点数, borne as GT 負担区分 says).
  const auto dpc_points = [&re](int payer) {
    if (!re.dpc || (uke::burden_payers(re.dpc->burden) & (1U << payer)) == 0) return Points{};
    return re.dpc->month_total.value_or(re.dpc->evaluated.value_or(Points{}));
  };
  if (re.insurer) {
    const Points derived = re.unit_total(0) + dpc_points(0);
    if (derived != re.insurer->total) {
      finding(UkeCheck::payer_total, current.insurer_line, 6, re.insurer->total.value, derived.value,
              fmt::format("HO 合計点数 {} but the units borne by 医保{} add up to {}", re.insurer->total.value,
                          re.dpc ? " and the 包括 points" : "", derived.value));
    }
  }
  for (std::size_t i = 0; i < re.public_payers.size(); ++i) {
    const Points derived = re.unit_total(static_cast<int>(i + 1)) + dpc_points(static_cast<int>(i + 1));
    if (derived != re.public_payers[i].total) {
      finding(UkeCheck::payer_total, current.public_lines[i], 6, re.public_payers[i].total.value, derived.value,
              fmt::format("KO (第{}公費) 合計点数 {} but the units it bears add up to {}", i + 1,
                          re.public_payers[i].total.value, derived.value));
    }
  }
}

void Reader::end_receipt() {
  if (!current_) return;
  close_open_unit(false);
  Current& current = *current_;
  UkeReceipt& re = current.receipt;
  if (!current.bad) {
    // レセプト種別 digit 2 names the main payer, digit 3 how many payers (fee-rules.md §1.1).
    const char main = re.type[1];
    const std::size_t payers = (re.insurer ? 1 : 0) + re.public_payers.size();
    if ((main == '2') == re.insurer.has_value()) {
      error(re.line, 3, "RE 3 レセプト種別",
            fmt::format("レセプト種別 {} says {} but the receipt has {} HO record", re.type,
                        main == '2' ? "公費単独" : "a main insurer", re.insurer ? "an" : "no"));
    } else if (static_cast<std::size_t>(re.type[2] - '0') != payers) {
      error(re.line, 3, "RE 3 レセプト種別",
            fmt::format("レセプト種別 {} says {} payer(s) but the receipt has {} (HO + KO)", re.type, re.type[2], payers));
    } else if (re.number != file_.receipts_seen) {
      finding(UkeCheck::receipt_number, re.line, 2, re.number, file_.receipts_seen,
              fmt::format("レセプト番号 {} but it is receipt {} of the file", re.number, file_.receipts_seen));
    }
  }
  if (!current.bad) {
    Claim& claim = re.claim;
    if (re.type[1] == '2') {  // 公費単独
      claim.insurance.kind = InsuranceKind::none;
    } else if (re.type[1] == '3' || re.insurer->number.starts_with("39")) {
      claim.insurance.kind = InsuranceKind::elderly;  // 後期高齢者 (法別番号 39)
    } else if (re.type[1] == '4' || re.insurer->number.size() == 6) {
      claim.insurance.kind = InsuranceKind::national;  // 国保 (6 digits) and 退職者医療
    } else {
      claim.insurance.kind = InsuranceKind::employee;
    }
    for (const UkePublicPayer& ko : re.public_payers) {
      PublicExpense pe;
      pe.law = ko.payer_number.substr(0, 2);  // 法別番号
      pe.payer_number = ko.payer_number;
      pe.recipient_number = ko.recipient_number;
      claim.public_expenses.push_back(std::move(pe));
    }
    if (re.type[0] == '4') {
      const UkeDpc none;
      if (const auto why = uke::add_dpc_stay(re.dpc ? *re.dpc : none, claim)) {
        const bool has_bu = re.dpc && re.dpc->line != 0;
        error(has_bu && re.dpc->away_line != 0 ? re.dpc->away_line : re.line, 0, has_bu ? "GA" : "BU", *why);
        current_.reset();
        return;
      }
      for (UkeFinding& finding : uke::check_dpc(*re.dpc)) re.findings.push_back(std::move(finding));
    }
    uke::add_visits(re);
    check_totals(current);
    ++receipts_read_;
    stated_sum_ += re.stated_total();
    if (sink_) {
      sink_(std::move(re));
    } else {
      file_.receipts.push_back(std::move(re));
    }
  }
  current_.reset();
}

void Reader::totals(const Record& record) {
  seen_end_ = true;
  FieldReader f(record, file_.path, file_.errors);
  const auto count = f.integer(2, "総件数", 0, 99999999, true);
  const auto total = f.integer(3, "総合計点数", -999999999999, 999999999999, true);
  if (!f.ok()) return;
  file_.complete = true;
  file_.stated_count = *count;
  file_.stated_total = Points{*total};
  if (*count != file_.receipts_seen) {
    finding(UkeCheck::receipt_count, record.line, 2, *count, file_.receipts_seen,
            fmt::format("GO 総件数 {} but the file has {} RE records", *count, file_.receipts_seen));
  }
  if (receipts_read_ == static_cast<std::size_t>(file_.receipts_seen) && stated_sum_.value != *total) {
    finding(UkeCheck::file_total, record.line, 3, *total, stated_sum_.value,
            fmt::format("GO 総合計点数 {} but the receipts' 合計点数 add up to {}", *total, stated_sum_.value));
  }
}

UkeFile Reader::finish(std::int64_t last_line) {
  if (stopped_) {
    current_.reset();
  } else if (!seen_end_ && file_.insurer_layout) {
    end_receipt();  // the insurer-side layout has no GO: its receipts end at the next IR or the file's end
  } else if (!seen_end_) {
    if (current_) {
      error(last_line + 1, 0, "GO",
            fmt::format("the file ends without GO: receipt {} (RE at line {}) may be cut short and is skipped",
                        current_->receipt.number, current_->receipt.line));
    } else {
      error(last_line + 1, 0, "GO", "the file ends without its GO record");
    }
    current_.reset();
  }
  if (!seen_facility_) error(1, 0, "IR", "no IR record: the file is empty or not a UKE file");
  if (lf_only_lines_ > 0) {
    file_.findings.push_back(UkeFinding{UkeCheck::encoding, 0, 0, 0, lf_only_lines_,
                                        fmt::format("{} records end with LF alone, not CR LF (re-encoded by another tool?): "
                                                    "read as lines", lf_only_lines_)});
  }
  return std::move(file_);
}

// The whole file refused by its size, before anything is read.
UkeFile over_size(std::string_view path, std::uintmax_t size) {
  UkeFile file;
  file.path = std::string(path);
  file.errors.push_back(uke::error_at(path, 0, 0, "", fmt::format("{} bytes is over the limit of {}", size, kMaxUkeBytes),
                                      Status::limit_exceeded));
  return file;
}

// Every record of `lines` to `reader` until it stops; returns the last line's number.
std::int64_t read_lines(detail::LineReader& lines, Reader& reader) {
  std::int64_t last = 0;
  while (const std::optional<detail::LineRead> read = lines.next()) {
    uke::Line line{read->number, read->text, read->length, read->crlf, !read->ended};
    if (line.truncated && line.bytes.ends_with('\x1a')) {  // the MS-DOS EOF mark ends the file
      line.bytes.remove_suffix(1);
      --line.length;
      if (line.bytes.empty()) break;
    }
    last = line.number;
    reader.line(line);
    if (reader.stopped()) break;
  }
  return last;
}

}  // namespace

namespace uke {

UkeFile read_uke(std::string_view bytes, std::string_view path, const UkeReadOptions& options, const ReceiptSink& sink) {
  if (bytes.size() > kMaxUkeBytes) return over_size(path, bytes.size());
  Reader reader(path, options, sink);
  detail::LineReader lines(bytes, kMaxUkeRecordBytes);
  return reader.finish(read_lines(lines, reader));
}

UkeFile read_uke_file(const std::filesystem::path& path, const UkeReadOptions& options, const ReceiptSink& sink) {
  std::error_code ec;
  if (const std::uintmax_t size = std::filesystem::file_size(path, ec); !ec && size > kMaxUkeBytes) {
    return over_size(path.string(), size);
  }
  // A file is mapped and its records read where they lie, the pages behind the reader let go; a
  // pipe or a FIFO is streamed. A line over kMaxUkeRecordBytes is read past, never held whole.
  if (std::filesystem::is_regular_file(path, ec)) {
    const MappedFile file(path, kMaxUkeBytes, MappedFile::Reading::sequential);
    Reader reader(path.string(), options, sink);
    detail::LineReader lines(file, kMaxUkeRecordBytes);
    return reader.finish(read_lines(lines, reader));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Exception(ErrorInfo{Status::io_error, path.string(), 0, 0, "", "cannot open the UKE file"});
  Reader reader(path.string(), options, sink);
  detail::LineReader lines(in, path.string(), kMaxUkeRecordBytes);
  return reader.finish(read_lines(lines, reader));
}

}  // namespace uke

UkeFile read_uke(std::string_view bytes, std::string_view path, const UkeReadOptions& options) {
  return uke::read_uke(bytes, path, options, {});
}

UkeFile read_uke_file(const std::filesystem::path& path, const UkeReadOptions& options) {
  return uke::read_uke_file(path, options, {});
}

}  // namespace santei
