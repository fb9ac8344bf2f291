#include <algorithm>

#include <fmt/format.h>

#include "masters/master_data.hpp"

namespace santei {

MasterSet::MasterSet(std::unique_ptr<detail::MasterData> data) : data_(std::move(data)) {}
MasterSet::~MasterSet() = default;

std::shared_ptr<const MasterSet> detail::MasterData::finish(std::unique_ptr<MasterData> data) {
  // The loader freezes each kind in its own job; the demo master arrives unfrozen.
  data->procedures.freeze();
  data->drugs.freeze();
  data->materials.freeze();
  data->comments.freeze();
  data->diseases.freeze();
  data->modifiers.freeze();
  data->auxiliary.freeze();
  data->rules = build_rule_graph(*data);
  data->stats.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                              data->load_started);
  return std::shared_ptr<const MasterSet>(new MasterSet(std::move(data)));
}

const std::string& MasterSet::revision() const { return data_->revision; }
DateRange MasterSet::period() const { return data_->period; }
const std::string& MasterSet::origin() const { return data_->origin; }

const ProcedureRecord* MasterSet::procedure(Code code, Date on) const { return data_->procedures.at(code, on); }
const DrugRecord* MasterSet::drug(Code code, Date on) const { return data_->drugs.at(code, on); }
const MaterialRecord* MasterSet::material(Code code, Date on) const { return data_->materials.at(code, on); }
const CommentRecord* MasterSet::comment(Code code, Date on) const { return data_->comments.at(code, on); }
const DiseaseRecord* MasterSet::disease(Code code, Date on) const { return data_->diseases.at(code, on); }
const ModifierRecord* MasterSet::modifier(Code code, Date on) const { return data_->modifiers.at(code, on); }

std::span<const ProcedureRecord> MasterSet::procedure_versions(Code code) const {
  return data_->procedures.versions(code);
}
std::span<const DrugRecord> MasterSet::drug_versions(Code code) const { return data_->drugs.versions(code); }
std::span<const MaterialRecord> MasterSet::material_versions(Code code) const {
  return data_->materials.versions(code);
}
std::span<const CommentRecord> MasterSet::comment_versions(Code code) const { return data_->comments.versions(code); }
std::span<const DiseaseRecord> MasterSet::disease_versions(Code code) const { return data_->diseases.versions(code); }
std::span<const ModifierRecord> MasterSet::modifier_versions(Code code) const {
  return data_->modifiers.versions(code);
}

std::span<const ProcedureRecord> MasterSet::all_procedures() const { return data_->procedures.all(); }
std::span<const DrugRecord> MasterSet::all_drugs() const { return data_->drugs.all(); }
std::span<const MaterialRecord> MasterSet::all_materials() const { return data_->materials.all(); }

const RuleGraph& MasterSet::rules() const { return *data_->rules; }
const LoadStats& MasterSet::stats() const { return data_->stats; }

namespace {
bool is_revision_directory(const std::filesystem::path& path) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > 2 && name[0] == 's' && name[1] == '_') return true;
  }
  return false;
}
}  // namespace

MasterLibrary MasterLibrary::load(const std::filesystem::path& path) {
  MasterLibrary library;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {  // a snapshot (MasterSet::load refuses other files)
    library.add(MasterSet::load(path));
    return library;
  }
  if (!std::filesystem::is_directory(path, ec)) {
    throw Exception(ErrorInfo{Status::io_error, path.string(), 0, 0, {}, "not a directory of masters"});
  }
  if (is_revision_directory(path)) {
    library.add(MasterSet::load(path));
    return library;
  }
  std::vector<std::filesystem::path> children;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    // Hidden directories are not revisions (santei masters add stages its work in .santei-add-*).
    if (entry.path().filename().string().starts_with(".")) continue;
    if (entry.is_directory() && is_revision_directory(entry.path())) children.push_back(entry.path());
  }
  std::sort(children.begin(), children.end());
  if (children.empty()) {
    throw Exception(ErrorInfo{Status::master_error, path.string(), 0, 0, {},
                              "missing file: neither this directory nor its subdirectories hold a 医科診療行為マスター "
                              "(s_*.csv)"});
  }
  for (const auto& child : children) library.add(MasterSet::load(child));
  return library;
}

MasterLibrary MasterLibrary::demo() {
  MasterLibrary library;
  library.add(MasterSet::demo());
  return library;
}

void MasterLibrary::add(std::shared_ptr<const MasterSet> set) {
  for (const auto& existing : sets_) {
    if (existing->period().overlaps(set->period())) {
      throw Exception(ErrorInfo{Status::master_error, set->origin(), 0, 0, {},
                                fmt::format("revision {} overlaps {} already loaded from {}", set->revision(),
                                            existing->revision(), existing->origin())});
    }
  }
  sets_.push_back(std::move(set));
  std::sort(sets_.begin(), sets_.end(), [](const auto& a, const auto& b) { return a->period().from < b->period().from; });
}

const MasterSet* MasterLibrary::for_date(Date on) const {
  for (const auto& set : sets_) {
    if (set->period().contains(on)) return set.get();
  }
  return nullptr;
}

const MasterSet& MasterLibrary::require(Date on) const {
  if (const MasterSet* set = for_date(on)) return *set;
  std::string loaded;
  for (const auto& set : sets_) {
    loaded += fmt::format("{}{} ({} to {})", loaded.empty() ? "" : ", ", set->revision(), set->period().from.iso(),
                          set->period().to.is_open_end() ? std::string("open") : set->period().to.iso());
  }
  // Name the revision that would price the date, and how a user brings its masters.
  std::string missing = "no revision in masters/revisions.xml covers it";
  for (const RevisionInfo& info : known_revisions()) {
    if (info.period.contains(on)) {
      missing = fmt::format("it is priced by {} (from {}), whose masters are not loaded: add SSK's {} files with "
                            "`santei masters add --to DIR FILE.zip…` and load DIR with --masters",
                            info.id, info.period.from.iso(), info.id);
    }
  }
  throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "date",
                            fmt::format("no loaded master revision prices {}: {} (loaded: {})", on.iso(), missing,
                                        loaded.empty() ? "none" : loaded)});
}

const MasterSet* MasterLibrary::revision(std::string_view id) const {
  for (const auto& set : sets_) {
    if (set->revision() == id) return set.get();
  }
  return nullptr;
}

}  // namespace santei
