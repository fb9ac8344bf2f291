// santei.claim/1 JSON → Claim (../shared/docs/claim-format.md §1).
#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <optional>
#include <span>

#include <fmt/format.h>

#include "claim/fields.hpp"
#include "claim/json_lines.hpp"
#include "claim/keys.hpp"
#include "claim/payers_json.hpp"
#include "core/byte_lanes.hpp"
#include "output/put_at.hpp"
#include "santei/claim.hpp"
#include "santei/dpc.hpp"

namespace santei {
namespace {

using claim::decimal;
using claim::Path;
using claim::expect;
using claim::fail;
using claim::index;
using claim::integer;
using claim::join;
using claim::members;
using claim::optional;
using claim::required;
using claim::text;
using Type = json::Value::Type;

// 診療識別 codes of the 記録条件仕様 (別表20) a claim may use.
constexpr std::array<std::uint8_t, 26> kCategories = {1,  11, 12, 13, 14, 21, 22, 23, 24, 25, 26, 27, 28,
                                                      31, 32, 33, 39, 40, 50, 54, 60, 70, 80, 90, 92, 97};

// kCategories as a set of 0–127, a bit each.
constexpr std::array<std::uint64_t, 2> kCategorySet = [] {
  std::array<std::uint64_t, 2> set{};
  for (const std::uint8_t c : kCategories) set[c / 64] |= std::uint64_t{1} << (c % 64);
  return set;
}();

constexpr bool is_category(std::int64_t n) { return n >= 0 && n < 128 && ((kCategorySet[n / 64] >> (n % 64)) & 1) != 0; }

std::uint8_t read_category(const json::Value& value, const Path& path) {
  // Two digits in a string, as nearly every order writes it, read in line: through integer() and a
  // search of the list it cost 146 instructions an order (callgrind).
  if (const std::string_view t = value.text(); value.is(Type::string) && t.size() == 2) {
    const auto tens = static_cast<unsigned char>(t[0] - '0');
    const auto ones = static_cast<unsigned char>(t[1] - '0');
    if (tens <= 9 && ones <= 9 && is_category(tens * 10 + ones)) return static_cast<std::uint8_t>(tens * 10 + ones);
  }
  const std::int64_t n = integer(value, path, 0, 99);
  if (value.is(Type::string) && value.text().size() != 2) fail(path, fmt::format("'{}' is not a two-digit 診療識別", value.text()));
  if (!is_category(n)) fail(path, fmt::format("{:02} is not a 診療識別 of the 記録条件仕様 (別表20)", n));
  return static_cast<std::uint8_t>(n);
}

// Nine ASCII digits as a number, or nullopt. On a little-endian target the first eight are
// checked and read as one word (a byte at a time, a code cost 90 instructions, callgrind).
std::optional<Code> nine_digits(std::string_view t) {
  if (t.size() != 9) return std::nullopt;
  const auto last = static_cast<unsigned char>(t[8] - '0');
  if (last > 9) return std::nullopt;
  if constexpr (std::endian::native == std::endian::little) {
    std::uint64_t word = 0;
    std::memcpy(&word, t.data(), sizeof word);  // t[0] in the lowest byte
    using byte_lanes::kOnes;
    // The lowest byte that is not '0'–'9' sets its high bit in one of the two: below '0' in the
    // difference, above '9' (or past 0x7F) in the sum; the bytes below it carry and borrow nothing.
    if ((((word + kOnes * 0x46) | (word - kOnes * '0')) & byte_lanes::kHighs) != 0) return std::nullopt;
    std::uint64_t digits = word - kOnes * '0';
    digits = (digits * 10 + (digits >> 8)) & 0x00FF00FF00FF00FFu;          // pairs, the first digit high
    digits = (digits * 100 + (digits >> 16)) & 0x0000FFFF0000FFFFu;        // fours
    digits = (digits * 10000 + (digits >> 32)) & 0xFFFFFFFFu;              // the eight
    return digits * 10 + last;
  } else {
    Code code = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      const auto digit = static_cast<unsigned char>(t[i] - '0');
      if (digit > 9) return std::nullopt;
      code = code * 10 + digit;
    }
    return code * 10 + last;
  }
}

Code read_code(const json::Value& value, const Path& path) {
  // A string of nine digits holds no control character, so text()'s scan for one (a tenth of
  // reading an item, callgrind) is left to the codes that fail: they go through text() first, as
  // every text field does.
  const std::string_view t = (value.is(Type::number) || value.is(Type::string)) ? value.text() : std::string_view();
  if (const std::optional<Code> code = nine_digits(t)) return *code;
  fail(path, fmt::format("'{}' is not a 9-digit master code", value.is(Type::number) ? value.text() : text(value, path)));
}

// Into `item`, a new element of its order's items: made in place, not moved there.
void read_item(const json::Value& value, const Path& path, ClaimItem& item) {
  expect(value, Type::object, path);
  static constexpr std::string_view kKeys[] = {"code", "quantity", "unit_price", "text"};
  const auto [code_value, quantity_value, price_value, text_value] = known_members(value, kKeys, path);
  item.code = read_code(required(code_value, "code", path), join(path, "code"));
  if (const json::Value* q = quantity_value) {
    const Decimal quantity = decimal(*q, join(path, "quantity"));
    if (!(Decimal(0) < quantity)) fail(join(path, "quantity"), fmt::format("{} is not a positive quantity", quantity.to_string()));
    item.quantity = quantity;
  }
  if (const json::Value* p = price_value) {
    const Decimal price = decimal(*p, join(path, "unit_price"));
    if (price.is_negative()) fail(join(path, "unit_price"), "a price cannot be negative");
    item.unit_price = price;
  }
  if (text_value) item.text = text(*text_value, join(path, "text"));
}

char read_burden(const json::Value& value, const Path& path) {
  const std::string_view burden = text(value, path);
  static constexpr std::string_view kBurdens = "123456789BCEGHIJKLMNOPQRSTUVWXYZ";
  if (burden.size() != 1 || kBurdens.find(burden[0]) == std::string_view::npos) {
    fail(path, fmt::format("'{}' is not a 負担区分 of the 記録条件仕様 (別表21)", burden));
  }
  return burden[0];
}

// What a thread keeps from claim to claim: the parsed document's memory, and the vectors of
// visits' orders and orders' items, emptied, with their memory: a claim read into a used one
// (parse_claim(json, into)) takes them back instead of allocating its own.
struct Scratch {
  json::Document document;
  std::vector<std::vector<Order>> orders;
  std::vector<std::vector<ClaimItem>> items;
};

// Found once a claim and passed down. Not in line: in the shared library a thread_local's address
// is a call to __tls_get_addr, which GCC makes again at each use rather than keep the address
// (two an order; 2–3 % of a C ABI call, perf).
[[gnu::noinline]] Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

template <class T>
std::vector<T> take_spare(std::vector<std::vector<T>>& spares) {
  if (spares.empty()) return {};
  std::vector<T> vector = std::move(spares.back());
  spares.pop_back();
  return vector;
}

// `claim`'s orders and items vectors, emptied, to the thread's spares; then `claim` made afresh.
void clear_keeping_vectors(Claim& claim, Scratch& scratch) {
  for (Visit& visit : claim.visits) {
    for (Order& order : visit.orders) {
      order.items.clear();
      scratch.items.push_back(std::move(order.items));
    }
    visit.orders.clear();
    scratch.orders.push_back(std::move(visit.orders));
  }
  std::vector<Visit> visits = std::move(claim.visits);
  visits.clear();
  claim = Claim{};
  claim.visits = std::move(visits);
}

// Into `order`, a new element of its visit's orders.
void read_order(const json::Value& value, const Path& path, std::size_t& items_seen, Scratch& scratch, Order& order) {
  expect(value, Type::object, path);
  static constexpr std::string_view kKeys[] = {"category", "days", "count", "burden", "items"};
  const auto [category, days, count, burden, items_value] = known_members(value, kKeys, path);
  order.items = take_spare(scratch.items);
  order.category = read_category(required(category, "category", path), join(path, "category"));
  if (days) order.days = static_cast<std::int32_t>(integer(*days, join(path, "days"), 1, 999));
  if (count) order.count = static_cast<std::int32_t>(integer(*count, join(path, "count"), 1, 999));
  if (burden) order.burden = read_burden(*burden, join(path, "burden"));
  const std::span<const json::Value> items =
      expect(required(items_value, "items", path), Type::array, join(path, "items")).items();
  if (items.empty()) fail(join(path, "items"), "an order needs at least one item");
  order.items.reserve(items.size());
  const Path items_path = join(path, "items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (++items_seen > kMaxLinesPerClaim) {
      fail(items_path, fmt::format("more than {} items in one claim", kMaxLinesPerClaim), Status::limit_exceeded);
    }
    read_item(items[i], index(items_path, i), order.items.emplace_back());
  }
}

