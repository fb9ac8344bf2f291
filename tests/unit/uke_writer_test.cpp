// Writing UKE files from priced claims, and reading them back (hand-built PricedClaims).
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "core/cp932.hpp"
#include "santei/uke.hpp"
#include "support.hpp"
#include "uke_support.hpp"

using namespace santei;
using santei::test::day;
using santei::test::utf8_lines;

namespace {

LineItem item(Code code, ItemKind kind = ItemKind::procedure, const char* quantity = nullptr, std::string text = {}) {
  LineItem i;
  i.code = code;
  i.kind = kind;
  if (quantity) i.quantity = Decimal::parse(quantity);
  i.text = std::move(text);
  return i;
}

PricedLine line(const char* date, std::uint8_t category, std::vector<LineItem> items, std::int64_t points,
                std::int32_t count = 1, char burden = '\0') {
  PricedLine l;
  l.date = day(date);
  l.category = category;
  l.items = std::move(items);
  l.points = Points{points};
  l.count = count;
  l.burden = burden;
  return l;
}

// fee-rules.md §9 E20: 初診 + E12's tests + 処方箋料 on 2024-06-03, 再診 + 外来管理加算 on the 10th.
struct E20 {
  Claim claim;
  PricedClaim priced;
  UkeReceiptExtras extras;
  UkeFacility facility;

  E20() {
    claim.id = "P000123";
    claim.month = *YearMonth::parse("2024-06");
    claim.patient = Patient{day("1980-01-01"), Sex::male};
    claim.insurance.kind = InsuranceKind::employee;
    std::vector<LineItem> labs;
    for (Code c : {160022510u, 160022610u, 160020410u, 160020910u, 160023410u, 160167250u, 160019010u, 160019210u}) {
      labs.push_back(item(c));
    }
    priced.lines = {
        line("2024-06-03", 11, {item(111000110)}, 291),   line("2024-06-03", 60, labs, 99),
        line("2024-06-03", 60, {item(160061910)}, 144),   line("2024-06-03", 60, {item(160095710)}, 40),
        line("2024-06-03", 80, {item(120002910)}, 60),    line("2024-06-10", 12, {item(112007410)}, 75),
        line("2024-06-10", 12, {item(112011010)}, 52),
    };
    priced.total = Points{761};
    priced.visit_days = 2;
    claim = test::claim_of(claim, priced);
    extras.name = "サンテイ　タロウ";
    extras.kana = "サンテイタロウ";
    extras.insurer = UkeInsurer{"06130012", "１２３", "４５６"};
    extras.diagnoses = {UkeDiagnosis{"0000999", day("2024-06-03"), 1, "", "テスト病名", true, ""}};
    facility.prefecture = "13";
    facility.code = "1234567";
    facility.name = "サンテイ診療所";
    facility.billing_month = *YearMonth::parse("2024-07");
    facility.phone = "0312345678";
  }
};

}  // namespace

TEST_CASE("E20 (fee-rules.md §9, r06 2024-06): written records are the worked example's, ordered by 診療識別") {
  const E20 e;
  const UkeReceiptInput input{&e.claim, &e.priced, &e.extras};
  const std::string bytes = write_uke(e.facility, std::span(&input, 1));
  const std::vector<std::string> written = utf8_lines(bytes);
  const std::vector<std::string> expected = {
      "IR,1,13,1,1234567,,サンテイ診療所,202407,00,0312345678",
      "RE,1,1112,202406,サンテイ　タロウ,1,19800101,,,,,,,P000123,,,,,,,,,,,,,,,,,,,,,,,サンテイタロウ,",
      "HO,06130012,１２３,４５６,2,761,,,,,,,,,",
      "SY,0000999,20240603,1,,テスト病名,01,",
      "SI,11,1,111000110,,291,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      // 再診 (12) comes before 検査 (60): units are ordered by 診療識別, not by day as E20 lists them.
      "SI,12,1,112007410,,75,1,,,,,,,,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,",
      "SI,12,1,112011010,,52,1,,,,,,,,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,",
      "SI,60,1,160022510,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160022610,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160020410,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160020910,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160023410,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160167250,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160019010,,,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,,1,160019210,,99,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,60,1,160061910,,144,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,60,1,160095710,,40,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "SI,80,1,120002910,,60,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      "GO,1,761,99",
  };
  CHECK(written == expected);
}

TEST_CASE("E20: reading the written file gives the claim back, 761点 on HO; E20's 保険者番号 fails its 検証番号") {
  const E20 e;
  const UkeReceiptInput input{&e.claim, &e.priced, &e.extras};
  const UkeFile file = read_uke(write_uke(e.facility, std::span(&input, 1)), "e20.uke");
  CHECK(file.errors.empty());
  CHECK(file.findings.empty());
  REQUIRE(file.receipts.size() == 1);
  const UkeReceipt& r = file.receipts[0];
  // 06130012 is E20's placeholder: 0613001 gives 検証番号 7, not 2.
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].check == UkeCheck::payer_check_digit);
  CHECK(r.findings[0].derived == 7);
  CHECK(r.stated_total() == Points{761});
  CHECK(r.chart_number == "P000123");
  CHECK(test::uke_difference(r.claim, e.claim) == "");
}

