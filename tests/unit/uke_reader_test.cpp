// Reading UKE (レセ電) files: the ORCA-made sample of ../shared/uke and hand-made receipts.
#include <doctest/doctest.h>

#include <numeric>
#include <string>

#include "santei/uke.hpp"
#include "support.hpp"
#include "uke_support.hpp"

using namespace santei;
using santei::test::uke_bytes;

namespace {

const UkeFile& sample() {
  static const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "RECEIPTC_GAIRAI_SAMPLE.UKE");
  return file;
}

const UkeReceipt& receipt(const UkeFile& file, std::int64_t number) {
  for (const UkeReceipt& r : file.receipts) {
    if (r.number == number) return r;
  }
  FAIL("no receipt " << number);
  return file.receipts.front();
}

}  // namespace

TEST_CASE("sample UKE (2021-10, ORCA-made): all 75 receipts read with no error") {
  const UkeFile& file = sample();
  for (const ErrorInfo& e : file.errors) FAIL_CHECK(e.to_string());
  CHECK(file.complete);
  CHECK(file.receipts.size() == 75);
  CHECK(file.receipts_seen == 75);
  CHECK(file.facility.code == "0000000");
  CHECK(file.facility.prefecture == "12");
  CHECK(file.facility.billing_month.compact() == "202111");
  std::size_t records = 0;
  for (const UkeReceipt& r : file.receipts) {
    for (const UkeUnit& u : r.units) {
      for (const UkeItem& i : u.items) records += i.kind != ItemKind::comment;
    }
  }
  CHECK(records == 352);  // 320 SI + 32 IY, the lines fee-rules.md §1.3 counted
}

TEST_CASE("sample UKE: GO states 140 receipts and 86,392点; the file holds 75 whose totals add up to 86,392") {
  const UkeFile& file = sample();
  CHECK(file.stated_count == 140);
  CHECK(file.stated_total == Points{86392});
  REQUIRE(file.findings.size() == 1);  // only the trimmed count (../shared/uke/README.md)
  CHECK(file.findings[0].check == UkeCheck::receipt_count);
  CHECK(file.findings[0].stated == 140);
  CHECK(file.findings[0].derived == 75);
  Points sum;
  for (const UkeReceipt& r : file.receipts) sum += r.stated_total();
  CHECK(sum == Points{86392});
}

TEST_CASE("sample UKE: every receipt's HO/KO 合計点数 equals Σ 点数×回数 of the units its 負担区分 puts there") {
  for (const UkeReceipt& r : sample().receipts) {
    for (const UkeFinding& f : r.findings) {
      INFO("receipt " << r.number << " line " << f.line << ": " << f.message);
      CHECK(f.check != UkeCheck::payer_total);
      CHECK(f.check != UkeCheck::day_sum);
      CHECK(f.check != UkeCheck::unit_not_closed);
    }
  }
}

TEST_CASE("sample UKE receipt 1: 医保 + 公費 (83), units, carried 診療識別, leading comments") {
  const UkeReceipt& r = receipt(sample(), 1);
  CHECK(r.type == "1122");
  CHECK(r.month.compact() == "202110");
  CHECK(r.name == "テスト　汎用");
  CHECK(r.kana == "テストハンヨウ");
  CHECK(r.chart_number == "00697");
  REQUIRE(r.insurer);
  CHECK(r.insurer->number == "01010016");
  CHECK(r.insurer->symbol == "１");
  CHECK(r.insurer->total == Points{13642});
  REQUIRE(r.public_payers.size() == 1);
  CHECK(r.public_payers[0].payer_number == "83136019");
  CHECK(r.public_payers[0].total == Points{677});
  CHECK(r.public_payers[0].patient_yen == Yen{1354});
  REQUIRE(r.diagnoses.size() == 3);
  CHECK(r.diagnoses[0].code == "2500013");
  CHECK(r.diagnoses[0].main);
  CHECK(r.diagnoses[1].name == "テスト");
  // 83136019 is a test number whose 検証番号 does not verify (it should be 0).
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].check == UkeCheck::payer_check_digit);
  CHECK(r.findings[0].derived == 0);

  REQUIRE(r.units.size() == 12);
  CHECK(r.units[0].category == 11);
  CHECK(r.units[0].points == Points{288});
  // CO,22 疼痛時 comes before its 屯服 drug: it opens the unit, and IY inherits 22.
  const UkeUnit& tonpuku = r.units[3];
  CHECK(tonpuku.category == 22);
  REQUIRE(tonpuku.items.size() == 2);
  CHECK(tonpuku.items[0].kind == ItemKind::comment);
  CHECK(tonpuku.items[0].text == "疼痛時");
  CHECK(tonpuku.items[1].code == 620098801);
  CHECK(tonpuku.count == 2);
  CHECK(tonpuku.days[0] == 2);
  // The surgery drugs: 8 IY records, 865点 on the last, 負担区分 1 (医保 only).
  const UkeUnit& drugs = r.units[9];
  CHECK(drugs.category == 50);
  CHECK(drugs.burden == '1');
  CHECK(drugs.items.size() == 8);
  CHECK(drugs.points == Points{865});
  CHECK(*drugs.items[5].quantity == Decimal(20));
  CHECK(r.unit_total(0) == Points{13642});
  CHECK(r.unit_total(1) == Points{677});
}