VisitTime read_time(const json::Value& value, const Path& path) {
  const std::string_view t = text(value, path);
  if (t == "regular") return VisitTime::regular;
  if (t == "after_hours") return VisitTime::after_hours;
  if (t == "holiday") return VisitTime::holiday;
  if (t == "late_night") return VisitTime::late_night;
  if (t == "night_early") return VisitTime::night_early;
  fail(path, fmt::format("'{}' is not one of regular, after_hours, holiday, late_night, night_early", t));
}

Facility read_facility(const json::Value& value, const Path& path) {
  expect(value, Type::object, path);
  static constexpr std::string_view kKeys[] = {"kind", "name", "beds", "general_beds", "standards"};
  const auto [kind_value, name, beds, general_beds, standards_value] = members(value, kKeys);
  Facility facility;
  const std::string_view kind = text(required(kind_value, "kind", path), join(path, "kind"));
  if (kind == "clinic") facility.kind = FacilityKind::clinic;
  else if (kind == "hospital") facility.kind = FacilityKind::hospital;
  else fail(join(path, "kind"), fmt::format("'{}' is not one of clinic, hospital", kind));
  if (name) facility.name = text(*name, join(path, "name"));
  if (beds) facility.beds = static_cast<std::int32_t>(integer(*beds, join(path, "beds"), 0, 10000));
  if (general_beds) {
    facility.general_beds = static_cast<std::int32_t>(integer(*general_beds, join(path, "general_beds"), 0, 10000));
  }
  if (const json::Value* s = standards_value) {
    const Path standards = join(path, "standards");
    expect(*s, Type::array, standards);
    for (std::size_t i = 0; i < s->items().size(); ++i) {
      facility.standards.push_back(static_cast<std::int32_t>(integer(s->items()[i], index(standards, i), 1, 9999)));
    }
  }
  return facility;
}

