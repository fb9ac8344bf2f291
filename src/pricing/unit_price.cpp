// Phase 3: each unit becomes a PricedLine with the steps that made its points.
#include <algorithm>

#include <fmt/format.h>

#include "pricing/context.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/rounding.hpp"

namespace santei::pricing {
namespace {

class LinePricer {
 public:
  LinePricer(Context& ctx, Unit& unit, PricedLine& line) : ctx_(ctx), unit_(unit), line_(line) {}

  // Small enough to inline, so that a line priced without explanations passes no step's figures.
  void step(ExplainKind kind, Code code, Decimal value, Decimal base = {}, Decimal result = {}, std::int32_t n = 0) {
    if (ctx_.options.explain) explain(ExplainStep{kind, code, value, base, result, n});
  }
  void explain(const ExplainStep& step) { line_.explain.push_back(step); }

  // きざみ (s cols 30–35, R06rec1.pdf 項番35 and its table): the points of a stepped item at its quantity.
  Decimal stepped(const Resolved& r) {
    const ProcedureRecord& p = *r.procedure;
    const auto quantity = r.quantity();
    if (!quantity) {
      throw Exception(ErrorInfo{Status::claim_error, {}, 0, 0, std::string(r.where.path(".quantity")),
                                fmt::format("{} is priced by quantity (きざみ, {}): quantity is required",
                                            ctx_.describe(r), p.data_unit_name)});
    }
    const Decimal lower(p.step_lower);
    const Decimal width(p.step_width > 0 ? p.step_width : 1);
    const bool has_upper = p.step_upper != 99999999;
    const Decimal upper(p.step_upper);
    Decimal q = *quantity;
    if (p.step_lower > 0 && q <= lower - width) {
      if (p.step_error == 2 || p.step_error == 3) {
        ctx_.diagnose(Severity::error, "きざみ/下限", {p.code},
                      fmt::format("{}: quantity {} is at or below 下限値 − きざみ値 ({}): not billable (上下限エラー処理 {})",
                                  ctx_.describe(r), q.to_string(), (lower - width).to_string(), p.step_error),
                      unit_.date, r.where.path(".quantity"));
        step(ExplainKind::stepped, p.code, p.points, q, Decimal(0));
        return Decimal(0);
      }
      step(ExplainKind::stepped, p.code, p.points, q, p.points);
      return p.points;
    }
    if (q <= lower) {
      step(ExplainKind::stepped, p.code, p.points, q, p.points);
      return p.points;
    }
    if (has_upper && upper < q) {
      if (p.step_error == 1 || p.step_error == 3) {
        ctx_.diagnose(Severity::info, "きざみ/上限", {p.code},
                      fmt::format("{}: quantity {} is above 上限値 {}: priced at the upper limit (上下限エラー処理 {})",
                                  ctx_.describe(r), q.to_string(), p.step_upper, p.step_error),
                      unit_.date);
        q = upper;
      } else {
        ctx_.diagnose(Severity::warning, "きざみ/上限", {p.code},
                      fmt::format("{}: quantity {} is above 上限値 {} (上下限エラー処理 {})", ctx_.describe(r),
                                  q.to_string(), p.step_upper, p.step_error),
                      unit_.date);
      }
    }
    const Decimal points = p.points + p.step_points * Decimal(ceil_ratio(q - lower, width));
    step(ExplainKind::stepped, p.code, p.points, q, points);
    return points;
  }

  Decimal item_value(const Resolved& r) { return r.procedure->stepped == 1 ? stepped(r) : r.procedure->points; }

