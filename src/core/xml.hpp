// Parsing the XML santei reads (the rule files of masters/rules/) with the checks pugixml leaves to
// its caller: pugixml accepts bytes that are not UTF-8 and keeps an attribute given twice in one
// element (attribute() then silently answers with the first), so a damaged rule file could load.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "santei/result.hpp"

namespace santei::xml {

// Rule files are a few KB and five elements deep; a larger text is refused before it is parsed,
// a deeper one after.
inline constexpr std::size_t kMaxBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxDepth = 32;

struct Problem {
  Status status = Status::parse_error;  // limit_exceeded for the size and depth, parse_error otherwise
  std::int64_t line = 0;                // 1-based line of the problem (0 for the size)
  std::string message;
};

// Parses `text` into `doc`. nullopt when it is well-formed XML of at most kMaxBytes bytes of valid
// UTF-8, nested at most kMaxDepth elements deep, in which no element repeats an attribute;
// otherwise the first problem.
std::optional<Problem> parse(pugi::xml_document& doc, std::string_view text);

}  // namespace santei::xml
