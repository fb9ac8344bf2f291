// Pricing rules on both sides of the r04/r06 change (2024-06-01), eligibility by the master's
// columns, the 電子点数表 checks, and claims that cannot be priced.
#include <doctest/doctest.h>

#include "pricing_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

ErrorInfo error_of(const ClaimSpec& spec) {
  try {
    price_spec(spec);
  } catch (const Exception& e) {
    return e.info();
  }
  FAIL("priced without an error");
  return {};
}

}  // namespace

TEST_CASE("r04 → r06 on 2024-05-31 / 2024-06-01: 初診 288 → 291, 再診 73 → 75, 処方箋料 68 → 60, B-V 37 → 40") {
  const std::pair<const char*, std::pair<std::int64_t, std::int64_t>> cases[] = {
      {"111000110", {288, 291}}, {"112007410", {73, 75}}, {"120002910", {68, 60}}, {"160095710", {37, 40}}};
  for (const auto& entry : cases) {
    const auto& [code, points] = entry;
    CAPTURE(entry.first);  // not `code`: clang 14 cannot capture a structured binding
    const PricedClaim before = price_spec(one_visit("2024-05-31", order("11", {code})));
    const PricedClaim after = price_spec(one_visit("2024-06-01", order("11", {code})));
    CHECK(before.revision == "r04");
    CHECK(after.revision == "r06");
    CHECK(before.total.value == points.first);
    CHECK(after.total.value == points.second);
  }
}

TEST_CASE("r04 → r06: 生化学的検査(I) 10 items 106 → 103; 腫瘍マーカー 4 items 396 → 385 (masters/rules/lab_bundles.xml)") {
  const std::string ten = order("60", {"160022510", "160022610", "160020410", "160020910", "160023410", "160167250",
                                       "160019010", "160019210", "160000750", "160000950"});
  CHECK(price_spec(one_visit("2024-05-31", ten)).total.value == 106);
  CHECK(price_spec(one_visit("2024-06-01", ten)).total.value == 103);
  // CEA, AFP, TPA, CA19-9: four markers with no 背反 between them (DUPAN-2 would be 背反 with CEA).
  const std::string markers = order("60", {"160036510", "160036710", "160037110", "160037210"});
  CHECK(price_spec(one_visit("2024-05-31", markers)).total.value == 396);
  CHECK(price_spec(one_visit("2024-06-01", markers)).total.value == 385);
  const std::string three = order("60", {"160036510", "160036710", "160037110"});
  CHECK(price_spec(one_visit("2024-06-01", three)).total.value == 290);
  const std::string one = order("60", {"160036510"});
  CHECK(price_spec(one_visit("2024-06-01", one)).total.value == 99);  // below the first tier: item points
}

TEST_CASE("a 包括対象検査 bundle takes the line of its group's first item: the visit's lines stay in claim order") {
  // AST 17 and ALT 17 (s col 16 包括対象検査 = 1, two items: below the first tier, item points),
  // split by 尿一般 26 (no group); CEA 99 (腫瘍マーカー) in the last order with ALT.
  const std::string orders = order("11", {"111000110"}) + "," + order("60", {"160022510"}) + "," +
                             order("60", {"160000310"}) + "," + order("60", {"160022610", "160036510"});
  const PricedClaim priced = price_spec(one_visit("2024-07-03", orders));
  REQUIRE(priced.lines.size() == 4);
  const auto codes = [&](std::size_t i) {
    std::vector<Code> out;
    for (const LineItem& item : priced.lines[i].items) out.push_back(item.code);
    return out;
  };
  CHECK(codes(0) == std::vector<Code>{111000110});
  CHECK(codes(1) == std::vector<Code>{160022510, 160022610});
  CHECK(priced.lines[1].points.value == 17 + 17);
  CHECK(codes(2) == std::vector<Code>{160000310});
  CHECK(priced.lines[2].points.value == 26);
  CHECK(codes(3) == std::vector<Code>{160036510});
  CHECK(priced.lines[3].points.value == 99);
  CHECK(priced.total.value == 291 + 34 + 26 + 99);
}

