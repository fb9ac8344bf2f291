// Phase 2: rules that look across units and dates. Each drops or caps items with a Diagnostic;
// nothing is removed silently.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "pricing/context.hpp"
#include "santei/rules.hpp"

namespace santei::pricing {
namespace {

struct Occurrence {
  std::size_t unit;
  std::size_t item;
};

bool live(const std::vector<Unit>& units, const Occurrence& o) {
  return !units[o.unit].dropped && !units[o.unit].items[o.item].dropped;
}

// Every live procedure item by code.
std::map<Code, std::vector<Occurrence>> occurrences(const std::vector<Unit>& units) {
  std::map<Code, std::vector<Occurrence>> out;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].dropped) continue;
    for (std::size_t i = 0; i < units[u].items.size(); ++i) {
      const Resolved& r = units[u].items[i];
      if (!r.dropped && r.procedure) out[r.code].push_back({u, i});
    }
  }
  return out;
}

// Drops an item; the base of a procedure unit takes its whole unit with it.
void drop(std::vector<Unit>& units, const Occurrence& o) {
  Unit& unit = units[o.unit];
  if (o.item == 0 && (unit.kind == UnitKind::procedure || unit.kind == UnitKind::standalone)) {
    unit.dropped = true;
  } else {
    unit.items[o.item].dropped = true;
    if (std::none_of(unit.items.begin(), unit.items.end(), [](const Resolved& r) { return !r.dropped; })) {
      unit.dropped = true;
    }
  }
}

Date week_start(Date date) { return date.plus_days(-static_cast<int>(date.weekday())); }  // Sunday–Saturday

// 外来管理加算 (告示 A001 注8): not with a procedure whose 外来管理加算区分 (s col 56) is 1 on the same day.
void outpatient_management(Context& ctx, std::vector<Unit>& units) {
  std::map<Date, Code> blockers;
  for (const Unit& unit : units) {
    if (unit.dropped) continue;
    for (const Resolved& r : unit.items) {
      if (!r.dropped && r.procedure && r.procedure->outpatient_management == 1) blockers.emplace(unit.date, r.code);
    }
  }
  for (auto& [code, list] : occurrences(units)) {
    for (const Occurrence& o : list) {
      const Resolved& r = units[o.unit].items[o.item];
      if (r.procedure->outpatient_management != 2) continue;
      auto blocker = blockers.find(units[o.unit].date);
      if (blocker == blockers.end()) continue;
      drop(units, o);
      ctx.diagnose(Severity::error, "外来管理加算", {r.code, blocker->second},
                   fmt::format("{} is not billable on a day with {} (告示 A001 注8; s col 56 = 1)", ctx.describe(r),
                               blocker->second),
                   units[o.unit].date, r.item ? r.where.path() + ".code" : std::string());
    }
  }
}

struct Limit {
  std::int32_t unit = 131;   // 算定単位コード
  std::int32_t limit = 0;
  bool special = false;      // 特例条件: exceptions exist in the 通知
  std::string source;
};

std::vector<Limit> limits_of(const Context& ctx, const ProcedureRecord& r, Date on) {
  std::vector<Limit> out;
  const RuleGraph& rules = ctx.set.rules();
  if (rules.has_table(ElectronicTable::count_limit)) {
    for (const CountLimitRecord& row : rules.count_limits(r.code)) {
      if (row.valid_from <= on && on <= row.valid_to) {
        out.push_back({row.unit, row.limit, row.special == 1, "電子点数表 05算定回数テーブル"});
      }
    }
    return out;
  }
  // Without the 05 table: the master's own 上限回数 (col 36), read as a monthly limit.
  if (r.max_count > 0) out.push_back({131, r.max_count, false, "s col 36 上限回数 (read as per month)"});
  return out;
}

// The window a 算定単位 counts in; nullopt for units this claim alone cannot check.
std::optional<std::int64_t> window_key(std::int32_t unit_code, Date date) {
  switch (unit_code) {
    case 121: return date - Date{};             // 日
    case 159: return date - Date{};             // 初診時: once per 初診, i.e. per day of it
    case 138: return week_start(date) - Date{}; // 週 (Sunday–Saturday, as ORCA counts; fee-rules §10.6)
    case 131:                                   // 月
    case 53:                                    // 患者当り: at least within this claim
    case 132: case 133: case 134:               // 入院初日 / 入院中 / 退院時
    case 142: case 143: case 144: case 145: case 146: case 147: case 148: case 161: case 162:
      return 0;
    default: return std::nullopt;
  }
}

