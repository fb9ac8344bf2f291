// The r08 revision (令和8年度, in force 2026-06-01) on what we have of it: the real r08 rows of
// ../shared/excerpts/r08 (a partial revision directory: a 医科診療行為マスター only) beside the real
// r06 masters, and the figures of the r08 告示 (../shared/law/r08/kokuji-ika.txt, 告示第69号).
#include <doctest/doctest.h>

#include <algorithm>

#include "error_of.hpp"
#include "masters/layout.hpp"
#include "pricing_support.hpp"
#include "santei/regress.hpp"
#include "santei/rules.hpp"

using namespace santei;
using namespace santei::test;

namespace {

std::filesystem::path r08_excerpt() { return shared_dir() / "excerpts" / "r08"; }

// r06 (../shared/masters/r06) and the r08 excerpt side by side, as
// `santei price --masters ../shared/masters/r06 --masters ../shared/excerpts/r08` loads them.
const MasterLibrary& r06_and_r08() {
  static const MasterLibrary library = [] {
    MasterLibrary out;
    for (const auto& set : real_library().sets()) {
      if (set->revision() == "r06") out.add(set);
    }
    out.add(MasterSet::load(r08_excerpt()));
    return out;
  }();
  return library;
}
const MasterSet& r08() { return *r06_and_r08().revision("r08"); }

PricedClaim price_on(const ClaimSpec& spec, PricingOptions options = {}) {
  options.copay = false;
  return price(parse_claim(claim_json(spec)), r06_and_r08(), options);
}

// The points of the lines holding `code` (−1 when none does).
std::int64_t points_with(const PricedClaim& priced, Code code) {
  std::int64_t total = -1;
  for (const PricedLine& line : priced.lines) {
    for (const LineItem& item : line.items) {
      if (item.code == code) total = (total < 0 ? 0 : total) + line.total().value;
    }
  }
  return total;
}

std::int32_t lines_with(const PricedClaim& priced, Code code) {
  return static_cast<std::int32_t>(std::count_if(priced.lines.begin(), priced.lines.end(), [&](const PricedLine& line) {
    return std::any_of(line.items.begin(), line.items.end(), [&](const LineItem& i) { return i.code == code; });
  }));
}

}  // namespace

TEST_CASE("r08 excerpt: 248 rows load through the s_150 layout as a partial revision directory of r08 (2026-06-01 on)") {
  const MasterSet& set = r08();
  CHECK(set.revision() == "r08");
  CHECK(set.period().from == day("2026-06-01"));
  CHECK(set.period().to.is_open_end());
  REQUIRE(set.stats().files.size() == 1);
  CHECK(set.stats().files[0].layout == "s_150");
  CHECK(set.stats().files[0].rows == 248);
  CHECK(set.stats().missing == std::vector<std::string>{"y", "t", "c", "b", "z"});
  const auto noted = [&](const char* title) {
    return std::any_of(set.stats().notes.begin(), set.stats().notes.end(),
                       [&](const std::string& n) { return n.find(title) != std::string::npos && n.find("partial") != std::string::npos; });
  };
  CHECK(noted("医薬品マスター"));
  CHECK(noted("修飾語マスター"));
}

TEST_CASE("r08 layout, cols 132–133 as the excerpt README gives them: 初診料 2/001 → 物価対応料 初診時 1/001; 急性期一般入院料１ 2/006 → 物価対応料２ ニ 1/006") {
  const Date on = day("2026-06-01");
  const ProcedureRecord* shoshin = r08().procedure(111000110, on);
  REQUIRE(shoshin);
  CHECK(shoshin->points == Decimal(291));  // 告示 A000 291点
  CHECK(shoshin->price_response_kind == '2');
  CHECK(shoshin->price_response_group == 1);
  const ProcedureRecord* item = r08().procedure(180819910, on);
  REQUIRE(item);
  CHECK(item->price_response_kind == '1');
  CHECK(item->price_response_group == 1);
  CHECK(item->points == Decimal(2));  // 告示 O100 1 イ ２点
  CHECK(r08().procedure(112007410, on)->price_response_group == 2);
  CHECK(r08().procedure(190117710, on)->price_response_group == 6);
  CHECK(r08().procedure(180820510, on)->points == Decimal(58));  // 告示 O100 2 ニ 58点
  CHECK(r08().procedure(111704070, on)->remote_prescription == '0');  // col 136, 0 on every excerpt row
  // The rule graph's reverse link; group 005 (急性期病院Ｂ) holds two (O100 2 ロ and ハ).
  const auto one = r08().rules().price_response_items(1);
  CHECK(std::vector<Code>(one.begin(), one.end()) == std::vector<Code>{180819910});
  const auto five = r08().rules().price_response_items(5);
  CHECK(std::vector<Code>(five.begin(), five.end()) == std::vector<Code>{180820310, 180820410});
  // r06 rows leave cols 132–137 empty: 0.
  CHECK(r06().procedure(111000110, day("2024-06-01"))->price_response_kind == '0');
}

