// Reading the dated rule XML of masters/rules/ (compiled in): shared by the pricing rule tables.
#pragma once

#include <string>

#include <pugixml.hpp>

#include "santei/period.hpp"

namespace santei::pricing {

// Throws santei::Exception(rule_error) naming masters/rules/<file>.
[[noreturn]] void rule_error(const char* file, std::string message);

// The parsed masters/rules/<file>; a rule_error when it is not compiled in or not well-formed.
pugi::xml_document load_rule_xml(const char* file);

// The node's from (required) and to (optional, inclusive) attributes as a validity range.
DateRange rule_period(const pugi::xml_node& node, const char* file);

}  // namespace santei::pricing