  void procedure() {
    Decimal base_total;  // 所定点数
    Decimal outside;     // points left out of 所定点数 (通則加算所定点数対象区分, s col 62)
    Decimal minus;
    Decimal yen;
    bool percentages = false;  // most units have none: their items are not walked twice more
    const Resolved* base = unit_.base();
    for (const Resolved& r : unit_.items) {
      if (r.dropped || !r.procedure) continue;
      const ProcedureRecord& p = *r.procedure;
      const bool is_base = &r == base && unit_.kind == UnitKind::procedure;
      switch (p.point_kind) {
        case 3: {
          const Decimal value = item_value(r);
          (p.excluded_from_base == 1 ? outside : base_total) += value;
          if (ctx_.options.explain) explain_points(r, is_base, value);
          break;
        }
        case 1: {
          const Decimal value = item_value(r);  // once: a stepped item explains its きざみ
          yen += value;
          step(ExplainKind::yen_amount, p.code, value);
          break;
        }
        case 5:
        case 6: percentages = true; break;  // below, on the whole 所定点数
        case 8:
          minus += item_value(r);
          step(ExplainKind::negative_points, p.code, item_value(r));
          break;
        case 4:
          if (r.item && r.item->unit_price) {
            base_total += *r.item->unit_price;
            step(ExplainKind::points, p.code, *r.item->unit_price);
          } else {
            ctx_.diagnose(Severity::error, "点数識別/購入価格", {p.code},
                          fmt::format("{} is priced by 購入価格 (点数識別 4): unit_price (in points) is required",
                                      ctx_.describe(r)),
                          unit_.date, r.where.path(".unit_price"));
          }
          break;
        default:
          step(ExplainKind::note, p.code, Decimal(p.point_kind));
      }
    }
    Decimal total = base_total + outside - minus;
    if (percentages) add_percentages(base_total, total);
    finish(total);
    line_.yen = Yen{rounding::half_up(yen)};
  }

  // The explanation of a 点数 item (点数識別 3): as a base, an addition or an automatic one.
  void explain_points(const Resolved& r, bool is_base, Decimal value) {
    const ProcedureRecord& p = *r.procedure;
    ExplainKind kind = is_base || !is_addition(p) ? ExplainKind::points : ExplainKind::addition;
    if (r.automatic) {
      kind = is_age_addition(p)              ? ExplainKind::age_addition
             : p.time_addition != 0          ? ExplainKind::time_addition
             : p.price_response_kind == '1'  ? ExplainKind::price_response
                                             : ExplainKind::period_addition;  // inpatient.cpp
    }
    if (kind == ExplainKind::points && p.stepped == 1) return;  // a stepped item's step already says it
    const std::int32_t number = kind == ExplainKind::age_addition     ? ctx_.age_on(unit_.date)
                                : kind == ExplainKind::price_response ? p.price_response_group
                                                                      : 0;
    explain(ExplainStep{kind, p.code, value, {}, {}, number});
  }

  // The unit's %加算 (点数識別 5) and %減算 (6) onto `total`.
  void add_percentages(Decimal base_total, Decimal& total) {
    // A 通則 %加算 (a time addition, s col 43, or a 通則 age addition, s col 40) is read on the 所定点数 with
    // the %加算 of the 注 (ギプス's 乳幼児加算, 再置換術加算 …): 通知 第9部 通則10, 第10部 通則9・14, 第11部 通則6.
    // Percentages never apply to the other 通則 additions.
    Decimal with_notes = base_total;
    for (const Resolved& r : unit_.items) {
      if (r.dropped || !r.procedure) continue;
      const ProcedureRecord& p = *r.procedure;
      if (p.point_kind == 5 && !general_percent(p)) with_notes += (base_total * p.points).shifted_right(2);
    }
    for (const Resolved& r : unit_.items) {
      if (r.dropped || !r.procedure) continue;
      const ProcedureRecord& p = *r.procedure;
      if (p.point_kind == 5) {
        const Decimal on = general_percent(p) ? with_notes : base_total;
        const Decimal add = (on * p.points).shifted_right(2);
        total += add;
        step(ExplainKind::percent_addition, p.code, p.points, on, add, r.automatic ? 1 : 0);
      } else if (p.point_kind == 6) {
        const Decimal cut = (base_total * p.points).shifted_right(2);
        total -= cut;
        step(ExplainKind::percent_reduction, p.code, p.points, base_total, cut);
      }
    }
  }

  // A %加算 of the 通則 (時間加算区分 or 通則年齢 set on it), not of a 注.
  static bool general_percent(const ProcedureRecord& p) { return p.time_addition != 0 || p.general_age != 0; }

  bool is_age_addition(const ProcedureRecord& p) const {
    const Resolved* base = unit_.base();
    if (!base || !base->procedure) return false;
    return std::any_of(base->procedure->age_additions.begin(), base->procedure->age_additions.end(),
                       [&](const AgeAddition& a) { return a.code == p.code; });
  }

