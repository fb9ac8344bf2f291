// Builds the generator's catalog and checks every code against the masters.
#include "generate/catalog.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "generate/codes.hpp"

namespace santei::detail {
namespace {

// The masters a generated claim must be priceable with, and the dates each reads records on: the
// service date in the month's own revision, the nearest day of its period in a forced one (as
// PricingOptions::revision prices).
struct Target {
  const MasterSet* set = nullptr;
  bool forced = false;

  Date lookup(Date day) const {
    if (!forced) return day;
    const DateRange period = set->period();
    if (day < period.from) return period.from;
    if (period.to < day) return period.to;
    return day;
  }
};

std::vector<Target> targets(const MasterLibrary& masters, const GenerateOptions& options) {
  const MasterSet* own = masters.for_date(options.month.first_day());
  if (!own) {
    throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "month",
                              fmt::format("no loaded revision prices {}", options.month.iso())});
  }
  std::vector<Target> out{{own, false}};
  const auto add = [&](const MasterSet* set) {
    if (set != own) out.push_back({set, true});
  };
  if (options.revisions.empty()) {
    for (const auto& set : masters.sets()) add(set.get());
  }
  for (const std::string& id : options.revisions) {
    const MasterSet* set = masters.revision(id);
    if (!set) {
      throw Exception(ErrorInfo{Status::invalid_argument, {}, 0, 0, "revisions",
                                fmt::format("revision {} is not among the loaded masters", id)});
    }
    add(set);
  }
  return out;
}

// Whether `find(set, code, day)` has a record on every day of the month for every target.
template <class Find>
bool in_force(const std::vector<Target>& targets, const std::vector<Date>& days, Code code, Find find) {
  for (const Target& t : targets) {
    for (const Date day : days) {
      if (!find(*t.set, code, t.lookup(day))) return false;
    }
  }
  return true;
}

bool contains(std::string_view text, std::initializer_list<std::string_view> words) {
  for (const std::string_view w : words) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// The drug pools: real y-master drugs by 剤形 (col 28), 単位 (col 10) and 薬価 (col 12). Left out:
// 麻薬・毒薬・覚醒剤原料・向精神薬 (col 14), 生物学的製剤 (col 16), 造影剤 (col 20), drugs under an
// 経過措置 (col 34), and prices far from a clinic's everyday prescribing.
void add_drugs(GeneratorCatalog& c, const std::vector<Target>& targets) {
  const MasterSet& own = *targets.front().set;
  const auto find = [](const MasterSet& s, Code code, Date day) { return s.drug(code, day) != nullptr; };
  const Decimal five(5);
  Code previous = 0;
  for (const DrugRecord& all : own.all_drugs()) {
    if (all.code == previous) continue;  // versions of one code follow each other
    previous = all.code;
    const DrugRecord* r = own.drug(all.code, c.days.front());
    if (!r || r->price_kind != 1 || r->narcotic != 0 || r->biologic != 0 || r->contrast != 0) continue;
    if (r->transition_end != Date{}) continue;
    std::vector<Code>* pool = nullptr;
    const std::string_view unit = r->unit_name;
    const Decimal price = r->price;
    if (r->form == 1 && (unit == "錠" || unit == "カプセル") && five <= price && price <= Decimal(300)) {
      pool = &c.oral_tablets;
    } else if (r->form == 1 && unit == "ｇ" && contains(r->name, {"散", "顆粒", "シロップ"}) && five <= price &&
               price <= Decimal(150)) {
      pool = &c.oral_powders;
    } else if (r->form == 6 && unit == "ｇ" && contains(r->name, {"軟膏", "クリーム"}) && five <= price &&
               price <= Decimal(80)) {
      pool = &c.ointments;
    } else if (r->form == 6 && unit == "枚" && contains(r->name, {"テープ", "パップ"}) && five <= price &&
               price <= Decimal(120)) {
      pool = &c.patches;
    } else if (r->form == 4 && (unit == "管" || unit == "瓶" || unit == "筒") && !contains(r->name, {"ワクチン"}) &&
               Decimal(50) <= price && price <= Decimal(3000)) {
      pool = &c.injections;
    }
    if (pool && in_force(targets, c.days, r->code, find)) pool->push_back(r->code);
  }
  c.info.oral_drugs = c.oral_tablets.size() + c.oral_powders.size();
  c.info.external_drugs = c.ointments.size() + c.patches.size();
  c.info.injection_drugs = c.injections.size();
}

}  // namespace

GeneratorCatalog build_catalog(const MasterLibrary& masters, const GenerateOptions& options) {
  GeneratorCatalog c;
  c.options = options;
  for (Date d = options.month.first_day(); d <= options.month.last_day(); d = d.plus_days(1)) c.days.push_back(d);
  const std::vector<Target> all = targets(masters, options);
  const MasterSet& own = *all.front().set;

  const auto procedure = [](const MasterSet& s, Code code, Date day) { return s.procedure(code, day) != nullptr; };
  std::vector<Code> left_out;
  const auto check_procedure = [&](Code code) {
    if (!in_force(all, c.days, code, procedure)) {
      left_out.push_back(code);
      return;
    }
    c.procedures.push_back(code);
    // 外来管理加算区分 (s col 56) = 1: 外来管理加算 cannot be billed on the same day (A001 注8).
    if (own.procedure(code, c.days.front())->outpatient_management == 1) c.blocks_management.push_back(code);
  };
  for (const Code code : generate::code::kProcedures) check_procedure(code);
  for (const Code code : generate::code::kChemistry) check_procedure(code);
  if (!left_out.empty()) {
    c.info.notes.push_back(fmt::format("left out, not in force on every day of {} in every target revision: {}",
                                       options.month.iso(), fmt::join(left_out, ", ")));
  }
  std::sort(c.procedures.begin(), c.procedures.end());
  c.procedures.erase(std::unique(c.procedures.begin(), c.procedures.end()), c.procedures.end());
  std::sort(c.blocks_management.begin(), c.blocks_management.end());
  c.blocks_management.erase(std::unique(c.blocks_management.begin(), c.blocks_management.end()), c.blocks_management.end());
  for (const Code required : {generate::code::kFirstVisit, generate::code::kRevisit}) {
    if (!c.has(required)) {
      throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "month",
                                fmt::format("{} (初診料/再診料) is not in force on every day of {} in every target "
                                            "revision: no claims can be generated",
                                            required, options.month.iso())});
    }
  }
  c.info.procedures = c.procedures.size();

  const auto material = [](const MasterSet& s, Code code, Date day) { return s.material(code, day) != nullptr; };
  if (in_force(all, c.days, generate::code::kBladderCatheter, material)) {
    c.materials.push_back(generate::code::kBladderCatheter);
  } else {
    c.info.notes.push_back(fmt::format("{} left out: not in force in every target revision", generate::code::kBladderCatheter));
  }
  c.info.materials = c.materials.size();

  add_drugs(c, all);
  if (c.oral_tablets.empty() || c.oral_powders.empty() || c.ointments.empty() || c.patches.empty() || c.injections.empty()) {
    c.info.notes.push_back("a drug pool is empty: those orders are left out of the claims");
  }
  return c;
}

}  // namespace santei::detail
