// The DPC grouper: a stay's 診断群分類 from its 傷病名, 手術, 処置等, 定義副傷病 and 重症度 inputs
// through the workbook's 定義テーブル and 12）変換テーブル (留意事項 保医発0321第6号 第２ １).
//
// The 変換テーブル lists every combination of branch values of a 分類 in the order of the 樹形図. Each
// branch is evaluated from the stay: 手術, 処置等1/2 and 定義副傷病 as the set of values the stay
// reaches (a stay with two 手術 reaches both branches), the others as one value. Of the rows that
// match, the last — the lowest in the 樹形図 — is the code (第２ １(５)).
#include "dpc/grouper.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "core/whole_number.hpp"
#include "santei/result.hpp"

namespace santei::dpc {
namespace {

constexpr std::string_view kPath = "admission.dpc.grouping";

// How a 変換テーブル branch is evaluated.
enum class Source : std::uint8_t { condition, age_range, severity_range, choice, class_code, set, not_read };
struct BranchSource {
  Source source;
  int kind;                  // 条件区分 in its sheet
  std::string_view input;    // "age" or a condition name
  std::string_view label;    // the 変換テーブル's header
};
constexpr std::array<BranchSource, kBranches> kBranchSources = {{
    {Source::condition, 0, "age", "病態等分類"},
    {Source::age_range, 1, "age", "年齢"},
    {Source::age_range, 6, "month_age", "月齢"},
    {Source::age_range, 3, "birth_weight", "出生時体重"},
    {Source::age_range, 2, "jcs", "JCS"},
    {Source::age_range, 4, "burn_index", "Burn Index"},
    {Source::age_range, 5, "gaf", "GAF"},
    {Source::age_range, 7, "gestation_weeks", "妊娠週数"},
    {Source::age_range, 8, "delivery_blood_loss", "分娩時出血量"},
    {Source::set, 0, "surgeries", "手術"},
    {Source::set, 0, "procedures", "手術・処置等１"},
    {Source::set, 0, "procedures", "手術・処置等２"},
    {Source::set, 0, "comorbidities", "定義副傷病"},
    {Source::severity_range, 1, "age", "重症度等 年齢"},
    {Source::severity_range, 2, "jcs", "重症度等 JCS"},
    {Source::choice, 7, "sides", "重症度等 一側／両側"},
    {Source::choice, 6, "reoperation", "重症度等 初回／再手術"},
    {Source::choice, 4, "both_eyes", "重症度等 片眼／両眼"},
    {Source::choice, 5, "laterality", "重症度等 片側／両側"},
    {Source::choice, 8, "rehabilitation", "重症度等 リハビリ"},
    {Source::not_read, 9, "", "重症度等 軽症／重症 (10－3 急性膵炎)"},
    {Source::not_read, 11, "", "重症度等 発症前Rankin Scale"},
    {Source::class_code, 12, "a_drop", "重症度等 A-DROP スコア"},
    {Source::choice, 13, "transfer", "重症度等 他の病院・診療所の病棟からの転院"},
    {Source::class_code, 14, "stroke_onset", "重症度等 脳卒中の発症時期"},
    {Source::class_code, 15, "child_pugh", "重症度等 Child-Pugh分類"},
}};

constexpr DpcConditionName kConditionNames[] = {
    {"jcs", "Japan Coma Scale at admission (留意事項 第２ ３(１)): 0, 1, 2, 3, 10, 20, 30, 100, 200, 300"},
    {"month_age", "月齢 at admission"},
    {"birth_weight", "出生時体重 in grams"},
    {"burn_index", "Burn Index"},
    {"gaf", "GAF (Global Assessment of Functioning)"},
    {"gestation_weeks", "妊娠週数 at admission (第２ ３(16))"},
    {"delivery_blood_loss", "分娩時出血量 in ml (第２ ３(19))"},
    {"pneumonia", "病態等分類 区分: 3 院内肺炎, 5 市中肺炎, 8 肺炎以外 (第２ ３(15))"},
    {"both_eyes", "10－2 片眼 0 / 両眼 1"},
    {"laterality", "10－2 片側 0 / 両側 1"},
    {"sides", "10－2 一側 0 / 両側 1"},
    {"reoperation", "10－2 初回 0 / 再手術 1"},
    {"rehabilitation", "10－2 リハビリ なし 0 / あり 1"},
    {"transfer", "10－2 他の病院・診療所の病棟からの転院 以外 0 / 転院 1 (第２ ３(18))"},
    {"stroke_onset", "10－4 脳卒中の発症時期 区分: 1 発症3日目以内, 2 4–7日目, 3 8日目以降, 4 無症候性 (第２ ３(14))"},
    {"a_drop", "10－4 A-DROP スコア 0–5 (第２ ３(15))"},
    {"child_pugh", "10－4 Child-Pugh score 5–15 (第２ ３(20))"},
};

// A stay the grouper cannot group: claim_error naming the input; "unknown: …" for a branch santei
// has no rule to evaluate (never a guessed code).
[[noreturn]] void fail(std::string_view field, std::string message) {
  throw Exception(ErrorInfo{Status::claim_error, "<claim>", 0, 0, field.empty() ? std::string(kPath) : fmt::format("{}.{}", kPath, field),
                            std::move(message)});
}

std::string normal_icd(std::string_view code) {
  std::string out;
  for (const char c : code) {
    if (c == '.') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

// An ICD code of the 定義テーブル: "C700" exactly, "C71$" any code that starts "C71" (９）'s rows).
bool icd_matches(std::string_view pattern, std::string_view code) {
  if (pattern.ends_with('$')) return code.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == code;
}

bool contains(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// A 定義テーブル number; -1 (no 条件区分, age or value) for an empty or other cell.
std::int64_t whole(std::string_view text) { return whole_number(text).value_or(-1); }

// The 前提条件's maxima ("999", "9999", "100000"): the last range is open above.
bool is_maximum(std::string_view text) { return text == "999" || text == "9999" || text == "100000"; }

// The sheet of a set branch (手術, 処置等１/２, 定義副傷病) and its 対応コード and first code fields.
struct SetSheet {
  DefinitionSheet sheet;
  std::size_t value;
  std::size_t first_code;
};
static_assert(procedure1::kCodes == procedure2::kCodes);
SetSheet set_sheet(Branch branch) {
  switch (branch) {
    case Branch::procedure1: return {DefinitionSheet::procedure1, procedure1::value, procedure1::first_code};
    case Branch::procedure2: return {DefinitionSheet::procedure2, procedure2::value, procedure2::first_code};
    case Branch::comorbidity: return {DefinitionSheet::comorbidity, comorbidity::value, comorbidity::code};
    default: return {DefinitionSheet::surgery, surgery::value, surgery::first_code};
  }
}

// A set of branch values the stay reaches, each with why.
struct Reached {
  std::vector<std::string> values;
  void add(std::string_view value) {
    if (!contains(values, value)) values.emplace_back(value);
  }
};

class Grouper {
 public:
  Grouper(const Definitions& definitions, const DpcGroupingInput& input, Date on, bool explain)
      : definitions_(definitions), input_(input), on_(on), explain_(explain) {}

  DpcGrouping run() {
    read_stated();
    bunrui_ = find_bunrui();
    const auto [first, last] = definitions_.of(DefinitionSheet::conversion, bunrui_);
    const DefinitionRow* chosen = nullptr;
    const DefinitionRow* undecided = nullptr;  // the last row whose match turns on what is not known …
    std::size_t undecided_branch = 0;          // … and the branch it turns on
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (!row->valid.contains(on_)) continue;
      const Match match = matches(*row);
      if (match.matched) {
        chosen = row;
      } else if (match.undecided) {
        undecided = row;
        undecided_branch = *match.undecided;
      }
    }
    if (undecided != nullptr && (chosen == nullptr || undecided > chosen)) {
      const std::size_t b = undecided_branch;
      fail(fmt::format("branches.{}", kBranchNames[b]),
           fmt::format("unknown: whether the stay reaches {} (12）変換テーブル row {}) turns on {} {}, which santei cannot "
                       "evaluate from the 定義テーブル (a value defined in words, or a 重症度 santei does not read): state it "
                       "as admission.dpc.grouping.branches.{}",
                       undecided->cell(conversion::code), undecided->line, kBranchSources[b].label,
                       undecided->cell(conversion::first_branch + b), kBranchNames[b]));
    }
    if (chosen == nullptr) {
      fail("", fmt::format("no row of 12）変換テーブル of 分類 {} matches the stay ({})", bunrui_, definitions_.file));
    }
    // The set branches the rows turned on that the stay reaches with nothing: say so.
    if (procedure1_ && procedure1_->values.size() == 1) note("手術・処置等１: none of the stay's codes is in ７）for 分類 {} → 0", bunrui_);
    if (procedure2_ && procedure2_->values.size() == 1) note("手術・処置等２: none of the stay's codes is in ８）for 分類 {} → 0", bunrui_);
    const std::optional<Reached>& comorbidity = comorbidities_[with_surgery(*chosen) ? 1 : 0];
    if (comorbidity && comorbidity->values.size() == 1) {
      note("定義副傷病: none of the stay's other diagnoses counts for 分類 {} (９）, its フラグ) → 0", bunrui_);
    }
    const std::string_view code = chosen->cell(conversion::code);
    note("12）変換テーブル row {} (通し番号 {}): {} — of the branches the stay reaches, the lowest in "
                                 "the 樹形図 (留意事項 第２ １(５))",
                                 chosen->line, chosen->cell(conversion::serial), code);
    return DpcGrouping{std::string(code), std::move(steps_)};
  }

 private:
  void read_stated() {
    for (const auto& [name, value] : input_.branches) {
      const auto it = std::find(kBranchNames.begin(), kBranchNames.end(), name);
      if (it == kBranchNames.end()) {
        fail(fmt::format("branches.{}", name), fmt::format("'{}' is not a column of 12）変換テーブル (docs/dpc.md)", name));
      }
      if (value.empty() || value == "a") fail(fmt::format("branches.{}", name), "is a branch value of the 変換テーブル (\"0\", \"1\" …)");
      const auto b = static_cast<std::size_t>(it - kBranchNames.begin());
      stated_[b].push_back(value);
      if (kBranchSources[b].source == Source::set) {
        note("{} {} (stated: branches.{})", kBranchSources[b].label, value, name);
      }
    }
  }

  // The row of ４）ＩＣＤ in force whose key is `key` (exact, or a "$" prefix), or nullptr.
  const DefinitionRow* icd_row(std::string_view key, bool wildcard) const {
    const IcdKey probe{std::string(key), wildcard, 0};
    const auto [first, last] = std::equal_range(definitions_.icd_index.begin(), definitions_.icd_index.end(), probe);
    for (auto it = first; it != last; ++it) {
      const DefinitionRow& row = definitions_.rows(DefinitionSheet::icd)[it->row];
      if (row.valid.contains(on_)) return &row;
    }
    return nullptr;
  }

  // The diagnosis's 分類: its code written exactly, else the longest "$" pattern it begins with, else
  // "M!!!!" for an M code (４）ＩＣＤ, 前提条件).
  std::string find_bunrui() {
    const std::string code = normal_icd(input_.diagnosis);
    if (code.empty()) fail("diagnosis", "no 医療資源を最も投入した傷病名 (ICD-10)");
    const DefinitionRow* best = icd_row(code, false);
    for (std::size_t length = code.size(); best == nullptr && length > 0; --length) best = icd_row(code.substr(0, length), true);
    if (best == nullptr && code.starts_with('M')) best = icd_row("M!!!!", false);
    if (best == nullptr) {
      fail("diagnosis", fmt::format("{} is in no 分類 of ４）ＩＣＤ ({}): the stay has no 診断群分類 and is billed 出来高 "
                                    "(留意事項 第１ ３)",
                                    input_.diagnosis, definitions_.file));
    }
    note("傷病名 {} → 分類 {} (４）ＩＣＤ row {}: {} {})", code, best->bunrui, best->line,
                                 best->cell(icd::code), best->cell(icd::name));
    return std::string(best->bunrui);
  }

  std::optional<std::int32_t> input(std::string_view name) const {
    if (name == "age") return input_.age;
    for (const auto& [key, value] : input_.conditions) {
      if (key == name) return value;
    }
    return std::nullopt;
  }

  std::int32_t required(const BranchSource& source) const {
    const std::optional<std::int32_t> value = input(source.input);
    if (!value) {
      fail(source.input == "age" ? "age" : fmt::format("conditions.{}", source.input),
           fmt::format("分類 {} branches on {}: the stay must state it", bunrui_, source.label));
    }
    return *value;
  }

  // The row of `sheet` for the 分類 and 条件区分 `kind`.
  const DefinitionRow& row_of_kind(DefinitionSheet sheet, std::size_t kind_field, int kind, const BranchSource& source) const {
    const auto [first, last] = definitions_.of(sheet, bunrui_);
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (row->valid.contains(on_) && whole(row->cell(kind_field)) == kind) return *row;
    }
    fail("", fmt::format("unknown: 分類 {} branches on {} but its 定義テーブル has no 条件区分 {} row ({})", bunrui_, source.label, kind,
                         definitions_.file));
  }

  std::string from_ranges(const DefinitionRow& row, int ranges, std::int32_t value, const BranchSource& source) {
    for (int r = 0; r < ranges; ++r) {
      const std::size_t from = ranges::first_range + static_cast<std::size_t>(r) * 3;
      const std::string_view to = row.cell(from + 1);
      if (row.cell(from).empty()) continue;
      if (value >= whole(row.cell(from)) && (value < whole(to) || is_maximum(to))) {
        note("{} {} → {} (row {}: {} ≤ x < {})", source.label, value, row.cell(from + 2), row.line,
                                     row.cell(from), to);
        return std::string(row.cell(from + 2));
      }
    }
    fail(source.input == "age" ? "age" : fmt::format("conditions.{}", source.input),
         fmt::format("{} is in no range of 分類 {}'s {} (row {} of {})", value, bunrui_, source.label, row.line, definitions_.file));
  }

  // One value, or nullopt for a branch santei does not evaluate and the stay does not state.
  std::optional<std::string> scalar(Branch branch) {
    const std::size_t b = static_cast<std::size_t>(branch);
    if (scalars_[b]) return *scalars_[b];
    const BranchSource& source = kBranchSources[b];
    if (!stated_[b].empty()) {
      if (stated_[b].size() > 1) fail(fmt::format("branches.{}", kBranchNames[b]), "is one value for this branch");
      note("{} {} (stated: branches.{})", source.label, stated_[b].front(), kBranchNames[b]);
      scalars_[b] = stated_[b].front();
      return scalars_[b];
    }
    if (source.source == Source::not_read) return std::nullopt;
    std::string value;
    switch (source.source) {
      case Source::condition: value = condition_value(source); break;
      case Source::age_range:
        value = from_ranges(row_of_kind(DefinitionSheet::age, ranges::kind, source.kind, source), ranges::kAgeRanges,
                            required(source), source);
        break;
      case Source::severity_range:
        value = from_ranges(row_of_kind(DefinitionSheet::severity_range, ranges::kind, source.kind, source),
                            ranges::kSeverityRanges, required(source), source);
        break;
      case Source::choice: {
        const DefinitionRow& row = row_of_kind(DefinitionSheet::severity_choice, severity_choice::kind, source.kind, source);
        const std::int32_t chosen = required(source);
        if (chosen != 0 && chosen != 1) fail(fmt::format("conditions.{}", source.input), "is 0 or 1");
        value = std::string(row.cell(chosen == 0 ? severity_choice::value_1 : severity_choice::value_2));
        note("{} {} → {} (10－2 row {})", source.label, chosen, value, row.line);
        break;
      }
      case Source::class_code: value = class_value(source); break;
      case Source::set:
      case Source::not_read:
        break;
    }
    scalars_[b] = value;
    return value;
  }

  std::string condition_value(const BranchSource& source) {
    const std::int32_t age = required(source);
    const std::optional<std::int32_t> pneumonia = input("pneumonia");
    const auto [first, last] = definitions_.of(DefinitionSheet::condition, bunrui_);
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (!row->valid.contains(on_)) continue;
      const std::string_view to = row->cell(condition::age_to);
      if (age < whole(row->cell(condition::age_from)) || (age >= whole(to) && !is_maximum(to))) continue;
      const std::string_view kind = row->cell(condition::kind);
      if (!kind.empty()) {
        if (!pneumonia) fail("conditions.pneumonia", fmt::format("分類 {} branches on 院内肺炎又は市中肺炎: the stay must state it", bunrui_));
        if (whole(kind) != *pneumonia) continue;
      }
      note("病態等分類: 年齢 {}{} → {} (３）row {})", age,
                                   kind.empty() ? "" : fmt::format(", 区分 {}", kind), row->cell(condition::value), row->line);
      return std::string(row->cell(condition::value));
    }
    fail("conditions.pneumonia", fmt::format("no 病態等分類 row of 分類 {} fits 年齢 {}", bunrui_, age));
  }

  std::string class_value(const BranchSource& source) {
    const std::int32_t chosen = required(source);
    const auto [first, last] = definitions_.of(DefinitionSheet::severity_class, bunrui_);
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (row->valid.contains(on_) && whole(row->cell(severity_class::kind)) == source.kind &&
          whole(row->cell(severity_class::class_code)) == chosen) {
        note("{} {} → {} (10－4 row {})", source.label, chosen, row->cell(severity_class::value), row->line);
        return std::string(row->cell(severity_class::value));
      }
    }
    fail(fmt::format("conditions.{}", source.input), fmt::format("{} is not a 区分 of {} for 分類 {}", chosen, source.label, bunrui_));
  }

