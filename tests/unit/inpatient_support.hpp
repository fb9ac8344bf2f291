// Building inpatient claims for the inpatient tests: santei.claim/1 JSON with an `admission`
// that names the 入院料, additions, 外泊 and meals (docs/claim-inpatient.md), priced on the real
// masters of ../shared/masters.
#pragma once

#include <string>
#include <vector>

#include "pricing_support.hpp"

namespace santei::test {

struct InpatientSpec {
  std::string month = "2024-06";
  std::string birth_date = "1980-01-01";
  // A 300-bed hospital that notified 急性期一般入院料１ (3525) and 入院時食事療養（Ⅰ） (642).
  std::string facility = R"({"kind":"hospital","beds":300,"standards":[3525,642]})";
  std::string insurance = R"({"kind":"employee"})";
  std::string public_expenses;  // a JSON array, or empty
  std::string admission;        // the admission object
  std::string visits = "[]";
};

inline std::string inpatient_json(const InpatientSpec& spec) {
  std::string json = R"({"format":"santei.claim/1","month":")" + spec.month +
                     R"(","setting":"inpatient","facility":)" + spec.facility + R"(,"patient":{"birth_date":")" +
                     spec.birth_date + R"("},"insurance":)" + spec.insurance + ",";
  if (!spec.public_expenses.empty()) json += R"("public_expenses":)" + spec.public_expenses + ",";
  return json + R"("admission":)" + spec.admission + R"(,"visits":)" + spec.visits + "}";
}

inline PricedClaim price_inpatient(const InpatientSpec& spec, bool copay = false) {
  PricingOptions options;
  options.copay = copay;
  return price(parse_claim(inpatient_json(spec)), real_library(), options);
}

// Meals served on every day from..to: "breakfast","lunch","dinner" as a JSON array body.
inline std::string meal_days(const std::string& from, const std::string& to, const std::string& served,
                             const std::string& special = "") {
  std::string out = R"({"from":")" + from + R"(","to":")" + to + R"(","served":[)" + served + "]";
  if (!special.empty()) out += R"(,"special":[)" + special + "]";
  return out + "}";
}
inline const std::string kThreeMeals = R"("breakfast","lunch","dinner")";

// The lines whose first item is `code`.
inline std::vector<const PricedLine*> lines_of(const PricedClaim& priced, Code code) {
  std::vector<const PricedLine*> out;
  for (const PricedLine& line : priced.lines) {
    if (!line.items.empty() && line.items.front().code == code) out.push_back(&line);
  }
  return out;
}

// Whether any line holds `code`.
inline bool billed(const PricedClaim& priced, Code code) {
  for (const PricedLine& line : priced.lines) {
    for (const LineItem& item : line.items) {
      if (item.code == code) return true;
    }
  }
  return false;
}

// The day-of-month mask of days first..last (1-based, inclusive).
constexpr std::uint32_t days(unsigned first, unsigned last) {
  std::uint32_t mask = 0;
  for (unsigned d = first; d <= last; ++d) mask |= 1u << (d - 1);
  return mask;
}

// The codes of a line, in order.
inline std::vector<Code> codes_of(const PricedLine& line) {
  std::vector<Code> out;
  for (const LineItem& item : line.items) out.push_back(item.code);
  return out;
}

inline std::int64_t yen_total(const PricedClaim& priced, std::uint8_t category) {
  std::int64_t sum = 0;
  for (const PricedLine& line : priced.lines) {
    if (line.category == category) sum += line.yen.value * line.count;
  }
  return sum;
}

}  // namespace santei::test
