// Loads one revision directory of SSK masters into MasterData.
//
// Discovery: files are recognised by SSK's names — s_ALLyyyymmdd.csv / s_yyyymmdd.csv (and y, t,
// c), b_yyyymmdd.txt, z_yyyymmdd.txt, ck_ALL_yyyymmdd.csv, and the 電子点数表 members
// 01補助マスターテーブル.csv … 05算定回数テーブル.csv. Files under updates/ are update files; all
// others are full files. Per kind, the oldest full file is the base; update files dated after it
// and newer full files are applied in date order (an update before a full file of the same date).
#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "core/mapped_file.hpp"
#include "masters/csv.hpp"
#include "masters/fields.hpp"
#include "masters/master_data.hpp"
#include "masters/snapshot.hpp"

namespace santei {
namespace fs = std::filesystem;
using masters::CsvReader;
using masters::History;
using masters::Layout;
using masters::RowDecoder;

namespace {

struct SourceFile {
  fs::path path;
  std::string kind;  // layout kind: s y t c b z ck aux bundle exclusion inpatient count
  bool update = false;
  Date date;
  ExclusionWindow window = ExclusionWindow::same_day;  // 03-x only
};

std::optional<SourceFile> classify(const fs::path& path) {
  auto name = detail::classify_master_file(path);
  if (!name) return std::nullopt;
  return SourceFile{path, std::move(name->kind), name->update, name->date, name->window};
}

[[noreturn]] void fail(Status status, const std::string& file, std::int64_t line, std::string field,
                       std::string message) {
  throw Exception(ErrorInfo{status, file, line, 0, std::move(field), std::move(message)});
}

std::optional<Date> date_in_name(std::string_view digits) {
  if (digits.size() < 8) return std::nullopt;
  return Date::parse_compact(digits.substr(0, 8));
}

}  // namespace

std::optional<detail::MasterFileName> detail::classify_master_file(const fs::path& path) {
  const std::string name = path.filename().string();
  const bool update = path.parent_path().filename() == "updates";
  MasterFileName file{{}, update, Date{}};
  if (name.size() >= 14 && name[1] == '_' && std::string_view("sytcbz").find(name[0]) != std::string_view::npos) {
    std::string_view rest = std::string_view(name).substr(2);
    if (rest.starts_with("ALL")) rest.remove_prefix(3);
    const auto date = date_in_name(rest);
    const std::string_view ext = rest.size() >= 12 ? rest.substr(8) : std::string_view();
    if (!date || (ext != ".csv" && ext != ".txt")) return std::nullopt;
    file.kind = std::string(1, name[0]);
    file.date = *date;
    return file;
  }
  if (name.starts_with("ck_ALL_")) {
    const auto date = date_in_name(std::string_view(name).substr(7));
    if (!date) return std::nullopt;
    file.kind = "ck";
    file.date = *date;
    return file;
  }
  if (!name.ends_with(".csv")) return std::nullopt;
  struct Table {
    std::string_view prefix;
    std::string_view kind;
    ExclusionWindow window;
  };
  static constexpr Table tables[] = {
      {"01", "aux", ExclusionWindow::same_day},
      {"02", "bundle", ExclusionWindow::same_day},
      {"03-1", "exclusion", ExclusionWindow::same_day},
      {"03-2", "exclusion", ExclusionWindow::same_month},
      {"03-3", "exclusion", ExclusionWindow::same_time},
      {"03-4", "exclusion", ExclusionWindow::same_week},
      {"04", "inpatient", ExclusionWindow::same_day},
      {"05", "count", ExclusionWindow::same_day},
  };
  for (const Table& table : tables) {
    if (name.starts_with(table.prefix) && !(table.prefix == "03" && name.starts_with("03-"))) {
      file.kind = std::string(table.kind);
      file.window = table.window;
      file.update = false;
      return file;
    }
  }
  return std::nullopt;
}

std::string detail::master_title(std::string_view kind, ExclusionWindow window) {
  if (kind == "s") return "医科診療行為マスター (s_*.csv)";
  if (kind == "y") return "医薬品マスター (y_*.csv)";
  if (kind == "t") return "特定器材マスター (t_*.csv)";
  if (kind == "c") return "コメントマスター (c_*.csv)";
  if (kind == "b") return "傷病名マスター (b_*.txt)";
  if (kind == "z") return "修飾語マスター (z_*.txt)";
  if (kind == "ck") return "コメント関連テーブル (ck_ALL_*.csv)";
  if (kind == "aux") return "01補助マスターテーブル";
  if (kind == "bundle") return "02包括テーブル";
  if (kind == "inpatient") return "04入院基本料テーブル";
  if (kind == "count") return "05算定回数テーブル";
  if (kind == "exclusion") {
    switch (window) {
      case ExclusionWindow::same_day: return "03-1背反テーブル1 (1日につき)";
      case ExclusionWindow::same_month: return "03-2背反テーブル2 (同一月内)";
      case ExclusionWindow::same_time: return "03-3背反テーブル3 (同時)";
      case ExclusionWindow::same_week: return "03-4背反テーブル4 (1週間につき)";
    }
  }
  return std::string(kind);
}

namespace {

// Reads a file row by row with the layout its first row's shape selects.
class MasterFileReader {
 public:
  // `data` outlives the reader (a mapped file's bytes, or a caller's).
  MasterFileReader(const SourceFile& file, std::string_view data)
      : file_(file), data_(data), reader_(data_, file.path.string()) {}

