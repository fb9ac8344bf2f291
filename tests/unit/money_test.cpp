#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <limits>
#include <string_view>

#include "santei/money.hpp"
#include "santei/result.hpp"

using santei::Decimal;

TEST_CASE("Decimal parses exact text and rejects anything else") {
  CHECK(Decimal::parse("10.10")->to_string() == "10.1");
  CHECK(Decimal::parse("291.00")->to_string() == "291");
  CHECK(Decimal::parse("-0.5")->to_string() == "-0.5");
  CHECK(Decimal::parse("0.125")->to_string_fixed(4) == "0.1250");
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "1.2.3", " 1", "0x10", "1,000", "+1", "1.0000000000001"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::parse(bad).has_value());
  }
  CHECK_FALSE(Decimal::parse("1234567890123456789").has_value());  // 19 significant digits
}

TEST_CASE("Decimal arithmetic is exact: 0.1 + 0.2 == 0.3, 10.10 × 3 == 30.30") {
  CHECK(*Decimal::parse("0.1") + *Decimal::parse("0.2") == *Decimal::parse("0.3"));
  CHECK(*Decimal::parse("10.10") * Decimal(3) == *Decimal::parse("30.3"));
  CHECK(*Decimal::parse("0.42") * Decimal(600) * *Decimal::parse("1.3") == *Decimal::parse("327.6"));
  CHECK(Decimal(7) - *Decimal::parse("0.25") == *Decimal::parse("6.75"));
  CHECK(*Decimal::parse("42.5") > Decimal(42));
  CHECK(Decimal(291).shifted_right(2) == *Decimal::parse("2.91"));
}

TEST_CASE("Decimal floor, ceil and ratios on both signs") {
  CHECK(Decimal::parse("2.5")->floor() == 2);
  CHECK(Decimal::parse("2.5")->ceil() == 3);
  CHECK(Decimal::parse("-2.5")->floor() == -3);
  CHECK(Decimal::parse("-2.5")->ceil() == -2);
  CHECK(santei::ceil_ratio(Decimal(65), Decimal(30)) == 3);
  CHECK(santei::ceil_ratio(Decimal(60), Decimal(30)) == 2);
  CHECK(santei::ceil_ratio(*Decimal::parse("39.6"), Decimal(10)) == 4);
  CHECK(santei::floor_ratio(Decimal(-1), Decimal(10)) == -1);
  CHECK_THROWS_AS(santei::ceil_ratio(Decimal(1), Decimal(0)), santei::Exception);
}

TEST_CASE("Decimal overflow is reported, never wrapped") {
  const Decimal big = *Decimal::parse("900000000000000000");
  CHECK_THROWS_AS(big * Decimal(100), santei::Exception);
  CHECK_THROWS_AS(big + big + big + big + big + big + big + big + big + big + big, santei::Exception);
  try {
    (void)(big * big);
    FAIL("no overflow");
  } catch (const santei::Exception& e) {
    CHECK(e.status() == santei::Status::overflow);
  }
}

TEST_CASE("Points and Yen are distinct types; 1点 = 10円") {
  static_assert(!std::is_convertible_v<santei::Points, santei::Yen>);
  static_assert(!std::is_convertible_v<santei::Yen, santei::Points>);
  CHECK(santei::yen_of(santei::Points{291}) == santei::Yen{2910});
  CHECK((santei::Points{291} + santei::Points{85}).value == 376);
}

TEST_CASE("Decimal sums and ratios past 64 bits fall back to the exact wide path") {
  // Equal scales whose mantissas overflow: the sum is exact at a coarser scale.
  const Decimal nine = Decimal::from_parts(9'000'000'000'000'000'000, 1);  // 900000000000000000.0
  CHECK(nine + nine == Decimal(1'800'000'000'000'000'000));
  CHECK(-nine - nine == Decimal(-1'800'000'000'000'000'000));
  CHECK(Decimal(5) - Decimal(8) == Decimal(-3));
  CHECK(*Decimal::parse("0.25") - *Decimal::parse("0.75") == *Decimal::parse("-0.5"));
  CHECK_THROWS_AS(Decimal(INT64_MAX) + Decimal(1), santei::Exception);
  CHECK_THROWS_AS(Decimal(INT64_MIN) - Decimal(1), santei::Exception);
  // Ratios on both signs and at mixed scales, in 64 bits.
  CHECK(santei::ceil_ratio(Decimal(-65), Decimal(30)) == -2);
  CHECK(santei::floor_ratio(Decimal(-65), Decimal(30)) == -3);
  CHECK(santei::floor_ratio(Decimal(65), Decimal(30)) == 2);
  CHECK(santei::ceil_ratio(*Decimal::parse("0.5"), *Decimal::parse("0.25")) == 2);
  CHECK(santei::ceil_ratio(*Decimal::parse("0.5"), *Decimal::parse("0.3")) == 2);
  CHECK(santei::floor_ratio(*Decimal::parse("-0.5"), *Decimal::parse("0.3")) == -2);
  // Aligning to scale 12 overflows 64 bits; the quotient fits, or is refused.
  const Decimal three = Decimal::from_parts(3'000'000'000'000, 12);  // 3.000000000000
  CHECK(santei::ceil_ratio(Decimal(9'000'000'000'000'000'000), three) == 3'000'000'000'000'000'000);
  CHECK(santei::floor_ratio(Decimal(-9'000'000'000'000'000'001), three) == -3'000'000'000'000'000'001);
  CHECK_THROWS_AS(santei::ceil_ratio(Decimal(9'000'000'000'000'000'000), Decimal::from_parts(1, 12)), santei::Exception);
}

TEST_CASE("a Decimal's canonical text at the 64-bit edges and the finest scale, by to_string and to_chars") {
  struct Case {
    std::int64_t mantissa;
    int scale;
    const char* text;
  };
  const Case cases[] = {{std::numeric_limits<std::int64_t>::min(), 0, "-9223372036854775808"},
                        {std::numeric_limits<std::int64_t>::min(), 12, "-9223372.036854775808"},
                        {std::numeric_limits<std::int64_t>::max(), 12, "9223372.036854775807"},
                        {std::numeric_limits<std::int64_t>::max(), 0, "9223372036854775807"},
                        {1, 12, "0.000000000001"},
                        {-1, 12, "-0.000000000001"},
                        {-10, 1, "-1"},
                        {0, 5, "0"},
                        {1200, 3, "1.2"},
                        {-120, 3, "-0.12"},
                        {291, 0, "291"}};
  for (const Case& c : cases) {
    const Decimal d = Decimal::from_parts(c.mantissa, c.scale);
    CAPTURE(c.text);
    CHECK(d.to_string() == c.text);
    // to_chars writes the same and stays within max_chars: the bytes after it are untouched.
    char buffer[Decimal::max_chars + 8];
    std::fill(std::begin(buffer), std::end(buffer), '#');
    const char* end = d.to_chars(buffer);
    CHECK(std::string_view(buffer, static_cast<std::size_t>(end - buffer)) == c.text);
    CHECK(static_cast<std::size_t>(end - buffer) <= Decimal::max_chars);
    CHECK(std::all_of(buffer + Decimal::max_chars, std::end(buffer), [](char b) { return b == '#'; }));
  }
}
