#include "core/xml.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "core/cp932.hpp"
#include "core/names.hpp"

namespace santei::xml {

std::int64_t line_of(std::string_view text, std::ptrdiff_t offset) {
  const auto end = text.begin() + std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size()));
  return 1 + std::count(text.begin(), end, '\n');
}

namespace {

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

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) out.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

// The attributes and children `schema` defines for elements named `name` (all its entries of that name).
struct Defined {
  std::vector<std::string_view> attributes;
  std::vector<std::string_view> children;
};

Defined defined(std::span<const Element> schema, std::string_view name) {
  Defined out;
  for (const Element& e : schema) {
    if (e.name != name) continue;
    for (const std::string_view a : words(e.attributes)) out.attributes.push_back(a);
    for (const std::string_view c : words(e.children)) out.children.push_back(c);
  }
  return out;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The first name in `node` (its attributes, then its child elements) that `schema` does not define,
// at the line of the element that holds it.
std::optional<Problem> unknown_name_in(std::string_view text, const pugi::xml_node& node, std::span<const Element> schema) {
  const Defined own = defined(schema, node.name());
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (!contains(own.attributes, a.name())) {
      return Problem{Status::parse_error, line_of(text, node.offset_debug()),
                     fmt::format("<{}> {}: {}", node.name(), a.name(), unknown_name("attribute", a.name(), own.attributes)),
                     node, a.name()};
    }
  }
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element || contains(own.children, child.name())) continue;
    return Problem{Status::parse_error, line_of(text, child.offset_debug()),
                   fmt::format("<{}> in <{}>: {}", child.name(), node.name(), unknown_name("element", child.name(), own.children)),
                   child, child.name()};
  }
  return std::nullopt;
}

// Calls `check(element, depth)` on every element in document order (without recursion: the nesting
// depth is the input's to choose) until one returns a problem.
template <class Check>
std::optional<Problem> each_element(const pugi::xml_document& doc, Check check) {
  std::size_t depth = 1;
  for (pugi::xml_node node = doc.first_child(); node;) {
    if (node.type() == pugi::node_element) {
      if (std::optional<Problem> problem = check(node, depth)) return problem;
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

// A problem of the file as a whole or of its structure: no element or attribute to name. (Not
// Problem{…} with three of its five members: GCC warns of the two left out.)
Problem problem_at(Status status, std::int64_t line, std::string message) {
  return Problem{status, line, std::move(message), {}, {}};
}

// The structural checks first (depth, repeated attributes), then the names against `schema`.
std::optional<Problem> check_elements(std::string_view text, const pugi::xml_document& doc, std::span<const Element> schema) {
  std::optional<Problem> problem = each_element(doc, [&](const pugi::xml_node& node, std::size_t depth) -> std::optional<Problem> {
    if (depth > kMaxDepth) {
      return problem_at(Status::limit_exceeded, line_of(text, node.offset_debug()),
                        fmt::format("elements nested deeper than {} levels", kMaxDepth));
    }
    const char* name = nullptr;
    if (repeats_attribute(node, name)) {
      return problem_at(Status::parse_error, line_of(text, node.offset_debug()),
                        fmt::format("<{}> gives the attribute {} twice", node.name(), name));
    }
    return std::nullopt;
  });
  if (problem) return problem;
  const pugi::xml_node root = doc.document_element();
  if (schema.empty() || std::string_view(root.name()) != schema.front().name) {
    return problem_at(Status::parse_error, line_of(text, root.offset_debug()),
                      fmt::format("the root element must be <{}>, not <{}>", schema.empty() ? "" : schema.front().name,
                                  root.name()));
  }
  return each_element(doc, [&](const pugi::xml_node& node, std::size_t) { return unknown_name_in(text, node, schema); });
}

}  // namespace

std::optional<Problem> parse(pugi::xml_document& doc, std::string_view text, std::span<const Element> schema) {
  if (text.size() > kMaxBytes) {
    return problem_at(Status::limit_exceeded, 0,
                      fmt::format("{} bytes of XML is over the limit of {} bytes", text.size(), kMaxBytes));
  }
  if (const std::size_t bad = cp932::find_invalid_utf8(text); bad != cp932::npos) {
    return problem_at(Status::parse_error, line_of(text, static_cast<std::ptrdiff_t>(bad)),
                      fmt::format("not valid UTF-8 at byte {} (0x{:02x})", bad, static_cast<unsigned char>(text[bad])));
  }
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    return problem_at(Status::parse_error, line_of(text, parsed.offset),
                      fmt::format("malformed XML: {}", parsed.description()));
  }
  return check_elements(text, doc, schema);
}

}  // namespace santei::xml