TEST_CASE("round trip: merged days, 内服 days, 公費 負担区分, comments before and after, materials, decimals") {
  Claim claim;
  claim.id = "rt-1";
  claim.month = *YearMonth::parse("2024-07");
  claim.patient = Patient{day("2020-05-05"), Sex::female};  // 未就学者
  claim.insurance.kind = InsuranceKind::national;
  claim.insurance.income_bracket = "エ";
  claim.public_expenses.push_back(PublicExpense{.law = "54"});
  LineItem material = item(710010004, ItemKind::material, "2", "ＸＸカテーテル");
  material.unit_price = Decimal::parse("123.45");
  const LineItem usage = item(810000001, ItemKind::comment, nullptr, "１日２回　朝夕");
  const LineItem recheck = item(810000001, ItemKind::comment, nullptr, "再検査");
  const std::vector<LineItem> naifuku = {item(620000033, ItemKind::drug, "3"), item(620000044, ItemKind::drug, "1.5")};
  PricedClaim priced;
  priced.visit_days = 3;
  priced.lines = {
      line("2024-07-01", 12, {item(112007410)}, 75),
      line("2024-07-01", 21, naifuku, 12, 14),
      line("2024-07-01", 23, {usage, item(620004444, ItemKind::drug, "10")}, 24),
      line("2024-07-01", 40, {item(140000610), material}, 64),
      line("2024-07-01", 60, {item(160000410)}, 11, 1, '1'),
      line("2024-07-15", 12, {item(112007410)}, 75),
      line("2024-07-15", 21, naifuku, 12, 7),
      line("2024-07-15", 60, {item(160000410), recheck}, 11, 2),
      line("2024-07-31", 12, {item(112007410)}, 75),
  };
  const Claim expected = test::claim_of(claim, priced);
  const UkeReceiptInput input{&expected, &priced, nullptr};
  UkeFacility facility;
  facility.billing_month = *YearMonth::parse("2024-08");
  const std::string bytes = write_uke(facility, std::span(&input, 1));
  const UkeFile file = read_uke(bytes, "rt.uke");
  for (const ErrorInfo& err : file.errors) FAIL_CHECK(err.to_string());
  REQUIRE(file.receipts.size() == 1);
  const UkeReceipt& r = file.receipts[0];
  CHECK(r.findings.empty());
  CHECK(r.type == "1124");  // 医保 + 1 公費, 未就学者 外来
  CHECK(test::uke_difference(r.claim, expected) == "");
  // 再診 on three days is one unit with three day columns; 内服 14 + 7 days one unit of 21.
  const auto unit_of = [&](Code code) {
    return *std::find_if(r.units.begin(), r.units.end(), [&](const UkeUnit& u) {
      return std::any_of(u.items.begin(), u.items.end(), [&](const UkeItem& i) { return i.code == code; });
    });
  };
  CHECK(unit_of(112007410).count == 3);
  CHECK(unit_of(620000033).count == 21);
  CHECK(unit_of(620000033).days[14] == 7);
  CHECK(r.units.size() == 6);
  // HO bears everything (75×3 + 12×21 + 24 + 64 + 11 + 22 = 598); 公費 all but the '1' line.
  CHECK(r.insurer->total == Points{598});
  CHECK(r.public_payers[0].total == Points{587});
  CHECK(r.public_payers[0].payer_number == "54130018");  // placeholder with its 検証番号
  CHECK(payer_check_digit("5413001") == 8);
  const std::vector<std::string> lines = utf8_lines(bytes);
  CHECK(lines.back() == "GO,1,598,99");
  // The trailing comment rides on its record (SI field 8–9), the leading one is a CO record.
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("810000001,再検査") != std::string::npos && l.starts_with("SI,"); }) == 1);
  CHECK(std::count(lines.begin(), lines.end(), "CO,23,2,810000001,１日２回　朝夕") == 1);
}

TEST_CASE("writer errors: text without CP932, a comma, a line outside the month, sex unknown") {
  E20 e;
  UkeReceiptInput input{&e.claim, &e.priced, &e.extras};
  const auto status_of = [&]() {
    try {
      write_uke(e.facility, std::span(&input, 1));
    } catch (const Exception& ex) {
      return ex.status();
    }
    return Status::ok;
  };
  CHECK(status_of() == Status::ok);
  e.extras.name = "😀";
  CHECK(status_of() == Status::encoding_error);
  e.extras.name = "a,b";
  CHECK(status_of() == Status::claim_error);
  e.extras.name = "サンテイ";
  e.priced.lines[0].date = day("2024-07-01");
  CHECK(status_of() == Status::claim_error);
  e.priced.lines[0].date = day("2024-06-03");
  e.claim.patient.sex = Sex::unknown;
  CHECK(status_of() == Status::claim_error);
}
