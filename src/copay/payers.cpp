#include "copay/payers.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace santei::copay {
namespace {

[[noreturn]] void fail(std::size_t i, std::string_view field, std::string message) {
  throw Exception(ErrorInfo{Status::claim_error, "<claim>", 0, 0, fmt::format("public_expenses[{}].{}", i, field), std::move(message)});
}

// The tier cell that gives the cap: 人工呼吸器等 before 高額かつ長期 before 一般.
void cap_from_tier(Payer& payer, const PublicExpense& e, std::size_t i) {
  const Programme& p = *payer.programme;
  if (p.tiers.empty()) fail(i, "monthly_cap_yen", fmt::format("法別 {} ({}) needs monthly_cap_yen (自己負担上限月額)", p.law, p.name));
  const Tier* tier = p.find_tier(e.tier);
  if (!tier) {
    std::string names;
    for (const Tier& t : p.tiers) names += fmt::format("{}{}", names.empty() ? "" : ", ", t.names.front());
    fail(i, "tier", fmt::format("'{}' is not a tier of 法別 {} (one of {})", e.tier, p.law, names));
  }
  const TierCap& cell = e.ventilator ? tier->ventilator : e.long_term ? tier->long_term : tier->general;
  const char* column = e.ventilator ? "人工呼吸器等装着者" : e.long_term ? "高額かつ長期/重度かつ継続" : "一般";
  payer.tier = tier;
  switch (cell.kind) {
    case TierCap::Kind::yen: payer.cap = cell.yen; break;
    case TierCap::Kind::kougaku: payer.cap_is_kougaku = true; break;
    case TierCap::Kind::ineligible:
      fail(i, "tier", fmt::format("tier {} ({}) is not eligible for 法別 {}", e.tier, column, p.law));
    case TierCap::Kind::absent:
      fail(i, e.ventilator ? "ventilator" : "long_term", fmt::format("法別 {} has no {} cap", p.law, column));
  }
}

Payer national(const PublicExpense& e, std::size_t i, const Programme& p, Decimal rate) {
  Payer payer;
  payer.law = e.law;
  payer.programme = &p;
  payer.public_first = p.type == ProgrammeType::public_first;
  payer.share = p.share;
  if (e.per_visit || e.per_day || e.max_charged_days) {
    fail(i, e.per_day ? "per_day_yen" : e.per_visit ? "per_visit_yen" : "max_charged_days",
         fmt::format("法別 {} has no per-visit amount (only 地方単独 programmes do)", p.law));
  }
  if (e.rate && p.share != ShareKind::rate) fail(i, "rate", fmt::format("法別 {} has no share rate (its patient share is fixed by kouhi.xml)", p.law));
  if (p.share == ShareKind::rate) {
    payer.rate = std::min(e.rate.value_or(p.rate), rate);
  }
  switch (p.cap) {
    case CapKind::none:
      if (e.monthly_cap) fail(i, "monthly_cap_yen", fmt::format("法別 {} has no monthly cap", p.law));
      break;
    case CapKind::optional:
      payer.cap = e.monthly_cap.value_or(p.cap_default);
      break;
    case CapKind::required:
      if (e.monthly_cap) {
        payer.cap = *e.monthly_cap;
      } else if (!e.tier.empty()) {
        cap_from_tier(payer, e, i);
      } else {
        fail(i, "monthly_cap_yen", fmt::format("法別 {} ({}) needs monthly_cap_yen or tier (自己負担上限月額)", p.law, p.name));
      }
      break;
  }
  payer.rounding = p.rounding;
  payer.meals = p.meals;
  return payer;
}

Payer local(const PublicExpense& e, std::size_t i, Decimal rate) {
  Payer payer;
  payer.law = e.law;
  if (!e.rate && !e.per_visit && !e.per_day && !e.monthly_cap) {
    // 地単公費 never blocks: the programme pays nothing here, so every other share is computed and
    // the patient's is the share before it; the result says what the programme needs.
    if (e.max_charged_days) fail(i, "max_charged_days", "counts per-visit or per-day amounts only");
    payer.share = ShareKind::rate;
    payer.rate = rate;
    payer.needs = fmt::format("needs parameters for 法別 {} (公費負担者番号 {}): give its rate, per_visit_yen, "
                              "per_day_yen or monthly_cap_yen, or a --local-programmes row",
                              e.law, e.payer_number.empty() ? std::string("not given") : e.payer_number);
    payer.meals = MealRule::patient;
    return payer;
  }
  if (e.per_visit && e.per_day) fail(i, "per_day_yen", "give per_visit_yen or per_day_yen, not both");
  if ((e.per_visit || e.per_day) && e.rate) fail(i, "rate", "give a rate or a per-visit/per-day amount, not both");
  if (e.max_charged_days && !e.per_visit && !e.per_day) fail(i, "max_charged_days", "counts per-visit or per-day amounts only");
  if (e.per_visit || e.per_day) {
    // santei sees one visit per date, so a per-visit amount is charged once per date.
    payer.share = ShareKind::per_day;
    payer.per_day = e.per_day ? *e.per_day : *e.per_visit;
    payer.max_days = e.max_charged_days.value_or(0);
  } else if (e.rate) {
    payer.share = ShareKind::rate;
    payer.rate = std::min(*e.rate, rate);
  } else {
    payer.share = ShareKind::liable;
  }
  if (e.monthly_cap) {
    payer.cap = *e.monthly_cap;
  }
  if (e.rounding == "exact") payer.rounding = WindowRounding::exact;
  else if (e.rounding == "floor10") payer.rounding = WindowRounding::floor10;
  return payer;
}

}  // namespace

