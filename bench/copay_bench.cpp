// The copay step alone: compute_copay on priced claims built by hand (the points engine's output).
#include <benchmark/benchmark.h>

#include <vector>

#include "santei/claim.hpp"
#include "santei/copay.hpp"
#include "santei/pricing.hpp"

namespace {

using namespace santei;

PricedLine line(Date date, std::int64_t points, std::uint8_t category, char burden = '\0', std::int64_t yen = 0, int count = 1) {
  PricedLine l;
  l.date = date;
  l.category = category;
  l.burden = burden;
  l.points = Points{points};
  l.yen = Yen{yen};
  l.count = count;
  return l;
}

struct Receipt {
  Claim claim;
  PricedClaim priced;
};

// A typical outpatient receipt: 2–4 visit dates of 3–5 lines each (再診, 処方, 検査 …), one 公費.
std::vector<Receipt> outpatient_receipts() {
  std::vector<Receipt> out;
  const char* laws[] = {"54", "21", "88"};
  for (int n = 0; n < 3; ++n) {
    Receipt r;
    r.claim.month = YearMonth{2026, 3};
    r.claim.setting = Setting::outpatient;
    r.claim.patient.birth_date = Date::from_ymd(1970 + n, 5, 10);
    r.claim.insurance.kind = InsuranceKind::national;
    r.claim.insurance.income_bracket = "ウ";
    PublicExpense e;
    e.law = laws[n];
    if (n == 2) {
      e.per_visit = Yen{500};
    } else {
      e.monthly_cap = Yen{5000};
    }
    r.claim.public_expenses = {e};
    const int visits = 2 + n;
    for (int v = 0; v < visits; ++v) {
      const Date d = Date::from_ymd(2026, 3, static_cast<unsigned>(3 + 7 * v));
      r.priced.lines.push_back(line(d, v == 0 ? 291 : 75, v == 0 ? 11 : 12));
      r.priced.lines.push_back(line(d, 68, 25));
      r.priced.lines.push_back(line(d, 42, 21, '\0', 0, 14));
      r.priced.lines.push_back(line(d, 144 + 37 * v, 60));
      if (v % 2 == 1) r.priced.lines.push_back(line(d, 225, 13, '1'));
    }
    out.push_back(std::move(r));
  }
  return out;
}

// A month in hospital: 30 days of care and meals, 区分ウ, no 公費.
Receipt inpatient_receipt() {
  Receipt r;
  r.claim.month = YearMonth{2026, 4};
  r.claim.setting = Setting::inpatient;
  r.claim.patient.birth_date = Date::from_ymd(1976, 5, 1);
  r.claim.insurance.kind = InsuranceKind::employee;
  r.claim.insurance.income_bracket = "ウ";
  r.claim.admission = Admission{Date::from_ymd(2026, 4, 1), std::nullopt, {}, {}, {}};
  for (unsigned d = 1; d <= 30; ++d) {
    const Date date = Date::from_ymd(2026, 4, d);
    r.priced.lines.push_back(line(date, 1688, 90));
    r.priced.lines.push_back(line(date, 350, 40));
    r.priced.lines.push_back(line(date, 0, 97, '\0', 690, 3));
  }
  return r;
}

void BM_CopayOutpatientWithKouhi(benchmark::State& state) {
  const std::vector<Receipt> receipts = outpatient_receipts();
  std::size_t i = 0;
  for (auto _ : state) {
    const Receipt& r = receipts[i++ % receipts.size()];
    benchmark::DoNotOptimize(compute_copay(r.claim, r.priced));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CopayOutpatientWithKouhi)->Unit(benchmark::kNanosecond)->MinTime(2.0);

void BM_CopayOutpatientWithKouhiNoExplain(benchmark::State& state) {
  const std::vector<Receipt> receipts = outpatient_receipts();
  std::size_t i = 0;
  for (auto _ : state) {
    const Receipt& r = receipts[i++ % receipts.size()];
    benchmark::DoNotOptimize(compute_copay(r.claim, r.priced, CopayOptions{false}));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CopayOutpatientWithKouhiNoExplain)->Unit(benchmark::kNanosecond)->MinTime(2.0);

void BM_CopayOutpatientInsuranceOnly(benchmark::State& state) {
  std::vector<Receipt> receipts = outpatient_receipts();
  for (Receipt& r : receipts) r.claim.public_expenses.clear();
  std::size_t i = 0;
  for (auto _ : state) {
    const Receipt& r = receipts[i++ % receipts.size()];
    benchmark::DoNotOptimize(compute_copay(r.claim, r.priced));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CopayOutpatientInsuranceOnly)->Unit(benchmark::kNanosecond)->MinTime(2.0);

void BM_CopayInpatientMonthWithMeals(benchmark::State& state) {
  const Receipt r = inpatient_receipt();
  for (auto _ : state) benchmark::DoNotOptimize(compute_copay(r.claim, r.priced));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CopayInpatientMonthWithMeals)->Unit(benchmark::kNanosecond)->MinTime(2.0);

}  // namespace
