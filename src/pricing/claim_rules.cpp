// Phase 2: rules that look across units and dates. Each drops or caps items with a Diagnostic;
// nothing is removed silently.
#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "pricing/context.hpp"
#include "santei/rules.hpp"

namespace santei::pricing {
namespace {

struct Occurrence {
  // The code in the high half, the occurrence's place in claim order in the low: sorted as one
  // number, code first (a three-field comparison was 1.7 % of a claim's pricing, callgrind).
  std::uint64_t key;
  std::uint32_t unit;
  std::uint32_t item;
  Code code() const { return static_cast<Code>(key >> 32); }
};

bool live(const std::vector<Unit>& units, const Occurrence& o) {
  return !units[o.unit].dropped && !units[o.unit].items[o.item].dropped;
}

// Every procedure item, sorted by code (claim order within a code). Built once: the rules below
// check `live` as they drop items. Its two arrays are thread_local scratch, cleared and refilled
// for each claim: their capacity stays, so a stream of receipts allocates nothing here (issue 17).
// Hence at most one OccurrenceIndex may live at a time on a thread (apply_claim_rules makes one).
class OccurrenceIndex {
 public:
  // One distinct code: its occurrences all_[begin, begin + count) and its record's rule_flags.
  struct Group {
    Code code;
    std::uint32_t begin;
    std::uint32_t count;
    std::uint8_t rule_flags;
  };

  explicit OccurrenceIndex(const std::vector<Unit>& units) : all_(scratch_all()), groups_(scratch_groups()) {
    all_.clear();
    groups_.clear();
    for (std::size_t u = 0; u < units.size(); ++u) {
      for (std::size_t i = 0; i < units[u].items.size(); ++i) {
        const Resolved& r = units[u].items[i];
        if (r.procedure) {
          const std::uint64_t place = all_.size();  // units and their items are met in claim order
          all_.push_back({std::uint64_t{r.code} << 32 | place, static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(i)});
        }
      }
    }
    std::sort(all_.begin(), all_.end(), [](const Occurrence& a, const Occurrence& b) { return a.key < b.key; });
    for (std::uint32_t i = 0; i < all_.size(); ++i) {
      const Occurrence& o = all_[i];
      if (!groups_.empty() && groups_.back().code == o.code()) {
        ++groups_.back().count;
      } else {
        groups_.push_back({o.code(), i, 1, units[o.unit].items[o.item].procedure->rule_flags});
      }
    }
  }

  std::span<const Occurrence> of(const Group& group) const { return {all_.data() + group.begin, group.count}; }

  // Calls f(code, occurrences) for each distinct code.
  template <class F>
  void each_code(F f) const {
    for (const Group& group : groups_) f(group.code, of(group));
  }

  const std::vector<Occurrence>& all() const { return all_; }
  // The distinct codes, ascending.
  const std::vector<Group>& groups() const { return groups_; }

 private:
  // Not in line: in the shared library GCC would call __tls_get_addr again at each use of all_ and
  // groups_ rather than keep their addresses (50 calls a claim, callgrind).
  [[gnu::noinline]] static std::vector<Occurrence>& scratch_all() {
    thread_local std::vector<Occurrence> all;
    return all;
  }
  [[gnu::noinline]] static std::vector<Group>& scratch_groups() {
    thread_local std::vector<Group> groups;
    return groups;
  }