  // Reads the next row; returns false at the end. The first call picks the layout.
  bool next() {
    if (!read_row()) return false;
    const int columns = static_cast<int>(fields_.size());
    if (!layout_) {
      layout_ = masters::find_layout(file_.kind, columns);
      if (!layout_) {
        fail(Status::master_error, file_.path.string(), reader_.line(), "column count",
             fmt::format("{} columns: no layout for this master kind has that shape (known: {})", columns,
                         masters::known_column_counts(file_.kind)));
      }
    } else if (columns != layout_->columns) {
      // The column named is the first one missing (or the first one too many).
      throw Exception(ErrorInfo{Status::master_error, file_.path.string(), reader_.line(),
                                std::min(columns, layout_->columns) + 1, "column count",
                                fmt::format("{} columns where the file's layout {} has {} (truncated or damaged row?)",
                                            columns, layout_->id, layout_->columns)});
    }
    ++rows_;
    return true;
  }

  const std::vector<std::string_view>& fields() const { return fields_; }
  std::int64_t line() const { return reader_.line(); }
  const Layout& layout() const { return *layout_; }
  bool empty() const { return layout_ == nullptr; }

  MasterFileInfo info() const {
    return MasterFileInfo{file_.path.string(), file_.kind, layout_ ? layout_->id : std::string(), file_.update,
                          file_.date, rows_, static_cast<std::int64_t>(data_.size())};
  }

 private:
  // Reads a row; once the layout is known, a CSV error names its column ("省略漢字名称 (col 5)").
  bool read_row() {
    try {
      return reader_.next(fields_);
    } catch (const Exception& e) {
      const int column = e.info().column;
      if (!layout_ || column < 1 || column > layout_->columns) throw;
      ErrorInfo info = e.info();
      info.field = masters::column_label(layout_->by_number[static_cast<std::size_t>(column - 1)]);
      throw Exception(std::move(info));
    }
  }