// SSK's R8 基本マスター仕様書 (master_0_20260501.pdf, from the 令和8年度改定情報 page; its item tables as
// kohii/reseden-master-spec data/20260501 extracted them): 医薬品 42 items, 特定器材 38, コメント 30, 医科診療行為
// 150 — the shapes of r06 — so an r08 file is read by the layout of its r06 shape.
TEST_CASE("r08 spec: y 42, t 38, c 30, s 150 items, read by the r06-shaped layouts; 旧点数 (s 57–58) is 予備 in r08 rows") {
  const auto name_of = [](const char* kind, int columns, int n) {
    const masters::Layout* layout = masters::find_layout(kind, columns);
    REQUIRE(layout);
    return layout->by_number.at(static_cast<std::size_t>(n - 1)).name;
  };
  CHECK(name_of("y", 42, 41) == "長期収載品関連");
  CHECK(name_of("y", 42, 42) == "選定療養区分");
  CHECK(name_of("y", 42, 39) == "一般名処方加算対象区分");
  CHECK(name_of("t", 38, 38) == "再製造単回使用医療機器");
  CHECK(name_of("t", 38, 33) == "ＤＰＣ適用区分");
  CHECK(name_of("c", 30, 23) == "コメントコード");
  CHECK(name_of("c", 30, 20) == "選択式コメント識別");
  CHECK(name_of("s", 150, 132) == "物価対応料区分");
  CHECK(name_of("s", 150, 137) == "外科医療確保特別加算");
  CHECK(masters::known_column_counts("c") == "30");
  // Items 57–58 are 予備 in the R8 spec: the r08 初診料 row carries 0 there; the r06 row carries the
  // r04 points as 旧点数 (3 / 288, beside 291).
  const ProcedureRecord* r06_shoshin = r06().procedure(111000110, day("2024-06-01"));
  REQUIRE(r06_shoshin);
  CHECK(r06_shoshin->old_point_kind == 3);
  CHECK(r06_shoshin->old_points == Decimal(288));
  const ProcedureRecord* r08_shoshin = r08().procedure(111000110, day("2026-06-01"));
  REQUIRE(r08_shoshin);
  CHECK(r08_shoshin->old_point_kind == 0);
  CHECK(r08_shoshin->old_points == Decimal(0));
}

TEST_CASE("the revision by service date: 2026-05-31 is r06, 2026-06-01 is r08") {
  CHECK(r06_and_r08().for_date(day("2026-05-31"))->revision() == "r06");
  CHECK(r06_and_r08().for_date(day("2026-06-01"))->revision() == "r08");
  CHECK(price_on(one_visit("2026-05-29", order("12", {"112007410"}))).revision == "r06");
  CHECK(price_on(one_visit("2026-06-01", order("12", {"112007410"}))).revision == "r08");
}

TEST_CASE("r08 2026-06: 初診料 291点 (告示 A000) + 外来・在宅物価対応料 初診時 2点 (O100 1 イ), added automatically = 293") {
  const PricedClaim priced = price_on(one_visit("2026-06-02", order("11", {"111000110"})));
  CHECK(priced.revision == "r08");
  CHECK(priced.total.value == 293);
  CHECK(points_with(priced, 111000110) == 291);
  CHECK(points_with(priced, 180819910) == 2);
  const auto line = std::find_if(priced.lines.begin(), priced.lines.end(),
                                 [](const PricedLine& l) { return l.items.front().code == 180819910; });
  REQUIRE(line != priced.lines.end());
  CHECK(line->items.front().automatic);
  CHECK(line->category == 80);  // 診療識別 80 その他
  CHECK(priced.categories.at(80).value == 2);
}

TEST_CASE("再診料 76点 in r08 (告示 A001; 75 in r06) + 物価対応料 再診時等 2点 (O100 1 ロ) = 78; a 2026-05 再診 is 75 with none") {
  const PricedClaim june = price_on(one_visit("2026-06-03", order("12", {"112007410"})));
  CHECK(points_with(june, 112007410) == 76);
  CHECK(points_with(june, 180820010) == 2);
  CHECK(june.total.value == 78);
  const PricedClaim may = price_on(one_visit("2026-05-29", order("12", {"112007410"})));
  CHECK(may.total.value == 75);
  CHECK(points_with(may, 180820010) == -1);
}

