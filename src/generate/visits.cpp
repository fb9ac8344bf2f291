// What a generated patient's month at the clinic holds: visit dates and times, 初診/再診 with their
// additions, prescriptions (院内: 剤 with 調剤料・処方料・調基; 院外: 処方箋料), tests with the
// once-a-month 判断料, X-rays, 処置, injections and 精神療法; then a wound sutured or a trigger point
// injected at a visit outside hours, and a 訪問診療 day for some elderly patients (drawn last, so that
// the rest of a claim is what it was before they were added).
#include <algorithm>
#include <array>

#include "generate/codes.hpp"
#include "generate/parts.hpp"

namespace santei::generate {
namespace {

// One drug of a regimen with its daily (内服) or per-prescription (外用) amount.
struct Dose {
  Code code = 0;
  Decimal quantity;
};

// What the patient is prescribed this month (the same at each prescribing visit).
struct Regimen {
  std::vector<std::vector<Dose>> oral;  // 剤 of 内服, each one 服用時点
  std::vector<Dose> external;           // 外用, one order each
  std::int32_t days = 0;                // 内服 days per prescription
};

// What has been billed so far in the month (once-a-month items, caps).
struct MonthState {
  std::vector<Code> billed_once;  // 判断料, 調剤技術基本料, 薬剤情報提供料
  int chronic_management = 0;     // 特定疾患療養管理料, 月2回 (B000 注1)

  bool first_time(Code code) {
    if (std::find(billed_once.begin(), billed_once.end(), code) != billed_once.end()) return false;
    billed_once.push_back(code);
    return true;
  }
};

class VisitBuilder {
 public:
  VisitBuilder(Rng& rng, const detail::GeneratorCatalog& c, Visit& visit) : rng_(rng), c_(c), visit_(visit) {}

  // An order of `category` with these codes, leaving out codes the catalog could not use; none left,
  // no order. Returns the order or nullptr.
  Order* add(std::uint8_t category, std::initializer_list<Code> codes) {
    Order order;
    order.category = category;
    for (const Code code : codes) {
      if (c_.has(code)) order.items.push_back(ClaimItem{code, {}, {}, {}});
    }
    if (order.items.empty()) return nullptr;
    visit_.orders.push_back(std::move(order));
    return &visit_.orders.back();
  }
  Order* add_with_quantity(std::uint8_t category, Code code, Decimal quantity) {
    Order* order = add(category, {code});
    if (order) order->items.front().quantity = quantity;
    return order;
  }
  // 手技 with its drug (注射) or material (処置), one order.
  void add_with_drug(std::uint8_t category, Code procedure, const std::vector<Code>& pool) {
    if (pool.empty()) return;
    if (Order* order = add(category, {procedure})) {
      order->items.push_back(ClaimItem{rng_.pick(std::span<const Code>(pool)), Decimal(1), {}, {}});
    }
  }
  // Drug orders: the pools hold only drugs in force, so they go in as they are.
  void push(Order order) { visit_.orders.push_back(std::move(order)); }
  bool blocks_management() const {
    for (const Order& o : visit_.orders) {
      for (const ClaimItem& i : o.items) {
        if (c_.blocks(i.code)) return true;
      }
    }
    return false;
  }
  bool has(Code code) const { return c_.has(code); }

