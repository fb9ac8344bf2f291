// The DPC grouper against MHLW's own tables (../shared/dpc):
// - the order the grouper relies on: the r06 樹形図's leaves, top to bottom, are the 変換テーブル's
//   codes in its order (so "the last matching row" is "the lowest branch", 留意事項 第２ １(５));
// - every branch of the r06 and r08 変換テーブル: a stay built from the 定義テーブル to reach exactly
//   that row's values (a diagnosis of the 分類 from ４）ＩＣＤ, the 手術 of a row of ６）with that
//   対応コード, the 処置等 of ７）/８）, a 定義副傷病 of ９）with a fitting フラグ, an input in the
//   range of ５）/10－x) groups to the row's code;
// - stays read off the r06 樹形図 and the r08 定義テーブル by hand, and the errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "core/xlsx.hpp"
#include "dpc/definition.hpp"
#include "dpc/grouper.hpp"
#include "santei/dpc.hpp"
#include "santei/result.hpp"
#include "support.hpp"

namespace {

using santei::Date;
using santei::DpcGroupingInput;
using namespace santei::dpc;

std::filesystem::path dpc_dir() { return santei::test::shared_dir() / "dpc"; }

const Definitions& definitions(const std::string& file) {
  static std::map<std::string, Definitions> loaded;
  auto it = loaded.find(file);
  if (it == loaded.end()) {
    it = loaded.emplace(file, *read_definitions(santei::xlsx::Workbook::open(dpc_dir() / file))).first;
  }
  return it->second;
}

bool any_value(std::string_view cell) { return cell.empty() || cell == "a"; }

int to_int(std::string_view text) { return std::stoi(std::string(text)); }

// A code the ICD pattern of a 定義テーブル row stands for ("C71$" → "C719"; "M!!!!" → an M code no
// other row names).
std::string icd_for(std::string_view pattern) {
  if (pattern == "M!!!!") return "M99Z";
  if (pattern.ends_with('$')) return std::string(pattern.substr(0, pattern.size() - 1)) + "9";
  return std::string(pattern);
}

// The branch columns of the 変換テーブル a 分類's rows constrain (a value other than "a" or empty).
std::set<std::size_t> constrained(const DefinitionRow* first, const DefinitionRow* last) {
  std::set<std::size_t> used;
  for (const DefinitionRow* row = first; row != last; ++row) {
    for (std::size_t b = 0; b < kBranches; ++b) {
      if (!any_value(row->cell(conversion::first_branch + b))) used.insert(b);
    }
  }
  return used;
}

struct Builder {
  const Definitions& d;
  Date on;
  const DefinitionRow& row;
  DpcGroupingInput input;
  int statements = 0;      // branch values the stay had to state (defined in words, or not evaluated)

  std::string_view cell(Branch b) const { return row.cell(conversion::first_branch + static_cast<std::size_t>(b)); }

  void set_condition(const std::string& name, std::int32_t value) {
    for (auto& [key, v] : input.conditions) {
      if (key == name) {
        v = value;
        return;
      }
    }
    input.conditions.emplace_back(name, value);
  }

  // 年齢 is read by three branches (病態等分類, ５）条件区分 1, 10－1 条件区分 1): each row's value
  // narrows it to some intervals [from, to); the stay's age is the least that is in all of them.
  struct Interval {
    int from, to, kind;
  };
  std::vector<std::vector<Interval>> age_constraints;

  static int upper(std::string_view to) { return to == "999" || to == "9999" || to == "100000" ? 1'000'000 : to_int(to); }

