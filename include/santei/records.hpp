// santei/records.hpp — the decoded rows of the SSK masters.
//
// One struct per master kind. Field comments give the master column (項番, 1-based) and the
// Japanese item name of the SSK マスターファイル仕様説明書 (R06rec1–3.pdf); the column numbers
// themselves live in masters/layouts/*.xml, not here. Every record carries its validity range
// (変更年月日 … 廃止年月日, or the end fixed by a later version). Records are immutable once the
// master set is loaded.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei {

// A 9-digit master code (診療行為, 医薬品, 特定器材, コメント) as a number.
using Code = std::uint32_t;

// 変更区分 (column 1 of every master).
enum class ChangeKind : std::uint8_t {
  unchanged = 0,  // 0 変更なし
  deleted = 1,    // 1 抹消
  revived = 2,    // 2 復活 (傷病名)
  added = 3,      // 3 新規
  changed = 5,    // 5 変更
  abolished = 9,  // 9 廃止
};

// An age bound of the masters (下限年齢/上限年齢, 年齢加算): "00" none, two digits = years,
// "AA" 生後28日, "AE" 生後90日, "B3"/"B6"/"BF"/"BK" the first day of the month after the
// 3rd/6th/15th/20th birthday, "MG" 未就学児 (until the first 31 March after reaching 6).
struct AgeCode {
  std::array<char, 2> raw{'0', '0'};

  bool is_none() const { return raw[0] == '0' && raw[1] == '0'; }
  std::string text() const { return std::string(raw.data(), 2); }
  // The first day on which someone born on `birth` has reached this bound.
  // Throws santei::Exception(parse_error) for a code the spec does not define.
  SANTEI_API Date reached_on(Date birth) const;
  // Whether the spec defines this code.
  SANTEI_API bool valid() const;
};

// 年齢加算①–④: from age `lower` (inclusive) to `upper` (exclusive) the addition `code` applies.
struct AgeAddition {
  AgeCode lower;
  AgeCode upper;
  Code code = 0;
};

