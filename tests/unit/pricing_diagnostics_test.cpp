// The diagnostics of src/pricing/unit_price.cpp on the real r06 masters: きざみ 上限/下限 as the
// master's 上下限エラー処理 (col 35) sets them (R06rec1.pdf 項番35: 0 and 2 compute above 上限値 and
// warn, 1 and 3 price at 上限値; 2 and 3 do not bill a quantity ≤ 下限値 − きざみ値), 購入価格 items
// without their price, a drug without its quantity, a 減点 marker, and 包括対象検査 beyond its items.
#include <doctest/doctest.h>

#include "pricing_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

ClaimSpec on_june_10(const std::string& orders, const std::string& standards = "") {
  ClaimSpec spec;
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[)" + standards + "]}";
  spec.visits = "[" + visit("2024-06-10", orders) + "]";
  return spec;
}

// The one diagnostic of `rule` (the test fails when there is none or more than one).
Diagnostic only(const PricedClaim& priced, const std::string& rule) {
  std::vector<Diagnostic> found;
  for (const Diagnostic& d : priced.diagnostics) {
    if (d.rule == rule) found.push_back(d);
  }
  REQUIRE_MESSAGE(found.size() == 1, rule << ": " << found.size() << " diagnostics");
  return found[0];
}

}  // namespace

TEST_CASE("きざみ/下限: C000 注2 患家診療時間加算 bills 100点 per 30 minutes beyond the first hour, nothing for an hour") {
  // 114000970: 下限 90, きざみ 30, きざみ点数 100, 上下限エラー処理 2; 往診料 114000110 is 720点.
  const auto visit_of = [](const char* minutes) {
    return on_june_10(order("14", {"114000110", std::string("114000970:") + minutes}));
  };
  const PricedClaim hour = price_spec(visit_of("60"));
  CHECK(hour.total.value == 720);
  const Diagnostic d = only(hour, "きざみ/下限");
  CHECK(d.severity == Severity::error);
  CHECK(d.codes == std::vector<Code>{114000970});
  CHECK(d.field == "visits[0].orders[0].items[1].quantity");
  CHECK(d.message.find("quantity 60 is at or below 下限値 − きざみ値 (60)") != std::string::npos);
  CHECK(price_spec(visit_of("61")).total.value == 720 + 100);
  CHECK(price_spec(visit_of("90")).total.value == 720 + 100);
  const PricedClaim longer = price_spec(visit_of("91"));
  CHECK(longer.total.value == 720 + 200);
  CHECK_FALSE(has_diagnostic(longer, "きざみ"));
}

TEST_CASE("きざみ/上限: B001 12 遠隔モニタリング加算 is 260点 a month up to 11 months; a 12th is computed and warned") {
  // 113030470: 下限 1, 上限 11, きざみ 1, きざみ点数 260, 上下限エラー処理 0 (算定式1 with a warning);
  // 心臓ペースメーカー指導管理料 ロ 113030210 is 300点; the addition needs 施設基準 3676.
  const auto months = [](const char* n) {
    return on_june_10(order("13", {"113030210", std::string("113030470:") + n}), "3676");
  };
  const PricedClaim eleven = price_spec(months("11"));
  CHECK(eleven.total.value == 300 + 11 * 260);
  CHECK_FALSE(has_diagnostic(eleven, "きざみ"));
  const PricedClaim twelve = price_spec(months("12"));
  CHECK(twelve.total.value == 300 + 12 * 260);
  const Diagnostic d = only(twelve, "きざみ/上限");
  CHECK(d.severity == Severity::warning);
  CHECK(d.message.find("quantity 12 is above 上限値 11 (上下限エラー処理 0)") != std::string::npos);
}