  // 四捨五入 of the unit total, computed exactly (通知 E001/E002 examples).
  void finish(Decimal total) {
    const std::int64_t points = rounding::half_up(total);
    if (ctx_.options.explain && !total.is_integer()) explain({ExplainKind::rounding, 0, total, {}, Decimal(points)});
    line_.points = Points{points};
  }

  void lab_bundle() {
    boost::container::small_vector<Resolved*, 16> items;
    for (Resolved& r : unit_.items) {
      if (!r.dropped) items.push_back(&r);
    }
    const LabBundleRule* rule = lab_bundle_rule(unit_.lab_group, ctx_.lookup_date(unit_.date));
    if (rule && rule->cap_items > 0 && static_cast<std::int32_t>(items.size()) > rule->cap_items) {
      std::size_t kept = static_cast<std::size_t>(rule->cap_items);
      for (std::size_t i = kept; i < items.size(); ++i) {
        if (ctx_.forbid("包括対象検査/項目数", {items[i]->code},
                        fmt::format("{} is beyond the {} items billable for one draw ({})", ctx_.describe(*items[i]),
                                    rule->cap_items, rule->source),
                        "not billed", unit_.date)) {
          items[i]->dropped = true;
        } else {
          items[kept++] = items[i];
        }
      }
      items.resize(kept);
    }
    Decimal sum;
    for (const Resolved* r : items) {
      const Decimal value = item_value(*r);
      sum += value;
      step(ExplainKind::points, r->code, value);
    }
    const auto n = static_cast<std::int32_t>(items.size());
    if (!rule) {
      ctx_.diagnose(Severity::warning, "包括対象検査", {},
                    fmt::format("no bundle price for 包括対象検査 group {} on {} in masters/rules/lab_bundles.xml: "
                                "items priced one by one",
                                unit_.lab_group, unit_.date.iso()),
                    unit_.date);
    } else {
      const LabBundleTier* tier = nullptr;
      for (const LabBundleTier& t : rule->tiers) {
        if (t.min_items <= n) tier = &t;
      }
      if (tier) {
        sum = Decimal(tier->points);
        step(ExplainKind::lab_bundle, 0, Decimal(n), Decimal(unit_.lab_group), sum, unit_.lab_group);
      } else if (rule->cap_points > 0 && Decimal(rule->cap_points) < sum) {
        sum = Decimal(rule->cap_points);
        step(ExplainKind::lab_bundle, 0, Decimal(n), Decimal(unit_.lab_group), sum, unit_.lab_group);
      }
    }
    finish(sum);
  }

  // 薬剤料 of one 剤 (F200, G100, and the 15円 rule of C200/D500/E300/H100/I100/J300/K940/L200).
  void drugs() {
    Decimal yen;
    for (const Resolved& r : unit_.items) {
      if (r.dropped || !r.drug) continue;
      if (r.drug->price_kind == 7) {  // 減点 code (e.g. 630010002): santei computes reductions itself
        ctx_.diagnose(Severity::info, "医薬品/減点", {r.code},
                      fmt::format("{} is a reduction marker (金額種別 7): the reduction is computed by santei",
                                  ctx_.describe(r)),
                      unit_.date);
        continue;
      }
      Decimal quantity(1);
      if (r.quantity()) {
        quantity = *r.quantity();
      } else {
        ctx_.diagnose(Severity::warning, "医薬品/使用量", {r.code},
                      fmt::format("{}: quantity missing, 1 {} assumed", ctx_.describe(r), r.drug->unit_name),
                      unit_.date, r.where.path(".quantity"));
      }
      const Decimal amount = r.drug->price * quantity;
      yen += amount;
      step(ExplainKind::drug_price, r.code, r.drug->price, quantity, amount);
    }
    const bool dispensed = (unit_.category >= 21 && unit_.category <= 23) ||
                           (unit_.category >= 31 && unit_.category <= 33);
    const Points points = dispensed ? rounding::drug_points_dispensed(yen) : rounding::drug_points_in_procedure(yen);
    step(ExplainKind::drug_points, 0, yen, {}, Decimal(points.value), dispensed ? 1 : 0);
    line_.points = points;
  }

