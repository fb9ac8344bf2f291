// santei/money.hpp — exact numbers: Decimal, Points (点数) and Yen (円).
//
// No binary floating point is used anywhere for points or yen. Master prices such as 10.10円,
// claim quantities such as "0.5" and percentages are Decimal: an integer mantissa with a decimal
// scale. Points and Yen are distinct integer types: adding points to yen does not compile.
// Conversions between them are explicit (1点 = 10円, 通知 通則1).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "santei/config.h"

namespace santei {

// An exact decimal number: mantissa × 10^-scale. Arithmetic is exact or throws
// santei::Exception(Status::overflow); it never rounds silently. Value type, thread-safe.
class SANTEI_API Decimal {
 public:
  static constexpr int max_scale = 12;  // finest fraction kept: 10^-12

  constexpr Decimal() = default;
  constexpr Decimal(std::int64_t integer) : mantissa_(integer), scale_(0) {}  // NOLINT: implicit on purpose
  // mantissa × 10^-scale; throws Status::overflow when scale is outside 0..max_scale.
  static Decimal from_parts(std::int64_t mantissa, int scale);
  // Parses plain decimal text: optional '-', digits, optional '.' and digits ("12", "-3.5",
  // "0.125"). No exponent, no spaces, at most max_scale decimals and 18 significant digits.
  // Returns nullopt for anything else.
  static std::optional<Decimal> parse(std::string_view text) noexcept;

  constexpr std::int64_t mantissa() const noexcept { return mantissa_; }
  constexpr int scale() const noexcept { return scale_; }
  constexpr bool is_zero() const noexcept { return mantissa_ == 0; }
  constexpr bool is_negative() const noexcept { return mantissa_ < 0; }
  bool is_integer() const noexcept;
  // Canonical text: no trailing zeros after the point ("10.1", "3", "-0.5").
  std::string to_string() const;
  // The same text written at `out`, which has room for max_chars; returns its end. No allocation.
  static constexpr std::size_t max_chars = 24;  // '-', 19 digits, '.' and a leading "0" at most
  char* to_chars(char* out) const;
  // Text with exactly `decimals` decimals (pads with zeros; throws if that would cut digits).
  std::string to_string_fixed(int decimals) const;

  // The integer part towards minus infinity / plus infinity / zero.
  std::int64_t floor() const;
  std::int64_t ceil() const;
  std::int64_t trunc() const;

  // A sum of equal scales that fits 64 bits inline (most sums of points and yen); the rest out of line.
  friend Decimal operator+(Decimal a, Decimal b) {
#if defined(__GNUC__) || defined(__clang__)
    std::int64_t sum = 0;
    if (a.scale_ == b.scale_ && !__builtin_add_overflow(a.mantissa_, b.mantissa_, &sum)) return Decimal(sum, a.scale_, 0);
#endif
    return add(a, b);
  }
  friend Decimal operator-(Decimal a, Decimal b) {
#if defined(__GNUC__) || defined(__clang__)
    std::int64_t difference = 0;
    if (a.scale_ == b.scale_ && !__builtin_sub_overflow(a.mantissa_, b.mantissa_, &difference)) {
      return Decimal(difference, a.scale_, 0);
    }
#endif
    return a + (-b);
  }
  friend SANTEI_API Decimal operator*(Decimal a, Decimal b);
  Decimal operator-() const;
  Decimal& operator+=(Decimal other) { return *this = *this + other; }
  Decimal& operator-=(Decimal other) { return *this = *this - other; }
  Decimal& operator*=(Decimal other) { return *this = *this * other; }
  // Exact division by a power of ten (percentages: x / 100).
  Decimal shifted_right(int decimal_places) const;

  friend SANTEI_API std::strong_ordering operator<=>(Decimal a, Decimal b);
  friend SANTEI_API bool operator==(Decimal a, Decimal b);

 private:
  constexpr Decimal(std::int64_t mantissa, std::uint8_t scale, int /*tag*/)
      : mantissa_(mantissa), scale_(scale) {}
  static Decimal add(Decimal a, Decimal b);  // exact, any scales; throws on overflow
  std::int64_t mantissa_ = 0;
  std::uint8_t scale_ = 0;
};

// ⌈a / b⌉ for b > 0, exactly (きざみ steps, 10円 steps of 薬剤料). Throws on b <= 0.
SANTEI_API std::int64_t ceil_ratio(Decimal a, Decimal b);
// ⌊a / b⌋ for b > 0, exactly.
SANTEI_API std::int64_t floor_ratio(Decimal a, Decimal b);

// 点数: integer points. The unit of every receipt line and total.
struct Points {
  std::int64_t value = 0;

  constexpr Points() = default;
  constexpr explicit Points(std::int64_t v) : value(v) {}
  friend constexpr Points operator+(Points a, Points b) { return Points{a.value + b.value}; }
  friend constexpr Points operator-(Points a, Points b) { return Points{a.value - b.value}; }
  constexpr Points operator-() const { return Points{-value}; }
  friend constexpr Points operator*(Points a, std::int64_t times) { return Points{a.value * times}; }
  friend constexpr Points operator*(std::int64_t times, Points a) { return Points{a.value * times}; }
  constexpr Points& operator+=(Points other) { value += other.value; return *this; }
  constexpr Points& operator-=(Points other) { value -= other.value; return *this; }
  friend constexpr auto operator<=>(Points, Points) = default;
};

// 円: integer yen. Window charges, shares and limits are whole yen.
struct Yen {
  std::int64_t value = 0;

  constexpr Yen() = default;
  constexpr explicit Yen(std::int64_t v) : value(v) {}
  friend constexpr Yen operator+(Yen a, Yen b) { return Yen{a.value + b.value}; }
  friend constexpr Yen operator-(Yen a, Yen b) { return Yen{a.value - b.value}; }
  constexpr Yen operator-() const { return Yen{-value}; }
  friend constexpr Yen operator*(Yen a, std::int64_t times) { return Yen{a.value * times}; }
  friend constexpr Yen operator*(std::int64_t times, Yen a) { return Yen{a.value * times}; }
  constexpr Yen& operator+=(Yen other) { value += other.value; return *this; }
  constexpr Yen& operator-=(Yen other) { value -= other.value; return *this; }
  friend constexpr auto operator<=>(Yen, Yen) = default;
};

// 1点 = 10円 (留意事項通知 通則1; 健康保険法の規定による療養に要する費用の額の算定方法 第1号).
constexpr Yen yen_of(Points points) { return Yen{points.value * 10}; }

}  // namespace santei
