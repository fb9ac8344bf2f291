// Parsing the XML santei reads (the rule files of masters/rules/) with the checks pugixml leaves to
// its caller: pugixml accepts bytes that are not UTF-8 and keeps an attribute given twice in one
// element (attribute() then silently answers with the first), so a damaged rule file could load.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
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
  // A name the schema does not define: the element that holds the unknown attribute, or the unknown
  // element itself, and that attribute's or element's name (so a reader can name it its own way).
  pugi::xml_node node;
  std::string field;
};

// What an element of a santei XML file may hold. pugixml answers a misspelt attribute as absent,
// which a loader would read as a default, so any attribute or child element not listed is refused
// by name. Several entries of one name add up (a shared part and a file's own).
struct Element {
  std::string_view name;
  std::string_view attributes;  // space-separated attribute names
  std::string_view children;    // space-separated names of the elements it may contain
};

// The 1-based line of byte `offset` of `text` (pugixml gives offsets; messages give lines).
std::int64_t line_of(std::string_view text, std::ptrdiff_t offset);

// Parses `text` into `doc`. nullopt when it is well-formed XML of at most kMaxBytes bytes of valid
// UTF-8, nested at most kMaxDepth elements deep, in which no element repeats an attribute, whose
// root is the first element of `schema` and whose every element, attribute and child is defined
// by `schema`; otherwise the first problem (an unknown name with the nearest defined one).
std::optional<Problem> parse(pugi::xml_document& doc, std::string_view text, std::span<const Element> schema);

}  // namespace santei::xml
