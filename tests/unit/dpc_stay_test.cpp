// DPC stays priced by hand from the 留意事項 (保医発0321第6号 第３ １(１): per-day points of the
// day's 入院期間 × 医療機関別係数, the month's total 小数点以下第１位を四捨五入) and the per-day points
// of sheet 11, against santei: inside 入院期間Ⅰ, across Ⅱ and Ⅲ, past Ⅲ, across a month end, a
// code whose 入院期間Ⅱ has no days, the r06 → r08 change; the claim's dpc fields and their errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dpc/stay.hpp"
#include "error_of.hpp"
#include "santei/claim.hpp"
#include "santei/pricing.hpp"
#include "santei/rounding.hpp"
#include "santei/uke.hpp"
#include "support.hpp"

using santei::Claim;
using santei::MasterLibrary;
using santei::MasterSet;
using santei::PricedDpc;
using santei::Status;
using santei::test::error_of;

namespace {

// An inpatient claim of `month` with `admission` (JSON members) and no other care.
std::string dpc_claim(const std::string& month, const std::string& admission, const std::string& visits = "[]") {
  return R"({"format":"santei.claim/1","id":"dpc","month":")" + month + R"(","setting":"inpatient",)"
         R"("facility":{"kind":"hospital","beds":400},"patient":{"birth_date":"1960-04-01","sex":"male"},)"
         R"("insurance":{"kind":"employee","income_bracket":"ウ"},"admission":{)" + admission + R"(},"visits":)" + visits + "}";
}

std::string stay(const std::string& admitted, const std::string& discharged, const std::string& code = "010010xx9901xx",
                 const std::string& coefficient = "1.4523") {
  return R"("admitted":")" + admitted + R"(",)" + (discharged.empty() ? "" : R"("discharged":")" + discharged + R"(",)") +
         R"("dpc":{"code":")" + code + R"(","coefficient":")" + coefficient + R"("})";
}

santei::PricingOptions with_dpc() {
  santei::PricingOptions options;
  options.dpc = santei::test::real_dpc_tables();
  return options;
}

// The DPC part of a month, through the pricing engine on the real r06 masters.
PricedDpc priced_month(const std::string& month, const std::string& admission) {
  const santei::PricedClaim priced = santei::price(santei::parse_claim(dpc_claim(month, admission)), santei::test::real_library(), with_dpc());
  REQUIRE(priced.dpc.has_value());
  CHECK(priced.total == priced.dpc->points);  // no other lines in these claims
  return *priced.dpc;
}

// The DPC part alone (months without SSK masters here: r08).
PricedDpc dpc_only(const std::string& month, const std::string& admission, std::vector<santei::Diagnostic>& diagnostics) {
  const Claim claim = santei::parse_claim(dpc_claim(month, admission));
  return santei::dpc::price_month(claim, *santei::test::real_dpc_tables(), std::nullopt, diagnostics);
}

// r06 (../shared/masters/r06) beside the r08 excerpt (a 医科診療行為マスター of 248 rows): r08 months.
const MasterLibrary& with_r08_excerpt() {
  static const MasterLibrary library = [] {
    MasterLibrary out;
    for (const auto& set : santei::test::real_library().sets()) {
      if (set->revision() == "r06") out.add(set);
    }
    out.add(MasterSet::load(santei::test::shared_dir() / "excerpts" / "r08"));
    return out;
  }();
  return library;
}

std::vector<const santei::Diagnostic*> with_rule(const santei::PricedClaim& priced, std::string_view rule) {
  std::vector<const santei::Diagnostic*> found;
  for (const santei::Diagnostic& d : priced.diagnostics) {
    if (d.rule == rule) found.push_back(&d);
  }
  return found;
}

}  // namespace

// r06 010010xx9901xx (sheet 11 row 6): 入院期間Ⅰ days 1–6 3,461点, Ⅱ 7–19 2,370点, Ⅲ 20–60 2,014点.
TEST_CASE("dpc stay: inside 入院期間Ⅰ — 5 days × 3,461点 = 17,305 × 1.4523 = 25,132.0515 → 25,132点") {
  const PricedDpc dpc = priced_month("2024-06", stay("2024-06-03", "2024-06-07"));
  CHECK(dpc.days == std::array<std::int32_t, 3>{5, 0, 0});
  CHECK(dpc.total == *santei::Decimal::parse("25132.0515"));
  CHECK(dpc.points.value == 25132);
}

