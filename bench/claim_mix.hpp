// A realistic outpatient mix for benchmarks: about 20 lines a receipt from real r06 codes
// (再診, 内服 and 外用, blood tests with the chemistry bundle, X-ray, a 処置 with its drug), varied by
// a seeded generator so that receipts differ the way a clinic's month does.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "santei/claim.hpp"

namespace santei::bench {

// The insurance of a patient born on 15 April, `age` years before 2024, seen in July 2024: 後期 from
// 75, a 70歳以上 区分 from 70 (copayment.md §1.2).
inline std::string insurance_for(int age) {
  if (age >= 75) return R"({"kind":"elderly","income_bracket":"一般"})";
  if (age >= 70) return R"({"kind":"employee","income_bracket":"一般"})";
  return R"({"kind":"employee","income_bracket":"ウ"})";
}

inline std::vector<Claim> outpatient_mix(std::size_t count, unsigned seed = 20240601) {
  std::mt19937 rng(seed);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* chemistry[] = {"160022510", "160022610", "160020410", "160020910", "160023410", "160167250",
                             "160019010", "160019210", "160000750", "160000950"};
  const char* oral[] = {"620098801", "620452801", "610443067", "610453022", "620002023", "621148901"};
  std::vector<Claim> claims;
  for (std::size_t i = 0; i < count; ++i) {
    const int day = 1 + pick(27);
    const int age = 1 + pick(85);
    std::string items;
    const auto add = [&](const std::string& order) { items += (items.empty() ? "" : ",") + order; };
    add(R"({"category":"12","items":[{"code":"112007410"}]})");
    add(R"({"category":"12","items":[{"code":"112011010"}]})");
    std::string drugs = R"({"category":"21","days":)" + std::to_string(7 + pick(22)) + R"(,"items":[)";
    const int n_drugs = 1 + pick(3);
    for (int d = 0; d < n_drugs; ++d) {
      drugs += std::string(d ? "," : "") + R"({"code":")" + oral[pick(6)] + R"(","quantity":")" +
               std::to_string(1 + pick(3)) + "\"}";
    }
    add(drugs + "]}");
    add(R"({"category":"23","items":[{"code":"620008965","quantity":"10"}]})");
    add(R"({"category":"24","items":[{"code":"120000710"}]})");
    add(R"({"category":"24","items":[{"code":"120001010"}]})");
    add(R"({"category":"25","items":[{"code":"120001210"}]})");
    add(R"({"category":"27","items":[{"code":"120001810"}]})");
    std::string chem = R"({"category":"60","items":[)";
    const int n_chem = 3 + pick(8);
    for (int c = 0; c < n_chem; ++c) chem += std::string(c ? "," : "") + R"({"code":")" + chemistry[c] + "\"}";
    add(chem + "]}");
    add(R"({"category":"60","items":[{"code":"160008010"},{"code":"160010010"}]})");
    add(R"({"category":"60","items":[{"code":"160061810"}]})");
    add(R"({"category":"60","items":[{"code":"160061910"}]})");
    add(R"({"category":"60","items":[{"code":"160095710"}]})");
    add(R"({"category":"60","items":[{"code":"160000310"}]})");
    if (pick(3) == 0) {
      add(R"({"category":"70","items":[{"code":"170000410","quantity":"2"}]})");
      add(R"({"category":"70","items":[{"code":"170027910","quantity":"2"}]})");
      add(R"({"category":"70","items":[{"code":"170000210"}]})");
    }
    if (pick(2) == 0) add(R"({"category":"40","items":[{"code":"140000610"},{"code":"620166710","quantity":"2"}]})");
    const std::string json =
        R"({"format":"santei.claim/1","id":")" + std::to_string(i) +
        R"(","month":"2024-07","setting":"outpatient","facility":{"kind":"clinic","beds":0},"patient":{"birth_date":")" +
        std::to_string(2024 - age) + R"(-04-15"},"insurance":)" + insurance_for(age) + R"(,"visits":[{"date":"2024-07-)" +
        (day < 10 ? "0" : "") + std::to_string(day) + R"(","orders":[)" + items + "]}]}";
    claims.push_back(parse_claim(json));
  }
  return claims;
}

}  // namespace santei::bench
