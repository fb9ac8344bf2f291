// The pricing engine's working state. A claim is priced in three phases:
//   1. build: resolve every item against the masters, check its eligibility, group items into
//      units (算定単位) and add the automatic age and time additions;
//   2. claim rules: 外来管理加算, 算定回数, 背反 — rules that look across units and dates drop
//      or cap items, each with a Diagnostic;
//   3. price: each remaining unit becomes a PricedLine with its explanation.
#pragma once

#include <array>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <fmt/compile.h>
#include <fmt/format.h>

#include "masters/history.hpp"
#include "santei/pricing.hpp"

namespace santei::pricing {

// Text formatted into inline storage that allocates only past 500 bytes: a diagnostic's message or
// field built without the std::string fmt::format returns (issue 17: no allocation per receipt).
class Text {
 public:
  Text() = default;
  template <class... Args>
  explicit Text(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
  }
  // A format compiled with the program (FMT_COMPILE), for the texts made on most receipts: a
  // runtime format string is parsed again at each call.
  template <class Compiled, class... Args>
    requires(!std::is_convertible_v<const Compiled&, fmt::string_view>)
  explicit Text(const Compiled& format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
  }
  operator std::string_view() const { return {buffer_.data(), buffer_.size()}; }

 private:
  fmt::memory_buffer buffer_;
};

// The codes of a diagnostic as the caller has them, a braced list or a vector; Context copies them
// into the Diagnostic's own vector, whose capacity a reused result keeps.
struct CodeList {
  CodeList(std::initializer_list<Code> list) : codes(list.begin(), list.size()) {}
  template <class Codes>
    requires requires(const Codes& c) { std::span<const Code>(c.data(), c.size()); }
  CodeList(const Codes& codes_in) : codes(codes_in.data(), codes_in.size()) {}
  std::span<const Code> codes;
};

// Where an item came from in the claim, for messages ("visits[0].orders[1].items[2]").
struct ItemRef {
  // 32 bits each: a claim's arrays are far shorter, and a smaller Resolved is a smaller Unit.
  std::uint32_t visit = 0;
  std::uint32_t order = 0;
  std::uint32_t item = 0;
  // The path with `member` appended ("….items[2].code").
  Text path(std::string_view member = {}) const;
};

// A claim item resolved against the master set in force on its date.
struct Resolved {
  const ClaimItem* item = nullptr;  // nullptr for automatic items
  ItemRef where;
  ItemKind kind = ItemKind::procedure;
  Code code = 0;
  const ProcedureRecord* procedure = nullptr;
  const DrugRecord* drug = nullptr;
  const MaterialRecord* material = nullptr;
  const CommentRecord* comment = nullptr;
  bool automatic = false;  // added by santei (age/time addition)
  bool dropped = false;    // removed by a rule (a Diagnostic says why)

  std::optional<Decimal> quantity() const { return item ? item->quantity : std::nullopt; }
};

enum class UnitKind : std::uint8_t {
  procedure,   // a base 診療行為 with the additions that join it
  lab_bundle,  // 包括対象検査 items of one group on one date
  drug,        // the drugs of one 剤
  material,    // the 特定保険医療材料 of one order
  standalone,  // an addition billed on its own line (外来管理加算, 一般名処方加算 …)
};

struct Unit {
  // User-provided, so that a Unit made in place (emplace_back()) is not first zero-filled whole,
  // its room for 10 items included (callgrind: 80 instructions a unit).
  Unit() noexcept {}  // NOLINT(modernize-use-equals-default): `= default` would zero-fill it again

  UnitKind kind = UnitKind::procedure;
  std::size_t visit = 0;
  std::size_t order = 0;
  Date date;
  std::uint8_t category = 0;
  char burden = '\0';
  std::int32_t count = 1;   // times on that date (内服: days)
  // procedure units: base first. Kept inline, no allocation: most units hold a few items, and 10
  // covers the usual 包括対象検査 bundle (D007's tiers go up to 10項目以上); a larger one allocates.
  // Filled with emplace_back: Boost 1.74's push_back is a call even when there is room (callgrind).
  boost::container::small_vector<Resolved, 10> items;
  bool dropped = false;
  std::int32_t lab_group = 0;  // lab_bundle units
  std::uint32_t day_mask = 0;  // inpatient daily units: the days of the month (bit d−1) it covers, count = days

