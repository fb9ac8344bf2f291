#include "copay/rule_reader.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/xml.hpp"

namespace santei::copay {

Date checked_from() { return Date::from_ymd(2015, 1, 1); }
Date checked_to() { return Date::from_ymd(2027, 12, 31); }

namespace {

std::string range_text(const DateRange& r) {
  return fmt::format("{}..{}", r.from.iso(), r.to.is_open_end() ? std::string() : r.to.iso());
}

}  // namespace

void check_coverage(const std::string& file, const std::string& rule, const std::vector<ValueInfo>& values) {
  const auto fail = [&](std::int64_t line, std::string message) {
    throw Exception(ErrorInfo{Status::rule_error, file, line, 0, rule, std::move(message)});
  };
  if (values.empty()) fail(0, "the rule has no <value>");
  std::vector<const ValueInfo*> sorted;
  for (const ValueInfo& v : values) sorted.push_back(&v);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const ValueInfo* a, const ValueInfo* b) { return a->range.from < b->range.from; });
  if (checked_from() < sorted.front()->range.from) {
    fail(sorted.front()->line, fmt::format("no value is in force from {} to {} (gap before {})", checked_from().iso(),
                                           sorted.front()->range.from.plus_days(-1).iso(), range_text(sorted.front()->range)));
  }
  for (std::size_t i = 0; i + 1 < sorted.size(); ++i) {
    const ValueInfo& a = *sorted[i];
    const ValueInfo& b = *sorted[i + 1];
    if (!(a.range.to < b.range.from)) {
      fail(b.line, fmt::format("values {} and {} overlap: two values in force on {}", range_text(a.range),
                               range_text(b.range), b.range.from.iso()));
    }
    if (a.range.to.plus_days(1) != b.range.from) {
      fail(b.line, fmt::format("no value is in force from {} to {} (gap between {} and {})", a.range.to.plus_days(1).iso(),
                               b.range.from.plus_days(-1).iso(), range_text(a.range), range_text(b.range)));
    }
  }
  if (sorted.back()->range.to < checked_to()) {
    fail(sorted.back()->line, fmt::format("no value is in force from {} to {} (gap after {})",
                                          sorted.back()->range.to.plus_days(1).iso(), checked_to().iso(),
                                          range_text(sorted.back()->range)));
  }
}

void fail_unknown(const std::string& file, const std::string& rule, const ValueInfo* info, Date on) {
  if (info == nullptr) {
    throw Exception(ErrorInfo{Status::rule_error, file, 0, 0, rule, fmt::format("no value is in force on {}", on.iso())});
  }
  throw Exception(ErrorInfo{Status::rule_error, file, info->line, 0, rule,
                            fmt::format("the value in force on {} ({}) is not available: {}", on.iso(),
                                        range_text(info->range), info->note)});
}

RuleReader::RuleReader(std::string_view xml, std::string file, std::span<const xml::Element> elements)
    : file_(std::move(file)), xml_(xml) {
  // What every rule file holds: <rules topic><rule id name><value from to source none|unknown>.
  static constexpr xml::Element kCommon[] = {
      {"rules", "topic", "rule"},
      {"rule", "id name", "value"},
      {"value", "from to source none unknown", ""},
  };
  std::vector<xml::Element> schema(std::begin(kCommon), std::end(kCommon));
  schema.insert(schema.end(), elements.begin(), elements.end());
  if (const std::optional<xml::Problem> problem = xml::parse(doc_, xml, schema)) {
    if (problem->node) fail(problem->node, problem->field, problem->message);  // named as the rule's field
    const Status status = problem->status == Status::limit_exceeded ? Status::limit_exceeded : Status::rule_error;
    throw Exception(ErrorInfo{status, file_, problem->line, 0, {}, problem->message});
  }
}

std::int64_t RuleReader::line_of(pugi::xml_node node) const {
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  const auto end = xml_.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(xml_.size()));
  return 1 + std::count(xml_.begin(), end, '\n');
}

void RuleReader::fail(pugi::xml_node at, std::string_view field, std::string message) const {
  std::string where(field);
  for (pugi::xml_node n = at; n && std::string_view(n.name()) != "rules"; n = n.parent()) {
    if (std::string_view(n.name()) == "rule") {
      where = fmt::format("{}{}{}", n.attribute("id").as_string(), where.empty() ? "" : ".", where);
      break;
    }
  }
  throw Exception(ErrorInfo{Status::rule_error, file_, line_of(at), 0, where, std::move(message)});
}