// 医科診療行為マスター (s), 150 columns.
struct ProcedureRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 3 診療行為コード
  std::string name;                           // 5 省略漢字名称
  std::string kana;                           // 7 省略カナ名称
  std::int32_t data_unit = 0;                 // 8 データ規格コード (0 = no quantity)
  std::string data_unit_name;                 // 10 データ規格名
  std::int32_t point_kind = 0;                // 11 点数識別 (1 yen, 3 points, 4 price, 5 +%, 6 −%, 7 deduction, 8 −points)
  Decimal points;                             // 12 新又は現点数
  std::int32_t setting = 0;                   // 13 入外適用区分 (0 both, 1 inpatient, 2 outpatient)
  std::int32_t elderly = 0;                   // 14 後期高齢者医療適用区分
  std::int32_t outpatient_column = 0;         // 15 点数欄集計先識別（入院外）
  std::int32_t lab_bundle_group = 0;          // 16 包括対象検査
  std::int32_t dpc = 0;                       // 18 ＤＰＣ適用区分
  std::int32_t facility_kind = 0;             // 19 病院・診療所区分 (0 both, 1 hospital, 2 clinic)
  std::int32_t surgery_navigation = 0;        // 20 画像等手術支援加算
  std::int32_t nursing_addition = 0;          // 22 看護加算
  std::int32_t anesthesia_class = 0;          // 23 麻酔識別区分
  std::int32_t diagnosis_relation = 0;        // 25 傷病名関連区分
  std::int32_t visit_days = 0;                // 27 実日数
  std::int32_t days_count = 0;                // 28 日数・回数
  std::int32_t drug_relation = 0;             // 29 医薬品関連区分
  std::int32_t stepped = 0;                   // 30 きざみ値計算識別
  std::int64_t step_lower = 0;                // 31 下限値
  std::int64_t step_upper = 0;                // 32 上限値
  std::int64_t step_width = 0;                // 33 きざみ値
  Decimal step_points;                        // 34 きざみ点数
  std::int32_t step_error = 0;                // 35 上下限エラー処理
  std::int32_t max_count = 0;                 // 36 上限回数
  std::int32_t max_count_error = 0;           // 37 上限回数エラー処理
  std::int32_t addition_group = 0;            // 38 注加算コード
  char addition_serial = '0';                 // 39 注加算通番
  std::int32_t general_age = 0;               // 40 通則年齢
  AgeCode min_age;                            // 41 下限年齢
  AgeCode max_age;                            // 42 上限年齢
  std::int32_t time_addition = 0;             // 43 時間加算区分
  std::int32_t conformance = 0;               // 44 基準適合識別 適合区分
  std::int32_t conformance_standard = 0;      // 45 基準適合識別 対象施設基準
  std::int32_t infant_procedure = 0;          // 46 処置乳幼児加算区分
  std::int32_t low_birth_weight = 0;          // 47 極低出生体重児加算区分
  std::int32_t inpatient_reduction = 0;       // 48 入院基本料等減算対象識別
  std::int32_t donor = 0;                     // 49 ドナー分集計区分
  std::int32_t exam_kind = 0;                 // 50 検査等実施判断区分 (1 実施料, 2 判断料)
  std::int32_t judgement_group = 0;           // 51 検査等実施判断グループ区分
  std::int32_t decrement = 0;                 // 52 逓減対象区分
  std::int32_t outpatient_management = 0;     // 56 外来管理加算区分 (1 blocks it, 2 is it)
  std::int32_t old_point_kind = 0;            // 57 旧点数識別
  Decimal old_points;                         // 58 旧点数
  std::int32_t specimen_comment = 0;          // 61 検体検査コメント
  std::int32_t excluded_from_base = 0;        // 62 通則加算所定点数対象区分 (1 = not in 所定点数)
  std::int32_t bundle_decrement_group = 0;    // 63 包括逓減区分
  std::int32_t inpatient_column = 0;          // 66 点数欄集計先識別（入院）
  std::int32_t notice_kind = 0;               // 68 告示等識別区分（１）
  std::int32_t notice_kind_table = 0;         // 69 告示等識別区分（２）
  std::int32_t regional_addition = 0;         // 70 地域加算
  std::int32_t bed_class = 0;                 // 71 病床数区分
  std::array<std::int32_t, 10> facility_standards{};  // 72–81 施設基準コード①–⑩
  std::int32_t short_stay_surgery = 0;        // 83 短期滞在手術
  char section_letter = ' ';                  // 85 コード表用番号（アルファベット部）
  Date valid_from;                            // 87 変更年月日
  Date valid_to = Date::open_end();           // 88 廃止年月日 (or the day before a later version)
  std::int64_t publication_order = 0;         // 89 公表順序番号
  std::int32_t chapter = 0;                   // 90 章
  std::int32_t part = 0;                      // 91 部
  std::int32_t section_number = 0;            // 92 区分番号
  std::int32_t branch = 0;                    // 93 枝番
  std::int32_t item = 0;                      // 94 項番
  std::array<AgeAddition, 4> age_additions{}; // 100–111 年齢加算①–④
  Code predecessor = 0;                       // 112 異動関連
  std::string full_name;                      // 113 基本漢字名称
  char infection_control = '0';               // 124 外来感染対策向上加算等
  char nursing_pay_eval = '0';                // 128 看護職員処遇改善評価料等
  char baseup_eval_1 = '0';                   // 129 外来・在宅ベースアップ評価料（１）
  char baseup_eval_2 = '0';                   // 130 外来・在宅ベースアップ評価料（２）
  char price_response_kind = '0';             // 132 物価対応料区分 (R8: 1 物価対応料 itself, 2 an item that brings one)
  std::int32_t price_response_group = 0;      // 133 物価対応料グループ区分 (R8: links 1 and 2, 別紙7-14)
  char organ_transplant = '0';                // 134 臓器移植実施体制確保加算 (R8)
  char robotic_surgery = '0';                 // 135 内視鏡手術用支援機器加算 (R8)
  char remote_prescription = '0';             // 136 遠隔電子処方箋活用加算等 (R8)
  char surgical_care = '0';                   // 137 外科医療確保特別加算 (R8)

  // Derived when the rule graph is built, not a master column: bit w (w = ExclusionWindow) is set
  // when the 電子点数表 03-1…03-4 has 背反 rows for this code, bit 4 when 05 has 算定回数 rows, bit 5
  // when one of the 施設基準 columns (72–81) names a standard, bit 6 when any column that limits who
  // may bill the code is set (13, 14, 19, 41–42, 71, 72–81: pricing/eligibility.cpp), bit 7 when it
  // names a 年齢加算 (100–111).
  std::uint8_t rule_flags = 0;
  static constexpr std::uint8_t kHasCountLimits = 1u << 4;
  static constexpr std::uint8_t kNeedsFacilityStandard = 1u << 5;
  static constexpr std::uint8_t kLimitsEligibility = 1u << 6;
  static constexpr std::uint8_t kHasAgeAdditions = 1u << 7;
};

