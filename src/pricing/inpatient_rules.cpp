#include "pricing/inpatient_rules.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "pricing/rule_xml.hpp"
#include "santei/result.hpp"

namespace santei::pricing {
namespace {

std::vector<Code> codes_of(const char* text, const char* file, const std::string& what) {
  std::vector<Code> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    Code code = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), code);
    if (ec != std::errc() || end != word.data() + word.size() || word.size() != 9) {
      rule_error(file, fmt::format("{}: '{}' is not a 9-digit code", what, word));
    }
    out.push_back(code);
  }
  return out;
}

std::vector<std::string> words_of(const char* text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// Day numbers of an 入院期間 (band ends, day limits): at most 9,999 days (27 years), so that the day
// after the last one is a day too.
constexpr std::int64_t kMaxDay = 9999;

// A day number, or 0 when the node has no such attribute.
std::int32_t day_attribute(const pugi::xml_node& node, const char* name, const char* file, const std::string& what) {
  return static_cast<std::int32_t>(whole_attribute(node, name, 1, kMaxDay, file, what, 0));
}

// The elements and attributes of each file (anything else is refused by name).
constexpr xml::Element kFeesXml[] = {
    {"inpatient-fees", "", "schedule away unknown"},
    {"schedule", "id section kind from to source limit-days limit-from", "fees band"},
    {"fees", "codes", ""},
    {"band", "code from to", ""},
    {"away", "from to source basic specific basic-therapeutic specific-therapeutic therapeutic-consecutive therapeutic-month", ""},
    {"unknown", "section from to reason", ""},
};
constexpr xml::Element kBundlesXml[] = {
    {"inpatient-bundles", "", "bundle"},
    {"bundle", "id from to source aux-groups fees dpc drugs materials", "include exclude unknown"},
    {"include", "part section sections codes", ""},
    {"exclude", "part section sections codes", ""},
    {"unknown", "part section sections codes reason", ""},
};
constexpr xml::Element kMealsXml[] = {
    {"inpatient-meals", "", "fee"},
    {"fee", "id from to source codes special dining", ""},
};
constexpr xml::Element kStandardsXml[] = {
    {"standard-aliases", "", "alias"},
    {"alias", "code name from to source members", ""},
};

std::vector<FeeSchedule> read_schedules(std::string_view xml) {
  constexpr const char* file = "inpatient_fees.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kFeesXml);
  std::vector<FeeSchedule> out;
  for (const pugi::xml_node node : doc.child("inpatient-fees").children("schedule")) {
    FeeSchedule s;
    s.id = node.attribute("id").as_string();
    const std::string what = fmt::format("schedule '{}'", s.id);
    s.section = node.attribute("section").as_string();
    const std::string kind = node.attribute("kind").as_string();
    if (kind == "addition") s.kind = ScheduleKind::addition;
    else if (kind == "base") s.kind = ScheduleKind::base;
    else rule_error(file, fmt::format("{}: kind '{}' is not addition or base", what, kind));
    s.period = rule_period(node, file);
    s.source = source_of(node, file, what);
    s.limit_days = day_attribute(node, "limit-days", file, what);
    const std::string limit_from = node.attribute("limit-from").as_string();
    if (!limit_from.empty() && limit_from != "ward") rule_error(file, fmt::format("{}: limit-from '{}'", what, limit_from));
    s.limit_from_ward = limit_from == "ward";
    for (const pugi::xml_node fees : node.children("fees")) {
      const std::vector<Code> codes = codes_of(fees.attribute("codes").as_string(), file, what);
      s.fees.insert(s.fees.end(), codes.begin(), codes.end());
    }
    for (const pugi::xml_node b : node.children("band")) {
      PeriodBand band{day_attribute(b, "from", file, what), day_attribute(b, "to", file, what), 0};
      const std::vector<Code> code = codes_of(b.attribute("code").as_string(), file, what);
      if (code.size() != 1) rule_error(file, fmt::format("{}: a band names one code", what));
      band.code = code.front();
      const std::int32_t expected = s.bands.empty() ? 1 : s.bands.back().to_day + 1;
      if (band.from_day != expected || (!s.bands.empty() && s.bands.back().to_day == 0) ||
          (band.to_day != 0 && band.to_day < band.from_day)) {
        rule_error(file, fmt::format("{}: bands must start at day 1 and follow each other", what));
      }
      s.bands.push_back(band);
    }
    if (s.bands.empty()) rule_error(file, fmt::format("{}: no bands", what));
    if (s.kind == ScheduleKind::addition && s.fees.empty()) rule_error(file, fmt::format("{}: an addition schedule names its fees", what));
    if (s.kind == ScheduleKind::base && !s.fees.empty()) rule_error(file, fmt::format("{}: a base schedule's fees are its bands", what));
    out.push_back(std::move(s));
  }
  // A code belongs to one schedule on any day.
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (std::size_t j = i + 1; j < out.size(); ++j) {
      if (!out[i].period.overlaps(out[j].period)) continue;
      const auto names = [](const FeeSchedule& s) {
        std::vector<Code> all = s.fees;
        if (s.kind == ScheduleKind::base) {
          for (const PeriodBand& b : s.bands) all.push_back(b.code);
        }
        return all;
      };
      for (Code a : names(out[i])) {
        for (Code b : names(out[j])) {
          if (a == b) rule_error(file, fmt::format("{} is named by '{}' and '{}'", a, out[i].id, out[j].id));
        }
      }
    }
  }
  return out;
}

