// santei/kougaku.hpp — the insurer's side of 高額療養費: what a payer computes after the month from
// every priced receipt of one household (世帯) under one insurer, which no window can.
//
// A window applies a limit to its own receipt only (copay.hpp). After the month the insurer
// combines the household's receipts (健康保険法施行令 第41条, 第41条の2, 第42条; copayment.md §3.7):
//   1. 75歳到達月: a member whose 75th birthday falls in the month (not on the 1st) has his own
//      limits halved, applied to him alone first (外来, then all his care);
//   2. 70歳以上: each member's 外来 against the 外来 (個人) limit, then the 70+ members' 外来 and
//      入院 together against the 世帯 limit of the 70+ 区分;
//   3. 70歳未満: each receipt unit (member × institution × 入院/外来; a pharmacy counts with the
//      institution that prescribed) whose 一部負担金 is 21,000円 or more, together with what the 70+
//      members still bear, against the 世帯 limit of the household's 区分 on their summed cost;
//   4. 多数回: the 多数回 limits when the household had 高額療養費 in 3 of the 12 months before;
//   5. in July, the yearly settlements of the August–July year: the 70+ 外来 年間上限 (144,000 from
//      2017-08; 216,000 / 96,000 from the year 2026-08) per member, and from the year 2026-08 the
//      household's 年間上限 (ア 1,680,000 … オ 290,000).
// Every step is explained. The figures are dated data in masters/rules/kougaku.xml.
// Value types and a pure function: call from any number of threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "santei/claim.hpp"
#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei {

class MasterLibrary;

// One receipt (レセプト) of the month as the insurer sees it.
struct KougakuReceipt {
  std::string id;           // the claim / result id, or "file.UKE#3", for the explanation
  std::string institution;  // 医療機関
  std::string prescriber;   // a 保険薬局's receipt: the institution whose prescription it filled
  Setting setting = Setting::outpatient;
  Yen cost;                 // 医療費 (10割) of the care; meals are outside 高額療養費
  Yen patient_yen;          // 一部負担金等: what the patient bore, 1円 units, after the window's limits
                            // and any 公費, meals excluded
  bool household_limited = false;  // the window already applied a 世帯-level 高額療養費 limit (多数回 count)
};

struct KougakuMember {
  std::string id;
  Date birth_date;
  std::vector<KougakuReceipt> receipts;
  Yen outpatient_year_paid;  // 70+: 外来 self-pay after monthly benefits, August to last month
};

struct KougakuHousehold {
  YearMonth month;                      // 診療年月
  InsuranceKind insurer = InsuranceKind::national;  // every member's insurer (世帯合算 is per insurer)
  std::string bracket;                  // 70歳未満 区分 of the household (ア–オ); needed with a member under 70
  std::string elderly_bracket;          // 70歳以上 区分 (現役並みⅠ–Ⅲ, 一般, 低所得Ⅱ, 低所得Ⅰ); needed with a member 70+
  std::vector<YearMonth> benefit_months;  // months with 高額療養費 for the household (多数回: 3 in the 12 before)
  Yen year_paid;                        // 年間上限: the household's self-pay after monthly benefits, August to last month
  bool year_low_income = false;         // 年収約200万円以下 (標準報酬月額15万円以下): the lower 年間上限
  std::vector<KougakuMember> members;
};

// One step of the computation: what it summed, the limit, and the benefit it gives.
struct KougakuStep {
  std::string name;     // "75歳到達月 外来 (個人)", "70歳以上 外来 (個人)", "70歳以上 世帯", "世帯合算", …
  std::string member;   // the member of a personal step; empty for the household
  Yen counted;          // the self-pay the step sums
  Yen cost;             // the 医療費 its limit is computed on
  Yen limit;            // the limit (算定基準額)
  Yen benefit;          // 高額療養費 this step pays: max(0, counted − limit)
  std::string explain;  // the rule and figures
};

struct KougakuResult {
  YearMonth month;
  bool many_times = false;             // the 多数回 limits applied
  Yen patient_total;                   // Σ receipts' patient_yen
  Yen benefit;                         // 高額療養費 支給額 of the month (Σ step benefits)
  bool counts_for_many_times = false;  // a 高額療養費 month for the next 多数回 count (not 外来 alone)
  std::vector<KougakuStep> steps;
  std::vector<std::string> explain;    // receipts counted or left out, and why
};

// The month's 高額療養費 of `household`. Throws santei::Exception: claim_error naming the field for
// input the rules cannot take (a member 75 or over under an insurer other than 後期, a missing 区分),
// rule_error naming masters/rules/kougaku.xml when the month's figures are not available.
SANTEI_API KougakuResult compute_kougaku(const KougakuHousehold& household);

// Where a santei.kougaku/1 text comes from, and what its receipts may name besides themselves.
struct KougakuSource {
  std::string name = "<kougaku>";          // the household in errors: its file, "<stdin>", "<body>"
  std::string base_dir;                    // files it names (results_file, uke_file) are read relative to this
  const MasterLibrary* masters = nullptr;  // prices the receipts of a uke_file; null: a uke_file is refused
  bool read_files = true;                  // false: a receipt naming a file is refused (santei serve: a client
                                           // does not choose which of the server's files are read)
};

// santei.kougaku/1 (docs/kougaku.md): a household month whose receipts are santei.result/1
// objects (inline or by id from a JSON Lines file), their figures, or receipts of UKE files priced
// with `source.masters`. Throws santei::Exception naming the field and the file (`source.name`, or
// the file a receipt names).
SANTEI_API KougakuHousehold parse_kougaku_household(std::string_view json, const KougakuSource& source);

// santei.kougaku-result/1 JSON of a result.
SANTEI_API std::string kougaku_json(const KougakuResult& result);

// What `santei kougaku`, santei_kougaku and santei serve's POST /v1/kougaku answer for a
// santei.kougaku/1 text: its santei.kougaku-result/1 (without a newline). Throws as
// parse_kougaku_household and compute_kougaku.
SANTEI_API std::string kougaku_answer(std::string_view json, const KougakuSource& source);

}  // namespace santei
