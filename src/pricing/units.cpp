// Phase 1: resolve items, check eligibility, group them into units (算定単位) and add the
// automatic age and time additions.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "masters/master_data.hpp"
#include "pricing/context.hpp"
#include "pricing/eligibility.hpp"
#include "pricing/inpatient.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/rules.hpp"

namespace santei::pricing {
namespace {

std::string validity_text(auto versions) {
  std::string out;
  for (const auto& v : versions.records) {
    out += fmt::format("{}{} to {}", out.empty() ? "" : ", ", v.valid_from.iso(),
                       v.valid_to.is_open_end() ? std::string("open") : v.valid_to.iso());
  }
  return out;
}

[[noreturn]] void unknown_code(const ItemRef& where, std::string message) {
  throw Exception(ErrorInfo{Status::unknown_code, {}, 0, 0, std::string(where.path(".code")), std::move(message)});
}

// The version of `code` in force on the service date, or an unknown_code error naming the master
// and, when the code exists at other dates, when it was valid.
template <class Versions>
auto in_force(const Context& ctx, Versions versions, Code code, Date service, const ItemRef& where, const char* master,
              const char* kind) {
  const auto* found = ctx.version_for(versions, service);
  if (found) return found;
  if (versions.empty()) {
    const auto& missing = ctx.set.stats().missing;
    const bool partial = std::find(missing.begin(), missing.end(), kind) != missing.end();
    unknown_code(where, fmt::format("{} is not in the {} of {}{}", code, master, ctx.set.revision(),
                                    partial ? fmt::format(" ({} is a partial revision directory without one)",
                                                          ctx.set.origin())
                                            : std::string()));
  }
  unknown_code(where, fmt::format("{} is not in force on {} ({} of {}; valid {})", code, ctx.lookup_date(service).iso(),
                                  master, ctx.set.revision(), validity_text(versions)));
}

Resolved resolve(const Context& ctx, const ClaimItem& item, const ItemRef& where, Date service) {
  Resolved r;
  r.item = &item;
  r.where = where;
  r.code = item.code;
  switch (item.code / 100000000) {
    case 1:
      r.kind = ItemKind::procedure;
      r.procedure = in_force(ctx, ctx.set.data().procedures.dated(item.code), item.code, service, where, "医科診療行為マスター",
                            "s");
      break;
    case 6:
      r.kind = ItemKind::drug;
      r.drug = in_force(ctx, ctx.set.data().drugs.dated(item.code), item.code, service, where, "医薬品マスター",
                            "y");
      break;
    case 7:
      r.kind = ItemKind::material;
      r.material = in_force(ctx, ctx.set.data().materials.dated(item.code), item.code, service, where, "特定器材マスター",
                            "t");
      break;
    case 8:
      r.kind = ItemKind::comment;
      r.comment = in_force(ctx, ctx.set.data().comments.dated(item.code), item.code, service, where, "コメントマスター",
                            "c");
      break;
    default:
      unknown_code(where, fmt::format("{}: no 医科 master has 9-digit codes starting with {}", item.code,
                                      item.code / 100000000));
  }
  return r;
}

Resolved automatic(const ProcedureRecord& record, const ItemRef& where) {
  Resolved r;
  r.where = where;
  r.kind = ItemKind::procedure;
  r.code = record.code;
  r.procedure = &record;
  r.automatic = true;
  return r;
}

bool has_code(const Unit& unit, Code code) {
  return std::any_of(unit.items.begin(), unit.items.end(), [&](const Resolved& r) { return r.code == code && !r.dropped; });
}

// Two additions of one 注加算コード with the same 通番 are alternatives (R06rec2 別紙7-7).
bool same_alternative(const ProcedureRecord& a, const ProcedureRecord& b) {
  return a.addition_group != 0 && a.addition_group == b.addition_group && a.addition_serial == b.addition_serial;
}

bool conflicts_with_unit(const Unit& unit, const ProcedureRecord& candidate) {
  for (std::size_t i = 1; i < unit.items.size(); ++i) {
    const Resolved& r = unit.items[i];
    if (!r.dropped && r.procedure && same_alternative(*r.procedure, candidate)) return true;
  }
  return false;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

const char* time_name(VisitTime time) {
  switch (time) {
    case VisitTime::regular: return "within hours";
    case VisitTime::after_hours: return "after hours (時間外)";
    case VisitTime::holiday: return "on a holiday (休日)";
    case VisitTime::late_night: return "late at night (深夜)";
    case VisitTime::night_early: return "at night or early (夜間・早朝等)";
  }
  return "";
}

// The index of the base unit an explicit addition joins, or kNone (it is then billed on its own line).
std::size_t unit_for_addition(const std::vector<Unit>& units, std::size_t first_of_order,
                              const ProcedureRecord& addition) {
  for (std::size_t i = units.size(); i-- > first_of_order;) {
    const Unit& unit = units[i];
    if (unit.kind != UnitKind::procedure || !unit.base()->procedure) continue;
    const ProcedureRecord& base = *unit.base()->procedure;
    for (const AgeAddition& age : base.age_additions) {
      if (age.code == addition.code) return i;
    }
    if (addition.addition_group != 0 && addition.addition_group == base.addition_group) return i;
  }
  // %加算・%減算・マイナス点数 only make sense on a base: the order's last procedure.
  if (addition.point_kind == 5 || addition.point_kind == 6 || addition.point_kind == 8) {
    for (std::size_t i = units.size(); i-- > first_of_order;) {
      if (units[i].kind == UnitKind::procedure) return i;
    }
  }
  return kNone;
}

// A base's own points before additions, for the 所定点数 thresholds of time additions.
Decimal base_points(const ProcedureRecord& r, const std::optional<Decimal>& quantity) {
  if (r.point_kind != 3) return Decimal(0);
  if (r.stepped != 1 || !quantity || !(Decimal(r.step_lower) < *quantity)) return r.points;
  const Decimal q = r.step_upper != 99999999 && Decimal(r.step_upper) < *quantity ? Decimal(r.step_upper) : *quantity;
  return r.points + r.step_points * Decimal(ceil_ratio(q - Decimal(r.step_lower), Decimal(r.step_width)));
}

class UnitBuilder {
 public:
  UnitBuilder(Context& ctx, std::vector<Unit>& units) : ctx_(ctx), units_(units) {}

  void visit(std::size_t v) {
    const Visit& visit = ctx_.claim.visits[v];
    lab_items_.clear();
    const std::size_t first = units_.size();
    suggested_.clear();
    for (std::size_t o = 0; o < visit.orders.size(); ++o) order(v, o);
    // Automatic additions once the whole visit is known: an addition listed in another order of
    // the visit (e.g. 再診料's time additions, on their own lines) counts as listed.
    for (std::size_t u = first; u < units_.size(); ++u) {
      if (units_[u].kind != UnitKind::procedure) continue;
      drop_alternatives(units_[u]);
      add_time_addition(units_[u], visit, first);
      add_age_additions(units_[u], visit, first);
      add_general_age_additions(units_[u], visit);
    }
    add_price_responses(v, first);
    bundle_labs();
  }

 private:
  void order(std::size_t v, std::size_t o) {
    const Visit& visit = ctx_.claim.visits[v];
    const Order& order = visit.orders[o];
    const std::size_t first = units_.size();
    std::size_t drugs = kNone;
    std::size_t materials = kNone;
    std::size_t last = kNone;  // the unit a comment attaches to
    const auto new_unit = [&](UnitKind kind) {
      Unit& unit = units_.emplace_back();  // in place: a Unit holds room for 10 items
      unit.kind = kind;
      unit.visit = v;
      unit.order = o;
      unit.date = visit.date;
      unit.category = order.category;
      unit.burden = order.burden;
      unit.count = order.count;
      return units_.size() - 1;
    };
    for (std::size_t i = 0; i < order.items.size(); ++i) {
      const ItemRef where{static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(o), static_cast<std::uint32_t>(i)};
      Resolved r = resolve(ctx_, order.items[i], where, visit.date);
      switch (r.kind) {
        case ItemKind::procedure: {
          const ProcedureRecord& p = *r.procedure;
          if (auto why = check_eligibility(ctx_, p, visit.date);
              why && ctx_.forbid(why->rule, {p.code}, Text("{}: {}", ctx_.describe(r), std::string_view(why->message)), "not billed",
                                 visit.date, r.where.path(".code"))) {
            continue;
          }
          if (is_addition(p)) {
            last = unit_for_addition(units_, first, p);
            if (last == kNone) last = new_unit(UnitKind::standalone);
            units_[last].items.emplace_back(r);
          } else if (p.lab_bundle_group != 0 && p.exam_kind == 1) {
            std::size_t lab = lab_unit(p.lab_bundle_group);
            if (lab == kNone) {
              lab = new_unit(UnitKind::lab_bundle);
              units_[lab].lab_group = p.lab_bundle_group;
            }
            lab_items_.push_back({std::move(r), lab});
          } else {
            last = new_unit(UnitKind::procedure);
            units_[last].items.emplace_back(r);
          }
          break;
        }
        case ItemKind::drug:
          if (drugs == kNone) {
            drugs = new_unit(UnitKind::drug);
            // 内服 1剤1日分 × days, 屯服 1回分 × 回数 (F200)
            if (order.category == 21 || order.category == 22) units_[drugs].count = order.days;
          }
          units_[drugs].items.emplace_back(r);
          last = drugs;
          break;
        case ItemKind::material:
          if (materials == kNone) materials = new_unit(UnitKind::material);
          units_[materials].items.emplace_back(r);
          last = materials;
          break;
        case ItemKind::comment:
          if (last == kNone) last = new_unit(UnitKind::standalone);
          units_[last].items.emplace_back(r);
          break;
      }
    }
  }

  // Explicit additions with the same 注加算コード and 通番 are alternatives: keep the first.
  void drop_alternatives(Unit& unit) {
    for (std::size_t i = 1; i < unit.items.size(); ++i) {
      Resolved& later = unit.items[i];
      if (!later.procedure) continue;
      for (std::size_t j = 1; j < i; ++j) {
        const Resolved& earlier = unit.items[j];
        if (earlier.dropped || !earlier.procedure || !same_alternative(*earlier.procedure, *later.procedure)) continue;
        later.dropped = ctx_.forbid("注加算/通番", {later.code, earlier.code},
                                    fmt::format("{} and {} are alternatives (注加算コード {} 通番 {}); a combined addition "
                                                "(e.g. 乳幼児時間外加算) may be the one to list",
                                                ctx_.describe(earlier), ctx_.describe(later),
                                                later.procedure->addition_group, later.procedure->addition_serial),
                                    "only the first is billed", unit.date, later.where.path(".code"));
        break;
      }
    }
  }

  bool eligible(const ProcedureRecord& r, Date date) const { return is_eligible(ctx_, r, date); }

  // Whether `addition` belongs to `base`: it joined its unit, or shares its 注加算コード or its
  // 区分番号 (000 excluded: it cannot be told from an empty column).
  static bool related(const ProcedureRecord& base, const ProcedureRecord& addition) {
    if (base.addition_group != 0 && addition.addition_group == base.addition_group) return true;
    return base.section_number != 0 && addition.section_letter == base.section_letter &&
           addition.section_number == base.section_number && addition.branch == base.branch;
  }

  // The time additions of `unit`'s base already there: in the unit, or on their own lines of the visit.
  template <class Pred>
  bool visit_has(const Unit& unit, std::size_t first_of_visit, Pred pred) const {
    const ProcedureRecord& base = *unit.base()->procedure;
    for (std::size_t i = 1; i < unit.items.size(); ++i) {
      if (!unit.items[i].dropped && unit.items[i].procedure && pred(*unit.items[i].procedure)) return true;
    }
    const auto standalone = [&](const Unit& line) {
      const Resolved* r = line.base();
      return line.kind == UnitKind::standalone && r && !r->dropped && r->procedure && related(base, *r->procedure) &&
             pred(*r->procedure);
    };
    for (std::size_t u = first_of_visit; u < units_.size(); ++u) {
      if (standalone(units_[u])) return true;
    }
    const std::size_t index = static_cast<std::size_t>(&unit - units_.data());
    if (std::any_of(suggested_.begin(), suggested_.end(), [&](const auto& s) { return s.first == index && pred(*s.second); })) {
      return true;  // as claimed: santei's suggestion stands for the addition it did not add
    }
    return std::any_of(pending_.begin(), pending_.end(), standalone);
  }

  // Every automatic addition goes through here (Context::add_automatic is the switch): added to
  // `unit`, or on a line of its own after the visit's units (`own_line`, as receipts write
  // 再診料's time additions); priced as claimed, a diagnostic says what the law would add and why.
  // `why` is a callable returning the reason: formatted only when the warning is recorded (issue 17).
  template <class Why>
  void add_automatic(Unit& unit, const ProcedureRecord& addition, bool own_line, std::string_view kind, Why&& why) {
    const Resolved& base = *unit.base();
    const auto message = [&] {
      return fmt::format("{} {} not claimed: the law adds it to {} {}", addition.code, addition.name,
                         ctx_.describe(base), why());
    };
    if (!ctx_.add_automatic(kind, {addition.code, base.code}, message, unit.date,
                            [&] { return base.where.path(".code"); })) {
      suggested_.emplace_back(static_cast<std::size_t>(&unit - units_.data()), &addition);
      return;
    }
    if (!own_line) {
      unit.items.emplace_back(automatic(addition, base.where));
      return;
    }
    Unit line = unit;
    line.kind = UnitKind::standalone;
    line.items = {automatic(addition, base.where)};
    pending_.push_back(std::move(line));
  }

  std::string time_reason(const Visit& visit, std::string_view source) const {
    return fmt::format("for a visit {} ({}, {})", time_name(visit.time), source, ctx_.set.revision());
  }

  static bool is_time_addition(const ProcedureRecord& p) { return is_addition(p) && p.time_addition != 0; }

  void add_time_addition(Unit& unit, const Visit& visit, std::size_t first_of_visit) {
    if (visit.time == VisitTime::regular) return;
    const ProcedureRecord& base = *unit.base()->procedure;
    if (base.time_addition == 0) return;
    const std::span<const std::int32_t> kinds = time_kinds(visit.time);
    const Date on = ctx_.lookup_date(visit.date);
    if (visit_has(unit, first_of_visit, is_time_addition)) return;  // listed explicitly: never doubled
    for (const TimeAdditionRule& rule : time_addition_rules()) {
      if (!rule.period.contains(on)) continue;
      if (rule.setting && *rule.setting != ctx_.claim.setting) continue;
      if (rule.group_scope) {
        if (std::find(rule.categories.begin(), rule.categories.end(), unit.category) == rule.categories.end()) continue;
        if (add_group_time_addition(unit, base, kinds, visit, on)) return;
      } else {
        if (!rule.covers(base)) continue;
        if (threshold_points(unit, visit, first_of_visit) < Decimal(rule.min_points)) continue;
        for (const TimeAdditionCode& code : rule.additions) {
          if (code.visit != visit.time || (code.setting && *code.setting != ctx_.claim.setting)) continue;
          const ProcedureRecord* addition = ctx_.set.procedure(code.code, on);
          if (!addition || !eligible(*addition, visit.date)) continue;
          add_automatic(unit, *addition, false, "時間加算", [&] { return time_reason(visit, rule.source); });
          return;
        }
      }
    }
  }

  // The 所定点数 a time addition's threshold (処置 1,000点 / 150点) is read on: the base and the 注加算 in
  // points of its unit (通知 第9部 通則10: 第1節の点数及び各注による加算), those outside the 所定点数
  // (s col 62) left out, and the automatic age additions the unit is due (s cols 100–111), which
  // join it after the time addition: 通則10 counts 乳幼児加算 (a %加算 of the 所定点数 in points, as
  // ギプス's 乳幼児加算, counts its share of them).
  Decimal threshold_points(const Unit& unit, const Visit& visit, std::size_t first_of_visit) const {
    const Resolved* base = unit.base();
    Decimal total = base_points(*base->procedure, base->quantity());
    for (const Resolved& r : unit.items) {
      if (&r == base || r.dropped || !r.procedure || r.procedure->excluded_from_base == 1) continue;
      total += base_points(*r.procedure, r.quantity());
    }
    Decimal percent;
    for (const ProcedureRecord* age : due_age_additions(unit, visit, first_of_visit)) {
      if (age->excluded_from_base == 1) continue;
      if (age->point_kind == 3 && age->stepped != 1) total += age->points;
      if (age->point_kind == 5) percent += age->points;
    }
    return total + (total * percent).shifted_right(2);
  }

  bool add_group_time_addition(Unit& unit, const ProcedureRecord& base, std::span<const std::int32_t> kinds,
                               const Visit& visit, Date on) {
    const Date service = visit.date;
    const RuleGraph& rules = ctx_.set.rules();
    const ProcedureRecord* best = nullptr;
    bool best_age_specific = false;
    const auto consider = [&](std::span<const Code> codes) {
      for (Code code : codes) {
        const ProcedureRecord* candidate = ctx_.set.procedure(code, on);
        if (!candidate || candidate->code == base.code || !is_addition(*candidate)) continue;
        if (std::find(kinds.begin(), kinds.end(), candidate->time_addition) == kinds.end()) continue;
        if (!eligible(*candidate, service) || conflicts_with_unit(unit, *candidate)) continue;
        const bool age_specific = !candidate->min_age.is_none() || !candidate->max_age.is_none();
        if (!best || (age_specific && !best_age_specific) ||
            (age_specific == best_age_specific && candidate->publication_order < best->publication_order)) {
          best = candidate;
          best_age_specific = age_specific;
        }
      }
    };
    if (base.addition_group != 0) consider(rules.group_time_additions(base.addition_group));
    // 区分番号 000 cannot be told from an empty column, so only real 区分番号 are searched.
    if (base.section_number != 0) consider(rules.section_time_additions(base.section_letter, base.section_number, base.branch));
    if (!best) return false;
    // Outside the base's 注加算 group (e.g. 再診料's time additions): their own line, as receipts write them.
    const bool own_line = best->addition_group == 0 || best->addition_group != base.addition_group;
    add_automatic(unit, *best, own_line, "時間加算", [&] {
      return time_reason(visit, fmt::format("時間加算区分 s col 43 = {}", best->time_addition));
    });
    return true;
  }

  // The age additions of s cols 100–111 `unit`'s base is due and that are not there yet, in the
  // order add_age_additions adds them.
  boost::container::small_vector<const ProcedureRecord*, 4> due_age_additions(const Unit& unit, const Visit& visit,
                                                                               std::size_t first_of_visit) const {
    boost::container::small_vector<const ProcedureRecord*, 4> due;
    const ProcedureRecord& base = *unit.base()->procedure;
    if (!(base.rule_flags & ProcedureRecord::kHasAgeAdditions)) return due;  // most bases name none
    const Date on = ctx_.lookup_date(visit.date);
    // An age-specific time addition (乳幼児時間外加算 …) replaces the plain 乳幼児加算 (告示 A000 注6, A001 注4).
    const auto infant_time = [](const ProcedureRecord& p) {
      return is_time_addition(p) && (!p.min_age.is_none() || !p.max_age.is_none());
    };
    std::optional<bool> infant_time_listed;  // asked once an addition fits the age: most patients fit none
    for (const AgeAddition& age : base.age_additions) {
      if (age.code == 0 || !ctx_.age_within(age.lower, age.upper, visit.date)) continue;
      if (!infant_time_listed) infant_time_listed = visit_has(unit, first_of_visit, infant_time);
      if (*infant_time_listed) return due;
      if (has_code(unit, age.code)) continue;  // listed explicitly
      const ProcedureRecord* addition = ctx_.set.procedure(age.code, on);
      if (!addition || !eligible(*addition, visit.date) || conflicts_with_unit(unit, *addition)) continue;
      if (std::any_of(due.begin(), due.end(), [&](const ProcedureRecord* d) { return same_alternative(*d, *addition); })) {
        continue;
      }
      due.push_back(addition);
    }
    return due;
  }

  void add_age_additions(Unit& unit, const Visit& visit, std::size_t first_of_visit) {
    const Code base = unit.base()->code;
    for (const ProcedureRecord* addition : due_age_additions(unit, visit, first_of_visit)) {
      add_automatic(unit, *addition, false, "年齢加算", [&] {
        return fmt::format("for a patient of {} on {} (年齢加算, s cols 100–111 of {}, {})", ctx_.age_on(visit.date),
                           visit.date.iso(), base, ctx_.set.revision());
      });
    }
  }

  // 通則 age additions (masters/rules/age_additions.xml: 手術 通則8, 麻酔 通則2) of a base whose 通則年齢
  // (s col 40) is 1: a %加算 of the 所定点数, priced beside the time additions, never on them.
  void add_general_age_additions(Unit& unit, const Visit& visit) {
    const ProcedureRecord& base = *unit.base()->procedure;
    if (base.general_age != 1 || is_addition(base)) return;
    const Date on = ctx_.lookup_date(visit.date);
    for (const GeneralAgeRule& rule : general_age_rules()) {
      if (rule.section != base.section_letter || !rule.period.contains(on)) continue;
      const auto of_rule = [&](Code code) {
        return std::find(rule.listed.begin(), rule.listed.end(), code) != rule.listed.end() ||
               std::any_of(rule.additions.begin(), rule.additions.end(),
                           [&](const GeneralAgeAddition& a) { return a.code == code; });
      };
      if (std::any_of(unit.items.begin() + 1, unit.items.end(),
                      [&](const Resolved& r) { return !r.dropped && of_rule(r.code); })) {
        return;  // listed by the claim: it stands
      }
      for (const GeneralAgeUnknown& unknown : rule.unknowns) {
        if (base.low_birth_weight != unknown.low_birth_weight || !ctx_.age_within(unknown.lower, unknown.upper, visit.date)) {
          continue;
        }
        ctx_.diagnose(Severity::info, "年齢加算/通則", {base.code},
                      fmt::format("{}: no 通則 age addition added for a patient of {} on {} ({})",
                                  ctx_.describe(*unit.base()), ctx_.age_on(visit.date), visit.date.iso(), unknown.reason),
                      visit.date, unit.base()->where.path(".code"));
        return;
      }
      for (const GeneralAgeAddition& age : rule.additions) {
        if (!ctx_.age_within(age.lower, age.upper, visit.date)) continue;
        const ProcedureRecord* addition = ctx_.set.procedure(age.code, on);
        if (!addition || !eligible(*addition, visit.date)) continue;
        add_automatic(unit, *addition, false, "年齢加算", [&] {
          return fmt::format("for a patient of {} on {} ({} {}; 通則年齢 s col 40 of {} = 1, {})", ctx_.age_on(visit.date),
                             visit.date.iso(), rule.id, rule.source, base.code, ctx_.set.revision());
        });
        return;
      }
    }
  }

  // 物価対応料 (masters/rules/price_response.xml, 告示 O100 注1–3): the items of a visit that bring one
  // (s col 132 = 2) bring the 物価対応料 of their group (col 133), once a visit for each group, on a
  // line of its own (診療識別 80 その他). One the claim lists must have an item of its group on the
  // visit (通知 O100 (2)–(4) 「…を算定した場合に限り」) and is never added a second time. An 入院料
  // listed in a visit (a claim without `admission`, as read from a UKE file) carries its days, so
  // its 入院物価対応料 is checked, not added; with `admission` the days are InpatientStay's.
  void add_price_responses(std::size_t v, std::size_t first_of_visit) {
    const Visit& visit = ctx_.claim.visits[v];
    const Date on = ctx_.lookup_date(visit.date);
    const PriceResponseRule* rule = price_response_rule(on);
    if (!rule) return;
    const bool admission = ctx_.claim.admission && !ctx_.claim.admission->fees.empty();
    struct Group {
      std::int32_t group;
      std::size_t unit;  // the first unit whose items bring it
      const Resolved* item;  // the item that brings it (units_ does not grow in this function)
      bool inpatient_fee = false;
      bool listed = false;
    };
    boost::container::small_vector<Group, 2> groups;
    const auto group_of = [&](std::int32_t g) {
      return std::find_if(groups.begin(), groups.end(), [g](const Group& x) { return x.group == g; });
    };
    for (std::size_t u = first_of_visit; u < units_.size(); ++u) {
      if (units_[u].dropped) continue;
      for (const Resolved& r : units_[u].items) {
        if (r.dropped || !r.procedure || r.procedure->price_response_kind != '2') continue;
        const std::int32_t g = r.procedure->price_response_group;
        if (g != 0 && group_of(g) == groups.end()) groups.push_back(Group{g, u, &r, is_inpatient_fee(*r.procedure)});
      }
    }
    for (std::size_t u = first_of_visit; u < units_.size(); ++u) {
      Unit& unit = units_[u];
      for (std::size_t i = 0; i < unit.items.size() && !unit.dropped; ++i) {
        const Resolved& r = unit.items[i];
        if (r.dropped || !r.procedure || r.procedure->price_response_kind != '1') continue;
        if (admission && r.procedure->setting == 1) continue;  // 入院物価対応料: InpatientStay::apply checks it
        const auto it = group_of(r.procedure->price_response_group);
        if (it != groups.end() && !it->listed) {
          it->listed = true;  // checked: santei adds nothing for this group
          continue;
        }
        const std::string why =
            it != groups.end()
                ? fmt::format("{} is a second 物価対応料 of 物価対応料グループ区分 {:03} on one visit, billed once ({})",
                              ctx_.describe(r), r.procedure->price_response_group, rule->source)
                : fmt::format("{} is billed only with an item of its 物価対応料グループ区分 {:03} (s col 133), and the "
                              "visit has none ({})",
                              ctx_.describe(r), r.procedure->price_response_group, rule->source);
        if (ctx_.forbid("物価対応料", {r.code}, why, "not billed", visit.date, r.where.path(".code"))) drop_item(unit, i);
      }
    }
    for (const Group& g : groups) {
      if (g.listed || g.inpatient_fee) continue;
      const Unit& from = units_[g.unit];
      boost::container::small_vector<const ProcedureRecord*, 4> candidates;  // inline (issue 17)
      for (Code code : ctx_.set.rules().price_response_items(g.group)) {
        const ProcedureRecord* item = ctx_.set.procedure(code, on);
        if (item && eligible(*item, visit.date)) candidates.push_back(item);
      }
      if (candidates.size() > 1) {
        std::vector<Code> codes;
        for (const ProcedureRecord* c : candidates) codes.push_back(c->code);
        ctx_.diagnose(Severity::warning, "物価対応料", codes,
                      fmt::format("物価対応料グループ区分 {:03} of {} has {} 物価対応料 in force: none added ({})", g.group,
                                  ctx_.describe(*g.item), candidates.size(), rule->several_in_group),
                      visit.date);
        continue;
      }
      if (candidates.empty()) continue;
      const ProcedureRecord& item = *candidates.front();
      if (!ctx_.add_automatic(
              "物価対応料", {item.code, g.item->code},
              [&] {
                return fmt::format("{} {} not claimed: the law adds it to {} (物価対応料グループ区分 {:03}, s cols "
                                   "132–133 of {}; {})",
                                   item.code, item.name, ctx_.describe(*g.item), g.group, ctx_.set.revision(),
                                   rule->source);
              },
              visit.date, [&] { return g.item->where.path(".code"); })) {
        continue;
      }
      Unit line = from;
      line.kind = UnitKind::procedure;
      line.category = 80;  // 診療識別 80 その他 (s col 15 点数欄集計先 800)
      line.count = 1;
      line.items = {automatic(item, g.item->where)};
      pending_.push_back(std::move(line));
    }
  }

  struct LabItem {
    Resolved item;
    std::size_t unit;  // its group's lab_bundle unit
  };

  // The visit's lab_bundle unit of `group`, or kNone. Such a unit is made empty where the group's
  // first item stands and filled by bundle_labs once the visit is read: born in its place (a unit
  // inserted into the middle of units_ moved every later one, 780 bytes each: 2.6 % of a claim's
  // pricing, callgrind). Empty until then, and not of kind procedure, the visit's rules pass it over.
  std::size_t lab_unit(std::int32_t group) const {
    for (const LabItem& lab : lab_items_) {
      if (lab.item.procedure->lab_bundle_group == group) return lab.unit;
    }
    return kNone;
  }

  // 包括対象検査: the items of one group on one date form one unit (one draw, D006–D015 注).
  void bundle_labs() {
    for (LabItem& lab : lab_items_) {
      Unit& unit = units_[lab.unit];
      if (has_code(unit, lab.item.code)) {
        ctx_.diagnose(Severity::warning, "包括対象検査", {lab.item.code},
                      fmt::format("{} listed twice for one draw: counted once", ctx_.describe(lab.item)), unit.date,
                      lab.item.where.path(".code"));
        continue;
      }
      unit.items.emplace_back(std::move(lab.item));
    }
    for (Unit& line : pending_) units_.push_back(std::move(line));
    pending_.clear();
  }

  // The buffers below are per visit and small: inline storage, no allocation per receipt (issue 17).
  Context& ctx_;
  std::vector<Unit>& units_;
  boost::container::small_vector<LabItem, 16> lab_items_;
  boost::container::small_vector<Unit, 2> pending_;  // standalone time-addition lines, appended after the visit's units
  // As claimed: the additions santei would have added, by unit index, so that one suggestion stands
  // for its addition as an added one would (乳幼児時間外加算 instead of 乳幼児加算 as well).
  boost::container::small_vector<std::pair<std::size_t, const ProcedureRecord*>, 4> suggested_;
};

}  // namespace

void build_units(Context& ctx, std::vector<Unit>& units) {
  units.clear();
  std::size_t items = 0;  // at most a unit an item, plus a few automatic lines: one allocation at most
  for (const Visit& visit : ctx.claim.visits) {
    for (const Order& order : visit.orders) items += order.items.size();
  }
  units.reserve(items + 8);
  UnitBuilder builder(ctx, units);
  for (std::size_t v = 0; v < ctx.claim.visits.size(); ++v) builder.visit(v);
}

}  // namespace santei::pricing