// 医薬品マスター (y), 35 / 40 / 42 columns.
struct DrugRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 3 医薬品コード
  std::string name;                           // 5 漢字名称
  std::int32_t unit = 0;                      // 8 単位コード
  std::string unit_name;                      // 10 単位漢字名称
  std::int32_t price_kind = 0;                // 11 金額種別 (1 yen, 3 dental omission, 7 減点)
  Decimal price;                              // 12 新又は現金額 (薬価 per unit)
  std::int32_t narcotic = 0;                  // 14 麻薬・毒薬・覚醒剤原料・向精神薬
  std::int32_t neurolytic = 0;                // 15 神経破壊剤
  std::int32_t biologic = 0;                  // 16 生物学的製剤
  std::int32_t generic = 0;                   // 17 後発品
  std::int32_t contrast = 0;                  // 20 造影（補助）剤
  std::int32_t injection_volume = 0;          // 21 注射容量
  std::int32_t listing_method = 0;            // 22 収載方式等識別
  Code brand_relation = 0;                    // 23 商品名等関連
  std::int32_t old_price_kind = 0;            // 24 旧金額 金額種別
  Decimal old_price;                          // 25 旧金額
  std::int32_t form = 0;                      // 28 剤形 (1 内用, 3 その他, 4 注射, 6 外用, 8 歯科)
  Date valid_from;                            // 30 変更年月日
  Date valid_to = Date::open_end();           // 31 廃止年月日
  std::string yj_code;                        // 32 薬価基準収載医薬品コード
  std::int64_t publication_order = 0;         // 33 公表順序番号
  Date transition_end;                        // 34 経過措置年月日 (zero date = none)
  std::string full_name;                      // 35 基本漢字名称
  Date listed_on;                             // 36 薬価基準収載年月日 (40/42-column layouts)
  std::string generic_name_code;              // 37 一般名コード
  std::string generic_prescription_text;      // 38 一般名処方の標準的な記載
  std::int32_t generic_prescription_addition = 0;  // 39 一般名処方加算対象区分
  std::int32_t anti_hiv = 0;                  // 40 抗ＨＩＶ薬区分
  Code long_listed_relation = 0;              // 41 長期収載品関連 (42-column layout)
  std::int32_t selective_care = 0;            // 42 選定療養区分 (42-column layout)
};

