// Comparing a UKE file's stated points with santei's: hand-built PricedClaims, the real sample
// under r04, and the claims → UKE → claims round trip on generated priced claims.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "santei/uke.hpp"
#include "support.hpp"
#include "uke_support.hpp"

using namespace santei;
using santei::test::day;

namespace {

PricedLine priced_line(const char* date, std::uint8_t category, std::vector<Code> codes, std::int64_t points,
                       std::int32_t count = 1) {
  PricedLine l;
  l.date = day(date);
  l.category = category;
  for (Code c : codes) l.items.push_back(LineItem{c, ItemKind::procedure, {}, {}, {}, false});
  l.points = Points{points};
  l.count = count;
  return l;
}

// One receipt of a clinic's file: service `month` (YYYYMM), `visit_days` 実日数, 合計点数 `total`, a
// 傷病名 from `first_day`, then the SI/IY/TO records of `body`.
UkeReceipt one_receipt(const char* month, const char* visit_days, const char* total, const char* first_day,
                       const std::vector<std::string>& body) {
  using test::uke_record;
  std::vector<std::string> records = {
      "IR,1,13,1,1234567,,サンテイ診療所,202407,00,",
      uke_record({"RE", "1", "1112", month, "サンテイ　タロウ", "1", "19800101"}, 38),
      uke_record({"HO", "01130012", "１", "１", visit_days, total}, 15),
      uke_record({"SY", "0000999", first_day, "1", "", "テスト病名", "01"}, 8),
  };
  records.insert(records.end(), body.begin(), body.end());
  records.push_back(fmt::format("GO,1,{},99", total));
  UkeFile file = read_uke(test::uke_bytes(records), "stated.uke");
  REQUIRE(file.errors.empty());
  REQUIRE(file.receipts.size() == 1);
  return file.receipts[0];
}

// A small 2024-06 receipt as a file states it: 初診 288 (the r04 value) on the 3rd, 再診 75 on the
// 10th and 17th (one unit, two day columns), 外来管理加算 52 on the 10th.
UkeReceipt stated_receipt() {
  using test::uke_record;
  return one_receipt(
      "202406", "3", "490", "20240603",
      {uke_record({"SI", "11", "1", "111000110", "", "288", "1", "", "", "", "", "", "", "", "", "1"}, 44),
       uke_record({"SI", "12", "1", "112007410", "", "75", "2", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                   "1", "", "", "", "", "", "", "1"},
                  44),
       uke_record({"SI", "12", "1", "112011010", "", "52", "1", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                   "1"},
                  44)});
}

PricedClaim santei_pricing() {
  PricedClaim p;
  p.revision = "r06";
  p.lines = {priced_line("2024-06-03", 11, {111000110}, 291), priced_line("2024-06-10", 12, {112007410}, 75),
             priced_line("2024-06-10", 12, {112011010}, 52), priced_line("2024-06-17", 12, {112007410}, 75)};
  for (const PricedLine& l : p.lines) p.total += l.total();
  return p;
}

const UkeUnitComparison& unit_with(const UkeReceiptComparison& c, Code code) {
  return *std::find_if(c.units.begin(), c.units.end(), [&](const UkeUnitComparison& u) { return u.codes.front() == code; });
}

bool has_reason(const UkeUnitComparison& u, UkeReason reason) {
  return std::any_of(u.differences.begin(), u.differences.end(), [&](const UkeDifference& d) { return d.reason == reason; });
}

// The sample UKE (2021-10) priced as claimed under r04, forced, without the copayment, on 2 threads.
UkePriceReport sample_under_r04() {
  const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "RECEIPTC_GAIRAI_SAMPLE.UKE");
  PricingOptions options;
  options.copay = false;
  options.explain = false;
  options.revision = "r04";
  return price_uke(file, test::real_library(), options, 2);
}

}  // namespace

TEST_CASE("compare (r06, 2024-06): 初診 stated 288 vs 291 is the r04→r06 revision (s col 58 旧点数); the rest agrees") {
  const UkeReceiptComparison c = compare_uke_receipt(stated_receipt(), santei_pricing(), test::r06());
  CHECK(c.stated_total == Points{490});
  CHECK(c.units_total == Points{490});
  CHECK(c.priced_total == Points{493});
  REQUIRE(c.units.size() == 3);
  CHECK(c.agreeing_units() == 2);
  const UkeUnitComparison& shoshin = unit_with(c, 111000110);
  CHECK_FALSE(shoshin.agrees);
  CHECK(shoshin.stated_points == Points{288});
  CHECK(shoshin.priced_points == Points{291});
  REQUIRE(shoshin.differences.size() == 1);
  CHECK(shoshin.differences[0].reason == UkeReason::revision);
  CHECK(shoshin.differences[0].message.find("111000110 288→291点") != std::string::npos);
  const UkeUnitComparison& saishin = unit_with(c, 112007410);
  CHECK(saishin.agrees);
  CHECK(saishin.priced_count == 2);  // the 10th and the 17th, one unit in the file
  CHECK(c.extra.empty());
}