TEST_CASE("dpc stay: across Ⅱ and Ⅲ — 6×3,461 + 13×2,370 + 6×2,014 = 63,660 × 1.4523 = 92,453.418 → 92,453点") {
  const PricedDpc dpc = priced_month("2024-06", stay("2024-06-03", "2024-06-27"));
  CHECK(dpc.first_day == 1);
  CHECK(dpc.last_day_in_month == 25);
  CHECK(dpc.days == std::array<std::int32_t, 3>{6, 13, 6});
  CHECK(dpc.days_after == 0);
  CHECK(dpc.total == *santei::Decimal::parse("92453.418"));
  CHECK(dpc.points.value == 92453);
}

TEST_CASE("dpc stay: past 入院期間Ⅲ — July 75,744 → 110,003点; August 29×2,014 = 58,406 → 84,823点 and 2 days 出来高; September 0") {
  const PricedDpc july = priced_month("2024-07", stay("2024-07-01", ""));
  CHECK(july.days == std::array<std::int32_t, 3>{6, 13, 12});  // 20766 + 30810 + 24168 = 75744
  CHECK(july.points.value == 110003);                          // 75744 × 1.4523 = 110003.0112
  const PricedDpc august = priced_month("2024-08", stay("2024-07-01", ""));
  CHECK(august.first_day == 32);
  CHECK(august.days == std::array<std::int32_t, 3>{0, 0, 29});
  CHECK(august.days_after == 2);          // days 61 and 62
  CHECK(august.points.value == 84823);    // 58406 × 1.4523 = 84823.0338
  const PricedDpc september = priced_month("2024-09", stay("2024-07-01", "2024-09-03"));
  CHECK(september.days == std::array<std::int32_t, 3>{0, 0, 0});
  CHECK(september.days_after == 3);
  CHECK(september.points.value == 0);
}

TEST_CASE("dpc stay: across a month end — June days 1–4: 13,844 → 20,106点; July days 5–7: 2×3,461 + 2,370 = 9,292 → 13,495点") {
  const PricedDpc june = priced_month("2024-06", stay("2024-06-27", ""));
  CHECK(june.days == std::array<std::int32_t, 3>{4, 0, 0});
  CHECK(june.points.value == 20106);  // 13844 × 1.4523 = 20105.6412
  const PricedDpc july = priced_month("2024-07", stay("2024-06-27", "2024-07-03"));
  CHECK(july.first_day == 5);
  CHECK(july.days == std::array<std::int32_t, 3>{2, 1, 0});
  CHECK(july.points.value == 13495);  // 9292 × 1.4523 = 13494.7716
}

TEST_CASE("dpc stay: r08 020350xx99x1xx (入院期間Ⅱ without days, \"-\"): day 1 13,403 + 4 × 1,933 = 21,135 × 1.0000 → 21,135点") {
  std::vector<santei::Diagnostic> diagnostics;
  const PricedDpc dpc = dpc_only("2026-06", stay("2026-06-01", "2026-06-05", "020350xx99x1xx", "1.0000"), diagnostics);
  CHECK(dpc.days == std::array<std::int32_t, 3>{1, 0, 4});
  CHECK(dpc.points.value == 21135);
  CHECK(diagnostics.empty());
}

// 告示96 別表 ４–６ (r08): a 特定入院料's points by band, added to the 所定点数 (the points × the
// coefficient: 別表 １), not multiplied. 別表 ６ (その他の病院) 特定集中治療室管理料１: 7日以内 13,007点,
// 8–14日 11,398点; 別表 ５ (専門病院): 12,945点; 別表 ４ (特定機能病院) ハイケアユニット入院医療管理料１ 14日以内 4,967点.
TEST_CASE("dpc stay: 特定入院料 add-ons (告示96 別表 ４–６) — ICU days 1–2 at 13,007点 added to 21,135点 → 47,149点") {
  std::vector<santei::Diagnostic> diagnostics;
  const std::string base = stay("2026-06-01", "2026-06-05", "020350xx99x1xx", "1.0000");
  const auto with_units = [&](const std::string& hospital, const std::string& units) {
    std::string admission = base;
    admission.insert(admission.size() - 1, R"(,"hospital":")" + hospital + R"(","units":)" + units);
    return admission;
  };
  const std::string icu = R"([{"fee":"特定集中治療室管理料１","from":"2026-06-01","to":"2026-06-02"}])";
  PricedDpc dpc = dpc_only("2026-06", with_units("その他の病院", icu), diagnostics);
  CHECK(dpc.addon_points == 2 * 13007);
  CHECK(dpc.points.value == 21135 + 26014);
  REQUIRE(dpc.addons.size() == 1);
  CHECK(dpc.addons[0].days == 2);
  CHECK(dpc.addons[0].explain == "特定集中治療室管理料１ (告示96 別表 6, その他の病院): days 1–2: 2 × 13007点 = 26014点, added to the 所定点数 "
                                 "(not × 医療機関別係数)");
  CHECK(dpc_only("2026-06", with_units("専門病院", icu), diagnostics).addon_points == 2 * 12945);
  // A unit that began before the month's days counted: its day numbers run from its own first day.
  dpc = dpc_only("2026-06", with_units("特定機能病院", R"([{"fee":"ハイケアユニット入院医療管理料１","from":"2026-06-02"}])"), diagnostics);
  CHECK(dpc.addon_points == 4 * 4967);  // June 2–5
}