std::vector<Date> read_dates(const json::Value& value, const Path& path) {
  expect(value, Type::array, path);
  std::vector<Date> dates;
  for (std::size_t i = 0; i < value.items().size(); ++i) dates.push_back(claim::date(value.items()[i], index(path, i)));
  return dates;
}

// admission.meals[].served / .special: ["breakfast", "lunch", "dinner"] (朝・昼・夕).
std::uint8_t read_meal_times(const json::Value& value, const Path& path) {
  expect(value, Type::array, path);
  std::uint8_t bits = 0;
  for (std::size_t i = 0; i < value.items().size(); ++i) {
    const Path at = index(path, i);
    const std::string_view t = text(value.items()[i], at);
    const std::uint8_t bit = t == "breakfast" ? kBreakfast : t == "lunch" ? kLunch : t == "dinner" ? kDinner : 0;
    if (bit == 0) fail(at, fmt::format("'{}' is not one of breakfast, lunch, dinner", t));
    if (bits & bit) fail(at, fmt::format("'{}' is listed twice", t));
    bits |= bit;
  }
  return bits;
}

Meals read_meals(const json::Value& value, const Path& path) {
  expect(value, Type::object, path);
  Meals meals;
  meals.code = read_code(required(value, "code", path), join(path, "code"));
  if (const json::Value* d = optional(value, "dining_room")) meals.dining_room = claim::boolean(*d, join(path, "dining_room"));
  const Path days_path = join(path, "days");
  const json::Value& days = expect(required(value, "days", path), Type::array, days_path);
  for (std::size_t i = 0; i < days.items().size(); ++i) {
    const Path at = index(days_path, i);
    const json::Value& item = expect(days.items()[i], Type::object, at);
    MealDays run;
    run.from = claim::date(required(item, "from", at), join(at, "from"));
    run.to = run.from;
    if (const json::Value* to = optional(item, "to")) run.to = claim::date(*to, join(at, "to"));
    if (run.to < run.from) fail(join(at, "to"), fmt::format("{} is before from ({})", run.to.iso(), run.from.iso()));
    run.served = read_meal_times(required(item, "served", at), join(at, "served"));
    if (const json::Value* s = optional(item, "special")) run.special = read_meal_times(*s, join(at, "special"));
    if ((run.special & ~run.served) != 0) fail(join(at, "special"), "a 特別食 must be one of the served meals");
    meals.days.push_back(run);
  }
  return meals;
}