TEST_CASE("a forced revision prices a 2024-07 claim under r04 (revision-vs-revision runs)") {
  PricingOptions options;
  options.revision = "r04";
  const PricedClaim old_rules = price_spec(one_visit("2024-07-03", order("11", {"111000110"})), options);
  CHECK(old_rules.revision == "r04");
  CHECK(old_rules.total.value == 288);
  ClaimSpec child = one_visit("2024-07-03", order("11", {"111000110"}));
  child.birth_date = "2021-07-10";  // 2 on 2024-07-03: age still uses the real date
  CHECK(price_spec(child, options).total.value == 288 + 75);
}

TEST_CASE("a forced revision prices a claim older than its period with the versions it holds (UKE sample month 2021-10)") {
  // The r04 医薬品マスター holds only its 2023-04-01 prices: a 2021-10 claim under r04 takes them.
  PricingOptions options;
  options.revision = "r04";
  ClaimSpec spec = one_visit("2021-10-05", order("11", {"111000110"}) + "," + order("21", {"620098801:3"}, R"("days":7,)"));
  const PricedClaim priced = price_spec(spec, options);
  CHECK(priced.revision == "r04");
  CHECK(priced.total.value == 288 + 3 * 7);  // 10.10 × 3 = 30.30円 → 1 + ⌈15.3 / 10⌉ = 3点/day
}

TEST_CASE("再診 of a 3-year-old after hours: 乳幼児時間外加算 135 replaces 乳幼児加算 (A001 注4; found by the r04→r06 regression run)") {
  ClaimSpec spec = one_visit("2024-07-03", order("12", {"112007410"}), "after_hours");
  spec.birth_date = "2021-05-20";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 75 + 135);
  for (const PricedLine& line : priced.lines) {
    for (const LineItem& item : line.items) CHECK(item.code != 112000970);
  }
  CHECK(priced.diagnostics.empty());
  // Listed explicitly (its own line, no 注加算コード), the same.
  spec.visits = "[" + visit("2024-07-03", order("12", {"112007410"}) + "," + order("12", {"112014770"}), "after_hours") + "]";
  CHECK(price_spec(spec).total.value == 75 + 135);
}

TEST_CASE("内視鏡検査 通則5: EF-胃・十二指腸 1,140 + 40/100 after hours, + 80/100 on a holiday; none for D324 血管内視鏡検査") {
  const std::string ef = order("60", {"160093810"});
  CHECK(price_spec(one_visit("2024-07-03", ef)).total.value == 1140);
  CHECK(price_spec(one_visit("2024-07-03", ef, "after_hours")).total.value == 1140 + 456);
  CHECK(price_spec(one_visit("2024-07-07", ef, "holiday")).total.value == 1140 + 912);
  CHECK(price_spec(one_visit("2024-07-03", ef, "late_night")).total.value == 1140 + 912);
  // 通則5 excludes D296-3, D324 and D325: 血管内視鏡検査 keeps its 2,040 after hours.
  CHECK(price_spec(one_visit("2024-07-03", order("60", {"160171310"}), "after_hours")).total.value == 2040);
}

TEST_CASE("入外適用区分: an inpatient-only code on an outpatient claim is dropped with a diagnostic") {
  const PricedClaim priced = price_spec(one_visit("2024-06-03", order("11", {"111000110"}) + "," + order("90", {"190117710"})));
  CHECK(priced.total.value == 291);
  const Diagnostic* d = find_diagnostic(priced, "入外適用区分");
  REQUIRE(d);
  CHECK(d->codes == std::vector<Code>{190117710});
  CHECK(d->field == "visits[0].orders[1].items[0].code");
}

TEST_CASE("病院・診療所区分 and 病床数区分: clinic-only and ≤199-bed codes at a 300-bed hospital are dropped") {
  ClaimSpec spec = one_visit("2024-06-03", order("12", {"112007410", "112015770"}));
  spec.facility = R"({"kind":"hospital","beds":300})";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 0);
  CHECK(find_diagnostic(priced, "病床数区分"));
  spec.visits = "[" + visit("2024-06-03", order("12", {"112011310"})) + "]";  // 外来診療料 76
  CHECK(price_spec(spec).total.value == 76);
}