TEST_CASE("dpc stay: an ICU stay across its bands — 別表 ６ 特定集中治療室管理料１ days 1–7 × 13,007 + days 8–9 × 11,398 = 113,845点") {
  std::vector<santei::Diagnostic> diagnostics;
  std::string admission = stay("2026-06-01", "2026-06-12");
  admission.insert(admission.size() - 1,
                   R"(,"hospital":"その他の病院","units":[{"fee":"特定集中治療室管理料１","from":"2026-06-01","to":"2026-06-09"}])");
  const PricedDpc dpc = dpc_only("2026-06", admission, diagnostics);
  CHECK(dpc.addon_points == 7 * 13007 + 2 * 11398);
  CHECK(dpc.points.value == santei::rounding::dpc_month_points(dpc.total).value + 113845);
}

TEST_CASE("dpc stay: 特定入院料 add-ons that cannot be priced are errors naming the field") {
  std::vector<santei::Diagnostic> diagnostics;
  const auto error = [&](const std::string& month, const std::string& admitted, const std::string& dpc_members) {
    std::string admission = stay(admitted, "");
    admission.insert(admission.size() - 1, dpc_members);
    return error_of([&] { (void)dpc_only(month, admission, diagnostics); });
  };
  const std::string icu = R"(,"units":[{"fee":"特定集中治療室管理料１","from":"2026-06-03"}])";
  santei::ErrorInfo e = error("2026-06", "2026-06-03", icu);
  CHECK(e.field == "admission.dpc.hospital");
  e = error("2026-06", "2026-06-03", R"(,"hospital":"その他の病院","units":[{"fee":"特定集中治療室管理料４","from":"2026-06-03"}])");
  CHECK(e.field == "admission.dpc.units[0].fee");
  e = error("2026-06", "2026-06-03", R"(,"hospital":"その他の病院","units":[{"fee":"特定集中治療室管理料１","from":"2026-06-03"},)"
                                     R"({"fee":"ハイケアユニット入院医療管理料１","from":"2026-06-05"}])");
  CHECK(e.field == "admission.dpc.units[1].from");  // two units on one day
  // r06: its 算定告示 (with its add-ons) is not in ../shared — unknown, not guessed.
  e = error("2024-06", "2024-06-03", R"(,"hospital":"その他の病院","units":[{"fee":"特定集中治療室管理料１","from":"2024-06-03"}])");
  CHECK(e.field == "admission.dpc.units");
  CHECK(e.message.starts_with("unknown: "));
}

TEST_CASE("dpc stay: admitted under r06, June 2026 on r08 with the days counted from admission — days 8–17 in Ⅱ: 10 × 2,559 × 1.4523 → 37,164点") {
  std::vector<santei::Diagnostic> diagnostics;
  const PricedDpc dpc = dpc_only("2026-06", stay("2026-05-25", "2026-06-10"), diagnostics);
  CHECK(dpc.first_day == 8);
  CHECK(dpc.days == std::array<std::int32_t, 3>{0, 10, 0});  // r08 row 6: Ⅰ 1–6, Ⅱ 7–18
  CHECK(dpc.total == *santei::Decimal::parse("37164.357"));
  CHECK(dpc.points.value == 37164);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].rule == "DPC/改定");
}

