// Whether a procedure takes a stay out of DPC (13)出来高算定手術等コード).
#pragma once

#include <optional>
#include <vector>

#include "santei/claim.hpp"
#include "santei/dpc.hpp"
#include "santei/masters.hpp"
#include "santei/records.hpp"

namespace santei::dpc {

// The sheet-13 row of the table in force on `on` that names `procedure`, or nullptr. A 区分 00
// row (臓器の移植術, named by 区分番号 in 留意事項 第１ ２(３)) takes every code of its 区分番号
// ("K014-21" → K014-2); a 区分 01 row (五号告示) its own item ("K514-25": K514-2, 項番 5). A
// trailing ｲ/ﾛ the master's 項番 does not carry is ignored (K9221ｲ and K9221ﾛ are both K922 1).
const DpcOutsideProcedure* outside_procedure(const DpcTables& tables, const ProcedureRecord& procedure, Date on);

// Throws a claim_error naming the item when a visit of a DPC month lists such a procedure (billable
// or not): the patient is billed 出来高, not by DPC. Records and tables are read on each visit's
// date, or with `revision_period` (PricingOptions::revision) on the nearest day of it.
void refuse_outside_procedures(const Claim& claim, const MasterSet& set, const DpcTables& tables,
                               std::optional<DateRange> revision_period);

}  // namespace santei::dpc
