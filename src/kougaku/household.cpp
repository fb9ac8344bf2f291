// compute_kougaku: the insurer's 高額療養費 of one household month (santei/kougaku.hpp), step by
// step: 75歳到達月 (個人), 70歳以上 外来 (個人), 70歳以上 世帯, 世帯合算 with the 21,000円 rule, and
// in July the yearly settlements. The limits are copay's (kougaku.xml), so the window and the
// insurer use one set of figures.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "copay/age.hpp"
#include "copay/limits.hpp"
#include "copay/rule_set.hpp"
#include "santei/kougaku.hpp"

namespace santei {
namespace {

[[noreturn]] void fail(std::string field, std::string message) {
  throw Exception(ErrorInfo{Status::claim_error, "<kougaku>", 0, 0, std::move(field), std::move(message)});
}

std::string yen(Yen y) { return fmt::format("{}円", y.value); }

enum class Band : std::uint8_t {
  under70,     // 70歳未満: the 21,000円 rule
  from70,      // 70歳以上 (高齢受給者, 後期)
  birthday75,  // 70歳以上 whose 75th birthday is in the month (not the 1st): own limits halved first
};

struct Member {
  const KougakuMember* in = nullptr;
  std::size_t index = 0;
  Band band = Band::under70;
  Yen outpatient, inpatient, cost;  // 70+: every receipt counts
  Yen remaining;                    // 70+: what the member still bears after the personal steps
};

// 多数回該当: 高額療養費 already in three or more months of the twelve ending with `month`
// (施行令 第42条 "療養のあつた月以前の十二月以内"), so this month is the fourth.
bool many_times(const KougakuHousehold& h) {
  const int now = h.month.year * 12 + static_cast<int>(h.month.month) - 1;
  std::set<int> months;
  for (const YearMonth& m : h.benefit_months) {
    const int at = m.year * 12 + static_cast<int>(m.month) - 1;
    if (now - 11 <= at && at < now) months.insert(at);
  }
  return months.size() >= 3;
}

Band band_of(const KougakuHousehold& h, const KougakuMember& m, std::size_t i) {
  const copay::AgeDates ages = copay::age_dates(m.birth_date);
  const Date first = h.month.first_day(), last = h.month.last_day();
  const bool turns75 = h.month.contains(ages.birthday75) && ages.halves_in(h.month);
  if (h.insurer == InsuranceKind::elderly) {
    if (last < ages.birthday75) fail(fmt::format("members[{}].birth_date", i), "under 75 all month: not a 後期高齢者医療 member");
    return turns75 ? Band::birthday75 : Band::from70;
  }
  if (ages.birthday75 <= first) {
    fail(fmt::format("members[{}].birth_date", i),
         fmt::format("75 since {}: the member belongs to 後期高齢者医療, not to this insurer", ages.birthday75.iso()));
  }
  if (turns75) return Band::birthday75;
  return ages.from70 <= first ? Band::from70 : Band::under70;
}

const copay::LimitRow& row_of(const copay::Dated<copay::LimitTable>& table, const std::string& bracket, const char* field,
                              const char* what) {
  if (bracket.empty()) fail(field, fmt::format("the household has a member {}: give its 高額療養費 区分", what));
  const copay::LimitRow* row = table.value.find(bracket);
  if (!row) fail(field, fmt::format("'{}' is not a {} 区分 (one of {})", bracket, what, table.value.names()));
  return *row;
}

class Computation {
 public:
  explicit Computation(const KougakuHousehold& h) : h_(h), rules_(copay::rules()), first_(h.month.first_day()) {}

  KougakuResult run() {
    out_.month = h_.month;
    out_.many_times = many_times(h_);
    classify();
    if (any(Band::birthday75)) birthday_month();
    if (any(Band::from70) || any(Band::birthday75)) elderly();
    household();
    out_.counts_for_many_times = out_.counts_for_many_times || household_limited_;
    if (h_.month.month == 7) yearly();
    for (const KougakuStep& step : out_.steps) out_.benefit += step.benefit;
    return std::move(out_);
  }

 private:
  bool any(Band band) const {
    return std::any_of(members_.begin(), members_.end(), [band](const Member& m) { return m.band == band; });
  }
  const copay::LimitRow& elderly_row() const {
    return row_of(rules_.limits_70plus.at(first_), h_.elderly_bracket, "elderly_bracket", "70歳以上");
  }

  Yen step(std::string name, const Member* m, Yen counted, Yen cost, Yen limit, std::string rule, bool household_level) {
    const Yen benefit = std::max(Yen{0}, counted - limit);
    KougakuStep s;
    s.name = std::move(name);
    if (m) s.member = m->in->id;
    s.counted = counted;
    s.cost = cost;
    s.limit = limit;
    s.benefit = benefit;
    s.explain = fmt::format("{}{}: {} against {} ({}) → 支給 {}", s.name, m ? fmt::format(" [{}]", s.member) : "", yen(counted),
                            yen(limit), rule, yen(benefit));
    if (household_level && benefit.value > 0) out_.counts_for_many_times = true;
    out_.steps.push_back(std::move(s));
    return benefit;
  }

