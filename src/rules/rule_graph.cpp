// The rule graph: indexes over the relations the masters state, built once at the end of a load.
#include "santei/rules.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "masters/master_data.hpp"

namespace santei {

const char* to_string(ExclusionWindow window) {
  switch (window) {
    case ExclusionWindow::same_day: return "same_day";
    case ExclusionWindow::same_month: return "same_month";
    case ExclusionWindow::same_time: return "same_time";
    case ExclusionWindow::same_week: return "same_week";
  }
  return "unknown";
}

const char* japanese_name(ExclusionWindow window) {
  switch (window) {
    case ExclusionWindow::same_day: return "1日につき";
    case ExclusionWindow::same_month: return "同一月内";
    case ExclusionWindow::same_time: return "同時";
    case ExclusionWindow::same_week: return "1週間につき";
  }
  return "?";
}

namespace detail {
namespace {

using masters::CodeIndex;
using masters::CodeRange;

// std::stable_sort, skipped when the rows are in order already: a snapshot holds them as this graph
// left them, and moving records with strings through a merge sort was a twentieth of its load.
template <class Record, class Less>
void sort_stable(std::vector<Record>& rows, Less less) {
  if (!std::is_sorted(rows.begin(), rows.end(), less)) std::stable_sort(rows.begin(), rows.end(), less);
}

// Sorts `rows` by `key` and indexes each key's run.
template <class Record, class Key>
CodeIndex index_by(std::vector<Record>& rows, Key key) {
  sort_stable(rows, [&](const Record& a, const Record& b) { return key(a) < key(b); });
  std::vector<std::pair<Code, CodeRange>> ranges;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j < rows.size() && key(rows[j]) == key(rows[i])) ++j;
    ranges.emplace_back(key(rows[i]), CodeRange{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i)});
    i = j;
  }
  return CodeIndex(ranges);
}

template <class Record>
std::span<const Record> slice(const std::vector<Record>& rows, CodeRange range) {
  return std::span<const Record>(rows.data() + range.begin, range.count);
}

class RuleGraphImpl final : public RuleGraph {
 public:
  explicit RuleGraphImpl(MasterData& data) : data_(data) {
    // 注加算 groups, 年齢加算 bases and 包括対象検査 groups over every version of every code.
    for (const ProcedureRecord& r : data.procedures.all()) {
      if (r.addition_group != 0) add_unique(addition_groups_[r.addition_group], r.code);
      if (r.lab_bundle_group != 0) add_unique(lab_bundles_[r.lab_bundle_group], r.code);
      if (r.price_response_kind == '1' && r.price_response_group != 0) {
        add_unique(price_responses_[r.price_response_group], r.code);
      }
      if (r.section_letter != ' ' && r.section_letter != '-' && r.section_letter != '*') {
        add_unique(sections_[section_key(r.section_letter, r.section_number, r.branch)], r.code);
      }
      for (const AgeAddition& age : r.age_additions) {
        if (age.code != 0) add_unique(age_bases_[age.code], r.code);
      }
    }
    // Base items (通番 0) first, then additions by serial.
    for (auto& [group, codes] : addition_groups_) {
      std::stable_sort(codes.begin(), codes.end(), [&](Code a, Code b) { return serial(a) < serial(b); });
    }
    for (auto& [group, codes] : price_responses_) std::sort(codes.begin(), codes.end());
    for (auto& [section, codes] : sections_) {  // 告示等識別区分（２） 7 = 加算項目
      std::stable_sort(codes.begin(), codes.end(), [&](Code a, Code b) { return is_addition(a) < is_addition(b); });
    }
    // A time addition is looked for among these, not among every code of the base's group (units.cpp);
    // kept in the lists' order, which decides between candidates of the same publication order.
    const auto time_additions = [&](const auto& lists, auto& out) {
      for (const auto& [key, codes] : lists) {
        std::vector<Code> found;
        std::copy_if(codes.begin(), codes.end(), std::back_inserter(found), [&](Code c) { return has_time_addition(c); });
        if (!found.empty()) out.emplace(key, std::move(found));
      }
    };
    time_additions(addition_groups_, group_time_additions_);
    time_additions(sections_, section_time_additions_);
    for (std::size_t w = 0; w < data.exclusions.size(); ++w) {
      // By ② within ①, so a claim's codes can be matched against them in one merge.
      sort_stable(data.exclusions[w], [](const ExclusionRecord& a, const ExclusionRecord& b) {
        return std::tie(a.code1, a.code2) < std::tie(b.code1, b.code2);
      });
      exclusion_index_[w] = index_by(data.exclusions[w], [](const ExclusionRecord& r) { return r.code1; });
    }
    count_index_ = index_by(data.count_limits, [](const CountLimitRecord& r) { return r.code; });
    comment_index_ = index_by(data.comment_links, [](const CommentLinkRecord& r) { return r.procedure; });
    inpatient_index_ = index_by(data.inpatient_additions,
                                [](const InpatientAdditionRecord& r) { return static_cast<Code>(r.group); });
    sort_stable(data.bundle_members,
                [](const BundleMemberRecord& a, const BundleMemberRecord& b) { return a.group < b.group; });
    // Summarise the edges on each record so pricing skips codes that have none.
    for (ProcedureRecord& r : data.procedures.all_mutable()) {
      for (std::size_t w = 0; w < data.exclusions.size(); ++w) {
        if (exclusion_index_[w].find(r.code).count != 0) r.rule_flags |= static_cast<std::uint8_t>(1u << w);
      }
      if (count_index_.find(r.code).count != 0) r.rule_flags |= ProcedureRecord::kHasCountLimits;
      const bool needs_standard =
          std::any_of(r.facility_standards.begin(), r.facility_standards.end(), [](std::int32_t s) { return s != 0; });
      if (needs_standard) r.rule_flags |= ProcedureRecord::kNeedsFacilityStandard;
      // Any value in a column check_eligibility reads; those left at 0 or 00 limit nothing.
      if (needs_standard || r.setting != 0 || r.elderly != 0 || r.facility_kind != 0 || r.bed_class != 0 ||
          !r.min_age.is_none() || !r.max_age.is_none()) {
        r.rule_flags |= ProcedureRecord::kLimitsEligibility;
      }
      if (std::any_of(r.age_additions.begin(), r.age_additions.end(), [](const AgeAddition& a) { return a.code != 0; })) {
        r.rule_flags |= ProcedureRecord::kHasAgeAdditions;
      }
    }
  }