TEST_CASE("compare: a missing day, a different count, an automatic addition and an extra line each have their reason") {
  PricedClaim p = santei_pricing();
  p.lines.pop_back();                                       // no 再診 on the 17th
  p.lines[2].count = 2;                                     // 外来管理加算 twice on the 10th
  p.lines[0].items.push_back(LineItem{111000570, ItemKind::procedure, {}, {}, {}, true});  // santei's own addition
  p.lines[0].points = Points{376};
  p.lines.push_back(priced_line("2024-06-10", 13, {113001810}, 225));  // a line the file lacks
  const UkeReceiptComparison c = compare_uke_receipt(stated_receipt(), p, test::r06());
  CHECK(c.agreeing_units() == 0);
  CHECK(has_reason(unit_with(c, 111000110), UkeReason::addition));
  CHECK(has_reason(unit_with(c, 112007410), UkeReason::missing_in_santei));
  CHECK(has_reason(unit_with(c, 112011010), UkeReason::count_differs));
  REQUIRE(c.extra.size() == 1);
  CHECK(c.extra[0].reason == UkeReason::extra_in_santei);
  CHECK(c.extra[0].code == 113001810);
}

TEST_CASE("sample UKE (2021-10) priced under r04, forced: every unit compared, every disagreement has a reason" * doctest::test_suite("threads")) {
  const UkePriceReport report = sample_under_r04();
  REQUIRE(report.receipts.size() == 75);
  CHECK(report.units() == 268);  // the 算定単位 of the 352 SI/IY records
  std::size_t priced = 0;
  for (const UkeReceiptComparison& r : report.receipts) {
    priced += !r.error.has_value();
    CHECK(r.revision == "r04");
    for (const UkeUnitComparison& u : r.units) {
      CAPTURE(r.number);
      CAPTURE(u.line);
      // A 算定漏れ or 算定不可 note (claimed_differently) and "written as several lines" are not
      // disagreements: the points as stated agree.
      CHECK(u.agrees == std::all_of(u.differences.begin(), u.differences.end(), [](const UkeDifference& d) {
        return d.reason == UkeReason::claimed_differently || d.reason == UkeReason::several_lines;
      }));
    }
  }
  CHECK(priced == 75);  // an unknown code takes out its unit, not the receipt
  MESSAGE("sample UKE under r04: " << report.agreeing_units() << " of " << report.units() << " units agree");
  // 208 of the 268 units agree (194 while the codes the law forbids — 背反, 算定回数, 年齢 … — were
  // dropped even as claimed; 205 while a unit santei writes as several lines was "bundled"); each
  // of the other 60 is explained by the reason of its first difference (after a several_lines
  // note), and each reason is checked here against the masters and the file (priced as claimed:
  // santei adds nothing the file leaves out and drops nothing it states):
  //  - unknown_code (7): a code of the unit is in none of r04's masters on the r04 period's first
  //    and last days (the file is of 2021-10, under 令和2年度 codes);
  //  - revision (33): the stated points equal a value older than r04's, so they differ from santei's
  //    (two of them 判断料 + B-V units written as two lines, checked by hand below);
  //  - points_differ (20): 18 units of drugs only, whose stated 2021-10 prices are above those of the
  //    r04 医薬品マスター held here (2023-04 prices: 薬価 were cut on 2022-04-01 and 2023-04-01, and
  //    its 旧金額 column goes back one step only), and receipt 3's two 検査 units whose 乳幼児加算
  //    the file applied to the whole unit (checked by hand below).
  CHECK(report.agreeing_units() == 208);
  std::map<std::string, int> reasons;
  const Date r04_first = test::day("2022-04-01"), r04_last = test::day("2024-05-31");
  const auto in_r04 = [&](Code code, Date on) {
    const MasterSet& m = test::r04();
    return m.procedure(code, on) || m.drug(code, on) || m.material(code, on) || m.comment(code, on);
  };
  std::size_t forbidden = 0;  // units whose codes the law would not bill, priced as stated
  for (const UkeReceiptComparison& r : report.receipts) {
    for (const UkeUnitComparison& u : r.units) {
      forbidden += std::any_of(u.differences.begin(), u.differences.end(), [](const UkeDifference& d) {
        return d.reason == UkeReason::claimed_differently && d.message.find("[算定不可/") != std::string::npos;
      });
      if (u.agrees) continue;
      const auto first_it = std::find_if(u.differences.begin(), u.differences.end(),
                                         [](const UkeDifference& d) { return d.reason != UkeReason::several_lines; });
      REQUIRE(first_it != u.differences.end());
      const UkeDifference& first = *first_it;
      ++reasons[to_string(first.reason)];
      CAPTURE(u.line);
      switch (first.reason) {
        case UkeReason::unknown_code:
          CHECK_FALSE(in_r04(first.code, r04_first));
          CHECK_FALSE(in_r04(first.code, r04_last));
          break;
        case UkeReason::revision:
          CHECK(u.stated_points != u.priced_points);
          break;
        case UkeReason::points_differ:
          if (has_reason(u, UkeReason::several_lines)) break;  // receipt 3: the test below
          for (const Code code : u.codes) {
            CAPTURE(code);
            CHECK(test::r04().drug(code, r04_last) != nullptr);
          }
          REQUIRE(u.stated_points);
          REQUIRE(u.priced_points);
          CHECK(*u.priced_points < *u.stated_points);
          break;
        default:
          FAIL("an unexpected first reason: " << to_string(first.reason));
      }
    }
  }
  CHECK(reasons == std::map<std::string, int>{{"points_differ", 20}, {"revision", 33}, {"unknown_code", 7}});
  // 施設基準 6 (小児食物アレルギー負荷検査: the file does not say the facility's standards), 年齢 6
  // (乳幼児加算（生体検査） ×4, 幼児加算（画像診断）, 小児科外来診療料 ×2 — one unit holds two), 算定回数 2.
  CHECK(forbidden == 14);
  // Receipt 49 line 423: 小児科外来診療料 113003810 for an 11-year-old (s cols 41–42: under 6) is
  // priced as stated, 524, and noted 算定不可/年齢 — it agrees, claimed differently.
  const UkeReceiptComparison& r49 = report.receipts[48];
  REQUIRE(r49.number == 49);
  const auto pediatric = std::find_if(r49.units.begin(), r49.units.end(), [](const UkeUnitComparison& u) { return u.line == 423; });
  REQUIRE(pediatric != r49.units.end());
  CHECK(pediatric->agrees);
  CHECK(pediatric->priced_points == Points{524});
  REQUIRE(pediatric->differences.size() == 1);
  CHECK(pediatric->differences[0].reason == UkeReason::claimed_differently);
  CHECK(pediatric->differences[0].code == 113003810);
  CHECK(pediatric->differences[0].message.find("[算定不可/年齢]") != std::string::npos);
  // Receipt 7 line 77: 皮下筋肉内注射 130000510 stated 20 (r02), r04 22: a revision difference.
  const UkeReceiptComparison& r7 = report.receipts[6];
  const auto injection = std::find_if(r7.units.begin(), r7.units.end(), [](const UkeUnitComparison& u) { return u.line == 77; });
  REQUIRE(injection != r7.units.end());
  CHECK(has_reason(*injection, UkeReason::revision));
  // Receipt 5: 111014070 is not in r04's s master; its unit says so.
  CHECK(has_reason(report.receipts[4].units[0], UkeReason::unknown_code));
  const std::string text = uke_report_text(report);
  CHECK(text.find("\n  units that agree      " + std::to_string(report.agreeing_units()) + "  of 268 (") != std::string::npos);
  const std::string json = uke_report_json(report);
  CHECK(json.starts_with(R"({"format":"santei.uke-report/1")"));
  CHECK(json.find(R"("check":"receipt_count","line":636,"field":2,"stated":140,"derived":75)") != std::string::npos);
  CHECK(report.receipts_in_file == 75);
  CHECK(text.find("RECEIPTC_GAIRAI_SAMPLE.UKE, priced under r04 (forced)\n"
                  "  receipts in the file   75\n"
                  "  priced                 75\n"
                  "  skipped for errors      0\n"
                  "  units                 268\n") != std::string::npos);
}