  void constrain_age(DefinitionSheet sheet, int kind, int ranges, std::string_view value) {
    std::vector<Interval> allowed;
    const auto [first, last] = d.of(sheet, row.bunrui);
    for (const DefinitionRow* r = first; r != last; ++r) {
      if (!r->valid.contains(on)) continue;
      if (sheet == DefinitionSheet::condition) {
        if (r->cell(condition::value) == value) {
          const std::string_view k = r->cell(condition::kind);
          allowed.push_back({to_int(r->cell(condition::age_from)), upper(r->cell(condition::age_to)), k.empty() ? -1 : to_int(k)});
        }
        continue;
      }
      if (r->cell(ranges::kind) != std::to_string(kind)) continue;
      for (int i = 0; i < ranges; ++i) {
        const std::size_t from = ranges::first_range + static_cast<std::size_t>(i) * 3;
        if (!r->cell(from).empty() && r->cell(from + 2) == value) allowed.push_back({to_int(r->cell(from)), upper(r->cell(from + 1)), -1});
      }
    }
    REQUIRE_MESSAGE(!allowed.empty(), row.bunrui, " row ", row.line, ": no 年齢 range gives ", value);
    age_constraints.push_back(std::move(allowed));
  }

  void settle_age() {
    if (age_constraints.empty()) return;
    for (const std::vector<Interval>& allowed : age_constraints) {
      for (const Interval& candidate : allowed) {
        const int age = candidate.from;
        int kind = -1;
        const bool fits = std::all_of(age_constraints.begin(), age_constraints.end(), [&](const std::vector<Interval>& c) {
          return std::any_of(c.begin(), c.end(), [&](const Interval& i) {
            if (age < i.from || age >= i.to) return false;
            if (i.kind >= 0) kind = i.kind;
            return true;
          });
        });
        if (!fits) continue;
        input.age = age;
        if (kind >= 0) set_condition("pneumonia", kind);
        return;
      }
    }
    FAIL(row.bunrui, " row ", row.line, ": no 年齢 fits all its branches");
  }

  // An input in the range of a ５）/10－1 row whose 値 is `value` (any range when `value` is any).
  std::optional<std::int32_t> from_ranges(DefinitionSheet sheet, int kind, int ranges, std::string_view value) const {
    const auto [first, last] = d.of(sheet, row.bunrui);
    for (const DefinitionRow* r = first; r != last; ++r) {
      if (!r->valid.contains(on) || r->cell(ranges::kind) != std::to_string(kind)) continue;
      for (int i = 0; i < ranges; ++i) {
        const std::size_t from = ranges::first_range + static_cast<std::size_t>(i) * 3;
        if (r->cell(from).empty()) continue;
        if (any_value(value) || r->cell(from + 2) == value) return to_int(r->cell(from));
      }
    }
    return std::nullopt;
  }

