// santei/local_programmes.hpp — 地方単独医療費助成 (地単公費): local subsidies as data.
//
// Every prefecture (often every municipality) sets its own programmes, and no national table of
// them exists (../shared/docs/local-kouhi.md). A programme row says, for a 法別番号 and a prefix of
// the 公費負担者番号, what the patient is charged outpatient and inpatient (a rate, a fixed amount
// per visit or per day for at most N days, a monthly cap), for whom (ages, income) and when, with
// its source. santei ships the rows it can source (masters/rules/local_programmes.xml, compiled
// in); a user adds their municipality's with `--local-programmes FILE` (docs/local-programmes.md).
//
// A claim's 地方単独 公費 that states none of its parameters takes them from the best matching row;
// with no row, its share is reported as "needs parameters for 法別 NN (公費負担者番号 …)" and
// everything else — points, the insurer's share, every national 公費 — is computed all the same.
// Immutable after load: share one LocalProgrammes between threads.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "santei/claim.hpp"
#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei {

// What the patient is charged in one setting (outpatient or inpatient). Exactly one of rate,
// per_visit and per_day; rate "0" when the programme leaves nothing to pay.
struct LocalCharge {
  std::optional<Decimal> rate;            // share of the cost, never above the insurance rate
  std::optional<Yen> per_visit;           // a fixed amount per visit (or the share, when less)
  std::optional<Yen> per_day;             // a fixed amount per day
  std::optional<std::int32_t> max_days;   // days a month the per-visit/per-day amount is charged
  std::optional<Yen> monthly_cap;         // the month's cap on the patient's charge
  std::int32_t min_age = 0;               // completed years on the first day of the month
  std::int32_t max_age = 200;             // inclusive
};

struct LocalProgramme {
  std::string id;                   // unique over all rows, e.g. "tokyo-maruko-charge"
  std::string prefecture;           // 都道府県番号 (01–47), digits 3–4 of the 公費負担者番号
  std::string law;                  // 法別番号; empty in a template row (Osaka: the user supplies it)
  std::vector<std::string> numbers; // prefixes of the 公費負担者番号 (law first); empty: any
  std::string name;
  std::string income;               // "taxed" (住民税課税), "exempt" (非課税), or empty (any)
  DateRange period;                 // from … to (open end when `to` is absent)
  std::optional<LocalCharge> outpatient;  // absent: not covered outpatient
  std::optional<LocalCharge> inpatient;   // absent: not covered inpatient
  std::string meals;                // who pays the 食事 標準負担額: patient, half, covered
  std::string source;               // the page or notice the row is taken from
  std::string file;                 // where the row was read, for messages
  std::int64_t line = 0;
};

class LocalProgrammes {
 public:
  // The rows shipped with santei (masters/rules/local_programmes.xml).
  SANTEI_API static std::shared_ptr<const LocalProgrammes> shipped();
  // The shipped rows and, before them (they win a tie), those of `xml`; `file` names it in
  // errors. A row with `base="id"` takes every charge, age, income and meal attribute it does not
  // give from the row `id` (shipped or earlier in the file). Throws santei::Exception (rule_error
  // naming the file, line and attribute; encoding_error; limit_exceeded) for a malformed file and
  // for anything it does not define.
  SANTEI_API static std::shared_ptr<const LocalProgrammes> parse(std::string_view xml, std::string file);
  // parse() on a file's bytes; io_error when it cannot be read.
  SANTEI_API static std::shared_ptr<const LocalProgrammes> load(const std::filesystem::path& path);

  const std::vector<LocalProgramme>& rows() const { return rows_; }

  // The row for a 公費 of `claim` (index into claim.public_expenses) in the claim's setting and
  // month, or the reason there is none ("needs parameters for 法別 81 (公費負担者番号 81136015):
  // …"), in `why`. A row matches on 法別番号, prefecture, number prefix (the longest wins, then the
  // user's rows), date, age and, when rows differ by it, PublicExpense::income.
  SANTEI_API const LocalProgramme* find(const Claim& claim, std::size_t public_expense, std::string& why) const;

 private:
  std::vector<LocalProgramme> rows_;
};

// The 公費 of `claim` with every 地方単独 one that states no parameters (法別番号 of kouhi.xml's
// <local> ranges) completed from `programmes` (nullptr: the shipped rows).
struct LocalFill {
  std::optional<std::vector<PublicExpense>> filled;  // claim.public_expenses completed; nullopt: none was
  std::vector<std::pair<std::size_t, std::string>> unmatched;  // (index, why no row fits): they keep no
                                                                // parameters, and compute_copay reports
                                                                // their share as needing them
};
SANTEI_API LocalFill fill_local_programmes(const Claim& claim, const LocalProgrammes* programmes);

}  // namespace santei