std::vector<ScheduleUnknown> read_schedule_unknowns(std::string_view xml) {
  constexpr const char* file = "inpatient_fees.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kFeesXml);
  std::vector<ScheduleUnknown> out;
  for (const pugi::xml_node node : doc.child("inpatient-fees").children("unknown")) {
    ScheduleUnknown u{node.attribute("section").as_string(), rule_period(node, file), node.attribute("reason").as_string()};
    if (u.section.empty() || u.reason.empty()) rule_error(file, "<unknown> needs a section and its reason");
    out.push_back(std::move(u));
  }
  return out;
}

const std::vector<FeeSchedule>& schedules() {
  static const std::vector<FeeSchedule> all = read_schedules(rule_xml_text("inpatient_fees.xml"));
  return all;
}

std::vector<AwayRule> read_away(std::string_view xml) {
  constexpr const char* file = "inpatient_fees.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kFeesXml);
  std::vector<AwayRule> out;
  for (const pugi::xml_node node : doc.child("inpatient-fees").children("away")) {
    AwayRule r;
    r.period = rule_period(node, file);
    r.source = source_of(node, file, "<away>");
    const auto one = [&](const char* name) {
      const std::vector<Code> c = codes_of(node.attribute(name).as_string(), file, std::string("<away> ") + name);
      if (c.size() != 1) rule_error(file, fmt::format("<away> needs one {} code", name));
      return c.front();
    };
    r.basic = one("basic");
    r.specific = one("specific");
    r.basic_therapeutic = one("basic-therapeutic");
    r.specific_therapeutic = one("specific-therapeutic");
    r.therapeutic_consecutive = day_attribute(node, "therapeutic-consecutive", file, "");
    r.therapeutic_month = day_attribute(node, "therapeutic-month", file, "");
    out.push_back(r);
  }
  return out;
}

