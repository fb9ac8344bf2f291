// UKE test helpers: hand-made records (UTF-8 lines → CP932 + CR LF) and claim comparison.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "core/cp932.hpp"
#include "santei/claim.hpp"
#include "santei/generate.hpp"
#include "santei/pricing.hpp"
#include "santei/uke.hpp"
#include "support.hpp"

namespace santei::test {

inline std::string uke_bytes(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    santei::cp932::encode_append(line, out);
    out += "\r\n";
  }
  return out;
}

// The records of written UKE bytes as UTF-8 lines; every record must end with CR LF and the
// bytes must decode as CP932 (REQUIREd).
inline std::vector<std::string> utf8_lines(const std::string& cp932_bytes) {
  std::string text;
  REQUIRE(santei::cp932::decode_append(cp932_bytes, text) == santei::cp932::npos);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// A record with `n` fields: the given leading fields, then blanks.
inline std::string uke_record(std::initializer_list<std::string> leading, int n) {
  std::string out;
  int i = 0;
  for (const std::string& field : leading) {
    if (i++ > 0) out += ',';
    out += field;
  }
  for (; i < n; ++i) out += ',';
  return out;
}

// The orders of a visit in a canonical order (by 診療識別, then items), since a UKE file orders
// its units by 診療識別 and merges equal units across dates.
inline std::string order_key(const Order& o) {
  std::string key = fmt::format("{:02}|{}|{}|{}|", o.category, o.burden == '\0' ? ' ' : o.burden, o.days, o.count);
  for (const ClaimItem& i : o.items) {
    key += fmt::format("{}:{}:{}:{};", i.code, i.quantity ? i.quantity->to_string() : "", i.unit_price ? i.unit_price->to_string() : "",
                       i.text);
  }
  return key;
}

// The first difference between two claims in what a UKE file carries (everything but the id,
// visit times, facility standards and the copay parameters of insurance and 公費), or "".
inline std::string uke_difference(const Claim& a, const Claim& b) {
  if (a.month != b.month) return "month " + a.month.iso() + " vs " + b.month.iso();
  if (a.setting != b.setting) return "setting";
  if (a.facility.kind != b.facility.kind || a.facility.beds != b.facility.beds) return "facility";
  if (a.patient.birth_date != b.patient.birth_date || a.patient.sex != b.patient.sex) return "patient";
  if (a.insurance.kind != b.insurance.kind) return "insurance.kind";
  if (a.insurance.income_bracket != b.insurance.income_bracket) return "insurance.income_bracket";
  if (a.public_expenses.size() != b.public_expenses.size()) return "public_expenses count";
  for (std::size_t i = 0; i < a.public_expenses.size(); ++i) {
    if (a.public_expenses[i].law != b.public_expenses[i].law) return fmt::format("public_expenses[{}].law", i);
  }
  if (a.visits.size() != b.visits.size()) return fmt::format("{} visits vs {}", a.visits.size(), b.visits.size());
  for (std::size_t v = 0; v < a.visits.size(); ++v) {
    if (a.visits[v].date != b.visits[v].date) return "visit date " + a.visits[v].date.iso() + " vs " + b.visits[v].date.iso();
    std::vector<std::string> ka, kb;
    for (const Order& o : a.visits[v].orders) ka.push_back(order_key(o));
    for (const Order& o : b.visits[v].orders) kb.push_back(order_key(o));
    std::sort(ka.begin(), ka.end());
    std::sort(kb.begin(), kb.end());
    if (ka != kb) {
      std::string text = "orders on " + a.visits[v].date.iso() + ":";
      for (const auto& k : ka) text += "\n  a " + k;
      for (const auto& k : kb) text += "\n  b " + k;
      return text;
    }
  }
  return "";
}

// The claim a priced claim stands for: one order per line (内服, 屯服: days = the line's count).
inline Claim claim_of(Claim claim, const PricedClaim& priced) {
  claim.visits.clear();
  for (const PricedLine& l : priced.lines) {
    if (l.count == 0) continue;  // not billed: the writer leaves it out
    auto it = std::find_if(claim.visits.begin(), claim.visits.end(), [&](const Visit& v) { return v.date == l.date; });
    if (it == claim.visits.end()) {
      claim.visits.push_back(Visit{l.date, VisitTime::regular, {}});
      it = claim.visits.end() - 1;
    }
    Order o;
    o.category = l.category;
    (l.category == 21 || l.category == 22 ? o.days : o.count) = l.count;
    o.burden = l.burden;
    for (const LineItem& i : l.items) o.items.push_back(ClaimItem{i.code, i.quantity, i.unit_price, i.text});
    it->orders.push_back(std::move(o));
  }
  std::sort(claim.visits.begin(), claim.visits.end(), [](const Visit& a, const Visit& b) { return a.date < b.date; });
  return claim;
}

// A UKE file of `count` claims that `santei generate` makes for 2024-07 with `seed`, priced by
// santei under r06, written to the temporary directory as `name` and the process id; receipt `broken` (1-based) gets
// the 診療年月 202413, so it is skipped with one error. The caller removes the file.
inline std::filesystem::path generated_uke_file(const std::string& name, std::uint64_t seed, std::size_t count,
                                                std::size_t broken) {
  GenerateOptions generate;
  generate.month = *YearMonth::parse("2024-07");
  generate.seed = seed;
  const ClaimGenerator generator(real_library(), generate);
  PricingOptions options;
  options.revision = "r06";
  options.explain = false;
  std::vector<Claim> claims;
  std::vector<PricedClaim> priced;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    generator.append_json(i, text);
    claims.push_back(parse_claim(text));
    priced.push_back(price(claims.back(), real_library(), options));
  }
  std::vector<UkeReceiptInput> inputs;
  for (std::size_t i = 0; i < count; ++i) inputs.push_back({&claims[i], &priced[i], nullptr});
  UkeFacility facility;
  facility.billing_month = *YearMonth::parse("2024-08");
  std::string bytes = write_uke(facility, inputs);
  const std::size_t re = bytes.find(fmt::format("\r\nRE,{},", broken));
  REQUIRE(re != std::string::npos);
  const std::size_t month = bytes.find(",202407,", re);
  REQUIRE(month != std::string::npos);
  bytes.replace(month, 8, ",202413,");
  // The process's own: santei_tests and santei_thread_tests, run at once, wrote and removed one file.
  const std::filesystem::path path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace santei::test
