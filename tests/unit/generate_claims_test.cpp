// The claim generator (santei/generate.hpp) on the real masters: reproducible bytes, claims that
// every target revision prices, and codes chosen by the revisions they must suit.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "santei/generate.hpp"
#include "santei/pricing.hpp"
#include "support.hpp"

namespace santei::test {
namespace {

GenerateOptions options(const char* month, std::uint64_t seed, std::vector<std::string> revisions = {}) {
  GenerateOptions o;
  o.month = *YearMonth::parse(month);
  o.seed = seed;
  o.revisions = std::move(revisions);
  return o;
}

std::string lines(const ClaimGenerator& g, std::uint64_t from, std::uint64_t to) {
  std::string out;
  for (std::uint64_t i = from; i < to; ++i) {
    g.append_json(i, out);
    out.push_back('\n');
  }
  return out;
}

bool uses(const Claim& claim, Code code) {
  for (const Visit& v : claim.visits) {
    for (const Order& o : v.orders) {
      for (const ClaimItem& i : o.items) {
        if (i.code == code) return true;
      }
    }
  }
  return false;
}

}  // namespace

TEST_CASE("generate: the same masters, month and seed give the same bytes; another seed other claims (2024-07)") {
  const ClaimGenerator a(real_library(), options("2024-07", 42));
  const ClaimGenerator b(real_library(), options("2024-07", 42));
  const ClaimGenerator c(real_library(), options("2024-07", 43));
  const std::string first = lines(a, 0, 500);
  CHECK(first == lines(b, 0, 500));
  CHECK(first != lines(c, 0, 500));
  // A claim depends on its index only: made out of order, it is the same.
  std::string out_of_order;
  a.append_json(321, out_of_order);
  CHECK(out_of_order + "\n" == lines(b, 321, 322));
  CHECK(a.claim(0).id == "42-1");
}

TEST_CASE("generate: every claim of 2024-07 prices under r06 and under r04 forced (PricingOptions::revision)") {
  const ClaimGenerator g(real_library(), options("2024-07", 1));
  PricingOptions r04_forced;
  r04_forced.revision = "r04";
  r04_forced.copay = false;
  r04_forced.explain = false;
  PricingOptions own;
  own.copay = false;
  own.explain = false;
  std::int64_t visits = 0, public_expenses = 0, children = 0, elderly = 0;
  std::set<std::uint8_t> categories;
  // 在宅医療, 手術 and 麻酔 claims, and the time additions santei adds to 処置 (加算2, J 通則5ロ), 手術
  // (加算2, K 通則12ロ: a clinic has no 届出) and 麻酔 (L 通則3) at visits outside hours.
  std::int64_t home_care = 0, home_oxygen = 0, surgery = 0, anesthesia = 0, treatment_time = 0, surgery_time = 0, anesthesia_time = 0;
  const auto automatic = [](const PricedClaim& priced, std::initializer_list<Code> codes) {
    for (const PricedLine& line : priced.lines) {
      for (const LineItem& item : line.items) {
        if (item.automatic && std::find(codes.begin(), codes.end(), item.code) != codes.end()) return true;
      }
    }
    return false;
  };
  const auto errors = [](const PricedClaim& priced) {
    return std::count_if(priced.diagnostics.begin(), priced.diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
  };
  for (std::uint64_t i = 0; i < 1500; ++i) {
    const Claim claim = g.claim(i);
    INFO("claim ", claim.id, ": ", claim_json(claim));
    // What the writer writes, the reader reads back to the same claim.
    CHECK(claim_json(parse_claim(claim_json(claim))) == claim_json(claim));
    PricedClaim r06_priced;
    REQUIRE_NOTHROW(r06_priced = price(claim, real_library(), own));
    CHECK(r06_priced.revision == "r06");
    // Every generated visit is a 初診 or 再診, or a 訪問診療 (C001 888 or 213): at least 再診料's 75点
    // (A001) a visit day.
    CHECK(r06_priced.visit_days == static_cast<std::int32_t>(claim.visits.size()));
    CHECK(r06_priced.total.value >= 75 * r06_priced.visit_days);
    PricedClaim r04_priced;
    REQUIRE_NOTHROW(r04_priced = price(claim, real_library(), r04_forced));
    CHECK(r04_priced.revision == "r04");
    std::set<std::uint8_t> own;
    for (const Visit& v : claim.visits) {
      CHECK(claim.month.contains(v.date));
      for (const Order& o : v.orders) own.insert(o.category);
    }
    categories.insert(own.begin(), own.end());
    if (own.count(14) + own.count(50) + own.count(54) > 0) {
      CHECK(errors(r06_priced) == 0);
      CHECK(errors(r04_priced) == 0);
    }
    home_care += own.count(14);
    home_oxygen += uses(claim, 114003710) ? 1 : 0;  // C103 2 在宅酸素療法指導管理料
    surgery += own.count(50);
    anesthesia += own.count(54);
    treatment_time += automatic(r06_priced, {140000190, 140000290, 140000390}) ? 1 : 0;
    surgery_time += automatic(r06_priced, {150000490, 150000590, 150000690}) ? 1 : 0;
    anesthesia_time += automatic(r06_priced, {150231790, 150231890, 150231990}) ? 1 : 0;
    visits += static_cast<std::int64_t>(claim.visits.size());
    public_expenses += claim.public_expenses.empty() ? 0 : 1;
    const int age = age_in_years(claim.patient.birth_date, claim.month.first_day());
    // Nobody reaches 70 or 75 inside the month (the insurance changes there; the receipt would split).
    const int age_at_end = age_in_years(claim.patient.birth_date, claim.month.last_day());
    CHECK_FALSE((age_at_end != age && (age_at_end == 70 || age_at_end == 75)));
    CHECK((age_at_end >= 75) == (claim.insurance.kind == InsuranceKind::elderly));
    children += age < 6 ? 1 : 0;
    elderly += age >= 75 ? 1 : 0;
  }
  // A clinic month: several visits on average, some 公費, infants and the very old, and the
  // categories of 初診/再診, 医学管理, 投薬, 注射, 処置, 検査, 画像 and その他.
  CHECK(visits > 1500);
  CHECK(public_expenses > 30);
  // Two claims of this month and seed, priced by hand from the 告示: claim 1-30 (a 12-year-old's
  // 初診 with a 処方箋) is 初診料 A000 291 + 処方箋料 F400 3 60 = 351点 under r06, and r04's 288 + 68
  // = 356点; claim 1-119 (a 再診 with 外来管理加算) is A001 75 + 注8 52 = 127点, r04 73 + 52 = 125点.
  CHECK(price(g.claim(29), real_library(), own).total == Points{351});
  CHECK(price(g.claim(29), real_library(), r04_forced).total == Points{356});
  CHECK(price(g.claim(118), real_library(), own).total == Points{127});
  CHECK(price(g.claim(118), real_library(), r04_forced).total == Points{125});
  // Claim 1-990, a 初診 on Sunday 2024-07-07 with a wound sutured: 初診料 291 + 休日加算 250 (A000 注7)
  // + 処方箋料 60 + 一般名処方加算2 8 + 創傷処理 K000 2 530 with 休日加算2 (K 通則12ロ, a clinic without
  // 届出) 530 × 80/100 = 424 → 954: 1,563点; r04 288 + 250 + 68 + 5 + 954 = 1,565点. Claim 1-598, a
  // 訪問診療 day (C001 1 イ 888) and a 再診 (75 + 明細書発行体制等加算 1 + 処方箋料 60 + 外来管理加算 52):
  // 1,076点; r04 888 + 73 + 1 + 68 + 52 = 1,082点.
  CHECK(price(g.claim(989), real_library(), own).total == Points{1563});
  CHECK(price(g.claim(989), real_library(), r04_forced).total == Points{1565});
  CHECK(price(g.claim(597), real_library(), own).total == Points{1076});
  CHECK(price(g.claim(597), real_library(), r04_forced).total == Points{1082});
  CHECK(children > 30);
  CHECK(elderly > 150);
  MESSAGE("在宅 ", home_care, ", 手術 ", surgery, ", 麻酔 ", anesthesia, "; time additions: 処置 ", treatment_time,
          ", 手術 ", surgery_time, ", 麻酔 ", anesthesia_time);
  CHECK(home_care >= 10);
  CHECK(home_oxygen >= 1);
  CHECK(surgery >= 10);
  CHECK(anesthesia >= 3);
  CHECK(surgery_time == surgery);  // every generated 手術 is at a visit outside hours
  CHECK(anesthesia_time == anesthesia);
  CHECK(treatment_time >= 1);
  for (const std::uint8_t c : {11, 12, 13, 14, 21, 23, 24, 25, 27, 31, 33, 40, 50, 54, 60, 70, 80}) {
    INFO("category ", int(c));
    CHECK(categories.count(c) == 1);
  }
}

TEST_CASE("generate: drugs come from the y master with real prices; r06-only codes only when r04 need not price them") {
  const ClaimGenerator both(real_library(), options("2024-07", 5));
  const ClaimGenerator r06_only(real_library(), options("2024-07", 5, {"r06"}));
  CHECK(both.catalog().oral_drugs > 1000);
  CHECK(both.catalog().external_drugs > 50);
  CHECK(both.catalog().injection_drugs > 100);
  CHECK(both.catalog().materials == 1);
  // 外来・在宅ベースアップ評価料(I) 再診時 (180725810) and 医療情報取得加算3 (112708870) are new in
  // r06 (2024-06-01): left out when r04 must price the claims too.
  CHECK_FALSE(both.catalog().notes.empty());
  bool base_up_both = false, base_up_r06 = false;
  for (std::uint64_t i = 0; i < 400; ++i) {
    base_up_both = base_up_both || uses(both.claim(i), 180725810);
    base_up_r06 = base_up_r06 || uses(r06_only.claim(i), 180725810);
  }
  CHECK_FALSE(base_up_both);
  CHECK(base_up_r06);
  // A drug of a generated claim is in force with its price on the visit date.
  const Claim claim = both.claim(3);
  for (const Visit& v : claim.visits) {
    for (const Order& o : v.orders) {
      if (o.category != 21 && o.category != 23) continue;
      for (const ClaimItem& i : o.items) {
        const DrugRecord* drug = r06().drug(i.code, v.date);
        REQUIRE(drug != nullptr);
        CHECK(Decimal(5) <= drug->price);
      }
    }
  }
}

TEST_CASE("generate: a month no revision prices, or an unknown target revision, is a clear error") {
  CHECK_THROWS_AS(ClaimGenerator(real_library(), options("2019-07", 1)), Exception);
  CHECK_THROWS_AS(ClaimGenerator(real_library(), options("2024-07", 1, {"r02"})), Exception);
}

TEST_CASE("generate: claims of 2024-05 (r04 period) price under r04 and under r06 forced") {
  const ClaimGenerator g(real_library(), options("2024-05", 9));
  PricingOptions r06_forced;
  r06_forced.revision = "r06";
  r06_forced.copay = false;
  for (std::uint64_t i = 0; i < 300; ++i) {
    const Claim claim = g.claim(i);
    INFO(claim_json(claim));
    CHECK(price(claim, real_library(), {.copay = false}).revision == "r04");
    CHECK(price(claim, real_library(), r06_forced).revision == "r06");
  }
  // Priced by hand from the 告示 of each revision: claim 9-39 (再診料 A001, 明細書発行体制等加算 注11,
  // 処方箋料 F400 3) is 73 + 1 + 68 = 142点 under r04 and 75 + 1 + 60 = 136点 forced under r06; claim
  // 9-33 (初診料 A000, F400 3 with 一般名処方加算１ 注7イ / 注6イ) 288 + 68 + 7 = 363点, r06 291 + 60 + 10 = 361点.
  CHECK(price(g.claim(38), real_library(), {.copay = false}).total == Points{142});
  CHECK(price(g.claim(38), real_library(), r06_forced).total == Points{136});
  CHECK(price(g.claim(32), real_library(), {.copay = false}).total == Points{363});
  CHECK(price(g.claim(32), real_library(), r06_forced).total == Points{361});
}

}  // namespace santei::test

namespace santei::test {

TEST_CASE("generate: claim_json writes back every field parse_claim reads (santei.claim/1)") {
  const std::string full =
      R"({"format":"santei.claim/1","id":"full-1","month":"2024-07","setting":"inpatient",)"
      R"("facility":{"kind":"hospital","beds":120,"general_beds":100,"standards":[3522,4035]},)"
      R"("patient":{"birth_date":"1950-02-03","sex":"female"},)"
      R"("insurance":{"kind":"national","rate":"0.3","income_bracket":"ウ","many_times":true,"special_disease_cap":10000,"meal_long_stay":true},)"
      R"("public_expenses":[{"law":"54","payer_number":"54136015","recipient_number":"1234566","rate":"0.2","income_bracket":"ウ","tier":"一般所得Ⅰ","long_term":true,"ventilator":true},)"
      R"({"law":"88","per_visit_yen":200,"max_charged_days":4,"paid_this_month_yen":400,"rounding":"exact","meals":"covered"}],)"
      R"("visits":[{"date":"2024-07-02","time":"after_hours","orders":[{"category":"40","days":2,"count":3,"burden":"1","items":[{"code":"140000610","quantity":"1.5","unit_price":"12.5","text":"右膝"}]}]}],)"
      R"("admission":{"admitted":"2024-06-20","discharged":"2024-07-10","away_days":["2024-07-05"],"ward":"一般","bill_dates":["2024-07-10"]}})";
  const std::string written = claim_json(parse_claim(full));
  CHECK(written == full);
  CHECK(claim_json(parse_claim(written)) == written);
}

}  // namespace santei::test