// The members of `admission` that let santei price the inpatient days itself (docs/claim-inpatient.md).
// `from` (required) … `to` (absent: open) of an object: admission.stays[], admission.dpc.units[].
DateRange read_period(const json::Value& item, const Path& path) {
  DateRange period{claim::date(required(item, "from", path), join(path, "from")), Date::open_end()};
  if (const json::Value* to = optional(item, "to")) period.to = claim::date(*to, join(path, "to"));
  if (period.to < period.from) fail(join(path, "to"), "to is before from");
  return period;
}

void read_inpatient_pricing(const json::Value& value, const Path& path, Admission& admission) {
  const json::Value* fee = optional(value, "fee");
  const json::Value* fees = optional(value, "fees");
  if (fee && fees) fail(join(path, "fee"), "give either fee or fees, not both");
  if (fee) admission.fees.push_back(InpatientFee{admission.admitted, read_code(*fee, join(path, "fee"))});
  if (fees) {
    const Path at = join(path, "fees");
    expect(*fees, Type::array, at);
    if (fees->items().empty()) fail(at, "fees needs at least one 入院料");
    for (std::size_t i = 0; i < fees->items().size(); ++i) {
      const Path item_path = index(at, i);
      const json::Value& item = expect(fees->items()[i], Type::object, item_path);
      InpatientFee f{claim::date(required(item, "from", item_path), join(item_path, "from")),
                     read_code(required(item, "code", item_path), join(item_path, "code"))};
      if (!admission.fees.empty() && !(admission.fees.back().from < f.from)) {
        fail(join(item_path, "from"), "fees must be in order of from, one per day");
      }
      admission.fees.push_back(f);
    }
  }
  if (const json::Value* a = optional(value, "additions")) {
    const Path at = join(path, "additions");
    expect(*a, Type::array, at);
    for (std::size_t i = 0; i < a->items().size(); ++i) {
      const Path item_path = index(at, i);
      const json::Value& item = a->items()[i];
      InpatientAddition addition;
      if (item.is(Type::object)) {
        addition.code = read_code(required(item, "code", item_path), join(item_path, "code"));
        if (const json::Value* f = optional(item, "from")) addition.from = claim::date(*f, join(item_path, "from"));
        if (const json::Value* t = optional(item, "to")) addition.to = claim::date(*t, join(item_path, "to"));
        if (addition.from && addition.to && *addition.to < *addition.from) fail(join(item_path, "to"), "to is before from");
      } else {
        addition.code = read_code(item, item_path);
      }
      admission.additions.push_back(addition);
    }
  }
  if (const json::Value* t = optional(value, "therapeutic_away_days")) {
    admission.therapeutic_away_days = read_dates(*t, join(path, "therapeutic_away_days"));
  }
  if (const json::Value* s = optional(value, "stays")) {
    const Path at = join(path, "stays");
    expect(*s, Type::array, at);
    for (std::size_t i = 0; i < s->items().size(); ++i) {
      const Path item_path = index(at, i);
      const DateRange stay = read_period(expect(s->items()[i], Type::object, item_path), item_path);
      if (!admission.stays.empty() && !(admission.stays.back().to < stay.from)) {
        fail(join(item_path, "from"), "stays must be in order and must not overlap");
      }
      admission.stays.push_back(stay);
    }
  }
  if (const json::Value* m = optional(value, "meals")) admission.meals = read_meals(*m, join(path, "meals"));
  if (const json::Value* b = optional(value, "burden")) admission.burden = read_burden(*b, join(path, "burden"));
}