BundleMatch match_of(const pugi::xml_node& node, const char* file, const std::string& what) {
  BundleMatch m;
  const auto section_number = [&](std::string_view text, std::int32_t& number, std::int32_t& branch) {
    // "D026", "G005-2": letter, 3-digit 区分番号, optional 枝番.
    if (text.size() < 4 || text[0] < 'A' || text[0] > 'Z') rule_error(file, fmt::format("{}: bad section '{}'", what, text));
    m.letter = text[0];
    const auto dash = text.find('-');
    const std::string_view digits = text.substr(1, (dash == std::string_view::npos ? text.size() : dash) - 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), number).ec != std::errc()) {
      rule_error(file, fmt::format("{}: bad section '{}'", what, text));
    }
    branch = 0;
    if (dash != std::string_view::npos) {
      const std::string_view b = text.substr(dash + 1);
      if (std::from_chars(b.data(), b.data() + b.size(), branch).ec != std::errc()) {
        rule_error(file, fmt::format("{}: bad section '{}'", what, text));
      }
    }
  };
  if (const pugi::xml_attribute part = node.attribute("part")) {  // "2-3": 第2章第3部
    const std::string_view text = part.as_string();
    const char* end = text.data() + text.size();
    auto read = std::from_chars(text.data(), end, m.chapter);
    if (read.ec == std::errc() && read.ptr != end && *read.ptr == '-') read = std::from_chars(read.ptr + 1, end, m.part);
    if (read.ec != std::errc() || read.ptr != end || m.chapter < 1 || m.chapter > 99 || m.part < 1 || m.part > 99) {
      rule_error(file, fmt::format("{}: bad part '{}'", what, text));
    }
  } else if (const pugi::xml_attribute section = node.attribute("section")) {
    section_number(section.as_string(), m.section_from, m.branch);
    m.section_to = m.section_from;
    m.branch_to = std::numeric_limits<std::int32_t>::max();  // the 枝番 is m.branch
  } else if (const pugi::xml_attribute range = node.attribute("sections")) {
    const std::string text = range.as_string();
    const auto dots = text.find("..");
    if (dots == std::string::npos) rule_error(file, fmt::format("{}: sections '{}' is not FROM..TO", what, text));
    // FROM and TO may name a 枝番: "A234-3..A242-2" is A234-3 and up to A242-2; without one, FROM
    // starts at 枝番 0 and TO takes every 枝番 of its section.
    section_number(text.substr(0, dots), m.section_from, m.branch_from);
    const char letter = m.letter;
    section_number(text.substr(dots + 2), m.section_to, m.branch_to);
    if (text.find('-', dots) == std::string::npos) m.branch_to = std::numeric_limits<std::int32_t>::max();
    if (letter != m.letter || m.section_to < m.section_from ||
        (m.section_to == m.section_from && m.branch_to < m.branch_from)) {
      rule_error(file, fmt::format("{}: bad range '{}'", what, text));
    }
    m.branch = -1;
  } else if (const pugi::xml_attribute codes = node.attribute("codes")) {
    m.codes = codes_of(codes.as_string(), file, what);
  } else {
    rule_error(file, fmt::format("{}: <{}> needs part, section, sections or codes", what, node.name()));
  }
  return m;
}

BundledItems items_of(const pugi::xml_node& node, const char* name, const char* file, const std::string& what) {
  const std::string text = node.attribute(name).as_string();
  if (text == "billed") return BundledItems::billed;
  if (text == "bundled") return BundledItems::bundled;
  if (text == "except-listed") return BundledItems::except_listed;
  rule_error(file, fmt::format("{}: {}='{}' is not billed, bundled or except-listed", what, name, text));
}

std::vector<BundleRule> read_bundles(std::string_view xml) {
  constexpr const char* file = "inpatient_bundles.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kBundlesXml);
  std::vector<BundleRule> out;
  for (const pugi::xml_node node : doc.child("inpatient-bundles").children("bundle")) {
    BundleRule r;
    r.id = node.attribute("id").as_string();
    const std::string what = fmt::format("bundle '{}'", r.id);
    r.period = rule_period(node, file);
    r.source = source_of(node, file, what);
    r.aux_groups = words_of(node.attribute("aux-groups").as_string());
    r.fees = codes_of(node.attribute("fees").as_string(), file, what);
    const std::string dpc = node.attribute("dpc").as_string();
    if (!dpc.empty() && dpc != "true") rule_error(file, fmt::format("{}: dpc='{}' is not true", what, dpc));
    r.dpc = dpc == "true";
    if (r.dpc != (r.aux_groups.empty() && r.fees.empty())) {
      rule_error(file, fmt::format("{}: names aux-groups or fees, or is the DPC 包括 (dpc=\"true\"): one of them", what));
    }
    r.drugs = items_of(node, "drugs", file, what);
    r.materials = items_of(node, "materials", file, what);
    for (const pugi::xml_node m : node.children("include")) r.include.push_back(match_of(m, file, what));
    for (const pugi::xml_node m : node.children("exclude")) r.exclude.push_back(match_of(m, file, what));
    for (const pugi::xml_node m : node.children("unknown")) {
      std::string reason = m.attribute("reason").as_string();
      if (reason.empty()) rule_error(file, fmt::format("{}: <unknown> without its reason", what));
      r.unknowns.emplace_back(match_of(m, file, what), std::move(reason));
    }
    if (r.include.empty()) rule_error(file, fmt::format("{}: includes nothing", what));
    out.push_back(std::move(r));
  }
  return out;
}