TEST_CASE("きざみ/上限 with 上下限エラー処理 1: J117 直達牽引 (62点 a 局所) is priced at the master's 上限値 of 5 局所") {
  // 140029210: 62点, 下限 1, 上限 5, きざみ 1, きざみ点数 62, 上下限エラー処理 1: above 5 it is 5's price.
  // The 告示 prices 1局所 a day and states no cap: the 5 is the master's (R06rec1.pdf 別紙7-5).
  const auto days = [](const char* n) { return on_june_10(order("40", {std::string("140029210:") + n})); };
  CHECK(price_spec(days("5")).total.value == 5 * 62);
  const PricedClaim six = price_spec(days("6"));
  CHECK(six.total.value == 5 * 62);
  const Diagnostic d = only(six, "きざみ/上限");
  CHECK(d.severity == Severity::info);
  CHECK(d.message.find("priced at the upper limit (上下限エラー処理 1)") != std::string::npos);
}

TEST_CASE("点数識別/購入価格 and 特定器材/購入価格: an item priced at its purchase price needs unit_price") {
  // 150007770 生体皮膚移植（提供者の療養上の費用）加算: 点数識別 4, the points are the claim's.
  const PricedClaim points_missing = price_spec(on_june_10(order("50", {"150007770"})));
  CHECK(points_missing.total.value == 0);
  CHECK(only(points_missing, "点数識別/購入価格").field == "visits[0].orders[0].items[0].unit_price");
  const std::string stated = R"({"category":"50","items":[{"code":"150007770","unit_price":"5000"}]})";
  CHECK(price_spec(on_june_10(stated)).total.value == 5000);

  // 710010113 カスタムメイド人工関節: 金額種別 2 (購入価格), yen ÷ 10 四捨五入 (告示 K950).
  const PricedClaim yen_missing = price_spec(on_june_10(order("50", {"710010113"})));
  CHECK(yen_missing.total.value == 0);
  CHECK(only(yen_missing, "特定器材/購入価格").field == "visits[0].orders[0].items[0].unit_price");
  const std::string bought = R"({"category":"50","items":[{"code":"710010113","unit_price":"1234567"}]})";
  CHECK(price_spec(on_june_10(bought)).total.value == 123457);  // 123,456.7 → 123,457
}

TEST_CASE("医薬品/使用量 and 医薬品/減点: a drug without quantity is 1 unit with a warning; a 減点 marker adds nothing") {
  // カロナール錠200 620002023 is 6.70円/錠 (y col 12). 5日分 of 1錠: 6.7円 ≤ 15円 → 1点 a day (F200).
  const PricedClaim missing = price_spec(on_june_10(order("21", {"620002023"}, R"("days":5,)")));
  CHECK(missing.total.value == 5);
  const Diagnostic d = only(missing, "医薬品/使用量");
  CHECK(d.severity == Severity::warning);
  CHECK(d.field == "visits[0].orders[0].items[0].quantity");
  // 3錠: 20.1円 → 1点 + 1点 for the 5.1円 beyond 15円 → 2点 a day, 10点; 630010001 (金額種別 7) adds 0.
  const PricedClaim marked = price_spec(on_june_10(order("21", {"620002023:3", "630010001"}, R"("days":5,)")));
  CHECK(marked.total.value == 10);
  CHECK(only(marked, "医薬品/減点").severity == Severity::info);
  CHECK_FALSE(has_diagnostic(marked, "医薬品/使用量"));
}

TEST_CASE("包括対象検査/項目数: D012 グロブリンクラス別ウイルス抗体価 bills 2 items for one draw (200点 each)") {
  const PricedClaim three = price_spec(on_june_10(order("60", {"160046010", "160046210", "160109410"})));
  CHECK(three.total.value == 2 * 200);
  const Diagnostic d = only(three, "包括対象検査/項目数");
  CHECK(d.severity == Severity::error);
  CHECK(d.codes == std::vector<Code>{160109410});
  CHECK(price_spec(on_june_10(order("60", {"160046010", "160046210"}))).total.value == 2 * 200);
}