  std::vector<Occurrence>& all_;
  std::vector<Group>& groups_;
};

// Drops an item; the base of a procedure unit takes its whole unit with it.
void drop(std::vector<Unit>& units, const Occurrence& o) { drop_item(units[o.unit], o.item); }


// 外来管理加算 (告示 A001 注8): not with a procedure whose 外来管理加算区分 (s col 56) is 1 on the same day.
void outpatient_management(Context& ctx, std::vector<Unit>& units, const OccurrenceIndex& index) {
  // The first blocker (in code order) of each date: at most one a day of the claim's month, so the
  // inline room never runs out (issue 17: no allocation per receipt; a list of every blocker did).
  boost::container::small_vector<std::pair<Date, Code>, 31> blockers;
  for (const Occurrence& o : index.all()) {
    const Resolved& r = units[o.unit].items[o.item];
    if (!live(units, o) || r.procedure->outpatient_management != 1) continue;
    const Date date = units[o.unit].date;
    if (std::none_of(blockers.begin(), blockers.end(), [&](const auto& b) { return b.first == date; })) {
      blockers.emplace_back(date, r.code);
    }
  }
  if (blockers.empty()) return;
  for (const Occurrence& o : index.all()) {
    {
      const Resolved& r = units[o.unit].items[o.item];
      if (!live(units, o) || r.procedure->outpatient_management != 2) continue;
      const Date date = units[o.unit].date;
      auto blocker = std::find_if(blockers.begin(), blockers.end(), [&](const auto& b) { return b.first == date; });
      if (blocker == blockers.end()) continue;
      if (ctx.forbid("外来管理加算", {r.code, blocker->second},
                     Text(FMT_COMPILE("{} is not billable on a day with {} (告示 A001 注8; s col 56 = 1)"), ctx.describe(r),
                          blocker->second),
                     "not billed", units[o.unit].date, r.item ? r.where.path(".code") : Text())) {
        drop(units, o);
      }
    }
  }
}

struct Limit {
  std::int32_t unit = 131;   // 算定単位コード
  std::int32_t limit = 0;
  bool special = false;      // 特例条件: exceptions exist in the 通知
  const char* source = "";
};

// Calls f(limit) for each count limit of `r` in force on `on`.
template <class F>
void each_limit(const RuleGraph& rules, bool has_table, const ProcedureRecord& r, Date on, F f) {
  if (has_table) {
    if (!(r.rule_flags & ProcedureRecord::kHasCountLimits)) return;
    for (const CountLimitRecord& row : rules.count_limits(r.code)) {
      if (row.valid_from <= on && on <= row.valid_to) f(Limit{row.unit, row.limit, row.special == 1, "電子点数表 05算定回数テーブル"});
    }
    return;
  }
  // Without the 05 table: the master's own 上限回数 (col 36), read as a monthly limit.
  if (r.max_count > 0) f(Limit{131, r.max_count, false, "s col 36 上限回数 (read as per month)"});
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

void count_limits(Context& ctx, std::vector<Unit>& units, const OccurrenceIndex& index) {
  // window → count so far; one buffer for every limit, inline for a day limit's 31 windows (issue 17)
  boost::container::small_vector<std::pair<std::int64_t, std::int64_t>, 31> used;
  const RuleGraph& rules = ctx.set.rules();
  const bool has_table = rules.has_table(ElectronicTable::count_limit);  // asked once, not per code
  index.each_code([&](Code code, std::span<const Occurrence> list) {
    const Unit& first_unit = units[list.front().unit];
    const ProcedureRecord& record = *first_unit.items[list.front().item].procedure;
    each_limit(rules, has_table, record, ctx.lookup_date(first_unit.date), [&](const Limit& limit) {
      used.clear();
      // 算定単位 codes this claim cannot check, ascending and distinct; inline (a std::set allocated
      // a node per code, issue 17).
      boost::container::small_vector<std::int32_t, 4> unchecked;
      for (const Occurrence& o : list) {
        if (!live(units, o)) continue;
        Unit& unit = units[o.unit];
        const auto key = window_key(limit.unit, unit.date);
        if (!key) {
          const auto at = std::lower_bound(unchecked.begin(), unchecked.end(), limit.unit);
          if (at == unchecked.end() || *at != limit.unit) unchecked.insert(at, limit.unit);
          continue;
        }
        auto slot = std::find_if(used.begin(), used.end(), [&](const auto& u) { return u.first == *key; });
        if (slot == used.end()) slot = used.insert(used.end(), {*key, 0});
        std::int64_t& count = slot->second;
        const std::int64_t times = o.item == 0 ? unit.count : 1;
        if (count + times <= limit.limit) {
          count += times;
          continue;
        }
        const char* unit_text = unit_name(limit.unit);
        const Text rule("算定回数/{}", unit_text ? unit_text : "?");
        const Text what("{} exceeds {} per {} ({})", ctx.describe(unit.items[o.item]), limit.limit,
                        unit_text ? std::string_view(unit_text) : std::to_string(limit.unit), limit.source);
        if (limit.special) {
          ctx.diagnose(Severity::warning, rule, {code},
                       Text("{}; 特例条件 = 1: the 通知 allows exceptions, kept", std::string_view(what)), unit.date);
          count += times;
          continue;
        }
        const std::int64_t allowed = std::max<std::int64_t>(0, limit.limit - count);
        const bool cap = o.item == 0 && allowed > 0;
        if (!ctx.forbid(rule, {code}, what, cap ? Text("{} times capped at {}", times, allowed) : Text("not billed"),
                        unit.date)) {
          count += times;
          continue;
        }
        count += allowed;
        if (cap) unit.count = static_cast<std::int32_t>(allowed);
        else drop(units, o);
      }
      for (std::int32_t u : unchecked) {
        ctx.diagnose(Severity::info, "算定回数", {code}, Text("{} has a limit per 算定単位 {} that one claim cannot check", code, u));
      }
    });
  });
}

// 背反 (電子点数表 03-1…03-4): two codes that may not both be billed within a window. The tables
// list every pair in both directions with mirrored 背反区分 (checked on ../shared/masters/r06), so
// only codes that have rows of a window need to be paired, each pair once.
void exclusions(Context& ctx, std::vector<Unit>& units, const OccurrenceIndex& index) {
  const RuleGraph& rules = ctx.set.rules();
  // Ascending codes with rows of the window, each with its occurrences; one buffer, inline for a
  // receipt's usual few codes (issue 17).
  struct Listed {
    Code code;
    std::span<const Occurrence> occurrences;
    std::span<const ExclusionRecord> rows;  // sorted by code2
  };
  boost::container::small_vector<Listed, 16> listed;
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
    listed.clear();
    const auto bit = static_cast<std::uint8_t>(1u << static_cast<int>(window));
    for (const OccurrenceIndex::Group& group : index.groups()) {
      if (group.rule_flags & bit) listed.push_back({group.code, index.of(group), rules.exclusions(group.code, window)});
    }
    for (std::size_t i = 0; i < listed.size(); ++i) {
      const std::span<const Occurrence> list = listed[i].occurrences;
      const std::span<const ExclusionRecord> rows = listed[i].rows;
      const Date on = ctx.lookup_date(units[list.front().unit].date);
      // The partners come in ascending order, as the rows do: each search starts where the last ended.
      auto from = rows.begin();
      for (std::size_t j = i + 1; j < listed.size() && from != rows.end(); ++j) {
        const Code partner = listed[j].code;
        from = std::lower_bound(from, rows.end(), partner, [](const ExclusionRecord& r, Code c) { return r.code2 < c; });
        if (from == rows.end() || from->code2 != partner) continue;
        const ExclusionRecord& row = *from;
        if (!(row.valid_from <= on && on <= row.valid_to)) continue;
        for (const Occurrence& a : list) {
          for (const Occurrence& b : listed[j].occurrences) {
            if (!live(units, a) || !live(units, b) || key(a) != key(b)) continue;
            const Resolved& ra = units[a.unit].items[a.item];
            const Resolved& rb = units[b.unit].items[b.item];
            const Text rule("背反/{}", japanese_name(window));
            if (row.special == 1) {
              ctx.diagnose(Severity::warning, rule, {ra.code, rb.code},
                           Text("{} and {} are 背反 ({}), with exceptions in the 通知 (特例条件 = 1): both kept; "
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
            const Text why("{} and {} may not both be billed ({}; 背反区分 {})", ctx.describe(ra), ctx.describe(rb),
                           japanese_name(window), row.keep);
            const Text automatic("{} is not billed{}", lost.code,
                                 row.keep == 3 ? " (either one; the higher-point one kept)" : "");
            if (ctx.forbid(rule, {lost.code, kept.code}, why, automatic, units[loser.unit].date)) drop(units, loser);
          }
        }
      }
    }
  }
}

}  // namespace

void apply_claim_rules(Context& ctx, std::vector<Unit>& units) {
  const OccurrenceIndex index(units);
  if (ctx.claim.setting == Setting::outpatient) outpatient_management(ctx, units, index);
  exclusions(ctx, units, index);
  count_limits(ctx, units, index);
}

}  // namespace santei::pricing