  const Resolved* base() const { return items.empty() ? nullptr : &items.front(); }
};

// An item named for messages: its code and master name ("111000110 初診料"), or the code alone.
// Only formatted (fmt::formatter below), never stored.
struct Described {
  Code code = 0;
  const std::string* name = nullptr;
};

// This thread's lines, diagnostics and copayment kept for reuse (context.cpp).
struct Spares;

class Context {
 public:
  Context(const Claim& claim, const MasterSet& set, const PricingOptions& options, PricedClaim& out);

  const Claim& claim;
  const MasterSet& set;
  const PricingOptions& options;
  PricedClaim& out;

  // The date master records and rule tables are read on: the service date, or — when the caller
  // forces a revision that does not cover it (a revision-vs-revision run) — the nearest day of
  // that revision's period.
  Date lookup_date(Date service) const { return period_ ? period_->nearest(service) : service; }
  // The period lookup_date() keeps to (PricingOptions::revision), or nullopt (the service dates).
  std::optional<DateRange> revision_period() const { return period_; }
  // The version of a code to price a service on: the one in force on lookup_date(service); when a
  // forced revision had to move the date into its period, the version nearest to that date among
  // those in force some time in the period (e.g. the r04 医薬品マスター holds only its 2023-04
  // prices, so a 2021-10 claim priced under r04 takes them).
  template <class Record>
  const Record* version_for(masters::Versions<Record> versions, Date service) const {
    const Date on = lookup_date(service);
    if (const Record* in_force = versions.at(on)) return in_force;
    if (on == service) return nullptr;
    const Record* nearest = nullptr;
    int distance = 0;
    for (std::size_t i = 0; i < versions.periods.size(); ++i) {
      const DateRange period = versions.periods[i];
      if (!set.period().overlaps(period)) continue;
      const int d = on < period.from ? period.from - on : on - period.to;
      if (!nearest || d < distance) {
        nearest = &versions.records[i];
        distance = d;
      }
    }
    return nearest;
  }
  // Completed years on a service date.
  int age_on(Date service) const { return age_in_years(claim.patient.birth_date, service); }
  // Whether the patient is inside [lower, upper) of master age codes on `service` (00 = no bound).
  bool age_within(const AgeCode& lower, const AgeCode& upper, Date service) const;
  // The day the patient reaches an age code (memoised: a claim asks for few distinct codes).
  Date reached(const AgeCode& code) const;

  // Records a Diagnostic in `out`. The texts are copied into the strings of one a reused result
  // held (clear_for_reuse): pass them as views, a Text when formatted, and nothing allocates.
  void diagnose(Severity severity, std::string_view rule, CodeList codes, std::string_view message,
                std::optional<Date> date = std::nullopt, std::string_view field = {});

  // The claim's mode, or PricingOptions::mode when the caller forces one.
  ClaimMode mode() const { return options.mode.value_or(claim.mode); }
  // The one switch every automatic addition (年齢加算, 時間加算, 物価対応料 …) goes through before it
  // is added: true in ClaimMode::automatic. As claimed it returns false and records what the law
  // would add as a warning "算定漏れ/<kind>" naming the codes (addition first, then its base) and,
  // in `why`, the rule and its source.
  // `why` and `field` are callables returning the texts: they are called only when the warning is
  // recorded, so an automatic run formats nothing and allocates nothing for an addition it makes
  // (issue 17: no allocation per receipt with explain off).
  template <class Why, class Field>
  bool add_automatic(std::string_view kind, std::initializer_list<Code> codes, Why&& why, Date date, Field&& field) {
    if (mode() == ClaimMode::automatic) return true;
    missed_automatic(kind, codes, why(), date, field());
    return false;
  }
  // The one switch every rule that forbids a stated item (背反, 算定回数, eligibility, 外来管理加算,
  // 注加算/通番, 包括 …) goes through before it drops or caps it. In ClaimMode::automatic it records
  // "<why>: <automatic>" as an error under `rule` and returns true: the caller drops or caps. As
  // claimed it returns false — the item is priced as the receipt states it — and records a warning
  // "算定不可/<rule>" whose codes start with the item the law would not bill.
  bool forbid(std::string_view rule, CodeList codes, std::string_view why, std::string_view automatic,
              std::optional<Date> date, std::string_view field = {});

