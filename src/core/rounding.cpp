#include "santei/rounding.hpp"

#include "santei/result.hpp"

namespace santei::rounding {
namespace {

// value = q + r/10^s with |r| < 10^s; compares |r| / 10^s with one half in integers.
struct Split {
  std::int64_t truncated;
  std::strong_ordering fraction_vs_half;
  bool negative;
};

Split split(Decimal value) {
  std::int64_t unit = 1;
  for (int s = 0; s < value.scale(); ++s) unit *= 10;
  const std::int64_t truncated = value.mantissa() / unit;
  const std::int64_t remainder = value.mantissa() % unit;
  const std::int64_t twice = 2 * (remainder < 0 ? -remainder : remainder);  // |r| < 10^12: no overflow
  return {truncated, twice <=> unit, value.is_negative()};
}

const Decimal kFifteenYen = Decimal(15);
const Decimal kTenYen = Decimal(10);

}  // namespace

std::int64_t half_up(Decimal value) {
  const Split s = split(value);
  if (s.fraction_vs_half < 0) return s.truncated;
  return s.negative ? s.truncated - 1 : s.truncated + 1;
}

Points dpc_month_points(Decimal total) { return Points{half_up(total)}; }

std::int64_t half_down(Decimal value) {
  const Split s = split(value);
  if (s.fraction_vs_half <= 0) return s.truncated;
  return s.negative ? s.truncated - 1 : s.truncated + 1;
}

Points drug_points_dispensed(Decimal yen) {
  if (yen <= kFifteenYen) return Points{1};
  return Points{1 + ceil_ratio(yen - kFifteenYen, kTenYen)};
}

Points drug_points_in_procedure(Decimal yen) {
  if (yen <= kFifteenYen) return Points{0};
  return Points{1 + ceil_ratio(yen - kFifteenYen, kTenYen)};
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
  static constexpr std::int64_t kPowers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (rate.scale() <= 6 && rate.mantissa() <= 1'000'000 && cost.value < 1'000'000'000'000) {
    const std::int64_t denominator = kPowers[rate.scale()];
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
