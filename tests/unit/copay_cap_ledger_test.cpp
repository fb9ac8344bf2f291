// 自己負担上限額管理 across institutions (copayment.md §4.3): the monthly cap of a 公費 is shared by
// every institution the patient visits; the claim says what the 上限額管理票 already shows
// (paid_this_month_yen before the first date, paid_elsewhere on their dates, cap_reached_on), the
// window charges only what is left, day by day, and santei returns this institution's 管理票 lines.
#include <doctest/doctest.h>

#include "copay_support.hpp"
#include "error_of.hpp"

using namespace santei;
using namespace santei::test::copay;

namespace {

void check_line(const CapLedgerLine& line, const char* date, std::int64_t cost, std::int64_t yen, std::int64_t total, bool reached) {
  CAPTURE(date);
  CHECK(line.date == day(date));
  CHECK(line.cost.value == cost);
  CHECK(line.patient_yen.value == yen);
  CHECK(line.cumulative_yen.value == total);
  CHECK(line.reached == reached);
}

void check_error(const ErrorInfo& e, const char* field, const char* part) {
  CHECK(e.status == Status::claim_error);
  CHECK(e.field == field);
  CAPTURE(e.message);
  CHECK(e.message.find(part) != std::string::npos);
}

}  // namespace

TEST_CASE("copayment.md Ex 7: 難病 cap 5,000 reached at the hospital (8,000点), the pharmacy then collects 0 and writes its line") {
  Claim hospital = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  hospital.facility.name = "A病院";
  hospital.public_expenses = {kouhi("54", 5000)};
  const CopayResult h = compute_copay(hospital, priced({care("2026-03-05", 8000)}));
  REQUIRE(h.public_expenses[0].ledger.size() == 1);
  check_line(h.public_expenses[0].ledger[0], "2026-03-05", 80000, 5000, 5000, true);
  CHECK(h.public_expenses[0].ledger[0].institution == "A病院");
  CHECK(h.public_expenses[0].cap_yen == Yen{5000});
  CHECK(h.public_expenses[0].cap_reached_on == day("2026-03-05"));

  Claim pharmacy = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  pharmacy.facility.name = "B薬局";
  pharmacy.public_expenses = {kouhi("54", 5000)};
  pharmacy.public_expenses[0].cap_reached_on = day("2026-03-05");  // the 管理票: reached at A病院
  const CopayResult p = compute_copay(pharmacy, priced({care("2026-03-05", 2000)}));
  CHECK(p.patient_yen.value == 0);
  CHECK(public_yen(p, 0) == 6000);
  REQUIRE(p.public_expenses[0].ledger.size() == 1);
  check_line(p.public_expenses[0].ledger[0], "2026-03-05", 20000, 0, 5000, true);
  CHECK(p.public_expenses[0].cap_reached_on == day("2026-03-05"));
  CHECK(adds_up(p));
}

TEST_CASE("肝炎 (38) 自己負担限度月額管理票 記載例 (cap 10,000): hospital 5,700, pharmacy 2,250 (累積 7,950), hospital 2,050 reaching 10,000") {
  // The hospital's month: 3割 5,700 on its first visit; the pharmacy's 2,250 in between (its own
  // claim, below); on the second visit the 3割 would be about 4,300, the patient pays 2,050.
  Claim hospital = outpatient("2026-03", "1970-01-01", InsuranceKind::national, "ウ");
  hospital.facility.name = "○○病院";
  hospital.public_expenses = {kouhi("38", 10000)};
  hospital.public_expenses[0].paid_elsewhere = {CapPayment{day("2026-03-12"), Yen{2250}, "○○薬局"}};
  const CopayResult h = compute_copay(hospital, priced({care("2026-03-10", 1900), care("2026-03-24", 1434)}));
  REQUIRE(h.daily.size() == 2);
  CHECK(h.daily[0].patient_yen.value == 5700);
  CHECK(h.daily[1].patient_yen.value == 2050);
  REQUIRE(h.public_expenses[0].ledger.size() == 2);
  check_line(h.public_expenses[0].ledger[0], "2026-03-10", 19000, 5700, 5700, false);
  check_line(h.public_expenses[0].ledger[1], "2026-03-24", 14340, 2050, 10000, true);
  CHECK(h.public_expenses[0].cap_reached_on == day("2026-03-24"));
  CHECK(h.public_expenses[0].patient_yen.value == 7750);  // KO 負担金額: this institution's part
  CHECK(adds_up(h));

  Claim pharmacy = outpatient("2026-03", "1970-01-01", InsuranceKind::national, "ウ");
  pharmacy.public_expenses = {kouhi("38", 10000)};
  pharmacy.public_expenses[0].paid_this_month = Yen{5700};
  const CopayResult p = compute_copay(pharmacy, priced({care("2026-03-12", 750)}));
  CHECK(p.patient_yen.value == 2250);
  REQUIRE(p.public_expenses[0].ledger.size() == 1);
  check_line(p.public_expenses[0].ledger[0], "2026-03-12", 7500, 2250, 7950, false);
}