// Receipt `number`'s unit written on the file's `line`.
const UkeUnitComparison& unit_on_line(const UkePriceReport& report, std::int64_t number, std::int64_t line) {
  const UkeReceiptComparison& r = report.receipts.at(static_cast<std::size_t>(number - 1));
  REQUIRE(r.number == number);
  const auto u = std::find_if(r.units.begin(), r.units.end(), [&](const UkeUnitComparison& c) { return c.line == line; });
  REQUIRE(u != r.units.end());
  return *u;
}

std::string several_lines_note(const UkeUnitComparison& u) {
  for (const UkeDifference& d : u.differences) {
    if (d.reason == UkeReason::several_lines) return d.message;
  }
  return {};
}

TEST_CASE("sample UKE under r04: a stated unit santei writes as several lines is judged on their sum (a unit states "
          "its records' combined price, fee-rules.md 1.3; whether the 記載要領 lets one unit hold separately priced "
          "fees is not settled by the texts here)") {
  const UkePriceReport report = sample_under_r04();
  const auto points = [](Code code) { return test::r04().procedure(code, test::day("2022-04-01"))->points; };
  // The masters' points (s col 12, r04) the figures below are made of.
  CHECK(points(113021270) == Decimal(135));  // 乳幼児夜間加算（小児科再診）（小児かかりつけ診療料）
  CHECK(points(113021970) == Decimal(135));  // 乳幼児夜間加算（小児科・外来診療料）（小児かかりつけ診療料）
  CHECK(points(113000810) == Decimal(500));  // 小児特定疾患カウンセリング料（医師）（月の１回目）
  CHECK(points(113003710) == Decimal(716));  // 小児科外来診療料（処方箋を交付しない）初診時
  CHECK(points(160061910) == Decimal(144));  // 生化学的検査（１）判断料
  CHECK(points(160095710) == Decimal(37));   // Ｂ－Ｖ (旧点数 s col 58: 35)
  CHECK(points(160068410) == Decimal(130));  // ＥＣＧ１２
  CHECK(points(160093810) == Decimal(1140)); // ＥＦ－胃・十二指腸
  CHECK(points(160155390) == Decimal(70));   // 乳幼児加算（生体検査）, 点数識別 5: +70% of its 区分's 所定点数

  // Receipt 10 line 107: 135 + 135 = 270 as stated; receipt 49 line 420: 500 + 716 = 1216 as stated.
  const UkeUnitComparison& night = unit_on_line(report, 10, 107);
  CHECK(night.agrees);
  CHECK(night.priced_points == Points{270});
  CHECK(night.priced_total == Points{270});
  CHECK(several_lines_note(night) == "santei wrote these codes as 2 lines: [113021270] 135点×1; [113021970] 135点×1; together 270点");
  const UkeUnitComparison& counselling = unit_on_line(report, 49, 420);
  CHECK(counselling.agrees);
  CHECK(counselling.priced_points == Points{1216});
  // Receipts 23 line 211 and 71 line 601: 144 + 37 = 181, stated 179 = 144 + 35 (B-V's 旧点数).
  for (const std::pair<int, int>& at : {std::pair{23, 211}, std::pair{71, 601}}) {
    const UkeUnitComparison& u = unit_on_line(report, at.first, at.second);
    CHECK_FALSE(u.agrees);
    CHECK(u.stated_points == Points{179});
    CHECK(u.priced_points == Points{181});
    CHECK(has_reason(u, UkeReason::revision));
    CHECK_FALSE(has_reason(u, UkeReason::bundled));
  }
  // Receipt 3, all on 2021-10-01, for a 29-year-old (the 乳幼児加算 priced as stated, noted 算定不可):
  // line 54 [ECG12, EF] 130 + 1140 = 1270 as stated;
  const UkeUnitComparison& plain = unit_on_line(report, 3, 54);
  CHECK(plain.agrees);
  CHECK(plain.priced_points == Points{1270});
  // line 51 [ECG12, EF, 乳幼児加算] 130 + (1140 + 798) = 2068 (告示 D 第3節 通則1: the 70% on each
  // 区分's 所定点数); the file's 2159 = (130 + 1140) × 1.7, the addition taken on the whole unit;
  const UkeUnitComparison& once = unit_on_line(report, 3, 51);
  CHECK_FALSE(once.agrees);
  CHECK(once.priced_points == Points{2068});
  CHECK(has_reason(once, UkeReason::points_differ));
  CHECK(several_lines_note(once) == "santei wrote these codes as 2 lines: [160068410] 130点×1; [160093810 160155390] 1938点×1; together 2068点");
  // line 45 [ECG12, EF, 乳幼児加算 ×2] 130 + (1140 + 798 + 798) = 2866; the file's 3671 ≈ 1270 × 1.7 × 1.7.
  const UkeUnitComparison& twice = unit_on_line(report, 3, 45);
  CHECK_FALSE(twice.agrees);
  CHECK(twice.priced_points == Points{2866});
  CHECK(has_reason(twice, UkeReason::points_differ));
  std::size_t several = 0;
  for (const UkeReceiptComparison& r : report.receipts) {
    several += static_cast<std::size_t>(std::count_if(r.units.begin(), r.units.end(), [](const UkeUnitComparison& u) {
      return has_reason(u, UkeReason::several_lines);
    }));
  }
  CHECK(several == 7);
  CHECK(uke_report_json(report).find(R"("several_lines_units":7,"reasons":{"points_differ":20,"revision":33,"unknown_code":7})") !=
        std::string::npos);
}

