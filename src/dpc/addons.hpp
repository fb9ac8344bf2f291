// The DPC add-ons for 特定入院料 (告示96 別表 ４–６, masters/dpc/addons.xml): points per day by band,
// one table per kind of hospital, added to the 所定点数 (not × 医療機関別係数).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

struct AddonTable {
  std::string hospital;     // 特定機能病院, 専門病院, その他の病院
  std::string item;         // the 別表's 項: 4, 5, 6
  std::vector<AddonFee> fees;

  const AddonFee* fee(std::string_view name) const;
};

struct Addons {
  Date from;                // in force from (the revision's first day)
  std::vector<AddonTable> tables;

  const AddonTable* table(std::string_view hospital) const;
};

// The embedded tables, parsed once; a defect is a rule_error naming dpc/addons.xml and its line.
const Addons& addons();

}  // namespace santei::dpc
