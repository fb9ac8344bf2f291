// DpcTables: the DPC電子点数表 workbooks of a directory, sheet 11 of each read as
// masters/dpc/tensuhyo.xml lays it out.
#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "dpc/definition.hpp"
#include "dpc/grouper.hpp"
#include "dpc/layout.hpp"
#include "dpc/sheet_reader.hpp"
#include "dpc/tables.hpp"
#include "santei/result.hpp"

namespace santei {
namespace {

using dpc::SheetReader;
using dpc::sheet_name;

// Day numbers and points of the 点数表 are bounded well above any real value (入院日Ⅲ ≤ 120 days,
// a day's points below 100,000 in r06 and r08), so a damaged cell is an error, not a huge price.
constexpr std::int32_t kMaxDay = 1000;
constexpr std::int32_t kMaxPoints = 1'000'000;

// Row `row` of sheet 11 (it has cells).
DpcPoints read_points(const SheetReader& reader, const xlsx::Sheet& sheet, std::uint32_t row) {
  using dpc::Field;
  DpcPoints points;
  points.file = sheet.file();
  points.line = row;
  points.code = std::string(reader.cell(row, Field::code));
  if (!is_dpc_code(points.code)) reader.fail(row, Field::code, "is not a 14-character 診断群分類番号");
  points.valid = reader.valid(row, Field::valid_from, Field::valid_to);
  // 入院日Ⅰ/Ⅱ/Ⅲ and the points: all empty (no points: 出来高) or all given, the days rising.
  constexpr Field kDays[] = {Field::last_day_1, Field::last_day_2, Field::last_day_3};
  constexpr Field kPoints[] = {Field::points_1, Field::points_2, Field::points_3};
  bool any = false;
  for (int p = 0; p < 3; ++p) any = any || !reader.cell(row, kDays[p]).empty() || !reader.cell(row, kPoints[p]).empty();
  if (!any) return points;
  points.priced = true;
  for (std::size_t p = 0; p < 3; ++p) {
    points.last_day[p] = reader.whole(row, kDays[p], kMaxDay);
    if (p > 0 && points.last_day[p] < points.last_day[p - 1]) reader.fail(row, kDays[p], "is before the end of the period before it");
  }
  for (std::size_t p = 0; p < 3; ++p) {
    const bool no_days = p > 0 && points.last_day[p] == points.last_day[p - 1];
    if (no_days && reader.cell(row, kPoints[p]) == "-") continue;  // a period without days has no points
    points.points[p] = reader.whole(row, kPoints[p], kMaxPoints);
  }
  return points;
}

// 更新日 of a sheet-11 row: nullopt for 00000000 (never updated).
std::optional<Date> updated_on(const SheetReader& reader, std::uint32_t row) {
  const std::string_view text = reader.cell(row, dpc::Field::updated);
  if (text == "00000000" || text.empty()) return std::nullopt;
  const std::optional<Date> date = Date::parse_compact(text);
  if (!date || date->is_open_end()) reader.fail(row, dpc::Field::updated, "is not a date YYYYMMDD (00000000: none)");
  return date;
}

// Sheet 13: the procedures that take a stay out of DPC; none when the workbook has no such sheet.
// The sheet is blocks, each under two header rows whose A cell is the kind column's header; the
// rows of a block whose procedure header is one of `blocks` are read, the others (薬剤, ICD) not.
std::vector<DpcOutsideProcedure> read_outside(const xlsx::Workbook& workbook) {
  using dpc::OutsideField;
  const dpc::SheetLayout& layout = dpc::outside_sheet_layout();
  const std::optional<std::string> name = sheet_name(workbook, layout);
  if (!name) return {};
  const xlsx::Sheet sheet = workbook.sheet(*name);
  const SheetReader reader(sheet, layout);
  reader.check_headers();
  const dpc::LayoutColumn& procedure = layout.column(OutsideField::procedure);
  std::vector<DpcOutsideProcedure> out;
  bool reading = true;  // the first block is the layout's own (its headers checked above)
  for (std::uint32_t row = layout.first_row; row <= sheet.last_row(); ++row) {
    if (!reader.any(row)) continue;
    if (reader.cell(row, OutsideField::kind) == layout.column(OutsideField::kind).header) {  // a block's header rows
      const std::string_view header = reader.cell(row, OutsideField::procedure);
      reading = std::find(procedure.blocks.begin(), procedure.blocks.end(), header) != procedure.blocks.end();
      ++row;
      continue;
    }
    if (!reading) continue;
    DpcOutsideProcedure p;
    const std::string_view kind = reader.cell(row, OutsideField::kind);
    if (kind != "00" && kind != "01") reader.fail(row, OutsideField::kind, "is not 00 (移植術) or 01 (厚生労働大臣指定)");
    p.kind = kind == "00" ? DpcOutsideKind::transplant : DpcOutsideKind::designated;
    p.code = std::string(reader.cell(row, OutsideField::procedure));
    if (p.code.empty()) reader.fail(row, OutsideField::procedure, "is empty in a block of codes");
    p.name = std::string(reader.cell(row, OutsideField::name));
    p.valid = reader.valid(row, OutsideField::valid_from, OutsideField::valid_to);
    p.file = sheet.file();
    p.line = row;
    out.push_back(std::move(p));
  }
  return out;
}

dpc::PointsWorkbook read_workbook(const xlsx::Workbook& workbook, const std::string& sheet_name, const dpc::SheetLayout& layout) {
  const xlsx::Sheet sheet = workbook.sheet(sheet_name);
  const SheetReader reader(sheet, layout);
  reader.check_headers();
  dpc::PointsWorkbook loaded;
  loaded.outside = read_outside(workbook);
  loaded.info.file = workbook.file();
  loaded.info.name = std::filesystem::path(workbook.file()).filename().string();
  std::optional<Date> updated;
  for (std::uint32_t row = layout.first_row; row <= sheet.last_row(); ++row) {
    if (!reader.any(row)) continue;
    std::optional<DpcPoints> points = read_points(reader, sheet, row);
    if (const std::optional<Date> u = updated_on(reader, row); u && (!updated || *u > *updated)) updated = u;
    if (loaded.rows.empty() || points->valid.from < loaded.info.in_force) loaded.info.in_force = points->valid.from;
    loaded.info.priced += points->priced;
    loaded.rows.push_back(std::move(*points));
  }
  if (loaded.rows.empty()) {
    throw Exception(ErrorInfo{Status::parse_error, workbook.file(), layout.first_row, 0, sheet.where({layout.first_row, 1}),
                              "the 診断群分類点数表 has no rows"});
  }
  loaded.info.codes = loaded.rows.size();
  loaded.info.updated = updated.value_or(loaded.info.in_force);
  std::stable_sort(loaded.rows.begin(), loaded.rows.end(), [](const DpcPoints& a, const DpcPoints& b) {
    return a.code != b.code ? a.code < b.code : a.valid.from < b.valid.from;
  });
  for (std::size_t i = 1; i < loaded.rows.size(); ++i) {
    const DpcPoints& a = loaded.rows[i - 1];
    const DpcPoints& b = loaded.rows[i];
    if (a.code == b.code && a.valid.overlaps(b.valid)) {
      throw Exception(ErrorInfo{Status::parse_error, workbook.file(), b.line, 0, fmt::format("'{}'!C{}", sheet.name(), b.line),
                                fmt::format("{} is in force on {} in rows {} and {}", b.code, b.valid.from.iso(), a.line, b.line)});
    }
  }
  return loaded;
}

bool same_points(const std::vector<DpcPoints>& a, const std::vector<DpcPoints>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const DpcPoints& x, const DpcPoints& y) {
    return x.code == y.code && x.priced == y.priced && x.last_day == y.last_day && x.points == y.points && x.valid == y.valid;
  });
}

