// Real facts read from the SSK masters in ../shared/masters (r04 and r06), both revisions side by
// side. Values are the published fee schedules' (see ../shared/masters/README.md §5).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "masters/master_data.hpp"

#include "santei/rules.hpp"
#include "support.hpp"

using namespace santei;
using santei::test::day;
using santei::test::r04;
using santei::test::r06;

namespace {
Decimal dec(const char* text) { return *Decimal::parse(text); }
}  // namespace

TEST_CASE("both revisions load side by side and the service date selects one") {
  const MasterLibrary& library = santei::test::real_library();
  REQUIRE(library.sets().size() == 2);
  CHECK(r04().period().from == day("2022-04-01"));
  CHECK(r04().period().to == day("2024-05-31"));
  CHECK(r06().period().from == day("2024-06-01"));
  CHECK(r06().period().to == day("2026-05-31"));  // r08 starts 2026-06-01 (masters/revisions.xml)
  CHECK(library.for_date(day("2024-05-31"))->revision() == "r04");
  CHECK(library.for_date(day("2024-06-01"))->revision() == "r06");
  CHECK(library.for_date(day("2022-03-31")) == nullptr);
  CHECK_THROWS_AS(library.require(day("2026-06-01")), Exception);
}

TEST_CASE("s: 初診料 111000110 is 291点 in r06 (2024-06-01) and 288点 in r04") {
  const ProcedureRecord* r6 = r06().procedure(111000110, day("2024-06-01"));
  const ProcedureRecord* r4 = r04().procedure(111000110, day("2024-05-31"));
  REQUIRE(r6);
  REQUIRE(r4);
  CHECK(r6->name == "初診料");
  CHECK(r6->points == Decimal(291));
  CHECK(r4->points == Decimal(288));
  CHECK(r6->old_points == Decimal(288));  // 旧点数 col 58
  CHECK(r6->outpatient_column == 110);
  CHECK(r6->visit_days == 2);
  CHECK(r6->days_count == 1);
  CHECK(r6->addition_group == 1101);
  CHECK(r6->time_addition == 1);
  CHECK(r6->baseup_eval_1 == '1');
  // r06 alone: the r06 record starts 2024-06-01, so nothing is in force the day before.
  CHECK(r06().procedure(111000110, day("2024-05-31")) == nullptr);
}

TEST_CASE("s: 年齢加算 of 初診料 is 111000370 乳幼児加算 75点 under 6") {
  const ProcedureRecord* shoshin = r06().procedure(111000110, day("2024-07-01"));
  REQUIRE(shoshin);
  CHECK(shoshin->age_additions[0].lower.text() == "00");
  CHECK(shoshin->age_additions[0].upper.text() == "06");
  CHECK(shoshin->age_additions[0].code == 111000370);
  const ProcedureRecord* infant = r06().procedure(111000370, day("2024-07-01"));
  REQUIRE(infant);
  CHECK(infant->points == Decimal(75));
  CHECK(infant->name == "乳幼児加算（初診）");
  CHECK(infant->addition_group == 1101);
  CHECK(infant->addition_serial == '1');
  CHECK(infant->max_age.text() == "06");
}

TEST_CASE("s: 再診料 112007410 is 75 / 73; 外来診療料 76 / 74; 外来管理加算 52 both") {
  CHECK(r06().procedure(112007410, day("2024-06-01"))->points == Decimal(75));
  CHECK(r04().procedure(112007410, day("2024-01-10"))->points == Decimal(73));
  CHECK(r06().procedure(112011310, day("2024-06-01"))->points == Decimal(76));
  CHECK(r04().procedure(112011310, day("2024-01-10"))->points == Decimal(74));
  const ProcedureRecord* kanri = r06().procedure(112011010, day("2024-06-01"));
  CHECK(kanri->points == Decimal(52));
  CHECK(kanri->outpatient_management == 2);
  CHECK(r06().procedure(112007410, day("2024-06-01"))->addition_group == 1201);
}

