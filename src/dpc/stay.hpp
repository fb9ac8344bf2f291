// The 包括 part of a DPC stay's month: days by 入院期間 × per-day points × 医療機関別係数.
#pragma once

#include <optional>
#include <vector>

#include "santei/claim.hpp"
#include "santei/dpc.hpp"
#include "santei/pricing.hpp"

namespace santei::dpc {

// Prices admission.dpc of an inpatient `claim` for its month from `tables` (DPC 留意事項 保医発
// 0321第6号 第３ １(１), (６)③, (７)①). The table is the one in force on the month's first day in
// hospital or, with `revision_period` (PricingOptions::revision), on the nearest day of that
// period. Throws santei::Exception: claim_error naming the field for what a DPC month cannot be
// priced with (a date outside the month, admission.fees, a readmission after 7 days, a code
// without points), unknown_code for a code not in the table in force. Notes for the clerk go to
// `diagnostics`; the grouping's steps are kept only with `explain`.
// What a DPC month cannot be priced with: claim_error (or `status`) naming the claim's field.
[[noreturn]] void claim_fail(std::string field, std::string message, Status status = Status::claim_error);

PricedDpc price_month(const Claim& claim, const DpcTables& tables, std::optional<DateRange> revision_period,
                      std::vector<Diagnostic>& diagnostics, bool explain = true);

}  // namespace santei::dpc
