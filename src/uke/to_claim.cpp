#include "uke/to_claim.hpp"

#include <algorithm>
#include <array>

#include "uke/burden.hpp"

namespace santei::uke {

void add_visits(UkeReceipt& receipt) {
  Claim& claim = receipt.claim;
  const std::uint8_t all_payers = receipt_payers(receipt.insurer.has_value(), receipt.public_payers.size());
  std::array<Visit, 31> visits;  // by day of the month, in day order (a map's node a visit cost 3 % of a read)
  for (const UkeUnit& unit : receipt.units) {
    std::vector<ClaimItem> items;
    items.reserve(unit.items.size());
    for (const UkeItem& item : unit.items) items.push_back(ClaimItem{item.code, item.quantity, item.unit_price, item.text});
    const char burden = burden_payers(unit.burden) == all_payers ? '\0' : unit.burden;
    // A day's order is made when the next day of the unit is found, with a copy of the items; the
    // last day's takes them (most units are of one day).
    const auto add_order = [&](unsigned day, std::vector<ClaimItem> order_items) {
      const std::int32_t value = unit.days[day - 1];
      Order order;
      order.category = unit.category;
      if (unit.category == 21 || unit.category == 22) {  // 1剤1日分 × days, 1回分 × doses (F200)
        order.days = value;
      } else {
        order.count = value;
      }
      order.burden = burden;
      order.items = std::move(order_items);
      Visit& visit = visits[day - 1];
      // A day has at most one order a unit: room for them (up to 64) with its first, where growing
      // by doubling was a third of a read's allocations (callgrind, the bench's month).
      if (visit.orders.empty()) visit.orders.reserve(std::min<std::size_t>(receipt.units.size(), 64));
      visit.date = Date::from_ymd(claim.month.year, claim.month.month, day);
      visit.orders.push_back(std::move(order));
    };
    unsigned pending = 0;  // a day of the unit whose order is not made yet
    for (unsigned day = 1; day <= 31; ++day) {
      if (unit.days[day - 1] <= 0) continue;
      if (pending != 0) add_order(pending, items);
      pending = day;
    }
    if (pending != 0) add_order(pending, std::move(items));
  }
  claim.visits.clear();
  claim.visits.reserve(static_cast<std::size_t>(
      std::count_if(visits.begin(), visits.end(), [](const Visit& visit) { return !visit.orders.empty(); })));
  for (Visit& visit : visits) {
    if (!visit.orders.empty()) claim.visits.push_back(std::move(visit));
  }
}

}  // namespace santei::uke