TEST_CASE("物価対応料 the claim lists is checked and never doubled: listed with 初診料 = 293 once; listed alone it is dropped with an error") {
  const PricedClaim listed = price_on(one_visit("2026-06-02", order("11", {"111000110"}) + "," + order("80", {"180819910"})));
  CHECK(listed.total.value == 293);
  CHECK(lines_with(listed, 180819910) == 1);
  CHECK_FALSE(has_diagnostic(listed, "物価対応料"));

  const PricedClaim twice =
      price_on(one_visit("2026-06-02", order("11", {"111000110"}) + "," + order("80", {"180819910", "180819910"})));
  CHECK(twice.total.value == 293);
  CHECK(has_diagnostic(twice, "物価対応料"));

  // 再診時等 with a 初診料 only: its group 002 is not on the visit (通知 O100 (3) 「…を算定した場合に限り」).
  const PricedClaim wrong = price_on(one_visit("2026-06-02", order("11", {"111000110"}) + "," + order("80", {"180820010"})));
  CHECK(wrong.total.value == 293);  // 初診料 and its own 物価対応料; 180820010 not billed
  CHECK(points_with(wrong, 180820010) == -1);
  CHECK(has_diagnostic(wrong, "物価対応料"));
}

TEST_CASE("物価対応料 is added once a visit per group: 初診料 on two days of a month brings two") {
  ClaimSpec spec;
  spec.month = "2026-06";
  spec.visits = "[" + visit("2026-06-02", order("11", {"111000110"})) + "," + visit("2026-06-09", order("12", {"112007410"})) +
                "," + visit("2026-06-16", order("12", {"112007410"})) + "]";
  const PricedClaim priced = price_on(spec);
  CHECK(priced.total.value == 291 + 2 + 2 * (76 + 2));
}

TEST_CASE("電子的診療情報連携体制整備加算１ (初診) 15点 with its 施設基準 (s col 72 = 4142), dropped without it (告示 A000 注16)") {
  ClaimSpec spec = one_visit("2026-06-02", order("11", {"111000110", "111704070"}));
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[4142]})";
  const PricedClaim with = price_on(spec);
  CHECK(with.total.value == 291 + 15 + 2);
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[]})";
  const PricedClaim without = price_on(spec);
  CHECK(without.total.value == 291 + 2);
  CHECK(points_with(without, 111704070) == -1);
  CHECK_FALSE(without.diagnostics.empty());
}

TEST_CASE("電子的診療情報連携体制整備加算 (再診) 2点 once a month (告示 A001 注19; s col 36 上限回数 1), with any of 4142/4143/4144") {
  ClaimSpec spec;
  spec.month = "2026-06";
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[4144]})";
  spec.visits = "[" + visit("2026-06-03", order("12", {"112007410", "112709570"})) + "," +
                visit("2026-06-10", order("12", {"112007410", "112709570"})) + "]";
  const PricedClaim priced = price_on(spec);
  CHECK(priced.total.value == 2 * (76 + 2) + 2);
}

TEST_CASE("外来・在宅ベースアップ評価料（Ⅰ）１ 初診時 17点 with its 施設基準 4307 (告示 O001 1), dropped without it") {
  ClaimSpec spec = one_visit("2026-06-02", order("11", {"111000110"}) + "," + order("80", {"180725710"}));
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[4307]})";
  CHECK(price_on(spec).total.value == 291 + 2 + 17);
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[]})";
  const PricedClaim without = price_on(spec);
  CHECK(without.total.value == 291 + 2);
  CHECK(points_with(without, 180725710) == -1);
}

TEST_CASE("入院物価対応料 once a day by the day's 入院料 as the master links them: （選）急性期一般入院料１ → ニ 58点 (告示 O100 2 ニ); none on a 外泊 day [unknown in price_response.xml]") {
  ClaimSpec spec;
  spec.month = "2026-06";
  spec.setting = "inpatient";
  spec.facility = R"({"kind":"hospital","beds":300,"standards":[3525]})";
  spec.extra = R"("admission":{"admitted":"2026-06-01","discharged":"2026-06-05","fee":"190117810","away_days":["2026-06-03"]},)";
  spec.visits = "[]";
  const PricedClaim priced = price_on(spec);
  CHECK(points_with(priced, 190117810) == 1593 * 5);  // 外泊: (選) has s col 48 = 0, billed in full (a warning says so)
  CHECK(points_with(priced, 180820510) == 58 * 4);
  const auto line = std::find_if(priced.lines.begin(), priced.lines.end(),
                                 [](const PricedLine& l) { return l.items.front().code == 180820510; });
  REQUIRE(line != priced.lines.end());
  CHECK(line->day_mask == 0b11011u);
  CHECK(line->category == 80);
  CHECK(has_diagnostic(priced, "物価対応料"));  // the 外泊 day's unknown

  // Listed on the visits of one day: checked, that day not added again.
  spec.visits = "[" + visit("2026-06-02", order("80", {"180820510"})) + "]";
  CHECK(points_with(price_on(spec), 180820510) == 58 * 4);
}