std::vector<std::string> read_codes(const json::Value& value, const Path& path) {
  expect(value, Type::array, path);
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < value.items().size(); ++i) {
    codes.emplace_back(text(value.items()[i], index(path, i)));
    if (codes.back().empty()) fail(index(path, i), "is an empty code");
  }
  return codes;
}

// The grouper's inputs (docs/dpc.md): codes as the DPC電子点数表's 定義テーブル writes them.
DpcGroupingInput read_dpc_grouping(const json::Value& value, const Path& path) {
  expect(value, Type::object, path);
  DpcGroupingInput input;
  input.diagnosis = text(required(value, "diagnosis", path), join(path, "diagnosis"));
  if (const json::Value* v = optional(value, "surgeries")) {
    const Path surgeries = join(path, "surgeries");
    input.surgeries = read_codes(*v, surgeries);
    // 手術 are 医科点数表 第10部 (留意事項 第２ ３(８)): K codes; another code here would read as
    // 「定義テーブルにない手術」 and move the stay to a 手術 branch.
    for (std::size_t i = 0; i < input.surgeries.size(); ++i) {
      if (!input.surgeries[i].starts_with('K')) {
        fail(index(surgeries, i), fmt::format("'{}' is not a 手術 code (第10部: K…); 処置等 go in procedures", input.surgeries[i]));
      }
    }
  }
  if (const json::Value* v = optional(value, "procedures")) input.procedures = read_codes(*v, join(path, "procedures"));
  if (const json::Value* v = optional(value, "comorbidities")) input.comorbidities = read_codes(*v, join(path, "comorbidities"));
  if (const json::Value* v = optional(value, "age")) input.age = static_cast<std::int32_t>(integer(*v, join(path, "age"), 0, 150));
  if (const json::Value* c = optional(value, "conditions")) {
    const Path conditions = join(path, "conditions");
    expect(*c, Type::object, conditions);
    const std::span<const DpcConditionName> names = dpc_condition_names();
    for (const json::Member& member : c->members()) {
      const Path at = join(conditions, member.key);
      if (std::none_of(names.begin(), names.end(), [&](const DpcConditionName& n) { return n.name == member.key; })) {
        fail(at, fmt::format("'{}' is not a DPC grouping condition santei knows (docs/dpc.md)", member.key));
      }
      input.conditions.emplace_back(member.key, static_cast<std::int32_t>(integer(member.value, at, 0, 1'000'000)));
    }
  }
  // Branch values the stay states itself (the grouper refuses a name that is no 変換テーブル column).
  if (const json::Value* b = optional(value, "branches")) {
    const Path branches = join(path, "branches");
    expect(*b, Type::object, branches);
    for (const json::Member& member : b->members()) {
      const json::Value& v = member.value;
      if (v.is(Type::array)) {
        const Path name = join(branches, member.key);
        for (std::size_t i = 0; i < v.items().size(); ++i) {
          input.branches.emplace_back(member.key, text(v.items()[i], index(name, i)));
        }
      } else {
        input.branches.emplace_back(member.key, text(v, join(branches, member.key)));
      }
    }
  }
  return input;
}