void count_limits(Context& ctx, std::vector<Unit>& units) {
  for (auto& [code, list] : occurrences(units)) {
    const Unit& first_unit = units[list.front().unit];
    const ProcedureRecord& record = *first_unit.items[list.front().item].procedure;
    for (const Limit& limit : limits_of(ctx, record, ctx.lookup_date(first_unit.date))) {
      std::map<std::int64_t, std::int64_t> used;
      std::set<std::int32_t> unchecked;
      for (const Occurrence& o : list) {
        if (!live(units, o)) continue;
        Unit& unit = units[o.unit];
        const auto key = window_key(limit.unit, unit.date);
        if (!key) {
          unchecked.insert(limit.unit);
          continue;
        }
        std::int64_t& count = used[*key];
        const std::int64_t times = o.item == 0 ? unit.count : 1;
        if (count + times <= limit.limit) {
          count += times;
          continue;
        }
        const char* unit_text = unit_name(limit.unit);
        const std::string rule = fmt::format("算定回数/{}", unit_text ? unit_text : "?");
        const std::string what = fmt::format("{} exceeds {} per {} ({})", ctx.describe(unit.items[o.item]), limit.limit,
                                             unit_text ? unit_text : std::to_string(limit.unit), limit.source);
        if (limit.special) {
          ctx.diagnose(Severity::warning, rule, {code}, what + "; 特例条件 = 1: the 通知 allows exceptions, kept",
                       unit.date);
          count += times;
          continue;
        }
        const std::int64_t allowed = std::max<std::int64_t>(0, limit.limit - count);
        count += allowed;
        if (o.item == 0 && allowed > 0) {
          unit.count = static_cast<std::int32_t>(allowed);
          ctx.diagnose(Severity::error, rule, {code}, fmt::format("{}: {} times capped at {}", what, times, allowed),
                       unit.date);
        } else {
          drop(units, o);
          ctx.diagnose(Severity::error, rule, {code}, what + ": not billed", unit.date);
        }
      }
      for (std::int32_t u : unchecked) {
        ctx.diagnose(Severity::info, "算定回数", {code},
                     fmt::format("{} has a limit per 算定単位 {} that one claim cannot check", code, u));
      }
    }
  }
}

// 背反 (電子点数表 03-1…03-4): two codes that may not both be billed within a window.
void exclusions(Context& ctx, std::vector<Unit>& units) {
  const RuleGraph& rules = ctx.set.rules();
  std::set<std::tuple<Code, Code, int>> seen;
  for (ExclusionWindow window : {ExclusionWindow::same_time, ExclusionWindow::same_day, ExclusionWindow::same_week,
                                 ExclusionWindow::same_month}) {
    if (!rules.has_table(static_cast<ElectronicTable>(static_cast<int>(ElectronicTable::exclusion_day) +
                                                      static_cast<int>(window)))) {
      continue;
    }
    const auto key = [&](const Occurrence& o) -> std::int64_t {
      const Unit& unit = units[o.unit];
      switch (window) {
        case ExclusionWindow::same_time: return static_cast<std::int64_t>(unit.visit * 1000 + unit.order);
        case ExclusionWindow::same_day: return unit.date - Date{};
        case ExclusionWindow::same_week: return week_start(unit.date) - Date{};
        case ExclusionWindow::same_month: return 0;
      }
      return 0;
    };
    auto present = occurrences(units);
    for (auto& [code, list] : present) {
      const Date on = ctx.lookup_date(units[list.front().unit].date);
      for (const ExclusionRecord& row : rules.exclusions(code, window)) {
        if (!(row.valid_from <= on && on <= row.valid_to)) continue;
        auto other = present.find(row.code2);
        if (other == present.end()) continue;
        const auto pair = std::make_tuple(std::min(code, row.code2), std::max(code, row.code2), static_cast<int>(window));
        if (!seen.insert(pair).second) continue;
        for (const Occurrence& a : list) {
          for (const Occurrence& b : other->second) {
            if (!live(units, a) || !live(units, b) || key(a) != key(b)) continue;
            const Resolved& ra = units[a.unit].items[a.item];
            const Resolved& rb = units[b.unit].items[b.item];
            const std::string rule = fmt::format("背反/{}", japanese_name(window));
            if (row.special == 1) {
              ctx.diagnose(Severity::warning, rule, {ra.code, rb.code},
                           fmt::format("{} and {} are 背反 ({}), with exceptions in the 通知 (特例条件 = 1): both kept; "
                                       "check the 通知",
                                       ctx.describe(ra), ctx.describe(rb), japanese_name(window)),
                           units[a.unit].date);
              continue;
            }
            bool drop_b = row.keep == 1;
            if (row.keep == 3) drop_b = !(ra.procedure->points < rb.procedure->points);  // keep the higher
            const Occurrence& loser = drop_b ? b : a;
            const Resolved& kept = drop_b ? ra : rb;
            const Resolved& lost = drop_b ? rb : ra;
            ctx.diagnose(Severity::error, rule, {kept.code, lost.code},
                         fmt::format("{} and {} may not both be billed ({}; 背反区分 {}): {} is not billed{}",
                                     ctx.describe(ra), ctx.describe(rb), japanese_name(window), row.keep,
                                     lost.code, row.keep == 3 ? " (either one; the higher-point one kept)" : ""),
                         units[loser.unit].date);
            drop(units, loser);
          }
        }
      }
    }
  }
}

}  // namespace

void apply_claim_rules(Context& ctx, std::vector<Unit>& units) {
  if (ctx.claim.setting == Setting::outpatient) outpatient_management(ctx, units);
  exclusions(ctx, units);
  count_limits(ctx, units);
}

}  // namespace santei::pricing
