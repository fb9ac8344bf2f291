// The contents of a MasterSet: one dated history per master kind and the 電子点数表 rows.
// Internal to santei; the public view is santei/masters.hpp.
#pragma once

#include <array>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapped_file.hpp"
#include "masters/history.hpp"
#include "santei/masters.hpp"
#include "santei/rules.hpp"

namespace santei::detail {

struct MasterData {
  std::string revision;
  DateRange period;
  std::string origin;

  masters::History<ProcedureRecord> procedures;
  masters::History<DrugRecord> drugs;
  masters::History<MaterialRecord> materials;
  masters::History<CommentRecord> comments;
  masters::History<DiseaseRecord> diseases;
  masters::History<ModifierRecord> modifiers;
  masters::History<AuxiliaryRecord> auxiliary;

  std::vector<BundleMemberRecord> bundle_members;
  std::array<std::vector<ExclusionRecord>, 4> exclusions;  // by ExclusionWindow
  std::vector<InpatientAdditionRecord> inpatient_additions;
  std::vector<CountLimitRecord> count_limits;
  std::vector<CommentLinkRecord> comment_links;
  std::array<bool, 9> tables_present{};  // by ElectronicTable

  LoadStats stats;
  std::chrono::steady_clock::time_point load_started = std::chrono::steady_clock::now();
  std::unique_ptr<RuleGraph> rules;

  // Freezes the histories, builds the rule graph and wraps the result (the end of every load).
  static std::shared_ptr<const MasterSet> finish(std::unique_ptr<MasterData> data);
};

// How read_master_bytes applies a file of a dated kind (s y t c b z aux): as a full file, as a
// full file and then again as an update of itself, or as an update file alone (on nothing).
// `rows` decodes every row as an update row and applies none (an update file checked on its own,
// whose 変更 rows name codes only the files before it hold).
enum class ReadAs : unsigned char { full, full_then_update, update, rows };

// What reading one master file found.
struct MasterBytesSummary {
  std::int64_t rows = 0;
  std::string layout;  // "s_150"
  Date oldest;         // dated kinds: the oldest and newest 変更年月日 of its rows (zero dates otherwise)
  Date newest;
};

// One master file's bytes read as MasterSet::load reads a file of `kind` ("s", "y", "t", "c",
// "b", "z", "ck", "aux", "bundle", "exclusion", "inpatient", "count"): the layout its first row
// selects, every row decoded and checked, the kind's history built and frozen (`as` applies to the
// dated kinds; the tables are read as full files). Throws what a load would (santei::Exception).
// The entry point of the master CSV fuzz target and of santei masters check.
MasterBytesSummary read_master_bytes(std::string_view kind, std::string_view bytes, const std::string& name, ReadAs as);

// A master file's (or a download's) bytes, mapped from the page cache rather than read into new
// memory, which was zeroed, copied into and faulted in page by page (stop 51); refused by its size
// over kMaxMasterFileBytes before it is mapped; errors name the file.
std::unique_ptr<const MappedFile> map_master_file(const std::filesystem::path& path);

// Every file under `directory` that classify_master_file recognises, sorted: what a load of the
// directory reads and what a snapshot's fingerprint covers.
std::vector<std::filesystem::path> master_files_under(const std::filesystem::path& directory);

// MasterSet::load of a revision directory's CSVs, never its snapshot; `note` (when not empty) is
// added to the set's stats.notes.
std::shared_ptr<const MasterSet> load_master_directory(const std::filesystem::path& directory, std::string note = {});

// How MasterSet::load recognises a file by its SSK name (s_ALLyyyymmdd.csv, b_yyyymmdd.txt,
// ck_ALL_yyyymmdd.csv, 01補助マスターテーブル.csv …), or nullopt for any other name. `update` is
// true for a file under updates/ (the loader applies those as update files).
struct MasterFileName {
  std::string kind;  // s y t c b z ck aux bundle exclusion inpatient count
  bool update = false;
  Date date;         // from the name; zero for the 電子点数表 tables
  ExclusionWindow window = ExclusionWindow::same_day;  // 03-x only
};
std::optional<MasterFileName> classify_master_file(const std::filesystem::path& path);

// "医科診療行為マスター (s_*.csv)", "02包括テーブル" … for a kind (and a 背反 table's window).
std::string master_title(std::string_view kind, ExclusionWindow window = ExclusionWindow::same_day);

// Builds the rule graph over frozen master data, sorting its tables in place (src/rules/rule_graph.cpp).
std::unique_ptr<RuleGraph> build_rule_graph(MasterData& data);

}  // namespace santei::detail