TEST_CASE("dpc stay: a readmission 4 days after discharge is one stay, the 3 days out not counted — 6×3,461 + 9×2,370 = 42,096 × 1.4523 → 61,136点") {
  // 06-03…06-08 days 1–6 (Ⅰ); out 06-09…06-11; 06-12…06-20 days 7–15 (Ⅱ) (留意事項 第３ １(７)①: 退院期間は入院期間として算入しない).
  const PricedDpc dpc = priced_month("2024-06", stay("2024-06-03", "2024-06-20") +
                                                    R"(,"stays":[{"from":"2024-06-03","to":"2024-06-08"},{"from":"2024-06-12","to":"2024-06-20"}])");
  CHECK(dpc.first_day == 1);
  CHECK(dpc.last_day_in_month == 15);
  CHECK(dpc.days_out == 3);
  CHECK(dpc.days == std::array<std::int32_t, 3>{6, 9, 0});
  CHECK(dpc.total == *santei::Decimal::parse("61136.0208"));
  CHECK(dpc.points.value == 61136);
}

TEST_CASE("dpc stay: a readmission across the month end — May 25–31, back June 5–10: June is days 8–13, 6 × 2,370 × 1.4523 → 20,652点") {
  const PricedDpc dpc = priced_month("2024-06", stay("2024-05-25", "2024-06-10") +
                                                    R"(,"stays":[{"from":"2024-05-25","to":"2024-05-31"},{"from":"2024-06-05","to":"2024-06-10"}])");
  CHECK(dpc.first_day == 8);
  CHECK(dpc.days_out == 4);
  CHECK(dpc.days == std::array<std::int32_t, 3>{0, 6, 0});
  CHECK(dpc.points.value == 20652);  // 14220 × 1.4523 = 20651.706
}

TEST_CASE("dpc stay: 外泊 days count in the 入院期間 but are not billed 包括 (留意事項 第３ １(６)③)") {
  // Days 1–7 with day 3 away: Ⅰ days 1, 2, 4, 5, 6 (5 × 3,461) and day 7 in Ⅱ (2,370) = 19,675 × 1.4523 = 28,574.0025.
  const PricedDpc dpc = priced_month("2024-06", stay("2024-06-03", "2024-06-09") + R"(,"away_days":["2024-06-05"])");
  CHECK(dpc.days == std::array<std::int32_t, 3>{5, 1, 0});
  CHECK(dpc.away_days.size() == 1);
  CHECK(dpc.points.value == 28574);
}

TEST_CASE("dpc stay: the copayment takes the DPC month — 924,530円, 区分ウ limit 80,100 + (924,530 − 267,000) × 1% = 86,675円") {
  const santei::PricedClaim priced =
      santei::price(santei::parse_claim(dpc_claim("2024-06", stay("2024-06-03", "2024-06-27"))), santei::test::real_library(), with_dpc());
  REQUIRE(priced.copay.has_value());
  CHECK(priced.copay->patient_yen.value == 86675);
  CHECK(priced.copay->insurer_yen.value == 924530 - 86675);
}

