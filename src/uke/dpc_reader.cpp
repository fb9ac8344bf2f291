// A DPC receipt's BU, SB, GA, HH and GT records → UkeDpc, its own checks, and the claim's DPC stay
// (記録条件仕様 DPC用; docs/uke-check.md, "DPC receipts").
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "santei/rounding.hpp"
#include "uke/dpc_records.hpp"

namespace santei::uke {
namespace {

constexpr std::array<std::uint16_t, 8> kDpcRecords = {kind("BU"), kind("SB"), kind("KK"), kind("SK"),
                                                       kind("GA"), kind("HH"), kind("GT"), kind("CD")};

// 請求調整区分 (別表28) 2 今月の請求分 and 自他保険区分 (別表30) 1 自保険分: this receipt's own figures.
// The others (1 過去の請求済分, 3 過去の調整分; another insurer's part) are kept as read.
bool this_month(FieldReader& f, int adjustment_field, int insurer_field) {
  const auto adjustment = f.integer(adjustment_field, "請求調整区分", 1, 3, true);
  if (adjustment != 2) return false;
  return insurer_field == 0 || f.integer(insurer_field, "自他保険区分", 1, 9, false).value_or(1) == 1;
}

void read_bu(const Record& record, FieldReader& f, UkeDpc& dpc) {
  if (dpc.line != 0) f.fail(0, "BU", fmt::format("second BU record: the receipt's BU is line {}", dpc.line));
  dpc.line = record.line;
  dpc.code = std::string(f.required(2, "診断群分類番号"));
  if (!dpc.code.empty() && !is_dpc_code(dpc.code)) {
    f.fail(2, "診断群分類番号", fmt::format("'{}' is not a 14-character 診断群分類番号", dpc.code));
  }
  if (const auto admitted = f.date(3, "今回入院年月日", true)) dpc.admitted = *admitted;
  dpc.discharged = f.date(4, "今回退院年月日", false);
  dpc.outcome = std::string(f.text(5));
}

void read_sb(FieldReader& f, UkeDpc& dpc) {
  UkeDpcDiagnosis sb;
  sb.code = f.digits(2, "傷病名コード", {7}, true);
  sb.modifiers = std::string(f.text(3));
  if (sb.modifiers.size() % 4 != 0) f.fail(3, "修飾語コード", fmt::format("'{}' is not 4-character codes", sb.modifiers));
  sb.name = std::string(f.text(4));
  sb.icd10 = std::string(f.required(5, "ICD10コード"));
  sb.kind = f.digits(6, "傷病名区分", {2}, true);
  dpc.diagnoses.push_back(std::move(sb));
}

bool read_ga(const Record& record, FieldReader& f, UkeDpc& dpc) {
  (void)f.month(2, "診療年月");
  if (!this_month(f, 3, 0)) return false;
  dpc.away_line = record.line;
  dpc.away = std::string(f.text(4));
  if (dpc.away.size() > 31 || !std::all_of(dpc.away.begin(), dpc.away.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    f.fail(4, "外泊等", fmt::format("'{}' is not up to 31 外泊等 codes, one digit a day", dpc.away));
  }
  dpc.coefficient = f.decimal(6, "医療機関別係数");
  if (!dpc.coefficient && f.ok()) f.fail(6, "医療機関別係数", "required field is blank");
  return true;
}

bool read_hh(const Record& record, FieldReader& f, UkeDpc& dpc) {
  (void)f.month(2, "診療年月");
  if (!this_month(f, 3, 4)) return false;
  UkeDpcPeriod hh;
  hh.line = record.line;
  hh.period = static_cast<std::int32_t>(f.integer(6, "入院期間区分", 1, 3, true).value_or(1));
  hh.points_per_day = static_cast<std::int32_t>(f.integer(7, "入院期間区分別点数", 0, 999999, true).value_or(0));
  hh.days = static_cast<std::int32_t>(f.integer(8, "入院期間区分別入院日数", 0, 31, true).value_or(0));
  hh.subtotal = Points{f.integer(9, "包括小計点数", 0, 9999999, true).value_or(0)};
  dpc.periods.push_back(hh);
  return true;
}

bool read_gt(const Record& record, FieldReader& f, UkeDpc& dpc) {
  (void)f.month(2, "診療年月");
  if (!this_month(f, 3, 4)) return false;
  if (dpc.totals_line != 0) f.fail(0, "GT", fmt::format("second GT record of this month's claim: the first is line {}", dpc.totals_line));
  dpc.totals_line = record.line;
  if (const std::string_view burden = f.text(5); burden.size() == 1) dpc.burden = burden.front();
  if (const auto v = f.integer(6, "包括小計点数合算", 0, 9999999, true)) dpc.subtotal = Points{*v};
  if (const auto v = f.integer(7, "包括評価点数", 0, 9999999, true)) dpc.evaluated = Points{*v};
  if (const auto v = f.integer(9, "今月包括合計点数", -9999999, 99999999, false)) dpc.month_total = Points{*v};
  return true;
}

}  // namespace

bool is_dpc_record(std::uint16_t id) {
  return std::find(kDpcRecords.begin(), kDpcRecords.end(), id) != kDpcRecords.end();
}

bool read_dpc_record(const Record& record, FieldReader& f, UkeDpc& dpc) {
  switch (record.kind()) {
    case kind("BU"): read_bu(record, f, dpc); return true;
    case kind("SB"): read_sb(f, dpc); return true;
    case kind("GA"): return read_ga(record, f, dpc);
    case kind("HH"): return read_hh(record, f, dpc);
    case kind("GT"): return read_gt(record, f, dpc);
    default: return false;  // KK, SK, CD: kept as read
  }
}

std::vector<UkeFinding> check_dpc(const UkeDpc& dpc) {
  std::vector<UkeFinding> findings;
  Points sum;
  for (const UkeDpcPeriod& hh : dpc.periods) {
    const std::int64_t derived = std::int64_t{hh.points_per_day} * hh.days;
    if (derived != hh.subtotal.value) {
      findings.push_back(UkeFinding{UkeCheck::dpc_total, hh.line, 9, hh.subtotal.value, derived,
                                    fmt::format("HH 包括小計点数 {} but {}点 × {} days = {}", hh.subtotal.value,
                                                hh.points_per_day, hh.days, derived)});
    }
    sum += hh.subtotal;
  }
  if (dpc.subtotal && *dpc.subtotal != sum) {
    findings.push_back(UkeFinding{UkeCheck::dpc_total, dpc.totals_line, 6, dpc.subtotal->value, sum.value,
                                  fmt::format("GT 包括小計点数合算 {} but the HH records add up to {}", dpc.subtotal->value, sum.value)});
  }
  if (dpc.subtotal && dpc.evaluated && dpc.coefficient) {
    const Decimal product = Decimal(dpc.subtotal->value) * *dpc.coefficient;
    const Points derived = rounding::dpc_month_points(product);
    if (derived != *dpc.evaluated) {
      findings.push_back(UkeFinding{UkeCheck::dpc_total, dpc.totals_line, 7, dpc.evaluated->value, derived.value,
                                    fmt::format("GT 包括評価点数 {} but {} × 医療機関別係数 {} = {} → {} (小数点以下第１位を四捨五入, "
                                                "留意事項 第３ １(１))",
                                                dpc.evaluated->value, dpc.subtotal->value, dpc.coefficient->to_string(),
                                                product.to_string(), derived.value)});
    }
  }
  return findings;
}

std::optional<std::string> add_dpc_stay(const UkeDpc& dpc, Claim& claim) {
  if (dpc.line == 0) return "a DPC receipt (レセプト種別 4…) without its BU 診断群分類レコード";
  if (!dpc.coefficient) return "a DPC receipt without this month's GA 外泊レコード and its 医療機関別係数";
  Admission& admission = claim.admission ? *claim.admission : claim.admission.emplace();
  admission.admitted = dpc.admitted;
  if (dpc.discharged && claim.month.contains(*dpc.discharged)) admission.discharged = dpc.discharged;
  DpcStay stay;
  stay.code = dpc.code;
  stay.coefficient = *dpc.coefficient;
  admission.dpc = std::move(stay);
  // GA 外泊等 day by day: 9 外泊 (and 5, 6: a 転棟 day that is also a 外泊) count in the 入院期間 but are
  // not billed 包括; 8 a day out of hospital before a readmission counted as one stay.
  std::vector<DateRange> stays;
  Date from = std::max(dpc.admitted, claim.month.first_day());
  if (!claim.month.contains(from)) return std::nullopt;
  for (std::size_t d = 0; d < dpc.away.size(); ++d) {
    const Date day = claim.month.first_day().plus_days(static_cast<int>(d));
    if (!claim.month.contains(day)) break;
    const char code = dpc.away[d];
    if (code == '9' || code == '5' || code == '6') admission.away_days.push_back(day);
    if (code == '3' || code == '4' || code == '7') {
      return fmt::format("GA 外泊等 code {} on {} (地域包括ケア 転棟): santei does not price it", code, day.iso());
    }
    if (code == '8' && from <= day) {
      if (from < day) stays.push_back(DateRange{stays.empty() ? dpc.admitted : from, day.plus_days(-1)});
      from = day.plus_days(1);
    }
  }
  if (!stays.empty()) {
    const Date last = admission.discharged.value_or(claim.month.last_day());
    if (from <= last) stays.push_back(DateRange{from, last});  // else the readmission is next month's
    admission.stays = std::move(stays);
  }
  return std::nullopt;
}

}  // namespace santei::uke