std::vector<std::filesystem::path> workbook_files(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw Exception(ErrorInfo{Status::not_found, dir.string(), 0, 0, {}, "no such directory of DPC電子点数表 workbooks"});
  }
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".xlsx") files.push_back(it->path());
  }
  if (ec) throw Exception(ErrorInfo{Status::io_error, dir.string(), 0, 0, {}, ec.message()});
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::optional<dpc::PointsWorkbook> dpc::read_points_workbook(const xlsx::Workbook& workbook) {
  const dpc::SheetLayout& layout = dpc::points_sheet_layout();
  const std::optional<std::string> sheet = sheet_name(workbook, layout);
  if (!sheet) return std::nullopt;
  return read_workbook(workbook, *sheet, layout);
}

bool is_dpc_code(std::string_view code) {
  return code.size() == 14 && std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == 'x';
         });
}

std::shared_ptr<const DpcTables> DpcTables::load(const std::filesystem::path& dir) {
  const dpc::SheetLayout& layout = dpc::points_sheet_layout();  // a defect of the embedded layout first
  // By revision (the first 有効期間 開始日): the workbook last updated wins.
  std::map<Date, dpc::PointsWorkbook> by_revision;
  for (const std::filesystem::path& file : workbook_files(dir)) {
    std::optional<dpc::PointsWorkbook> read = dpc::read_points_workbook(xlsx::Workbook::open(file));
    if (!read) continue;
    dpc::PointsWorkbook& loaded = *read;
    auto [it, added] = by_revision.try_emplace(loaded.info.in_force);
    if (added) {
      it->second = std::move(loaded);
      continue;
    }
    dpc::PointsWorkbook& kept = it->second;
    // An update may change other sheets only (r06: the 2024-03-21 and 2026-02-20 workbooks have the
    // same sheet 11 and no 更新日 in it): then either serves, and the later file name is kept.
    const bool same_update = loaded.info.updated == kept.info.updated;
    if (same_update && !same_points(loaded.rows, kept.rows)) {
      throw Exception(ErrorInfo{Status::parse_error, loaded.info.file, 0, 0, {},
                                fmt::format("same revision ({}) and same 更新日 ({}) as {} but other points: which one to use is not clear",
                                            loaded.info.in_force.iso(), loaded.info.updated.iso(), kept.info.file)});
    }
    if (same_update || loaded.info.updated > kept.info.updated) {
      loaded.info.superseded = std::move(kept.info.superseded);
      loaded.info.superseded.push_back(kept.info.file);
      kept = std::move(loaded);
    } else {
      kept.info.superseded.push_back(loaded.info.file);
    }
  }
  if (by_revision.empty()) {
    throw Exception(ErrorInfo{Status::not_found, dir.string(), 0, 0, {},
                              fmt::format("no DPC電子点数表 workbook (an .xlsx with the sheet {}) here", layout.name)});
  }
  auto tables = std::make_shared<DpcTables>();
  for (auto& [in_force, loaded] : by_revision) {
    // The 定義テーブル (most of a workbook's bytes) only of the workbooks used.
    std::optional<dpc::Definitions> definitions = dpc::read_definitions(xlsx::Workbook::open(loaded.info.file));
    tables->definitions_.push_back(definitions ? std::make_shared<const dpc::Definitions>(std::move(*definitions)) : nullptr);
    tables->workbooks_.push_back(std::move(loaded.info));
    tables->rows_.push_back(std::move(loaded.rows));
    tables->outside_.push_back(std::move(loaded.outside));
  }
  return tables;
}

