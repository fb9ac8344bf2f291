#include "dpc/outside.hpp"

#include <string>

#include <fmt/format.h>

#include "santei/result.hpp"

namespace santei::dpc {
namespace {

// The code without a trailing half-width katakana (U+FF61–U+FF9F: EF BD A1–EF BE 9F in UTF-8).
std::string_view without_kana(std::string_view code) {
  while (code.size() >= 3) {
    const auto lead = static_cast<unsigned char>(code[code.size() - 3]);
    const auto second = static_cast<unsigned char>(code[code.size() - 2]);
    if (lead != 0xEF || (second != 0xBD && second != 0xBE)) break;
    code.remove_suffix(3);
  }
  return code;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const DpcOutsideProcedure* outside_procedure(const DpcTables& tables, const ProcedureRecord& procedure, Date on) {
  const DpcWorkbook* workbook = tables.in_force_on(on);
  if (workbook == nullptr || procedure.section_letter == ' ') return nullptr;
  // "K014-2" (区分番号) and "K014-21" (with its 項番), as sheet 13 writes them.
  std::string section = fmt::format("{}{:03}", procedure.section_letter, procedure.section_number);
  if (procedure.branch > 0) section += fmt::format("-{}", procedure.branch);
  const std::string item = procedure.item > 0 ? section + std::to_string(procedure.item) : section;
  for (const DpcOutsideProcedure& row : tables.outside(static_cast<std::size_t>(workbook - tables.workbooks().data()))) {
    // Most rows are of another 部 (K, D): the first letter rules them out before any string work.
    if (row.code.empty() || row.code.front() != procedure.section_letter || !row.valid.contains(on)) continue;
    const std::string_view code = without_kana(row.code);
    const bool of_section = code == section || (code.starts_with(section) && is_digit(code[section.size()]));
    if (row.kind == DpcOutsideKind::transplant ? of_section : code == item) return &row;
  }
  return nullptr;
}

void refuse_outside_procedures(const Claim& claim, const MasterSet& set, const DpcTables& tables,
                               std::optional<DateRange> revision_period) {
  for (std::size_t v = 0; v < claim.visits.size(); ++v) {
    const Visit& visit = claim.visits[v];
    const Date on = revision_period ? revision_period->nearest(visit.date) : visit.date;
    for (std::size_t o = 0; o < visit.orders.size(); ++o) {
      for (std::size_t i = 0; i < visit.orders[o].items.size(); ++i) {
        const ProcedureRecord* record = set.procedure(visit.orders[o].items[i].code, on);
        const DpcOutsideProcedure* row = record ? outside_procedure(tables, *record, on) : nullptr;
        if (row == nullptr) continue;
        throw Exception(ErrorInfo{
            Status::claim_error, "<claim>", 0, 0, fmt::format("visits[{}].orders[{}].items[{}].code", v, o, i),
            fmt::format("{} {} on {} is {} {} in 13)出来高算定手術等コード (row {} of {}): the patient is not a DPC patient "
                        "(留意事項 第１ ２{}); price the stay 出来高, without admission.dpc",
                        record->code, record->name, visit.date.iso(), row->code, row->name, row->line, row->file,
                        row->kind == DpcOutsideKind::transplant ? "(３) 臓器の移植術" : "(５) 五号告示")});
      }
    }
  }
}

}  // namespace santei::dpc
