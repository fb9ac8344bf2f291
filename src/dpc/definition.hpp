// The 定義テーブル sheets of a DPC電子点数表 workbook (３）… 10）, 12）) as the grouper reads them:
// each row's cells by field, as masters/dpc/tensuhyo.xml lays the sheet out.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "core/xlsx.hpp"
#include "santei/period.hpp"

namespace santei::dpc {

enum class DefinitionSheet : std::uint8_t {
  icd, condition, age, surgery, procedure1, procedure2, comorbidity, severity_range, severity_choice, severity_class,
  conversion
};
inline constexpr std::size_t kDefinitionSheets = 11;

// The fields of each sheet, in the order of its layout (the names are the layout's).
namespace icd { enum Field : std::uint8_t { mdc, bunrui, name, code, valid_from, valid_to }; }
namespace condition { enum Field : std::uint8_t { mdc, bunrui, value, age_from, age_to, kind, valid_from, valid_to }; }
// age, severity_range: up to five (two) ranges from_i ≤ x < to_i → value_i.
namespace ranges {
enum Field : std::uint8_t { mdc, bunrui, kind, first_range };
inline constexpr int kAgeRanges = 5;
inline constexpr int kSeverityRanges = 2;
}
namespace surgery { enum Field : std::uint8_t { mdc, bunrui, by_age, value, first_code }; inline constexpr int kCodes = 5; }
namespace procedure1 { enum Field : std::uint8_t { mdc, bunrui, value, with_surgery, first_code }; inline constexpr int kCodes = 2; }
namespace procedure2 { enum Field : std::uint8_t { mdc, bunrui, value, first_code }; inline constexpr int kCodes = 2; }
namespace comorbidity { enum Field : std::uint8_t { mdc, bunrui, value, flag, code }; }
namespace severity_choice { enum Field : std::uint8_t { mdc, bunrui, kind, value_1, value_2 }; }
namespace severity_class { enum Field : std::uint8_t { mdc, bunrui, value, kind, class_code }; }
// 12）変換テーブル: serial, code, mdc, bunrui, then the branch columns (Branch), then the dates.
namespace conversion { enum Field : std::uint8_t { serial, code, mdc, bunrui, first_branch }; }

// The branch columns of the 変換テーブル, in its order.
enum class Branch : std::uint8_t {
  condition, age, month_age, birth_weight, jcs, burn_index, gaf, gestation_weeks, blood_loss, surgery, procedure1,
  procedure2, comorbidity, severity_age, severity_jcs, severity_sides, severity_reoperation, severity_eyes,
  severity_laterality, severity_rehabilitation, severity_pancreatitis, severity_rankin, severity_adrop,
  severity_transfer, severity_stroke_onset, severity_child_pugh
};
inline constexpr std::size_t kBranches = 26;
// Their names in the layout (masters/dpc/tensuhyo.xml): the keys of DpcGroupingInput::branches.
inline constexpr std::array<std::string_view, kBranches> kBranchNames = {
    "condition",      "age",          "month_age",       "birth_weight",        "jcs",
    "burn_index",     "gaf",          "gestation_weeks", "blood_loss",          "surgery",
    "procedure1",     "procedure2",   "comorbidity",     "severity_age",        "severity_jcs",
    "severity_sides", "severity_reoperation", "severity_eyes", "severity_laterality", "severity_rehabilitation",
    "severity_pancreatitis", "severity_rankin", "severity_adrop", "severity_transfer", "severity_stroke_onset",
    "severity_child_pugh"};

struct DefinitionRow {
  std::string_view bunrui;               // the 6-character 分類 (MDC + 分類ｺｰﾄﾞ)
  std::vector<std::string_view> cells;   // by field; each text held once in Definitions::texts
  DateRange valid;                       // 有効期間
  std::uint32_t line = 0;                // the row on its sheet

  std::string_view cell(std::size_t field) const { return cells[field]; }
};

// ４）ＩＣＤ by code: a code written exactly, or a "$" pattern by its prefix ("C71$" → "C71").
struct IcdKey {
  std::string key;
  bool wildcard = false;
  std::uint32_t row = 0;  // into the icd sheet's rows
  auto operator<=>(const IcdKey& other) const {
    return key != other.key ? key <=> other.key : wildcard <=> other.wildcard;
  }
  bool operator==(const IcdKey& other) const { return key == other.key && wildcard == other.wildcard; }
};

struct Definitions {
  std::string file;  // the workbook
  // Every distinct cell text, once ("a", "0", the dates and codes repeat thousands of times); its
  // nodes do not move, so the rows' views stay valid when Definitions is moved.
  std::unordered_set<std::string> texts;
  // Per sheet, the rows sorted by 分類 (sheet order kept within one).
  std::array<std::vector<DefinitionRow>, kDefinitionSheets> sheets;

  const std::vector<DefinitionRow>& rows(DefinitionSheet sheet) const { return sheets[static_cast<std::size_t>(sheet)]; }
  std::vector<IcdKey> icd_index;  // sorted: the grouper finds a diagnosis without a scan

  // The rows of `bunrui` in one sheet.
  std::pair<const DefinitionRow*, const DefinitionRow*> of(DefinitionSheet sheet, std::string_view bunrui) const;
};

// The 定義テーブル sheets of `workbook` (a DPC電子点数表); nullopt when it has none of them. Throws
// santei::Exception (parse_error naming the workbook, cell and field) for a sheet laid out otherwise
// or some of the sheets missing.
std::optional<Definitions> read_definitions(const xlsx::Workbook& workbook);

}  // namespace santei::dpc