  const SourceFile& file_;
  std::string_view data_;
  CsvReader reader_;
  std::vector<std::string_view> fields_;
  const Layout* layout_ = nullptr;
  std::int64_t rows_ = 0;
};

// What one job contributes to the stats (jobs run in parallel and merge at the end).
struct JobReport {
  std::vector<MasterFileInfo> files;
  std::vector<std::string> notes;
  Date newest_base_date;  // newest 変更年月日 of the base file (s only: selects the revision)
};

enum class Role { base, update, snapshot };

std::string code_text(Code code) { return fmt::format("{}", code); }

// An error about a row's code names the layout's code column ("診療行為コード (col 3)").
[[noreturn]] void fail_code(const std::string& path, std::int64_t line, const Layout& layout, std::string message) {
  const masters::LayoutColumn* column = layout.column("code");
  throw Exception(ErrorInfo{Status::master_error, path, line, column ? column->number : 0,
                            column ? masters::column_label(*column) : std::string("code"), std::move(message)});
}

// Update rows of the コメントマスター leave コメントコード (col 23) empty; the code is then
// 8 + パターン (2 digits) + 一連番号 (6 digits), as on every full row.
template <class Record>
void complete_identity(Record&, const std::string&, std::int64_t, const Layout&) {}
template <>
void complete_identity(CommentRecord& record, const std::string& path, std::int64_t line, const Layout& layout) {
  if (record.code == 0 && record.pattern != 0) {
    if (record.pattern < 0 || record.pattern > 99 || record.serial < 0 || record.serial > 999999) {
      fail_code(path, line, layout,
                fmt::format("empty, and パターン {} with 一連番号 {} makes no コメントコード (8 + 2 + 6 digits)",
                            record.pattern, record.serial));
    }
    record.code = static_cast<Code>(800000000 + record.pattern * 1000000 + record.serial);
  }
}

template <class Record>
void apply_row(const std::string& path, MasterFileReader& reader, const RowDecoder<Record>& decoder, Role role,
               History<Record>& history, std::unordered_map<Code, std::int64_t>& base_lines, JobReport& report) {
  const std::int64_t line = reader.line();
  Record row{};
  if (role == Role::update) {
    decoder.decode(reader.fields(), line, row, /*merge=*/true);
  } else {
    decoder.decode(reader.fields(), line, row, /*merge=*/false);
  }
  complete_identity(row, path, line, decoder.layout());
  auto& building = history.building();
  const bool known = building.count(row.code) && !building[row.code].empty();

  if (row.change == ChangeKind::deleted) {  // 抹消
    if (role == Role::update && !known) {
      fail_code(path, line, decoder.layout(),
                fmt::format("抹消 (変更区分 1) of unknown code {}", code_text(row.code)));
    }
    building.erase(row.code);
    return;
  }
  if (row.change == ChangeKind::abolished) {  // 廃止: the version in force ends on 廃止年月日
    if (Record* current = history.building_version_at(row.code, row.valid_to)) {
      current->valid_to = row.valid_to;
      current->change = ChangeKind::abolished;
      return;
    }
    if (role == Role::update) {
      fail_code(path, line, decoder.layout(),
                fmt::format("廃止 (変更区分 9) of unknown code {}", code_text(row.code)));
    }
    if (row.valid_to < row.valid_from) row.valid_from = Date{};
    history.put_version(std::move(row));
    return;
  }
  switch (role) {
    case Role::base: {
      auto [it, inserted] = base_lines.emplace(row.code, line);
      if (!inserted) {
        fail_code(path, line, decoder.layout(),
                  fmt::format("code {} appears twice in a full file (first on line {})", code_text(row.code),
                              it->second));
      }
      if (report.newest_base_date < row.valid_from && !row.valid_from.is_open_end()) {
        report.newest_base_date = row.valid_from;
      }
      building[row.code].push_back(std::move(row));
      return;
    }
    case Role::update: {
      if (row.change != ChangeKind::changed) {  // 3 新規 (or 0/2): a complete record
        Record full{};
        decoder.decode(reader.fields(), line, full, /*merge=*/false);
        complete_identity(full, path, line, decoder.layout());
        history.put_version(std::move(full));
        return;
      }
      Record* base = history.building_version_at(row.code, row.valid_from);
      if (!base) {
        fail_code(path, line, decoder.layout(),
                  fmt::format("変更 (変更区分 5) of code {}, which no earlier file holds", code_text(row.code)));
      }
      Record merged = *base;
      decoder.decode(reader.fields(), line, merged, /*merge=*/true);
      history.put_version(std::move(merged));
      return;
    }
    case Role::snapshot: {
      const Record* current = history.building_version_at(row.code, Date::open_end());
      if (current && row.valid_from < current->valid_from) return;  // an older state, already known
      history.put_version(std::move(row));
      return;
    }
  }
}

// Applies one file of a dated master kind.
template <class Record>
void apply_file(const SourceFile& file, std::string_view data, Role role, History<Record>& history, JobReport& report) {
  MasterFileReader reader(file, data);
  std::unique_ptr<RowDecoder<Record>> decoder;
  std::unordered_map<Code, std::int64_t> base_lines;
  const std::string path = file.path.string();
  while (reader.next()) {
    if (!decoder) decoder = std::make_unique<RowDecoder<Record>>(reader.layout(), path);
    apply_row(path, reader, *decoder, role, history, base_lines, report);
  }
  if (reader.empty()) fail(Status::master_error, file.path.string(), 0, {}, "the file is empty");
  report.files.push_back(reader.info());
}

// Appends every row of a 電子点数表 / ck table (tables without a per-code identity).
template <class Record>
void read_rows(const SourceFile& file, std::string_view data, std::vector<Record>& out, JobReport& report) {
  MasterFileReader reader(file, data);
  std::unique_ptr<RowDecoder<Record>> decoder;
  while (reader.next()) {
    if (!decoder) decoder = std::make_unique<RowDecoder<Record>>(reader.layout(), file.path.string());
    Record row{};
    decoder->decode(reader.fields(), reader.line(), row, false);
    if (row.change != ChangeKind::deleted) out.push_back(std::move(row));
  }
  if (reader.empty()) fail(Status::master_error, file.path.string(), 0, {}, "the file is empty");
  report.files.push_back(reader.info());
}

// Base, updates and later full files of one kind, in the order they apply.
template <class Record>
JobReport load_dated_kind(const std::vector<SourceFile>& files, History<Record>& history) {
  JobReport report;
  if (files.empty()) {  // a master a partial directory lacks (MasterSet::load noted it)
    history.freeze();
    return report;
  }
  std::vector<const SourceFile*> full;
  std::vector<const SourceFile*> later;
  for (const SourceFile& f : files) (f.update ? later : full).push_back(&f);
  if (full.empty()) {
    fail(Status::master_error, files.front().path.string(), 0, {}, "update files without a full file to apply them to");
  }
  std::sort(full.begin(), full.end(), [](auto* a, auto* b) { return a->date < b->date; });
  const SourceFile* base = full.front();
  later.insert(later.end(), full.begin() + 1, full.end());
  std::stable_sort(later.begin(), later.end(), [](auto* a, auto* b) {
    if (a->date != b->date) return a->date < b->date;
    return a->update && !b->update;
  });
  apply_file(*base, detail::map_master_file(base->path)->bytes(), Role::base, history, report);
  for (const SourceFile* f : later) {
    if (f->update && !(base->date < f->date)) {
      report.notes.push_back(fmt::format("{}: skipped, the base {} already includes it", f->path.string(),
                                         base->path.filename().string()));
      continue;
    }
    apply_file(*f, detail::map_master_file(f->path)->bytes(), f->update ? Role::update : Role::snapshot, history, report);
  }
  history.freeze();  // in the job, so the kinds freeze in parallel
  return report;
}

using detail::master_title;

// read_master_bytes for a dated kind.
// Every row of an update file decoded on its own (ReadAs::rows): its dates, nothing applied.
template <class Record>
detail::MasterBytesSummary read_update_rows(const SourceFile& file, std::string_view bytes) {
  MasterFileReader reader(file, bytes);
  std::unique_ptr<RowDecoder<Record>> decoder;
  detail::MasterBytesSummary out;
  while (reader.next()) {
    if (!decoder) decoder = std::make_unique<RowDecoder<Record>>(reader.layout(), file.path.string());
    Record row{};
    decoder->decode(reader.fields(), reader.line(), row, /*merge=*/true);
    if (row.valid_from == Date{} || row.valid_from.is_open_end()) continue;
    if (out.oldest == Date{} || row.valid_from < out.oldest) out.oldest = row.valid_from;
    if (out.newest < row.valid_from) out.newest = row.valid_from;
  }
  if (reader.empty()) fail(Status::master_error, file.path.string(), 0, {}, "the file is empty");
  out.rows = reader.info().rows;
  out.layout = reader.info().layout;
  return out;
}

template <class Record>
detail::MasterBytesSummary read_dated_bytes(SourceFile file, std::string_view bytes, detail::ReadAs as) {
  if (as == detail::ReadAs::rows) return read_update_rows<Record>(file, bytes);
  History<Record> history;
  JobReport report;
  if (as != detail::ReadAs::update) apply_file(file, bytes, Role::base, history, report);
  if (as != detail::ReadAs::full) {
    file.update = true;
    apply_file(file, bytes, Role::update, history, report);
  }
  history.freeze();
  detail::MasterBytesSummary out{report.files.front().rows, report.files.front().layout, {}, {}};
  for (const Record& r : history.all()) {
    if (r.valid_from.is_open_end() || r.valid_from == Date{}) continue;
    if (out.oldest == Date{} || r.valid_from < out.oldest) out.oldest = r.valid_from;
    if (out.newest < r.valid_from) out.newest = r.valid_from;
  }
  return out;
}

template <class Record>
detail::MasterBytesSummary read_row_bytes(const SourceFile& file, std::string_view bytes) {
  std::vector<Record> rows;
  JobReport report;
  read_rows(file, bytes, rows, report);
  return detail::MasterBytesSummary{report.files.front().rows, report.files.front().layout, {}, {}};
}

}  // namespace

std::unique_ptr<const MappedFile> detail::map_master_file(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) fail(Status::io_error, path.string(), 0, {}, "cannot tell the file's size: " + ec.message());
  if (size > kMaxMasterFileBytes) {
    fail(Status::limit_exceeded, path.string(), 0, {},
         fmt::format("a master file of {} bytes is over the limit of {} bytes", size, kMaxMasterFileBytes));
  }
  return std::make_unique<const MappedFile>(path, kMaxMasterFileBytes);
}

