// Building claims for pricing tests: a compact description of visits becomes santei.claim/1 JSON,
// priced on the real masters of ../shared/masters.
#pragma once

#include <string>
#include <string_view>

#include "santei/pricing.hpp"
#include "support.hpp"

namespace santei::test {

struct ClaimSpec {
  std::string month = "2024-06";
  std::string birth_date = "1980-01-01";
  std::string facility = R"({"kind":"clinic","beds":0,"standards":[]})";
  std::string insurance = R"({"kind":"employee"})";
  std::string setting = "outpatient";
  std::string extra;  // more top-level members, each followed by a comma
  std::string visits; // the visits array
};

inline std::string claim_json(const ClaimSpec& spec) {
  return R"({"format":"santei.claim/1","month":")" + spec.month + R"(","setting":")" + spec.setting +
         R"(","facility":)" + spec.facility + R"(,"patient":{"birth_date":")" + spec.birth_date +
         R"("},"insurance":)" + spec.insurance + "," + spec.extra + R"("visits":)" + spec.visits + "}";
}

inline PricedClaim price_spec(const ClaimSpec& spec, PricingOptions options = {}) {
  options.copay = false;
  return price(parse_claim(claim_json(spec)), real_library(), options);
}

// One visit on `date` with the given orders (a JSON array body) at `time`.
inline std::string visit(const std::string& date, const std::string& orders, const std::string& time = "regular") {
  return R"({"date":")" + date + R"(","time":")" + time + R"(","orders":[)" + orders + "]}";
}

// A claim of the visit's month with one visit on `date` (the other members as ClaimSpec's defaults).
inline ClaimSpec one_visit(const std::string& date, const std::string& orders, const std::string& time = "regular") {
  ClaimSpec spec;
  spec.month = date.substr(0, 7);
  spec.visits = "[" + visit(date, orders, time) + "]";
  return spec;
}

// An order of one category with codes (and optional quantities "code:qty").
inline std::string order(const std::string& category, std::initializer_list<std::string> items,
                         const std::string& more = "") {
  std::string out = R"({"category":")" + category + "\"," + more + R"("items":[)";
  bool first = true;
  for (const std::string& item : items) {
    if (!first) out += ",";
    first = false;
    const auto colon = item.find(':');
    if (colon == std::string::npos) {
      out += R"({"code":")" + item + "\"}";
    } else {
      out += R"({"code":")" + item.substr(0, colon) + R"(","quantity":")" + item.substr(colon + 1) + "\"}";
    }
  }
  return out + "]}";
}

// The points of the first line holding `code` (−1 when none does).
inline std::int64_t points_of_line_with(const PricedClaim& priced, Code code) {
  for (const PricedLine& line : priced.lines) {
    for (const LineItem& item : line.items) {
      if (item.code == code) return line.points.value;
    }
  }
  return -1;
}

inline bool has_code(const PricedClaim& priced, Code code) { return points_of_line_with(priced, code) != -1; }

// The first diagnostic whose rule starts with `rule_prefix` ("背反/同時", "算定漏れ/"), or nullptr.
inline const Diagnostic* find_diagnostic(const PricedClaim& priced, std::string_view rule_prefix) {
  for (const Diagnostic& d : priced.diagnostics) {
    if (d.rule.starts_with(rule_prefix)) return &d;
  }
  return nullptr;
}

inline bool has_diagnostic(const PricedClaim& priced, std::string_view rule_prefix) {
  return find_diagnostic(priced, rule_prefix) != nullptr;
}

}  // namespace santei::test