  // 手術: each row whose codes were all done; a 手術 no row of the 分類 names is 97 (KKK1); none, 99 (KKK0).
  const Reached& surgeries() {
    if (surgeries_) return *surgeries_;
    Reached reached;
    const auto [first, last] = definitions_.of(DefinitionSheet::surgery, bunrui_);
    std::vector<std::string> named;
    const DefinitionRow* none = nullptr;
    const DefinitionRow* other = nullptr;
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (!row->valid.contains(on_)) continue;
      if (!row->cell(surgery::by_age).empty()) {
        fail("", fmt::format("unknown: row {} of ６）手術 ({}) has a 年齢，出生時体重別の値, which santei does not evaluate", row->line, definitions_.file));
      }
      bool all = true;
      std::string codes;
      for (int c = 0; c < surgery::kCodes; ++c) {
        const std::string_view code = row->cell(surgery::first_code + static_cast<std::size_t>(c));
        if (code.empty()) continue;
        if (code == "KKK0") none = row;
        if (code == "KKK1") other = row;
        named.emplace_back(code);
        all = all && contains(input_.surgeries, code);
        codes += codes.empty() ? std::string(code) : "+" + std::string(code);
      }
      if (all && !codes.empty() && !codes.starts_with("KKK")) {
        reached.add(row->cell(surgery::value));
        note("手術 {} → {} (６）手術 row {})", codes, row->cell(surgery::value), row->line);
      }
    }
    for (const std::string& code : input_.surgeries) {
      if (other != nullptr && !contains(named, code)) {
        reached.add(other->cell(surgery::value));
        note("手術 {}: not in the 分類's ６）手術 → {} (定義テーブルにない手術 KKK1)", code,
                                     other->cell(surgery::value));
      }
    }
    if (input_.surgeries.empty() && none != nullptr) {
      reached.add(none->cell(surgery::value));
      note("手術なし → {} (KKK0)", none->cell(surgery::value));
    }
    surgeries_ = std::move(reached);
    return *surgeries_;
  }

