#include "masters/layout.hpp"

#include <map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/embedded.hpp"
#include "santei/result.hpp"

namespace santei::masters {
namespace {

[[noreturn]] void layout_error(std::string_view file, std::string message) {
  throw Exception(ErrorInfo{Status::master_error, std::string(file), 0, 0, {}, std::move(message)});
}

FieldType parse_type(std::string_view text, std::string_view file) {
  static const std::map<std::string_view, FieldType> types = {
      {"change", FieldType::change},   {"kind", FieldType::kind},
      {"code", FieldType::code},       {"int", FieldType::integer},
      {"int64", FieldType::integer64}, {"decimal", FieldType::decimal},
      {"date", FieldType::date},       {"text", FieldType::text},
      {"age", FieldType::age},         {"char", FieldType::character}};
  auto it = types.find(text);
  if (it == types.end()) layout_error(file, fmt::format("unknown column type '{}'", text));
  return it->second;
}

struct ParsedLayout {
  Layout layout;
  std::string extends;
};

ParsedLayout parse_layout(std::string_view path, std::string_view data) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(data.data(), data.size());
  if (!parsed) layout_error(path, fmt::format("XML error at byte {}: {}", parsed.offset, parsed.description()));
  const pugi::xml_node root = doc.child("layout");
  if (!root) layout_error(path, "no <layout> element");
  ParsedLayout out;
  Layout& layout = out.layout;
  layout.id = root.attribute("id").as_string();
  layout.kind = root.attribute("kind").as_string();
  layout.record = root.attribute("record").as_string();
  layout.identity = root.attribute("identity").as_string();
  layout.columns = root.attribute("columns").as_int();
  out.extends = root.attribute("extends").as_string();
  if (layout.id.empty() || layout.kind.empty() || layout.columns <= 0) {
    layout_error(path, "a layout needs id, kind and columns");
  }
  layout.by_number.resize(static_cast<std::size_t>(layout.columns));
  for (const pugi::xml_node source : root.children("source")) layout.sources.emplace_back(source.text().as_string());
  for (const pugi::xml_node node : root.children("column")) {
    LayoutColumn column;
    column.number = node.attribute("n").as_int();
    column.key = node.attribute("key").as_string();
    column.name = node.attribute("name").as_string();
    column.required = node.attribute("required").as_bool();
    column.fixed = node.attribute("value").as_string();
    if (!column.key.empty()) column.type = parse_type(node.attribute("type").as_string(), path);
    if (column.number < 1 || column.number > layout.columns) {
      layout_error(path, fmt::format("column number {} outside 1..{}", column.number, layout.columns));
    }
    LayoutColumn& slot = layout.by_number[static_cast<std::size_t>(column.number - 1)];
    if (slot.number != 0) layout_error(path, fmt::format("column {} described twice", column.number));
    slot = std::move(column);
  }
  return out;
}

std::vector<Layout> load_layouts() {
  std::map<std::string, ParsedLayout> parsed;
  for (const detail::EmbeddedFile& file : detail::embedded_files()) {
    if (!file.path.starts_with("layouts/")) continue;
    ParsedLayout layout = parse_layout(file.path, file.data);
    std::string id = layout.layout.id;
    parsed.emplace(std::move(id), std::move(layout));
  }
  // Resolve `extends` (a later layout of the same master adds columns to an earlier one).
  std::vector<Layout> out;
  for (auto& [id, entry] : parsed) {
    Layout layout = entry.layout;
    for (std::string base = entry.extends; !base.empty();) {
      auto it = parsed.find(base);
      if (it == parsed.end()) layout_error(id, fmt::format("extends unknown layout '{}'", base));
      for (const LayoutColumn& column : it->second.layout.by_number) {
        if (column.number == 0) continue;
        LayoutColumn& slot = layout.by_number[static_cast<std::size_t>(column.number - 1)];
        if (slot.number == 0) slot = column;
      }
      layout.sources.insert(layout.sources.end(), it->second.layout.sources.begin(),
                            it->second.layout.sources.end());
      base = it->second.extends;
    }
    for (std::size_t i = 0; i < layout.by_number.size(); ++i) {
      if (layout.by_number[i].number == 0) layout_error(id, fmt::format("column {} is not described", i + 1));
    }
    out.push_back(std::move(layout));
  }
  return out;
}

}  // namespace

const LayoutColumn* Layout::column(std::string_view key) const {
  for (const LayoutColumn& column : by_number) {
    if (column.key == key) return &column;
  }
  return nullptr;
}

const std::vector<Layout>& all_layouts() {
  static const std::vector<Layout> layouts = load_layouts();
  return layouts;
}

const Layout* find_layout(std::string_view kind, int columns) {
  for (const Layout& layout : all_layouts()) {
    if (layout.kind == kind && layout.columns == columns) return &layout;
  }
  return nullptr;
}

std::string known_column_counts(std::string_view kind) {
  std::string out;
  for (const Layout& layout : all_layouts()) {
    if (layout.kind != kind) continue;
    if (!out.empty()) out += " or ";
    out += std::to_string(layout.columns);
  }
  return out.empty() ? "none" : out;
}

}  // namespace santei::masters
