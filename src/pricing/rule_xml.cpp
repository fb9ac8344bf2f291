#include "pricing/rule_xml.hpp"

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/xml.hpp"
#include "santei/result.hpp"

namespace santei::pricing {

void rule_error(const char* file, std::string message) {
  throw Exception(ErrorInfo{Status::rule_error, std::string("masters/rules/") + file, 0, 0, {}, std::move(message)});
}

std::string_view rule_xml_text(const char* file) {
  const auto data = detail::embedded_file(std::string("rules/") + file);
  if (!data) rule_error(file, "not compiled into santei");
  return *data;
}

pugi::xml_document parse_rule_xml(const char* file, std::string_view xml) {
  pugi::xml_document doc;
  if (const std::optional<xml::Problem> problem = xml::parse(doc, xml)) {
    const Status status = problem->status == Status::limit_exceeded ? Status::limit_exceeded : Status::rule_error;
    throw Exception(ErrorInfo{status, std::string("masters/rules/") + file, problem->line, 0, {}, problem->message});
  }
  return doc;
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
