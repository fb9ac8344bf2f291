// UKE files from other producers (../shared/uke/README.md): the layout the 審査支払機関 sends on to
// insurers, ORCA output re-encoded as UTF-8 with LF line ends, and 和暦 dates.
#include <doctest/doctest.h>

#include <algorithm>

#include "santei/uke.hpp"
#include "support.hpp"

using namespace santei;

namespace {

bool has_finding(const std::vector<UkeFinding>& findings, UkeCheck check) {
  return std::any_of(findings.begin(), findings.end(), [&](const UkeFinding& f) { return f.check == check; });
}

std::size_t count_records(const UkeFile& file, std::string_view id) {
  std::size_t n = 0;
  for (const UkeReceipt& r : file.receipts) {
    n += static_cast<std::size_t>(std::count_if(r.other_records.begin(), r.other_records.end(),
                                                [&](const UkeRecord& o) { return o.id == id; }));
  }
  return n;
}

}  // namespace

TEST_CASE("insurer-side layout (SSK sample, 2020-04): 18 receipts read, none skipped, every extra record kept") {
  const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "ssk-sample" / "RECEIPTC.UKE");
  for (const ErrorInfo& e : file.errors) MESSAGE(e.to_string());
  CHECK(file.errors.empty());
  CHECK(file.receipts_seen == 18);
  CHECK(file.receipts.size() == 18);
  CHECK(file.insurer_layout);
  CHECK(has_finding(file.findings, UkeCheck::layout));
  CHECK_FALSE(file.complete);  // no GO in this layout
  CHECK(file.facility.code == "9999913");
  CHECK(file.facility.billing_month == YearMonth{2020, 5});
  // Counted with grep on the file: 17 MN, 36 RC, 37 EX, 3 JY, 6 GR, 1 each of TS, TR, TI.
  CHECK(count_records(file, "MN") == 17);
  CHECK(count_records(file, "RC") == 36);
  CHECK(count_records(file, "EX") == 37);
  CHECK(count_records(file, "JY") == 3);
  CHECK(count_records(file, "GR") == 6);
  CHECK(count_records(file, "TS") == 1);
  // 19 HO for 18 receipts: the receipt with JY states its figures after 審査 in a second HO/KO.
  CHECK(count_records(file, "HO") == 1);
  const auto adjusted = std::find_if(file.receipts.begin(), file.receipts.end(), [](const UkeReceipt& r) { return r.number == 17; });
  REQUIRE(adjusted != file.receipts.end());
  REQUIRE(adjusted->insurer);
  CHECK(adjusted->insurer->total == Points{4049});  // the first HO: as the hospital claimed
}

TEST_CASE("insurer-side layout (SSK sample): the organ donor's records after TR are kept as read, not taken as the recipient's units") {
  const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "ssk-sample" / "RECEIPTC.UKE");
  // Receipt 20 (RE at line 734): TR at line 742, TS, then the donor's SY, IY, SI, TO, CO (743–748).
  const auto recipient = std::find_if(file.receipts.begin(), file.receipts.end(), [](const UkeReceipt& r) { return r.number == 20; });
  REQUIRE(recipient != file.receipts.end());
  CHECK(recipient->line == 734);
  std::vector<std::string> donor;
  for (const UkeRecord& o : recipient->other_records) {
    if (o.line >= 742 && o.line <= 748) donor.push_back(o.id);
  }
  CHECK(donor == std::vector<std::string>{"TR", "TS", "SY", "IY", "SI", "TO", "CO"});
  REQUIRE_FALSE(recipient->units.empty());
  for (const UkeUnit& unit : recipient->units) CHECK(unit.line < 742);
}

