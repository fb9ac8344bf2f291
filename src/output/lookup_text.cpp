// santei lookup --format text: the santei.lookup/1 document laid out for a person — the record's
// headline, its columns (number, 項目名, value), its versions and its rule-graph edges as tables.
// Made from the JSON itself, so the two forms always say the same.
#include <algorithm>

#include <fmt/format.h>

#include "claim/json_tree.hpp"
#include "output/text.hpp"
#include "santei/claim.hpp"
#include "santei/lookup.hpp"

namespace santei {
namespace {

using output::Align;
using output::TextTable;

std::string scalar(const json::Value& v) {
  switch (v.type) {
    case json::Value::Type::null: return "-";
    case json::Value::Type::boolean: return v.boolean ? "yes" : "no";
    case json::Value::Type::number:
    case json::Value::Type::string: return std::string(v.text());
    default: return {};
  }
}

std::string field(const json::Value& object, std::string_view key) {
  const json::Value* v = object.find(key);
  return v ? scalar(*v) : std::string();
}

bool is_scalar(const json::Value& v) {
  return !v.is(json::Value::Type::object) && !v.is(json::Value::Type::array);
}

// An array of objects as one table: a header of their keys (in the order first seen), a row each.
void write_records(std::string& out, const json::Value& array, const std::string& indent) {
  std::vector<std::string> keys;
  for (const json::Value& item : array.items()) {
    for (const json::Member& m : item.members()) {
      if (is_scalar(m.value) && std::find(keys.begin(), keys.end(), m.key) == keys.end()) keys.emplace_back(m.key);
    }
  }
  // Numbers to the right, text (codes, names, dates) to the left.
  std::vector<Align> columns;
  for (const std::string& key : keys) {
    bool numbers = true;
    for (const json::Value& item : array.items()) {
      const json::Value* v = item.find(key);
      numbers = numbers && (!v || v->is(json::Value::Type::number));
    }
    columns.push_back(numbers ? Align::right : Align::left);
  }
  TextTable table(columns, indent);
  table.row(keys);
  for (const json::Value& item : array.items()) {
    std::vector<std::string> row;
    for (const std::string& key : keys) row.push_back(field(item, key));
    table.row(row);
  }
  table.render(out);
}

// A member of `edges`: its scalars on one line, then its arrays and objects below, indented.
void write_edge(std::string& out, std::string_view key, const json::Value& value, const std::string& indent) {
  if (is_scalar(value)) {
    out += fmt::format("{}{}: {}\n", indent, key, scalar(value));
    return;
  }
  if (value.is(json::Value::Type::array)) {
    if (value.items().empty()) return;  // nothing to say
    out.append(indent).append(key) += "\n";
    bool records = true;
    for (const json::Value& item : value.items()) records = records && item.is(json::Value::Type::object);
    if (records) {
      write_records(out, value, indent + "  ");
    } else {
      for (const json::Value& item : value.items()) out += indent + "  " + scalar(item) + "\n";
    }
    return;
  }
  std::string scalars;
  for (const json::Member& m : value.members()) {
    if (is_scalar(m.value)) scalars += fmt::format("  {} {}", m.key, scalar(m.value));
  }
  out.append(indent).append(key).append(scalars) += "\n";
  for (const json::Member& m : value.members()) {
    if (!is_scalar(m.value)) write_edge(out, m.key, m.value, indent + "  ");
  }
}

}  // namespace

std::string lookup_text(const MasterLibrary& library, Code code, std::optional<Date> on) {
  const json::Document document = json::parse(lookup_json(library, code, on), "<santei.lookup/1>", kMaxJsonDepth);
  const json::Value& doc = document.root();
  // A コメント has its text where the other masters have a name.
  const std::string name = doc.find("name") ? field(doc, "name") : field(doc, "text");
  std::string out = fmt::format("{} {}\n", field(doc, "code"), name);
  out += fmt::format("{} ({}) {}, {}", field(doc, "master_name"), field(doc, "master"), field(doc, "revision"),
                     field(doc, "date"));
  if (const json::Value* valid = doc.find("valid")) {
    out += fmt::format("; in force {} – {}", field(*valid, "from"), field(*valid, "to"));
  }
  out += "\n";
  // The record's own figures (points, price_yen and unit, text, icd10 …), one a line.
  const std::vector<std::string_view> headline{"format", "code", "name", "master", "master_name", "revision", "date"};
  for (const json::Member& m : doc.members()) {
    if (is_scalar(m.value) && std::find(headline.begin(), headline.end(), m.key) == headline.end()) {
      out += fmt::format("{}: {}\n", m.key, scalar(m.value));
    }
  }
  if (const json::Value* columns = doc.find("columns")) {
    out += "\ncolumns\n";
    TextTable table({Align::right, Align::left, Align::left});
    for (const json::Member& m : columns->members()) {
      table.row({field(m.value, "col"), field(m.value, "name"), field(m.value, "value")});
    }
    table.render(out);
  }
  if (const json::Value* versions = doc.find("versions"); versions && !versions->items().empty()) {
    out += "\nversions\n";
    write_records(out, *versions, "  ");
  }
  if (const json::Value* edges = doc.find("edges"); edges && !edges->members().empty()) {
    out += "\nedges\n";
    for (const json::Member& m : edges->members()) write_edge(out, m.key, m.value, "  ");
  }
  return out;
}

}  // namespace santei
