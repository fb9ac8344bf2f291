// Edge-case tables of the copayment rounding rules (rounding.hpp), copayment.md §2.2.
#include <doctest/doctest.h>

#include "santei/result.hpp"
#include "santei/rounding.hpp"

using santei::Decimal;
using santei::Yen;
namespace rounding = santei::rounding;

TEST_CASE("copay_round10: 10円未満四捨五入 (健康保険法 第75条): under 5 cut, 5 and above raised") {
  const struct {
    std::int64_t in, out;
  } table[] = {{0, 0},       {1, 0},       {4, 0},       {5, 10},      {9, 10},      {10, 10},
               {3702, 3700}, {3705, 3710}, {1237, 1240}, {1004, 1000}, {3046, 3050}, {254106, 254110},
               {-4, 0},      {-5, -10}};
  for (const auto& row : table) {
    CAPTURE(row.in);
    CHECK(rounding::copay_round10(Yen{row.in}) == Yen{row.out});
  }
}

TEST_CASE("copay_floor10: 10円未満切り捨て (地方単独 rounding floor10)") {
  const struct {
    std::int64_t in, out;
  } table[] = {{0, 0}, {9, 0}, {10, 10}, {1239, 1230}, {1230, 1230}, {-9, 0}, {-19, -10}};
  for (const auto& row : table) {
    CAPTURE(row.in);
    CHECK(rounding::copay_floor10(Yen{row.in}) == Yen{row.out});
  }
}

TEST_CASE("one_percent_part: 1% of the cost over the threshold, 50銭 rule, never negative (施行令 第42条)") {
  const struct {
    std::int64_t in, out;
  } table[] = {{733000, 7330}, {150600, 1506}, {57000, 570}, {49, 0}, {50, 1}, {149, 1}, {150, 2}, {0, 0}, {-267000, 0}};
  for (const auto& row : table) {
    CAPTURE(row.in);
    CHECK(rounding::one_percent_part(Yen{row.in}) == Yen{row.out});
  }
}

TEST_CASE("percent_of_half_up: 5% of a cost to the yen (結核 10), 10% (配慮措置), 50% (小慢 meals)") {
  CHECK(rounding::percent_of_half_up(Yen{850000}, 5) == Yen{42500});
  CHECK(rounding::percent_of_half_up(Yen{12350}, 5) == Yen{618});  // 617.5 → 618
  CHECK(rounding::percent_of_half_up(Yen{12340}, 5) == Yen{617});
  CHECK(rounding::percent_of_half_up(Yen{10}, 5) == Yen{1});       // 0.5 → 1
  CHECK(rounding::percent_of_half_up(Yen{50000}, 10) == Yen{5000});
  CHECK(rounding::percent_of_half_up(Yen{300}, 50) == Yen{150});
  CHECK_THROWS_AS(rounding::percent_of_half_up(Yen{-1}, 5), santei::Exception);
}

TEST_CASE("share_of_cost: 割合 × 医療費 to the yen, 50銭 and above raised (receipt 1円 figures)") {
  const struct {
    std::int64_t cost;
    const char* rate;
    std::int64_t out;
  } table[] = {
      {12340, "0.3", 3702},  {12350, "0.3", 3705},   {15230, "0.2", 3046},     {15230, "0.3", 4569},
      {12370, "0.1", 1237},  {12350, "0.05", 618},   {12340, "0.05", 617},     {10, "0.05", 1},
      {10, "0.04", 0},       {0, "0.3", 0},          {12345, "1", 12345},      {12345, "0", 0},
      {5, "0.1", 1},         {4, "0.1", 0},          {1000000, "0.125", 125000}, {9999999999, "0.333333333333", 3333333333},
  };
  for (const auto& row : table) {
    CAPTURE(row.cost);
    CAPTURE(row.rate);
    CHECK(rounding::share_of_cost(Yen{row.cost}, *Decimal::parse(row.rate)) == Yen{row.out});
  }
  CHECK_THROWS_AS(rounding::share_of_cost(Yen{-10}, Decimal(0)), santei::Exception);
  CHECK_THROWS_AS(rounding::share_of_cost(Yen{10}, *Decimal::parse("1.1")), santei::Exception);
  CHECK_THROWS_AS(rounding::share_of_cost(Yen{10}, *Decimal::parse("-0.1")), santei::Exception);
}