const std::vector<BundleRule>& bundles() {
  static const std::vector<BundleRule> all = read_bundles(rule_xml_text("inpatient_bundles.xml"));
  return all;
}

bool matches(const BundleMatch& m, const ProcedureRecord& p) {
  if (!m.codes.empty()) return std::find(m.codes.begin(), m.codes.end(), p.code) != m.codes.end();
  if (m.letter == 0) return p.chapter == m.chapter && p.part == m.part;
  const auto at = std::pair{p.section_number, p.branch};
  return p.section_letter == m.letter && std::pair{m.section_from, m.branch_from} <= at && at <= std::pair{m.section_to, m.branch_to} &&
         (m.branch < 0 || p.branch == m.branch);
}

std::vector<MealFeeRule> read_meals(std::string_view xml) {
  constexpr const char* file = "inpatient_meals.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kMealsXml);
  std::vector<MealFeeRule> out;
  for (const pugi::xml_node node : doc.child("inpatient-meals").children("fee")) {
    MealFeeRule r;
    r.id = node.attribute("id").as_string();
    const std::string what = fmt::format("fee '{}'", r.id);
    r.period = rule_period(node, file);
    r.source = source_of(node, file, what);
    r.codes = codes_of(node.attribute("codes").as_string(), file, what);
    if (r.codes.empty()) rule_error(file, fmt::format("{}: no codes", what));
    const std::vector<Code> special = codes_of(node.attribute("special").as_string(), file, what);
    const std::vector<Code> dining = codes_of(node.attribute("dining").as_string(), file, what);
    if (special.size() > 1 || dining.size() > 1) rule_error(file, fmt::format("{}: one special and one dining code at most", what));
    r.special = special.empty() ? 0 : special.front();
    r.dining = dining.empty() ? 0 : dining.front();
    out.push_back(std::move(r));
  }
  return out;
}

struct StandardAlias {
  std::int32_t code = 0;
  DateRange period;
  std::vector<std::int32_t> members;
};

std::vector<StandardAlias> read_aliases(std::string_view xml) {
  constexpr const char* file = "inpatient_standards.xml";
  const pugi::xml_document doc = parse_rule_xml(file, xml, kStandardsXml);
  std::vector<StandardAlias> out;
  for (const pugi::xml_node node : doc.child("standard-aliases").children("alias")) {
    StandardAlias a;
    a.code = static_cast<std::int32_t>(whole_attribute(node, "code", 1, 9999, file, ""));
    const std::string what = fmt::format("alias {}", a.code);
    a.period = rule_period(node, file);
    (void)source_of(node, file, what);
    for (const std::string& word : words_of(node.attribute("members").as_string())) {
      std::int32_t member = 0;
      const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), member);
      if (ec != std::errc() || end != word.data() + word.size() || member <= 0 || member > 9999) {
        rule_error(file, fmt::format("{}: member '{}' is not a 施設基準コード", what, word));
      }
      a.members.push_back(member);
    }
    if (a.members.empty()) rule_error(file, fmt::format("{}: a code and its members", what));
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

const PeriodBand* FeeSchedule::band(std::int32_t day) const {
  for (const PeriodBand& b : bands) {
    if (b.contains(day)) return &b;
  }
  return nullptr;
}

