// A DPC receipt in a UKE file (記録条件仕様 DPC用): written from a priced DPC month, read back, its
// own figures checked, and compared with santei's pricing. The figures are the hand-computed stay of
// dpc_stay_test.cpp (留意事項 保医発0321第6号 第３ １(１), sheet 11 of the r06 DPC電子点数表): 010010xx9901xx,
// admitted 2024-06-03 and discharged 2024-06-27 — 入院期間Ⅰ days 1–6 × 3461点, Ⅱ 7–19 × 2370点, Ⅲ 20–25 ×
// 2014点 = 63,660点 × 1.4523 = 92,453.418 → 92,453点.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "error_of.hpp"
#include "santei/claim.hpp"
#include "santei/pricing.hpp"
#include "santei/uke.hpp"
#include "support.hpp"
#include "uke/dpc_records.hpp"
#include "uke_support.hpp"

using santei::Status;
using santei::test::error_of;
using santei::test::uke_bytes;
using santei::test::utf8_lines;

namespace {

santei::PricingOptions with_dpc() {
  santei::PricingOptions options;
  options.dpc = santei::test::real_dpc_tables();
  options.copay = false;
  return options;
}

// C711 + G005 (grouped to 010010xx9901xx), 2024-06-03 … 06-27, 1.4523; `away` 外泊 days.
santei::Claim june_stay(const std::string& away = "") {
  return santei::parse_claim(
      R"({"format":"santei.claim/1","id":"DPC-1","month":"2024-06","setting":"inpatient",)"
      R"("facility":{"kind":"hospital","beds":400},"patient":{"birth_date":"1960-04-01","sex":"male"},)"
      R"("insurance":{"kind":"employee"},"admission":{"admitted":"2024-06-03","discharged":"2024-06-27",)" +
      (away.empty() ? std::string() : R"("away_days":[")" + away + R"("],)") +
      R"("dpc":{"coefficient":"1.4523","grouping":{"diagnosis":"C71.1","procedures":["G005"]}}},"visits":[]})");
}

santei::UkeReceiptExtras extras() {
  santei::UkeReceiptExtras e;
  e.admission_route = "1";  // 予定入院
  e.dpc_outcome = "2";      // 軽快
  return e;
}

std::vector<std::string> with_prefix(const std::vector<std::string>& lines, std::string_view id) {
  std::vector<std::string> out;
  for (const std::string& l : lines) {
    if (l.starts_with(id)) out.push_back(l);
  }
  return out;
}

std::string written(const santei::Claim& claim, const santei::PricedClaim& priced, const santei::UkeReceiptExtras& e) {
  const santei::UkeReceiptInput input{&claim, &priced, &e};
  santei::UkeFacility facility;
  facility.code = "1234567";
  facility.billing_month = claim.month;
  return santei::write_uke(facility, std::span(&input, 1));
}

// A hand-made DPC receipt (記録条件仕様 DPC用 field order) around the given BU…GT records.
std::string record(std::vector<std::string> fields, std::size_t count) {
  fields.resize(count);
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i == 0 ? "" : ",") + fields[i];
  return out;
}

std::string receipt_record(const std::string& type) {
  return record({"RE", "1", type, "202406", "カンジャ　１", "1", "19600401", "", "20240603", "", "", "", "400", "DPC-1"}, 38);
}

std::string dpc_file(const std::vector<std::string>& dpc_records, const std::string& total = "92453") {
  std::vector<std::string> lines = {"IR,1,13,1,1234567,,テスト病院,202407,00,", receipt_record("4112"),
                                    record({"HO", "01130012", "１", "１", "25", total}, 15)};
  lines.insert(lines.end(), dpc_records.begin(), dpc_records.end());
  lines.push_back("GO,1," + total + ",99");
  return uke_bytes(lines);
}

const std::vector<std::string> kStated = {
    "BU,010010xx9901xx,20240603,20240627,2,",
    "SB,0000999,,病名未設定,C711,01,,",
    "KK,,,1,,,64,,,,,,,",
    "GA,202406,2,000000000000000000000000000000,,1.4523,",
    "HH,202406,2,1,1,1,3461,6,20766",
    "HH,202406,2,1,1,2,2370,13,30810",
    "HH,202406,2,1,1,3,2014,6,12084",
    "GT,202406,2,1,1,63660,92453,,92453,93,,,"};

}  // namespace

