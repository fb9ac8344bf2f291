// santei/claim.hpp — one receipt (レセプト) to price: santei.claim/1 (../shared/docs/claim-format.md).
//
// A Claim is one patient, one facility, one service month, one setting (入院 or 入院外) and one
// insurance combination. Quantities are exact decimals. Value types: copy and share freely.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "santei/money.hpp"
#include "santei/period.hpp"
#include "santei/dpc.hpp"
#include "santei/records.hpp"

namespace santei {

enum class Setting : std::uint8_t { outpatient, inpatient };  // 入院外 / 入院
enum class FacilityKind : std::uint8_t { clinic, hospital };  // 診療所 / 病院
enum class Sex : std::uint8_t { unknown, male, female };

// How santei treats what a claim does not list (claim key "mode"; PricingOptions::mode overrides).
enum class ClaimMode : std::uint8_t {
  automatic,   // "automatic": santei adds what the law adds by itself (年齢加算, 時間加算 …) — a receipt
               // computer's claim, the default for santei.claim/1
  as_claimed,  // "as_claimed": priced from what the claim states, nothing added; what the law would add
               // is a Diagnostic (rule 算定漏れ/…) — a receipt as payers and clinics check it (UKE)
};
SANTEI_API const char* to_string(ClaimMode mode);
// "automatic" or "as_claimed" → the mode; anything else → nullopt.
SANTEI_API std::optional<ClaimMode> parse_claim_mode(std::string_view text);

// 被用者保険, 国民健康保険, 後期高齢者医療, or none (公費単独).
enum class InsuranceKind : std::uint8_t { employee, national, elderly, none };

// visits[].time: when the patient was seen, relative to the facility's hours.
enum class VisitTime : std::uint8_t {
  regular,      // within posted hours
  after_hours,  // 時間外
  holiday,      // 休日
  late_night,   // 深夜 (22:00–06:00)
  night_early,  // 夜間・早朝等 (within posted hours, 診療所 with 届出)
};

struct Facility {
  FacilityKind kind = FacilityKind::clinic;
  std::string name;               // 医療機関名, written into the 公費 上限額管理票 lines (copay.hpp)
  std::int32_t beds = 0;          // 許可病床数
  std::int32_t general_beds = -1; // 一般病床数; -1 = same as beds
  // 施設基準 the facility has notified (届出), as the 4-digit codes of the masters'
  // 施設基準コード columns (別紙7-8), e.g. 3522 機能強化加算.
  std::vector<std::int32_t> standards;