TEST_CASE("s: more r06/r04 points — 急性期一般入院料１, 処方箋料, 一般名処方加算１, B-V, 静注") {
  struct Fact {
    Code code;
    int r06;
    int r04;
  };
  const Fact facts[] = {
      {190117710, 1688, 1650}, {120002910, 60, 68}, {120004270, 10, 7}, {160095710, 40, 37},
      {130003510, 37, 34},     {113001810, 225, 225}, {111000570, 85, 85}, {111000770, 480, 480},
      {160008010, 21, 21},     {160010010, 49, 49},  {160000310, 26, 26},
  };
  for (const Fact& f : facts) {
    CAPTURE(f.code);
    CHECK(r06().procedure(f.code, day("2024-06-01"))->points == Decimal(f.r06));
    CHECK(r04().procedure(f.code, day("2024-01-10"))->points == Decimal(f.r04));
  }
  const ProcedureRecord* acute = r06().procedure(190117710, day("2024-06-01"));
  CHECK(acute->setting == 1);  // 入院のみ
  CHECK(acute->visit_days == 3);
  const ProcedureRecord* hantei = r06().procedure(160061810, day("2024-06-01"));
  CHECK(hantei->points == Decimal(125));
  CHECK(hantei->exam_kind == 2);
  CHECK(hantei->judgement_group == 2);
}

TEST_CASE("s: きざみ of 人工呼吸 140009310 and 写真診断 170000410 (きざみ点数 42.50)") {
  const ProcedureRecord* ventilation = r06().procedure(140009310, day("2024-06-01"));
  REQUIRE(ventilation);
  CHECK(ventilation->points == Decimal(302));
  CHECK(ventilation->stepped == 1);
  CHECK(ventilation->step_lower == 30);
  CHECK(ventilation->step_upper == 300);
  CHECK(ventilation->step_width == 30);
  CHECK(ventilation->step_points == Decimal(50));
  const ProcedureRecord* film = r06().procedure(170000410, day("2024-06-01"));
  CHECK(film->step_points == dec("42.5"));
  CHECK(film->step_error == 1);
  CHECK(film->data_unit_name == "枚");
}

TEST_CASE("s: 医療ＤＸ推進体制整備加算 111703370 splits on 2024-10-01 (update s_20240906.csv)") {
  const ProcedureRecord* before = r06().procedure(111703370, day("2024-09-30"));
  const ProcedureRecord* after = r06().procedure(111703370, day("2024-10-01"));
  REQUIRE(before);
  REQUIRE(after);
  CHECK(before->name == "医療ＤＸ推進体制整備加算（初診）");
  CHECK(before->points == Decimal(8));
  CHECK(after->name == "医療ＤＸ推進体制整備加算３（初診）");
  CHECK(after->points == Decimal(8));  // the update leaves 点数 empty: kept
  CHECK(before->valid_to == day("2024-09-30"));
  const ProcedureRecord* dx1 = r06().procedure(111703470, day("2024-10-01"));
  REQUIRE(dx1);
  CHECK(dx1->points == Decimal(11));
  CHECK(r06().procedure(111703470, day("2024-09-30")) == nullptr);
  CHECK(r04().procedure(111703370, day("2024-05-01")) == nullptr);  // new in R6
}

TEST_CASE("s: 廃止 rows end a code — 医療情報取得加算１ 111703170 ends 2024-11-30") {
  CHECK(r06().procedure(111703170, day("2024-11-30"))->points == Decimal(3));
  CHECK(r06().procedure(111703170, day("2024-12-01")) == nullptr);
}

TEST_CASE("y: ロキソニン錠６０ｍｇ 10.10円, generics and narcotics, r06 旧金額 = r04 price") {
  const DrugRecord* loxonin = r06().drug(620098801, day("2024-06-01"));
  REQUIRE(loxonin);
  CHECK(loxonin->name == "ロキソニン錠６０ｍｇ");
  CHECK(loxonin->price == dec("10.10"));
  CHECK(loxonin->form == 1);
  CHECK(loxonin->generic == 0);
  CHECK(loxonin->unit_name == "錠");
  CHECK(r04().drug(620098801, day("2024-01-15"))->price == dec("10.10"));
  const DrugRecord* yd = r06().drug(620098902, day("2024-06-01"));
  CHECK(yd->generic == 1);
  CHECK(yd->generic_name_code == "1149019F1ZZZ");
  CHECK(yd->generic_prescription_addition == 2);
  CHECK(yd->price == dec("9.80"));
  const DrugRecord* morphine = r06().drug(620009277, day("2024-06-01"));
  CHECK(morphine->form == 4);
  CHECK(morphine->narcotic == 1);
  CHECK(morphine->price == Decimal(305));
  const DrugRecord* calonal = r06().drug(620002023, day("2024-06-01"));
  CHECK(calonal->price == dec("6.70"));
  CHECK(calonal->old_price == dec("5.90"));
  CHECK(r04().drug(620002023, day("2024-01-15"))->price == dec("5.90"));
}