TEST_CASE("compare: a unit written as two lines with other counts than the day's is count_differs, never agreeing") {
  using test::uke_record;
  const UkeReceipt receipt = one_receipt(
      "202206", "1", "362", "20220606",
      {uke_record({"SI", "60", "1", "160061910", "", "", "2", "", "", "", "", "", "", "", "", "", "", "", "2"}, 44),
       uke_record({"SI", "", "1", "160095710", "", "181", "2", "", "", "", "", "", "", "", "", "", "", "", "2"}, 44)});
  PricedClaim priced;
  priced.revision = "r04";
  priced.lines = {priced_line("2022-06-06", 60, {160061910}, 144, 2), priced_line("2022-06-06", 60, {160095710}, 37, 1)};
  for (const PricedLine& l : priced.lines) priced.total += l.total();
  const UkeReceiptComparison c = compare_uke_receipt(receipt, priced, test::r04());
  REQUIRE(c.units.size() == 1);
  CHECK_FALSE(c.units[0].agrees);
  CHECK(has_reason(c.units[0], UkeReason::several_lines));
  CHECK(has_reason(c.units[0], UkeReason::count_differs));
  CHECK(c.units[0].priced_total == Points{325});
  CHECK(c.extra.empty());
  // With both lines twice, the same unit agrees on its sum: (144 + 37) × 2.
  priced.lines[1].count = 2;
  const UkeReceiptComparison again = compare_uke_receipt(receipt, priced, test::r04());
  CHECK(again.units[0].agrees);
  CHECK(again.units[0].priced_total == Points{362});
}