  std::span<const Code> addition_group(std::int32_t group) const override { return find(addition_groups_, group); }
  std::span<const Code> age_addition_bases(Code addition) const override { return find(age_bases_, addition); }
  std::span<const Code> lab_bundle(std::int32_t group) const override { return find(lab_bundles_, group); }
  std::span<const Code> section_codes(char letter, std::int32_t section, std::int32_t branch) const override {
    return find(sections_, section_key(letter, section, branch));
  }
  std::span<const Code> group_time_additions(std::int32_t group) const override { return find(group_time_additions_, group); }
  std::span<const Code> section_time_additions(char letter, std::int32_t section, std::int32_t branch) const override {
    return find(section_time_additions_, section_key(letter, section, branch));
  }
  std::span<const Code> price_response_items(std::int32_t group) const override {
    return find(price_responses_, group);
  }

  const AuxiliaryRecord* auxiliary(Code code, Date on) const override { return data_.auxiliary.at(code, on); }

  std::span<const BundleMemberRecord> bundle_group(std::string_view group) const override {
    const auto& rows = data_.bundle_members;
    auto lo = std::lower_bound(rows.begin(), rows.end(), group,
                               [](const BundleMemberRecord& r, std::string_view g) { return r.group < g; });
    auto hi = std::upper_bound(lo, rows.end(), group,
                               [](std::string_view g, const BundleMemberRecord& r) { return g < r.group; });
    return std::span<const BundleMemberRecord>(rows.data() + (lo - rows.begin()), static_cast<std::size_t>(hi - lo));
  }

  std::span<const ExclusionRecord> exclusions(Code code, ExclusionWindow window) const override {
    const auto w = static_cast<std::size_t>(window);
    return slice(data_.exclusions[w], exclusion_index_[w].find(code));
  }

  std::span<const InpatientAdditionRecord> inpatient_group(std::int32_t group) const override {
    return slice(data_.inpatient_additions, inpatient_index_.find(static_cast<Code>(group)));
  }

  std::span<const CountLimitRecord> count_limits(Code code) const override {
    return slice(data_.count_limits, count_index_.find(code));
  }

  std::span<const CommentLinkRecord> comment_links(Code code) const override {
    return slice(data_.comment_links, comment_index_.find(code));
  }

  bool has_table(ElectronicTable table) const override { return data_.tables_present[static_cast<int>(table)]; }

 private:
  template <class Key>
  static std::span<const Code> find(const std::unordered_map<Key, std::vector<Code>>& map, Key key) {
    auto it = map.find(key);
    if (it == map.end()) return {};
    return it->second;
  }
  static std::int32_t section_key(char letter, std::int32_t section, std::int32_t branch) {
    return (static_cast<std::int32_t>(static_cast<unsigned char>(letter)) << 20) | (section << 8) | branch;
  }
  static void add_unique(std::vector<Code>& codes, Code code) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  bool is_addition(Code code) const {
    const auto versions = data_.procedures.versions(code);
    return !versions.empty() && versions.back().notice_kind_table == 7;
  }
  bool has_time_addition(Code code) const {
    const auto versions = data_.procedures.versions(code);
    return std::any_of(versions.begin(), versions.end(), [](const ProcedureRecord& r) { return r.time_addition != 0; });
  }
  char serial(Code code) const {
    const auto versions = data_.procedures.versions(code);
    return versions.empty() ? '0' : versions.back().addition_serial;
  }

  const MasterData& data_;
  std::unordered_map<std::int32_t, std::vector<Code>> addition_groups_;
  std::unordered_map<Code, std::vector<Code>> age_bases_;
  std::unordered_map<std::int32_t, std::vector<Code>> lab_bundles_;
  std::unordered_map<std::int32_t, std::vector<Code>> sections_;
  std::unordered_map<std::int32_t, std::vector<Code>> group_time_additions_;
  std::unordered_map<std::int32_t, std::vector<Code>> section_time_additions_;
  std::unordered_map<std::int32_t, std::vector<Code>> price_responses_;
  std::array<CodeIndex, 4> exclusion_index_;
  CodeIndex count_index_;
  CodeIndex comment_index_;
  CodeIndex inpatient_index_;
};

}  // namespace

std::unique_ptr<RuleGraph> build_rule_graph(MasterData& data) { return std::make_unique<RuleGraphImpl>(data); }

}  // namespace detail
}  // namespace santei