  void scalar(Branch b, std::string_view value) {
    struct Input { Branch branch; DefinitionSheet sheet; int kind; const char* name; };
    static constexpr Input kRanges[] = {
        {Branch::age, DefinitionSheet::age, 1, "age"},           {Branch::month_age, DefinitionSheet::age, 6, "month_age"},
        {Branch::birth_weight, DefinitionSheet::age, 3, "birth_weight"}, {Branch::jcs, DefinitionSheet::age, 2, "jcs"},
        {Branch::burn_index, DefinitionSheet::age, 4, "burn_index"},     {Branch::gaf, DefinitionSheet::age, 5, "gaf"},
        {Branch::gestation_weeks, DefinitionSheet::age, 7, "gestation_weeks"},
        {Branch::blood_loss, DefinitionSheet::age, 8, "delivery_blood_loss"},
        {Branch::severity_age, DefinitionSheet::severity_range, 1, "age"},
        {Branch::severity_jcs, DefinitionSheet::severity_range, 2, "jcs"},
    };
    static constexpr Input kChoices[] = {
        {Branch::severity_sides, DefinitionSheet::severity_choice, 7, "sides"},
        {Branch::severity_reoperation, DefinitionSheet::severity_choice, 6, "reoperation"},
        {Branch::severity_eyes, DefinitionSheet::severity_choice, 4, "both_eyes"},
        {Branch::severity_laterality, DefinitionSheet::severity_choice, 5, "laterality"},
        {Branch::severity_rehabilitation, DefinitionSheet::severity_choice, 8, "rehabilitation"},
        {Branch::severity_transfer, DefinitionSheet::severity_choice, 13, "transfer"},
    };
    static constexpr Input kClasses[] = {
        {Branch::severity_adrop, DefinitionSheet::severity_class, 12, "a_drop"},
        {Branch::severity_stroke_onset, DefinitionSheet::severity_class, 14, "stroke_onset"},
        {Branch::severity_child_pugh, DefinitionSheet::severity_class, 15, "child_pugh"},
    };
    if (b == Branch::condition || b == Branch::age || b == Branch::severity_age) {
      if (any_value(value)) return;
      if (b == Branch::condition) constrain_age(DefinitionSheet::condition, 0, 0, value);
      else if (b == Branch::age) constrain_age(DefinitionSheet::age, 1, ranges::kAgeRanges, value);
      else constrain_age(DefinitionSheet::severity_range, 1, ranges::kSeverityRanges, value);
      return;
    }
    for (const Input& in : kRanges) {
      if (in.branch != b) continue;
      const int ranges = in.sheet == DefinitionSheet::age ? ranges::kAgeRanges : ranges::kSeverityRanges;
      const std::optional<std::int32_t> x = from_ranges(in.sheet, in.kind, ranges, value);
      REQUIRE_MESSAGE(x, row.bunrui, " row ", row.line, ": no range gives ", value);
      if (std::string(in.name) == "age") input.age = *x;
      else set_condition(in.name, *x);
      return;
    }
    const auto [first, last] = d.of(std::any_of(std::begin(kChoices), std::end(kChoices), [&](const Input& i) { return i.branch == b; })
                                        ? DefinitionSheet::severity_choice
                                        : DefinitionSheet::severity_class,
                                    row.bunrui);
    for (const Input& in : kChoices) {
      if (in.branch != b) continue;
      for (const DefinitionRow* r = first; r != last; ++r) {
        if (r->cell(severity_choice::kind) != std::to_string(in.kind)) continue;
        set_condition(in.name, !any_value(value) && r->cell(severity_choice::value_2) == value ? 1 : 0);
        return;
      }
    }
    for (const Input& in : kClasses) {
      if (in.branch != b) continue;
      for (const DefinitionRow* r = first; r != last; ++r) {
        if (r->cell(severity_class::kind) != std::to_string(in.kind)) continue;
        if (!any_value(value) && r->cell(severity_class::value) != value) continue;
        set_condition(in.name, to_int(r->cell(severity_class::class_code)));
        return;
      }
    }
    // 10－3 急性膵炎, 発症前Rankin Scale: not evaluated; the stay states the value.
    if (!any_value(value)) stated(b, value);
  }

  void stated(Branch b, std::string_view value) {
    input.branches.emplace_back(kBranchNames[static_cast<std::size_t>(b)], value);
    ++statements;
  }

  void surgery(std::string_view value) {
    const auto [first, last] = d.of(DefinitionSheet::surgery, row.bunrui);
    const DefinitionRow* best = nullptr;
    int best_codes = 99;
    for (const DefinitionRow* r = first; r != last; ++r) {
      if (!r->valid.contains(on) || r->cell(surgery::value) != value) continue;
      CHECK_MESSAGE(r->cell(surgery::by_age).empty(), "row ", r->line, ": a 年齢，出生時体重別の値 (the grouper refuses it)");
      int codes = 0;
      for (int c = 0; c < surgery::kCodes; ++c) codes += !r->cell(surgery::first_code + static_cast<std::size_t>(c)).empty();
      if (codes < best_codes) best = r, best_codes = codes;
    }
    REQUIRE_MESSAGE(best, row.bunrui, " row ", row.line, ": no ６）手術 row with 対応コード ", value);
    const std::string_view first_code = best->cell(surgery::first_code);
    if (first_code == "KKK0") return;
    if (first_code == "KKK1") {
      input.surgeries.push_back("K000-0");  // a 手術 no row of the 分類 names
      return;
    }
    for (int c = 0; c < surgery::kCodes; ++c) {
      const std::string_view code = best->cell(surgery::first_code + static_cast<std::size_t>(c));
      if (!code.empty()) input.surgeries.emplace_back(code);
    }
  }