TEST_CASE("uke dpc: a DPC month is written as a DPC receipt — BU, SB, KK, GA, HH per 入院期間, GT; HO 合計点数 holds the 包括 points") {
  const santei::Claim claim = june_stay();
  const santei::PricedClaim priced = santei::price(claim, santei::test::real_library(), with_dpc());
  REQUIRE(priced.dpc.has_value());
  const std::vector<std::string> lines = utf8_lines(written(claim, priced, extras()));
  // 別表5: 医保単独・本人 4112 (the 医科 入院 code 1111's payer digits, the table's class digit 2).
  REQUIRE(with_prefix(lines, "RE,").size() == 1);
  CHECK(with_prefix(lines, "RE,")[0].starts_with("RE,1,4112,202406,"));
  CHECK(with_prefix(lines, "HO,")[0].find(",92453,") != std::string::npos);
  CHECK(with_prefix(lines, "BU,") == std::vector<std::string>{"BU,010010xx9901xx,20240603,20240627,2,"});
  CHECK(with_prefix(lines, "SB,") == std::vector<std::string>{"SB,0000999,,病名未設定,C711,01,,"});
  CHECK(with_prefix(lines, "KK,") == std::vector<std::string>{"KK,,,1,,,64,,,,,,,"});  // 入院時年齢 64
  CHECK(with_prefix(lines, "GA,") == std::vector<std::string>{"GA,202406,2,000000000000000000000000000000,,1.4523,"});
  CHECK(with_prefix(lines, "HH,") == std::vector<std::string>{"HH,202406,2,1,1,1,3461,6,20766", "HH,202406,2,1,1,2,2370,13,30810",
                                                             "HH,202406,2,1,1,3,2014,6,12084"});
  CHECK(with_prefix(lines, "GT,") == std::vector<std::string>{"GT,202406,2,1,1,63660,92453,,92453,93,,,"});
  CHECK(with_prefix(lines, "SY,").empty());  // a DPC receipt's diagnoses are its SB records
  CHECK(lines.back() == "GO,1,92453,99");
  // The order of the 記録条件仕様 (DPC用): RE, HO, BU, SB, KK, GA, HH…, GT.
  std::string order;
  for (const std::string& l : lines) order += l.substr(0, 2) + " ";
  CHECK(order == "IR RE HO BU SB KK GA HH HH HH GT GO ");
}

TEST_CASE("uke dpc: 外泊 is GA code 9 and not billed 包括 — written, read back as admission.away_days") {
  // 2024-06-10 is day 8, in 入院期間Ⅱ: 12 days billed there instead of 13 (12 × 2370 = 28440).
  const santei::Claim claim = june_stay("2024-06-10");
  const santei::PricedClaim priced = santei::price(claim, santei::test::real_library(), with_dpc());
  const std::string bytes = written(claim, priced, extras());
  const std::vector<std::string> lines = utf8_lines(bytes);
  CHECK(with_prefix(lines, "GA,") == std::vector<std::string>{"GA,202406,2,000000000900000000000000000000,,1.4523,"});
  CHECK(with_prefix(lines, "HH,")[1] == "HH,202406,2,1,1,2,2370,12,28440");
  // (20766 + 28440 + 12084) × 1.4523 = 61290 × 1.4523 = 89011.467 → 89011
  CHECK(with_prefix(lines, "GT,") == std::vector<std::string>{"GT,202406,2,1,1,61290,89011,,89011,93,,,"});
  const santei::UkeFile file = santei::read_uke(bytes, "away.uke");
  REQUIRE(file.errors.empty());
  REQUIRE(file.receipts.size() == 1);
  const santei::Admission& admission = *file.receipts[0].claim.admission;
  CHECK(admission.away_days == std::vector<santei::Date>{santei::test::day("2024-06-10")});
}

TEST_CASE("uke dpc: written, read back and priced again — the same stay, its figures agree with santei's") {
  const santei::Claim claim = june_stay();
  const santei::PricedClaim priced = santei::price(claim, santei::test::real_library(), with_dpc());
  const santei::UkeFile file = santei::read_uke(written(claim, priced, extras()), "dpc.uke");
  REQUIRE(file.errors.empty());
  CHECK(file.findings.empty());
  REQUIRE(file.receipts.size() == 1);
  const santei::UkeReceipt& re = file.receipts[0];
  CHECK(re.findings.empty());
  REQUIRE(re.dpc.has_value());
  CHECK(re.dpc->code == "010010xx9901xx");
  CHECK(re.dpc->admitted == santei::test::day("2024-06-03"));
  CHECK(re.dpc->discharged == santei::test::day("2024-06-27"));
  CHECK(re.dpc->outcome == "2");
  REQUIRE(re.dpc->diagnoses.size() == 1);
  CHECK(re.dpc->diagnoses[0].icd10 == "C711");
  CHECK(re.dpc->periods.size() == 3);
  CHECK(re.dpc->evaluated == santei::Points{92453});
  CHECK(re.stated_total() == santei::Points{92453});
  const santei::Admission& admission = *re.claim.admission;
  REQUIRE(admission.dpc.has_value());
  CHECK(admission.dpc->code == "010010xx9901xx");
  CHECK(admission.dpc->coefficient == *santei::Decimal::parse("1.4523"));
  CHECK(admission.discharged == santei::test::day("2024-06-27"));

  const santei::UkePriceReport report = santei::price_uke(file, santei::test::real_library(), with_dpc());
  REQUIRE(report.receipts.size() == 1);
  const santei::UkeReceiptComparison& r = report.receipts[0];
  CHECK_FALSE(r.error.has_value());
  CHECK(r.priced_total == santei::Points{92453});
  REQUIRE(r.dpc.has_value());
  CHECK(r.dpc->agrees);
  CHECK(r.dpc->differences.empty());
  CHECK(r.dpc->priced_points == santei::Points{92453});
  const std::string json = santei::uke_report_json(report);
  CHECK(json.find(R"("dpc":{"stated_code":"010010xx9901xx","priced_code":"010010xx9901xx","stated_points":92453,)"
                  R"("priced_points":92453,"agrees":true,)") != std::string::npos);
}

