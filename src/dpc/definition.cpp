#include "dpc/definition.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "dpc/sheet_reader.hpp"
#include "santei/result.hpp"

namespace santei::dpc {
namespace {

std::string_view intern(std::unordered_set<std::string>& texts, std::string_view text) {
  return *texts.emplace(text).first;
}

std::vector<DefinitionRow> read_sheet(const xlsx::Workbook& workbook, DefinitionSheet id, std::unordered_set<std::string>& texts) {
  const SheetLayout& layout = definition_sheet_layout(id);
  const std::optional<std::string> name = sheet_name(workbook, layout);
  if (!name) {
    throw Exception(ErrorInfo{Status::parse_error, workbook.file(), 0, 0, layout.name,
                              fmt::format("no sheet {}: not a DPC電子点数表 with the 定義テーブル santei reads", layout.name)});
  }
  const xlsx::Sheet sheet = workbook.sheet(*name);
  const SheetReader reader(sheet, layout);
  reader.check_headers();
  const std::size_t fields = layout.columns.size();
  const auto field_named = [&](std::string_view field) {
    return static_cast<std::size_t>(std::find_if(layout.columns.begin(), layout.columns.end(),
                                                 [&](const LayoutColumn& c) { return c.name == field; }) -
                                    layout.columns.begin());
  };
  const std::size_t mdc = field_named("mdc");
  const std::size_t bunrui = field_named("bunrui");
  std::vector<DefinitionRow> rows;
  for (std::uint32_t row = layout.first_row; row <= sheet.last_row(); ++row) {
    if (!reader.any(row)) continue;
    DefinitionRow read;
    read.line = row;
    read.cells.reserve(fields);
    for (std::size_t f = 0; f < fields; ++f) read.cells.push_back(intern(texts, reader.cell(row, f)));
    // MDC (2 digits) and 分類ｺｰﾄﾞ (4) name the 分類 of every row.
    if (read.cells[mdc].size() != 2) reader.fail(row, mdc, "is not a 2-character MDC");
    if (read.cells[bunrui].size() != 4) reader.fail(row, bunrui, "is not a 4-character 分類ｺｰﾄﾞ");
    read.bunrui = intern(texts, std::string(read.cells[mdc]) + std::string(read.cells[bunrui]));
    read.valid = reader.valid(row, fields - 2, fields - 1);
    rows.push_back(std::move(read));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const DefinitionRow& a, const DefinitionRow& b) { return a.bunrui < b.bunrui; });
  return rows;
}

}  // namespace

std::pair<const DefinitionRow*, const DefinitionRow*> Definitions::of(DefinitionSheet sheet, std::string_view bunrui) const {
  const std::vector<DefinitionRow>& all = rows(sheet);
  const auto [first, last] = std::equal_range(all.begin(), all.end(), bunrui, [](const auto& a, const auto& b) {
    if constexpr (std::is_same_v<std::decay_t<decltype(a)>, DefinitionRow>) {
      return std::string_view(a.bunrui) < b;
    } else {
      return a < std::string_view(b.bunrui);
    }
  });
  return {all.data() + (first - all.begin()), all.data() + (last - all.begin())};
}

std::optional<Definitions> read_definitions(const xlsx::Workbook& workbook) {
  bool any = false;
  for (std::size_t s = 0; s < kDefinitionSheets; ++s) {
    any = any || sheet_name(workbook, definition_sheet_layout(static_cast<DefinitionSheet>(s))).has_value();
  }
  if (!any) return std::nullopt;
  Definitions definitions;
  definitions.file = workbook.file();
  for (std::size_t s = 0; s < kDefinitionSheets; ++s) {
    definitions.sheets[s] = read_sheet(workbook, static_cast<DefinitionSheet>(s), definitions.texts);
  }
  const std::vector<DefinitionRow>& icd_rows = definitions.rows(DefinitionSheet::icd);
  for (std::size_t r = 0; r < icd_rows.size(); ++r) {
    const std::string_view code = icd_rows[r].cell(icd::code);
    const bool wildcard = code.ends_with('$');
    definitions.icd_index.push_back(IcdKey{std::string(wildcard ? code.substr(0, code.size() - 1) : code), wildcard, static_cast<std::uint32_t>(r)});
  }
  std::sort(definitions.icd_index.begin(), definitions.icd_index.end());
  return definitions;
}

}  // namespace santei::dpc