TEST_CASE("sample UKE receipt 1 as a claim: 医保 employee + 公費 法別 83, one visit on 2021-10-01") {
  const Claim& c = receipt(sample(), 1).claim;
  CHECK(c.id == "1");
  CHECK(c.month.iso() == "2021-10");
  CHECK(c.setting == Setting::outpatient);
  CHECK(c.patient.birth_date.iso() == "1991-11-21");
  CHECK(c.patient.sex == Sex::male);
  CHECK(c.insurance.kind == InsuranceKind::employee);
  CHECK(c.insurance.income_bracket == "ウ");  // 特記事項 28 区ウ
  REQUIRE(c.public_expenses.size() == 1);
  CHECK(c.public_expenses[0].law == "83");
  REQUIRE(c.visits.size() == 1);
  CHECK(c.visits[0].date.iso() == "2021-10-01");
  REQUIRE(c.visits[0].orders.size() == 12);
  const Order& tonpuku = c.visits[0].orders[3];
  CHECK(tonpuku.category == 22);
  CHECK(tonpuku.days == 2);  // 屯服 1回分 × 2 (F200)
  CHECK(tonpuku.count == 1);
  CHECK(tonpuku.burden == '\0');  // 2 = 医保 + 公1: every payer of this receipt
  CHECK(tonpuku.items[0].text == "疼痛時");
  CHECK(c.visits[0].orders[9].burden == '1');  // the surgery drugs: 医保 only
}

TEST_CASE("sample UKE receipt 4: 公費単独 (1212), kind none, KO total 431") {
  const UkeReceipt& r = receipt(sample(), 4);
  CHECK_FALSE(r.insurer);
  CHECK(r.stated_total() == Points{431});
  CHECK(r.claim.insurance.kind == InsuranceKind::none);
  CHECK(r.claim.patient.birth_date.iso() == "2021-01-27");
  // 111014070 + 111000110 form one unit (293 on the second record).
  CHECK(r.units[0].items.size() == 2);
  CHECK(r.units[0].points == Points{293});
}

TEST_CASE("sample UKE receipt 7: a unit on two days becomes one order on each day") {
  const Claim& c = receipt(sample(), 7).claim;
  REQUIRE(c.visits.size() == 3);
  CHECK(c.visits[0].date.iso() == "2021-10-04");
  CHECK(c.visits[1].date.iso() == "2021-10-05");
  CHECK(c.visits[2].date.iso() == "2021-10-12");
  // 再診 112007410 and 外来管理加算 112011010, 回数 2: once on the 5th, once on the 12th.
  REQUIRE(c.visits[1].orders.size() == 2);
  CHECK(c.visits[1].orders[0].items[0].code == 112007410);
  CHECK(c.visits[1].orders[0].count == 1);
  REQUIRE(c.visits[2].orders.size() == 4);
  CHECK(c.visits[2].orders[0].items[0].code == 112007410);
  CHECK(c.visits[2].orders[3].items[0].code == 622199001);  // the injected drug, its own unit
}

TEST_CASE("sample UKE: receipt-wide CO 99 comments stay on the receipt, continued by blank 診療識別") {
  const UkeReceipt& r = receipt(sample(), 48);
  REQUIRE(r.comments.size() == 2);
  CHECK(r.comments[0].code == 850100051);
  CHECK(r.comments[1].text == "）");
}
