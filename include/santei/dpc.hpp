// santei/dpc.hpp — DPC/PDPS (診断群分類による包括評価): MHLW's DPC電子点数表 read from the
// workbooks as MHLW publishes them, and the 包括 points of a DPC stay's month.
//
// A DPC hospital bills each day of a stay at the per-day points of its 診断群分類 (a 14-character
// DPC code) for the day's 入院期間 (Ⅰ, Ⅱ or Ⅲ) × the hospital's 医療機関別係数; 手術, 麻酔 and
// what else the 包括 leaves out, and every day past 入院期間Ⅲ, are 出来高 (the claim's other lines).
// Loaded tables are immutable: share one DpcTables between threads.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei {

// One row of sheet 11）診断群分類点数表: a DPC code's 入院期間 and per-day points, with the dates
// the row is in force (有効期間). Layout: masters/dpc/tensuhyo.xml.
struct DpcPoints {
  std::string code;                        // 診断群分類番号, e.g. "010010xx9901xx"
  bool priced = false;                     // false: the code has no points (the stay is 出来高)
  std::array<std::int32_t, 3> last_day{};  // 入院日Ⅰ/Ⅱ/Ⅲ: the last day of each 入院期間 (day 1 = 入院日)
  // 点数 per day of 入院期間Ⅰ/Ⅱ/Ⅲ; 0 for a period without days (written "-": 入院日Ⅱ = 入院日Ⅰ).
  std::array<std::int32_t, 3> points{};
  DateRange valid;                         // 有効期間 開始日 … 終了日
  std::string file;                        // where the row was read: the workbook …
  std::int64_t line = 0;                   // … and its row number on the sheet
};

// A row of sheet 13)出来高算定手術等コード: a procedure whose patient is not a DPC patient (DPC
// 留意事項 第１ ２(３) 臓器の移植術, 区分 00; (５) 五号告示, 区分 01) and is billed 出来高.
enum class DpcOutsideKind : std::uint8_t { transplant, designated };
struct DpcOutsideProcedure {
  DpcOutsideKind kind = DpcOutsideKind::transplant;
  std::string code;    // as the workbook writes it: "K780-2", "K014-21" (K014-2, its 1), "K9221ｲ"
  std::string name;
  DateRange valid;
  std::string file;
  std::int64_t line = 0;
};

// One DPC電子点数表 workbook that was loaded.
struct DpcWorkbook {
  std::string file;
  std::string name;             // the file's name without its directory
  Date in_force;                // the earliest 有効期間 開始日 of its rows: the revision's first day
  Date updated;                 // the latest 更新日 of its rows (in_force when none is set)
  std::size_t codes = 0;        // rows of sheet 11
  std::size_t priced = 0;       // … of them with points
  std::vector<std::string> superseded;  // workbooks of the same revision with an earlier 更新日, not used
};

namespace dpc {
struct Definitions;
}

// What a stay states for its 診断群分類 (留意事項 第２ １): the grouper's inputs, coded as the
// workbook's 定義テーブル codes them.
struct DpcGroupingInput {
  std::string diagnosis;                   // 医療資源を最も投入した傷病名, ICD-10 ("C711"; a dot is ignored)
  std::vector<std::string> surgeries;      // 手術 of the stay: 点数表 codes as in ６）手術 ("K1692", "K939-2")
  std::vector<std::string> procedures;     // 手術・処置等 ("E0033ｲ", "M001-2", the ダミーコード "0204")
  std::vector<std::string> comorbidities;  // the stay's other diagnoses, ICD-10: 定義副傷病 where the 分類 lists them
  std::optional<std::int32_t> age;         // 入院時の年齢 (留意事項 第２ ３(３))
  // The other inputs a 分類 may branch on, by name (dpc_condition_names()): "jcs" 10, "birth_weight" 2400 …
  std::vector<std::pair<std::string, std::int32_t>> conditions;
  // Branch values the stay states itself, by the 変換テーブル column's name ("procedure1" → "3"): for a
  // value the 定義テーブル defines in words, not codes (電気生理学的検査, 留意事項 第２ ３(６)), or a
  // branch santei does not evaluate (10－3 急性膵炎の重症度). A stated value is taken as reached.
  std::vector<std::pair<std::string, std::string>> branches;
};

// The names of DpcGroupingInput::conditions, each with what it is.
struct DpcConditionName {
  std::string_view name;
  std::string_view meaning;
};
SANTEI_API std::span<const DpcConditionName> dpc_condition_names();

// A stay grouped: its 診断群分類番号 and each step that led there (explain).
struct DpcGrouping {
  std::string code;
  std::vector<std::string> steps;
};

