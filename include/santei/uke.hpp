// santei/uke.hpp — UKE (レセ電) files for 医科: read them into claims, write them from priced
// claims, and compare the points a file states with santei's.
//
// The layout is the 記録条件仕様 (医科) as summarised in ../shared/docs/fee-rules.md §8: CP932,
// CR LF, comma-separated records with a fixed field count each; IR, then per receipt RE, HO?,
// KO*, SN*, JD*, MF?, SY+, SI/IY/TO/CO ordered by 診療識別, SJ*; finally GO.
//
// Reading keeps everything the file states (the 算定単位 with their stated 点数, 回数 and day
// columns, the payers' totals) beside the santei.claim/1 Claim it derives, so a caller can
// re-price the claim and diff. Malformed records never throw: each is an ErrorInfo (file, line,
// field, status) and the receipt holding it is skipped; the other receipts are returned.
// Value types; no shared state: call from any number of threads.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "santei/claim.hpp"
#include "santei/masters.hpp"
#include "santei/pricing.hpp"
#include "santei/result.hpp"

namespace santei {

// ───────────────────────────── What a file states ─────────────────────────────

// IR 医療機関情報レコード.
struct UkeFacility {
  std::string payer_org = "1";  // 2 審査支払機関: 1 支払基金, 2 国保連合会
  std::string prefecture = "13";  // 3 都道府県 (01–47)
  std::string table = "1";      // 4 点数表: 1 医科
  std::string code = "0000000";  // 5 医療機関コード (7 digits)
  std::string name;             // 7 医療機関名称
  YearMonth billing_month;      // 8 請求年月
  std::string volume = "00";    // 9 マルチボリューム識別情報
  std::string phone;            // 10 電話番号
};

// HO 保険者レコード.
struct UkeInsurer {
  std::string number;        // 2 保険者番号 (8 digits; 国保 6)
  std::string symbol;        // 3 被保険者証等の記号
  std::string card_number;   // 4 被保険者証等の番号
  std::int32_t days = 0;     // 5 診療実日数
  Points total;              // 6 合計点数
  std::int32_t meals = 0;    // 8 食事療養・生活療養 回数
  Yen meals_yen;             // 9 食事療養・生活療養 合計金額
  std::optional<Yen> patient_yen;  // 12 負担金額（医療保険）
};

// KO 公費レコード (the n-th KO is 第n公費).
struct UkePublicPayer {
  std::string payer_number;      // 2 公費負担者番号 (8 digits; 法別番号 = first two)
  std::string recipient_number;  // 3 公費受給者番号 (7 digits)
  std::int32_t days = 0;         // 5 診療実日数
  Points total;                  // 6 合計点数
  std::optional<Yen> patient_yen;  // 7 負担金額（公費）
};

// SY 傷病名レコード.
struct UkeDiagnosis {
  std::string code = "0000999";  // 2 傷病名コード (7 digits; 0000999 = 未コード化傷病名, name in 6)
  Date start;                    // 3 診療開始日
  std::int32_t outcome = 1;      // 4 転帰区分: 1 継続, 2 治ゆ, 3 死亡, 4 中止・転医
  std::string modifiers;         // 5 修飾語コード (4 characters each, concatenated)
  std::string name;              // 6 傷病名称
  bool main = false;             // 7 主傷病 (01)
  std::string note;              // 8 補足コメント
};

// ── A DPC receipt's records (記録条件仕様 DPC用; docs/uke-check.md, "DPC receipts") ──

// SB 傷病レコード.
struct UkeDpcDiagnosis {
  std::string code = "0000999";  // 2 傷病名コード (7 digits; 0000999 = 未コード化傷病名, name in 4)
  std::string modifiers;         // 3 修飾語コード (4 characters each, concatenated)
  std::string name;              // 4 傷病名称
  std::string icd10;             // 5 ICD10コード
  // 6 傷病名区分 (別表23): 01 医療資源を最も投入した傷病名, 02 副傷病名, 11 主傷病名, 21 入院の契機となった
  // 傷病名, 31 医療資源を２番目に投入した傷病名, 41–44 入院時併存傷病名, 51–54 入院後発症傷病名.
  std::string kind = "01";
};

// HH 包括評価レコード of this month's claim (請求調整区分 2): the days of one 入院期間.
struct UkeDpcPeriod {
  std::int64_t line = 0;
  std::int32_t period = 1;          // 6 入院期間区分 (別表31): 1 入院期間Ⅰ, 2 Ⅱ, 3 Ⅲ
  std::int32_t points_per_day = 0;  // 7 入院期間区分別点数
  std::int32_t days = 0;            // 8 入院期間区分別入院日数 (外泊 days left out)
  Points subtotal;                  // 9 包括小計点数
};

// What a DPC receipt states of its 包括 part: BU, SB, GA, HH and GT (this month's, 請求調整区分 2).
struct UkeDpc {
  std::int64_t line = 0;                   // the BU record
  std::string code;                        // BU 2 診断群分類番号
  Date admitted;                           // BU 3 今回入院年月日
  std::optional<Date> discharged;          // BU 4 今回退院年月日
  std::string outcome;                     // BU 5 DPC転帰区分 (別表22)
  std::vector<UkeDpcDiagnosis> diagnoses;  // SB
  // GA 4 外泊等 (別表29), one code a day from the 1st: 0 none of these, 9 外泊, 8 a day before a
  // readmission within 7 days, 3–7 地域包括ケア 転棟 (read, not priced).
  std::string away;
  std::int64_t away_line = 0;              // the GA record
  std::optional<Decimal> coefficient;      // GA 6 医療機関別係数
  std::vector<UkeDpcPeriod> periods;       // HH
  std::int64_t totals_line = 0;            // the GT record
  char burden = '1';                       // GT 5 負担区分 of the 包括 points
  std::optional<Points> subtotal;          // GT 6 包括小計点数合算
  std::optional<Points> evaluated;         // GT 7 包括評価点数 (合算 × 係数)
  std::optional<Points> month_total;       // GT 9 今月包括合計点数
};

// One SI/IY/TO record of a 算定単位, a CO record, or an inline comment (SI/IY fields 8–13,
// TO 12–17; those take the line of their record).
struct UkeItem {
  std::int64_t line = 0;
  ItemKind kind = ItemKind::procedure;  // SI procedure, IY drug, TO material, CO comment
  Code code = 0;
  std::optional<Decimal> quantity;    // SI 数量データ, IY/TO 使用量
  std::optional<Decimal> unit_price;  // TO 9 単価 (購入価格 items, yen)
  std::optional<std::int32_t> unit;   // TO 8 単位コード
  std::string text;                   // CO 文字データ, inline comment text, TO 11 商品名及び規格
  std::optional<Points> points;       // 点数, only on the record that closes the unit
  std::int32_t count = 0;             // 回数 of the record (0 for comments)
};

// One 点数・回数算定単位: consecutive SI/IY/TO records closed by the first with a 点数, with the
// comments written before or among them (fee-rules.md §1.3, §8.4).
struct UkeUnit {
  std::int64_t line = 0;              // its first record
  std::uint8_t category = 0;          // 診療識別 (carried forward when blank)
  char burden = '1';                  // 負担区分 (別表21)
  std::vector<UkeItem> items;         // in record order, comments included
  std::optional<Points> points;       // stated 点数 per time (absent: the unit was never closed);
                                      // for 診療識別 97 (食事療養) the 金額 in yen
  std::int32_t count = 0;             // stated 回数
  std::array<std::int32_t, 31> days{};  // 算定日情報: the count on day 1…31

