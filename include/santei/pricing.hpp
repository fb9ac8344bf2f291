// santei/pricing.hpp — price a claim into points (santei.result/1) with an explanation per line.
//
// price() is a pure function of the claim and the immutable masters: call it from any number of
// threads at once on one shared MasterLibrary.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "santei/claim.hpp"
#include "santei/copay.hpp"
#include "santei/dpc.hpp"
#include "santei/masters.hpp"

namespace santei {

enum class Severity : std::uint8_t {
  error,    // the law forbids it; the line was dropped, capped or not billed (the message says which)
  warning,  // doubtful: a rule with 特例条件, a check the masters cannot settle
  info,     // a choice santei made that a clerk may want to see
};
SANTEI_API const char* to_string(Severity severity);

// A violated or doubtful rule: 背反, 算定回数, 包括, age, facility, unknown or expired code …
struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;         // e.g. "背反/同一月", "算定回数/月", "入外適用区分"
  std::vector<Code> codes;  // the codes involved
  std::string message;      // one sentence
  std::optional<Date> date;
  std::string field;        // the claim field, when one is at fault
};

enum class ItemKind : std::uint8_t { procedure, drug, material, comment };

// One code of a priced line, in UKE record order (base, additions, drugs, materials, comments).
struct LineItem {
  Code code = 0;
  ItemKind kind = ItemKind::procedure;
  std::optional<Decimal> quantity;
  std::optional<Decimal> unit_price;
  std::string text;
  bool automatic = false;  // added by santei (age or time addition), not listed in the claim
};

// One step of the explanation of a line. Rendered to text (with master names) only on output,
// so pricing stays fast; see output/explain.cpp for the wording of each kind.
enum class ExplainKind : std::uint8_t {
  points,             // code: value 点 (s col 11 = 3, col 12)
  addition,           // code: + value 点, a 注加算 of the line's base
  age_addition,       // code: + value 点 chosen from 年齢加算 (s cols 100–111) for the age `number`
  time_addition,      // code: + value 点 chosen from 時間加算区分 (s col 43) for visits[].time
  percent_addition,   // code: + value % of `base` = result (s col 11 = 5); number 1 = added automatically
  percent_reduction,  // code: − value % of `base` (s col 11 = 6)
  negative_points,    // code: − value 点 (s col 11 = 8)
  stepped,            // code: きざみ (s cols 30–35) at quantity `base` → result
  yen_amount,         // code: value 円 (s col 11 = 1, not points)
  drug_price,         // code: price value 円 × quantity base = result 円
  drug_points,        // the 剤's yen value → result 点 (F200/G100 or the 15円 rule of the procedure parts)
  material_price,     // code: price value 円 × quantity base = result 円
  material_points,    // yen value → result 点 (price ÷ 10 四捨五入, C300/J400/K950)
  oxygen,             // code: value 円/L × base L × 補正率 → result 円 (通知 J201)
  lab_bundle,         // 包括対象検査 group `number`: items `base` → result 点 (D006–D015)
  rounding,           // unit total value → result 点 (四捨五入)
  count,              // × number 回
  days,               // × number 日
  multi_drug,         // 多剤投与: value 点 × 90/100 → result (F200 注3)
  note,               // a fact recorded for the clerk (number = a Diagnostic-like code)
  inpatient_days,     // code: the 入院料 of `number` days, 入院期間 day base … result (起算日 = day 1)
  period_addition,    // code: + value 点, the 入院期間加算 of the day's band (masters/rules/inpatient_fees.xml)
  price_response,     // code: value 点, the 物価対応料 of 物価対応料グループ区分 `number` (s cols 132–133), added by santei
};

struct ExplainStep {
  ExplainKind kind = ExplainKind::note;
  Code code = 0;
  Decimal value;
  Decimal base;
  Decimal result;
  std::int32_t number = 0;
};

