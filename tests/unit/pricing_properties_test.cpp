// Money invariants as properties of generated claims (issue 7): priced end to end on the real r06
// masters — points, copayment and every share — each claim must satisfy them whatever it holds.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "santei/generate.hpp"
#include "santei/pricing.hpp"
#include "support.hpp"

namespace santei::test {
namespace {

constexpr std::uint64_t kClaims = 10000;

const ClaimGenerator& generator() {
  static const ClaimGenerator g(real_library(), GenerateOptions{*YearMonth::parse("2024-07"), 20261124, {"r06"}});
  return g;
}

// Each claim's result as text, priced in the order `order` on `threads` threads; `reuse`: each
// thread prices into one result, claim after claim (price(…, into)).
std::vector<std::string> priced_in(const std::vector<std::uint64_t>& order, unsigned threads,
                                   const PricingOptions& options = {}, bool reuse = false) {
  std::vector<std::string> out(kClaims);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      PricedClaim reused;
      for (std::size_t k = t; k < order.size(); k += threads) {
        const std::uint64_t i = order[k];
        if (reuse) {
          price(generator().claim(i), real_library(), options, reused);
          out[i] = result_json(reused, real_library());
        } else {
          out[i] = result_json(price(generator().claim(i), real_library(), options), real_library());
        }
      }
    });
  }
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace

TEST_CASE("10,000 generated claims (2024-07, r06): points never negative, lines add up to the categories and the "
          "合計点数, the shares to the medical cost, the days to the month, and the window rounding stays within "
          "5円 a visit day") {
  int failures = 0;
  std::string first_failure;
  const auto fail = [&](std::uint64_t i, const std::string& what) {
    if (failures++ == 0) first_failure = fmt::format("claim {}: {}", i, what);
  };
  std::int64_t visit_days = 0, rounded_days = 0;
  for (std::uint64_t i = 0; i < kClaims; ++i) {
    const Claim claim = generator().claim(i);
    const PricedClaim priced = price(claim, real_library());
    // Points: no line of a generated claim carries a 減算 (minus) code, so every line, every
    // category and the total are ≥ 0 (点数表 第1章–第2章: fees are added, never negative).
    std::array<Points, 100> categories{};
    Points total;
    for (const PricedLine& line : priced.lines) {
      if (line.points.value < 0 || line.count < 1) fail(i, fmt::format("line {} points × {}", line.points.value, line.count));
      categories[line.category] += line.total();
      total += line.total();
    }
    if (total != priced.total) fail(i, fmt::format("lines add to {}, 合計点数 {}", total.value, priced.total.value));
    if (categories != priced.categories) fail(i, "lines do not add up to the 診療識別 totals");
    if (priced.total.value < 0) fail(i, "negative 合計点数");
    REQUIRE(priced.copay);
    const CopayResult& c = *priced.copay;
    // Shares: patient + insurer + every 公費 = the medical cost, exactly, on the window and on the receipt.
    Yen kouhi;
    for (const PublicExpenseShare& p : c.public_expenses) kouhi += p.yen;
    if (c.patient_yen + c.insurer_yen + kouhi != c.medical_cost) fail(i, "window shares do not add up");
    if (c.insurer_claim_yen + kouhi + c.patient_exact_yen != c.medical_cost) fail(i, "receipt shares do not add up");
    if (c.medical_cost != c.care_cost + c.meals_yen) fail(i, "medical cost is not care + meals");
    if (c.care_cost < yen_of(priced.total)) fail(i, "care cost below 合計点数 × 10円");
    // Days: each day's figures sum to the month's.
    Yen patient, insurer;
    std::vector<Yen> per_kouhi(c.public_expenses.size());
    for (const DailyCopay& d : c.daily) {
      patient += d.patient_yen;
      insurer += d.insurer_yen;
      for (std::size_t k = 0; k < d.public_expenses.size(); ++k) per_kouhi[k] += d.public_expenses[k];
      if (d.patient_yen.value < 0) fail(i, "negative window charge");
      if (d.patient_yen.value % 10 != 0) ++rounded_days;  // only where a limit binds (the 1円 rule)
    }
    if (patient != c.patient_yen || insurer != c.insurer_yen) fail(i, "days do not add up to the month");
    for (std::size_t k = 0; k < per_kouhi.size(); ++k) {
      if (per_kouhi[k] != c.public_expenses[k].yen) fail(i, "a 公費's days do not add up to its month");
    }
    // Rounding drift: 10円未満四捨五入 per visit day (copayment.md §3) moves at most 5円 a day
    // between what the window collects and the patient's exact share on the receipt.
    const auto days = static_cast<std::int64_t>(c.daily.size());
    visit_days += days;
    if (std::abs(c.patient_yen.value - c.patient_exact_yen.value) > 5 * days) {
      fail(i, fmt::format("window {} vs exact {} over {} days", c.patient_yen.value, c.patient_exact_yen.value, days));
    }
  }
  CAPTURE(first_failure);
  CHECK(failures == 0);
  CHECK(visit_days > static_cast<std::int64_t>(kClaims));  // the claims have several visit days
  MESSAGE(fmt::format("{} claims, {} visit days, {} days charged in 1円 units", kClaims, visit_days, rounded_days));
}

TEST_CASE("pricing is a pure function: the same claim twice, a batch in reverse or shuffled order, on 1 or 4 "
          "threads, priced into one reused result, and the claim read back from its own JSON all give byte-identical "
          "results" *
          doctest::test_suite("threads")) {
  std::vector<std::uint64_t> order(kClaims);
  std::iota(order.begin(), order.end(), 0);
  const std::vector<std::string> reference = priced_in(order, 1);
  CHECK(priced_in(order, 1) == reference);  // twice
  std::reverse(order.begin(), order.end());
  CHECK(priced_in(order, 1) == reference);
  std::shuffle(order.begin(), order.end(), std::mt19937_64{20261124});
  CHECK(priced_in(order, 4) == reference);
  CHECK(priced_in(order, 2, {}, true) == reference);  // a result reused after larger and smaller claims
  PricingOptions no_explain;
  no_explain.explain = false;
  no_explain.copay = false;
  CHECK(priced_in(order, 1, no_explain, true) == priced_in(order, 1, no_explain));
  int differ = 0;
  for (std::uint64_t i = 0; i < kClaims; ++i) {
    const Claim back = parse_claim(claim_json(generator().claim(i)));
    if (result_json(price(back, real_library()), real_library()) != reference[i]) ++differ;
  }
  CHECK(differ == 0);
}

}  // namespace santei::test