  Points total() const { return points.value_or(Points{}) * count; }
};

// A check on what a file states. A mismatch is a finding of the receipt (or the file), not an
// error: the file was still read.
enum class UkeCheck : std::uint8_t {
  day_sum,              // Σ 算定日情報 ≠ 回数 on a record
  unit_days,            // records of one unit state different 回数 or day columns
  unit_not_closed,      // the receipt ends inside a unit (no record stated its 点数)
  payer_total,          // Σ 点数×回数 of the units a payer bears ≠ its HO/KO 合計点数 (field 6)
  payer_check_digit,    // 保険者番号 / 公費負担者番号 / 受給者番号 検証番号 does not verify
  receipt_count,        // GO 総件数 ≠ receipts in the file
  file_total,           // GO 総合計点数 ≠ Σ receipts' 合計点数
  receipt_number,       // RE レセプト番号 not 1, 2, 3 … in file order
  payer_blank,          // HO 保険者番号 blank (the receipt is still read and priced)
  encoding,             // not CP932 with CR LF as the 記録条件仕様 writes it (a file another tool
                        // re-encoded: UTF-8, LF line ends): read as found
  dpc_total,            // a DPC receipt's 包括 figures do not add up: HH 点数 × 日数 ≠ 包括小計点数, GT 合算
                        // ≠ Σ HH, GT 包括評価点数 ≠ 合算 × GA 係数 (rounded, 留意事項 第３ １(１))
  layout,               // the layout the 審査支払機関 sends on to insurers (保険者向け): an IR before
                        // each receipt, MN/RC/EX/JY records, the 審査 result's HO/KO, no GO
};
SANTEI_API const char* to_string(UkeCheck check);

struct UkeFinding {
  UkeCheck check = UkeCheck::day_sum;
  std::int64_t line = 0;
  int field = 0;              // 1-based UKE field, 0 if the finding is about several
  std::int64_t stated = 0;    // what the file says
  std::int64_t derived = 0;   // what its own records add up to
  std::string message;
};

// A record kept as read (SN, JD, MF, SJ, GR, TI, TR, TS; in the insurer-side layout MN, RC, EX,
// JY and the HO/KO written after the body, the figures after 審査): fields 2… as UTF-8 text.
struct UkeRecord {
  std::string id;
  std::int64_t line = 0;
  std::vector<std::string> fields;
};

// One receipt: RE up to the next RE (or GO).
struct UkeReceipt {
  std::int64_t line = 0;           // the RE record
  std::int64_t number = 0;         // RE 2 レセプト番号
  std::string type;                // RE 3 レセプト種別 (4 digits, fee-rules.md §1.1)
  YearMonth month;                 // RE 4 診療年月
  std::string name;                // RE 5 氏名
  std::string kana;                // RE 37 カタカナ氏名
  std::string special_notes;       // RE 12 レセプト特記事項 (2-digit codes concatenated)
  std::string chart_number;        // RE 14 カルテ番号等
  std::optional<UkeInsurer> insurer;         // HO
  std::vector<UkePublicPayer> public_payers; // KO, 第1公費 first
  std::vector<UkeDiagnosis> diagnoses;       // SY
  std::vector<UkeUnit> units;                // SI/IY/TO (with their CO), file order
  std::vector<UkeItem> comments;             // CO of 診療識別 99 / 01: the whole receipt's
  std::vector<UkeRecord> other_records;      // SN, JD, MF, SJ, GR, TI, TR, TS, MN, RC, EX, JY, HO/KO after 審査;
                                             // a DPC receipt's KK, SK, CD and its HH/GT of other months
  std::optional<UkeDpc> dpc;                 // a DPC receipt (RE レセプト種別 4…): BU, SB, GA, HH, GT
  std::vector<UkeFinding> findings;

