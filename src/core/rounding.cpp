#include "santei/rounding.hpp"

#include <iterator>

#include "santei/result.hpp"

namespace santei::rounding {
namespace {

// value = q + r/10^s with |r| < 10^s; compares |r| / 10^s with one half in integers.
struct Split {
  std::int64_t truncated;
  std::strong_ordering fraction_vs_half;
  bool negative;
};

// 10^s for the scales a Decimal may have (0 … Decimal::max_scale).
constexpr std::int64_t kPow10[] = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000,
                                   1'000'000'000, 10'000'000'000, 100'000'000'000, 1'000'000'000'000};
static_assert(std::size(kPow10) == Decimal::max_scale + 1);

Split split(Decimal value) {
  const std::int64_t unit = kPow10[value.scale()];
  const std::int64_t truncated = value.mantissa() / unit;
  const std::int64_t remainder = value.mantissa() % unit;
  const std::int64_t twice = 2 * (remainder < 0 ? -remainder : remainder);  // |r| < 10^12: no overflow
  return {truncated, twice <=> unit, value.is_negative()};
}

// 1 + ⌈(yen − 15) / 10⌉ for yen above 15円, in the yen's own scale: with m × 10^-s yen, 15円 and
// 10円 are 15 × 10^s and 10 × 10^s (at most 1.5 × 10^13), and m − 15 × 10^s > 0 cannot overflow.
std::int64_t points_above_fifteen_yen(Decimal yen) {
  const std::int64_t unit = kPow10[yen.scale()];
  const std::int64_t over = yen.mantissa() - 15 * unit;
  const std::int64_t step = 10 * unit;
  return 1 + over / step + (over % step != 0 ? 1 : 0);
}

}  // namespace

std::int64_t half_up(Decimal value) {
  if (value.scale() == 0) return value.mantissa();  // most sums of points and yen: nothing to round
  const Split s = split(value);
  if (s.fraction_vs_half < 0) return s.truncated;
  return s.negative ? s.truncated - 1 : s.truncated + 1;
}

Points dpc_month_points(Decimal total) { return Points{half_up(total)}; }

std::int64_t half_down(Decimal value) {
  if (value.scale() == 0) return value.mantissa();
  const Split s = split(value);
  if (s.fraction_vs_half <= 0) return s.truncated;
  return s.negative ? s.truncated - 1 : s.truncated + 1;
}

Points drug_points_dispensed(Decimal yen) {
  if (yen.mantissa() <= 15 * kPow10[yen.scale()]) return Points{1};
  return Points{points_above_fifteen_yen(yen)};
}

Points drug_points_in_procedure(Decimal yen) {
  if (yen.mantissa() <= 15 * kPow10[yen.scale()]) return Points{0};
  return Points{points_above_fifteen_yen(yen)};
}

Points material_points(Decimal yen, int divisor) {
  if (divisor <= 0) throw Exception(Status::invalid_argument, "material divisor must be positive");
  if (yen.is_negative()) throw Exception(Status::invalid_argument, "material price is negative");
  // round(yen / d) half up = ⌊(2·yen + d) / 2d⌋ for yen ≥ 0, exactly.
  return Points{floor_ratio(yen * Decimal(2) + Decimal(divisor), Decimal(2 * divisor))};
}

Decimal oxygen_yen(Decimal unit_price, Decimal litres, Decimal correction) {
  return Decimal(half_up(unit_price * litres * correction));
}

Yen copay_round10(Yen amount) {
  if (amount.value < 0) return -copay_round10(-amount);
  return Yen{(amount.value + 5) / 10 * 10};
}

Yen one_percent_part(Yen base) {
  if (base.value <= 0) return Yen{0};
  return Yen{(base.value + 50) / 100};
}

Yen percent_of_half_up(Yen base, int percent) {
  if (base.value < 0 || percent < 0) {
    throw Exception(Status::invalid_argument, "percent_of_half_up takes non-negative amounts");
  }
  return Yen{(base.value * percent + 50) / 100};
}

Yen share_of_cost(Yen cost, Decimal rate) {
  if (cost.value < 0 || rate.is_negative() || Decimal(1) < rate) {
    throw Exception(Status::invalid_argument, "share_of_cost takes a non-negative cost and a rate in 0–1");
  }
  // cost × m / 10^s, half up: ⌊(2·cost·m + 10^s) / (2·10^s)⌋; in 64 bits when it fits (rates such
  // as 0.3 and costs below 10^12), else in 128 bits.
  if (rate.scale() <= 6 && rate.mantissa() <= 1'000'000 && cost.value < 1'000'000'000'000) {
    const std::int64_t denominator = kPow10[rate.scale()];
    return Yen{(2 * cost.value * rate.mantissa() + denominator) / (2 * denominator)};
  }
  __extension__ typedef __int128 wide;
  wide denominator = 1;
  for (int i = 0; i < rate.scale(); ++i) denominator *= 10;
  const wide twice = static_cast<wide>(cost.value) * rate.mantissa() * 2;
  return Yen{static_cast<std::int64_t>((twice + denominator) / (2 * denominator))};
}

Yen copay_floor10(Yen amount) {
  if (amount.value < 0) return -copay_floor10(-amount);
  return Yen{amount.value / 10 * 10};
}

}  // namespace santei::rounding
