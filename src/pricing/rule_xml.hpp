// Reading the dated rule XML of masters/rules/ (compiled in): shared by the pricing rule tables.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "santei/period.hpp"

namespace santei::pricing {

// Throws santei::Exception(rule_error) naming masters/rules/<file>.
[[noreturn]] void rule_error(const char* file, std::string message);

// The text of masters/rules/<file> compiled into santei; a rule_error when it is not.
std::string_view rule_xml_text(const char* file);

// `xml` parsed as masters/rules/<file>; a rule_error naming the line when it is not well-formed
// UTF-8 XML or repeats an attribute, limit_exceeded beyond xml::kMaxBytes. The loaders take the
// text, so tests and the rule XML fuzz target can give them any.
pugi::xml_document parse_rule_xml(const char* file, std::string_view xml);

// The node's from (required) and to (optional, inclusive) attributes as a validity range.
DateRange rule_period(const pugi::xml_node& node, const char* file);

}  // namespace santei::pricing
