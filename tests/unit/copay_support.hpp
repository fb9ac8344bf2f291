// Building claims and priced claims by hand for the copayment tests: the points engine's
// contract (PricedLine: date, category, burden, points per time, count, yen).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "santei/claim.hpp"
#include "santei/copay.hpp"
#include "santei/pricing.hpp"
#include "support.hpp"

namespace santei::test::copay {

using santei::test::day;

// A birth date that makes the patient 40 in every test month (70歳未満, 3割).
inline constexpr const char* k40 = "1986-01-01";

inline Claim claim(const char* month, Setting setting, const char* birth, InsuranceKind kind, std::string bracket = {}) {
  Claim c;
  c.month = *YearMonth::parse(month);
  c.setting = setting;
  c.patient.birth_date = day(birth);
  c.insurance.kind = kind;
  c.insurance.income_bracket = std::move(bracket);
  if (setting == Setting::inpatient) c.admission = Admission{c.month.first_day(), std::nullopt, {}, {}, {}};
  return c;
}

inline Claim outpatient(const char* month, const char* birth, InsuranceKind kind = InsuranceKind::employee, std::string bracket = {}) {
  return claim(month, Setting::outpatient, birth, kind, std::move(bracket));
}
inline Claim inpatient(const char* month, const char* birth, InsuranceKind kind = InsuranceKind::employee, std::string bracket = {}) {
  return claim(month, Setting::inpatient, birth, kind, std::move(bracket));
}

inline PublicExpense kouhi(const char* law, std::optional<std::int64_t> cap = std::nullopt) {
  PublicExpense e;
  e.law = law;
  if (cap) e.monthly_cap = Yen{*cap};
  return e;
}

// `points` per time on `date` (care), in 負担区分 `burden` ('\0' = every payer).
inline PricedLine care(const char* date, std::int64_t points, char burden = '\0', std::int32_t count = 1) {
  PricedLine line;
  line.date = day(date);
  line.category = 80;
  line.burden = burden;
  line.points = Points{points};
  line.count = count;
  return line;
}

// `meals` meals of `yen` each (診療識別 97).
inline PricedLine meal(const char* date, std::int64_t yen, std::int32_t meals, char burden = '\0') {
  PricedLine line;
  line.date = day(date);
  line.category = 97;
  line.burden = burden;
  line.yen = Yen{yen};
  line.count = meals;
  return line;
}

inline PricedClaim priced(std::vector<PricedLine> lines) {
  PricedClaim p;
  for (const PricedLine& l : lines) p.total += l.total();
  p.lines = std::move(lines);
  return p;
}

// One care line a day for every day from `first` to `last` of the month, adding up to `points`.
inline std::vector<PricedLine> daily_care(int year, unsigned month, unsigned first, unsigned last, std::int64_t points,
                                          char burden = '\0') {
  std::vector<PricedLine> lines;
  const std::int64_t days = last - first + 1;
  for (unsigned d = first; d <= last; ++d) {
    PricedLine line;
    line.date = Date::from_ymd(year, month, d);
    line.category = 90;
    line.burden = burden;
    line.points = Points{points / days + (d == first ? points % days : 0)};
    lines.push_back(line);
  }
  return lines;
}

inline std::vector<PricedLine> daily_meals(int year, unsigned month, unsigned first, unsigned last, std::int64_t yen, int meals) {
  std::vector<PricedLine> lines;
  for (unsigned d = first; d <= last; ++d) {
    PricedLine line;
    line.date = Date::from_ymd(year, month, d);
    line.category = 97;
    line.yen = Yen{yen};
    line.count = meals;
    lines.push_back(line);
  }
  return lines;
}

inline std::vector<PricedLine> join(std::vector<PricedLine> a, const std::vector<PricedLine>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

inline std::int64_t public_yen(const CopayResult& r, std::size_t k) { return r.public_expenses.at(k).yen.value; }

// The shares add up to the medical cost, and the daily figures to the month's.
inline bool adds_up(const CopayResult& r) {
  Yen kouhi, patient, insurer;
  for (const auto& p : r.public_expenses) kouhi += p.yen;
  for (const auto& d : r.daily) {
    patient += d.patient_yen;
    insurer += d.insurer_yen;
  }
  return r.patient_yen + r.insurer_yen + kouhi == r.medical_cost && patient == r.patient_yen && insurer == r.insurer_yen &&
         r.insurer_yen == r.insurer_claim_yen - (r.patient_yen - r.patient_exact_yen);
}

}  // namespace santei::test::copay
