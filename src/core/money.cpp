// Exact decimal arithmetic. Intermediate values use Boost.Multiprecision's overflow-checked
// 128-bit integer, so a product or an aligned sum is exact whenever its result fits the
// 64-bit mantissa and overflow is reported instead of wrapping — portably, including on
// compilers without a native 128-bit type (vendors build santei with MSVC too).
#include "santei/money.hpp"

#include <array>
#include <charconv>
#include <cstdlib>
#include <limits>

#include <boost/multiprecision/cpp_int.hpp>

#include "santei/result.hpp"

namespace santei {
namespace {

using Wide = boost::multiprecision::checked_int128_t;

constexpr std::array<std::int64_t, 19> kPow10 = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL,
    1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
    100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
    1000000000000000000LL};

// Fast paths for the common case where 64 bits suffice; the Wide path handles the rest.
bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t* out) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_add_overflow(a, b, out);
#else
  const Wide sum = Wide(a) + Wide(b);
  if (sum > std::numeric_limits<std::int64_t>::max() || sum < std::numeric_limits<std::int64_t>::min()) return true;
  *out = static_cast<std::int64_t>(sum);
  return false;
#endif
}

bool mul_overflows(std::int64_t a, std::int64_t b, std::int64_t* out) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_mul_overflow(a, b, out);
#else
  const Wide product = Wide(a) * Wide(b);
  if (product > std::numeric_limits<std::int64_t>::max() || product < std::numeric_limits<std::int64_t>::min()) return true;
  *out = static_cast<std::int64_t>(product);
  return false;
#endif
}

[[noreturn]] void overflow(const char* what) {
  throw Exception(Status::overflow, std::string("exact decimal arithmetic overflow: ") + what);
}

Wide scaled(std::int64_t mantissa, int from_scale, int to_scale) {
  Wide value = mantissa;
  for (int s = from_scale; s < to_scale; s += 18) {
    value *= kPow10[static_cast<std::size_t>(std::min(18, to_scale - s))];
  }
  return value;
}

// Narrows mantissa × 10^-scale to a Decimal, dropping trailing zeros if it does not fit.
Decimal narrow(Wide mantissa, int scale, const char* what) {
  const Wide max = std::numeric_limits<std::int64_t>::max();
  const Wide min = std::numeric_limits<std::int64_t>::min();
  while ((scale > Decimal::max_scale || mantissa > max || mantissa < min) && scale > 0 &&
         mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  if (scale > Decimal::max_scale) overflow("more decimal places than santei keeps");
  if (mantissa > max || mantissa < min) overflow(what);
  return Decimal::from_parts(static_cast<std::int64_t>(mantissa), scale);
}

}  // namespace

Decimal Decimal::from_parts(std::int64_t mantissa, int scale) {
  if (scale < 0 || scale > max_scale) overflow("scale out of range");
  return Decimal(mantissa, static_cast<std::uint8_t>(scale), 0);
}

std::optional<Decimal> Decimal::parse(std::string_view text) noexcept {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  std::int64_t mantissa = 0;
  int digits = 0;
  int significant = 0;
  int scale = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point || digits == 0) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++digits;
    if (seen_point && ++scale > max_scale) return std::nullopt;
    if (significant > 0 || c != '0') {
      if (++significant > 18) return std::nullopt;
    }
    mantissa = mantissa * 10 + (c - '0');
  }
  if (digits == 0 || (seen_point && scale == 0)) return std::nullopt;
  // Canonical form: no trailing fractional zeros ("291.00" is 291), so sums of master values stay
  // on the same scale and take the fast paths below.
  while (scale > 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  return Decimal(negative ? -mantissa : mantissa, static_cast<std::uint8_t>(scale), 0);
}

bool Decimal::is_integer() const noexcept { return scale_ == 0 || mantissa_ % kPow10[scale_] == 0; }

std::string Decimal::to_string() const {
  char text[max_chars];
  return std::string(text, to_chars(text));
}

char* Decimal::to_chars(char* out) const {
  std::int64_t m = mantissa_;
  int s = scale_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  // A whole number (most points and yen) as std::to_chars writes it, two digits at a step.
  if (s == 0) return std::to_chars(out, out + max_chars, m).ptr;
  // Digits of |m| with the point inserted, from the last; |m| as unsigned, which holds the
  // magnitude of the most negative mantissa too.
  const bool negative = m < 0;
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(m) : static_cast<std::uint64_t>(m);
  char buffer[max_chars];
  char* end = buffer + sizeof buffer;
  char* p = end;
  int written = 0;
  do {
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
    if (++written == s) *--p = '.';
  } while (magnitude != 0 || written < s);
  if (*p == '.') *--p = '0';
  if (negative) *--p = '-';
  return std::copy(p, end, out);
}