TEST_CASE("a code of a master the partial r08 directory lacks is an unknown-code error naming the directory") {
  const ErrorInfo e = error_of([] { (void)price_on(one_visit("2026-06-02", order("21", {"111000110", "620098801"}, R"("days":7,)"))); });
  CHECK(e.status == Status::unknown_code);
  CHECK(e.field == "visits[0].orders[0].items[1].code");
  CHECK(e.message.find("620098801 is not in the 医薬品マスター of r08") == 0);
  CHECK(e.message.find("partial revision directory") != std::string::npos);
}

TEST_CASE("a claim of a month no loaded revision prices names the missing revision and `santei masters add`") {
  ClaimSpec spec = one_visit("2026-07-01", order("12", {"112007410"}));
  const ErrorInfo e = error_of([&] { (void)price_spec(spec); });  // r04 + r06 only
  CHECK(e.status == Status::not_found);
  CHECK(e.field == "month");
  CHECK(e.message.find("no loaded master revision prices 2026-07-01: it is priced by r08 (from 2026-06-01)") == 0);
  CHECK(e.message.find("santei masters add") != std::string::npos);
}

TEST_CASE("regress r06 → r08 on excerpt codes (2026-06): 再診料 75→76, 一般名処方加算１ 10→8 (告示 F400 注6 イ), 物価対応料 +2, 処方箋料 60 both: +1") {
  ClaimSpec spec;
  spec.month = "2026-06";
  spec.visits = "[" + visit("2026-06-10", order("12", {"112007410"}) + "," + order("80", {"120002910", "120004270"})) + "]";
  const Regression regression(r06_and_r08(), "r06", r06_and_r08(), "r08", PricingOptions{.copay = false, .explain = false});
  const RegressOutcome o = regression.compare(parse_claim(claim_json(spec)), 0, 1);
  REQUIRE(o.receipt.old_side.priced);
  REQUIRE(o.receipt.new_side.priced);
  CHECK(o.receipt.old_side.points.value == 75 + 60 + 10);
  CHECK(o.receipt.new_side.points.value == 76 + 2 + 60 + 8);
  CHECK(o.receipt.delta().value == 1);
  RegressSummary s;
  add_outcome(s, o);
  CHECK(s.codes.at(112007410).delta().value == 1);
  CHECK(s.codes.at(120004270).delta().value == -2);
  CHECK(s.codes.at(180820010).delta().value == 2);
  CHECK(s.codes.at(120002910).delta().value == 0);
  CHECK(s.up == 1);
}

TEST_CASE("priced as claimed (issue 13's mode) santei adds no 物価対応料: 初診料 alone is 291 with a 算定漏れ/物価対応料 warning; listed it is 293") {
  ClaimSpec spec = one_visit("2026-06-02", order("11", {"111000110"}));
  spec.extra = R"("mode":"as_claimed",)";
  const PricedClaim alone = price_on(spec);
  CHECK(alone.total.value == 291);
  CHECK(has_diagnostic(alone, "算定漏れ/物価対応料"));
  spec.visits = "[" + visit("2026-06-02", order("11", {"111000110"}) + "," + order("80", {"180819910"})) + "]";
  const PricedClaim listed = price_on(spec);
  CHECK(listed.total.value == 293);
  CHECK_FALSE(has_diagnostic(listed, "算定漏れ"));

  ClaimSpec stay;  // inpatient: the days' 入院物価対応料 are not added either
  stay.month = "2026-06";
  stay.setting = "inpatient";
  stay.facility = R"({"kind":"hospital","beds":300,"standards":[3525]})";
  stay.extra = R"("mode":"as_claimed","admission":{"admitted":"2026-06-01","discharged":"2026-06-02","fee":"190117810"},)";
  stay.visits = "[]";
  const PricedClaim days = price_on(stay);
  CHECK(points_with(days, 180820510) == -1);
  CHECK(has_diagnostic(days, "算定漏れ/物価対応料"));
}

TEST_CASE("r08 疑義解釈 (看ベ 問４): 外来・在宅ベースアップ評価料（Ⅰ）１ also for the second department's 初診 on the same day (初診料 注５ ２科目 146点)") {
  // 疑義解釈 (../shared/law/r08/gigi-kaishaku.txt, ベースアップ評価料関係 問４): r08 deleted 「１日につき」 from
  // O001 so that the second department seen for another illness the same day also bills it.
  ClaimSpec spec;
  spec.month = "2026-06";
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[4307]})";
  spec.visits = "[" + visit("2026-06-02", order("11", {"111000110"}) + "," + order("80", {"180725710"})) + "," +
                visit("2026-06-02", order("11", {"111011810"}) + "," + order("80", {"180725710"})) + "]";
  const PricedClaim priced = price_on(spec);
  CHECK(points_with(priced, 180725710) == 2 * 17);
  CHECK(points_with(priced, 111011810) >= 146);
}