TEST_CASE("難病 cap 10,000 half used elsewhere (5,000): 2割 3,000, then 2,000 of 4,000 reaching the cap, then 0 (1割 share noted)") {
  // The 持田製薬 patient guide's figure: 20,000円 × 2割 = 4,000 with 1,000 left → 1,000; here 2,000 left.
  Claim c = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  c.facility.name = "Cクリニック";
  c.public_expenses = {kouhi("54", 10000)};
  c.public_expenses[0].paid_this_month = Yen{5000};
  const CopayResult r = compute_copay(c, priced({care("2026-03-02", 1500), care("2026-03-09", 2000), care("2026-03-16", 1000)}));
  REQUIRE(r.daily.size() == 3);
  CHECK(r.daily[0].patient_yen.value == 3000);
  CHECK(r.daily[1].patient_yen.value == 2000);
  CHECK(r.daily[1].limit == "公費 54 上限");
  CHECK(r.daily[2].patient_yen.value == 0);
  const auto& ledger = r.public_expenses[0].ledger;
  REQUIRE(ledger.size() == 3);
  check_line(ledger[0], "2026-03-02", 15000, 3000, 8000, false);
  check_line(ledger[1], "2026-03-09", 20000, 2000, 10000, true);
  check_line(ledger[2], "2026-03-16", 10000, 0, 10000, true);
  CHECK(r.public_expenses[0].cap_reached_on == day("2026-03-09"));
  // The insurer pays 7割; 公費54 the rest of the 3割 above what the patient paid.
  CHECK(r.insurer_claim_yen.value == 31500);
  CHECK(public_yen(r, 0) == 13500 - 5000);
  CHECK(adds_up(r));
}

TEST_CASE("上限額管理票: a payment elsewhere reaching the cap before a later visit makes it 0; the reached date is the other institution's") {
  Claim c = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  c.public_expenses = {kouhi("54", 5000)};
  c.public_expenses[0].paid_elsewhere = {CapPayment{day("2026-03-08"), Yen{4000}, "D病院"}};
  const CopayResult r = compute_copay(c, priced({care("2026-03-02", 300), care("2026-03-10", 300)}));
  CHECK(r.daily[0].patient_yen.value == 600);
  CHECK(r.daily[1].patient_yen.value == 400);  // 5,000 − 600 − 4,000
  const auto& ledger = r.public_expenses[0].ledger;
  REQUIRE(ledger.size() == 2);
  check_line(ledger[0], "2026-03-02", 3000, 600, 600, false);
  check_line(ledger[1], "2026-03-10", 3000, 400, 5000, true);
  CHECK(r.public_expenses[0].patient_yen.value == 1000);

  c.public_expenses[0].paid_elsewhere = {CapPayment{day("2026-03-08"), Yen{4400}, "D病院"}};
  const CopayResult reached = compute_copay(c, priced({care("2026-03-02", 300), care("2026-03-10", 300)}));
  CHECK(reached.daily[1].patient_yen.value == 0);
  CHECK(reached.public_expenses[0].cap_reached_on == day("2026-03-08"));
  check_line(reached.public_expenses[0].ledger[1], "2026-03-10", 3000, 0, 5000, true);
}

