// A priced DPC month → its BU, SB, KK, GA, HH and GT records (記録条件仕様 DPC用; docs/uke-check.md).
#include <algorithm>

#include <fmt/format.h>

#include "santei/rounding.hpp"
#include "uke/dpc_records.hpp"

namespace santei::uke {
namespace {

std::string condition(const Claim& claim, std::string_view name) {
  const auto& grouping = claim.admission->dpc->grouping;
  if (!grouping) return {};
  for (const auto& [key, value] : grouping->conditions) {
    if (key == name) return std::to_string(value);
  }
  return {};
}

// GA 4 外泊等 (別表29), one code a day from the 1st to the month's last day: 9 外泊; 8 a day out of
// hospital before a readmission counted as one stay (admission.stays, 留意事項 第３ １(７)); 0 else.
std::string away_codes(const Claim& claim) {
  const Admission& admission = *claim.admission;
  std::string codes;
  const Date first = claim.month.first_day();
  const Date last = claim.month.last_day();
  for (Date day = first; day <= last; day = day.plus_days(1)) {
    char code = '0';
    if (std::find(admission.away_days.begin(), admission.away_days.end(), day) != admission.away_days.end()) code = '9';
    if (!admission.stays.empty() && admission.stays.front().from < day && day < admission.stays.back().to &&
        std::none_of(admission.stays.begin(), admission.stays.end(), [&](const DateRange& s) { return s.contains(day); })) {
      code = '8';
    }
    codes += code;
  }
  return codes;
}

std::vector<std::string> diagnosis_record(const UkeDpcDiagnosis& sb) {
  return {"SB", sb.code, sb.modifiers, sb.name, sb.icd10, sb.kind, "", ""};
}

}  // namespace

std::string dpc_receipt_type(std::string_view inpatient_type) {
  // The 医科 入院 class digit (odd; 9 高齢受給者7割) is one below the table's (even; 0).
  const char patient = static_cast<char>('0' + (inpatient_type[3] - '0' + 1) % 10);
  return fmt::format("4{}{}", inpatient_type.substr(1, 2), patient);
}

std::vector<std::vector<std::string>> dpc_records(const Claim& claim, const PricedDpc& dpc, const UkeReceiptExtras& extras,
                                                  char burden) {
  const Admission& admission = *claim.admission;
  if (dpc.addon_points != 0) {
    write_fail(claim.id, "admission.dpc.units",
         "a DPC month with 特定入院料 add-ons (告示96 別表 ４–６): how a DPC receipt records them is not in the "
         "記録条件仕様 santei read (unknown)");
  }
  if (extras.admission_route.empty()) {
    write_fail(claim.id, "extras.admission_route", "a DPC receipt's KK 予定・緊急入院区分 (別表26) is required: the claim does not state it");
  }
  const bool discharged = admission.discharged.has_value();
  if (discharged && extras.dpc_outcome.empty()) {
    write_fail(claim.id, "extras.dpc_outcome", "the month of the discharge: BU DPC転帰区分 (別表22) is required");
  }
  std::vector<std::vector<std::string>> records;
  records.push_back({"BU", dpc.code, admission.admitted.compact(), discharged ? admission.discharged->compact() : "",
                     discharged ? extras.dpc_outcome : "", ""});
  if (!extras.dpc_diagnoses.empty()) {
    for (const UkeDpcDiagnosis& sb : extras.dpc_diagnoses) records.push_back(diagnosis_record(sb));
  } else {
    const auto& grouping = admission.dpc->grouping;
    if (!grouping) {
      write_fail(claim.id, "extras.dpc_diagnoses",
           "a DPC receipt needs its 医療資源を最も投入した傷病名 (SB 区分 01): the extras' dpc_diagnoses or admission.dpc.grouping");
    }
    UkeDpcDiagnosis sb;
    sb.name = "病名未設定";  // 未コード化: a person supplies the name; the ICD-10 is the grouping's
    sb.icd10 = grouping->diagnosis;
    sb.icd10.erase(std::remove(sb.icd10.begin(), sb.icd10.end(), '.'), sb.icd10.end());
    records.push_back(diagnosis_record(sb));
  }
  const int age = age_in_years(claim.patient.birth_date, admission.admitted);
  records.push_back({"KK", "", "", extras.admission_route, "", "", std::to_string(age), condition(claim, "birth_weight"),
                     condition(claim, "jcs"), "", "", "", "", age == 0 ? condition(claim, "month_age") : ""});
  const std::string month = claim.month.compact();
  records.push_back({"GA", month, "2", away_codes(claim), "", dpc.coefficient.to_string(), ""});
  std::int64_t subtotal = 0;
  for (std::size_t period = 0; period < 3; ++period) {
    if (dpc.days[period] == 0) continue;  // 入院日数 0: no HH record (記録条件仕様 注3)
    const std::int64_t points = std::int64_t{dpc.points_per_day[period]} * dpc.days[period];
    subtotal += points;
    records.push_back({"HH", month, "2", "1", std::string(1, burden), std::to_string(period + 1),
                       std::to_string(dpc.points_per_day[period]), std::to_string(dpc.days[period]), std::to_string(points)});
  }
  const std::string evaluated = std::to_string(rounding::dpc_month_points(dpc.total).value);
  records.push_back({"GT", month, "2", "1", std::string(1, burden), std::to_string(subtotal), evaluated, "", evaluated, "93",
                     "", "", ""});
  return records;
}

}  // namespace santei::uke