TEST_CASE("dpc claim: admission.dpc's fields and what a DPC month cannot be priced with are errors naming the field") {
  SUBCASE("a misspelt key") {
    const santei::ErrorInfo e = error_of([] {
      (void)santei::parse_claim(dpc_claim("2024-06", R"("admitted":"2024-06-03","dpc":{"code":"010010xx9901xx","cofficient":"1.4523"})"));
    });
    CHECK(e.status == Status::claim_error);
    CHECK(e.field == "admission.dpc.cofficient");
    CHECK(e.message.find("did you mean coefficient?") != std::string::npos);
  }
  SUBCASE("an outpatient claim") {
    std::string json = dpc_claim("2024-06", stay("2024-06-03", ""),
                                 R"([{"date":"2024-06-04","orders":[{"category":"60","items":[{"code":"160022510"}]}]}])");
    const std::string inpatient = R"("setting":"inpatient")";
    json.replace(json.find(inpatient), inpatient.size(), R"("setting":"outpatient")");
    const santei::ErrorInfo e = error_of([&] { (void)santei::parse_claim(json); });
    CHECK(e.field == "admission.dpc");
  }
  SUBCASE("a code that is not 14 characters") {
    const santei::ErrorInfo e = error_of([] { (void)santei::parse_claim(dpc_claim("2024-06", stay("2024-06-03", "", "010010xx9901"))); });
    CHECK(e.field == "admission.dpc.code");
    CHECK(e.message == "'010010xx9901' is not a 14-character 診断群分類番号 (digits, A–Z, x)");
  }
  SUBCASE("a coefficient of 0, of 5 decimals") {
    for (const char* coefficient : {"0", "1.45231", "10"}) {
      const santei::ErrorInfo e = error_of([&] { (void)santei::parse_claim(dpc_claim("2024-06", stay("2024-06-03", "", "010010xx9901xx", coefficient))); });
      CHECK(e.field == "admission.dpc.coefficient");
    }
  }
  SUBCASE("no tables given") {
    const santei::ErrorInfo e = error_of([] {
      (void)santei::price(santei::parse_claim(dpc_claim("2024-06", stay("2024-06-03", ""))), santei::test::real_library());
    });
    CHECK(e.status == Status::claim_error);
    CHECK(e.field == "admission.dpc");
  }
  SUBCASE("a code without points: the stay is 出来高") {
    const santei::ErrorInfo e = error_of([] { (void)priced_month("2024-06", stay("2024-06-03", "", "010010xx9900xx")); });
    CHECK(e.status == Status::claim_error);
    CHECK(e.field == "admission.dpc.code");
    CHECK(e.message.starts_with("010010xx9900xx has no points (row 5 of "));
  }
  SUBCASE("a code not in the table") {
    const santei::ErrorInfo e = error_of([] { (void)priced_month("2024-06", stay("2024-06-03", "", "999999xx9999xx")); });
    CHECK(e.status == Status::unknown_code);
  }
  SUBCASE("admission.fees: 入院基本料 is 包括") {
    const santei::ErrorInfo e = error_of([] {
      (void)priced_month("2024-06", stay("2024-06-03", "") + R"(,"fees":[{"from":"2024-06-03","code":"190117710"}])");
    });
    CHECK(e.field == "admission.fees");
  }
  SUBCASE("a readmission 8 days after the discharge: a new stay") {
    const santei::ErrorInfo e = error_of([] {
      (void)priced_month("2024-06", stay("2024-06-03", "") + R"(,"stays":[{"from":"2024-06-03","to":"2024-06-08"},{"from":"2024-06-16"}])");
    });
    CHECK(e.field == "admission.stays[1].from");
    CHECK(e.message.starts_with("a readmission 8 days after the discharge of 2024-06-08 is a new stay"));
  }
  SUBCASE("stays that do not begin on admitted") {
    const santei::ErrorInfo e = error_of([] {
      (void)priced_month("2024-06", stay("2024-06-03", "") + R"(,"stays":[{"from":"2024-06-04","to":"2024-06-08"}])");
    });
    CHECK(e.field == "admission.stays[0].from");
  }
  SUBCASE("a month before any DPC table") {
    std::vector<santei::Diagnostic> diagnostics;
    const santei::ErrorInfo e = error_of([&] { (void)dpc_only("2024-05", stay("2024-05-03", ""), diagnostics); });
    CHECK(e.status == Status::not_found);
    CHECK(e.field == "admission.dpc");
  }
}

// admission.dpc.grouping: the claim's grouping inputs, read strictly, through DpcTables::group.
std::string grouped(const std::string& grouping, const std::string& code = "") {
  return R"("admitted":"2024-06-03","discharged":"2024-06-27","dpc":{)" + (code.empty() ? "" : R"("code":")" + code + R"(",)") +
         R"("coefficient":"1.4523","grouping":)" + grouping + "}";
}

TEST_CASE("dpc claim: a stay grouped from admission.dpc.grouping is priced on its code — C711 + G005 → 010010xx9901xx, 92,453点") {
  const PricedDpc dpc = priced_month("2024-06", grouped(R"({"diagnosis":"C711","procedures":["G005"]})"));
  CHECK(dpc.code == "010010xx9901xx");
  CHECK(dpc.points.value == 92453);  // the 25-day stay above
  REQUIRE(dpc.grouping.size() == 6);
  CHECK(dpc.grouping[2].starts_with("手術・処置等２ G005 → 1 (８）row "));
  CHECK(dpc.grouping[3] == "手術・処置等１: none of the stay's codes is in ７）for 分類 010010 → 0");
  // The same with the code stated: checked, and priced alike.
  CHECK(priced_month("2024-06", grouped(R"({"diagnosis":"C711","procedures":["G005"]})", "010010xx9901xx")).points.value == 92453);
  // 入院時の年齢 from patient.birth_date (1960-04-01) at admission: 64 — 040080 肺炎 65–75 is not reached.
  std::vector<santei::Diagnostic> diagnostics;
  const PricedDpc lung = dpc_only("2024-06", grouped(R"({"diagnosis":"J189","conditions":{"pneumonia":5,"a_drop":2}})"), diagnostics);
  CHECK(lung.code.starts_with("04008022"));  // ５）15–65 → 2 (r06 040080)
}

