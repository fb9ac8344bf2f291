// Who a generated claim is for: department, clinic, patient, insurance and 公費.
//
// The shares are rough pictures of Japanese outpatient care, not statistics: a clinic's patients
// lean old (内科, 整形外科), children go to 小児科, and most children have a local subsidy.
#include <array>

#include "generate/codes.hpp"
#include "generate/parts.hpp"

namespace santei::generate {
namespace {

constexpr std::array<std::uint32_t, 5> kDepartmentWeights = {45, 15, 20, 10, 10};

// Age in completed years on the first day of the month.
int draw_age(Rng& rng, Department department) {
  switch (department) {
    case Department::pediatrics: {
      constexpr std::array<std::uint32_t, 3> w = {40, 30, 30};
      switch (rng.weighted(w)) {
        case 0: return rng.between(0, 2);
        case 1: return rng.between(3, 5);
        default: return rng.between(6, 14);
      }
    }
    case Department::psychiatry: return rng.between(16, 80);
    case Department::dermatology: return rng.between(1, 90);
    default: {
      constexpr std::array<std::uint32_t, 5> w = {8, 30, 25, 22, 15};
      switch (rng.weighted(w)) {
        case 0: return rng.between(15, 29);
        case 1: return rng.between(30, 64);
        case 2: return rng.between(65, 74);
        case 3: return rng.between(75, 84);
        default: return rng.between(85, 99);
      }
    }
  }
}

// Born `age` years before the month's first day, minus up to 364 days: exactly `age` on that day.
// Nobody turns 70 or 75 within the month: the insurance changes on those birthdays (後期高齢者医療
// from the 75th, 高齢受給者 from the month after the 70th), and a receipt is split there.
Date birth_date(Rng& rng, YearMonth month, int age) {
  const Date anniversary = Date::from_ymd(month.year - age, month.month, 1);
  const bool boundary = age + 1 == 70 || age + 1 == 75;
  return anniversary.plus_days(-rng.between(0, boundary ? 333 : 364));
}

// 高額療養費 区分 (copayment.md §3): the window knows it for most patients (online 資格確認).
std::string draw_bracket(Rng& rng, int age, YearMonth month) {
  if (age >= 70) {
    static constexpr std::array<const char*, 7> names = {"一般", "一般Ⅱ", "現役並みⅠ", "現役並みⅡ", "現役並みⅢ",
                                                         "低所得Ⅱ", "低所得Ⅰ"};
    // 一般Ⅱ (75+, 2割) exists from 2022-10-01.
    const bool second = age >= 75 && month >= YearMonth{2022, 10};
    const std::array<std::uint32_t, 7> w = {60, second ? 20u : 0u, 5, 2, 2, 7, 4};
    return names[rng.weighted(w)];
  }
  static constexpr std::array<const char*, 6> names = {"ア", "イ", "ウ", "エ", "オ", ""};
  constexpr std::array<std::uint32_t, 6> w = {5, 10, 55, 20, 5, 5};
  return names[rng.weighted(w)];
}


}  // namespace

Story make_patient(Rng& rng, const detail::GeneratorCatalog& c, Claim& claim, Clinic& clinic) {
  clinic.department = static_cast<Department>(rng.weighted(kDepartmentWeights));
  const Department dept = clinic.department;
  claim.setting = Setting::outpatient;
  claim.facility.kind = FacilityKind::clinic;
  claim.facility.beds = 0;

  // The clinic's 届出 (施設基準) and habits.
  std::vector<std::int32_t>& standards = claim.facility.standards;
  if ((dept == Department::internal || dept == Department::pediatrics) && rng.percent(25)) {
    standards.push_back(code::kStandardFunction);
  }
  if (rng.percent(20)) standards.push_back(code::kStandardAfterHours1);
  if (c.has(code::kDxFirst) && rng.percent(40)) standards.push_back(code::kStandardDx);
  if ((c.has(code::kBaseUpFirst) || c.has(code::kBaseUpRevisit)) && rng.percent(60)) {
    standards.push_back(code::kStandardBaseUp);
  }
  if (dept == Department::psychiatry) standards.push_back(code::kStandardPsychiatry);
  clinic.statement = rng.percent(85);
  clinic.in_house = rng.percent(dept == Department::psychiatry ? 30 : 25);

  // The patient.
  const int age = draw_age(rng, dept);
  claim.patient.birth_date = birth_date(rng, claim.month, age);
  claim.patient.sex = rng.percent(50) ? Sex::male : Sex::female;

  Story story;
  switch (dept) {
    case Department::internal: story.chronic = rng.percent(age >= 40 ? 75 : 35); break;
    case Department::orthopedics: story.chronic = rng.percent(55); break;
    case Department::psychiatry: story.chronic = true; break;
    default: story.chronic = rng.percent(20); break;
  }
  story.new_episode = !story.chronic && rng.percent(dept == Department::pediatrics ? 55 : 35);

  // Insurance: 後期高齢者医療 from 75; 国保 more common from 60 (retirement).
  Insurance& ins = claim.insurance;
  if (age >= 75) {
    ins.kind = InsuranceKind::elderly;
  } else {
    ins.kind = rng.percent(age >= 60 ? 55 : 30) ? InsuranceKind::national : InsuranceKind::employee;
  }
  ins.income_bracket = draw_bracket(rng, age, claim.month);

  // 公費, national programmes first (the priority order of copayment.md §4.2), then local ones.
  if (dept == Department::psychiatry && rng.percent(65)) {
    // 21 自立支援医療 (精神通院医療): 1割, monthly cap by income tier (copayment.md §4.5).
    static constexpr std::array<std::int64_t, 4> caps = {2500, 5000, 10000, 20000};
    PublicExpense e;
    e.law = "21";
    e.rate = tenths(1);
    e.monthly_cap = Yen{caps[rng.below(caps.size())]};
    claim.public_expenses.push_back(std::move(e));
  }
  if (dept == Department::internal && story.chronic && age >= 20 && rng.percent(4)) {
    // 54 難病 特定医療: 2割, monthly cap by 階層区分 (copayment.md §4.3).
    static constexpr std::array<std::int64_t, 5> caps = {2500, 5000, 10000, 20000, 30000};
    PublicExpense e;
    e.law = "54";
    e.rate = tenths(2);
    e.monthly_cap = Yen{caps[rng.below(caps.size())]};
    claim.public_expenses.push_back(std::move(e));
  }
  if (age < 15 && rng.percent(85)) {
    // A children's medical subsidy (地方単独, copayment.md §4.8): free, or a fixed amount per visit
    // for a few visits a month, depending on the municipality.
    PublicExpense e;
    e.law = "88";
    if (rng.percent(70)) {
      e.rate = Decimal(0);
    } else {
      e.per_visit = Yen{200};
      e.max_charged_days = 4;
    }
    claim.public_expenses.push_back(std::move(e));
  } else if (age >= 20 && rng.percent(1)) {
    // A subsidy for people with severe disabilities (重度心身障害者医療, 地方単独): 1割.
    PublicExpense e;
    e.law = "80";
    e.rate = tenths(1);
    claim.public_expenses.push_back(std::move(e));
  }
  return story;
}

}  // namespace santei::generate