TEST_CASE("施設基準: 機能強化加算 without its notified standard 3522 is dropped") {
  const PricedClaim priced = price_spec(one_visit("2024-06-03", order("11", {"111000110", "111013770"})));
  CHECK(priced.total.value == 291);
  CHECK(find_diagnostic(priced, "施設基準"));
}

TEST_CASE("注加算 通番: two alternatives listed together bill only the first") {
  ClaimSpec spec = one_visit("2024-06-03", order("11", {"111000110", "111000370", "111000570"}));
  spec.birth_date = "2021-05-20";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 291 + 75);
  CHECK(find_diagnostic(priced, "注加算/通番"));
}

TEST_CASE("Eligibility of codes that one column alone limits (real r06 rows): each is dropped with its rule, and "
          "billed where the column allows it") {
  struct Case {
    const char* code;
    const char* category;
    const char* rule;
    const char* setting;    // ClaimSpec::setting … insurance where the code is refused
    const char* facility;
    const char* birth_date;
    const char* insurance;
  };
  const char* clinic = R"({"kind":"clinic","beds":0,"standards":[]})";
  const char* hospital = R"({"kind":"hospital","beds":300,"standards":[]})";
  const char* employee = R"({"kind":"employee"})";
  const Case cases[] = {
      // 麻薬管理指導加算: s col 13 入外適用区分 = 1 (inpatient only), nothing else set
      {"113004270", "13", "入外適用区分", "outpatient", clinic, "1980-01-01", employee},
      // 初診料（文書による紹介がない患者）: s col 19 病院・診療所区分 = 1 (hospitals)
      {"111012510", "11", "病院・診療所区分", "outpatient", clinic, "1980-01-01", employee},
      // 点滴注射: s col 41 下限年齢 = 06
      {"130003810", "33", "年齢", "outpatient", clinic, "2021-01-01", employee},
      // 皮膚、皮下腫瘍摘出術（露出部）（長径４ｃｍ以上）（６歳未満）: s col 42 上限年齢 = 06
      {"150452710", "50", "年齢", "outpatient", clinic, "2014-01-01", employee},
      // インキュベーター: s col 14 後期高齢者医療適用区分 = 1 (not under 後期高齢者医療)
      {"140028410", "40", "後期高齢者医療適用区分", "outpatient", clinic, "1940-01-01", R"({"kind":"elderly"})"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.code);
    ClaimSpec spec = one_visit("2024-06-03", order(c.category, {c.code}));
    spec.setting = c.setting;
    spec.facility = c.facility;
    spec.birth_date = c.birth_date;
    spec.insurance = c.insurance;
    const Code code = static_cast<Code>(std::stoul(c.code));
    const PricedClaim refused = price_spec(spec);
    const Diagnostic* d = find_diagnostic(refused, c.rule);
    REQUIRE(d);
    CHECK(d->codes == std::vector<Code>{code});
    CHECK(refused.total.value == 0);
  }
  // The same codes where their column allows them: billed at their s col 12 points.
  const auto billed = [](const std::string& code, const std::string& category, const char* facility,
                         const char* birth_date) {
    ClaimSpec spec = one_visit("2024-06-03", order(category, {code}));
    spec.facility = facility;
    spec.birth_date = birth_date;
    return price_spec(spec).total.value;
  };
  CHECK(billed("111012510", "11", hospital, "1980-01-01") == 216);
  CHECK(billed("130003810", "33", clinic, "2010-01-01") == 102);
  // 3 years old: 5,010 + 幼児加算 100分の50 (告示 第10部 通則8) = 7,515
  CHECK(billed("150452710", "50", clinic, "2021-01-01") == 5010 + 2505);
  CHECK(billed("140028410", "40", clinic, "1980-01-01") == 120);
}

TEST_CASE("年齢: an addition outside its age range is dropped (乳幼児加算 for a 7-year-old)") {
  ClaimSpec spec = one_visit("2024-06-03", order("11", {"111000110", "111000370"}));
  spec.birth_date = "2017-01-01";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 291);
  CHECK(find_diagnostic(priced, "年齢"));
}