class DpcTables {
 public:
  // Reads every DPC電子点数表 workbook (*.xlsx with the sheet 11）診断群分類点数表) in `dir` and its
  // subdirectories — sheet 11 and the 手術 and 検査 blocks of sheet 13)出来高算定手術等コード; other
  // workbooks (樹形図, 定義テーブル) are left alone. Of several workbooks of one
  // revision (the same first 有効期間 開始日), the one last updated is used. Throws santei::Exception:
  // not_found naming `dir` when it holds none; parse_error naming the workbook, sheet, cell and
  // field for a sheet that is not as masters/dpc/tensuhyo.xml says or a value that is not valid.
  SANTEI_API static std::shared_ptr<const DpcTables> load(const std::filesystem::path& dir);

  // The workbooks used, oldest revision first.
  const std::vector<DpcWorkbook>& workbooks() const { return workbooks_; }
  // The workbook whose revision is in force on `on`, or nullptr (before the oldest).
  SANTEI_API const DpcWorkbook* in_force_on(Date on) const;
  // The row of `code` in the workbook in force on `on` and valid on `on`, or nullptr.
  SANTEI_API const DpcPoints* find(std::string_view code, Date on) const;
  // Every row of the workbook `workbook` (an index into workbooks()), in sheet order.
  SANTEI_API std::vector<const DpcPoints*> rows(std::size_t workbook) const;
  // Sheet 13 of the workbook `workbook`, in sheet order (empty when it has none).
  const std::vector<DpcOutsideProcedure>& outside(std::size_t workbook) const { return outside_.at(workbook); }
  // The 診断群分類 of a stay through the 定義テーブル (４）ICD … 10）) and 12）変換テーブル of the
  // workbook in force on `on`: of the branches the stay reaches, the lowest in the 樹形図 (留意事項
  // 第２ １(５)). Throws santei::Exception (claim_error) naming the input (admission.dpc.grouping…)
  // for a diagnosis no 分類 holds or an input the 分類 branches on and the stay does not state, and
  // "unknown: …" naming admission.dpc.grouping.branches.<column> where the code turns on what santei
  // cannot evaluate (10－3 急性膵炎の重症度; a 処置等 value the 定義テーブル defines in words) and the
  // stay does not state it. `explain` false: no steps (nothing built for them).
  SANTEI_API DpcGrouping group(const DpcGroupingInput& input, Date on, bool explain = true) const;

 private:
  std::vector<DpcWorkbook> workbooks_;
  std::vector<std::vector<DpcPoints>> rows_;  // per workbook, sorted by code then 開始日
  std::vector<std::vector<DpcOutsideProcedure>> outside_;
  std::vector<std::shared_ptr<const dpc::Definitions>> definitions_;
};

// Whether `code` is written as a 診断群分類番号: 14 characters of digits, capital letters and 'x'.
SANTEI_API bool is_dpc_code(std::string_view code);

// The DPC month of a priced claim: the days of this month by 入院期間 and their points.
struct PricedDpc {
  std::string code;
  Decimal coefficient;                     // 医療機関別係数
  std::string workbook;                    // the DPC電子点数表 used
  std::array<std::int32_t, 3> last_day{};  // 入院日Ⅰ/Ⅱ/Ⅲ of the code
  std::array<std::int32_t, 3> points_per_day{};
  std::int32_t first_day = 0;              // the 入院期間 day number of the month's first day in hospital
  std::int32_t last_day_in_month = 0;      // … and of its last
  std::int32_t days_out = 0;               // days out of hospital between stays (a readmission within 7 days), not counted
  std::array<std::int32_t, 3> days{};      // days of this month in 入院期間Ⅰ/Ⅱ/Ⅲ (包括)
  std::int32_t days_after = 0;             // days past 入院期間Ⅲ (出来高)
  std::vector<Date> away_days;             // 外泊 days: counted in the 入院期間, not billed 包括
  std::uint32_t covered_days = 0;          // the days billed 包括: bit d−1 for day d of the month
  Decimal total;                           // Σ points × days × coefficient, before rounding
  Points points;                           // total rounded (rounding::dpc_month_points), plus addon_points
  std::vector<std::string> grouping;       // how the code was grouped (empty: the claim stated it)
  // 特定入院料 add-ons (告示96 別表 ４–６): added to the 所定点数, not × coefficient; in `points`.
  struct Addon {
    std::string fee;
    std::string hospital;
    std::int32_t days = 0;
    std::int64_t points = 0;
    std::string explain;
    std::string note;  // a 注 of the fee (小児加算 …); empty for the fee's own bands
  };
  std::vector<Addon> addons;
  std::int64_t addon_points = 0;
};

}  // namespace santei