TEST_CASE("y: the 42-column 2024-09-06 update adds 選定療養 codes pointing back to their brand") {
  const DrugRecord* selected = r06().drug(670000063, day("2024-10-01"));
  REQUIRE(selected);
  CHECK(selected->selective_care == 2);
  CHECK(selected->long_listed_relation == 620000063);
}

TEST_CASE("t: フィルム 半切 120円/枚; oxygen 0.42 / 0.19 円/L with 酸素等区分 4 / 2") {
  const MaterialRecord* film = r06().material(700010000, day("2024-06-01"));
  REQUIRE(film);
  CHECK(film->price == Decimal(120));
  CHECK(film->unit == 6);
  const MaterialRecord* big = r06().material(739220000, day("2024-06-01"));
  const MaterialRecord* ce = r06().material(739200000, day("2024-06-01"));
  CHECK(big->price == dec("0.42"));
  CHECK(big->oxygen_kind == 4);
  CHECK(big->material_kind == 2);
  CHECK(ce->price == dec("0.19"));
  CHECK(ce->oxygen_kind == 2);
  CHECK(r06().material(728720000, day("2024-06-01"))->price == Decimal(233));
  CHECK(r04().material(700010000, day("2024-02-29"))->price == Decimal(120));
}

TEST_CASE("c: コメントコード = 8 + パターン + 一連番号; 820000001 別途コメントあり") {
  const CommentRecord* c = r06().comment(820000001, day("2024-06-01"));
  REQUIRE(c);
  CHECK(c->text == "別途コメントあり");
  CHECK(c->pattern == 20);
  CHECK(c->serial == 1);
  for (const CommentRecord& record : r06().data().comments.all()) {
    REQUIRE(record.code == static_cast<Code>(800000000 + record.pattern * 1000000 + record.serial));
  }
}

TEST_CASE("b: 高血圧症 8833421 is ICD-10 I10; アルツハイマー型認知症 G309/F009; codes keep 7 digits") {
  CHECK(r06().disease(8833421, day("2024-06-01"))->icd10_1 == "I10");
  CHECK(r06().disease(2500015, day("2024-06-01"))->icd10_1 == "E11");
  const DiseaseRecord* alz = r06().disease(8842549, day("2024-06-01"));
  CHECK(alz->icd10_1 == "G309");
  CHECK(alz->icd10_2 == "F009");
  CHECK(r06().disease(999, day("2024-06-01"))->name == "＊＊　未コード化傷病名　＊＊");
  CHECK(r04().disease(8833421, day("2024-01-01"))->name == "高血圧症");
}

TEST_CASE("z: 修飾語 8002 の疑い; CP932 0x8160 decodes to U+FF5E (～)") {
  CHECK(r06().modifier(8002, day("2024-06-01"))->name == "の疑い");
  // Some name in s carries 0x8160; it must decode as FULLWIDTH TILDE, never WAVE DASH.
  bool saw_fullwidth_tilde = false;
  for (const ProcedureRecord& r : r06().all_procedures()) {
    CHECK(r.full_name.find("\xE3\x80\x9C") == std::string::npos);  // U+301C
    if (r.full_name.find("\xEF\xBD\x9E") != std::string::npos) saw_fullwidth_tilde = true;
  }
  CHECK(saw_fullwidth_tilde);
}

