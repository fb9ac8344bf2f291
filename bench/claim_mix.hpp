// A realistic outpatient mix for benchmarks: about 20 lines a receipt from real r06 codes
// (再診, 内服 and 外用, blood tests with the chemistry bundle, X-ray, a 処置 with its drug), varied by
// a seeded generator so that receipts differ the way a clinic's month does.
#pragma once

#include <algorithm>
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

// A realistic inpatient mix (issue 8): a month's stay per receipt from real r06 codes — the daily
// 入院料 (急性期一般入院料１ or 地域一般入院料１, some stays starting in 救命救急入院料１) with its
// 入院期間加算 and listed 入院基本料等加算, a 外泊 now and then, weekly blood tests, 内服 each week, a
// few days of 点滴, and three meals a day (some 特別食). Admissions fall before or inside the month
// and some patients leave before its end, so receipts cross the 14- and 30-day bands differently.
inline std::vector<Claim> inpatient_mix(std::size_t count, unsigned seed = 20240701) {
  std::mt19937 rng(seed);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const auto date = [](int day) { return std::string("2024-07-") + (day < 10 ? "0" : "") + std::to_string(day); };
  const char* chemistry[] = {"160022510", "160022610", "160020410", "160020910", "160023410", "160167250",
                             "160019010", "160019210", "160000750", "160000950"};
  const char* oral[] = {"620098801", "620452801", "610443067", "610453022", "620002023", "621148901"};
  std::vector<Claim> claims;
  for (std::size_t i = 0; i < count; ++i) {
    const int age = 20 + pick(70);
    const bool before = pick(3) == 0;                     // admitted in June, still in hospital
    const int first = before ? 1 : 1 + pick(20);
    const int last = pick(3) == 0 ? std::min(31, first + 5 + pick(15)) : 31;
    const std::string admitted = before ? "2024-06-" + std::to_string(10 + pick(20)) : date(first);
    const bool emergency = !before && pick(5) == 0;
    const bool acute = pick(4) != 0;
    const char* general = acute ? "190117710" : "190200210";  // 急性期一般入院料１ or 地域一般入院料１
    std::string admission = R"({"admitted":")" + admitted + "\"";
    if (last < 31) admission += R"(,"discharged":")" + date(last) + "\"";
    if (emergency) {
      admission += R"(,"fees":[{"from":")" + date(first) + R"(","code":"190024510"},{"from":")" +
                   date(std::min(last, first + 3)) + R"(","code":")" + general + "\"}]";
    } else {
      admission += R"(,"fee":")" + std::string(general) + "\"";
    }
    // 25対1急性期看護補助体制加算 goes with 急性期一般入院料 only (04 入院基本料テーブル).
    admission += std::string(R"(,"additions":[)") + (acute ? R"("190145710",)" : "") + R"("190120510","190149210"])";
    if (last - first > 10 && pick(4) == 0) admission += R"(,"away_days":[")" + date(first + 7) + "\"]";
    const bool special = pick(3) == 0;
    admission += R"(,"meals":{"code":"197000110","days":[)";
    for (int d = first; d <= last; ++d) {
      if (d == first + 7 && admission.find("away_days") != std::string::npos) continue;
      admission += std::string(d == first ? "" : ",") + R"({"from":")" + date(d) + R"(","served":)" +
                   (d == first && !before ? R"(["lunch","dinner"])" : R"(["breakfast","lunch","dinner"])") +
                   (special ? R"(,"special":["lunch"])" : "") + "}";
    }
    admission += "]}}";
    std::string visits;
    const auto add_visit = [&](int day, const std::string& orders) {
      visits += (visits.empty() ? "" : ",") + (R"({"date":")" + date(day) + R"(","orders":[)" + orders + "]}");
    };
    for (int d = emergency ? first + 4 : first; d <= last; d += 7) {  // tests once a 救命救急 stay reaches the ward
      std::string orders = R"({"category":"60","items":[)";
      const int n_chem = 5 + pick(6);
      for (int c = 0; c < n_chem; ++c) orders += std::string(c ? "," : "") + R"({"code":")" + chemistry[c] + "\"}";
      orders += R"(]},{"category":"60","items":[{"code":"160008010"}]},{"category":"21","days":7,"items":[{"code":")" +
                std::string(oral[pick(6)]) + R"(","quantity":"2"}]})";
      if (d == first || (emergency && d == first + 4)) orders += R"(,{"category":"60","items":[{"code":"160061910"}]})";
      add_visit(d, orders);
    }
    for (int d = first + 1; d <= std::min(last, first + 3); ++d) {
      add_visit(d, R"({"category":"33","items":[{"code":"130003810"},{"code":"620000237","quantity":"1"}]})");
    }
    const std::string json =
        R"({"format":"santei.claim/1","id":")" + std::to_string(i) +
        R"(","month":"2024-07","setting":"inpatient","facility":{"kind":"hospital","beds":300,"standards":[3525,3531,777,3288,3291,3558,642]},"patient":{"birth_date":")" +
        std::to_string(2024 - age) + R"(-04-15"},"insurance":)" +
        (age >= 75   ? R"({"kind":"elderly","income_bracket":"一般"})"
         : age >= 70 ? R"({"kind":"national","income_bracket":"一般"})"
                     : R"({"kind":"employee","income_bracket":"ウ"})") +
        R"(,"admission":)" + admission + R"(,"visits":[)" + visits + "]}";
    claims.push_back(parse_claim(json));
  }
  return claims;
}

}  // namespace santei::bench
