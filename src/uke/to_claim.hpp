// The visits of a read receipt: the day columns of its units become dates (fee-rules.md §1.4).
#pragma once

#include "santei/uke.hpp"

namespace santei::uke {

// Fills receipt.claim.visits: one visit per day with a count, one order per unit and day, in
// unit order. 内服 (21) and 屯服 (22): the day's value is Order::days (days supplied, doses),
// count 1, as the engine prices 1剤1日分 / 1回分 × days (F200); any other category: the times
// that day (Order::count). A unit borne by every payer of the receipt gets
// Order::burden '\0', any other its 負担区分.
void add_visits(UkeReceipt& receipt);

}  // namespace santei::uke
