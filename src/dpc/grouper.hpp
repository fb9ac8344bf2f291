// The DPC grouper (DpcTables::group): a stay's 診断群分類 through one workbook's 定義テーブル.
#pragma once

#include "dpc/definition.hpp"
#include "santei/dpc.hpp"

namespace santei::dpc {

DpcGrouping group(const Definitions& definitions, const DpcGroupingInput& input, Date on, bool explain = true);

}  // namespace santei::dpc