  void procedure(DefinitionSheet sheet, std::string_view value) {
    if (value == "0") return;
    const bool first_sheet = sheet == DefinitionSheet::procedure1;
    const std::size_t value_field = first_sheet ? std::size_t{procedure1::value} : std::size_t{procedure2::value};
    const std::size_t first_code = first_sheet ? std::size_t{procedure1::first_code} : std::size_t{procedure2::first_code};
    const auto [first, last] = d.of(sheet, row.bunrui);
    const DefinitionRow* chosen = nullptr;
    for (const DefinitionRow* r = first; r != last; ++r) {
      if (!r->valid.contains(on) || r->cell(value_field) != value) continue;
      const bool combined = first_sheet && !r->cell(procedure1::with_surgery).empty();
      if (chosen == nullptr || (!combined && first_sheet && !chosen->cell(procedure1::with_surgery).empty())) chosen = r;
    }
    if (chosen == nullptr) {  // a value the 定義テーブル defines in words (電気生理学的検査 …)
      stated(first_sheet ? Branch::procedure1 : Branch::procedure2, value);
      return;
    }
    for (std::size_t c = 0; c < 2; ++c) {
      if (!chosen->cell(first_code + c).empty()) input.procedures.emplace_back(chosen->cell(first_code + c));
    }
    if (first_sheet && !chosen->cell(procedure1::with_surgery).empty()) input.surgeries.emplace_back(chosen->cell(procedure1::with_surgery));
  }