  bool has_standard(std::int32_t code) const;
};

struct Patient {
  Date birth_date;
  Sex sex = Sex::unknown;
};

// insurance: the main insurer (医療保険). See copay.hpp for how each field is used.
struct Insurance {
  InsuranceKind kind = InsuranceKind::employee;
  std::optional<Decimal> rate;     // 負担割合 override ("0.3"); derived from age and date when absent
  std::string income_bracket;      // 高額療養費 区分 (ア…オ, 現役並みⅢ…低所得Ⅰ, 一般Ⅱ); empty = unknown
  bool many_times = false;         // 多数回該当
  std::optional<Yen> special_disease_cap;  // 特定疾病 (マル長) monthly cap: 10,000 or 20,000
  bool meal_long_stay = false;     // 長期該当: 住民税非課税 and over 90 days in hospital within 12 months (食事)
};

// A line another institution wrote into a 公費's 上限額管理票 this month: what the patient paid
// there under the 公費, on that day.
struct CapPayment {
  Date date;
  Yen yen;
  std::string institution;  // for the explanation only
};

// One 公費 of the patient's 受給者証, in priority order. Programme parameters a local subsidy
// (地方単独) needs are given here; which are required depends on the 法別番号 (copay.hpp).
struct PublicExpense {
  std::string law;                       // 法別番号, two digits ("54")
  std::string payer_number;              // 公費負担者番号 (8 digits), optional
  std::string recipient_number;          // 公費受給者番号, optional
  std::optional<Decimal> rate;           // patient share of the cost, e.g. "0.2"
  std::optional<Yen> monthly_cap;        // 自己負担上限月額
  std::optional<Yen> per_visit;          // fixed amount per visit
  std::optional<Yen> per_day;            // fixed amount per day
  std::optional<std::int32_t> max_charged_days;  // days per month a per-day/visit amount is charged
  std::optional<Yen> paid_this_month;    // 管理票 累積 before this claim's first date (other institutions)
  std::optional<Date> cap_reached_on;    // the 管理票 says the cap was reached that day (on or before the first date)
  std::vector<CapPayment> paid_elsewhere;  // 管理票 lines of other institutions during this claim's month, by date
  std::string rounding;                  // "round10" (default), "exact", "floor10"
  std::string bracket;                   // 高額療養費 区分 printed on the 受給者証, if any
  std::string tier;                      // 階層区分 (kouhi.xml tiers) giving the cap when monthly_cap is absent
  bool long_term = false;                // 高額かつ長期 (54), 重症 (52), 重度かつ継続 (15, 16, 21)
  bool ventilator = false;               // 人工呼吸器等装着者 (54, 52)
  std::string meals;                     // local subsidies: who pays the 食事 標準負担額: patient, half, covered
  std::string income;                    // local subsidies: "taxed" (住民税課税) or "exempt" (非課税), when
                                         // the programme's charge depends on it (local_programmes.hpp)
  std::string programme;                 // local subsidies: the programme row the parameters came from
                                         // (set by fill_local_programmes, for explanations; not in JSON)
};

// One item of an order: a 診療行為, 医薬品, 特定器材 or コメント code.
struct ClaimItem {
  Code code = 0;
  std::optional<Decimal> quantity;  // amount used, or the きざみ measure
  std::optional<Decimal> unit_price;  // 購入価格 (特定器材 金額種別 2) in yen per unit
  std::string text;                 // comment text
};

// One 剤 or 行為 on one date.
struct Order {
  std::uint8_t category = 0;        // 診療識別 (11 初診, 12 再診, 21 内服 … 97 食事)
  std::int32_t days = 1;            // 内服 days, or times per the category's unit
  std::int32_t count = 1;           // times performed on that date (回数)
  char burden = '\0';               // 負担区分 (記録条件仕様 別表21); '\0' = every payer of the claim
  std::vector<ClaimItem> items;
};

struct Visit {
  Date date;
  VisitTime time = VisitTime::regular;
  std::vector<Order> orders;
};

// The 入院料 billed from a day on: the 入院基本料 or 特定入院料 of the ward the patient is in
// (a transfer bills the new ward's fee from the day of the move, 通知 第1章第2部 通則9).
struct InpatientFee {
  Date from;        // first day this fee applies
  Code code = 0;    // 入院基本料 (A100–A109) or 特定入院料 (A300–A319); any 入院期間 band of it
};

// An 入院基本料等加算 (A200–A253) or 注加算 of the 入院料 billed on inpatient days. santei bills it
// on each day its 算定単位 (電子点数表 05) allows — every day, 入院初日, the first N days (入院中 N),
// 退院時 — within [from, to] when given.
struct InpatientAddition {
  Code code = 0;
  std::optional<Date> from;
  std::optional<Date> to;
};

// 朝・昼・夕 as bits of MealDays::served and ::special.
inline constexpr std::uint8_t kBreakfast = 1, kLunch = 2, kDinner = 4;

// The meals of a run of days: which were served, and which of them were 特別食.
struct MealDays {
  Date from;                   // inclusive
  Date to;                     // inclusive
  std::uint8_t served = 0;     // kBreakfast | kLunch | kDinner
  std::uint8_t special = 0;    // the served meals that were 特別食 (特別食加算)
};

// 入院時食事療養 (診療識別 97): the hospital's meal fee and the meals the patient had.
struct Meals {
  Code code = 0;               // 入院時食事療養（Ⅰ） 197000110, （Ⅱ） 197000710, 流動食のみ 197003110 …
  bool dining_room = false;    // 食堂加算 (per day with a meal; 食事療養（Ⅰ） only)
  std::vector<MealDays> days;
};

// A DPC stay (DPC/PDPS): its 診断群分類 and the hospital's 医療機関別係数. santei prices the month's
// 包括 part from the DPC電子点数表 (santei/dpc.hpp, PricingOptions::dpc); the visits' lines are the 出来高.
// Days of a 特定入院料 (ICU, HCU, 救命救急 …) within a DPC stay: their 告示96 別表 ４–６ points are added
// to the month's 所定点数 (docs/dpc.md).
// A 注 of a unit's 特定入院料 the stay earns (告示96 別表 ４–６ 注; masters/dpc/addons.xml lists them).
struct DpcUnitAddition {
  std::string name;                // as the 告示 names the 加算: "小児加算", "早期離床・リハビリテーション加算"
  std::optional<DateRange> days;   // a 注 billed by day: the days it was earned (absent: the unit's)
  std::optional<Date> date;        // a 注 billed once (入院中１回, 最初の診療時): its day
};

struct DpcUnit {
  std::string fee;   // the 特定入院料 as the 告示 names it: "特定集中治療室管理料１"
  DateRange days;    // from its first day (day 1 of its bands) to its last (open: the discharge or the month end)
  std::vector<DpcUnitAddition> additions;
};

struct DpcStay {
  std::string code;     // 診断群分類番号, 14 characters ("010010xx9901xx"); empty: grouped from `grouping`
  Decimal coefficient;  // 医療機関別係数 (基礎係数 + 機能評価係数Ⅰ・Ⅱ + 救急補正係数 + 激変緩和係数), e.g. 1.4523
  std::optional<DpcGroupingInput> grouping;  // what the grouper needs (with `code`: checked against it)
  std::string hospital;         // with units: 特定機能病院, 専門病院 or その他の病院 (告示96 別表 ４, ５, ６)
  std::vector<DpcUnit> units;   // 特定入院料 days
};

// Inpatient context (入院). Present only for setting = inpatient. With `fees`, santei prices the
// daily 入院料 lines (入院期間加算, additions, 外泊) itself; without, the 入院料 come from the visits'
// orders as listed (e.g. a claim read back from a UKE file).
struct Admission {
  Date admitted;                    // 入院年月日 (入院基本料の起算日)
  std::optional<Date> discharged;   // 退院日 within the month
  std::vector<Date> away_days;      // 外泊 days (入院料 at 15%)
  std::string ward;                 // 病棟区分 / ward kind, free text for explanation
  std::vector<Date> bill_dates;     // closing dates of interim bills (中間請求) within the month
  // Days in hospital this month when the patient left and came back within the month (a 通算
  // readmission); empty: every day from `admitted` (or the 1st) to `discharged` (or the month end).
  std::vector<DateRange> stays;
  std::vector<InpatientFee> fees;   // in order of `from`
  std::vector<InpatientAddition> additions;
  std::vector<Date> therapeutic_away_days;  // 外泊 of a psychiatric patient for treatment (30%)
  std::optional<Meals> meals;
  char burden = '\0';               // 負担区分 of the daily 入院料 and meal lines; '\0' = every payer
  std::optional<DpcStay> dpc;       // a DPC hospital's stay: the 包括 days priced by DPC
};

struct Claim {
  std::string id;                   // the caller's identifier, echoed in the result
  // The caller's own data: the claim's `extensions` object as compact JSON text, or empty. santei
  // never reads it and echoes it in the result (santei.claim/1 refuses every other key it does
  // not define).
  std::string extensions;
  ClaimMode mode = ClaimMode::automatic;
  YearMonth month;                  // 診療年月
  Setting setting = Setting::outpatient;
  Facility facility;
  Patient patient;
  Insurance insurance;
  std::vector<PublicExpense> public_expenses;
  std::vector<Visit> visits;
  std::optional<Admission> admission;
};

// Documented limits of one claim (bad input beyond them is an error, not a slow death).
inline constexpr std::size_t kMaxClaimBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxVisitsPerClaim = 31 * 24;
inline constexpr std::size_t kMaxLinesPerClaim = 20000;  // items over all visits
inline constexpr std::size_t kMaxJsonDepth = 32;

// Reads santei.claim/1 JSON. Throws santei::Exception (parse_error / claim_error /
// limit_exceeded) whose `field` is the JSON path ("visits[0].orders[1].items[0].quantity") and
// whose line/column locate the problem in `json`. A key santei.claim/1 does not define is a
// claim_error naming it and the nearest defined key ("unknown field; did you mean quantity?");
// the caller's own data goes in the `extensions` object. Codes are checked against the masters when
// priced, not here.
SANTEI_API Claim parse_claim(std::string_view json);
// The same into `into`, whose earlier contents are all replaced: its visits', orders' and items'
// vectors keep their memory for this claim's (a batch reads claim after claim into one). After an
// exception `into` holds part of the claim and is only to be read into again.
SANTEI_API void parse_claim(std::string_view json, Claim& into);

// 診療識別 as text ("11"); category 0 is "".
SANTEI_API std::string category_text(std::uint8_t category);

}  // namespace santei