  // The next line of the claim to fill, empty. A reused result's lines from its earlier claim are
  // made again where they are, their vectors' capacity kept; past them a line is appended with the
  // vectors of a spare (clear_for_reuse). Moving each line to the spares and back cost 1,600
  // instructions a claim (callgrind, issue 17).
  PricedLine& new_line();
  // Takes back the last line made: new_line() makes it again.
  void drop_last_line();
  // The claim's lines made so far. Until finish_lines(), out.lines holds after them the earlier
  // claim's lines not yet made again: read the claim's lines here, never out.lines whole.
  std::span<PricedLine> lines() { return {out.lines.data(), lines_made_}; }
  // Room for `more` lines after those made: new_line() then moves none of them.
  void reserve_lines(std::size_t more) { out.lines.reserve(lines_made_ + more); }
  // Ends the claim's lines: out.lines is they alone, the earlier claim's left over go to the spares.
  void finish_lines();

  // Name of an item for messages ("111000110 初診料"): formatted in place by fmt, no string of
  // its own (issue 17: one allocation less per diagnostic).
  Described describe(const Resolved& r) const;

 private:
  void missed_automatic(std::string_view kind, CodeList codes, std::string_view why, Date date, std::string_view field);
  // A Diagnostic appended to out.diagnostics with these fields, its rule and message still empty:
  // one the reused result held when there is one, its strings' capacity kept.
  Diagnostic& record(Severity severity, CodeList codes, std::optional<Date> date, std::string_view field);

  std::optional<DateRange> period_;  // set.period() when a revision is forced; read once a claim
  // The thread's spares, found once a claim: in the shared library a thread_local's address is a
  // call to __tls_get_addr, which GCC makes again at each use rather than keep the address, and
  // new_line() is called for every line (perf on the C ABI).
  Spares& spares_;
  std::size_t lines_made_ = 0;  // out.lines' first lines_made_ are this claim's
  mutable boost::container::small_vector<std::pair<std::array<char, 2>, Date>, 4> reached_;
};

// Empties a result for the next claim priced into it (price(…, into)): its lines and diagnostics go
// to this thread's spares, where Context::new_line() and diagnose() take their vectors and strings
// back, capacity and all. Per-thread scratch: a result may be reused on any thread.
void clear_for_reuse(PricedClaim& out);

// This thread's spare copayment result: the copayment of the last result cleared for reuse, whose
// vectors compute_copay(…, into) fills again before it moves into the next result.
CopayResult& spare_copay();

// Drops item `item` of a unit; the base of a procedure unit takes its whole unit with it.
void drop_item(Unit& unit, std::size_t item);

// Phase 1: the units of every order of every visit, into `units` (cleared first: price() passes
// a thread_local buffer whose capacity is reused claim after claim, issue 17). Throws
// santei::Exception for an unknown code or one not in force on its date (the claim cannot be priced).
void build_units(Context& ctx, std::vector<Unit>& units);

// Phase 2: rules across units (drops or caps with Diagnostics).
void apply_claim_rules(Context& ctx, std::vector<Unit>& units);

// Phase 3: one PricedLine per remaining unit (and the 多剤投与 reduction lines).
void price_units(Context& ctx, std::vector<Unit>& units);

// Whether a procedure is an addition (告示等識別区分: 加算項目 or 通則加算項目) rather than a base.
// 告示等識別区分（２） 7 加算 (col 69); 告示等識別区分（１） 7 加算項目, 9 通則加算項目 (col 68). In line:
// asked of every procedure item, a call cost as much as the test (callgrind).
inline bool is_addition(const ProcedureRecord& r) {
  return r.notice_kind_table == 7 || r.notice_kind == 7 || r.notice_kind == 9;
}

// The Sunday that starts `date`'s week (週 windows run Sunday–Saturday, as ORCA counts; fee-rules §10.6).
inline Date week_start(Date date) { return date.plus_days(-static_cast<int>(date.weekday())); }

}  // namespace santei::pricing

template <>
struct fmt::formatter<santei::pricing::Described> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const santei::pricing::Described& d, FormatContext& ctx) const {
    return d.name ? fmt::format_to(ctx.out(), FMT_COMPILE("{} {}"), d.code, *d.name)
                  : fmt::format_to(ctx.out(), FMT_COMPILE("{}"), d.code);
  }
};