  bool done(std::string_view code) const { return contains(input_.surgeries, code) || contains(input_.procedures, code); }

  // 手術・処置等1/2: "0" (なし) and the value of each row whose codes were all done.
  const Reached& procedures(DefinitionSheet sheet, std::optional<Reached>& cache) {
    if (cache) return *cache;
    const bool first_sheet = sheet == DefinitionSheet::procedure1;
    const SetSheet fields = set_sheet(first_sheet ? Branch::procedure1 : Branch::procedure2);
    const std::size_t value_field = fields.value;
    const std::size_t first_code = fields.first_code;
    Reached reached;
    reached.add("0");
    const auto [first, last] = definitions_.of(sheet, bunrui_);
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (!row->valid.contains(on_)) continue;
      bool all = true;
      std::string codes;
      for (std::size_t c = 0; c < procedure1::kCodes; ++c) {
        const std::string_view code = row->cell(first_code + c);
        if (code.empty()) continue;
        all = all && done(code);
        codes += codes.empty() ? std::string(code) : "+" + std::string(code);
      }
      if (first_sheet && !row->cell(procedure1::with_surgery).empty()) {
        all = all && contains(input_.surgeries, row->cell(procedure1::with_surgery));
        codes += " with 手術 " + std::string(row->cell(procedure1::with_surgery));
      }
      if (all && !codes.empty() && !contains(reached.values, row->cell(value_field))) {
        reached.add(row->cell(value_field));
        note("{} {} → {} ({}row {})", first_sheet ? "手術・処置等１" : "手術・処置等２", codes,
                                     row->cell(value_field), first_sheet ? "７）" : "８）", row->line);
      }
    }
    cache = std::move(reached);
    return *cache;
  }

  // 定義副傷病: "0" and the value of each of the stay's other diagnoses the 分類 lists with a フラグ
  // that fits (1 always, 2 without 手術, 3 with: 留意事項 第２ ２(２)).
  const Reached& comorbidities(bool with_surgery) {
    std::optional<Reached>& cache = comorbidities_[with_surgery ? 1 : 0];
    if (cache) return *cache;
    Reached reached;
    reached.add("0");
    const auto [first, last] = definitions_.of(DefinitionSheet::comorbidity, bunrui_);
    for (const std::string& diagnosis : input_.comorbidities) {
      const std::string code = normal_icd(diagnosis);
      for (const DefinitionRow* row = first; row != last; ++row) {
        const std::string_view flag = row->cell(comorbidity::flag);
        const bool fits = flag == "1" || (flag == "2" && !with_surgery) || (flag == "3" && with_surgery);
        if (!row->valid.contains(on_) || !fits || !icd_matches(row->cell(comorbidity::code), code)) continue;
        if (!contains(reached.values, row->cell(comorbidity::value))) {
          note("定義副傷病 {} → {} (９）row {}: {}, フラグ {})", code, row->cell(comorbidity::value), row->line,
                                       row->cell(comorbidity::code), flag);
        }
        reached.add(row->cell(comorbidity::value));
      }
    }
    cache = std::move(reached);
    return *cache;
  }

  // Whether `row` is a branch with 手術, as its own 手術 column says (99: なし); in a 分類 without that
  // column, whether the stay had one (for the 定義副傷病 フラグ 2 and 3).
  bool with_surgery(const DefinitionRow& row) const {
    const std::string_view surgery = row.cell(conversion::first_branch + static_cast<std::size_t>(Branch::surgery));
    return surgery.empty() || surgery == "a" ? !input_.surgeries.empty() : surgery != "99";
  }

  // Whether any row of the 分類's ６）–９）gives `value` to a set branch ("0", なし, always does);
  // the values of each branch collected once.
  bool defined(Branch branch, std::string_view value) {
    if (value == "0" && branch != Branch::surgery) return true;
    std::optional<std::vector<std::string>>& values = defined_[static_cast<std::size_t>(branch)];
    if (!values) {
      const SetSheet set = set_sheet(branch);
      values.emplace();
      const auto [first, last] = definitions_.of(set.sheet, bunrui_);
      for (const DefinitionRow* row = first; row != last; ++row) {
        if (row->valid.contains(on_) && !contains(*values, row->cell(set.value))) values->emplace_back(row->cell(set.value));
      }
    }
    return contains(*values, value);
  }

  // A set branch's values: those the stay reaches and those it states.
  bool reaches(Branch branch, const Reached& reached, std::string_view value) const {
    return contains(reached.values, value) || contains(stated_[static_cast<std::size_t>(branch)], value);
  }

  // Whether the stay reaches `row`; for a row that would match but for a branch santei cannot
  // evaluate (a value no 定義テーブル row gives, a 重症度 it does not read) and the stay does not
  // state, that branch.
  struct Match {
    bool matched = false;
    std::optional<std::size_t> undecided;
  };
  Match matches(const DefinitionRow& row) {
    std::optional<std::size_t> pending;
    for (std::size_t b = 0; b < kBranches; ++b) {
      const std::string_view cell = row.cell(conversion::first_branch + b);
      if (cell.empty() || cell == "a") continue;
      const auto branch = static_cast<Branch>(b);
      bool reached = false;
      switch (branch) {
        case Branch::surgery: reached = reaches(branch, surgeries(), cell); break;
        case Branch::procedure1: reached = reaches(branch, procedures(DefinitionSheet::procedure1, procedure1_), cell); break;
        case Branch::procedure2: reached = reaches(branch, procedures(DefinitionSheet::procedure2, procedure2_), cell); break;
        case Branch::comorbidity: reached = reaches(branch, comorbidities(with_surgery(row)), cell); break;
        default: {
          const std::optional<std::string> value = scalar(branch);
          if (!value) {
            pending = b;
            continue;
          }
          reached = *value == cell;
        }
      }
      if (reached) continue;
      const bool set = branch == Branch::surgery || branch == Branch::procedure1 || branch == Branch::procedure2 ||
                       branch == Branch::comorbidity;
      if (set && stated_[b].empty() && !defined(branch, cell)) {
        pending = b;
        continue;
      }
      return {};
    }
    return {!pending, pending};
  }

  // A step of the explain, built only when asked for.
  template <class... Args>
  void note(fmt::format_string<Args...> format, Args&&... args) {
    if (explain_) steps_.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  const Definitions& definitions_;
  const DpcGroupingInput& input_;
  Date on_;
  bool explain_;
  std::string bunrui_;
  std::vector<std::string> steps_;
  std::array<std::optional<std::string>, kBranches> scalars_;
  std::optional<Reached> surgeries_;
  std::optional<Reached> procedure1_;
  std::optional<Reached> procedure2_;
  std::array<std::optional<Reached>, 2> comorbidities_;
  std::array<std::vector<std::string>, kBranches> stated_;  // input_.branches by column
  std::array<std::optional<std::vector<std::string>>, kBranches> defined_;  // set branches' values the 定義テーブル gives
};

}  // namespace

DpcGrouping group(const Definitions& definitions, const DpcGroupingInput& input, Date on, bool explain) {
  return Grouper(definitions, input, on, explain).run();
}

}  // namespace santei::dpc

namespace santei {

std::span<const DpcConditionName> dpc_condition_names() { return dpc::kConditionNames; }

}  // namespace santei
