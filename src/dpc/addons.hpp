// The DPC add-ons for 特定入院料 (告示96 別表 ４–６, masters/dpc/addons.xml): points per day by band,
// one table per kind of hospital, added to the 所定点数 (not × 医療機関別係数).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "santei/claim.hpp"
#include "santei/dpc.hpp"
#include "santei/period.hpp"

namespace santei::dpc {

struct AddonBand {
  std::int32_t from = 1;    // days of the 特定入院料, from its first day
  std::int32_t to = 0;      // 0: no end
  std::int32_t points = 0;
};

struct AddonFee {
  std::string name;         // as the 告示 names it
  std::vector<AddonBand> bands;
  std::int64_t line = 0;    // in dpc/addons.xml
};

// A 注 of a 特定入院料 (the same in 別表 ４, ５ and ６): what it adds and on which days.
enum class NoteCount : std::uint8_t {
  day,        // each day of the unit billed 包括, by its bands
  first_day,  // the unit's first day (入院初日に限り)
  once,       // once, on the date the claim states (入院中１回, 最初の診療時)
  discharge,  // on the day of the discharge (退院時)
};

struct AddonNote {
  std::string name;                 // as the 告示 names the 加算 (注３, 注８ where it gives none)
  std::vector<std::string> fees;    // the 特定入院料 whose 注 it is
  NoteCount count = NoteCount::day;
  bool from_admission = false;      // day: days counted from the 入院日, not the unit's first day
  std::vector<AddonBand> bands;     // day: the points of each band of days
  std::int32_t points = 0;          // first_day, once, discharge
  std::string group;                // alternatives: one note of a group a day
  std::optional<std::int32_t> under_age;  // for a patient younger than this on the unit's first day
  std::string source;               // the 注 of the 告示
  std::int64_t line = 0;            // in dpc/addons.xml

  bool of_fee(std::string_view fee) const;
};

struct AddonTable {
  std::string hospital;     // 特定機能病院, 専門病院, その他の病院
  std::string item;         // the 別表's 項: 4, 5, 6
  std::vector<AddonFee> fees;

  const AddonFee* fee(std::string_view name) const;
};

struct Addons {
  Date from;                // in force from (the revision's first day)
  std::vector<AddonTable> tables;
  std::vector<AddonNote> notes;  // in the 告示's order

  const AddonTable* table(std::string_view hospital) const;
  // The 注 `name` of `fee`, or nullptr.
  const AddonNote* note(std::string_view name, std::string_view fee) const;
};

// The embedded tables, parsed once; a defect is a rule_error naming dpc/addons.xml and its line.
const Addons& addons();

// The 注 the u-th unit of the claim states (DpcUnit::additions), priced on the month's days billed 包括
// (`covered`: bit d for day d + 1), one Addon each (src/dpc/unit_notes.cpp). Throws claim_error naming
// admission.dpc.units[u].additions[k] for a 注 its fee does not have, an age the 注 excludes, two
// alternatives on one day, a once-billed 注 without its date.
std::vector<PricedDpc::Addon> price_notes(const Claim& claim, const DpcUnit& unit, std::size_t u, const AddonTable& table,
                                          std::uint32_t covered);

}  // namespace santei::dpc