TEST_CASE("電子点数表 05: 初診料 once per 初診, 特定疾患療養管理料 twice a month, 判断料 once a month") {
  const RuleGraph& rules = r06().rules();
  auto first = rules.count_limits(111000110);
  REQUIRE(first.size() >= 1);
  CHECK(first[0].unit == 159);
  CHECK(first[0].limit == 1);
  auto tokutei = rules.count_limits(113001810);
  REQUIRE(!tokutei.empty());
  CHECK(tokutei[0].unit == 131);
  CHECK(tokutei[0].limit == 2);
  auto hantei = rules.count_limits(160061810);
  REQUIRE(!hantei.empty());
  CHECK(hantei[0].unit == 131);
  CHECK(hantei[0].limit == 1);
  CHECK(std::string(unit_name(159)) == "初診時");
}

TEST_CASE("電子点数表 01/03/04: 初診料's 補助 row, 背反 pairs and the 入院基本料 加算 groups") {
  const RuleGraph& rules = r06().rules();
  const AuxiliaryRecord* aux = rules.auxiliary(111000110, day("2024-06-01"));
  REQUIRE(aux);
  CHECK(aux->bundle_units[0] == 2);
  CHECK(aux->bundle_groups[0] == "A000001");
  CHECK(aux->exclusive_month == 1);
  auto month = rules.exclusions(111000110, ExclusionWindow::same_month);
  REQUIRE(!month.empty());
  CHECK(month[0].code2 == 113010370);
  CHECK(month[0].keep == 1);
  CHECK(!rules.exclusions(111000110, ExclusionWindow::same_time).empty());
  CHECK(!rules.exclusions(111000110, ExclusionWindow::same_week).empty());
  // r06/tensuhyo/04入院基本料テーブル.csv has 145 rows of グループ番号 001, the first
  // "0","001","190076570","超重症児（者）入院診療加算（６歳以上）","15","0","20100401","99999999".
  const auto group1 = rules.inpatient_group(1);
  REQUIRE(group1.size() == 145);
  CHECK(group1[0].code == 190076570);
  CHECK(group1[0].addition_class == 15);
  CHECK(group1[0].valid_from == day("2010-04-01"));
  CHECK(group1[0].valid_to.is_open_end());
  CHECK_FALSE(rules.has_table(ElectronicTable::bundle));        // 02 is not in ../shared/masters
  CHECK_FALSE(rules.has_table(ElectronicTable::exclusion_day));  // nor 03-1
  CHECK(rules.has_table(ElectronicTable::count_limit));
}

TEST_CASE("rule graph: 注加算 group 1101 holds 初診料 first, then its additions") {
  auto group = r06().rules().addition_group(1101);
  REQUIRE(group.size() > 5);
  CHECK(group[0] == 111000110);
  CHECK(std::find(group.begin(), group.end(), 111000570) != group.end());
  auto bases = r06().rules().age_addition_bases(111000370);
  CHECK(std::find(bases.begin(), bases.end(), 111000110) != bases.end());
  auto chemistry = r06().rules().lab_bundle(1);
  CHECK(std::find(chemistry.begin(), chemistry.end(), 160022510) != chemistry.end());  // AST
}

TEST_CASE("cross-check: r06 旧点数 equals r04 点数 for every code in both (8,358 codes)") {
  int compared = 0;
  for (const ProcedureRecord& r6 : r06().all_procedures()) {
    if (r6.valid_from != day("2024-06-01") || r6.old_point_kind == 0) continue;
    const auto r4_versions = r04().procedure_versions(r6.code);
    if (r4_versions.empty()) continue;
    CAPTURE(r6.code);
    CHECK(r6.old_points == r4_versions.back().points);
    ++compared;
  }
  CHECK(compared >= 8000);
}

TEST_CASE("cross-check: r06 旧金額 equals the r04 price for common drugs") {
  int compared = 0;
  for (const DrugRecord& r6 : r06().all_drugs()) {
    if (r6.valid_from != day("2024-04-01")) continue;
    const auto r4_versions = r04().drug_versions(r6.code);
    if (r4_versions.empty() || r6.old_price_kind == 0) continue;
    CAPTURE(r6.code);
    CHECK(r6.old_price == r4_versions.back().price);
    ++compared;
  }
  CHECK(compared >= 19000);
}