TEST_CASE("dpc claim: without explain the grouping builds no steps, and an error still says how the stay was grouped") {
  santei::PricingOptions options = with_dpc();
  options.explain = false;
  const santei::PricedClaim priced = santei::price(
      santei::parse_claim(dpc_claim("2024-06", grouped(R"({"diagnosis":"C711","procedures":["G005"]})"))), santei::test::real_library(), options);
  REQUIRE(priced.dpc.has_value());
  CHECK(priced.dpc->code == "010010xx9901xx");
  CHECK(priced.dpc->points.value == 92453);
  CHECK(priced.dpc->grouping.empty());
  const santei::ErrorInfo e = error_of([&] {
    (void)santei::price(santei::parse_claim(dpc_claim("2024-06", grouped(R"({"diagnosis":"C711"})", "010010xx9901xx"))),
                        santei::test::real_library(), options);
  });
  CHECK(e.message.starts_with("010010xx9901xx is stated, but the grouping gives 010010xx9900xx (傷病名 C711 → 分類 010010"));
}

TEST_CASE("dpc claim: grouping inputs that are not valid are errors naming the field") {
  SUBCASE("a stated code the grouping does not give") {
    const santei::ErrorInfo e = error_of([] { (void)priced_month("2024-06", grouped(R"({"diagnosis":"C711"})", "010010xx9901xx")); });
    CHECK(e.status == Status::claim_error);
    CHECK(e.field == "admission.dpc.code");
    CHECK(e.message.starts_with("010010xx9901xx is stated, but the grouping gives 010010xx9900xx (傷病名 C711 → 分類 010010"));
  }
  SUBCASE("a condition santei does not define") {
    const santei::ErrorInfo e = error_of([] { (void)santei::parse_claim(dpc_claim("2024-06", grouped(R"({"diagnosis":"I610","conditions":{"JCS":10}})"))); });
    CHECK(e.field == "admission.dpc.grouping.conditions.JCS");
    CHECK(e.message.starts_with("'JCS' is not a DPC grouping condition"));
  }
  SUBCASE("a misspelt key of grouping") {
    const santei::ErrorInfo e = error_of([] { (void)santei::parse_claim(dpc_claim("2024-06", grouped(R"({"diagnosis":"C711","surgery":["K1692"]})"))); });
    CHECK(e.field == "admission.dpc.grouping.surgery");
  }
  SUBCASE("a 処置 among the 手術: it would read as 「定義テーブルにない手術」") {
    const santei::ErrorInfo e =
        error_of([] { (void)santei::parse_claim(dpc_claim("2024-06", grouped(R"({"diagnosis":"C711","surgeries":["K1692","G005"]})"))); });
    CHECK(e.field == "admission.dpc.grouping.surgeries[1]");
    CHECK(e.message == "'G005' is not a 手術 code (第10部: K…); 処置等 go in procedures");
  }
  SUBCASE("no diagnosis") {
    const santei::ErrorInfo e = error_of([] { (void)santei::parse_claim(dpc_claim("2024-06", grouped(R"({"procedures":["G005"]})"))); });
    CHECK(e.field == "admission.dpc.grouping.diagnosis");
  }
  SUBCASE("a diagnosis that groups to a code without points: the stay is 出来高, and why") {
    const santei::ErrorInfo e = error_of([] { (void)priced_month("2024-06", grouped(R"({"diagnosis":"C711"})")); });
    CHECK(e.field == "admission.dpc.code");
    CHECK(e.message.starts_with("010010xx9900xx has no points"));
    CHECK(e.message.find("(grouped: 傷病名 C711 → 分類 010010") != std::string::npos);
  }
}

