// santei/masters.hpp — the SSK masters of one fee revision, loaded into an immutable, dated set.
//
// MasterSet::load reads a revision directory laid out as SSK publishes it (see README, "Master
// directories"): full files (s_ALL*.csv, y_ALL*.csv, t_ALL*.csv, c_ALL*.csv, b_*.txt, z_*.txt),
// newer full files in latest/, update files in updates/ and the 電子点数表 in tensuhyo/. Every
// record is kept with its validity range, so lookups answer "what was in force that day".
//
// Thread-safety: a loaded MasterSet (and a MasterLibrary once built) is immutable. Any number of
// threads may share it through std::shared_ptr<const MasterSet> and call its const methods
// without locks. Loading itself is single-call; a failed load throws and leaves nothing behind.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "santei/period.hpp"
#include "santei/records.hpp"
#include "santei/result.hpp"

namespace santei {

class RuleGraph;
namespace detail {
struct MasterData;
}

// Documented limits of a master file (README, "Limits"). SSK's largest file is about 8 MB and its
// widest row under 1 KB; beyond these a load fails with Status::limit_exceeded naming the file
// (and the line), before the file is read into memory.
inline constexpr std::uintmax_t kMaxMasterFileBytes = std::uintmax_t{128} * 1024 * 1024;
inline constexpr std::size_t kMaxMasterLineBytes = 64 * 1024;

// One file a load read.
struct MasterFileInfo {
  std::string path;     // as opened
  std::string kind;     // "s", "y", "t", "c", "b", "z", "ck", "aux", "bundle", "exclusion", "inpatient", "count"
  std::string layout;   // layout id, e.g. "y_42"
  bool update = false;  // an update (変更) file rather than a full one
  Date date;            // from the file name (full/update files), zero for 電子点数表 tables
  std::int64_t rows = 0;
  std::int64_t bytes = 0;
};

// What a load did: files, counts, time, and notes on anything it had to leave out.
struct LoadStats {
  std::vector<MasterFileInfo> files;
  std::int64_t bytes = 0;
  std::chrono::microseconds elapsed{0};
  std::vector<std::string> notes;  // e.g. "02包括テーブル not present: 包括 checks need it"
  // The masters a partial revision directory lacks ("y", "t", "c", "b", "z"): their codes are
  // unknown codes. Empty for a complete directory.
  std::vector<std::string> missing;
  // The snapshot file the set was read from instead of the CSVs (docs/snapshot.md); empty when
  // the CSVs were read. `files` still names the CSVs the snapshot was compiled from.
  std::string snapshot;
};

// The snapshot MasterSet::load uses in a revision directory when its fingerprint matches the
// directory's master files (docs/snapshot.md); `santei masters compile DIR` writes it.
inline constexpr const char* kMasterSnapshotName = ".santei-snapshot";

// The masters of one fee revision (r04, r06 …). Immutable once loaded.
class SANTEI_API MasterSet {
 public:
  // Loads a revision directory. Throws santei::Exception naming the file, line, column and field
  // for any row it cannot trust (wrong column count, bad date, byte that is not CP932, duplicate
  // code in a full file, update for an unknown code, no 医科診療行為マスター). A directory without
  // one of the other masters loads as a partial set: stats().missing names what it lacks.
  //
  // Snapshots (docs/snapshot.md): `path` may also be a snapshot file (santei masters compile),
  // recognised by its magic; it is read as it is, whatever the directory it names now holds, and
  // refused (Status::master_error or parse_error, naming the file and what is wrong) when its
  // format or santei version is another, it is truncated, or its checksum does not match. A
  // directory holding a kMasterSnapshotName whose fingerprint matches its master files is read
  // from that snapshot; a stale or damaged one is passed over with a note in stats().notes.
  static std::shared_ptr<const MasterSet> load(const std::filesystem::path& path);
  // The small hand-typed demo master compiled into santei (masters/demo/, real r06 values).
  static std::shared_ptr<const MasterSet> demo();

  ~MasterSet();
  MasterSet(const MasterSet&) = delete;
  MasterSet& operator=(const MasterSet&) = delete;