 private:
  Rng& rng_;
  const detail::GeneratorCatalog& c_;
  Visit& visit_;
};

// ---------------------------------------------------------------- dates and times

std::vector<std::uint32_t> visit_count_weights(Department d, const Story& s) {
  switch (d) {
    case Department::internal: return s.chronic ? std::vector<std::uint32_t>{60, 35, 5} : std::vector<std::uint32_t>{50, 35, 15};
    case Department::pediatrics: return {50, 30, 15, 5};
    case Department::orthopedics: return {35, 20, 10, 10, 0, 10, 0, 8, 0, 0, 0, 7};
    case Department::dermatology: return {60, 30, 10};
    case Department::psychiatry: return {40, 35, 0, 25};
  }
  return {1};
}

// Distinct visit dates: Monday–Saturday, or a Sunday for a 休日 visit. Sorted, with their times.
std::vector<std::pair<Date, VisitTime>> draw_dates(Rng& rng, const detail::GeneratorCatalog& c, Department d,
                                                   const Story& s) {
  const std::vector<std::uint32_t> w = visit_count_weights(d, s);
  const std::size_t count = rng.weighted(w) + 1;
  std::vector<Date> open;
  std::vector<Date> sundays;
  for (const Date day : c.days) (day.weekday() == 0 ? sundays : open).push_back(day);
  std::vector<std::pair<Date, VisitTime>> out;
  while (out.size() < count && !open.empty()) {
    VisitTime time = VisitTime::regular;
    const std::uint32_t r = rng.below(1000);
    if (r < 40) time = VisitTime::after_hours;                    // 4%
    else if (r < 70) time = VisitTime::night_early;               // 3% (診療所 夜間・早朝等)
    else if (r < 85 && !sundays.empty()) time = VisitTime::holiday;  // 1.5%
    else if (r < 90 && d == Department::pediatrics) time = VisitTime::late_night;
    std::vector<Date>& pool = time == VisitTime::holiday ? sundays : open;
    const std::size_t i = rng.below(static_cast<std::uint32_t>(pool.size()));
    out.emplace_back(pool[i], time);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (d == Department::psychiatry) {
    // I002 通院精神療法: once a week (電子点数表 05, weeks Sunday to Saturday): one visit a week.
    const auto week = [](Date day) { return (day - Date::from_ymd(1970, 1, 4)) / 7; };
    out.erase(std::unique(out.begin(), out.end(), [&](const auto& a, const auto& b) { return week(a.first) == week(b.first); }),
              out.end());
  }
  return out;
}

// ---------------------------------------------------------------- prescriptions


Regimen draw_regimen(Rng& rng, const detail::GeneratorCatalog& c, Department d, const Story& s, int age) {
  Regimen r;
  const bool child = age < 6;
  const auto oral_pool = std::span<const Code>(child ? c.oral_powders : c.oral_tablets);
  // 剤 count and drugs per 剤; at most six kinds (no 多剤投与 of F100 注2 / F200 注3).
  int kinds = 0;
  int dosings = 0;
  switch (d) {
    case Department::internal: dosings = s.chronic ? rng.between(1, 3) : rng.between(1, 2); break;
    case Department::psychiatry: dosings = rng.between(1, 3); break;
    case Department::pediatrics: dosings = rng.between(1, 2); break;
    case Department::orthopedics: dosings = rng.percent(40) ? 1 : 0; break;
    case Department::dermatology: dosings = rng.percent(40) ? 1 : 0; break;
  }
  if (oral_pool.empty()) dosings = 0;
  for (int i = 0; i < dosings && kinds < 6; ++i) {
    std::vector<Dose> dosing;
    const int drugs = std::min(rng.between(1, 3), 6 - kinds);
    for (int k = 0; k < drugs; ++k) {
      const Decimal quantity = child ? tenths(rng.between(3, 20)) : Decimal(rng.between(1, 3));
      dosing.push_back(Dose{rng.pick(oral_pool), quantity});
    }
    kinds += drugs;
    r.oral.push_back(std::move(dosing));
  }
  static constexpr std::array<std::int32_t, 5> chronic_days = {14, 28, 28, 30, 56};
  r.days = s.chronic ? chronic_days[rng.below(chronic_days.size())] : rng.between(3, 7);

  int ointments = 0;
  int patches = 0;
  if (d == Department::dermatology) ointments = rng.between(1, 2);
  if (d == Department::orthopedics) patches = rng.percent(60) ? 1 : 0;
  if (d == Department::pediatrics && rng.percent(10)) ointments = 1;
  if (d == Department::internal && rng.percent(5)) patches = 1;
  static constexpr std::array<std::int64_t, 5> grams = {5, 10, 20, 25, 50};
  static constexpr std::array<std::int64_t, 5> sheets = {14, 21, 28, 35, 42};
  for (int i = 0; i < ointments && !c.ointments.empty(); ++i) {
    r.external.push_back(Dose{rng.pick(std::span<const Code>(c.ointments)), Decimal(grams[rng.below(grams.size())])});
  }
  for (int i = 0; i < patches && !c.patches.empty(); ++i) {
    r.external.push_back(Dose{rng.pick(std::span<const Code>(c.patches)), Decimal(sheets[rng.below(sheets.size())])});
  }
  return r;
}

// The prescription of one visit: the drugs and 投薬 fees (院内), or the 処方箋料 (院外).
void prescribe(Rng& rng, VisitBuilder& b, const Clinic& clinic, const Regimen& r, MonthState& month) {
  if (r.oral.empty() && r.external.empty()) return;
  if (!clinic.in_house) {
    b.add(80, {code::kPrescription});  // F400 処方箋料
    if (rng.percent(50)) b.add(80, {rng.percent(60) ? code::kGenericName2 : code::kGenericName1});
    return;
  }
  for (const std::vector<Dose>& dosing : r.oral) {
    Order order;
    order.category = 21;
    order.days = r.days;
    for (const Dose& dose : dosing) order.items.push_back(ClaimItem{dose.code, dose.quantity, {}, {}});
    b.push(std::move(order));
  }
  for (const Dose& dose : r.external) {
    Order order;
    order.category = 23;
    order.items.push_back(ClaimItem{dose.code, dose.quantity, {}, {}});
    b.push(std::move(order));
  }
  if (!r.oral.empty()) b.add(24, {code::kDispensingOral});        // F000 調剤料 (内服)
  if (!r.external.empty()) b.add(24, {code::kDispensingExternal});  // F000 調剤料 (外用)
  b.add(25, {code::kPrescribing});                                 // F100 処方料
  if (month.first_time(code::kDispensingBase)) b.add(27, {code::kDispensingBase});  // F500, 月1回
  if (rng.percent(50) && month.first_time(code::kDrugInformation)) b.add(13, {code::kDrugInformation});
}

// ---------------------------------------------------------------- tests, images, 処置, injections

// A blood draw's tests (internal medicine), with the 判断料 of each group once a month and the
// 静脈採血 once a day.
void blood_tests(Rng& rng, VisitBuilder& b, const detail::GeneratorCatalog& c, const Claim& claim, int age,
                 bool chronic, MonthState& month) {
  bool hematology = false, chemistry1 = false, chemistry2 = false, immunology = false;
  if (chronic) {
    // 生化学的検査(I) items of one draw: the 包括対象検査 bundle (D007 注) prices 5–7, 8–9, 10+ items.
    std::array<Code, code::kChemistry.size()> items = code::kChemistry;
    const int n = rng.between(5, 12);
    Order order;
    order.category = 60;
    for (int i = 0; i < n; ++i) {
      const std::size_t j = static_cast<std::size_t>(i) + rng.below(static_cast<std::uint32_t>(items.size() - i));
      std::swap(items[static_cast<std::size_t>(i)], items[j]);
      if (c.has(items[static_cast<std::size_t>(i)])) order.items.push_back(ClaimItem{items[static_cast<std::size_t>(i)], {}, {}, {}});
    }
    if (!order.items.empty()) {
      b.push(std::move(order));
      chemistry1 = true;
    }
    // D005 9 HbA1c: 月1回 (電子点数表 05).
    if (rng.percent(35) && month.first_time(code::kHbA1c) && b.add(60, {code::kHbA1c})) hematology = true;
    if (rng.percent(8) && b.add(60, {code::kTsh, code::kFt4})) chemistry2 = true;
    if (claim.patient.sex == Sex::male && age >= 50 && rng.percent(8) && b.add(60, {code::kPsa})) chemistry2 = true;
  }
  if (rng.percent(chronic ? 60 : 80) && b.add(60, {code::kBloodCount})) hematology = true;
  if (rng.percent(chronic ? 15 : 60) && b.add(60, {code::kCrp})) immunology = true;
  if (!(hematology || chemistry1 || chemistry2 || immunology)) return;
  b.add(60, {code::kVenousBlood});  // D400 静脈採血
  if (hematology && month.first_time(code::kJudgeHematology)) b.add(60, {code::kJudgeHematology});
  if (chemistry1 && month.first_time(code::kJudgeChemistry1)) b.add(60, {code::kJudgeChemistry1});
  if (chemistry2 && month.first_time(code::kJudgeChemistry2)) b.add(60, {code::kJudgeChemistry2});
  if (immunology && month.first_time(code::kJudgeImmunology)) b.add(60, {code::kJudgeImmunology});
}

void urine_test(VisitBuilder& b, MonthState& month) {
  if (b.add(60, {code::kUrine}) && month.first_time(code::kJudgeUrine)) b.add(60, {code::kJudgeUrine});
}

// 感染症免疫学的検査 (D012) on a swab: influenza, group A strep or SARS-CoV-2 antigen.
void swab_test(Rng& rng, VisitBuilder& b, MonthState& month) {
  static constexpr std::array<Code, 3> tests = {code::kInfluenza, code::kStrepA, code::kCovidAntigen};
  if (!b.add(60, {tests[rng.below(tests.size())]})) return;
  b.add(60, {code::kSwab});
  if (month.first_time(code::kJudgeImmunology)) b.add(60, {code::kJudgeImmunology});
}

// 単純撮影, digital, with 電子画像管理加算: `films` films of one site (E001, E002; fee-rules E13).
void xray(VisitBuilder& b, Code diagnosis, int films) {
  b.add_with_quantity(70, diagnosis, Decimal(films));
  b.add_with_quantity(70, code::kXrayDigital, Decimal(films));
  b.add(70, {code::kXrayImaging});
}

// ---------------------------------------------------------------- one visit

struct VisitPlan {
  bool first_visit = false;  // 初診
  bool prescribing = false;
};

void department_work(Rng& rng, VisitBuilder& b, const detail::GeneratorCatalog& c, const Clinic& clinic,
                     const Story& s, const Claim& claim, int age, const VisitPlan& plan, MonthState& month) {
  switch (clinic.department) {
    case Department::internal: {
      if (!plan.first_visit && s.chronic && month.chronic_management < 2 && b.add(13, {code::kChronicManagement})) {
        ++month.chronic_management;  // B000 特定疾患療養管理料, not within a month of the 初診
      }
      if (rng.percent(s.chronic ? 35 : 25)) blood_tests(rng, b, c, claim, age, s.chronic, month);
      if (rng.percent(10)) urine_test(b, month);
      if (rng.percent(s.chronic ? 8 : 3)) b.add(60, {code::kEcg});
      if (!s.chronic && rng.percent(8)) swab_test(rng, b, month);
      if (rng.percent(6)) xray(b, code::kXrayChest, rng.percent(70) ? 1 : 2);
      if (rng.percent(3)) b.add(40, {code::kWound});
      if (age >= 75 && rng.percent(1) && !c.materials.empty()) {
        if (Order* o = b.add(40, {code::kCatheter})) o->items.push_back(ClaimItem{code::kBladderCatheter, Decimal(1), {}, {}});
      }
      if (age >= 80 && rng.percent(1)) b.add(40, {code::kSuction});
      if (rng.percent(3)) b.add_with_drug(31, code::kIntramuscular, c.injections);
      if (rng.percent(2)) b.add_with_drug(32, code::kIntravenous, c.injections);
      if (rng.percent(2)) b.add_with_drug(33, code::kDrip, c.injections);
      break;
    }
    case Department::pediatrics: {
      if (rng.percent(30)) swab_test(rng, b, month);
      if (rng.percent(8)) blood_tests(rng, b, c, claim, age, false, month);
      if (rng.percent(20)) b.add(40, {code::kNebulizer});
      if (rng.percent(15)) b.add(40, {code::kNose});
      if (rng.percent(5)) b.add(40, {code::kEar});
      break;
    }
    case Department::orthopedics: {
      if (rng.percent(plan.first_visit ? 70 : 20)) xray(b, code::kXrayOther, rng.between(1, 4));
      static constexpr std::array<Code, 4> therapy = {code::kPainDevice, code::kPainMassage, code::kPoultice, code::kTraction};
      if (rng.percent(80)) b.add(40, {therapy[rng.below(therapy.size())]});  // J119 / J118, one a day
      if (rng.percent(3)) b.add(40, {code::kJointPuncture});
      if (rng.percent(15)) b.add_with_drug(33, code::kJointInjection, c.injections);
      if (rng.percent(5)) blood_tests(rng, b, c, claim, age, false, month);
      break;
    }
    case Department::dermatology: {
      if (rng.percent(35)) b.add(40, {code::kOintment});
      if (rng.percent(20)) b.add(40, {code::kWartFreezing});
      if (rng.percent(5)) b.add(40, {code::kCorn});
      break;
    }
    case Department::psychiatry: {
      // I002 通院精神療法 at each 再診 (on the 初診 day only the 60-minute form applies: left out).
      if (!plan.first_visit) b.add(80, {rng.percent(70) ? code::kPsychotherapyShort : code::kPsychotherapyLong});
      if (rng.percent(5)) blood_tests(rng, b, c, claim, age, false, month);
      break;
    }
  }
}

// 初診料/再診料 with the additions the clinic has notified; time and age additions are santei's
// (automatic), so they are not listed.
void basic_fee(Rng& rng, VisitBuilder& b, const Claim& claim, const Clinic& clinic, const VisitPlan& plan) {
  const Facility& f = claim.facility;
  if (plan.first_visit) {
    Order* o = b.add(11, {code::kFirstVisit});
    if (!o) return;
    const auto addition = [&](Code code) {
      if (b.has(code)) o->items.push_back(ClaimItem{code, {}, {}, {}});
    };
    if (f.has_standard(code::kStandardFunction)) addition(code::kFunctionAddition);
    if (rng.percent(60)) addition(code::kInfoFirst);
    if (f.has_standard(code::kStandardDx)) addition(code::kDxFirst);
    if (f.has_standard(code::kStandardBaseUp)) b.add(80, {code::kBaseUpFirst});
    return;
  }
  Order* o = b.add(12, {code::kRevisit});
  if (!o) return;
  const auto addition = [&](Code code) {
    if (b.has(code)) o->items.push_back(ClaimItem{code, {}, {}, {}});
  };
  if (clinic.statement) addition(code::kStatement);
  if (f.has_standard(code::kStandardAfterHours1)) addition(code::kAfterHoursSupport);
  if (rng.percent(40)) addition(code::kInfoRevisit);
  if (f.has_standard(code::kStandardBaseUp)) b.add(80, {code::kBaseUpRevisit});
}

// A visit outside hours (時間外・休日・深夜): sometimes a wound to suture (K000, 手術) or, in
// orthopedics, a trigger point injection (L104, 神経ブロック, 麻酔 通則3); santei adds their time
// additions. 外来管理加算 goes when they come (s col 56 = 1).
void outside_hours_work(Rng& rng, const detail::GeneratorCatalog& c, const Clinic& clinic, Visit& visit) {
  if (visit.time == VisitTime::regular || visit.time == VisitTime::night_early) return;
  if (clinic.department == Department::psychiatry) return;
  VisitBuilder b(rng, c, visit);
  bool added = false;
  if (rng.percent(30)) added = b.add(50, {code::kWoundSuture}) != nullptr;
  if (clinic.department == Department::orthopedics && rng.percent(50)) {
    const std::size_t before = visit.orders.size();
    b.add_with_drug(54, code::kTriggerPoint, c.injections);
    added = added || visit.orders.size() != before;
  }
  if (!added || !b.blocks_management()) return;
  std::erase_if(visit.orders, [](const Order& o) {
    return o.items.size() == 1 && o.items.front().code == code::kManagement;
  });
}

// 在宅医療: an elderly patient seen at home on a day of the month with no other visit — C001
// 訪問診療料 (no 再診料 that day, C001 注1), 同一建物居住者 or not; some are on 在宅酸素療法 (C103 2
// with C158, once a month).
void home_visit(Rng& rng, const detail::GeneratorCatalog& c, Claim& claim, int age) {
  if (age < 75 || !rng.percent(10)) return;
  std::vector<Date> free;
  for (const Date day : c.days) {
    const bool taken = std::any_of(claim.visits.begin(), claim.visits.end(), [&](const Visit& v) { return v.date == day; });
    if (day.weekday() != 0 && !taken) free.push_back(day);
  }
  if (free.empty()) return;
  Visit visit;
  visit.date = free[rng.below(static_cast<std::uint32_t>(free.size()))];
  VisitBuilder b(rng, c, visit);
  if (!b.add(14, {rng.percent(70) ? code::kHomeVisit : code::kHomeVisitSameBuilding})) return;
  // B000 特定疾患療養管理料 is included in a 在宅療養指導管理料 (告示 B000 注4; the masters' 背反, 同一月内):
  // 在宅酸素 only for a patient without B000 this month.
  const auto managed = std::any_of(claim.visits.begin(), claim.visits.end(), [](const Visit& v) {
    return std::any_of(v.orders.begin(), v.orders.end(), [](const Order& o) {
      return std::any_of(o.items.begin(), o.items.end(), [](const ClaimItem& i) { return i.code == code::kChronicManagement; });
    });
  });
  if (rng.percent(30) && !managed) b.add(14, {code::kHomeOxygen, code::kOxygenConcentrator});
  const auto at = std::upper_bound(claim.visits.begin(), claim.visits.end(), visit.date,
                                   [](Date d, const Visit& v) { return d < v.date; });
  claim.visits.insert(at, std::move(visit));
}

}  // namespace

void make_visits(Rng& rng, const detail::GeneratorCatalog& c, const Clinic& clinic, const Story& story, Claim& claim) {
  const int age = age_in_years(claim.patient.birth_date, claim.month.first_day());
  const Regimen regimen = draw_regimen(rng, c, clinic.department, story, age);
  MonthState month;
  const auto dates = draw_dates(rng, c, clinic.department, story);
  for (std::size_t v = 0; v < dates.size(); ++v) {
    Visit visit;
    visit.date = dates[v].first;
    visit.time = dates[v].second;
    VisitBuilder b(rng, c, visit);
    VisitPlan plan;
    plan.first_visit = v == 0 && story.new_episode;
    // Chronic patients get their month's prescription at the first visit (a second one for short
    // courses); acute ones at the first visit and sometimes again.
    plan.prescribing = v == 0 || (story.chronic ? regimen.days <= 14 && rng.percent(50) : rng.percent(40));
    basic_fee(rng, b, claim, clinic, plan);
    department_work(rng, b, c, clinic, story, claim, age, plan, month);
    if (plan.prescribing) prescribe(rng, b, clinic, regimen, month);
    // A001 注8 外来管理加算: at a 再診 without 処置, リハビリ, 精神科専門療法 … (s col 56 = 1).
    if (!plan.first_visit && !b.blocks_management() && rng.percent(85)) b.add(12, {code::kManagement});
    claim.visits.push_back(std::move(visit));
  }
  for (Visit& visit : claim.visits) outside_hours_work(rng, c, clinic, visit);
  if (clinic.department == Department::internal) home_visit(rng, c, claim, age);
}

}  // namespace santei::generate