TEST_CASE("uke dpc: a receipt whose 包括 figures do not add up — each HH, GT 合算 and GT 包括評価点数 is a finding") {
  std::vector<std::string> records = kStated;
  records[5] = "HH,202406,2,1,1,2,2370,13,30800";           // 2370 × 13 = 30810
  records[7] = "GT,202406,2,1,1,63650,92440,,92440,93,,,";  // HH add up to 63650; 63650 × 1.4523 = 92438.895 → 92439
  const santei::UkeFile file = santei::read_uke(dpc_file(records, "92440"), "bad-figures.uke");
  REQUIRE(file.errors.empty());
  REQUIRE(file.receipts.size() == 1);
  const std::vector<santei::UkeFinding>& findings = file.receipts[0].findings;
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].check == santei::UkeCheck::dpc_total);
  CHECK(findings[0].line == 9);
  CHECK(findings[0].stated == 30800);
  CHECK(findings[0].derived == 30810);
  CHECK(findings[1].line == 11);
  CHECK(findings[1].field == 7);
  CHECK(findings[1].stated == 92440);
  CHECK(findings[1].derived == 92439);

  // Priced: santei's days and points are the 点数表's; the stated 包括評価点数 is not.
  const santei::UkePriceReport report = santei::price_uke(file, santei::test::real_library(), with_dpc());
  REQUIRE(report.receipts.size() == 1);
  REQUIRE(report.receipts[0].dpc.has_value());
  CHECK_FALSE(report.receipts[0].dpc->agrees);
  CHECK(report.receipts[0].dpc->differences == std::vector<std::string>{"包括評価点数 92440 stated (GT), 92453 priced"});
}

TEST_CASE("uke dpc: a stay counted wrong — HH days per 入院期間 against the 点数表's 入院日Ⅰ/Ⅱ") {
  std::vector<std::string> records = kStated;
  records[4] = "HH,202406,2,1,1,1,3461,7,24227";  // a 7th day in Ⅰ: 入院日Ⅰ of 010010xx9901xx is 6
  records[5] = "HH,202406,2,1,1,2,2370,12,28440";
  records[7] = "GT,202406,2,1,1,64751,94038,,94038,93,,,";  // 64751 × 1.4523 = 94037.877 → 94038
  const santei::UkeFile file = santei::read_uke(dpc_file(records, "94038"), "days.uke");
  REQUIRE(file.receipts.size() == 1);
  CHECK(file.receipts[0].findings.empty());  // its own figures add up
  const santei::UkePriceReport report = santei::price_uke(file, santei::test::real_library(), with_dpc());
  REQUIRE(report.receipts[0].dpc.has_value());
  CHECK(report.receipts[0].dpc->differences ==
        std::vector<std::string>{"入院期間Ⅰ: 7 days stated, 6 priced", "入院期間Ⅱ: 12 days stated, 13 priced",
                                 "包括評価点数 94038 stated (GT), 92453 priced"});
}

TEST_CASE("uke dpc: GA 外泊等 8 — days out before a readmission within 7 days — become admission.stays") {
  std::vector<std::string> records = kStated;
  // Out 06-10 … 06-12 (days 10–12), back on the 13th.
  records[3] = "GA,202406,2,000000000888000000000000000000,,1.4523,";
  const santei::UkeFile file = santei::read_uke(dpc_file(records), "stays.uke");
  REQUIRE(file.receipts.size() == 1);
  const santei::Admission& admission = *file.receipts[0].claim.admission;
  REQUIRE(admission.stays.size() == 2);
  CHECK(admission.stays[0].from == santei::test::day("2024-06-03"));
  CHECK(admission.stays[0].to == santei::test::day("2024-06-09"));
  CHECK(admission.stays[1].from == santei::test::day("2024-06-13"));
  CHECK(admission.stays[1].to == santei::test::day("2024-06-27"));
}