// admission.dpc.units[].additions: each a 注's name, or {name, from, to} (a 注 by day: the days it was
// earned) or {name, date} (a 注 billed once).
std::vector<DpcUnitAddition> read_unit_additions(const json::Value& value, const Path& path) {
  expect(value, Type::array, path);
  std::vector<DpcUnitAddition> out;
  for (std::size_t i = 0; i < value.items().size(); ++i) {
    const Path at = index(path, i);
    const json::Value& item = value.items()[i];
    if (item.is(Type::string)) {
      out.push_back(DpcUnitAddition{std::string(text(item, at)), std::nullopt, std::nullopt});
      continue;
    }
    expect(item, Type::object, at);
    DpcUnitAddition addition{std::string(text(required(item, "name", at), join(at, "name"))), std::nullopt, std::nullopt};
    if (const json::Value* d = optional(item, "date")) addition.date = claim::date(*d, join(at, "date"));
    if (optional(item, "from") || optional(item, "to")) {
      if (addition.date) fail(join(at, "date"), "give a date (a 注 billed once) or from/to (by day), not both");
      addition.days = read_period(item, at);
    }
    out.push_back(std::move(addition));
  }
  return out;
}

// 医療機関別係数 are published to 4 decimals (係数告示); a coefficient outside (0, 10) is a typo.
DpcStay read_dpc_stay(const json::Value& value, const Path& path) {
  expect(value, Type::object, path);
  DpcStay stay;
  if (const json::Value* g = optional(value, "grouping")) stay.grouping = read_dpc_grouping(*g, join(path, "grouping"));
  if (const json::Value* c = optional(value, "code"); c || !stay.grouping) {
    stay.code = text(required(value, "code", path), join(path, "code"));
    if (!is_dpc_code(stay.code)) fail(join(path, "code"), fmt::format("'{}' is not a 14-character 診断群分類番号 (digits, A–Z, x)", stay.code));
  }
  if (const json::Value* h = optional(value, "hospital")) stay.hospital = text(*h, join(path, "hospital"));
  if (const json::Value* u = optional(value, "units")) {
    const Path units = join(path, "units");
    expect(*u, Type::array, units);
    for (std::size_t i = 0; i < u->items().size(); ++i) {
      const Path at = index(units, i);
      const json::Value& item = expect(u->items()[i], Type::object, at);
      stay.units.push_back(DpcUnit{std::string(text(required(item, "fee", at), join(at, "fee"))), read_period(item, at), {}});
      if (const json::Value* a = optional(item, "additions")) {
        stay.units.back().additions = read_unit_additions(*a, join(at, "additions"));
      }
    }
  }
  stay.coefficient = decimal(required(value, "coefficient", path), join(path, "coefficient"));
  if (stay.coefficient <= Decimal(0) || stay.coefficient >= Decimal(10) || stay.coefficient.scale() > 4) {
    fail(join(path, "coefficient"),
         fmt::format("{} is not a 医療機関別係数: more than 0 and less than 10, at most 4 decimals", stay.coefficient.to_string()));
  }
  return stay;
}

Admission read_admission(const json::Value& value, const Path& path) {
  expect(value, Type::object, path);
  Admission admission;
  admission.admitted = claim::date(required(value, "admitted", path), join(path, "admitted"));
  if (const json::Value* d = optional(value, "discharged")) admission.discharged = claim::date(*d, join(path, "discharged"));
  if (const json::Value* a = optional(value, "away_days")) admission.away_days = read_dates(*a, join(path, "away_days"));
  if (const json::Value* w = optional(value, "ward")) admission.ward = text(*w, join(path, "ward"));
  if (const json::Value* b = optional(value, "bill_dates")) {
    const Path bill_dates = join(path, "bill_dates");
    expect(*b, Type::array, bill_dates);
    for (std::size_t i = 0; i < b->items().size(); ++i) {
      admission.bill_dates.push_back(claim::date(b->items()[i], index(bill_dates, i)));
    }
  }
  read_inpatient_pricing(value, path, admission);
  if (const json::Value* d = optional(value, "dpc")) admission.dpc = read_dpc_stay(*d, join(path, "dpc"));
  return admission;
}

}  // namespace