TEST_CASE("上限額管理票 input errors name the field: a reached cap that was not paid, a date after the first visit, a 公費 without a cap") {
  Claim c = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  c.public_expenses = {kouhi("54", 5000)};
  c.public_expenses[0].cap_reached_on = day("2026-03-05");
  c.public_expenses[0].paid_this_month = Yen{3000};
  check_error(test::error_of([&] { (void)compute_copay(c, priced({care("2026-03-10", 100)})); }),
                "public_expenses[0].paid_this_month_yen", "3000 is not the cap 5000");
  c.public_expenses[0].paid_this_month.reset();
  check_error(test::error_of([&] { (void)compute_copay(c, priced({care("2026-03-02", 100)})); }),
                "public_expenses[0].cap_reached_on", "on or before the claim's first date 2026-03-02");
  Claim tb = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  tb.public_expenses = {kouhi("10")};
  tb.public_expenses[0].paid_elsewhere = {CapPayment{day("2026-03-01"), Yen{100}, {}}};
  check_error(test::error_of([&] { (void)compute_copay(tb, priced({care("2026-03-02", 100)})); }),
                "public_expenses[0].paid_elsewhere", "has no monthly cap");
  c.public_expenses[0].cap_reached_on.reset();
  c.public_expenses[0].paid_elsewhere = {CapPayment{day("2026-04-01"), Yen{100}, {}}};
  check_error(test::error_of([&] { (void)compute_copay(c, priced({care("2026-03-02", 100)})); }),
                "public_expenses[0].paid_elsewhere[0].date", "outside 2026-03");
}

TEST_CASE("santei.claim/1 keys of the 上限額管理票: facility.name, paid_this_month_yen, paid_elsewhere, cap_reached_on (docs/cap-ledger.md)") {
  const Claim c = parse_claim(R"({"format": "santei.claim/1", "month": "2026-03", "setting": "outpatient",
    "facility": {"kind": "clinic", "name": "Cクリニック"}, "patient": {"birth_date": "1980-07-07"},
    "insurance": {"kind": "employee", "income_bracket": "ウ"},
    "public_expenses": [{"law": "54", "monthly_cap_yen": 10000, "paid_this_month_yen": 5000, "cap_reached_on": "2026-03-01",
                         "paid_elsewhere": [{"date": "2026-03-08", "yen": 1200, "institution": "D薬局"}]}],
    "visits": [{"date": "2026-03-02", "orders": [{"category": "12", "items": [{"code": "112007410"}]}]}]})");
  CHECK(c.facility.name == "Cクリニック");
  const PublicExpense& e = c.public_expenses.at(0);
  CHECK(e.paid_this_month == Yen{5000});
  CHECK(e.cap_reached_on == day("2026-03-01"));
  REQUIRE(e.paid_elsewhere.size() == 1);
  CHECK(e.paid_elsewhere[0].date == day("2026-03-08"));
  CHECK(e.paid_elsewhere[0].yen == Yen{1200});
  CHECK(e.paid_elsewhere[0].institution == "D薬局");
  const ErrorInfo bad = test::error_of([] {
    (void)parse_claim(R"({"format": "santei.claim/1", "month": "2026-03", "setting": "outpatient", "facility": {"kind": "clinic"},
      "patient": {"birth_date": "1980-07-07"}, "insurance": {"kind": "employee"},
      "public_expenses": [{"law": "54", "monthly_cap_yen": 10000, "paid_elsewhere": [{"date": "2026-03-08"}]}],
      "visits": [{"date": "2026-03-02", "orders": [{"category": "12", "items": [{"code": "112007410"}]}]}]})");
  });
  CHECK(bad.field == "public_expenses[0].paid_elsewhere[0].yen");
}