// One priced 剤/行為 on one date: `points` per time, `count` times.
struct PricedLine {
  Date date;
  std::uint8_t category = 0;  // 診療識別
  char burden = '\0';         // 負担区分 of the order ('\0' = every payer)
  std::vector<LineItem> items;
  Points points;
  std::int32_t count = 1;
  Yen yen;                    // yen-priced items (食事 etc., 点数識別 1), not points
  // Inpatient daily lines (入院料, 食事): the days of the service month the line covers, bit d−1
  // for day d; `date` is the first of them and `count` the times over all of them (one a day).
  // 0 for a line of `date` alone.
  std::uint32_t day_mask = 0;
  std::vector<ExplainStep> explain;

  Points total() const { return points * count; }
};

struct PricedClaim {
  std::string id;
  std::string extensions;                  // the claim's `extensions` (compact JSON), echoed unread
  std::string revision;
  Setting setting = Setting::outpatient;
  Points total;                            // 合計点数
  std::array<Points, 100> categories{};    // points per 診療識別
  std::int32_t visit_days = 0;             // 診療実日数
  std::vector<PricedLine> lines;
  std::vector<Diagnostic> diagnostics;
  std::optional<CopayResult> copay;
  std::optional<PricedDpc> dpc;            // admission.dpc: the month's 包括 points (in `total`, not in a 診療識別)
};

class LocalProgrammes;

struct PricingOptions {
  bool copay = true;    // compute the window charge and shares
  bool explain = true;  // keep explanation steps
  // Price under this revision ("r04") whatever the service month: for revision-vs-revision runs.
  // Master records and rule tables are then read on the nearest day of that revision's period;
  // ages and copayment rules still use the real dates. Empty: the month selects the revision.
  std::string revision;
  // Overrides Claim::mode for every claim priced with these options (the C ABI's and the CLI's
  // switch); empty: each claim's own mode.
  std::optional<ClaimMode> mode;
  // 地方単独 programme rows for 公費 that state no parameters (LocalProgrammes::load); nullptr: the
  // rows shipped with santei. A 公費 no row fits never stops the pricing (copay.hpp: `needs`).
  std::shared_ptr<const LocalProgrammes> local_programmes;
  // The DPC電子点数表 for claims with admission.dpc (DpcTables::load); nullptr: such a claim is a
  // claim_error naming admission.dpc.
  std::shared_ptr<const DpcTables> dpc;
};

// Prices a claim with the revision its service month selects. Throws santei::Exception for a
// claim that cannot be priced at all (no revision for the month, a visit outside the month, an
// unknown code, a code not in force on its date, a malformed quantity); rule violations that
// leave the rest priceable are Diagnostics.
SANTEI_API PricedClaim price(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options = {});

// The same, priced into `into`, which is overwritten and keeps its memory: its vectors, the
// lines' items and the diagnostics' texts are reused, so a loop that prices one claim after
// another into one PricedClaim allocates nothing per claim with explain and copay off, once the
// result has grown to the largest claim (issue 17; the pricing thread's scratch keeps the surplus
// of a larger claim for the next). When it throws, `into` holds a part of the claim: read nothing.
SANTEI_API void price(const Claim& claim, const MasterLibrary& masters, const PricingOptions& options, PricedClaim& into);

// santei.result/1 JSON of a priced claim; explanations are rendered with the master names.
SANTEI_API std::string result_json(const PricedClaim& priced, const MasterLibrary& masters);
// The same written into `out` (its text replaced, its capacity kept): a loop writing result after
// result into one string allocates no result text.
SANTEI_API void result_json(const PricedClaim& priced, const MasterLibrary& masters, std::string& out);

// The priced claim as a person reads a 診療報酬明細書 (santei price --format text): per day and
// 診療識別 each code with its master name, points × count; the points per 診療識別 and 合計点数;
// the window charge per visit (per bill inpatient) with the insurer's and each 公費's share; the
// diagnostics. UTF-8, columns aligned for a terminal (漢字 and かな two columns wide).
SANTEI_API std::string result_text(const PricedClaim& priced, const MasterLibrary& masters);

// The result line of a claim that could not be priced: {"format":"santei.result/1","id":…,"error":{…}}.
SANTEI_API std::string error_json(const ErrorInfo& error, std::string_view id);

// The explanation of one step as text, e.g. "111000110 初診料 291点 (s col 12, r06)".
SANTEI_API std::string explain_text(const ExplainStep& step, const MasterSet& masters, Date on);

}  // namespace santei
