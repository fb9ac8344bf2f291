#include "dpc/layout.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <span>
#include <string_view>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/embedded.hpp"
#include "core/whole_number.hpp"
#include "core/xlsx.hpp"
#include "core/xml.hpp"
#include "santei/result.hpp"

namespace santei::dpc {
namespace {

constexpr std::string_view kFile = "dpc/tensuhyo.xml";
constexpr std::string_view kPointsFields[] = {"code",     "last_day_1", "last_day_2", "last_day_3", "points_1",
                                              "points_2", "points_3",   "valid_from", "valid_to",   "updated"};
constexpr std::string_view kOutsideFields[] = {"kind", "procedure", "name", "valid_from", "valid_to"};
// The 定義テーブル sheets' fields, in the order of their enums (dpc/definition.hpp); the last two are
// 有効期間 開始日 and 終了日.
constexpr std::string_view kIcdFields[] = {"mdc", "bunrui", "name", "icd", "valid_from", "valid_to"};
constexpr std::string_view kConditionFields[] = {"mdc", "bunrui", "value", "age_from", "age_to", "kind", "valid_from", "valid_to"};
constexpr std::string_view kAgeFields[] = {"mdc",    "bunrui", "kind",    "from_1", "to_1",    "value_1",    "from_2",
                                           "to_2",   "value_2", "from_3", "to_3",    "value_3", "from_4",     "to_4",
                                           "value_4", "from_5", "to_5",   "value_5", "valid_from", "valid_to"};
constexpr std::string_view kSurgeryFields[] = {"mdc",    "bunrui", "by_age", "value",      "code_1",  "code_2",
                                               "code_3", "code_4", "code_5", "valid_from", "valid_to"};
constexpr std::string_view kProcedure1Fields[] = {"mdc",    "bunrui", "value",      "with_surgery",
                                                  "code_1", "code_2", "valid_from", "valid_to"};
constexpr std::string_view kProcedure2Fields[] = {"mdc", "bunrui", "value", "code_1", "code_2", "valid_from", "valid_to"};
constexpr std::string_view kComorbidityFields[] = {"mdc", "bunrui", "value", "flag", "icd", "valid_from", "valid_to"};
constexpr std::string_view kSeverityRangeFields[] = {"mdc",  "bunrui",  "kind",       "from_1",  "to_1", "value_1",
                                                     "from_2", "to_2", "value_2", "valid_from", "valid_to"};
constexpr std::string_view kSeverityChoiceFields[] = {"mdc", "bunrui", "kind", "value_1", "value_2", "valid_from", "valid_to"};
constexpr std::string_view kSeverityClassFields[] = {"mdc", "bunrui", "value", "kind", "class", "valid_from", "valid_to"};
// 12）変換テーブル: serial, code, MDC and 分類 before the branch columns (kBranchNames), then the dates.
constexpr std::array<std::string_view, 4 + kBranches + 2> kConversionFields = [] {
  std::array<std::string_view, 4 + kBranches + 2> fields{"serial", "code", "mdc", "bunrui"};
  for (std::size_t b = 0; b < kBranches; ++b) fields[4 + b] = kBranchNames[b];
  fields[4 + kBranches] = "valid_from";
  fields[5 + kBranches] = "valid_to";
  return fields;
}();
struct DefinitionLayout {
  std::string_view id;
  std::span<const std::string_view> fields;
};
constexpr DefinitionLayout kDefinitionLayouts[kDefinitionSheets] = {
    {"icd", kIcdFields},
    {"condition", kConditionFields},
    {"age", kAgeFields},
    {"surgery", kSurgeryFields},
    {"procedure1", kProcedure1Fields},
    {"procedure2", kProcedure2Fields},
    {"comorbidity", kComorbidityFields},
    {"severity_range", kSeverityRangeFields},
    {"severity_choice", kSeverityChoiceFields},
    {"severity_class", kSeverityClassFields},
    {"conversion", kConversionFields},
};

constexpr xml::Element kSchema[] = {
    {"dpc-tensuhyo", "", "sheet"},
    {"sheet", "id name header-row first-row", "column"},
    {"column", "field letter header subheader blocks", ""},
};

[[noreturn]] void layout_error(std::int64_t line, std::string field, std::string message) {
  throw Exception(ErrorInfo{Status::rule_error, std::string(kFile), line, 0, std::move(field), std::move(message)});
}

std::int64_t line_of(const pugi::xml_node node, std::string_view text) { return xml::line_of(text, node.offset_debug()); }

std::uint32_t row_number(const pugi::xml_node node, const char* name, std::string_view text) {
  const std::string_view value = node.attribute(name).as_string();
  const std::optional<std::int64_t> row = whole_number(value);
  if (!row || *row < 1 || *row > xlsx::kMaxRow) {
    layout_error(line_of(node, text), name, fmt::format("'{}' is not a row number 1..{}", value, xlsx::kMaxRow));
  }
  return static_cast<std::uint32_t>(*row);
}

// The <sheet id="`id`"> of the layout, whose columns are `fields` (each once).
SheetLayout parse_layout(std::string_view id, std::span<const std::string_view> fields) {
  const std::optional<std::string_view> text = detail::embedded_file(kFile);
  if (!text) layout_error(0, "", "the DPC layout is not embedded in this build");
  pugi::xml_document doc;
  if (const std::optional<xml::Problem> problem = xml::parse(doc, *text, kSchema)) {
    layout_error(problem->line, problem->field, problem->message);
  }
  pugi::xml_node sheet;
  for (const pugi::xml_node node : doc.child("dpc-tensuhyo").children("sheet")) {
    if (node.attribute("id").as_string() != id) continue;
    if (sheet) layout_error(line_of(node, *text), "id", fmt::format("sheet {} is described twice", id));
    sheet = node;
  }
  if (!sheet) layout_error(1, "sheet", fmt::format("no <sheet id=\"{}\">", id));
  SheetLayout layout;
  layout.name = sheet.attribute("name").as_string();
  layout.header_row = row_number(sheet, "header-row", *text);
  layout.first_row = row_number(sheet, "first-row", *text);
  if (layout.name.empty() || layout.first_row <= layout.header_row + 1) {
    layout_error(line_of(sheet, *text), "first-row", "a sheet needs a name and its data below its two header rows");
  }
  std::vector<bool> seen(fields.size());
  layout.columns.resize(fields.size());
  for (const pugi::xml_node node : sheet.children("column")) {
    const std::string name = node.attribute("field").as_string();
    const std::size_t f = static_cast<std::size_t>(std::find(fields.begin(), fields.end(), name) - fields.begin());
    if (f == fields.size()) layout_error(line_of(node, *text), "field", fmt::format("'{}' is not a field of sheet {}", name, id));
    if (seen[f]) layout_error(line_of(node, *text), "field", fmt::format("field {} is given twice", name));
    const std::optional<xlsx::CellRef> ref = xlsx::parse_ref(std::string(node.attribute("letter").as_string()) + "1");
    if (!ref) layout_error(line_of(node, *text), "letter", fmt::format("'{}' is not a column letter", node.attribute("letter").as_string()));
    seen[f] = true;
    layout.columns[f] = LayoutColumn{name, ref->column, node.attribute("header").as_string(), node.attribute("subheader").as_string(), {}};
    std::istringstream blocks(node.attribute("blocks").as_string());
    for (std::string block; blocks >> block;) layout.columns[f].blocks.push_back(block);
  }
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (!seen[f]) layout_error(line_of(sheet, *text), "column", fmt::format("no column for field {} of sheet {}", fields[f], id));
  }
  return layout;
}

}  // namespace

const SheetLayout& points_sheet_layout() {
  static const SheetLayout layout = parse_layout("points", kPointsFields);
  return layout;
}

const SheetLayout& outside_sheet_layout() {
  static const SheetLayout layout = parse_layout("outside", kOutsideFields);
  return layout;
}

const SheetLayout& definition_sheet_layout(DefinitionSheet sheet) {
  static const std::array<SheetLayout, kDefinitionSheets> layouts = [] {
    std::array<SheetLayout, kDefinitionSheets> parsed;
    for (std::size_t i = 0; i < kDefinitionSheets; ++i) parsed[i] = parse_layout(kDefinitionLayouts[i].id, kDefinitionLayouts[i].fields);
    return parsed;
  }();
  return layouts[static_cast<std::size_t>(sheet)];
}

}  // namespace santei::dpc
