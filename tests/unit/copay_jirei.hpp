// The official 計算事例 as tests: one receipt (one institution, one month) per 事例, its points
// by 負担区分 group, and the figures the 事例 states. Used by copay_jirei_*_test.cpp.
//
// How a 事例's figures map onto santei's result (all in 1円 units, the receipt's):
//   patient   — the patient's 一部負担金 (CopayResult::patient_exact_yen; the window collects the
//               same here: a bound limit is collected to the yen, an unbound amount is whole 10円)
//   uncovered — what the insurer leaves (医療費 − 保険者負担): medical_cost − insurer_claim_yen
//   insurer   — 保険者負担 itself (insurer_claim_yen)
//   kakari    — per 公費, what it is liable for (the insurance-uncovered part of its groups):
//               public_expenses[k].yen + public_expenses[k].patient_yen
//   kouhi_patient — per 公費, the patient's share under it (KO 負担金額): public_expenses[k].patient_yen
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "copay_support.hpp"

namespace santei::test::copay {

struct JireiCase {
  const char* month;                 // the service month the 事例 is priced in
  const char* date;                  // the date of its lines (before the birthday in a 75歳到達月)
  const char* birth;
  InsuranceKind kind = InsuranceKind::employee;
  const char* bracket = "";          // 高額療養費 区分
  Setting setting = Setting::inpatient;
  bool many = false;                 // 多数回該当
  std::optional<std::int64_t> marucho;
  std::optional<const char*> rate;   // an explicit 負担割合 where the 事例 states one the age does not give
  std::vector<PublicExpense> kouhi;  // 第1公費 first
  std::vector<std::pair<char, std::int64_t>> groups;  // (負担区分, points)
};

struct KouhiFigures {
  std::optional<std::int64_t> kakari;
  std::optional<std::int64_t> patient;
};

struct JireiFigures {
  std::optional<std::int64_t> patient;
  std::optional<std::int64_t> uncovered;
  std::optional<std::int64_t> insurer;
  std::vector<KouhiFigures> kouhi;
};

inline CopayResult price_jirei(const JireiCase& c) {
  Claim claim = c.setting == Setting::inpatient ? inpatient(c.month, c.birth, c.kind, c.bracket)
                                                : outpatient(c.month, c.birth, c.kind, c.bracket);
  claim.insurance.many_times = c.many;
  if (c.marucho) claim.insurance.special_disease_cap = Yen{*c.marucho};
  if (c.rate) claim.insurance.rate = *Decimal::parse(*c.rate);
  claim.public_expenses = c.kouhi;
  std::vector<PricedLine> lines;
  for (const auto& [burden, points] : c.groups) lines.push_back(care(c.date, points, burden));
  return compute_copay(claim, priced(std::move(lines)));
}

inline void check_jirei(const JireiCase& c, const JireiFigures& stated) {
  const CopayResult r = price_jirei(c);
  if (stated.patient) {
    CHECK(r.patient_exact_yen.value == *stated.patient);
    CHECK(r.patient_yen.value == *stated.patient);
  }
  if (stated.uncovered) CHECK(r.medical_cost.value - r.insurer_claim_yen.value == *stated.uncovered);
  if (stated.insurer) CHECK(r.insurer_claim_yen.value == *stated.insurer);
  REQUIRE(r.public_expenses.size() >= stated.kouhi.size());
  for (std::size_t k = 0; k < stated.kouhi.size(); ++k) {
    CAPTURE(k);
    const PublicExpenseShare& share = r.public_expenses[k];
    if (stated.kouhi[k].kakari) CHECK(share.yen.value + share.patient_yen.value == *stated.kouhi[k].kakari);
    if (stated.kouhi[k].patient) CHECK(share.patient_yen.value == *stated.kouhi[k].patient);
  }
  CHECK(adds_up(r));
}

}  // namespace santei::test::copay