  // 特定保険医療材料料 (C300, J400, K950 …): price ÷ 10 四捨五入; oxygen by 通知 J201.
  void materials() {
    Decimal yen;
    Decimal percent;
    Decimal factor(1);
    int divisor = 10;
    bool oxygen = false;
    std::int32_t point_cap = 0;
    for (const Resolved& r : unit_.items) {
      if (r.dropped || !r.material) continue;
      const MaterialRecord& m = *r.material;
      const Decimal quantity = r.quantity() ? *r.quantity() : Decimal(1);
      switch (m.price_kind) {
        case 1:
        case 2: {
          Decimal price = m.price;
          if (m.price_kind == 2) {  // 購入価格: the claim states it
            if (!r.item || !r.item->unit_price) {
              ctx_.diagnose(Severity::error, "特定器材/購入価格", {m.code},
                            fmt::format("{} is priced at 購入価格 (金額種別 2): unit_price is required", ctx_.describe(r)),
                            unit_.date, r.where.path(".unit_price"));
              continue;
            }
            price = *r.item->unit_price;
          }
          const Decimal amount = price * quantity;
          yen += amount;
          step(m.oxygen_kind != 0 && m.oxygen_kind != 1 ? ExplainKind::oxygen : ExplainKind::material_price, m.code,
               price, quantity, amount);
          if (m.material_kind == 2) oxygen = true;
          if (m.material_kind == 3) divisor = 50;
          if (m.material_kind == 4) divisor = 1000;
          if (m.point_cap > 0) point_cap = m.point_cap;
          break;
        }
        case 5:  // %加算 (酸素補正率1.3, フィルム乳幼児加算)
          percent += m.price;
          step(ExplainKind::percent_addition, m.code, m.price);
          break;
        case 9:  // 乗算割合 (高気圧酸素加算: × 気圧)
          factor *= quantity;
          step(ExplainKind::note, m.code, quantity);
          break;
        default: break;
      }
    }
    Decimal total = yen + (yen * percent).shifted_right(2);
    total *= factor;
    if (oxygen) {
      const Decimal rounded = Decimal(rounding::half_up(total));  // 1円未満四捨五入 first (通知 J201)
      step(ExplainKind::oxygen, 0, total, {}, rounded);
      total = rounded;
    }
    Points points = rounding::material_points(total, divisor);
    if (point_cap > 0 && point_cap < points.value) points = Points{point_cap};
    step(ExplainKind::material_points, 0, total, Decimal(divisor), Decimal(points.value));
    line_.points = points;
  }