// 特定器材マスター (t), 37 / 38 columns.
struct MaterialRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 3 特定器材コード
  std::string name;                           // 5 漢字名称
  std::int32_t unit = 0;                      // 8 単位コード
  std::string unit_name;                      // 10 単位漢字名称
  std::int32_t price_kind = 0;                // 11 金額種別 (1 yen, 2 購入価格, 5 +%, 9 乗算割合)
  Decimal price;                              // 12 新又は現金額
  std::int32_t age_addition = 0;              // 14 年齢加算区分
  AgeCode min_age;                            // 15 下限年齢
  AgeCode max_age;                            // 16 上限年齢
  std::int32_t old_price_kind = 0;            // 17 旧金額 金額種別
  Decimal old_price;                          // 18 旧金額
  std::int32_t oxygen_kind = 0;               // 21 酸素等区分
  std::int32_t material_kind = 0;             // 22 特定器材種別 (0 ÷10, 2 oxygen, 3 ÷50, 4 ÷1000)
  std::int32_t price_cap = 0;                 // 23 上限価格
  std::int32_t point_cap = 0;                 // 24 上限点数
  std::int64_t publication_order = 0;         // 26 公表順序番号
  Code successor = 0;                         // 27 廃止・新設関連
  Date valid_from;                            // 28 変更年月日
  Date transition_end;                        // 29 経過措置年月日
  Date valid_to = Date::open_end();           // 30 廃止年月日
  std::int32_t table_number = 0;              // 31 告示番号 別表番号
  std::int32_t table_section = 0;             // 32 告示番号 区分番号
  std::int32_t dpc = 0;                       // 33 ＤＰＣ適用区分
  std::string full_name;                      // 37 基本漢字名称
  std::int32_t reprocessed = 0;               // 38 再製造単回使用医療機器 (38-column layout)
};

// コメントマスター (c), 30 columns.
struct CommentRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  std::int32_t pattern = 0;                   // 4 パターン
  std::int64_t serial = 0;                    // 5 一連番号
  std::string text;                           // 7 漢字名称
  std::array<std::int32_t, 8> edit_positions{};  // 10–17 レセプト編集情報 (column, digits) ×4
  std::int32_t selectable = 0;                // 20 選択式コメント識別
  Date valid_from;                            // 21 変更年月日
  Date valid_to = Date::open_end();           // 22 廃止年月日
  Code code = 0;                              // 23 コメントコード
  std::int64_t publication_order = 0;         // 24 公表順序番号
};

// 傷病名マスター (b), 46 columns. The code keeps its 7-digit zero-padded form.
struct DiseaseRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 3 傷病名コード
  Code successor = 0;                         // 4 移行先コード
  std::string name;                           // 6 傷病名基本名称
  std::int64_t management_number = 0;         // 11 病名管理番号
  std::int32_t adoption = 0;                  // 12 採択区分
  std::string exchange_code;                  // 13 病名交換用コード
  std::string icd10_1;                        // 16 ＩＣＤ－１０－１（２０１３）
  std::string icd10_2;                        // 17 ＩＣＤ－１０－２（２０１３）
  std::int32_t not_alone = 0;                 // 19 単独使用禁止区分
  std::int32_t not_billable = 0;              // 20 保険請求外区分
  std::int32_t specific_disease = 0;          // 21 特定疾患等対象区分
  Date listed_on;                             // 22 収載年月日
  Date valid_from;                            // 23 変更年月日
  Date valid_to = Date::open_end();           // 24 廃止年月日
  std::int32_t intractable_outpatient = 0;    // 43 難病外来対象区分
};

// 修飾語マスター (z), 19 columns.
struct ModifierRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 3 修飾語コード
  std::string name;                           // 7 修飾語名称
  Date listed_on;                             // 14 収載年月日
  Date valid_from;                            // 15 変更年月日
  Date valid_to = Date::open_end();           // 16 廃止年月日
  std::int64_t management_number = 0;         // 17 修飾語管理番号
  std::string exchange_code;                  // 18 修飾語交換用コード
  std::string modifier_class;                 // 19 修飾語区分
};

