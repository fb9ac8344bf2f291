// The two passes over a plan's periods, stepped together one period at a time:
//  - the desk (窓口): what the window collects each visit date or bill, rounded per visit and
//    per 負担区分 group, with every month-to-date limit applied to the amounts actually
//    collected so far (copayment.md §2.2, §3.8);
//  - the receipt (レセプト): each payer's share in 1円 units on the month-to-date totals, as the
//    receipt computes it on the month (§4.7).
// Per-call state lives in these objects, on the caller's stack.
#pragma once

#include <array>

#include "copay/plan.hpp"

namespace santei::copay {

struct DeskCharge {
  Yen window;                          // care part collected (meals apart)
  LimitKind bound = LimitKind::none;   // the limit that bound, if any
  std::int8_t bound_payer = -1;        // the 公費 whose cap bound (LimitKind::public_cap)
  // Per 公費, for its 上限額管理票: the day's cost under it, what was collected under it, the
  // 管理票 total after the day, and whether the cap is reached.
  std::array<Yen, kMaxPayers> ledger_cost{}, ledger_yen{}, ledger_total{};
  std::array<bool, kMaxPayers> reached{};
  std::array<std::optional<Date>, kMaxPayers> reached_on{};  // when the 管理票 first reached the cap
};

class Desk {
 public:
  explicit Desk(const Plan& plan);
  DeskCharge step(const Period& period);

 private:
  struct GroupState {
    Yen cost;       // month-to-date cost
    Yen counted;    // month-to-date amount the insurer left to the 公費 and the patient (incl. rounding)
    Yen collected;  // month-to-date window collections
  };
  Yen combined_headroom(std::size_t g) const;

  const Plan& plan_;
  std::array<GroupState, kMaxGroups> groups_{};
  std::array<Yen, kMaxPayers> counted_{};  // per 公費: the patient's share under it so far (管理票)
  std::array<Yen, kMaxPayers> cost_{};     // per 公費: the month-to-date cost of its groups
  std::array<std::size_t, kMaxPayers> elsewhere_{};  // per 公費: the other institutions' lines counted so far
  std::array<std::optional<Date>, kMaxPayers> reached_on_{};
  std::array<int, kMaxPayers> charged_days_{};
};

struct ReceiptTotals {  // cumulative, 1円 units
  Yen insurer;
  std::array<Yen, kMaxPayers> kouhi{};          // what each 公費 pays
  std::array<Yen, kMaxPayers> kouhi_patient{};  // the patient's share under each 公費 (KO 負担金額)
  Yen patient;
};

class Receipt {
 public:
  explicit Receipt(const Plan& plan) : plan_(plan) {}
  // The month-to-date receipt after `period`.
  ReceiptTotals step(const Period& period);

 private:
  const Plan& plan_;
  std::array<Yen, kMaxGroups> cost_{};
  // Per-day shares (地方単独) are per date: min(that date's increase of what is left to the
  // programme, the amount still chargeable that date).
  std::array<std::array<Yen, kMaxPayers>, kMaxGroups> per_day_share_{}, previous_liable_{};
  std::array<int, kMaxPayers> charged_days_{};
};

}  // namespace santei::copay
