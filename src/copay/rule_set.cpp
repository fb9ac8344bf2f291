// masters/rules/*.xml → RuleSet: one reader per topic, every value checked at load.
#include "copay/rule_set.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "copay/rule_reader.hpp"
#include "core/embedded.hpp"
#include "core/same_text.hpp"

namespace santei::copay {
namespace {

// The number of a two-digit 法別番号, or -1.
int law_number(std::string_view law) {
  if (law.size() != 2 || !std::isdigit(static_cast<unsigned char>(law[0])) || !std::isdigit(static_cast<unsigned char>(law[1]))) {
    return -1;
  }
  return (law[0] - '0') * 10 + (law[1] - '0');
}

// In line in each table's find(), each name compared in line (same_text): with std::find each name of
// the same length was a call to memcmp, and each row a call to has_name (callgrind, 5,000 claims:
// LimitTable::find 2.5M → 1.1M instructions).
[[gnu::always_inline]] inline bool has_name(const std::vector<std::string>& names, std::string_view name) {
  for (const std::string& n : names) {
    if (same_text(n, name)) return true;
  }
  return false;
}

// Every 区分 name appears in one row only.
template <class Row>
void check_unique_names(const RuleReader& r, pugi::xml_node value, const std::vector<Row>& rows) {
  std::set<std::string, std::less<>> seen;
  for (const Row& row : rows) {
    for (const std::string& name : row.names) {
      if (!seen.insert(name).second) r.fail(value, "names", fmt::format("区分 '{}' appears in two rows", name));
    }
  }
}

// The 75歳到達月 halving must be exact: every fixed figure is even.
void check_even(const RuleReader& r, pugi::xml_node node, const char* attribute, std::optional<Yen> v) {
  if (v && v->value % 2 != 0) r.fail(node, attribute, fmt::format("{} cannot be halved exactly (75歳到達月)", v->value));
}

RateTable read_rate_table(const RuleReader& r, pugi::xml_node value) {
  RateTable table;
  for (const pugi::xml_node row : value.children("bracket")) {
    table.rows.push_back(RateRow{r.words(row, "names"), r.rate(row, "rate")});
  }
  if (table.rows.empty()) r.fail(value, "bracket", "a rate table needs at least one <bracket>");
  check_unique_names(r, value, table.rows);
  return table;
}

LimitTable read_limit_table(const RuleReader& r, pugi::xml_node value) {
  LimitTable table;
  for (const pugi::xml_node node : value.children("bracket")) {
    LimitRow row;
    row.names = r.words(node, "names");
    row.outpatient = r.optional_yen(node, "outpatient");
    row.base = r.yen(node, "base");
    row.threshold = r.optional_yen(node, "threshold");
    row.many = r.optional_yen(node, "many");
    check_even(r, node, "outpatient", row.outpatient);
    check_even(r, node, "base", row.base);
    check_even(r, node, "threshold", row.threshold);
    check_even(r, node, "many", row.many);
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) r.fail(value, "bracket", "a limit table needs at least one <bracket>");
  check_unique_names(r, value, table.rows);
  return table;
}

AnnualCaps read_annual_caps(const RuleReader& r, pugi::xml_node value) {
  AnnualCaps out;
  for (const pugi::xml_node node : value.children("cap")) {
    out.caps.push_back(AnnualCap{r.words(node, "names"), r.yen(node, "yen"), r.optional_yen(node, "low_income")});
  }
  if (out.caps.empty()) r.fail(value, "cap", "a yearly cap needs at least one <cap>");
  check_unique_names(r, value, out.caps);
  return out;
}

MealCharges read_meal_charges(const RuleReader& r, pugi::xml_node value) {
  static constexpr std::array<std::string_view, kMealCategories> kIds = {"general", "intractable", "low_income",
                                                                        "low_income_long", "low_income_1"};
  MealCharges charges{};
  std::array<bool, kMealCategories> seen{};
  for (const pugi::xml_node node : value.children("category")) {
    const std::string id = r.text(node, "id");
    const auto it = std::find(kIds.begin(), kIds.end(), id);
    if (it == kIds.end()) r.fail(node, "id", fmt::format("'{}' is not a meal category", id));
    const auto i = static_cast<std::size_t>(it - kIds.begin());
    if (seen[i]) r.fail(node, "id", fmt::format("category '{}' is given twice", id));
    seen[i] = true;
    charges[i] = r.yen(node, "yen");
  }
  for (std::size_t i = 0; i < kMealCategories; ++i) {
    if (!seen[i]) r.fail(value, "category", fmt::format("category '{}' is missing", kIds[i]));
  }
  return charges;
}

LimitBasis read_basis(const RuleReader& r, pugi::xml_node node, const char* attribute) {
  const std::string t = r.text(node, attribute);
  if (t == "real") return LimitBasis{true, {}};
  if (t.starts_with("real|")) return LimitBasis{true, t.substr(5)};
  return LimitBasis{false, t};
}

TierCap read_tier_cap(const RuleReader& r, pugi::xml_node node, const char* attribute) {
  if (!node.attribute(attribute)) return TierCap{};
  const std::string t = node.attribute(attribute).as_string();
  if (t == "kougaku") return TierCap{TierCap::Kind::kougaku, {}};
  if (t == "ineligible") return TierCap{TierCap::Kind::ineligible, {}};
  return TierCap{TierCap::Kind::yen, r.yen(node, attribute)};
}

template <class E, std::size_t N>
E read_enum(const RuleReader& r, pugi::xml_node node, const char* attribute, const std::array<std::string_view, N>& names,
            std::optional<E> fallback = std::nullopt) {
  if (!node.attribute(attribute) && fallback) return *fallback;
  const std::string t = r.text(node, attribute);
  const auto it = std::find(names.begin(), names.end(), t);
  if (it == names.end()) {
    std::string all;
    for (std::string_view n : names) all += fmt::format("{}{}", all.empty() ? "" : ", ", n);
    r.fail(node, attribute, fmt::format("'{}' is not one of {}", t, all));
  }
  return static_cast<E>(it - names.begin());
}

Programme read_programme(const RuleReader& r, pugi::xml_node node) {
  Programme p;
  p.law = r.text(node, "law");
  p.name = r.text(node, "name");
  p.type = read_enum<ProgrammeType>(r, node, "type", std::array<std::string_view, 2>{"insurance_first", "public_first"});
  p.share = read_enum<ShareKind>(r, node, "share", std::array<std::string_view, 4>{"rate", "per_day", "liable", "none"});
  if (p.share == ShareKind::per_day) r.fail(node, "share", "per_day shares are given by the claim (地方単独 only)");
  if (p.share == ShareKind::rate) p.rate = r.rate(node, "rate");
  p.cap = read_enum<CapKind>(r, node, "cap", std::array<std::string_view, 3>{"none", "required", "optional"});
  if (p.cap == CapKind::optional) p.cap_default = r.yen(node, "cap_default");
  for (const pugi::xml_node t : node.children("tier")) {
    Tier tier{r.words(t, "names"), read_tier_cap(r, t, "general"), read_tier_cap(r, t, "long_term"),
              read_tier_cap(r, t, "ventilator")};
    if (tier.general.kind == TierCap::Kind::absent) r.fail(t, "general", "a tier needs its general cap");
    p.tiers.push_back(std::move(tier));
  }
  if (!p.tiers.empty() && p.cap != CapKind::required) r.fail(node, "cap", "tiers are only for cap=\"required\"");
  check_unique_names(r, node, p.tiers);
  p.limit_under70 = read_basis(r, node, "limit_under70");
  p.limit_70plus = read_basis(r, node, "limit_70plus");
  p.meals = read_enum<MealRule>(r, node, "meals", std::array<std::string_view, 3>{"patient", "half", "covered"});
  if (node.attribute("meal_category")) {
    if (r.text(node, "meal_category") != "intractable") r.fail(node, "meal_category", "only 'intractable' is known");
    p.intractable_meals = true;
  }
  p.rounding = read_enum<WindowRounding>(r, node, "rounding", std::array<std::string_view, 3>{"round10", "exact", "floor10"},
                                         WindowRounding::round10);
  p.source = r.text(node, "source");
  p.title = fmt::format("公費 {} {}", p.law, p.name);
  p.cite = fmt::format(" (kouhi.xml {})", p.law);
  return p;
}

std::pair<int, int> read_range(const RuleReader& r, pugi::xml_node node, const std::string& text) {
  const auto dash = text.find('-');
  const std::string lo = text.substr(0, dash);
  const std::string hi = dash == std::string::npos ? lo : text.substr(dash + 1);
  const auto two_digits = [](const std::string& s) {
    return s.size() == 2 && std::isdigit(static_cast<unsigned char>(s[0])) && std::isdigit(static_cast<unsigned char>(s[1]));
  };
  if (!two_digits(lo) || !two_digits(hi) || hi < lo) r.fail(node, "laws", fmt::format("'{}' is not a 法別番号 range", text));
  return {std::stoi(lo), std::stoi(hi)};
}

ProgrammeTable read_programmes(const RuleReader& r, pugi::xml_node value) {
  ProgrammeTable t;
  for (const pugi::xml_node node : value.children("programme")) {
    Programme p = read_programme(r, node);
    if (law_number(p.law) < 0) r.fail(node, "law", fmt::format("'{}' is not a two-digit 法別番号", p.law));
    if (std::any_of(t.programmes.begin(), t.programmes.end(), [&](const Programme& q) { return q.law == p.law; })) {
      r.fail(node, "law", fmt::format("法別 {} is defined twice", p.law));
    }
    t.programmes.push_back(std::move(p));
  }
  const pugi::xml_node priority = value.child("priority");
  if (!priority) r.fail(value, "priority", "the programme table needs a <priority order>");
  t.priority = r.words(priority, "order");
  t.index();
  for (const Programme& p : t.programmes) {
    if (std::count(t.priority.begin(), t.priority.end(), p.law) != 1) {
      r.fail(priority, "order", fmt::format("法別 {} must appear exactly once in the priority order", p.law));
    }
  }
  for (const std::string& law : t.priority) {
    if (!t.find(law)) r.fail(priority, "order", fmt::format("法別 {} in the priority order has no <programme>", law));
  }
  const pugi::xml_node local = value.child("local");
  if (!local) r.fail(value, "local", "the programme table needs a <local> (地方単独) entry");
  for (const std::string& range : r.words(local, "laws")) t.local_ranges.push_back(read_range(r, local, range));
  t.local_under70 = read_basis(r, local, "limit_under70");
  t.local_70plus = read_basis(r, local, "limit_70plus");
  t.local_source = r.text(local, "source");
  const pugi::xml_node insurer = value.child("insurer");
  if (insurer) t.insurer_laws = r.words(insurer, "laws");
  for (const Programme& p : t.programmes) {
    if (t.is_local(p.law) || t.is_insurer(p.law)) r.fail(value, "law", fmt::format("法別 {} is both a programme and a local/insurer number", p.law));
  }
  return t;
}

RuleSet load_all(const RuleTexts& texts) {
  RuleSet s;
  {
    static constexpr xml::Element kRates[] = {{"value", "rate born_until names", "bracket"}, {"bracket", "names rate", ""}};
    RuleReader r(texts.rates, "masters/rules/rates.xml", kRates);
    s.rate_preschool = r.timeline<Decimal>("preschool", [&](pugi::xml_node v) { return r.rate(v, "rate"); });
    s.rate_under70 = r.timeline<Decimal>("under70", [&](pugi::xml_node v) { return r.rate(v, "rate"); });
    s.rate_70to74 = r.timeline<RateTable>("70to74", [&](pugi::xml_node v) { return read_rate_table(r, v); });
    s.rate_70to74_special = r.timeline<SpecialRate>(
        "70to74_special", [&](pugi::xml_node v) { return SpecialRate{r.date(v, "born_until"), r.rate(v, "rate"), r.words(v, "names")}; });
    s.rate_75plus = r.timeline<RateTable>("75plus", [&](pugi::xml_node v) { return read_rate_table(r, v); });
    r.finish();
  }
  {
    // <cap>: the yearly settlements of issue 14 (annual_outpatient_70plus, annual_household).
    static constexpr xml::Element kKougaku[] = {{"value", "divisor caps yen settings", "bracket cap"},
                                                {"bracket", "names outpatient base threshold many", ""},
                                                {"cap", "names yen low_income", ""}};
    RuleReader r(texts.kougaku, "masters/rules/kougaku.xml", kKougaku);
    s.limits_under70 = r.timeline<LimitTable>("under70", [&](pugi::xml_node v) { return read_limit_table(r, v); });
    s.limits_70plus = r.timeline<LimitTable>("70plus", [&](pugi::xml_node v) { return read_limit_table(r, v); });
    s.birthday_month_divisor = r.timeline<int>(
        "birthday_month_75", [&](pugi::xml_node v) { return static_cast<int>(r.whole(v, "divisor", 1, 2)); });
    s.special_disease_caps = r.timeline<std::vector<Yen>>("special_disease", [&](pugi::xml_node v) {
      std::vector<Yen> caps;
      for (const std::string& w : r.words(v, "caps")) {
        const auto c = Decimal::parse(w);
        if (!c || !c->is_integer() || c->is_negative()) r.fail(v, "caps", fmt::format("'{}' is not a yen amount", w));
        caps.push_back(Yen{c->mantissa()});
        check_even(r, v, "caps", caps.back());
      }
      return caps;
    });
    s.combine_threshold = r.timeline<Yen>("combine_threshold", [&](pugi::xml_node v) { return r.yen(v, "yen"); });
    s.public_group_many_times_inpatient_only = r.timeline<bool>("public_group_many_times", [&](pugi::xml_node v) {
      const std::string t = r.text(v, "settings");
      if (t != "inpatient" && t != "all") r.fail(v, "settings", fmt::format("'{}' is not one of inpatient, all", t));
      return t == "inpatient";
    });
    s.annual_outpatient_70plus =
        r.timeline<AnnualCaps>("annual_outpatient_70plus", [&](pugi::xml_node v) { return read_annual_caps(r, v); });
    s.annual_household = r.timeline<AnnualCaps>("annual_household", [&](pugi::xml_node v) { return read_annual_caps(r, v); });
    r.finish();
  }
  {
    static constexpr xml::Element kCareMeasure[] = {{"value", "ceiling base threshold percent", ""}};
    RuleReader r(texts.care_measure, "masters/rules/care_measure.xml", kCareMeasure);
    s.care_measure = r.timeline<CareMeasure>("75plus_2wari_outpatient", [&](pugi::xml_node v) {
      CareMeasure m{r.yen(v, "ceiling"), r.yen(v, "base"), r.yen(v, "threshold"), static_cast<int>(r.whole(v, "percent", 0, 100))};
      check_even(r, v, "ceiling", m.ceiling);
      return m;
    });
    r.finish();
  }
  {
    static constexpr xml::Element kMeals[] = {{"value", "meals", "category"}, {"category", "id yen", ""}};
    RuleReader r(texts.meals, "masters/rules/meals.xml", kMeals);
    s.meal_charges = r.timeline<MealCharges>("standard_charge", [&](pugi::xml_node v) { return read_meal_charges(r, v); });
    s.meals_per_day = r.timeline<int>("meals_per_day", [&](pugi::xml_node v) { return static_cast<int>(r.whole(v, "meals", 1, 9)); });
    r.finish();
  }
  {
    static constexpr xml::Element kKouhi[] = {
        {"value", "", "programme priority local insurer"},
        {"programme",
         "law name type share rate cap cap_default limit_under70 limit_70plus meals meal_category rounding source", "tier"},
        {"tier", "names general long_term ventilator", ""},
        {"priority", "order note", ""},
        {"local", "laws limit_under70 limit_70plus source", ""},
        {"insurer", "laws source", ""},
    };
    RuleReader r(texts.kouhi, "masters/rules/kouhi.xml", kKouhi);
    s.programmes = r.timeline<ProgrammeTable>("programmes", [&](pugi::xml_node v) { return read_programmes(r, v); });
    r.finish();
  }
  return s;
}

std::string_view embedded(std::string_view path) {
  const auto data = detail::embedded_file(path);
  if (!data) throw Exception(ErrorInfo{Status::rule_error, fmt::format("masters/{}", path), 0, 0, {}, "is not embedded in santei"});
  return *data;
}

}  // namespace

const RateRow* RateTable::find(std::string_view bracket) const {
  for (const RateRow& row : rows) {
    if (has_name(row.names, bracket)) return &row;
  }
  return nullptr;
}

const LimitRow* LimitTable::find(std::string_view bracket) const {
  for (const LimitRow& row : rows) {
    if (has_name(row.names, bracket)) return &row;
  }
  return nullptr;
}

const AnnualCap* AnnualCaps::find(std::string_view bracket) const {
  for (const AnnualCap& cap : caps) {
    if (has_name(cap.names, bracket)) return &cap;
  }
  return nullptr;
}

std::string LimitTable::names() const {
  std::string out;
  for (const LimitRow& row : rows) {
    for (const std::string& n : row.names) out += fmt::format("{}{}", out.empty() ? "" : ", ", n);
  }
  return out;
}

const Tier* Programme::find_tier(std::string_view tier) const {
  for (const Tier& t : tiers) {
    if (has_name(t.names, tier)) return &t;
  }
  return nullptr;
}

void ProgrammeTable::index() {
  programme_of.fill(-1);
  rank_of.fill(static_cast<std::int16_t>(priority.size()));
  for (std::size_t i = 0; i < programmes.size(); ++i) {
    if (const int n = law_number(programmes[i].law); n >= 0) programme_of[static_cast<std::size_t>(n)] = static_cast<std::int16_t>(i);
  }
  for (std::size_t i = 0; i < priority.size(); ++i) {
    if (const int n = law_number(priority[i]); n >= 0) rank_of[static_cast<std::size_t>(n)] = static_cast<std::int16_t>(i);
  }
}

const Programme* ProgrammeTable::find(std::string_view law) const {
  const int n = law_number(law);
  if (n < 0 || programme_of[static_cast<std::size_t>(n)] < 0) return nullptr;
  return &programmes[static_cast<std::size_t>(programme_of[static_cast<std::size_t>(n)])];
}

bool ProgrammeTable::is_local(std::string_view law) const {
  const int n = law_number(law);
  return n >= 0 && std::any_of(local_ranges.begin(), local_ranges.end(), [n](auto r) { return r.first <= n && n <= r.second; });
}

bool ProgrammeTable::is_insurer(std::string_view law) const { return has_name(insurer_laws, law); }

int ProgrammeTable::rank(std::string_view law) const {
  const int n = law_number(law);
  return n < 0 ? static_cast<int>(priority.size()) : rank_of[static_cast<std::size_t>(n)];
}

RuleTexts embedded_rule_texts() {
  return RuleTexts{embedded("rules/rates.xml"), embedded("rules/kougaku.xml"), embedded("rules/kouhi.xml"),
                   embedded("rules/meals.xml"), embedded("rules/care_measure.xml")};
}

RuleSet load_rules(const RuleTexts& texts) { return load_all(texts); }

const RuleSet& rules() {
  static const RuleSet set = load_rules(embedded_rule_texts());
  return set;
}

}  // namespace santei::copay