// 告示96 別表 ２ イ(5): 第2章第3部 検査 is in the 包括 (ロ(5) leaves out D206, D295–D325, D401–D419-2 only):
// ＡＳＴ, ＡＬＴ (D007) and the 判断料 D026 on a 包括 day are not billed; the month is the DPC points alone.
TEST_CASE("dpc 包括 (r08, 告示96 別表 ２): 検査 on a 包括 day is not billed — ＡＳＴ, ＡＬＴ, 判断料 dropped; 21,135点 alone") {
  const std::string visits =
      R"([{"date":"2026-06-02","orders":[{"category":"60","items":[{"code":"160022510"},{"code":"160022610"}]},)"
      R"({"category":"60","items":[{"code":"160061910"}]}]}])";
  const santei::PricedClaim priced = santei::price(
      santei::parse_claim(dpc_claim("2026-06", stay("2026-06-01", "2026-06-05", "020350xx99x1xx", "1.0000"), visits)),
      with_r08_excerpt(), with_dpc());
  REQUIRE(priced.dpc.has_value());
  CHECK(priced.revision == "r08");
  CHECK(priced.dpc->covered_days == 0b11111u);  // June 1–5
  const auto dropped = with_rule(priced, "包括/DPC");
  REQUIRE(dropped.size() == 3);
  CHECK(dropped[0]->codes.front() == 160022510);
  CHECK(dropped[0]->message.find("included in the DPC 包括 of 020350xx99x1xx on 2026-06-02 (令和8年厚生労働省告示第96号 別表 ２") !=
        std::string::npos);
  CHECK(priced.total.value == 21135);  // 13,403 + 4 × 1,933: no 検査 points
  CHECK(with_rule(priced, "DPC/包括範囲").empty());
}

TEST_CASE("dpc 包括: r06 has none written (its 算定告示 is not in ../shared/law) — the 検査 stay billed, with a warning that they are unchecked") {
  const std::string visits = R"([{"date":"2024-06-04","orders":[{"category":"60","items":[{"code":"160022510"},{"code":"160022610"}]}]}])";
  const santei::PricedClaim priced = santei::price(
      santei::parse_claim(dpc_claim("2024-06", stay("2024-06-03", "2024-06-07"), visits)), santei::test::real_library(), with_dpc());
  CHECK(with_rule(priced, "包括/DPC").empty());
  const auto unchecked = with_rule(priced, "DPC/包括範囲");
  REQUIRE(unchecked.size() == 1);
  CHECK(unchecked[0]->severity == santei::Severity::warning);
  CHECK(priced.total.value == 25132 + 17 + 17);  // 5 days × 3,461 × 1.4523 → 25,132, ＡＳＴ 17, ＡＬＴ 17 (r06 s col 12)
}

// 留意事項 第１ ２: a patient who receives 臓器の移植術 ((３), 13) 区分 00, by 区分番号) or a 五号告示
// procedure ((５), 区分 01, by item) is not a DPC patient: the stay is billed 出来高.
TEST_CASE("dpc: a stay with a procedure of 13)出来高算定手術等コード is not a DPC stay — 生体腎移植術, 造血幹細胞移植, 自家皮膚非培養細胞移植術") {
  const auto error_with = [](const char* code) {
    const std::string visits = std::string(R"([{"date":"2024-06-05","orders":[{"category":"50","items":[{"code":")") + code + R"("}]}]}])";
    return error_of([&] {
      (void)santei::price(santei::parse_claim(dpc_claim("2024-06", stay("2024-06-03", "2024-06-27"), visits)),
                          santei::test::real_library(), with_dpc());
    });
  };
  const santei::ErrorInfo kidney = error_with("150338610");  // 生体腎移植術: K780-2 (s cols 85, 92–93)
  CHECK(kidney.status == Status::claim_error);
  CHECK(kidney.field == "visits[0].orders[0].items[0].code");
  CHECK(kidney.message.find("is K780-2 生体腎移植術 in 13)出来高算定手術等コード") != std::string::npos);
  CHECK(kidney.message.find("(３) 臓器の移植術") != std::string::npos);
  const santei::ErrorInfo marrow = error_with("150225910");  // 造血幹細胞移植（骨髄移植）（同種移植）: K922 項番 1 → "K9221ｲ"
  CHECK(marrow.message.find("is K9221ｲ") != std::string::npos);
  const santei::ErrorInfo skin = error_with("150442750");  // 自家皮膚非培養細胞移植術（２５ｃｍ２未満）: K013-3 項番 1
  CHECK(skin.message.find("is K013-31 ") != std::string::npos);
  CHECK(skin.message.find("(５) 五号告示") != std::string::npos);
}