 private:
  Context& ctx_;
  Unit& unit_;
  PricedLine& line_;
};

// A line item made in place at the end of `items`: none is built aside and moved in.
void add_line_item(std::vector<LineItem>& items, const Resolved& r) {
  LineItem& item = items.emplace_back();
  item.code = r.code;
  item.kind = r.kind;
  item.automatic = r.automatic;
  if (r.item) {
    item.quantity = r.item->quantity;
    item.unit_price = r.item->unit_price;
    if (!r.item->text.empty()) item.text = r.item->text;  // most items have none
  }
}

// 多剤投与 (告示 F200 注3, 通知 F200(6)): 7 or more kinds of 内服 in one 処方 (one visit) are paid at
// 90/100 and 処方料 becomes 29 (120002610). A 剤 costing 205円 or less a day counts as one kind.
// santei cannot tell a 臨時 course from a regular one, so every 内服 剤 counts [unverified choice].
void multi_drug(Context& ctx) {
  if (ctx.claim.setting != Setting::outpatient) return;
  // (date, line index) of the 内服 剤, sorted: by date, claim order within a date. Inline storage
  // for a receipt's usual few 剤 where a map of vectors allocated per date (issue 17).
  boost::container::small_vector<std::pair<Date, std::size_t>, 16> oral;
  // ctx.lines() is asked again after each new_line(), which may move the lines.
  for (std::size_t i = 0; i < ctx.lines().size(); ++i) {
    const PricedLine& line = ctx.lines()[i];
    if (line.category == 21 && !line.items.empty() && line.items.front().kind == ItemKind::drug) oral.emplace_back(line.date, i);
  }
  std::sort(oral.begin(), oral.end());
  for (auto group = oral.begin(); group != oral.end();) {
    const Date date = group->first;
    const auto group_end = std::find_if(group, oral.end(), [&](const auto& o) { return o.first != date; });
    const auto group_begin = group;
    group = group_end;
    int kinds = 0;
    Points total;
    for (auto entry = group_begin; entry != group_end; ++entry) {
      const PricedLine& line = ctx.lines()[entry->second];
      Decimal daily;
      int brands = 0;
      for (const LineItem& item : line.items) {
        if (item.kind != ItemKind::drug) continue;
        const DrugRecord* drug = ctx.set.drug(item.code, ctx.lookup_date(date));
        if (!drug || drug->price_kind == 7) continue;
        daily += drug->price * (item.quantity ? *item.quantity : Decimal(1));
        ++brands;
      }
      kinds += daily <= Decimal(205) ? 1 : brands;
      total += line.total();
    }
    if (kinds < 7) continue;
    const Date on = ctx.lookup_date(date);
    const std::int64_t reduced = rounding::half_up(Decimal(total.value) * *Decimal::parse("0.9"));
    PricedLine& reduction = ctx.new_line();
    reduction.date = date;
    reduction.category = 21;
    constexpr Code kReductionCode = 630010002;  // 薬剤料逓減（９０／１００）（内服薬）
    reduction.items.push_back(LineItem{kReductionCode, ItemKind::drug, {}, {}, {}, true});
    reduction.points = Points{reduced - total.value};
    if (ctx.options.explain) {
      reduction.explain.push_back(ExplainStep{ExplainKind::multi_drug, kReductionCode, Decimal(total.value),
                                              Decimal(kinds), Decimal(reduced), kinds});
    }
    ctx.diagnose(Severity::info, "多剤投与", {kReductionCode},
                 fmt::format("{} kinds of 内服 on {}: 内服薬剤料 {}点 paid at 90/100 = {}点 (F200 注3; rounding 四捨五入 "
                             "[unverified], fee-rules §10.3)",
                             kinds, date.iso(), total.value, reduced),
                 date);
    // 処方料: the 7種類以上 rate (F100 1 ロ).
    constexpr Code kPrescription = 120001210;
    constexpr Code kPrescriptionMulti = 120002610;
    const ProcedureRecord* multi = ctx.set.procedure(kPrescriptionMulti, on);
    for (PricedLine& line : ctx.lines()) {
      if (line.date != date || line.items.empty() || line.items.front().code != kPrescription || !multi) continue;
      line.items.front().code = kPrescriptionMulti;
      line.points = Points{rounding::half_up(multi->points)};
      if (ctx.options.explain) {
        line.explain.push_back(ExplainStep{ExplainKind::points, kPrescriptionMulti, multi->points, {}, {}, 0});
      }
      ctx.diagnose(Severity::error, "多剤投与/処方料", {kPrescription, kPrescriptionMulti},
                   fmt::format("{} kinds of 内服: 処方料 is 120002610 ({}点), not 120001210", kinds, line.points.value),
                   date);
    }
  }
}

}  // namespace

void price_units(Context& ctx, std::vector<Unit>& units) {
  // Room for a line a unit: `line` below stays where new_line() put it.
  ctx.reserve_lines(units.size() + 1);
  for (Unit& unit : units) {
    if (unit.dropped) continue;
    PricedLine& line = ctx.new_line();
    line.items.reserve(unit.items.size());
    if (ctx.options.explain) line.explain.reserve(unit.items.size() * 2 + 2);
    line.date = unit.date;
    line.category = unit.category;
    line.burden = unit.burden;
    line.count = unit.count;
    line.day_mask = unit.day_mask;
    LinePricer pricer(ctx, unit, line);
    switch (unit.kind) {
      case UnitKind::procedure:
      case UnitKind::standalone: pricer.procedure(); break;
      case UnitKind::lab_bundle: pricer.lab_bundle(); break;
      case UnitKind::drug: pricer.drugs(); break;
      case UnitKind::material: pricer.materials(); break;
    }
    for (const Resolved& r : unit.items) {
      if (!r.dropped) add_line_item(line.items, r);
    }
    if (line.items.empty()) {
      ctx.drop_last_line();
      continue;
    }
    if (line.count != 1 && ctx.options.explain) {
      line.explain.push_back(ExplainStep{
          (unit.category == 21) ? ExplainKind::days : ExplainKind::count, 0, {}, {}, {}, line.count});
    }
  }
  multi_drug(ctx);
}

}  // namespace santei::pricing
