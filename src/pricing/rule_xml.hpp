// Reading the dated rule XML of masters/rules/ (compiled in): shared by the pricing rule tables.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/xml.hpp"
#include "santei/period.hpp"

namespace santei::pricing {

// Throws santei::Exception(rule_error) naming masters/rules/<file>.
[[noreturn]] void rule_error(const char* file, std::string message);

// The text of masters/rules/<file> compiled into santei; a rule_error when it is not.
std::string_view rule_xml_text(const char* file);

// `xml` parsed as masters/rules/<file>; a rule_error naming the line when it is not well-formed
// UTF-8 XML, repeats an attribute or holds an element or attribute `schema` does not define,
// limit_exceeded beyond xml::kMaxBytes. The loaders take the text, so tests and the rule XML fuzz
// target can give them any.
pugi::xml_document parse_rule_xml(const char* file, std::string_view xml, std::span<const xml::Element> schema);

// The attribute `name` of `node` as a whole number in [min, max], or `absent` when the node has no
// such attribute (required when `absent` is nullopt). Anything else is a rule_error beginning with
// `what` ("schedule 'A100'", or nothing when empty) and naming the element and attribute: a number beyond its bound is refused, never
// wrapped or cut (a band to="2147483647" once overflowed the day after it).
std::int64_t whole_attribute(const pugi::xml_node& node, const char* name, std::int64_t min, std::int64_t max,
                             const char* file, std::string_view what, std::optional<std::int64_t> absent = std::nullopt);

// The attribute `name` of `node` as space-separated whole numbers, each in [min, max]; empty when
// the node has no such attribute. Anything else is a rule_error as whole_attribute's.
std::vector<std::int64_t> whole_list(const pugi::xml_node& node, const char* name, std::int64_t min, std::int64_t max,
                                     const char* file, std::string_view what);

// The node's from (required) and to (optional, inclusive) attributes as a validity range.
DateRange rule_period(const pugi::xml_node& node, const char* file);

// The node's source attribute (the law, notice or master column a rule comes from): required, so
// an empty one is a rule_error "`what` without its source".
std::string source_of(const pugi::xml_node& node, const char* file, std::string_view what);

}  // namespace santei::pricing