  void comorbidity(std::string_view value) {
    if (value == "0") return;
    const std::string_view surgery = cell(Branch::surgery);
    const bool with_surgery = any_value(surgery) ? !input.surgeries.empty() : surgery != "99";
    const auto [first, last] = d.of(DefinitionSheet::comorbidity, row.bunrui);
    for (const DefinitionRow* r = first; r != last; ++r) {
      const std::string_view flag = r->cell(comorbidity::flag);
      if (!r->valid.contains(on) || r->cell(comorbidity::value) != value) continue;
      if (flag == "1" || (flag == "2" && !with_surgery) || (flag == "3" && with_surgery)) {
        input.comorbidities.push_back(icd_for(r->cell(comorbidity::code)));
        return;
      }
    }
    // None fits: the 変換テーブル lists the value for every 手術 branch though ９）has it only with (or
    // without) 手術 — such a row gives the same code as its "0" twin, which the stay then reaches.
  }
};

// Whether a 処置等 column of the 分類's 変換テーブル rows has a value (other than "0") no row of
// ７）/８）gives (r08: 電気生理学的検査 of 050070 and 050210, 1 of 060100 and 060130).
bool undefined_in(const Definitions& d, Date on, std::string_view bunrui, Branch branch) {
  const bool first_sheet = branch == Branch::procedure1;
  const auto [c_first, c_last] = d.of(DefinitionSheet::conversion, bunrui);
  const auto [p_first, p_last] = d.of(first_sheet ? DefinitionSheet::procedure1 : DefinitionSheet::procedure2, bunrui);
  const std::size_t value_field = first_sheet ? std::size_t{procedure1::value} : std::size_t{procedure2::value};
  for (const DefinitionRow* row = c_first; row != c_last; ++row) {
    const std::string_view value = row->cell(conversion::first_branch + static_cast<std::size_t>(branch));
    if (any_value(value) || value == "0") continue;
    if (std::none_of(p_first, p_last, [&](const DefinitionRow& p) { return p.valid.contains(on) && p.cell(value_field) == value; })) return true;
  }
  return false;
}

struct RoundTrip {
  std::size_t rows = 0, grouped = 0, stated = 0;
};

RoundTrip round_trip(const std::string& file, Date on) {
  const Definitions& d = definitions(file);
  RoundTrip result;
  // One diagnosis per 分類 (an exact code where the 分類 has one).
  std::map<std::string, std::pair<std::string, bool>, std::less<>> diagnosis;  // 分類 → (code, written exactly)
  for (const DefinitionRow& r : d.rows(DefinitionSheet::icd)) {
    const bool exact = !r.cell(icd::code).ends_with('$') && r.cell(icd::code) != "M!!!!";
    auto [it, added] = diagnosis.try_emplace(std::string(r.bunrui), icd_for(r.cell(icd::code)), exact);
    if (!added && exact && !it->second.second) it->second = {std::string(r.cell(icd::code)), true};
  }
  const std::vector<DefinitionRow>& rows = d.rows(DefinitionSheet::conversion);
  std::size_t shown = 0;
  for (std::size_t i = 0; i < rows.size();) {
    const auto [first, last] = d.of(DefinitionSheet::conversion, rows[i].bunrui);
    const std::set<std::size_t> used = constrained(first, last);
    for (const DefinitionRow* row = first; row != last; ++row) {
      if (!row->valid.contains(on)) continue;
      ++result.rows;
      Builder b{d, on, *row, {}};
      b.input.diagnosis = diagnosis.find(row->bunrui)->second.first;
      b.input.age = 60;  // when no branch of the row turns on 年齢
      b.surgery(any_value(b.cell(Branch::surgery)) ? "99" : b.cell(Branch::surgery));
      if (!any_value(b.cell(Branch::procedure1))) b.procedure(DefinitionSheet::procedure1, b.cell(Branch::procedure1));
      if (!any_value(b.cell(Branch::procedure2))) b.procedure(DefinitionSheet::procedure2, b.cell(Branch::procedure2));
      if (!any_value(b.cell(Branch::comorbidity))) b.comorbidity(b.cell(Branch::comorbidity));
      for (const std::size_t u : used) {
        const auto branch = static_cast<Branch>(u);
        if (branch == Branch::surgery || branch == Branch::procedure1 || branch == Branch::procedure2 || branch == Branch::comorbidity) continue;
        b.scalar(branch, b.cell(branch));
      }
      // Where the 分類 has a 処置等 value no row defines, the stay says which it reached (here: the
      // row's own), else the grouper cannot rule the undefined one out.
      for (const Branch set : {Branch::procedure1, Branch::procedure2}) {
        if (undefined_in(d, on, row->bunrui, set) && !any_value(b.cell(set)) &&
            std::none_of(b.input.branches.begin(), b.input.branches.end(), [](const auto& s) { return s.first.starts_with("procedure"); })) {
          b.stated(set, b.cell(set));
        }
      }
      b.settle_age();
      if (b.statements > 0) ++result.stated;
      try {
        const santei::DpcGrouping grouped = group(d, b.input, on);
        if (grouped.code == row->cell(conversion::code)) {
          ++result.grouped;
        } else if (shown++ < 20) {
          FAIL_CHECK(file, " row ", row->line, ": expected ", row->cell(conversion::code), ", grouped ", grouped.code);
        }
      } catch (const santei::Exception& e) {
        if (shown++ < 20) FAIL_CHECK(file, " row ", row->line, " (", row->cell(conversion::code), "): ", std::string(e.what()));
      }
    }
    i = static_cast<std::size_t>(last - rows.data());
  }
  return result;
}

// The DPC codes of the 樹形図 workbook, top to bottom (each leaf once).
std::vector<std::string> tree_leaves(const std::filesystem::path& file) {
  const santei::xlsx::Workbook workbook = santei::xlsx::Workbook::open(file);
  const santei::xlsx::Sheet sheet = workbook.sheet(workbook.sheet_names().front());
  std::vector<std::string> leaves;
  for (std::uint32_t row = 1; row <= sheet.last_row(); ++row) {
    for (std::uint32_t column = 1; column <= 40; ++column) {
      const std::string_view text = sheet.text({row, column});
      if (text.size() == 14 && santei::is_dpc_code(text)) leaves.emplace_back(text);
    }
  }
  return leaves;
}

DpcGroupingInput stay(std::string diagnosis, std::vector<std::string> surgeries = {}, std::vector<std::string> procedures = {},
                      std::vector<std::string> comorbidities = {}) {
  DpcGroupingInput input;
  input.diagnosis = std::move(diagnosis);
  input.surgeries = std::move(surgeries);
  input.procedures = std::move(procedures);
  input.comorbidities = std::move(comorbidities);
  input.age = 60;
  return input;
}

const Date kR06 = *Date::parse_iso("2024-06-03");
const Date kR08 = *Date::parse_iso("2026-06-03");

}  // namespace