  void classify() {
    for (std::size_t i = 0; i < h_.members.size(); ++i) {
      const KougakuMember& in = h_.members[i];
      Member m{&in, i, band_of(h_, in, i), {}, {}, {}, {}};
      for (std::size_t r = 0; r < in.receipts.size(); ++r) {
        const KougakuReceipt& receipt = in.receipts[r];
        if (receipt.patient_yen.value < 0 || receipt.cost.value < 0 || receipt.cost < receipt.patient_yen) {
          fail(fmt::format("members[{}].receipts[{}]", i, r), fmt::format("{}: the patient's {} is not within the cost {}",
                                                                            receipt.id, yen(receipt.patient_yen), yen(receipt.cost)));
        }
        out_.patient_total += receipt.patient_yen;
        household_limited_ = household_limited_ || receipt.household_limited;
        if (m.band == Band::under70) continue;
        (receipt.setting == Setting::outpatient ? m.outpatient : m.inpatient) += receipt.patient_yen;
        m.cost += receipt.cost;
        out_.explain.push_back(fmt::format("{} [{}] {} {}: 医療費 {}, 負担 {} — 70歳以上: counted whatever its amount", receipt.id, in.id,
                                           receipt.institution, receipt.setting == Setting::outpatient ? "外来" : "入院",
                                           yen(receipt.cost), yen(receipt.patient_yen)));
      }
      members_.push_back(m);
    }
  }

  // 75歳到達月 (施行令 第41条 第7項, 第42条): the member's own 外来 and all-care limits at half, first.
  void birthday_month() {
    const copay::LimitRow& row = elderly_row();
    const auto& divisor = rules_.birthday_month_divisor.at(first_);
    const int d = divisor.value;
    for (Member& m : members_) {
      if (m.band != Band::birthday75) continue;
      if (row.outpatient && m.outpatient.value > 0) {
        const Yen limit{row.outpatient->value / d};
        m.outpatient -= step("75歳到達月 外来 (個人)", &m, m.outpatient, m.cost, limit,
                             fmt::format("{} 外来 {} ÷ {}", h_.elderly_bracket, yen(*row.outpatient), d), false);
      }
      const Yen counted = m.outpatient + m.inpatient;
      if (counted.value == 0) continue;
      const Yen limit = copay::household_limit(row, m.cost, out_.many_times, d);
      const Yen benefit = step("75歳到達月 (個人)", &m, counted, m.cost, limit,
                               fmt::format("{}{} on {} ÷ {}", h_.elderly_bracket, out_.many_times ? " 多数回" : "", yen(m.cost), d), true);
      // The benefit comes off 入院 first, then 外来 (what remains of each joins the 世帯 step).
      const Yen from_inpatient = std::min(benefit, m.inpatient);
      m.inpatient -= from_inpatient;
      m.outpatient -= benefit - from_inpatient;
    }
  }

  // 70歳以上: 外来 per member (施行令 第41条 第5項 外来特例), then the 70+ 世帯 (第41条 第3項).
  void elderly() {
    const copay::LimitRow& row = elderly_row();
    for (Member& m : members_) {
      if (m.band != Band::from70 || !row.outpatient || m.outpatient.value == 0) continue;
      m.outpatient -= step("70歳以上 外来 (個人)", &m, m.outpatient, m.cost, *row.outpatient,
                           fmt::format("{} 外来", h_.elderly_bracket), false);
    }
    Yen counted, cost;
    for (const Member& m : members_) {
      if (m.band == Band::under70) continue;
      counted += m.outpatient + m.inpatient;
      cost += m.cost;
    }
    elderly_cost_ = cost;
    if (counted.value == 0) return;
    const Yen limit = copay::household_limit(row, cost, out_.many_times, 1);
    const Yen benefit = step("70歳以上 世帯", nullptr, counted, cost, limit,
                             fmt::format("{}{} on {}", h_.elderly_bracket, out_.many_times ? " 多数回" : "", yen(cost)), true);
    elderly_remaining_ = counted - benefit;
    // What each member still bears, the step's benefit shared out in proportion (按分, floor; the
    // first member takes the remainder), for the yearly 外来 cap.
    Yen shared;
    Member* first = nullptr;
    for (Member& m : members_) {
      if (m.band == Band::under70) continue;
      const Yen own = m.outpatient + m.inpatient;
      const Yen part{benefit.value * own.value / counted.value};
      m.remaining = own - part;
      shared += part;
      if (!first && own.value > 0) first = &m;
    }
    if (first) first->remaining -= benefit - shared;
  }

