// The dated history of one master kind: every version of every code, built file by file in
// date order, then frozen into one sorted array with a hash index.
//
// Merge rules (SSK マスターファイル仕様説明書 変更区分; ../shared/masters/README.md §4.2):
//   base full file   — one record per code; a second row for a code is an error; 抹消 rows are dropped
//   3 新規 / 0 / 2   — a complete record: a new version from its 変更年月日
//   5 変更           — only the non-empty fields change; the result is a new version from its
//                      変更年月日 (the same date replaces that version)
//   9 廃止           — the version in force ends on the row's 廃止年月日
//   1 抹消           — the code is removed
//   later full file  — each row is a complete record: a newer 変更年月日 adds a version, the same
//                      date replaces it, an older one is already known and is skipped
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "masters/code_index.hpp"
#include "santei/records.hpp"

namespace santei::masters {

// The versions of one code: its records, oldest first, and beside them their validity periods,
// which sit in a dense array of their own so that finding the version in force reads 8 bytes a
// version rather than a cold line of a 500-byte record (issue 17, perf: the date test was
// UnitBuilder's most-missed load).
template <class Record>
struct Versions {
  std::span<const Record> records;
  std::span<const DateRange> periods;

  bool empty() const { return records.empty(); }
  // The version in force on `on`, or nullptr.
  const Record* at(Date on) const {
    for (std::size_t i = 0; i < periods.size(); ++i) {
      if (periods[i].contains(on)) return &records[i];
    }
    return nullptr;
  }
};

template <class Record>
class History {
 public:
  // Building (single-threaded, during load).
  std::unordered_map<Code, std::vector<Record>>& building() { return building_; }

  // Inserts `record` as a version of its code, replacing a version with the same 変更年月日.
  void put_version(Record record) {
    std::vector<Record>& versions = building_[record.code];
    auto it = std::find_if(versions.begin(), versions.end(),
                           [&](const Record& v) { return !(v.valid_from < record.valid_from); });
    if (it != versions.end() && it->valid_from == record.valid_from) {
      *it = std::move(record);
    } else {
      versions.insert(it, std::move(record));
    }
  }

  // The version in force on `on` (or the latest one starting on or before it) while building.
  Record* building_version_at(Code code, Date on) {
    auto found = building_.find(code);
    if (found == building_.end() || found->second.empty()) return nullptr;
    Record* best = nullptr;
    for (Record& v : found->second) {
      if (!(on < v.valid_from)) best = &v;
    }
    return best ? best : &found->second.front();
  }

  // Sorts, closes each version the day before the next one starts, and builds the index.
  // Freezing twice is a no-op.
  void freeze() {
    if (frozen_) return;
    frozen_ = true;
    std::vector<Code> codes;
    codes.reserve(building_.size());
    for (const auto& entry : building_) codes.push_back(entry.first);
    std::sort(codes.begin(), codes.end());
    records_.clear();
    std::vector<std::pair<Code, CodeRange>> ranges;
    ranges.reserve(codes.size());
    for (Code code : codes) {
      std::vector<Record>& versions = building_[code];
      if (versions.empty()) continue;
      const auto begin = static_cast<std::uint32_t>(records_.size());
      for (std::size_t i = 0; i < versions.size(); ++i) {
        if (i + 1 < versions.size()) {
          const Date next_start = versions[i + 1].valid_from.plus_days(-1);
          if (next_start < versions[i].valid_to) versions[i].valid_to = next_start;
        }
        records_.push_back(std::move(versions[i]));
      }
      ranges.emplace_back(code, CodeRange{begin, static_cast<std::uint32_t>(versions.size())});
    }
    building_.clear();
    publish(ranges);
  }

  // Adopts records another load froze (a snapshot, src/masters/snapshot.cpp) and builds the index.
  // They must be sorted by code, then by strictly rising 変更年月日; otherwise nothing is adopted
  // and the result is false.
  bool restore(std::vector<Record> records) {
    std::vector<std::pair<Code, CodeRange>> ranges;
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (i == 0 || records[i - 1].code != records[i].code) {
        if (i != 0 && records[i].code < records[i - 1].code) return false;
        ranges.emplace_back(records[i].code, CodeRange{static_cast<std::uint32_t>(i), 0});
      } else if (!(records[i - 1].valid_from < records[i].valid_from)) {
        return false;
      }
      ++ranges.back().second.count;
    }
    building_.clear();
    records_ = std::move(records);
    publish(ranges);
    frozen_ = true;
    return true;
  }

  // Frozen queries: thread-safe.
  Versions<Record> dated(Code code) const {
    const CodeRange range = index_.find(code);
    return {std::span<const Record>(records_.data() + range.begin, range.count),
            std::span<const DateRange>(periods_.data() + range.begin, range.count)};
  }
  std::span<const Record> versions(Code code) const { return dated(code).records; }
  const Record* at(Code code, Date on) const { return dated(code).at(on); }

  std::span<const Record> all() const { return records_; }
  // For the freeze step that derives fields (the rule graph); never after the set is published,
  // and never a validity period (periods_ holds a copy).
  std::span<Record> all_mutable() { return records_; }
  std::size_t code_count() const { return codes_; }

 private:
  // Indexes the frozen records and copies out their periods.
  void publish(const std::vector<std::pair<Code, CodeRange>>& ranges) {
    periods_.clear();
    periods_.reserve(records_.size());
    for (const Record& record : records_) periods_.push_back(DateRange{record.valid_from, record.valid_to});
    index_ = CodeIndex(ranges);
    codes_ = ranges.size();
  }

  std::unordered_map<Code, std::vector<Record>> building_;
  std::vector<Record> records_;
  std::vector<DateRange> periods_;  // records_[i]'s validity, for lookups by date
  CodeIndex index_;
  std::size_t codes_ = 0;
  bool frozen_ = false;
};

}  // namespace santei::masters