TEST_CASE("uke dpc: what a DPC receipt cannot be read or written without is an error naming it") {
  SUBCASE("a DPC record in a 医科 receipt") {
    const santei::UkeFile file = santei::read_uke(
        uke_bytes({"IR,1,13,1,1234567,,テスト病院,202407,00,",
                   receipt_record("1111"), record({"HO", "01130012", "１", "１", "25", "0"}, 15), kStated[0], "GO,1,0,99"}),
        "mixed.uke");
    REQUIRE(file.errors.size() == 1);
    CHECK(file.errors[0].line == 4);
    CHECK(file.errors[0].message == "BU (診断群分類レコード) in a 医科 receipt: only a DPC receipt (レセプト種別 4…) has it");
    CHECK(file.receipts.empty());
  }
  SUBCASE("a DPC receipt without its GA (医療機関別係数)") {
    std::vector<std::string> records = kStated;
    records.erase(records.begin() + 3);
    const santei::UkeFile file = santei::read_uke(dpc_file(records), "no-ga.uke");
    REQUIRE(file.errors.size() == 1);
    CHECK(file.errors[0].field == "GA");
    CHECK(file.errors[0].message == "a DPC receipt without this month's GA 外泊レコード and its 医療機関別係数");
    CHECK(file.receipts.empty());
  }
  SUBCASE("a DPC receipt without BU") {
    const santei::UkeFile file = santei::read_uke(dpc_file({kStated[3]}), "no-bu.uke");
    REQUIRE(file.errors.size() == 1);
    CHECK(file.errors[0].line == 2);
    CHECK(file.errors[0].field == "BU");
  }
  SUBCASE("a short record") {
    const santei::UkeFile file = santei::read_uke(dpc_file({"BU,010010xx9901xx,20240603"}), "short.uke");
    REQUIRE_FALSE(file.errors.empty());
    CHECK(file.errors[0].message == "BU (診断群分類レコード) has 3 fields; the 記録条件仕様 gives at least 6");
  }
  const santei::Claim claim = june_stay();
  const santei::PricedClaim priced = santei::price(claim, santei::test::real_library(), with_dpc());
  SUBCASE("writing: no 予定・緊急入院区分") {
    santei::UkeReceiptExtras e = extras();
    e.admission_route.clear();
    const santei::ErrorInfo error = error_of([&] { (void)written(claim, priced, e); });
    CHECK(error.status == Status::claim_error);
    CHECK(error.field == "extras.admission_route");
  }
  SUBCASE("writing: the discharge month without DPC転帰区分") {
    santei::UkeReceiptExtras e = extras();
    e.dpc_outcome.clear();
    CHECK(error_of([&] { (void)written(claim, priced, e); }).field == "extras.dpc_outcome");
  }
  SUBCASE("writing: a DPC receipt and a 医科 one in one file") {
    const santei::Claim other = santei::parse_claim(
        R"({"format":"santei.claim/1","id":"OUT-1","month":"2024-06","setting":"outpatient","facility":{"kind":"clinic"},"patient":{"birth_date":"1960-04-01","sex":"male"},)"
        R"("insurance":{"kind":"employee"},"visits":[{"date":"2024-06-03","orders":[{"category":"12","items":[{"code":"112007410"}]}]}]})");
    const santei::PricedClaim other_priced = santei::price(other, santei::test::real_library(), with_dpc());
    const santei::UkeReceiptExtras e = extras();
    const std::vector<santei::UkeReceiptInput> inputs = {{&claim, &priced, &e}, {&other, &other_priced, nullptr}};
    const santei::ErrorInfo error = error_of([&] { (void)santei::write_uke(santei::UkeFacility{}, inputs); });
    CHECK(error.field == "admission.dpc");
    CHECK(error.file == "<claim OUT-1>");
  }
}

TEST_CASE("uke dpc: レセプト種別 (別表5) from the 医科 入院 code — 本人 4112, 家族 4116, 高齢受給者7割 4110, 公費単独 4212") {
  CHECK(santei::uke::dpc_receipt_type("1111") == "4112");
  CHECK(santei::uke::dpc_receipt_type("1115") == "4116");
  CHECK(santei::uke::dpc_receipt_type("1119") == "4110");
  CHECK(santei::uke::dpc_receipt_type("1211") == "4212");
  CHECK(santei::uke::dpc_receipt_type("1327") == "4328");
}