detail::MasterBytesSummary detail::read_master_bytes(std::string_view kind, std::string_view bytes,
                                                     const std::string& name, ReadAs as) {
  const SourceFile file{name, std::string(kind), false, Date{}};
  if (kind == "s") return read_dated_bytes<ProcedureRecord>(file, bytes, as);
  if (kind == "y") return read_dated_bytes<DrugRecord>(file, bytes, as);
  if (kind == "t") return read_dated_bytes<MaterialRecord>(file, bytes, as);
  if (kind == "c") return read_dated_bytes<CommentRecord>(file, bytes, as);
  if (kind == "b") return read_dated_bytes<DiseaseRecord>(file, bytes, as);
  if (kind == "z") return read_dated_bytes<ModifierRecord>(file, bytes, as);
  if (kind == "aux") return read_dated_bytes<AuxiliaryRecord>(file, bytes, as);
  if (kind == "bundle") return read_row_bytes<BundleMemberRecord>(file, bytes);
  if (kind == "exclusion") return read_row_bytes<ExclusionRecord>(file, bytes);
  if (kind == "inpatient") return read_row_bytes<InpatientAdditionRecord>(file, bytes);
  if (kind == "count") return read_row_bytes<CountLimitRecord>(file, bytes);
  if (kind == "ck") return read_row_bytes<CommentLinkRecord>(file, bytes);
  throw Exception(ErrorInfo{Status::invalid_argument, name, 0, 0, "kind", fmt::format("'{}' is not a master kind", kind)});
}