std::string Decimal::to_string_fixed(int decimals) const {
  if (decimals < 0 || decimals > max_scale) overflow("decimals out of range");
  Wide m = mantissa_;
  int s = scale_;
  if (decimals > s) {
    m = scaled(mantissa_, s, decimals);
  } else {
    for (; s > decimals; --s) {
      if (m % 10 != 0) throw Exception(Status::invalid_argument, "to_string_fixed would cut digits");
      m /= 10;
    }
  }
  const bool negative = m < 0;
  std::string digits = (negative ? Wide(-m) : m).str();
  if (decimals > 0) {
    if (digits.size() <= static_cast<std::size_t>(decimals)) {
      digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

std::int64_t Decimal::trunc() const { return mantissa_ / kPow10[scale_]; }

std::int64_t Decimal::floor() const {
  const std::int64_t q = trunc();
  return (mantissa_ % kPow10[scale_] < 0) ? q - 1 : q;
}

std::int64_t Decimal::ceil() const {
  const std::int64_t q = trunc();
  return (mantissa_ % kPow10[scale_] > 0) ? q + 1 : q;
}

Decimal Decimal::add(Decimal a, Decimal b) {
  std::int64_t sum = 0;
  if (a.scale_ == b.scale_) {
    if (!add_overflows(a.mantissa_, b.mantissa_, &sum)) return Decimal(sum, a.scale_, 0);
  } else {  // align the coarser operand in 64 bits when it fits
    const bool a_finer = a.scale_ > b.scale_;
    const Decimal& fine = a_finer ? a : b;
    const Decimal& coarse = a_finer ? b : a;
    std::int64_t aligned = 0;
    if (!mul_overflows(coarse.mantissa_, kPow10[fine.scale_ - coarse.scale_], &aligned) &&
        !add_overflows(fine.mantissa_, aligned, &sum)) {
      return Decimal(sum, fine.scale_, 0);
    }
  }
  const int scale = std::max(a.scale_, b.scale_);
  return narrow(scaled(a.mantissa_, a.scale_, scale) + scaled(b.mantissa_, b.scale_, scale), scale,
                "sum");
}

Decimal Decimal::operator-() const {
  if (mantissa_ == std::numeric_limits<std::int64_t>::min()) overflow("negation");
  return Decimal(-mantissa_, scale_, 0);
}

Decimal operator*(Decimal a, Decimal b) {
  std::int64_t product = 0;
  const int scale = a.scale_ + b.scale_;
  if (scale <= Decimal::max_scale && !mul_overflows(a.mantissa_, b.mantissa_, &product)) {
    return Decimal(product, static_cast<std::uint8_t>(scale), 0);
  }
  return narrow(Wide(a.mantissa_) * Wide(b.mantissa_), scale, "product");
}

Decimal Decimal::shifted_right(int decimal_places) const {
  if (decimal_places < 0) overflow("negative shift");
  return narrow(Wide(mantissa_), scale_ + decimal_places, "shift");
}

std::strong_ordering operator<=>(Decimal a, Decimal b) {
  if (a.scale_ == b.scale_) return a.mantissa_ <=> b.mantissa_;
  {
    const bool a_finer = a.scale_ > b.scale_;
    std::int64_t aligned = 0;
    if (!mul_overflows(a_finer ? b.mantissa_ : a.mantissa_, kPow10[std::abs(a.scale_ - b.scale_)], &aligned)) {
      return a_finer ? a.mantissa_ <=> aligned : aligned <=> b.mantissa_;
    }
  }
  const int scale = std::max(a.scale_, b.scale_);
  const Wide x = scaled(a.mantissa_, a.scale_, scale);
  const Wide y = scaled(b.mantissa_, b.scale_, scale);
  if (x < y) return std::strong_ordering::less;
  if (x > y) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

bool operator==(Decimal a, Decimal b) { return (a <=> b) == std::strong_ordering::equal; }

namespace {
void require_positive(Decimal b) {
  if (b.mantissa() <= 0) throw Exception(Status::invalid_argument, "ratio divisor must be positive");
}

// a and b at their common scale, as 64-bit integers; false when one does not fit (the Wide path).
bool aligned64(Decimal a, Decimal b, std::int64_t* x, std::int64_t* y) {
  const int scale = std::max(a.scale(), b.scale());
  return !mul_overflows(a.mantissa(), kPow10[static_cast<std::size_t>(scale - a.scale())], x) &&
         !mul_overflows(b.mantissa(), kPow10[static_cast<std::size_t>(scale - b.scale())], y);
}

// ⌈a / b⌉ (up) or ⌊a / b⌋ for b > 0, exactly: in 64 bits when the aligned operands fit, else in the
// checked 128-bit integer.
std::int64_t rounded_ratio(Decimal a, Decimal b, bool up) {
  require_positive(b);
  std::int64_t x = 0;
  std::int64_t y = 0;
  if (aligned64(a, b, &x, &y)) {  // y > 0: the quotient cannot overflow, nor its step
    const std::int64_t remainder = x % y;
    return x / y + (up ? (remainder > 0 ? 1 : 0) : (remainder < 0 ? -1 : 0));
  }
  const int scale = std::max(a.scale(), b.scale());
  const Wide wx = scaled(a.mantissa(), a.scale(), scale);
  const Wide wy = scaled(b.mantissa(), b.scale(), scale);
  Wide q = wx / wy;
  const Wide remainder = wx % wy;
  if (up && remainder > 0) q += 1;
  if (!up && remainder < 0) q -= 1;
  return narrow(q, 0, "ratio").mantissa();
}
}  // namespace

std::int64_t ceil_ratio(Decimal a, Decimal b) { return rounded_ratio(a, b, true); }

std::int64_t floor_ratio(Decimal a, Decimal b) { return rounded_ratio(a, b, false); }

}  // namespace santei