TEST_CASE("算定回数 (05 table): 特定疾患療養管理料 twice a month — the third is not billed") {
  ClaimSpec spec;
  spec.month = "2024-06";
  spec.visits = "[" + visit("2024-06-03", order("13", {"113001810"})) + "," + visit("2024-06-10", order("13", {"113001810"})) +
                "," + visit("2024-06-17", order("13", {"113001810"})) + "]";
  const PricedClaim priced = price_spec(spec);
  CHECK(priced.total.value == 450);
  const Diagnostic* d = find_diagnostic(priced, "算定回数/月");
  REQUIRE(d);
  CHECK(d->date == day("2024-06-17"));
}

TEST_CASE("算定回数 per day: B-V twice on one day is billed once") {
  const PricedClaim priced = price_spec(one_visit("2024-06-03", order("60", {"160095710"}) + "," + order("60", {"160095710"})));
  CHECK(priced.total.value == 40);
  CHECK(find_diagnostic(priced, "算定回数/日"));
}

TEST_CASE("背反 同一月 (03-2): 初診料 and 血糖自己測定指導加算 in one month keep 初診料 (背反区分 1)") {
  ClaimSpec spec;
  spec.visits = "[" + visit("2024-06-03", order("11", {"111000110"})) + "," +
                visit("2024-06-20", order("13", {"113010370"})) + "]";
  const PricedClaim priced = price_spec(spec);
  const Diagnostic* d = find_diagnostic(priced, "背反/同一月内");
  REQUIRE(d);
  CHECK(d->codes == std::vector<Code>{113010370, 111000110});  // the one not billed first
  CHECK(priced.total.value == 291);
}

TEST_CASE("背反 同時 (03-3): CEA and DUPAN-2 on one draw — 背反区分 3 keeps the higher-point one") {
  const PricedClaim priced = price_spec(one_visit("2024-06-03", order("60", {"160036510", "160036910"})));
  const Diagnostic* d = find_diagnostic(priced, "背反/同時");
  REQUIRE(d);
  CHECK(d->codes == std::vector<Code>{160036510, 160036910});  // the one not billed first
  CHECK(priced.total.value == 115);  // DUPAN-2 alone: one item is below the 2-item bundle tier
}

TEST_CASE("背反 with 特例条件 1 (03-4 週): reported as a warning, both kept") {
  ClaimSpec spec;
  spec.facility = R"({"kind":"clinic","standards":[8016]})";
  spec.visits = "[" + visit("2024-06-03", order("11", {"111000110"})) + "," +
                visit("2024-06-05", order("13", {"113013910"})) + "]";
  const PricedClaim priced = price_spec(spec);
  const Diagnostic* d = find_diagnostic(priced, "背反/1週間につき");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
}

TEST_CASE("bad claims: an unknown code, a wrong first digit and a missing きざみ quantity name the field") {
  const ErrorInfo unknown = error_of(one_visit("2024-06-03", order("11", {"111999999"})));
  CHECK(unknown.status == Status::unknown_code);
  CHECK(unknown.field == "visits[0].orders[0].items[0].code");
  const ErrorInfo digit = error_of(one_visit("2024-06-03", order("11", {"311000110"})));
  CHECK(digit.status == Status::unknown_code);
  const ErrorInfo quantity = error_of(one_visit("2024-06-03", order("40", {"140009310"})));
  CHECK(quantity.status == Status::claim_error);
  CHECK(quantity.field == "visits[0].orders[0].items[0].quantity");
  ClaimSpec too_old = one_visit("2022-03-31", order("11", {"111000110"}));
  const ErrorInfo no_revision = error_of(too_old);
  CHECK(no_revision.status == Status::not_found);
  CHECK(no_revision.field == "month");
}

TEST_CASE("explain lists the master values and rules behind every line") {
  ClaimSpec spec = one_visit("2024-06-03", order("11", {"111000110"}), "after_hours");
  spec.birth_date = "2021-05-20";
  const PricedClaim priced = price_spec(spec);
  const std::string json = result_json(priced, real_library());
  CHECK(json.find("111000110 初診料 291点 (s col 12, r06)") != std::string::npos);
  CHECK(json.find("+ 111011970 乳幼児時間外加算（初診） 200点, added for the visit time") != std::string::npos);
  CHECK(json.find(R"("automatic":true)") != std::string::npos);
  CHECK(json.find(R"("format":"santei.result/1")") == 1);
}