const DpcWorkbook* DpcTables::in_force_on(Date on) const {
  const DpcWorkbook* found = nullptr;
  for (const DpcWorkbook& workbook : workbooks_) {
    if (workbook.in_force <= on) found = &workbook;
  }
  return found;
}

const DpcPoints* DpcTables::find(std::string_view code, Date on) const {
  const DpcWorkbook* workbook = in_force_on(on);
  if (!workbook) return nullptr;
  const std::vector<DpcPoints>& rows = rows_[static_cast<std::size_t>(workbook - workbooks_.data())];
  auto it = std::lower_bound(rows.begin(), rows.end(), code, [](const DpcPoints& row, std::string_view c) { return row.code < c; });
  for (; it != rows.end() && it->code == code; ++it) {
    if (it->valid.contains(on)) return &*it;
  }
  return nullptr;
}

DpcGrouping DpcTables::group(const DpcGroupingInput& input, Date on, bool explain) const {
  const DpcWorkbook* workbook = in_force_on(on);
  if (!workbook) {
    throw Exception(ErrorInfo{Status::not_found, "<claim>", 0, 0, "admission.dpc.grouping",
                              fmt::format("no DPC電子点数表 loaded is in force on {}", on.iso())});
  }
  const std::shared_ptr<const dpc::Definitions>& definitions = definitions_[static_cast<std::size_t>(workbook - workbooks_.data())];
  if (!definitions) {
    throw Exception(ErrorInfo{Status::not_found, workbook->file, 0, 0, "admission.dpc.grouping",
                              "this DPC電子点数表 has no 定義テーブル sheets (４）ＩＣＤ … 12）変換テーブル) to group by"});
  }
  return dpc::group(*definitions, input, on, explain);
}

std::vector<const DpcPoints*> DpcTables::rows(std::size_t workbook) const {
  std::vector<const DpcPoints*> ordered;
  for (const DpcPoints& row : rows_.at(workbook)) ordered.push_back(&row);
  std::sort(ordered.begin(), ordered.end(), [](const DpcPoints* a, const DpcPoints* b) { return a->line < b->line; });
  return ordered;
}

}  // namespace santei
