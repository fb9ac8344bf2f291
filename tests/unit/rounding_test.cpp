// Every rounding rule of santei/rounding.hpp, pinned by edge tables on both sides of each
// boundary (0.5, 15円, 5円, 50銭) and by the worked examples of ../shared/docs/fee-rules.md
// (3.2 薬剤料, E17 材料, E18 酸素, quick reference) and copayment.md (2.2 round10, 3.1 1% part).
#include <doctest/doctest.h>

#include "santei/result.hpp"
#include "santei/rounding.hpp"

using namespace santei;
namespace r = santei::rounding;

namespace {

Decimal dec(const char* text) {
  const auto value = Decimal::parse(text);
  REQUIRE_MESSAGE(value.has_value(), text);
  return *value;
}

struct Case {
  const char* in;
  std::int64_t out;
};

}  // namespace

TEST_CASE("rounding: half_up (四捨五入) — .5 goes up, away from zero on negatives") {
  const Case cases[] = {
      {"0", 0},      {"0.4", 0},   {"0.49", 0},   {"0.499999999999", 0}, {"0.5", 1},   {"0.500000000001", 1},
      {"0.51", 1},   {"2.4", 2},   {"2.5", 3},    {"2.6", 3},            {"3", 3},     {"32.8", 33},
      {"123.5", 124}, {"327.6", 328}, {"-0.4", 0}, {"-0.5", -1},          {"-2.5", -3}, {"-2.49", -2},
      {"-2.51", -3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(r::half_up(dec(c.in)) == c.out);
  }
}

TEST_CASE("rounding: half_down (五捨五超入) — exactly .5 goes down, anything above goes up") {
  const Case cases[] = {
      {"0", 0},    {"0.5", 0},     {"0.500000000001", 1}, {"0.51", 1},   {"2.49", 2},   {"2.5", 2},
      {"2.51", 3}, {"3.5", 3},     {"10.52", 11},         {"8.5", 8},    {"-2.5", -2},  {"-2.51", -3},
      {"-0.5", 0}, {"-0.49", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(r::half_down(dec(c.in)) == c.out);
  }
}

TEST_CASE("rounding: 薬剤料 投薬・注射 (F200, G100) — 15円 or less 1点, then 1点 per 10円 or part") {
  const Case cases[] = {
      {"0", 1},       {"0.01", 1},   {"14.99", 1},  {"15", 1},     {"15.01", 2},   {"25", 2},
      {"25.01", 3},   {"34.99", 3},  {"35", 3},     {"35.01", 4},  {"85", 8},      {"105.2", 11},
      {"187", 19},    {"1235", 123}, {"1235.01", 124},
      // at the finest scale a Decimal keeps (10^-12): a trillionth of a yen over a step is a point
      {"15.000000000001", 2}, {"25.000000000000", 2}, {"25.000000000001", 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(r::drug_points_dispensed(dec(c.in)) == Points{c.out});
  }
}

TEST_CASE("rounding: 薬剤料 F200 equals 五捨五超入 of yen/10 above 5円, for every hundredth of a yen up to 300円") {
  // fee-rules.md 3.2: 1 + ⌈(p − 15)/10⌉ = ⌈(p − 5)/10⌉ = half_down(p/10) for p > 5.
  for (std::int64_t hundredths = 501; hundredths <= 30000; ++hundredths) {
    const Decimal yen = Decimal::from_parts(hundredths, 2);
    CAPTURE(yen.to_string());
    REQUIRE(r::drug_points_dispensed(yen) == Points{r::half_down(yen.shifted_right(1))});
  }
}

TEST_CASE("rounding: 薬剤料 inside 処置・検査 etc. (J300, D500 …) — 15円 or less is not billable (0点)") {
  const Case cases[] = {
      {"0", 0},   {"14.99", 0}, {"15", 0}, {"15.01", 2}, {"25", 2}, {"25.01", 3}, {"35", 3}, {"1235", 123},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(r::drug_points_in_procedure(dec(c.in)) == Points{c.out});
  }
}

TEST_CASE("rounding: 特定保険医療材料 (C300, J400, K950) — price ÷ 10円, 四捨五入; 35円 → 4 where a 35円 drug → 3") {
  const Case per_ten[] = {
      {"0", 0},     {"4.99", 0},   {"5", 1},      {"34.99", 3},  {"35", 4},    {"35.01", 4}, {"44.99", 4},
      {"45", 5},    {"120", 12},   {"233", 23},   {"561", 56},   {"328", 33},  {"1234.99", 123},
      {"1235", 124},
  };
  for (const Case& c : per_ten) {
    CAPTURE(c.in);
    CHECK(r::material_points(dec(c.in)) == Points{c.out});
  }
  // 特定器材種別 3 (÷50円) and 4 (÷1,000円).
  CHECK(r::material_points(dec("24.99"), 50) == Points{0});
  CHECK(r::material_points(dec("25"), 50) == Points{1});
  CHECK(r::material_points(dec("74.99"), 50) == Points{1});
  CHECK(r::material_points(dec("75"), 50) == Points{2});
  CHECK(r::material_points(dec("499.99"), 1000) == Points{0});
  CHECK(r::material_points(dec("500"), 1000) == Points{1});
  CHECK(r::material_points(dec("1500"), 1000) == Points{2});
  CHECK(r::drug_points_dispensed(dec("35")) == Points{3});
}

TEST_CASE("rounding: material_points rejects a divisor of 0 or below and a negative price") {
  for (int divisor : {0, -10}) {
    try {
      (void)r::material_points(dec("100"), divisor);
      FAIL("accepted divisor ", divisor);
    } catch (const Exception& e) {
      CHECK(e.status() == Status::invalid_argument);
    }
  }
  CHECK_THROWS_AS((void)r::material_points(dec("-0.01")), Exception);
}

TEST_CASE("rounding: 酸素 (通知 J201) — yen 四捨五入 first, then ÷10 四捨五入: 0.42 × 600 × 1.3 = 327.6 → 328円 → 33点") {
  const Decimal yen = r::oxygen_yen(dec("0.42"), Decimal(600), dec("1.3"));
  CHECK(yen == Decimal(328));
  CHECK(r::material_points(yen) == Points{33});
  // 0.5円 on both sides: 0.19 × 50 = 9.5 → 10; 0.19 × 49 = 9.31 → 9; 0.42 × 10 × 1.3 = 5.46 → 5.
  CHECK(r::oxygen_yen(dec("0.19"), Decimal(50), Decimal(1)) == Decimal(10));
  CHECK(r::oxygen_yen(dec("0.19"), Decimal(49), Decimal(1)) == Decimal(9));
  CHECK(r::oxygen_yen(dec("0.42"), Decimal(10), dec("1.3")) == Decimal(5));
  // Rounding the yen first matters: 24.7円 → 25円 → 2.5 → 3点 (24.7 ÷ 10 directly would give 2).
  const Decimal ce = r::oxygen_yen(dec("0.19"), Decimal(100), dec("1.3"));
  CHECK(ce == Decimal(25));
  CHECK(r::material_points(ce) == Points{3});
  CHECK(r::material_points(dec("24.7")) == Points{2});
}

TEST_CASE("rounding: 一部負担金 10円未満四捨五入 (健康保険法 第75条) — 3,702 → 3,700; 3,705 → 3,710; 1,237 → 1,240") {
  const Case cases[] = {
      {"0", 0},       {"4", 0},       {"5", 10},      {"9", 10},       {"10", 10},    {"14", 10},
      {"15", 20},     {"3702", 3700}, {"3704", 3700}, {"3705", 3710},  {"3706", 3710}, {"1237", 1240},
      {"12345", 12350},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(r::copay_round10(Yen{dec(c.in).trunc()}) == Yen{c.out});
  }
  // A refund rounds symmetrically.
  CHECK(r::copay_round10(Yen{-4}) == Yen{0});
  CHECK(r::copay_round10(Yen{-5}) == Yen{-10});
  CHECK(r::copay_round10(Yen{-3705}) == Yen{-3710});
}

TEST_CASE("rounding: 1% part of a 高額療養費 limit (施行令 第42条) — under 50銭 cut, 50銭 and above to 1円") {
  const Case cases[] = {
      {"0", 0},     {"49", 0},      {"50", 1},      {"149", 1},      {"150", 2},  {"151", 2},
      {"57000", 570}, {"150600", 1506}, {"733000", 7330}, {"733049", 7330}, {"733050", 7331},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(r::one_percent_part(Yen{dec(c.in).trunc()}) == Yen{c.out});
  }
  // Below the threshold the 1% part is 0, never negative.
  CHECK(r::one_percent_part(Yen{-100}) == Yen{0});
  // copayment.md 5: 80,100 + (1,000,000 − 267,000) × 1% = 87,430; 252,600 + (992,600 − 842,000) × 1% = 254,106.
  CHECK(Yen{80100} + r::one_percent_part(Yen{1000000 - 267000}) == Yen{87430});
  CHECK(Yen{252600} + r::one_percent_part(Yen{992600 - 842000}) == Yen{254106});
}

TEST_CASE("rounding: percent_of_half_up — 5% to the yen with the 50銭 rule (結核 適正医療)") {
  CHECK(r::percent_of_half_up(Yen{1189}, 5) == Yen{59});  // 59.45
  CHECK(r::percent_of_half_up(Yen{1190}, 5) == Yen{60});  // 59.5
  CHECK(r::percent_of_half_up(Yen{1209}, 5) == Yen{60});  // 60.45
  CHECK(r::percent_of_half_up(Yen{1210}, 5) == Yen{61});  // 60.5
  CHECK(r::percent_of_half_up(Yen{1230}, 5) == Yen{62});  // 61.5
  CHECK(r::percent_of_half_up(Yen{0}, 5) == Yen{0});
  CHECK(r::percent_of_half_up(Yen{12340}, 30) == Yen{3702});
  CHECK(r::percent_of_half_up(Yen{12345}, 100) == Yen{12345});
  CHECK_THROWS_AS((void)r::percent_of_half_up(Yen{-1}, 5), Exception);
  CHECK_THROWS_AS((void)r::percent_of_half_up(Yen{100}, -5), Exception);
}