  const std::string& revision() const;  // "r06"
  DateRange period() const;             // the dates this revision prices
  const std::string& origin() const;    // the directory, or "<demo>"

  // The record in force on `on`, or nullptr.
  const ProcedureRecord* procedure(Code code, Date on) const;
  const DrugRecord* drug(Code code, Date on) const;
  const MaterialRecord* material(Code code, Date on) const;
  const CommentRecord* comment(Code code, Date on) const;
  const DiseaseRecord* disease(Code code, Date on) const;
  const ModifierRecord* modifier(Code code, Date on) const;

  // Every version of a code, oldest first (empty if unknown).
  std::span<const ProcedureRecord> procedure_versions(Code code) const;
  std::span<const DrugRecord> drug_versions(Code code) const;
  std::span<const MaterialRecord> material_versions(Code code) const;
  std::span<const CommentRecord> comment_versions(Code code) const;
  std::span<const DiseaseRecord> disease_versions(Code code) const;
  std::span<const ModifierRecord> modifier_versions(Code code) const;

  // All procedure records, sorted by code then date (for generators and cross-checks).
  std::span<const ProcedureRecord> all_procedures() const;
  std::span<const DrugRecord> all_drugs() const;
  std::span<const MaterialRecord> all_materials() const;

  // The relations the masters state (注加算, 年齢加算, 電子点数表 …).
  const RuleGraph& rules() const;
  const LoadStats& stats() const;

  // For santei's own stages (pricing, output); not part of the stable API.
  const detail::MasterData& data() const { return *data_; }

 private:
  explicit MasterSet(std::unique_ptr<detail::MasterData> data);
  friend struct detail::MasterData;
  std::unique_ptr<detail::MasterData> data_;
};

// Reads the CSVs of the revision directory `directory` (never its snapshot) and writes them, with a
// fingerprint of its master files (path, size, mtime, SHA-256), as the snapshot `file`
// (docs/snapshot.md); `file` is replaced whole or not at all. Returns the set it read. Throws like
// MasterSet::load, and Status::io_error when `file` cannot be written.
SANTEI_API std::shared_ptr<const MasterSet> compile_master_snapshot(const std::filesystem::path& directory,
                                                                    const std::filesystem::path& file);

// Several revisions side by side; a claim's service date selects one. Immutable once built.
class SANTEI_API MasterLibrary {
 public:
  MasterLibrary() = default;
  // A revision directory, a snapshot file, or a directory whose subdirectories are revision
  // directories (e.g. ../shared/masters holding r04/ and r06/). Throws like MasterSet::load.
  static MasterLibrary load(const std::filesystem::path& path);
  static MasterLibrary demo();

  // Adds a revision; throws Status::master_error if its period overlaps one already added.
  // Not thread-safe: build the library before sharing it.
  void add(std::shared_ptr<const MasterSet> set);

  // The revision in force on `on`, or nullptr.
  const MasterSet* for_date(Date on) const;
  // Like for_date but throws Status::not_found naming the loaded revisions.
  const MasterSet& require(Date on) const;
  const MasterSet* revision(std::string_view id) const;
  const std::vector<std::shared_ptr<const MasterSet>>& sets() const { return sets_; }
  bool empty() const { return sets_.empty(); }

 private:
  std::vector<std::shared_ptr<const MasterSet>> sets_;  // sorted by period
};

// A fee revision as defined in masters/revisions.xml.
struct RevisionInfo {
  std::string id;      // "r06"
  DateRange period;    // from its start to the day before the next revision
  std::string notice;  // the 告示 that made it
};

// Every revision santei knows, oldest first.
SANTEI_API const std::vector<RevisionInfo>& known_revisions();

// santei.revisions/1: what `library` holds, oldest revision first — each revision's id, dates and
// directory, whether it is partial and which masters it lacks, every file its load read (path, kind,
// layout, update or full, file date, rows, bytes) and its notes. `santei serve` answers GET /v1/revisions.
SANTEI_API std::string revisions_json(const MasterLibrary& library);

}  // namespace santei