std::vector<fs::path> detail::master_files_under(const fs::path& directory) {
  std::error_code ec;
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(directory, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && classify_master_file(it->path())) paths.push_back(it->path());
  }
  if (ec) fail(Status::io_error, directory.string(), 0, {}, "cannot list the directory: " + ec.message());
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::shared_ptr<const MasterSet> MasterSet::load(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    const MappedFile file(path, kMaxMasterFileBytes);
    const std::string_view bytes = file.bytes();
    if (!detail::is_snapshot(bytes)) {
      fail(Status::master_error, path.string(), 0, "magic",
           fmt::format("not a directory of masters nor a santei snapshot (which starts with '{}')",
                       detail::kSnapshotMagic.substr(0, detail::kSnapshotMagic.size() - 1)));
    }
    return detail::read_snapshot(bytes, path.string());
  }
  if (!fs::is_directory(path, ec)) fail(Status::io_error, path.string(), 0, {}, "not a directory of masters");
  // The automatic cache: a snapshot whose fingerprint matches the directory's files stands for them.
  const fs::path cache = path / kMasterSnapshotName;
  std::string passed_over;
  if (fs::is_regular_file(cache, ec)) {
    try {
      const MappedFile file(cache, kMaxMasterFileBytes);
      return detail::read_snapshot(file.bytes(), cache.string(), &path);
    } catch (const Exception& e) {
      passed_over = fmt::format("{} not used, the CSVs were read: {}", cache.string(), e.what());
    }
  }
  return detail::load_master_directory(path, std::move(passed_over));
}