pugi::xml_node RuleReader::find_rule(std::string_view id) {
  pugi::xml_node found;
  for (const pugi::xml_node rule : doc_.child("rules").children("rule")) {
    if (std::string_view(rule.attribute("id").as_string()) != id) continue;
    if (found) fail(rule, "id", fmt::format("rule '{}' is defined twice", id));
    found = rule;
  }
  if (!found) throw Exception(ErrorInfo{Status::rule_error, file_, 0, 0, std::string(id), "the rule is missing"});
  read_.emplace(id);
  return found;
}

void RuleReader::finish() const {
  for (const pugi::xml_node rule : doc_.child("rules").children("rule")) {  // the only element of <rules> (kCommon)
    const std::string_view id = rule.attribute("id").as_string();
    if (!read_.contains(id)) {
      fail(rule, id, fmt::format("<{} id=\"{}\"> is not a rule santei knows", rule.name(), id));
    }
  }
}

ValueInfo RuleReader::value_info(pugi::xml_node node, std::string_view rule) const {
  ValueInfo info;
  info.line = line_of(node);
  info.range.from = date(node, "from");
  if (node.attribute("to")) {
    info.range.to = date(node, "to");
    if (info.range.to < info.range.from) fail(node, "to", fmt::format("ends ({}) before it starts ({})", info.range.to.iso(), info.range.from.iso()));
  }
  info.source = node.attribute("source").as_string();
  if (info.source.empty()) fail(node, "source", "every value must name its legal source");
  if (node.attribute("none") && node.attribute("unknown")) fail(node, "none", "a value cannot be both none and unknown");
  if (node.attribute("none")) {
    info.state = ValueState::none;
    info.note = text(node, "none");
  } else if (node.attribute("unknown")) {
    info.state = ValueState::unknown;
    info.note = text(node, "unknown");
  }
  const std::string_view name = std::string_view(file_).substr(std::string_view(file_).rfind('/') + 1);
  info.cite = fmt::format(" ({} {} {})", name, rule, info.range.from.iso());
  return info;
}

std::int64_t RuleReader::whole(pugi::xml_node node, const char* attribute, std::int64_t min, std::int64_t max) const {
  const pugi::xml_attribute a = node.attribute(attribute);
  if (!a) fail(node, attribute, fmt::format("<{}> needs {}", node.name(), attribute));
  const std::string_view t = a.as_string();
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || t.empty()) fail(node, attribute, fmt::format("'{}' is not a whole number", t));
  if (v < min || v > max) fail(node, attribute, fmt::format("{} is outside {}–{}", v, min, max));
  return v;
}

Yen RuleReader::yen(pugi::xml_node node, const char* attribute) const { return Yen{whole(node, attribute, 0, 100'000'000)}; }

std::optional<Yen> RuleReader::optional_yen(pugi::xml_node node, const char* attribute) const {
  if (!node.attribute(attribute)) return std::nullopt;
  return yen(node, attribute);
}

Decimal RuleReader::rate(pugi::xml_node node, const char* attribute) const {
  const std::string t = text(node, attribute);
  const auto r = Decimal::parse(t);
  if (!r) fail(node, attribute, fmt::format("'{}' is not a decimal", t));
  if (r->is_negative() || Decimal(1) < *r) fail(node, attribute, fmt::format("{} is outside 0–1", t));
  return *r;
}

Date RuleReader::date(pugi::xml_node node, const char* attribute) const {
  const std::string t = text(node, attribute);
  const auto d = Date::parse_iso(t);
  if (!d) fail(node, attribute, fmt::format("'{}' is not a date (YYYY-MM-DD)", t));
  return *d;
}

std::string RuleReader::text(pugi::xml_node node, const char* attribute) const {
  std::string t = node.attribute(attribute).as_string();
  if (t.empty()) fail(node, attribute, fmt::format("<{}> needs a non-empty {}", node.name(), attribute));
  return t;
}

std::vector<std::string> RuleReader::words(pugi::xml_node node, const char* attribute) const {
  const std::string t = text(node, attribute);
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < t.size()) {
    const std::size_t j = t.find(' ', i);
    const std::size_t end = j == std::string::npos ? t.size() : j;
    if (end > i) out.push_back(t.substr(i, end - i));
    i = end + 1;
  }
  if (out.empty()) fail(node, attribute, "needs at least one name");
  return out;
}

}  // namespace santei::copay
