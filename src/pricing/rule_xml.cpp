#include "pricing/rule_xml.hpp"

#include <fmt/format.h>

#include "core/embedded.hpp"
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
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) rule_error(file, fmt::format("XML error at byte {}: {}", parsed.offset, parsed.description()));
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
