// 在宅医療 (診療識別 14, 第2章第2部) on the real r06 masters: C000 往診料 with its 注1 加算 by the
// facility's 届出 and 注2 患家診療時間加算, C001 訪問診療料 by 同一建物居住者, C002 在宅時医学総合管理料
// with 注8's 100分の80, and C103 在宅酸素療法指導管理料 with its 在宅療養指導管理材料加算 (C157, C158).
// Figures from the 告示 (令和6年告示第57号, ../shared/law/r06/kokuji-ika.txt 第2部) and the r06 s rows;
// the 施設基準 are the codes' s cols 72–81: 3168/3169 在宅療養支援診療所・病院, 721 在宅時医学総合管理料.
#include <doctest/doctest.h>

#include "pricing_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

PricedClaim home(std::initializer_list<std::string> items, const std::string& standards = "",
                 const std::string& birth_date = "1940-04-01") {
  ClaimSpec spec = one_visit("2024-06-12", order("14", items));
  spec.birth_date = birth_date;
  if (birth_date < "1949-06-13") spec.insurance = R"({"kind":"elderly"})";  // 75 or over: 後期高齢者医療
  spec.facility = R"({"kind":"clinic","beds":0,"standards":[)" + standards + "]}";
  return price_spec(spec);
}

}  // namespace

TEST_CASE("C000 往診料 720; 注1ハ at a clinic that is no 在支診: 緊急往診加算 325, 深夜往診加算 1,300; 注1ニ 深夜 485") {
  CHECK(home({"114000110"}).total.value == 720);
  CHECK(home({"114000110", "114000370"}).total.value == 720 + 325);
  CHECK(home({"114000110", "114000570"}).total.value == 720 + 1300);
  CHECK(home({"114000110", "114704770"}).total.value == 720 + 485);  // 別に定める患者以外の患者
}

TEST_CASE("C000 注1ロ 深夜往診加算（在支診等）2,300 needs the 在支診 届出 (3168): billed with it, refused without") {
  const PricedClaim notified = home({"114000110", "114011770"}, "3168");
  CHECK(notified.total.value == 720 + 2300);
  const PricedClaim not_notified = home({"114000110", "114011770"});
  CHECK(not_notified.total.value == 720);
  CHECK_FALSE(not_notified.diagnostics.empty());
}

TEST_CASE("C000 注2 患家診療時間加算: over 1 hour, 100 per 30 minutes or part — 100 min 200, 150 min 300; 60 min not billable") {
  CHECK(home({"114000110", "114000970:100"}).total.value == 720 + 200);  // 40 min over: 2 parts
  CHECK(home({"114000110", "114000970:150"}).total.value == 720 + 300);  // 90 min over: 3 parts
  const PricedClaim hour = home({"114000110", "114000970:60"});
  CHECK(hour.total.value == 720);
  CHECK(has_diagnostic(hour, "きざみ/下限"));
}

TEST_CASE("C001 1 在宅患者訪問診療料1: 同一建物居住者以外 イ 888, 同一建物居住者 ロ 213; 6歳未満 乳幼児加算 400 (注4) automatically") {
  CHECK(home({"114001110"}).total.value == 888);
  CHECK(home({"114030310"}).total.value == 213);
  CHECK(home({"114042110"}).total.value == 884);  // 2 イ
  CHECK(home({"114042210"}).total.value == 187);  // 2 ロ
  // A 3-year-old: 888 + 400 = 1,288
  const PricedClaim child = home({"114001110"}, "", "2021-03-01");
  CHECK(child.total.value == 1288);
  CHECK(has_code(child, 114015870));
}

TEST_CASE("C002 3 ロ(1) 在宅時医学総合管理料 (在支診等以外, 月2回以上, 単一建物1人) 2,735; 注8 100分の80 = 2,188; refused without 届出 721") {
  CHECK(home({"114033710"}, "721").total.value == 2735);
  // 2,735 × 80/100 = 2,188 (the master's 減算 114041870: 2,735 − 2,735 × 20/100 = 2,735 − 547)
  CHECK(home({"114033710", "114041870"}, "721").total.value == 2188);
  CHECK(home({"114033710"}).total.value == 0);
}

TEST_CASE("C103 2 在宅酸素療法指導管理料 2,400 with 材料加算: C158 酸素濃縮装置加算 4,000 and C157 1 携帯用酸素ボンベ 880 = 7,280") {
  CHECK(home({"114003710"}).total.value == 2400);
  CHECK(home({"114003710", "114006210"}).total.value == 6400);
  CHECK(home({"114003710", "114006210", "114006310"}).total.value == 7280);
}