TEST_CASE("dpc grouper: in each 分類, the r06 樹形図's leaves, top to bottom, are the 変換テーブル's codes in its order") {
  // The 樹形図 and the 2024-03-21 workbook were published together.
  std::map<std::string, std::vector<std::string>> leaves, table;
  for (const std::string& leaf : tree_leaves(dpc_dir() / "r06" / "jukeizu_r06.xlsx")) leaves[leaf.substr(0, 6)].push_back(leaf);
  for (const DefinitionRow& row : definitions("r06/dpc_denshi_tensuhyo_20240321.xlsx").rows(DefinitionSheet::conversion)) {
    std::vector<std::string>& codes = table[std::string(row.bunrui)];
    if (codes.empty() || codes.back() != row.cell(conversion::code)) codes.emplace_back(row.cell(conversion::code));
  }
  std::size_t same = 0, codes = 0;
  for (const auto& [bunrui, sequence] : table) {
    codes += sequence.size();
    if (leaves[bunrui] == sequence) ++same;
    else FAIL_CHECK(bunrui, ": 樹形図 ", doctest::toString(leaves[bunrui].size()), " leaves, 変換テーブル ", sequence.size(), " codes in another order");
  }
  CHECK(codes == 3248);
  CHECK(same == table.size());
  MESSAGE(same, " of ", table.size(), " 分類 in the same order");
}

TEST_CASE("dpc grouper: every branch of the r08 変換テーブル groups to its code") {
  const RoundTrip r = round_trip("r08/dpc_denshi_tensuhyo_20260318.xlsx", kR08);
  CHECK(r.rows == 9248);
  CHECK(r.grouped == 9248);
  CHECK(r.stated == 208);  // 050070, 050210, 060100, 060130 (a 処置等１ value ７）does not define) and 060350 (10－3)
  MESSAGE("r08: ", r.grouped, " grouped, ", r.stated, " of them with a stated branch");
}

TEST_CASE("dpc grouper: every branch of the r06 変換テーブル groups to its code") {
  const RoundTrip r = round_trip("r06/dpc_denshi_tensuhyo_20260220.xlsx", kR06);
  CHECK(r.rows == 9129);
  CHECK(r.grouped == 9129);
  CHECK(r.stated == 8);  // 060350 急性膵炎: 10－3 重症度 (not read) stated
  MESSAGE("r06: ", r.grouped, " grouped, ", r.stated, " of them with a stated branch");
}

namespace {

const santei::DpcTables& tables() { return *santei::test::real_dpc_tables(); }

std::string code_of(const DpcGroupingInput& input, Date on) { return tables().group(input, on).code; }

}  // namespace