TEST_CASE("price --uke accounts for every receipt: a receipt skipped for a bad record is counted and its error listed") {
  const UkeFile file = read_uke_file(test::test_data() / "bad" / "uke" / "overflowing_number.uke");
  const UkePriceReport report = price_uke(file, test::real_library());
  CHECK(report.receipts_in_file == 2);
  REQUIRE(report.receipts.size() == 1);
  CHECK(report.receipts[0].number == 2);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].line == 5);
  const std::string json = uke_report_json(report);
  CHECK(json.find(R"("receipts_in_file":2,"receipts_priced":1,"receipts_skipped":1)") != std::string::npos);
  CHECK(uke_report_text(report).find("\n  receipts in the file  2\n  priced                1\n  skipped for errors    1\n") !=
        std::string::npos);
}

TEST_CASE("round trip on 3,000 generated claims priced by santei (r06, 2024-07): claims → UKE → claims identical") {
  const MasterSet& r06 = test::r06();
  const Date on = day("2024-07-01");
  // Outpatient procedures that price alone: 点数識別 3, no quantity, no きざみ, not inpatient-only.
  std::vector<std::pair<Code, std::uint8_t>> procedures;
  for (const ProcedureRecord& p : r06.all_procedures()) {
    if (!(p.valid_from <= on && on <= p.valid_to) || p.point_kind != 3 || p.stepped != 0 || p.data_unit != 0 ||
        p.setting == 1 || p.facility_kind == 1 || p.min_age.is_none() == false || p.max_age.is_none() == false) {
      continue;
    }
    const int column = p.outpatient_column;
    const std::uint8_t category = column == 110 ? 11 : column == 120 ? 12 : column == 130 ? 13 : column == 400 ? 40
                                : column == 600 ? 60 : column == 700 ? 70 : 0;
    if (category != 0) procedures.emplace_back(p.code, category);
  }
  std::vector<Code> drugs;
  for (const DrugRecord& d : r06.all_drugs()) {
    if (d.valid_from <= on && on <= d.valid_to && d.form == 1 && d.price_kind == 1) drugs.push_back(d.code);
  }
  REQUIRE(procedures.size() > 500);
  REQUIRE(drugs.size() > 500);

  std::mt19937 random(20240701);
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  PricingOptions options;
  options.copay = false;
  options.explain = false;
  std::vector<Claim> claims;
  std::vector<PricedClaim> priced;
  std::size_t tried = 0;
  while (claims.size() < 3000 && tried < 20000) {
    ++tried;
    Claim c;
    c.id = fmt::format("gen-{}", tried);
    c.month = *YearMonth::parse("2024-07");
    c.patient = Patient{Date::from_ymd(1940 + static_cast<int>(pick(70)), 1 + static_cast<unsigned>(pick(12)), 1 + static_cast<unsigned>(pick(28))),
                        pick(2) ? Sex::male : Sex::female};
    c.insurance.kind = pick(3) == 0 ? InsuranceKind::national : InsuranceKind::employee;
    if (pick(5) == 0) c.public_expenses.push_back(PublicExpense{.law = "54"});
    const std::size_t visits = 1 + pick(4);
    for (std::size_t v = 0; v < visits; ++v) {
      Visit visit{Date::from_ymd(2024, 7, 1 + static_cast<unsigned>(pick(31))), VisitTime::regular, {}};
      if (std::any_of(c.visits.begin(), c.visits.end(), [&](const Visit& x) { return x.date == visit.date; })) continue;
      for (std::size_t o = 0, n = 1 + pick(3); o < n; ++o) {
        const auto& [code, category] = procedures[pick(procedures.size())];
        visit.orders.push_back(Order{.category = category, .items = {ClaimItem{code, {}, {}, {}}}});
      }
      if (pick(2) == 0) {
        Order naifuku{.category = 21, .days = static_cast<std::int32_t>(1 + pick(28))};
        for (std::size_t i = 0, n = 1 + pick(3); i < n; ++i) {
          naifuku.items.push_back(ClaimItem{drugs[pick(drugs.size())], Decimal::from_parts(static_cast<std::int64_t>(1 + pick(6)), 1 - static_cast<int>(pick(2))), {}, {}});
        }
        if (pick(4) == 0) naifuku.items.push_back(ClaimItem{810000001, {}, {}, "１日３回　毎食後"});
        visit.orders.push_back(std::move(naifuku));
      }
      c.visits.push_back(std::move(visit));
    }
    std::sort(c.visits.begin(), c.visits.end(), [](const Visit& a, const Visit& b) { return a.date < b.date; });
    try {
      PricedClaim p = price(c, test::real_library(), options);
      if (p.lines.empty()) continue;
      claims.push_back(std::move(c));
      priced.push_back(std::move(p));
    } catch (const Exception&) {
      // a random combination the engine refuses (an age or facility condition): not this test's subject
    }
  }
  REQUIRE(claims.size() == 3000);
  std::vector<Claim> expected;
  std::vector<UkeReceiptInput> inputs;
  expected.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) expected.push_back(test::claim_of(claims[i], priced[i]));
  for (std::size_t i = 0; i < claims.size(); ++i) inputs.push_back(UkeReceiptInput{&expected[i], &priced[i], nullptr});
  UkeFacility facility;
  facility.billing_month = *YearMonth::parse("2024-08");
  const UkeFile file = read_uke(write_uke(facility, inputs), "generated.uke");
  for (const ErrorInfo& e : file.errors) FAIL_CHECK(e.to_string());
  CHECK(file.findings.empty());
  REQUIRE(file.receipts.size() == claims.size());
  std::size_t identical = 0;
  Points total;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const UkeReceipt& r = file.receipts[i];
    CHECK(r.chart_number == claims[i].id);
    for (const UkeFinding& f : r.findings) FAIL_CHECK("receipt " << r.number << ": " << f.message);
    const std::string difference = test::uke_difference(r.claim, expected[i]);
    if (difference.empty()) {
      ++identical;
    } else {
      FAIL_CHECK("receipt " << r.number << ": " << difference);
    }
    CHECK(r.stated_total() == priced[i].total);
    total += priced[i].total;
  }
  CHECK(identical == claims.size());
  CHECK(file.stated_total == total);
  CHECK(file.stated_count == static_cast<std::int64_t>(claims.size()));
}
