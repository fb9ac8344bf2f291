// santei/rules.hpp — the rule graph: the relations between codes that the masters state.
//
// Edges come from the 医科診療行為マスター columns (注加算コード/通番, 年齢加算①–④,
// 時間加算区分, 包括対象検査, 物価対応料区分/グループ区分) and from the 医科電子点数表 tables (01 補助, 02 包括,
// 03-1…03-4 背反, 04 入院基本料, 05 算定回数) and the コメント関連テーブル. Every edge keeps the
// validity dates of the row that states it; callers filter by the service date.
//
// Thread-safety: immutable, owned by its MasterSet; share it freely between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "santei/records.hpp"

namespace santei {

// The window of a 背反 table (電子点数表 03-1 … 03-4).
enum class ExclusionWindow : std::uint8_t {
  same_day = 0,    // 03-1 1日につき
  same_month = 1,  // 03-2 同一月内
  same_time = 2,   // 03-3 同時
  same_week = 3,   // 03-4 1週間につき
};
SANTEI_API const char* to_string(ExclusionWindow window);  // "same_day" …
SANTEI_API const char* japanese_name(ExclusionWindow window);  // "1日につき" …

// A 電子点数表 table that may be absent from a master directory.
enum class ElectronicTable : std::uint8_t {
  auxiliary,          // 01 補助マスターテーブル
  bundle,             // 02 包括テーブル
  exclusion_day,      // 03-1
  exclusion_month,    // 03-2
  exclusion_same_time,// 03-3
  exclusion_week,     // 03-4
  inpatient,          // 04 入院基本料テーブル
  count_limit,        // 05 算定回数テーブル
  comment_link,       // コメント関連テーブル
};

class SANTEI_API RuleGraph {
 public:
  virtual ~RuleGraph() = default;

  // 注加算: every code that ever had 注加算コード `group`, base items (通番 0) first.
  virtual std::span<const Code> addition_group(std::int32_t group) const = 0;
  // Codes whose 年齢加算①–④ name `addition` (the reverse of ProcedureRecord::age_additions).
  virtual std::span<const Code> age_addition_bases(Code addition) const = 0;
  // 包括対象検査: every code of a lab bundle group (col 16).
  virtual std::span<const Code> lab_bundle(std::int32_t group) const = 0;
  // Every code of one 区分番号 (cols 85, 92, 93: e.g. 'A', 1, 0 for A001), base items first.
  // Additions without a 注加算コード (the 再診料 time additions) are found here.
  virtual std::span<const Code> section_codes(char letter, std::int32_t section, std::int32_t branch) const = 0;
  // The codes of addition_group(group), and of section_codes(letter, section, branch), that are a
  // 時間加算 (時間加算区分, s col 43, not 0) in some version, in the same order.
  virtual std::span<const Code> group_time_additions(std::int32_t group) const = 0;
  virtual std::span<const Code> section_time_additions(char letter, std::int32_t section, std::int32_t branch) const = 0;
  // 物価対応料 (R8, s cols 132–133): every code that is a 物価対応料 itself (物価対応料区分 1) of
  // 物価対応料グループ区分 `group`, in code order. An item of 区分 2 and the same group brings one.
  virtual std::span<const Code> price_response_items(std::int32_t group) const = 0;

  // 01 補助: the row of `code` in force on `on`, or nullptr.
  virtual const AuxiliaryRecord* auxiliary(Code code, Date on) const = 0;
  // 02 包括: the codes bundled into `group` (empty when the table is absent).
  virtual std::span<const BundleMemberRecord> bundle_group(std::string_view group) const = 0;
  // 03-x 背反: rows whose 診療行為コード① is `code`, ordered by 診療行為コード②.
  virtual std::span<const ExclusionRecord> exclusions(Code code, ExclusionWindow window) const = 0;
  // 04 入院基本料: the 加算 rows of 入院基本料識別 `group`.
  virtual std::span<const InpatientAdditionRecord> inpatient_group(std::int32_t group) const = 0;
  // 05 算定回数: the limits of `code`.
  virtual std::span<const CountLimitRecord> count_limits(Code code) const = 0;
  // コメント関連テーブル: the rows of procedure `code`.
  virtual std::span<const CommentLinkRecord> comment_links(Code code) const = 0;

  // Whether the directory held that table (02 and 03-1 are missing from ../shared/masters).
  virtual bool has_table(ElectronicTable table) const = 0;
};

// The name of a 算定単位コード of the 05 table and of データ規格 (付表1 of the 電子点数表
// 活用手引き), e.g. 121 → "日", 131 → "月"; nullptr for a code not in the list.
SANTEI_API const char* unit_name(std::int32_t unit_code);

}  // namespace santei