const FeeSchedule* fee_schedule(Code fee, Date on) {
  for (const FeeSchedule& s : schedules()) {
    if (!s.period.contains(on)) continue;
    if (std::find(s.fees.begin(), s.fees.end(), fee) != s.fees.end()) return &s;
    if (s.kind == ScheduleKind::base &&
        std::any_of(s.bands.begin(), s.bands.end(), [&](const PeriodBand& b) { return b.code == fee; })) {
      return &s;
    }
  }
  return nullptr;
}

const FeeSchedule* schedule_of_band_code(Code code, Date on) {
  for (const FeeSchedule& s : schedules()) {
    if (!s.period.contains(on)) continue;
    if (std::any_of(s.bands.begin(), s.bands.end(), [&](const PeriodBand& b) { return b.code == code; })) return &s;
  }
  return nullptr;
}

std::span<const FeeSchedule> fee_schedules() { return schedules(); }

const ScheduleUnknown* schedule_unknown(std::string_view section, Date on) {
  static const std::vector<ScheduleUnknown> unknowns = read_schedule_unknowns(rule_xml_text("inpatient_fees.xml"));
  for (const ScheduleUnknown& u : unknowns) {
    if (u.section == section && u.period.contains(on)) return &u;
  }
  return nullptr;
}

const AwayRule* away_rule(Date on) {
  static const std::vector<AwayRule> rules = read_away(rule_xml_text("inpatient_fees.xml"));
  for (const AwayRule& r : rules) {
    if (r.period.contains(on)) return &r;
  }
  return nullptr;
}

bool BundleRule::includes(const ProcedureRecord& procedure) const {
  const auto hit = [&](const BundleMatch& m) { return matches(m, procedure); };
  return std::any_of(include.begin(), include.end(), hit) && std::none_of(exclude.begin(), exclude.end(), hit);
}

const std::string* BundleRule::unknown_reason(const ProcedureRecord& procedure) const {
  for (const auto& [match, reason] : unknowns) {
    if (matches(match, procedure)) return &reason;
  }
  return nullptr;
}

const BundleRule* bundle_rule(Code fee, std::span<const std::string> day_groups, Date on) {
  for (const BundleRule& r : bundles()) {
    if (r.dpc || !r.period.contains(on)) continue;
    if (std::find(r.fees.begin(), r.fees.end(), fee) != r.fees.end()) return &r;
    for (const std::string& group : day_groups) {
      if (std::find(r.aux_groups.begin(), r.aux_groups.end(), group) != r.aux_groups.end()) return &r;
    }
  }
  return nullptr;
}

const BundleRule* dpc_bundle_rule(Date on) {
  for (const BundleRule& r : bundles()) {
    if (r.dpc && r.period.contains(on)) return &r;
  }
  return nullptr;
}

const MealFeeRule* meal_fee_rule(Code code, Date on) {
  static const std::vector<MealFeeRule> rules = read_meals(rule_xml_text("inpatient_meals.xml"));
  for (const MealFeeRule& r : rules) {
    if (r.period.contains(on) && std::find(r.codes.begin(), r.codes.end(), code) != r.codes.end()) return &r;
  }
  return nullptr;
}

bool meets_standard_alias(std::int32_t standard, const Facility& facility, Date on) {
  static const std::vector<StandardAlias> aliases = read_aliases(rule_xml_text("inpatient_standards.xml"));
  for (const StandardAlias& a : aliases) {
    if (a.code != standard || !a.period.contains(on)) continue;
    return std::any_of(a.members.begin(), a.members.end(), [&](std::int32_t m) { return facility.has_standard(m); });
  }
  return false;
}

void check_inpatient_rules(std::string_view file, std::string_view xml) {
  if (file == "inpatient_fees.xml") {
    (void)read_schedules(xml);
    (void)read_schedule_unknowns(xml);
    (void)read_away(xml);
  } else if (file == "inpatient_bundles.xml") {
    (void)read_bundles(xml);
  } else if (file == "inpatient_meals.xml") {
    (void)read_meals(xml);
  } else if (file == "inpatient_standards.xml") {
    (void)read_aliases(xml);
  } else {
    throw Exception(Status::invalid_argument, fmt::format("{} is not read by the inpatient rules", file));
  }
}

}  // namespace santei::pricing