// r06 樹形図 rows 2–140 (010010 脳腫瘍) read by hand: 手術 なし / その他の手術 / Ｋ１６９＄等 /
// K169$+K939-2等 / K169$+注2加算, then 処置等1, 処置等2 1…B and 定義副傷病 as drawn.
TEST_CASE("dpc grouper: r06 010010 脳腫瘍 as its 樹形図 draws it") {
  CHECK(code_of(stay("C711"), kR06) == "010010xx9900xx");                       // row 10
  CHECK(code_of(stay("C71.1"), kR06) == "010010xx9900xx");                      // the dot ignored
  CHECK(code_of(stay("C711", {}, {"G005"}), kR06) == "010010xx9901xx");         // 中心静脈注射: 処置等2 1 (row 14)
  CHECK(code_of(stay("C711", {}, {"G005", "0204"}), kR06) == "010010xx990Bxx");  // and ペムブロリズマブ (B): the lower (row 34)
  CHECK(code_of(stay("C711", {}, {"E0033ｲ"}), kR06) == "010010xx991xxx");       // 処置等1 あり (row 36)
  CHECK(code_of(stay("C711", {"K1692"}), kR06) == "010010xx03x00x");            // Ｋ１６９＄等 (row 76)
  CHECK(code_of(stay("C711", {"K1692"}, {}, {"J13"}), kR06) == "010010xx03x01x");  // with 定義副傷病 J13 (フラグ 3, row 78)
  CHECK(code_of(stay("C711", {}, {}, {"J13"}), kR06) == "010010xx9900xx");      // J13 counts only with 手術 (フラグ 3)
  CHECK(code_of(stay("C711", {"K1692", "K939-2"}), kR06) == "010010xx02x0xx");  // K169$+K939-2等 (row 114)
  CHECK(code_of(stay("C711", {"K1692", "K939-2"}, {"G005"}), kR06) == "010010xx02x1xx");  // row 118
  CHECK(code_of(stay("C711", {"K154-3"}), kR06) == "010010xx97x00x");           // ６）names it with 対応コード 97 (row 44)
  CHECK(code_of(stay("C711", {"K000-0"}), kR06) == "010010xx97x00x");           // a 手術 ６）does not name: KKK1 → 97
  CHECK(code_of(stay("C711", {"K000-0", "K1692"}), kR06) == "010010xx03x00x");  // the lower of 97 and 03
  const santei::DpcGrouping grouped = tables().group(stay("C711", {"K1692"}, {}, {"J13"}), kR06);
  REQUIRE(grouped.steps.size() == 6);
  CHECK(grouped.steps[0] == "傷病名 C711 → 分類 010010 (４）ＩＣＤ row 5: C71$ 脳の悪性新生物＜腫瘍＞)");
  CHECK(grouped.steps[1] == "手術 K1692 → 03 (６）手術 row 30)");
  CHECK(grouped.steps[2] == "定義副傷病 J13 → 1 (９）row 12: J13, フラグ 3)");
  CHECK(grouped.steps[3] == "手術・処置等１: none of the stay's codes is in ７）for 分類 010010 → 0");
  CHECK(grouped.steps[4] == "手術・処置等２: none of the stay's codes is in ８）for 分類 010010 → 0");
  CHECK(grouped.steps[5].starts_with("12）変換テーブル row 101 (通し番号 28): 010010xx03x01x"));
}

