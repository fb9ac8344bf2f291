// 高額療養費 limits as the window applies them (copayment.md §3): the 区分 row, 外来 or 入院,
// 多数回, the 75歳到達月 halving, the 配慮措置 and マル長.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

#include "copay/rule_set.hpp"
#include "santei/money.hpp"

namespace santei::copay {

// "No limit": larger than any month's cost, small enough that sums do not overflow.
inline constexpr Yen kUnlimited{std::numeric_limits<std::int64_t>::max() / 8};

enum class LimitKind : std::uint8_t {
  none,        // nothing binds
  household,   // 高額療養費 (世帯 / 70歳未満) limit
  many,        // 多数回該当
  outpatient,  // 70歳以上 外来 (個人) limit
  care,        // 配慮措置 (75+ 2割, 2022-10-01 to 2025-09-30)
  special,     // 特定疾病 (マル長)
  combined,    // the unit's limit on the 公費 groups and the insurance-only group together (§4.7)
  public_cap,  // a 公費 monthly cap (自己負担上限月額) or per-day count
};
const char* limit_name(LimitKind kind);

struct LimitSpec {
  const LimitRow* row = nullptr;       // nullptr: the 区分 is unknown, no 高額療養費 limit at the window
  bool outpatient = false;             // 入院外 unit: the 70+ 外来 limit applies too
  bool many = false;                   // 多数回該当
  int divisor = 1;                     // 2 in the 75歳到達月
  const CareMeasure* care = nullptr;   // 配慮措置, for 一般Ⅱ outpatients while in force
  std::optional<Yen> special;          // マル長 cap (not yet halved)
};

struct Limit {
  Yen yen = kUnlimited;
  LimitKind kind = LimitKind::none;
};

// The household (世帯) limit of `row` on `cost`: base + 1% of (cost − threshold), or the 多数回
// amount; every figure divided by `divisor` (75歳到達月, §3.5).
Yen household_limit(const LimitRow& row, Yen cost, bool many, int divisor);

// 配慮措置: min(ceiling ÷ divisor, base + (cost − threshold) × percent%) (§1.3).
Yen care_limit(const CareMeasure& care, Yen cost, int divisor);

// The lowest of every limit `spec` names, on the unit's cost so far.
Limit limit_of(const LimitSpec& spec, Yen cost);

}  // namespace santei::copay