// 電子点数表 01 補助マスターテーブル, 27 columns: one row per 診療行為コード.
struct AuxiliaryRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 2 診療行為コード (3 省略名称: see the s master)
  std::array<std::int32_t, 3> bundle_units{}; // 4, 6, 8 包括単位①–③ (1 day, 2 month, 3 same time, 5 pre-op week, 6 per operation)
  std::array<std::string, 3> bundle_groups;   // 5, 7, 9 グループ番号①–③
  std::int32_t exclusive_day = 0;             // 10 背反関連識別（1日につき）
  std::int32_t exclusive_month = 0;           // 11 背反関連識別（同一月内）
  std::int32_t exclusive_same_time = 0;       // 12 背反関連識別（同時）
  std::int32_t exclusive_week = 0;            // 13 背反関連識別（1週間につき）
  std::int32_t inpatient_group = 0;           // 20 入院基本料識別
  std::int32_t has_count_limits = 0;          // 21 算定回数関連
  Date valid_from;                            // 26 新設年月日
  Date valid_to = Date::open_end();           // 27 廃止年月日
};

// 電子点数表 02 包括テーブル, 7 columns: `code` is bundled into `group`.
struct BundleMemberRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  std::string group;                          // 2 グループ番号
  Code code = 0;                              // 3 診療行為コード (4 省略名称: see the s master)
  std::int32_t special = 0;                   // 5 特例条件
  Date valid_from;                            // 6 新設年月日
  Date valid_to = Date::open_end();           // 7 廃止年月日
};

// 電子点数表 03-1…03-4 背反テーブル, 10 columns (the 省略名称 columns 3 and 5 are not kept:
// the s master has the names).
struct ExclusionRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code1 = 0;                             // 2 診療行為コード①
  Code code2 = 0;                             // 4 診療行為コード②
  std::int32_t keep = 0;                      // 6 背反区分 (1 keep ①, 2 keep ②, 3 either one)
  std::int32_t special = 0;                   // 7 特例条件
  Date valid_from;                            // 9 新設年月日
  Date valid_to = Date::open_end();           // 10 廃止年月日
};

// 電子点数表 04 入院基本料テーブル, 8 columns.
struct InpatientAdditionRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  std::int32_t group = 0;                     // 2 グループ番号
  Code code = 0;                              // 3 診療行為コード (an 入院基本料等加算)
  std::int32_t addition_class = 0;            // 5 加算識別
  Date valid_from;                            // 7 新設年月日
  Date valid_to = Date::open_end();           // 8 廃止年月日
};

// 電子点数表 05 算定回数テーブル, 14 columns.
struct CountLimitRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  Code code = 0;                              // 2 診療行為コード
  std::int32_t unit = 0;                      // 4 算定単位コード (121 日, 131 月, 138 週 …)
  std::string unit_name;                      // 5 算定単位名称
  std::int32_t limit = 0;                     // 6 算定回数
  std::int32_t special = 0;                   // 7 特例条件
  Date valid_from;                            // 13 新設年月日
  Date valid_to = Date::open_end();           // 14 廃止年月日
};

// コメント関連テーブル (ck), 30 columns.
struct CommentLinkRecord {
  ChangeKind change = ChangeKind::unchanged;  // 1 変更区分
  std::int32_t notice = 0;                    // 2 コメント記載通知等
  std::int32_t item_number = 0;               // 3 項番
  std::string section;                        // 4 区分
  std::string branch;                         // 5 枝番
  Code procedure = 0;                         // 6 診療（調剤）行為コード
  std::string procedure_name;                 // 8 省略漢字名称
  Code comment = 0;                           // 9 コメントコード
  std::string condition_text;                 // 11 コメント文
  Date valid_from;                            // 12 変更年月日
  Date valid_to = Date::open_end();           // 13 廃止年月日
  std::int32_t condition = 0;                 // 14 条件区分
  std::int32_t non_billing_reason = 0;        // 15 非算定理由コメント
  std::int32_t setting = 0;                   // 16 入外区分
  std::int32_t count = 0;                     // 17 算定回数
  std::int64_t publication_order = 0;         // 18 公表順序番号
};

}  // namespace santei