bool Facility::has_standard(std::int32_t code) const {
  return std::find(standards.begin(), standards.end(), code) != standards.end();
}

const char* to_string(ClaimMode mode) { return mode == ClaimMode::as_claimed ? "as_claimed" : "automatic"; }

std::optional<ClaimMode> parse_claim_mode(std::string_view text) {
  if (text == "automatic") return ClaimMode::automatic;
  if (text == "as_claimed") return ClaimMode::as_claimed;
  return std::nullopt;
}

std::string category_text(std::uint8_t category) { return std::string(output::CategoryDigits(category).view()); }

bool claim::blank_line(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

ErrorInfo claim::over_size(std::uint64_t bytes) {
  return ErrorInfo{Status::limit_exceeded, "<claim>", 0, 0, {},
                   fmt::format("a claim of {} bytes is over the {}-byte limit", bytes, kMaxClaimBytes)};
}

Claim parse_claim(std::string_view input) {
  Claim claim;
  parse_claim(input, claim);
  return claim;
}

namespace {

// The claim of the document just parsed into `scratch`.
void read_claim(Scratch& scratch, Claim& claim) {
  const json::Value& root = scratch.document.root();
  expect(root, Type::object, "(claim)");
  static constexpr std::string_view kKeys[] = {"format",    "id",              "mode",   "month",     "setting",    "facility",
                                               "patient",   "insurance",       "visits", "admission", "extensions", "public_expenses"};
  const auto [format_value, id, mode, month_value, setting_value, facility, patient_value, insurance, visits_value,
              admission_json, extensions, public_expenses] = members(root, kKeys);
  clear_keeping_vectors(claim, scratch);
  const std::string_view format = text(required(format_value, "format", ""), "format");
  if (format != "santei.claim/1") fail("format", fmt::format("'{}' is not santei.claim/1", format));
  claim::check_keys(root);
  if (extensions) claim.extensions = json::to_json(expect(*extensions, Type::object, "extensions"));
  if (id) claim.id = id->is(Type::number) ? id->text() : text(*id, "id");
  if (mode) {
    const std::string_view m = text(*mode, "mode");
    const std::optional<ClaimMode> parsed = parse_claim_mode(m);
    if (!parsed) fail("mode", fmt::format("'{}' is not one of automatic, as_claimed", m));
    claim.mode = *parsed;
  }

  const std::string_view month = text(required(month_value, "month", ""), "month");
  const auto ym = YearMonth::parse(month);
  if (!ym) fail("month", fmt::format("'{}' is not a month (YYYY-MM)", month));
  claim.month = *ym;

  const std::string_view setting = text(required(setting_value, "setting", ""), "setting");
  if (setting == "outpatient") claim.setting = Setting::outpatient;
  else if (setting == "inpatient") claim.setting = Setting::inpatient;
  else fail("setting", fmt::format("'{}' is not one of outpatient, inpatient", setting));

  claim.facility = read_facility(required(facility, "facility", ""), "facility");

  const json::Value& patient = expect(required(patient_value, "patient", ""), Type::object, "patient");
  claim.patient.birth_date = claim::date(required(patient, "birth_date", "patient"), "patient.birth_date");
  if (const json::Value* sex = optional(patient, "sex")) {
    const std::string_view s = text(*sex, "patient.sex");
    if (s == "male" || s == "1") claim.patient.sex = Sex::male;
    else if (s == "female" || s == "2") claim.patient.sex = Sex::female;
    else if (s != "unknown") fail("patient.sex", fmt::format("'{}' is not one of male, female, unknown", s));
  }
  // The month's first and last days, found once for every visit's date.
  const Date month_first = claim.month.first_day(), month_last = claim.month.last_day();
  if (month_last < claim.patient.birth_date) {
    fail("patient.birth_date", fmt::format("{} is after the service month {}", claim.patient.birth_date.iso(), month));
  }

  claim.insurance = claim::read_insurance(required(insurance, "insurance", ""), "insurance");
  if (public_expenses) claim.public_expenses = claim::read_public_expenses(*public_expenses, "public_expenses");
  if (claim.insurance.kind == InsuranceKind::none && claim.public_expenses.empty()) {
    fail("public_expenses", "insurance.kind none (公費単独) needs at least one public expense");
  }

  const std::span<const json::Value> visits = expect(required(visits_value, "visits", ""), Type::array, "visits").items();
  // An inpatient claim whose admission names its 入院料 (fee-rules E19) or its DPC 診断群分類 may
  // have no other care.
  const bool priced_from_admission = setting == "inpatient" && admission_json && admission_json->is(Type::object) &&
                                     (optional(*admission_json, "fee") || optional(*admission_json, "fees") ||
                                      optional(*admission_json, "dpc"));
  if (visits.empty() && !priced_from_admission) fail("visits", "a claim needs at least one visit");
  if (visits.size() > kMaxVisitsPerClaim) {
    fail("visits", fmt::format("more than {} visits in one claim", kMaxVisitsPerClaim), Status::limit_exceeded);
  }
  std::size_t items_seen = 0;
  claim.visits.reserve(visits.size());
  const Path visits_path = "visits";
  for (std::size_t v = 0; v < visits.size(); ++v) {
    const Path at = index(visits_path, v);
    const json::Value& visit_json = expect(visits[v], Type::object, at);
    static constexpr std::string_view kVisitKeys[] = {"date", "time", "orders"};
    const auto [date, time, orders_value] = known_members(visit_json, kVisitKeys, at);
    Visit& visit = claim.visits.emplace_back();
    visit.orders = take_spare(scratch.orders);
    visit.date = claim::date(required(date, "date", at), join(at, "date"));
    if (visit.date < month_first || month_last < visit.date) {
      fail(join(at, "date"), fmt::format("{} is outside the service month {}", visit.date.iso(), month));
    }
    if (visit.date < claim.patient.birth_date) {
      fail(join(at, "date"), fmt::format("{} is before the patient's birth date", visit.date.iso()));
    }
    if (time) visit.time = read_time(*time, join(at, "time"));
    const Path orders_path = join(at, "orders");
    const std::span<const json::Value> orders = expect(required(orders_value, "orders", at), Type::array, orders_path).items();
    visit.orders.reserve(orders.size());
    for (std::size_t o = 0; o < orders.size(); ++o) {
      read_order(orders[o], index(orders_path, o), items_seen, scratch, visit.orders.emplace_back());
    }
  }

  if (admission_json) claim.admission = read_admission(*admission_json, "admission");
  if (claim.admission && claim.admission->dpc && claim.setting != Setting::inpatient) {
    fail("admission.dpc", "a DPC stay is an inpatient claim (setting inpatient)");
  }
  if (claim.setting == Setting::inpatient && !claim.admission) {
    fail("admission", "an inpatient claim needs admission.admitted (入院年月日)");
  }
}

// A claim's text, a plain view or one kept padded (json::PaddedText), into `claim`.
template <class Text>
void parse_text(const Text& input, Claim& claim) {
  if (input.size() > kMaxClaimBytes) throw Exception(claim::over_size(input.size()));
  Scratch& scratch = thread_scratch();
  json::parse(input, "<claim>", kMaxJsonDepth, scratch.document);
  read_claim(scratch, claim);
}

}  // namespace

void parse_claim(std::string_view input, Claim& claim) { parse_text(input, claim); }

void claim::parse_claim(const json::PaddedText& input, Claim& claim) { parse_text(input, claim); }

}  // namespace santei