std::shared_ptr<const MasterSet> detail::load_master_directory(const fs::path& directory, std::string note) {
  const auto started = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    fail(Status::io_error, directory.string(), 0, {}, "not a directory of masters");
  }
  std::map<std::string, std::vector<SourceFile>> by_kind;
  for (const fs::path& path : master_files_under(directory)) {
    auto file = classify(path);
    by_kind[file->kind].push_back(std::move(*file));
  }
  // The 医科診療行為マスター decides the revision and is required; a directory without one of the
  // others is partial (e.g. ../shared/excerpts/r08): it loads, and the codes of a missing master are
  // unknown codes. Update files of a missing master still fail in load_dated_kind.
  std::vector<std::string> missing;
  for (const char* kind : {"s", "y", "t", "c", "b", "z"}) {
    const auto& files = by_kind[kind];
    if (std::none_of(files.begin(), files.end(), [](const SourceFile& f) { return !f.update; })) {
      if (std::string_view(kind) == "s" || !files.empty()) {
        fail(Status::master_error, directory.string(), 0, {},
             fmt::format("missing file: no full {} in this directory", master_title(kind)));
      }
      missing.emplace_back(kind);
    }
  }
  for (auto& [kind, files] : by_kind) {  // a stable order for reports and errors
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  }

  auto data = std::make_unique<detail::MasterData>();
  detail::MasterData& d = *data;
  d.origin = directory.string();
  d.load_started = started;
  // Jobs run in parallel, so they must not insert into by_kind.
  const std::vector<SourceFile> none;
  const auto files_of = [&](const char* kind) -> const std::vector<SourceFile>& {
    auto it = by_kind.find(kind);
    return it == by_kind.end() ? none : it->second;
  };

  // One job per kind; the big ones run in parallel.
  std::vector<std::function<JobReport()>> jobs = {
      [&] { return load_dated_kind(files_of("s"), d.procedures); },
      [&] { return load_dated_kind(files_of("y"), d.drugs); },
      [&] { return load_dated_kind(files_of("b"), d.diseases); },
      [&] {
        JobReport report = load_dated_kind(files_of("t"), d.materials);
        for (JobReport part : {load_dated_kind(files_of("c"), d.comments), load_dated_kind(files_of("z"), d.modifiers)}) {
          report.files.insert(report.files.end(), part.files.begin(), part.files.end());
          report.notes.insert(report.notes.end(), part.notes.begin(), part.notes.end());
        }
        return report;
      },
      [&] {
        JobReport report;
        if (!files_of("aux").empty()) {
          JobReport aux = load_dated_kind(files_of("aux"), d.auxiliary);
          report.files = aux.files;
          d.tables_present[static_cast<int>(ElectronicTable::auxiliary)] = true;
        }
        for (const SourceFile& f : files_of("bundle")) {
          read_rows(f, detail::map_master_file(f.path)->bytes(), d.bundle_members, report);
          d.tables_present[static_cast<int>(ElectronicTable::bundle)] = true;
        }
        for (const SourceFile& f : files_of("exclusion")) {
          read_rows(f, detail::map_master_file(f.path)->bytes(), d.exclusions[static_cast<std::size_t>(f.window)], report);
          d.tables_present[static_cast<int>(ElectronicTable::exclusion_day) + static_cast<int>(f.window)] = true;
        }
        for (const SourceFile& f : files_of("inpatient")) {
          read_rows(f, detail::map_master_file(f.path)->bytes(), d.inpatient_additions, report);
          d.tables_present[static_cast<int>(ElectronicTable::inpatient)] = true;
        }
        for (const SourceFile& f : files_of("count")) {
          read_rows(f, detail::map_master_file(f.path)->bytes(), d.count_limits, report);
          d.tables_present[static_cast<int>(ElectronicTable::count_limit)] = true;
        }
        for (const SourceFile& f : files_of("ck")) {
          read_rows(f, detail::map_master_file(f.path)->bytes(), d.comment_links, report);
          d.tables_present[static_cast<int>(ElectronicTable::comment_link)] = true;
        }
        return report;
      },
  };
  std::vector<std::future<JobReport>> running;
  for (auto& job : jobs) running.push_back(std::async(std::launch::async, job));
  std::vector<JobReport> reports;
  std::exception_ptr first_error;
  for (auto& future : running) {  // wait for every job before reporting the first failure
    try {
      reports.push_back(future.get());
    } catch (...) {
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);

  for (const JobReport& report : reports) {
    d.stats.files.insert(d.stats.files.end(), report.files.begin(), report.files.end());
    d.stats.notes.insert(d.stats.notes.end(), report.notes.begin(), report.notes.end());
  }
  for (const MasterFileInfo& file : d.stats.files) d.stats.bytes += file.bytes;

  // The revision: the latest whose start is on or before the newest 変更年月日 of the s base file.
  const Date newest = reports.front().newest_base_date;
  const RevisionInfo* revision = nullptr;
  for (const RevisionInfo& info : known_revisions()) {
    if (!(newest < info.period.from)) revision = &info;
  }
  if (!revision) {
    fail(Status::master_error, directory.string(), 0, {},
         fmt::format("the 医科診療行為マスター's newest 変更年月日 {} is older than every revision in "
                     "masters/revisions.xml", newest.iso()));
  }
  d.revision = revision->id;
  d.period = revision->period;

  static constexpr std::pair<ElectronicTable, const char*> optional_tables[] = {
      {ElectronicTable::auxiliary, "01補助マスターテーブル"}, {ElectronicTable::bundle, "02包括テーブル"},
      {ElectronicTable::exclusion_day, "03-1背反テーブル1 (1日につき)"},
      {ElectronicTable::exclusion_month, "03-2背反テーブル2 (同一月内)"},
      {ElectronicTable::exclusion_same_time, "03-3背反テーブル3 (同時)"},
      {ElectronicTable::exclusion_week, "03-4背反テーブル4 (1週間につき)"},
      {ElectronicTable::inpatient, "04入院基本料テーブル"}, {ElectronicTable::count_limit, "05算定回数テーブル"},
      {ElectronicTable::comment_link, "コメント関連テーブル (ck_ALL_*.csv)"}};
  for (const auto& [table, title] : optional_tables) {
    if (!d.tables_present[static_cast<int>(table)]) {
      d.stats.notes.push_back(fmt::format("{} not present: the checks that need it are not made", title));
    }
  }
  for (const std::string& kind : missing) {
    d.stats.notes.push_back(fmt::format("{} not present: a partial revision directory, its codes are unknown codes",
                                        master_title(kind)));
  }
  d.stats.missing = std::move(missing);
  if (!note.empty()) d.stats.notes.push_back(std::move(note));
  return detail::MasterData::finish(std::move(data));
}

}  // namespace santei