TEST_CASE("dpc grouper: r08 branches on JCS, 年齢, 病態等分類 and A-DROP as ５）, ３）and 10－4 say") {
  DpcGroupingInput bleed = stay("I610");  // 010040 非外傷性頭蓋内血腫: ５）JCS 0–10 → 0, 10– → 1
  CHECK_THROWS_WITH_AS(code_of(bleed, kR08), doctest::Contains("branches on JCS"), santei::Exception);
  try {
    code_of(bleed, kR08);
  } catch (const santei::Exception& e) {
    CHECK(e.info().field == "admission.dpc.grouping.conditions.jcs");
  }
  bleed.conditions = {{"jcs", 20}};
  CHECK(code_of(bleed, kR08) == "010040x199x0xx");
  bleed.conditions = {{"jcs", 0}};
  CHECK(code_of(bleed, kR08) == "010040x099000x");
  bleed.conditions = {{"jcs", 10}};  // 以上 10: the upper range
  CHECK(code_of(bleed, kR08) == "010040x199x0xx");

  DpcGroupingInput pneumonia = stay("J189");  // 040080 肺炎等: ３）age < 15 → 1; ５）0–1 → 0, 1–15 → 1, 65–75 → 3
  pneumonia.age = 10;
  CHECK(code_of(pneumonia, kR08) == "0400801199x0xx");
  pneumonia.age = 0;
  CHECK(code_of(pneumonia, kR08) == "0400801099x0xx");
  pneumonia.age = 70;  // 15 and over: 院内 (3) or 市中 (5) must be stated
  CHECK_THROWS_WITH_AS(code_of(pneumonia, kR08), doctest::Contains("院内肺炎又は市中肺炎"), santei::Exception);
  pneumonia.conditions = {{"pneumonia", 3}};
  CHECK(code_of(pneumonia, kR08) == "0400800x99x0xx");
  pneumonia.conditions = {{"pneumonia", 5}, {"a_drop", 2}};  // 市中肺炎, 65–75 → 3, A-DROP 2 → 2
  CHECK(code_of(pneumonia, kR08) == "0400802399x002");
}

TEST_CASE("dpc grouper: what santei cannot evaluate is unknown until the stay states it") {
  // 060350 急性膵炎: with 手術 01 the 変換テーブル turns on 10－3 重症度 (not read).
  DpcGroupingInput pancreatitis = stay("K859", {"K7051"});
  CHECK_THROWS_WITH_AS(code_of(pancreatitis, kR08), doctest::Contains("unknown"), santei::Exception);
  pancreatitis.branches = {{"severity_pancreatitis", "1"}};
  CHECK(code_of(pancreatitis, kR08) == "060350xx0100x1");
  CHECK(code_of(stay("K859"), kR08) == "060350xx99x0xx");  // without 手術 the 重症度 is not a branch
  // 050070 頻脈性不整脈: 処置等1 3 (電気生理学的検査, 留意事項 第２ ３(６): by 材料 count) is in no row of ７）.
  DpcGroupingInput arrhythmia = stay("I471");
  try {
    code_of(arrhythmia, kR08);
    FAIL("grouped without knowing 処置等1 3");
  } catch (const santei::Exception& e) {
    CHECK(e.info().field == "admission.dpc.grouping.branches.procedure1");
    CHECK(std::string(e.what()).find("050070xx9930xx") != std::string::npos);
  }
  arrhythmia.branches = {{"procedure1", "0"}};
  CHECK(code_of(arrhythmia, kR08) == "050070xx99000x");
  arrhythmia.branches = {{"procedure1", "3"}};
  CHECK(code_of(arrhythmia, kR08) == "050070xx9930xx");
  arrhythmia.branches = {{"procedure_1", "3"}};
  CHECK_THROWS_WITH_AS(code_of(arrhythmia, kR08), doctest::Contains("'procedure_1' is not a column"), santei::Exception);
}

TEST_CASE("dpc grouper: diagnoses — wildcards, M!!!! and the codes no 分類 holds") {
  CHECK(code_of(stay("M2570"), kR08).starts_with("071030"));  // written exactly
  CHECK(code_of(stay("M9999"), kR08).starts_with("071030"));  // M999$
  CHECK(code_of(stay("M255"), kR08).starts_with("071030"));   // in no row: M!!!! (every other M code, ４）前提条件)
  // R51 頭痛: R00–R99 are not to be chosen (留意事項 第２ １(２)); no 分類 holds it.
  try {
    code_of(stay("R51"), kR08);
    FAIL("R51 grouped");
  } catch (const santei::Exception& e) {
    CHECK(e.info().status == santei::Status::claim_error);
    CHECK(e.info().field == "admission.dpc.grouping.diagnosis");
    CHECK(std::string(e.what()).find("出来高") != std::string::npos);
  }
}
