#include "pricing/rule_xml.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/xml.hpp"
#include "santei/result.hpp"

namespace santei::pricing {
namespace {

// "schedule 's': " before a message about the element, when there is a what.
std::string prefix(std::string_view what) { return what.empty() ? std::string() : fmt::format("{}: ", what); }

}  // namespace

void rule_error(const char* file, std::string message) {
  throw Exception(ErrorInfo{Status::rule_error, std::string("masters/rules/") + file, 0, 0, {}, std::move(message)});
}

std::string_view rule_xml_text(const char* file) {
  const auto data = detail::embedded_file(std::string("rules/") + file);
  if (!data) rule_error(file, "not compiled into santei");
  return *data;
}

pugi::xml_document parse_rule_xml(const char* file, std::string_view xml, std::span<const xml::Element> schema) {
  pugi::xml_document doc;
  if (const std::optional<xml::Problem> problem = xml::parse(doc, xml, schema)) {
    const Status status = problem->status == Status::limit_exceeded ? Status::limit_exceeded : Status::rule_error;
    throw Exception(ErrorInfo{status, std::string("masters/rules/") + file, problem->line, 0, problem->field, problem->message});
  }
  return doc;
}

std::int64_t whole_attribute(const pugi::xml_node& node, const char* name, std::int64_t min, std::int64_t max,
                             const char* file, std::string_view what, std::optional<std::int64_t> absent) {
  const pugi::xml_attribute a = node.attribute(name);
  if (!a) {
    if (absent) return *absent;
    rule_error(file, fmt::format("{}<{}> needs {}", prefix(what), node.name(), name));
  }
  const std::string_view text = a.as_string();
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    rule_error(file, fmt::format("{}<{}> {}='{}' is not a whole number in {}–{}", prefix(what), node.name(), name, text, min, max));
  }
  return value;
}

std::vector<std::int64_t> whole_list(const pugi::xml_node& node, const char* name, std::int64_t min, std::int64_t max,
                                     const char* file, std::string_view what) {
  const std::string_view text = node.attribute(name).as_string();
  std::vector<std::int64_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) {
      const std::string_view word = text.substr(i, end - i);
      std::int64_t value = 0;
      const auto [stop, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
      if (ec != std::errc() || stop != word.data() + word.size() || value < min || value > max) {
        rule_error(file, fmt::format("{}<{}> {}: '{}' is not a whole number in {}–{}", prefix(what), node.name(), name, word, min, max));
      }
      out.push_back(value);
    }
    i = end + 1;
  }
  return out;
}

std::string source_of(const pugi::xml_node& node, const char* file, std::string_view what) {
  std::string source = node.attribute("source").as_string();
  if (source.empty()) rule_error(file, fmt::format("{} without its source", what));
  return source;
}

DateRange rule_period(const pugi::xml_node& node, const char* file) {
  const auto from = Date::parse_iso(node.attribute("from").as_string());
  if (!from) rule_error(file, fmt::format("bad or missing from date in <{}>", node.name()));
  DateRange range{*from, Date::open_end()};
  if (const pugi::xml_attribute to = node.attribute("to")) {
    const auto end = Date::parse_iso(to.as_string());
    if (!end || *end < *from) rule_error(file, fmt::format("bad to date '{}'", to.as_string()));
    range.to = *end;
  }
  return range;
}

}  // namespace santei::pricing