TEST_CASE("ORCA output re-encoded as UTF-8 with LF line ends (2018-11, 和暦 dates): every receipt read, with a warning") {
  for (const auto& file_and_count : {std::pair{"shaho_201811.csv", 27}, std::pair{"kokuho_201811.csv", 7}}) {
    // Named copies: CAPTURE's lambda may not capture a structured binding (clang refuses it).
    const std::string name = file_and_count.first;
    const int receipts = file_and_count.second;
    CAPTURE(name);
    const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "orca-demo" / name);
    for (const ErrorInfo& e : file.errors) MESSAGE(e.to_string());
    CHECK(file.errors.empty());
    CHECK(file.receipts_seen == receipts);
    CHECK(file.receipts.size() == static_cast<std::size_t>(receipts));
    CHECK(file.complete);
    REQUIRE(file.findings.size() >= 2);
    CHECK(file.findings[0].message == "the file is UTF-8, not CP932 (re-encoded by another tool?): read as UTF-8");
    CHECK(std::any_of(file.findings.begin(), file.findings.end(), [](const UkeFinding& f) {
      return f.check == UkeCheck::encoding && f.message.find("end with LF alone") != std::string::npos;
    }));
    // The README: every receipt's HO 合計点数 equals Σ 点数×回数 of its lines.
    for (const UkeReceipt& r : file.receipts) {
      CAPTURE(r.number);
      CHECK_FALSE(has_finding(r.findings, UkeCheck::payer_total));
      CHECK(r.month == YearMonth{2018, 11});  // 和暦 43011 = 平成30年11月
    }
  }
  // 国保: a 6-digit 保険者番号 written right-aligned in 8 places; 生年月日 4060618 = 平成6年6月18日.
  const UkeFile kokuho = read_uke_file(test::shared_dir() / "uke" / "orca-demo" / "kokuho_201811.csv");
  REQUIRE_FALSE(kokuho.receipts.empty());
  REQUIRE(kokuho.receipts[0].insurer);
  CHECK(kokuho.receipts[0].insurer->number == "138057");
  CHECK(kokuho.receipts[0].claim.insurance.kind == InsuranceKind::national);
  CHECK(kokuho.receipts[0].claim.patient.birth_date == *Date::parse_iso("1994-06-18"));
}

TEST_CASE("receipts read from UKE are priced as claimed") {
  const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "RECEIPTC_GAIRAI_SAMPLE.UKE");
  REQUIRE_FALSE(file.receipts.empty());
  CHECK(file.receipts[0].claim.mode == ClaimMode::as_claimed);
}

TEST_CASE("SSK sample: 食事療養 (97) records state yen, outside HO 合計点数; HO 8–9 are their meals and yen") {
  const UkeFile file = read_uke_file(test::shared_dir() / "uke" / "ssk-sample" / "RECEIPTC.UKE");
  // Seven receipts have 97 units; with their yen counted as points each HO 合計点数 looked wrong
  // (receipt 9: 82,255 stated, 89,005 summed). Without them every receipt's adds up.
  for (const UkeReceipt& r : file.receipts) {
    CAPTURE(r.number);
    CHECK_FALSE(has_finding(r.findings, UkeCheck::payer_total));
  }
  const auto nine = std::find_if(file.receipts.begin(), file.receipts.end(), [](const UkeReceipt& r) { return r.number == 9; });
  REQUIRE(nine != file.receipts.end());
  REQUIRE(nine->insurer);
  // Lines 113–119 of the file: 食堂加算 50×3, 197000110 ×2 1280, ×3 1920, ×1 640, and the 標準負担額
  // 197000810 ×2 920, ×3 1380, ×1 460. HO (line 3): 82255点, 8 回数 6 = 2+3+1 meals, 9 合計金額
  // 3990 = 150 + 1280 + 1920 + 640 (the 標準負担額 lines are not in it).
  CHECK(nine->insurer->total == Points{82255});
  CHECK(nine->unit_total(0) == Points{82255});
  CHECK(nine->insurer->meals == 6);
  CHECK(nine->insurer->meals_yen == Yen{3990});
  std::int64_t meal_yen = 0;
  std::int64_t standard_yen = 0;
  for (const UkeUnit& u : nine->units) {
    if (u.category != 97) continue;
    (u.items.front().code == 197000810 ? standard_yen : meal_yen) += u.total().value;
  }
  CHECK(meal_yen == 3990);
  CHECK(standard_yen == 460 * 6);
}
