// The visits of a read receipt: the day columns of its units become dates (fee-rules.md §1.4).
#pragma once

#include "santei/uke.hpp"

namespace santei::uke {

// Fills receipt.claim.visits: one visit per day with a count, one order per unit and day, in
// unit order. 内服 (21): the day's value is the days supplied (Order::days, count 1); any other
// category: the times that day (Order::count). A unit borne by every payer of the receipt gets
// Order::burden '\0', any other its 負担区分.
void add_visits(UkeReceipt& receipt);

}  // namespace santei::uke