std::vector<Payer> resolve_payers(const Claim& claim, const ProgrammeTable& table, Decimal rate) {
  std::vector<Payer> payers;
  if (claim.public_expenses.size() > kMaxPayers) {
    fail(kMaxPayers, "law", fmt::format("at most {} 公費 can be combined on one receipt", kMaxPayers));
  }
  for (std::size_t i = 0; i < claim.public_expenses.size(); ++i) {
    const PublicExpense& e = claim.public_expenses[i];
    const Programme* p = table.find(e.law);
    if (!p) {
      if (table.is_insurer(e.law)) fail(i, "law", fmt::format("'{}' is an insurer's 法別番号, not a 公費", e.law));
      if (!table.is_local(e.law)) fail(i, "law", fmt::format("'{}' is not a 法別番号 santei knows (masters/rules/kouhi.xml)", e.law));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (claim.public_expenses[j].law == e.law) fail(i, "law", fmt::format("法別 {} is given twice", e.law));
    }
    if (i > 0 && table.rank(e.law) < table.rank(claim.public_expenses[i - 1].law)) {
      fail(i, "law", fmt::format("法別 {} comes before {} in the 公費 priority order (kouhi.xml): list public_expenses "
                                 "in priority order, 第1公費 first",
                                 e.law, claim.public_expenses[i - 1].law));
    }
    Payer payer = p ? national(e, i, *p, rate) : local(e, i, rate);
    if (!e.rounding.empty() && p) {
      payer.rounding = e.rounding == "exact" ? WindowRounding::exact
                       : e.rounding == "floor10" ? WindowRounding::floor10 : WindowRounding::round10;
    }
    if (!e.meals.empty()) {
      payer.meals = e.meals == "covered" ? MealRule::covered : e.meals == "half" ? MealRule::half : MealRule::patient;
    }
    payer.paid_before = e.paid_this_month.value_or(Yen{0});
    payer.elsewhere = e.paid_elsewhere;
    std::stable_sort(payer.elsewhere.begin(), payer.elsewhere.end(), [](const CapPayment& a, const CapPayment& b) { return a.date < b.date; });
    if (!payer.elsewhere.empty() && !payer.has_cap()) fail(i, "paid_elsewhere", fmt::format("法別 {} has no monthly cap to share", e.law));
    if (e.cap_reached_on) {
      if (!payer.has_cap()) fail(i, "cap_reached_on", fmt::format("法別 {} has no monthly cap to reach", e.law));
      if (payer.cap_is_kougaku && !e.paid_this_month) {
        fail(i, "paid_this_month_yen", "a cap reached elsewhere that is the 高額療養費 limit needs the amount the 管理票 shows");
      }
      if (!payer.cap_is_kougaku) {
        if (e.paid_this_month && *e.paid_this_month != payer.cap) {
          fail(i, "paid_this_month_yen", fmt::format("{} is not the cap {} the 管理票 says was reached on {}", e.paid_this_month->value,
                                                     payer.cap.value, e.cap_reached_on->iso()));
        }
        payer.paid_before = payer.cap;
      }
      payer.reached_on = e.cap_reached_on;
    }
    payer.bracket = e.bracket;
    payers.push_back(std::move(payer));
  }
  return payers;
}

}  // namespace santei::copay
