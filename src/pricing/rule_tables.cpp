#include "pricing/rule_tables.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "pricing/rule_xml.hpp"
#include "santei/result.hpp"

namespace santei::pricing {
namespace {

std::optional<VisitTime> visit_time(std::string_view text) {
  if (text == "after_hours") return VisitTime::after_hours;
  if (text == "holiday") return VisitTime::holiday;
  if (text == "late_night") return VisitTime::late_night;
  if (text == "night_early") return VisitTime::night_early;
  return std::nullopt;
}

std::optional<Setting> setting_of(const pugi::xml_node& node, const char* file) {
  const std::string text = node.attribute("setting").as_string();
  if (text.empty()) return std::nullopt;
  if (text == "outpatient") return Setting::outpatient;
  if (text == "inpatient") return Setting::inpatient;
  rule_error(file, fmt::format("unknown setting '{}'", text));
}

// The elements and attributes of each file (anything else is refused by name).
constexpr xml::Element kLabBundlesXml[] = {
    {"lab-bundles", "", "group"},
    {"group", "id name section", "period"},
    {"period", "from to source cap-items cap-points", "tier"},
    {"tier", "min points", ""},
};
constexpr xml::Element kTimeAdditionsXml[] = {
    {"time-additions", "", "visit-times rule"},
    {"visit-times", "", "time"},
    {"time", "visit kinds", ""},
    {"rule", "id scope categories section sections except min-points setting from to source", "addition"},
    {"addition", "visit code setting", ""},
};
constexpr xml::Element kAgeAdditionsXml[] = {
    {"age-additions", "", "rule"},
    {"rule", "id section from to source", "addition listed unknown"},
    {"addition", "code lower upper", ""},
    {"listed", "code", ""},
    {"unknown", "low-birth-weight lower upper reason", ""},
};
constexpr xml::Element kPriceResponseXml[] = {
    {"price-response", "", "period"},
    {"period", "from to source", "unknown"},
    {"unknown", "case reason", ""},
};

// Bounds of the counts and points the tables hold: an item count of one draw, a unit's points.
constexpr std::int64_t kMaxItems = 999;
constexpr std::int64_t kMaxPoints = 10'000'000;

std::vector<LabBundleRule> read_lab_bundles(std::string_view xml) {
  constexpr const char* file = "lab_bundles.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kLabBundlesXml);
  std::vector<LabBundleRule> out;
  for (const pugi::xml_node group : doc.child("lab-bundles").children("group")) {
    // 包括対象検査 (s col 16) is two digits.
    const auto id = static_cast<std::int32_t>(whole_attribute(group, "id", 1, 99, file, ""));
    const std::string what = fmt::format("group {}", id);
    for (const pugi::xml_node period : group.children("period")) {
      LabBundleRule rule;
      rule.group = id;
      rule.name = group.attribute("name").as_string();
      rule.period = rule_period(period, file);
      rule.cap_items = static_cast<std::int32_t>(whole_attribute(period, "cap-items", 1, kMaxItems, file, what, 0));
      rule.cap_points = whole_attribute(period, "cap-points", 1, kMaxPoints, file, what, 0);
      rule.source = source_of(period, file, fmt::format("group {}: a period", id));
      for (const pugi::xml_node tier : period.children("tier")) {
        rule.tiers.push_back({static_cast<std::int32_t>(whole_attribute(tier, "min", 1, kMaxItems, file, what)),
                              whole_attribute(tier, "points", 0, kMaxPoints, file, what)});
      }
      if (!std::is_sorted(rule.tiers.begin(), rule.tiers.end(),
                          [](const auto& a, const auto& b) { return a.min_items < b.min_items; })) {
        rule_error(file, fmt::format("group {}: tiers must ascend", id));
      }
      for (const LabBundleRule& other : out) {
        if (other.group == id && other.period.overlaps(rule.period)) {
          rule_error(file, fmt::format("group {}: periods overlap at {}", id, rule.period.from.iso()));
        }
      }
      out.push_back(std::move(rule));
    }
  }
  return out;
}

std::vector<TimeAdditionRule> read_time_additions(std::string_view xml) {
  constexpr const char* file = "time_additions.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kTimeAdditionsXml);
  std::vector<TimeAdditionRule> out;
  for (const pugi::xml_node node : doc.child("time-additions").children("rule")) {
    TimeAdditionRule rule;
    rule.id = node.attribute("id").as_string();
    const std::string what = fmt::format("rule '{}'", rule.id);
    rule.group_scope = std::string_view(node.attribute("scope").as_string()) == "group";
    for (const std::int64_t c : whole_list(node, "categories", 1, 99, file, what)) rule.categories.push_back(static_cast<std::uint8_t>(c));
    const std::string section = node.attribute("section").as_string();
    rule.section = section.empty() ? ' ' : section[0];
    rule.min_points = whole_attribute(node, "min-points", 0, kMaxPoints, file, what, 0);
    if (const pugi::xml_attribute sections = node.attribute("sections")) {  // "295-325"
      const std::string_view text = sections.as_string();
      const char* end = text.data() + text.size();
      std::from_chars_result read = std::from_chars(text.data(), end, rule.first_section);
      rule.last_section = rule.first_section;
      if (read.ec == std::errc{} && read.ptr != end && *read.ptr == '-') read = std::from_chars(read.ptr + 1, end, rule.last_section);
      if (read.ec != std::errc{} || read.ptr != end || rule.first_section < 0 || rule.last_section < rule.first_section ||
          rule.last_section > 999) {
        rule_error(file, fmt::format("rule '{}': sections '{}' is not a range like 295-325", rule.id, text));
      }
    }
    // "29603 32400 32500": 区分番号 × 100 + 枝番
    for (const std::int64_t code : whole_list(node, "except", 0, 99'999, file, what)) rule.excluded.push_back(static_cast<std::int32_t>(code));
    rule.setting = setting_of(node, file);
    rule.period = rule_period(node, file);
    rule.source = source_of(node, file, fmt::format("rule '{}'", rule.id));
    for (const pugi::xml_node addition : node.children("addition")) {
      const auto time = visit_time(addition.attribute("visit").as_string());
      if (!time) rule_error(file, fmt::format("rule '{}': unknown visit time", rule.id));
      rule.additions.push_back({*time, static_cast<Code>(whole_attribute(addition, "code", 100'000'000, 999'999'999, file, what)),
                                setting_of(addition, file)});
    }
    out.push_back(std::move(rule));
  }
  return out;
}

std::map<VisitTime, std::vector<std::int32_t>> read_time_kinds(std::string_view xml) {
  constexpr const char* file = "time_additions.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kTimeAdditionsXml);
  std::map<VisitTime, std::vector<std::int32_t>> out;
  for (const pugi::xml_node node : doc.child("time-additions").child("visit-times").children("time")) {
    const auto time = visit_time(node.attribute("visit").as_string());
    if (!time) rule_error(file, "unknown visit time in <visit-times>");
    // 時間加算区分 (s col 43) is one digit; 0 is no time addition (rule_graph.cpp keeps the others).
    for (const std::int64_t k : whole_list(node, "kinds", 1, 9, file, "")) out[*time].push_back(static_cast<std::int32_t>(k));
  }
  return out;
}

// An age code attribute ("00", "03", "AA" …) the masters define.
AgeCode age_attribute(const pugi::xml_node& node, const char* name, const char* file, std::string_view what) {
  const std::string_view text = node.attribute(name).as_string();
  AgeCode age;
  if (text.size() == 2) age.raw = {text[0], text[1]};
  if (text.size() != 2 || !age.valid()) {
    rule_error(file, fmt::format("{}: <{}> {}=\"{}\" is not an age code of the masters (00, 03, AA …)", what,
                                 node.name(), name, text));
  }
  return age;
}

std::vector<GeneralAgeRule> read_age_additions(std::string_view xml) {
  constexpr const char* file = "age_additions.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kAgeAdditionsXml);
  std::vector<GeneralAgeRule> out;
  for (const pugi::xml_node node : doc.child("age-additions").children("rule")) {
    GeneralAgeRule rule;
    rule.id = node.attribute("id").as_string();
    const std::string what = fmt::format("rule '{}'", rule.id);
    const std::string_view section = node.attribute("section").as_string();
    if (section.size() != 1 || section[0] < 'A' || section[0] > 'Z') {
      rule_error(file, fmt::format("{}: section '{}' is not one letter A–Z", what, section));
    }
    rule.section = section[0];
    rule.period = rule_period(node, file);
    rule.source = source_of(node, file, what);
    for (const pugi::xml_node a : node.children("addition")) {
      rule.additions.push_back({static_cast<Code>(whole_attribute(a, "code", 100'000'000, 999'999'999, file, what)),
                                age_attribute(a, "lower", file, what), age_attribute(a, "upper", file, what)});
    }
    for (const pugi::xml_node a : node.children("listed")) {
      rule.listed.push_back(static_cast<Code>(whole_attribute(a, "code", 100'000'000, 999'999'999, file, what)));
    }
    for (const pugi::xml_node u : node.children("unknown")) {
      GeneralAgeUnknown unknown;
      unknown.low_birth_weight = static_cast<std::int32_t>(whole_attribute(u, "low-birth-weight", 1, 9, file, what));
      unknown.lower = age_attribute(u, "lower", file, what);
      unknown.upper = age_attribute(u, "upper", file, what);
      unknown.reason = u.attribute("reason").as_string();
      if (unknown.reason.empty()) rule_error(file, fmt::format("{}: <unknown> without its reason", what));
      rule.unknowns.push_back(std::move(unknown));
    }
    if (rule.additions.empty()) rule_error(file, fmt::format("{}: no <addition>", what));
    for (const GeneralAgeRule& other : out) {
      if (other.section == rule.section && other.period.overlaps(rule.period)) {
        rule_error(file, fmt::format("{}: overlaps rule '{}' for section {}", what, other.id, rule.section));
      }
    }
    out.push_back(std::move(rule));
  }
  return out;
}

std::vector<PriceResponseRule> read_price_response(std::string_view xml) {
  constexpr const char* file = "price_response.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kPriceResponseXml);
  std::vector<PriceResponseRule> out;
  for (const pugi::xml_node node : doc.child("price-response").children("period")) {
    PriceResponseRule rule;
    rule.period = rule_period(node, file);
    rule.source = source_of(node, file, fmt::format("the period from {}", rule.period.from.iso()));
    for (const pugi::xml_node unknown : node.children("unknown")) {
      const std::string_view kind = unknown.attribute("case").as_string();
      const std::string reason = unknown.attribute("reason").as_string();
      if (reason.empty()) rule_error(file, fmt::format("<unknown case=\"{}\"> without its reason", kind));
      if (kind == "several-in-group") {
        rule.several_in_group = reason;
      } else if (kind == "away-day") {
        rule.away_day = reason;
      } else {
        rule_error(file, fmt::format("unknown case '{}' (several-in-group, away-day)", kind));
      }
    }
    for (const PriceResponseRule& other : out) {
      if (other.period.overlaps(rule.period)) rule_error(file, fmt::format("periods overlap at {}", rule.period.from.iso()));
    }
    out.push_back(std::move(rule));
  }
  return out;
}

}  // namespace

const PriceResponseRule* price_response_rule(Date on) {
  static const std::vector<PriceResponseRule> rules = read_price_response(rule_xml_text("price_response.xml"));
  for (const PriceResponseRule& rule : rules) {
    if (rule.period.contains(on)) return &rule;
  }
  return nullptr;
}

bool TimeAdditionRule::covers(const ProcedureRecord& base) const {
  if (base.section_letter != section) return false;
  if (base.section_number < first_section || base.section_number > last_section) return false;
  const std::int32_t key = base.section_number * 100 + base.branch;
  return std::find(excluded.begin(), excluded.end(), key) == excluded.end();
}

const std::vector<GeneralAgeRule>& general_age_rules() {
  static const std::vector<GeneralAgeRule> rules = read_age_additions(rule_xml_text("age_additions.xml"));
  return rules;
}

const LabBundleRule* lab_bundle_rule(std::int32_t group, Date on) {
  static const std::vector<LabBundleRule> rules = read_lab_bundles(rule_xml_text("lab_bundles.xml"));
  for (const LabBundleRule& rule : rules) {
    if (rule.group == group && rule.period.contains(on)) return &rule;
  }
  return nullptr;
}

const std::vector<TimeAdditionRule>& time_addition_rules() {
  static const std::vector<TimeAdditionRule> rules = read_time_additions(rule_xml_text("time_additions.xml"));
  return rules;
}

std::span<const std::int32_t> time_kinds(VisitTime time) {
  static const std::map<VisitTime, std::vector<std::int32_t>> kinds = read_time_kinds(rule_xml_text("time_additions.xml"));
  auto it = kinds.find(time);
  if (it == kinds.end()) return {};
  return it->second;
}

void check_rule_tables(std::string_view file, std::string_view xml) {
  if (file == "lab_bundles.xml") {
    (void)read_lab_bundles(xml);
  } else if (file == "time_additions.xml") {
    (void)read_time_additions(xml);
    (void)read_time_kinds(xml);
  } else if (file == "age_additions.xml") {
    (void)read_age_additions(xml);
  } else if (file == "price_response.xml") {
    (void)read_price_response(xml);
  } else {
    throw Exception(Status::invalid_argument, fmt::format("{} is not read by the pricing rule tables", file));
  }
}

}  // namespace santei::pricing