  // 世帯合算 (施行令 第41条 第1項): under 70 the receipt units of 21,000円 or more, with what the 70+
  // members still bear, against the household's 区分 on their summed cost.
  void household() {
    if (!any(Band::under70)) return;
    const Yen threshold = rules_.combine_threshold.at(first_).value;
    // Units: member × institution (a pharmacy with its prescriber) × 入院/外来.
    struct Unit {
      Yen patient, cost;
      std::vector<std::string> ids;
    };
    Yen counted = elderly_remaining_, cost = elderly_cost_;
    for (const Member& m : members_) {
      if (m.band != Band::under70) continue;
      std::map<std::pair<std::string, Setting>, Unit> units;
      for (const KougakuReceipt& r : m.in->receipts) {
        Unit& u = units[{r.prescriber.empty() ? r.institution : r.prescriber, r.setting}];
        u.patient += r.patient_yen;
        u.cost += r.cost;
        u.ids.push_back(r.id);
      }
      for (const auto& [key, u] : units) {
        const bool in = u.patient >= threshold;
        std::string ids;
        for (const std::string& id : u.ids) ids += fmt::format("{}{}", ids.empty() ? "" : " + ", id);
        out_.explain.push_back(fmt::format("{} [{}] {} {}: 医療費 {}, 負担 {} — {}", ids, m.in->id, key.first,
                                           key.second == Setting::outpatient ? "外来" : "入院", yen(u.cost), yen(u.patient),
                                           in ? fmt::format("counted (≥ {})", yen(threshold))
                                              : fmt::format("not counted: under {} (施行令 第41条 第1項)", yen(threshold))));
        if (!in) continue;
        counted += u.patient;
        cost += u.cost;
      }
    }
    if (counted.value == 0) return;
    const auto& table = rules_.limits_under70.at(first_);
    const copay::LimitRow& row = row_of(table, h_.bracket, "bracket", "70歳未満");
    step(any(Band::from70) || any(Band::birthday75) ? "世帯合算 (70歳未満と70歳以上)" : "世帯合算", nullptr, counted, cost,
         copay::household_limit(row, cost, out_.many_times, 1),
         fmt::format("{}{} on {}", h_.bracket, out_.many_times ? " 多数回" : "", yen(cost)), true);
  }

  // July closes the August–July year (基準日 7月31日, 施行令 第41条の2).
  void yearly() {
    if (const auto* caps = rules_.annual_outpatient_70plus.find(first_)) {
      const copay::AnnualCap* cap = caps->value.find(h_.elderly_bracket);
      for (Member& m : members_) {
        if (m.band == Band::under70 || !cap) continue;
        // This month's 外来 after the monthly steps: its share of what the member still bears.
        const Yen own = m.outpatient + m.inpatient;
        const Yen month_outpatient{own.value == 0 ? 0 : m.remaining.value * m.outpatient.value / own.value};
        const Yen year = m.in->outpatient_year_paid + month_outpatient;
        step("70歳以上 外来 年間上限 (個人)", &m, year, Yen{}, cap->yen,
                                    fmt::format("{} 外来 8月–7月 ({} before this month)", h_.elderly_bracket,
                                                yen(m.in->outpatient_year_paid)),
                                    false);
      }
    }
    const auto* caps = rules_.annual_household.find(first_);
    if (!caps) return;
    const std::string& bracket = any(Band::under70) ? h_.bracket : h_.elderly_bracket;
    const copay::AnnualCap* cap = caps->value.find(bracket);
    if (!cap) fail(any(Band::under70) ? "bracket" : "elderly_bracket", fmt::format("'{}' has no 年間上限 in kougaku.xml", bracket));
    Yen paid_back;  // this month's benefits so far, the yearly 外来 ones included
    for (const KougakuStep& s : out_.steps) paid_back += s.benefit;
    const Yen year = h_.year_paid + out_.patient_total - paid_back;
    const Yen limit = h_.year_low_income && cap->low_income ? *cap->low_income : cap->yen;
    step("年間上限 (世帯)", nullptr, year, Yen{}, limit,
         fmt::format("{}{} 8月–7月 ({} before this month)", bracket, h_.year_low_income && cap->low_income ? " 年収約200万円以下" : "",
                     yen(h_.year_paid)),
         false);
  }

  const KougakuHousehold& h_;
  const copay::RuleSet& rules_;
  Date first_;
  std::vector<Member> members_;
  Yen elderly_remaining_, elderly_cost_;
  bool household_limited_ = false;
  KougakuResult out_;
};

}  // namespace

KougakuResult compute_kougaku(const KougakuHousehold& household) {
  if (household.members.empty()) fail("members", "a household needs at least one member");
  if (household.insurer == InsuranceKind::none) fail("insurer", "公費単独 has no 高額療養費");
  return Computation(household).run();
}

}  // namespace santei
