#include "core/xml.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "core/cp932.hpp"

namespace santei::xml {
namespace {

std::int64_t line_of(std::string_view text, std::ptrdiff_t offset) {
  const auto end = text.begin() + std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size()));
  return 1 + std::count(text.begin(), end, '\n');
}

bool repeats_attribute(const pugi::xml_node& node, const char*& name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute()) {
      if (std::strcmp(a.name(), b.name()) == 0) {
        name = a.name();
        return true;
      }
    }
  }
  return false;
}

// The structural checks, element by element in document order (without recursion: the nesting
// depth is the input's to choose).
std::optional<Problem> check_elements(std::string_view text, const pugi::xml_document& doc) {
  std::size_t depth = 1;
  for (pugi::xml_node node = doc.first_child(); node;) {
    if (node.type() == pugi::node_element) {
      if (depth > kMaxDepth) {
        return Problem{Status::limit_exceeded, line_of(text, node.offset_debug()),
                       fmt::format("elements nested deeper than {} levels", kMaxDepth)};
      }
      const char* name = nullptr;
      if (repeats_attribute(node, name)) {
        return Problem{Status::parse_error, line_of(text, node.offset_debug()),
                       fmt::format("<{}> gives the attribute {} twice", node.name(), name)};
      }
    }
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node) node = node.next_sibling();
  }
  return std::nullopt;
}

}  // namespace

std::optional<Problem> parse(pugi::xml_document& doc, std::string_view text) {
  if (text.size() > kMaxBytes) {
    return Problem{Status::limit_exceeded, 0,
                   fmt::format("{} bytes of XML is over the limit of {} bytes", text.size(), kMaxBytes)};
  }
  if (const std::size_t bad = cp932::find_invalid_utf8(text); bad != cp932::npos) {
    return Problem{Status::parse_error, line_of(text, static_cast<std::ptrdiff_t>(bad)),
                   fmt::format("not valid UTF-8 at byte {} (0x{:02x})", bad, static_cast<unsigned char>(text[bad]))};
  }
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    return Problem{Status::parse_error, line_of(text, parsed.offset), fmt::format("malformed XML: {}", parsed.description())};
  }
  return check_elements(text, doc);
}

}  // namespace santei::xml