  // What santei prices: one visit per day with a count, one order per unit and day. For 内服 (21)
  // and 屯服 (22) the day's value is Order::days (days supplied, doses: F200's 所定単位 × 回数),
  // otherwise Order::count (times that day).
  // Receipt-wide comments are not orders (they stay in `comments`).
  Claim claim;

  // The receipt's 合計点数 as stated: HO field 6, or the first KO's for 公費単独.
  Points stated_total() const;
  // Σ 点数×回数 of the units, for the payer `payer` (0 = 医保, n = 第n公費), from 負担区分; the
  // 食事療養 units (診療識別 97, yen in their 点数 field) are not points and are left out.
  Points unit_total(int payer) const;
};

struct UkeFile {
  std::string path;
  UkeFacility facility;                 // IR
  std::vector<UkeReceipt> receipts;     // the well-formed receipts, in file order
  std::vector<ErrorInfo> errors;        // every malformed record; its receipt was skipped
  std::vector<UkeFinding> findings;     // file-level checks (GO)
  std::int64_t receipts_seen = 0;       // RE records, skipped receipts included
  std::optional<std::int64_t> stated_count;  // GO 2 総件数
  std::optional<Points> stated_total;        // GO 3 総合計点数
  bool complete = false;                // a GO record ended the file (the insurer-side layout has none)
  bool insurer_layout = false;          // the 保険者向け layout (UkeCheck::layout says what showed it)
};

// What a UKE file cannot say about the facility (a clinic or a hospital, its 施設基準) and
// pricing needs: given here, copied into every claim. RE 病床数 (field 13), when stated,
// sets Facility::beds, and 20 beds or more make the facility a hospital (医療法 第1条の5).
struct UkeReadOptions {
  Facility facility;
};

// Documented limits (README, "Limits"), each reported as a limit_exceeded error: a file over
// kMaxUkeBytes is not read at all; a record (line) over kMaxUkeRecordBytes is an error and is read
// past (read_uke_file never holds more of it); a receipt with more records than
// kMaxUkeRecordsPerReceipt is skipped; after kMaxUkeReceipts receipts the rest of the file is not read.
inline constexpr std::size_t kMaxUkeBytes = std::size_t{1} << 31;
inline constexpr std::size_t kMaxUkeRecordBytes = 64 * 1024;
inline constexpr std::size_t kMaxUkeRecordsPerReceipt = kMaxLinesPerClaim;
inline constexpr std::size_t kMaxUkeReceipts = 200000;

// Reads UKE bytes (the fuzz-friendly entry point: any bytes in, never throws for their content).
// `path` names the input in errors.
SANTEI_API UkeFile read_uke(std::string_view bytes, std::string_view path = "<uke>", const UkeReadOptions& options = {});
// Reads a file record by record (memory: one record, plus the receipts read); throws
// santei::Exception(io_error) only if it cannot be opened or read.
SANTEI_API UkeFile read_uke_file(const std::filesystem::path& path, const UkeReadOptions& options = {});

// The check digit (検証番号) of a 保険者番号 (8 or 6 digits), 公費負担者番号 (8) or 公費受給者番号
// (7): the last digit, from the others weighted 2, 1, 2, … from the right, digits of each
// product added, 10 − (sum mod 10), mod 10. `digits` without its check digit; -1 if not digits.
SANTEI_API int payer_check_digit(std::string_view digits);

// ───────────────────────────── Writing ─────────────────────────────

// The parts of a receipt a Claim does not hold. Everything here is optional: placeholders
// (documented in src/uke/writer.cpp) make a file a checker accepts.
struct UkeReceiptExtras {
  std::string name;                          // RE 5 氏名 (placeholder: カンジャ　<n>)
  std::string kana;                          // RE 37
  std::optional<UkeInsurer> insurer;         // HO 2–4 (number, symbol, card number)
  std::vector<UkePublicPayer> public_payers; // KO 2–3, matched to claim.public_expenses by index
  std::vector<UkeDiagnosis> diagnoses;       // SY; none → one 0000999 未コード化傷病名
  // A DPC receipt's (PricedClaim::dpc):
  std::vector<UkeDpcDiagnosis> dpc_diagnoses;  // SB; none → 0000999 with admission.dpc.grouping.diagnosis, 区分 01
  std::string dpc_outcome;                     // BU 5 DPC転帰区分 (別表22), required in the month of the discharge
  std::string admission_route;                 // KK 4 予定・緊急入院区分 (別表26): 1 予定, 2 緊急, 3 救急搬送 …; required
};

// One receipt to write: the claim and santei's pricing of it.
struct UkeReceiptInput {
  const Claim* claim = nullptr;
  const PricedClaim* priced = nullptr;
  const UkeReceiptExtras* extras = nullptr;  // may be null
};

// Writes a UKE file (CP932, CR LF): IR; per receipt RE, HO (unless 公費単独), KO per 公費,
// SY, then one 算定単位 per distinct priced line content — lines equal in 診療識別, 負担区分,
// items and points on different dates share a unit with several day columns — ordered by
// 診療識別, 点数 on the last SI/IY/TO record, comments as CO records inside the unit; GO
// with the true count and Σ 合計点数. RE レセプト番号 is 1, 2, 3 … and カルテ番号等 the claim id.
// A DPC month (PricedClaim::dpc) is a DPC receipt (記録条件仕様 DPC用): レセプト種別 4…, after HO/KO
// its BU, SB, KK, GA, HH per 入院期間 and GT, then the 出来高 units; HO/KO 合計点数 count the 包括
// points too. A file holds DPC receipts or 医科 ones, not both.
// Throws santei::Exception (claim_error / encoding_error) for what a file cannot hold: text
// without a CP932 form or with a comma, a line dated outside the claim's month, a negative count,
// DPC and 医科 receipts in one file, a DPC receipt without its extras' admission_route (or
// dpc_outcome in the month of the discharge), a DPC month with 特定入院料 add-ons (告示96 別表 ４–６:
// how a DPC receipt records them was not found in the 記録条件仕様 santei read).
SANTEI_API std::string write_uke(const UkeFacility& facility, std::span<const UkeReceiptInput> receipts);

// ───────────────────────────── Comparing with santei ─────────────────────────────

// Why a unit's stated points and santei's differ.
enum class UkeReason : std::uint8_t {
  unknown_code,        // a code of the unit is in no version of the masters used
  not_in_force,        // the code is known but not in force on the date priced
  revision,            // the stated points equal an older master value (旧点数 s col 58, 旧金額
                       // y col 25 / t col 18, or an earlier version): a fee revision difference
  points_differ,       // different points per time, no better explanation found
  count_differs,       // different 回数 on a day
  addition,            // santei added an automatic age or time addition the unit does not state
                       // (a claim priced with ClaimMode::automatic)
  claimed_differently, // priced as stated, but the law would add to the unit (算定漏れ) or not bill
                       // one of its codes (算定不可: 背反, 算定回数, eligibility …); a diagnostic
                       // names the codes, the rule and its source; not a disagreement by itself
  bundled,             // santei priced the codes in other lines (包括 bundles) or dropped them
                       // (背反, 算定回数, eligibility in ClaimMode::automatic: see the diagnostic)
  diagnostic,          // santei raised a diagnostic on a code of the unit
  missing_in_santei,   // the unit has a day santei has no line for
  extra_in_santei,     // santei priced a line the file does not have (receipt level)
  not_priced,          // the receipt could not be priced at all (see its error)
  several_lines,       // santei wrote the unit's codes as several lines, which together are its
                       // price (a unit states the combined price of its records); not a
                       // disagreement by itself: the sum is compared with the stated points
};
SANTEI_API const char* to_string(UkeReason reason);

struct UkeDifference {
  UkeReason reason = UkeReason::points_differ;
  Code code = 0;         // the code concerned, 0 if the unit as a whole
  std::string message;
};

// One unit of the file against santei's lines for its codes on its days.
struct UkeUnitComparison {
  std::size_t unit = 0;                // index in UkeReceipt::units
  std::int64_t line = 0;
  std::uint8_t category = 0;
  std::vector<Code> codes;             // its SI/IY/TO codes
  std::optional<Points> stated_points; // per time
  std::int32_t stated_count = 0;
  std::optional<Points> priced_points; // santei's per time (the first day's when days differ)
  std::int32_t priced_count = 0;
  Points stated_total;
  Points priced_total;
  bool agrees = false;                 // same points per time and count on every day
  std::vector<UkeDifference> differences;
};

// A DPC receipt's 包括 part against santei's pricing of the month (PricedClaim::dpc).
struct UkeDpcComparison {
  std::string stated_code;                  // BU 2
  std::string priced_code;                  // santei's (the claim read from the receipt states BU's)
  std::vector<UkeDpcPeriod> stated_periods; // HH
  std::vector<UkeDpcPeriod> priced_periods; // santei's days of this month per 入院期間, their points
  std::optional<Points> stated_points;      // GT 7 包括評価点数
  Points priced_points;                     // santei's 包括 points (rounded Σ × 係数)
  bool agrees = false;                      // same code, periods and points
  std::vector<std::string> differences;
};

struct UkeReceiptComparison {
  std::int64_t number = 0;             // レセプト番号
  std::int64_t line = 0;
  std::string revision;                // the revision santei priced with
  Points stated_total;                 // HO/KO 合計点数 as stated
  Points units_total;                  // Σ stated 点数×回数
  Points priced_total;                 // santei's 合計点数
  std::optional<ErrorInfo> error;      // the receipt could not be priced
  std::optional<ErrorInfo> copay_error;  // the points were priced, the copayment could not be (why)
  std::vector<std::string> copay_needs;  // 地方単独 公費 whose share needs parameters (PublicExpenseShare::needs)
  std::vector<UkeUnitComparison> units;
  std::vector<UkeDifference> extra;    // santei lines the file does not have
  std::vector<Diagnostic> diagnostics; // santei's, as priced
  std::optional<UkeDpcComparison> dpc; // a DPC receipt priced as one
  std::size_t agreeing_units() const;
};

// Compares a read receipt with santei's pricing of receipt.claim (as claimed, UkeReceipt::claim.mode).
// A unit agrees when its points and counts agree on every day; a 算定漏れ or 算定不可 diagnostic on
// its codes adds a claimed_differently note without breaking the agreement. Units are matched to priced
// lines by date, 診療識別 and codes (santei's automatic additions aside); a unit no line matches whole
// is matched, when they exist, to lines that carry its codes run by run in its order, and compared
// with their sum (a several_lines note). `masters` is the set priced with (PricedClaim::revision),
// used to explain differences.
SANTEI_API UkeReceiptComparison compare_uke_receipt(const UkeReceipt& receipt, const PricedClaim& priced,
                                                    const MasterSet& masters);

struct UkePriceReport {
  std::string path;
  std::string revision;                 // forced revision (PricingOptions::revision), or empty
  std::vector<UkeReceiptComparison> receipts;
  std::int64_t receipts_in_file = 0;    // RE records read: receipts.size() + those skipped for an error
  std::vector<ErrorInfo> errors;        // the file's reading errors
  std::vector<UkeFinding> findings;     // the file's own findings (GO)
  std::vector<std::vector<UkeFinding>> receipt_findings;  // per receipt, as read
  std::size_t units() const;
  std::size_t agreeing_units() const;
};

// Prices every receipt of `file` with santei::price and compares. Set options.revision to force a
// revision (the sample UKE of 2021-10 under r04). A receipt that cannot be priced because of one
// order (an unknown code, a code not in force) is priced again without that order, so its other
// units are still compared; the order's unit says why. Receipts are priced on `threads` threads.
SANTEI_API UkePriceReport price_uke(const UkeFile& file, const MasterLibrary& masters,
                                    const PricingOptions& options = {.copay = false, .explain = false},
                                    unsigned threads = 1);

// Reads the UKE file at `path` and prices its receipts as they are read: the report of
// price_uke(read_uke_file(path, read), masters, options, threads), no receipt kept once it is
// compared. With threads > 1 the calling thread reads and threads − 1 others price.
SANTEI_API UkePriceReport price_uke_file(const std::filesystem::path& path, const UkeReadOptions& read,
                                         const MasterLibrary& masters,
                                         const PricingOptions& options = {.copay = false, .explain = false},
                                         unsigned threads = 1);
// The same for a UKE file's bytes already in memory (a service's request body, the C ABI's buffer),
// named `path` in the report: read_uke(bytes, path, read) priced as it is read.
SANTEI_API UkePriceReport price_uke_bytes(std::string_view bytes, std::string_view path, const UkeReadOptions& read,
                                          const MasterLibrary& masters,
                                          const PricingOptions& options = {.copay = false, .explain = false},
                                          unsigned threads = 1);

// The report as text for a clerk (one line per differing unit) or as JSON (santei.uke-report/1).
SANTEI_API std::string uke_report_text(const UkePriceReport& report);
SANTEI_API std::string uke_report_json(const UkePriceReport& report);
// uke_report_json's bytes handed to `write` a piece at a time as they are made (about 1 MiB each,
// the last smaller), in order: a month's report (52.7 MB for 20,000 receipts) is not held whole.
// `write` returns false to stop (a client gone), as price_stream's sink does; an exception from it
// stops the writing too and reaches the caller. @return false if `write` stopped it.
SANTEI_API bool write_uke_report_json(const UkePriceReport& report, const std::function<bool(std::string_view)>& write);
// The month's check report as one self-contained HTML page: the file's figures, disagreements by
// reason and by code, a section per receipt (id "receipt-N") with stated and priced units side by side.
SANTEI_API std::string uke_report_html(const UkePriceReport& report, std::string_view title);

}  // namespace santei
