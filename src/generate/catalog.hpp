// The generator's catalog: the codes a clinic's month is made of, checked against the masters.
//
// Procedures are a hand-picked list (codes.hpp) with the 告示 区分 of each; drugs are drawn from
// the y master itself (real names and prices) by form, unit and price; every code must be in force
// on each day of the month in the month's revision and priceable by every target revision.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "santei/generate.hpp"

namespace santei::detail {

struct GeneratorCatalog {
  GenerateOptions options;
  GeneratorCatalogInfo info;
  std::vector<Date> days;  // the days of the month

  std::vector<Code> procedures;          // usable 診療行為, sorted
  std::vector<Code> blocks_management;   // usable codes with s col 56 外来管理加算区分 = 1, sorted
  std::vector<Code> materials;           // usable 特定器材, sorted

  std::vector<Code> oral_tablets;        // 内服 錠・カプセル
  std::vector<Code> oral_powders;        // 内服 散・顆粒・ドライシロップ in g (children)
  std::vector<Code> ointments;           // 外用 軟膏・クリーム in g
  std::vector<Code> patches;             // 外用 テープ・パップ in 枚
  std::vector<Code> injections;          // 注射 in 管・瓶・筒

  bool has(Code code) const { return std::binary_search(procedures.begin(), procedures.end(), code); }
  bool has_material(Code code) const { return std::binary_search(materials.begin(), materials.end(), code); }
  bool blocks(Code code) const { return std::binary_search(blocks_management.begin(), blocks_management.end(), code); }
};

// Builds and checks the catalog (throws as ClaimGenerator's constructor documents).
GeneratorCatalog build_catalog(const MasterLibrary& masters, const GenerateOptions& options);

}  // namespace santei::detail
