// santei price --format text: a claim as a clinic reads a 診療報酬明細書 — per day and 診療識別
// the codes, names, points × count, then the totals by 診療識別, 合計点数 and the window charge
// with every payer's share. Columns are aligned by display width (output/text.hpp).
#include <fmt/format.h>

#include "output/categories.hpp"
#include "output/dpc.hpp"
#include "output/names.hpp"
#include "output/text.hpp"
#include "santei/pricing.hpp"

namespace santei {
namespace {

using output::Align;
using output::grouped;
using output::TextTable;

std::string points(std::int64_t n) { return grouped(n) + "点"; }
std::string yen(std::int64_t n) { return grouped(n) + "円"; }

// The days of an inpatient line, e.g. "1–5,8日".
std::string days_text(std::uint32_t mask) {
  std::string out;
  for (unsigned d = 0; d < 31; ++d) {
    if (!(mask & (1u << d))) continue;
    unsigned last = d;
    while (last + 1 < 31 && (mask & (1u << (last + 1)))) ++last;
    out += fmt::format("{}{}", out.empty() ? "" : ",", d + 1);
    if (last > d) out += fmt::format("–{}", last + 1);
    d = last;
  }
  return out + "日";
}

std::string item_text(const LineItem& item, const MasterSet* set, Date on) {
  std::string name(set ? output::item_name(item.code, *set, on) : std::string_view());
  if (item.kind == ItemKind::comment && !item.text.empty()) name += (name.empty() ? "" : " ") + item.text;
  if (item.quantity && item.kind != ItemKind::comment) {
    name += " " + item.quantity->to_string() + std::string(set ? output::item_unit(item.code, *set, on) : std::string_view());
  }
  if (item.automatic) name += "（自動算定）";
  return name;
}

void write_lines(std::string& out, const PricedClaim& priced, const MasterSet* set) {
  TextTable table({Align::left, Align::left, Align::right, Align::left, Align::right, Align::right}, "    ");
  Date date;
  std::uint8_t category = 0;
  for (const PricedLine& line : priced.lines) {
    if (line.date != date) {
      if (date != Date{}) table.blank();
      table.heading(line.date.iso());
      date = line.date;
      category = 0;
    }
    if (line.category != category) {
      table.heading(fmt::format("  {:02} {}", line.category, output::category_name(line.category)));
      category = line.category;
    }
    // Points × count (or yen × count for meals) on the last item that is not a comment, as on a receipt.
    const bool yen_line = line.points.value == 0 && line.yen.value != 0;
    const std::vector<std::string> figures{
        yen_line ? yen(line.yen.value) : points(line.points.value), "×", std::to_string(line.count),
        yen_line ? yen(line.yen.value * line.count) : points(line.total().value)};
    std::size_t priced_item = line.items.size();
    for (std::size_t i = line.items.size(); i-- > 0;) {
      if (line.items[i].kind != ItemKind::comment) {
        priced_item = i;
        break;
      }
    }
    if (priced_item == line.items.size()) {  // no code to carry them (a line made by a caller)
      std::vector<std::string> row{"", line.day_mask ? "[" + days_text(line.day_mask) + "]" : ""};
      row.insert(row.end(), figures.begin(), figures.end());
      table.row(row);
    }
    for (std::size_t i = 0; i < line.items.size(); ++i) {
      std::vector<std::string> row{fmt::format("{}", line.items[i].code), item_text(line.items[i], set, line.date)};
      if (i == priced_item) {
        if (line.day_mask != 0) row[1] += " [" + days_text(line.day_mask) + "]";
        row.insert(row.end(), figures.begin(), figures.end());
      }
      table.row(row);
    }
  }
  table.render(out);
}

void write_totals(std::string& out, const PricedClaim& priced) {
  TextTable table({Align::left, Align::right});
  table.heading("診療識別別の点数");
  for (std::size_t c = 0; c < priced.categories.size(); ++c) {
    if (priced.categories[c].value == 0) continue;
    table.row({fmt::format("{:02} {}", c, output::category_name(static_cast<std::uint8_t>(c))),
               points(priced.categories[c].value)});
  }
  if (priced.dpc) table.row({fmt::format("DPC {} 包括", priced.dpc->code), points(priced.dpc->points.value)});
  table.row({"合計点数", points(priced.total.value)});
  table.render(out);
}

// The DPC month, step by step (output/dpc.hpp).
void write_dpc(std::string& out, const PricedDpc& dpc) {
  out += "DPC 包括評価部分\n";
  for (const std::string& line : output::dpc_explain(dpc)) out += fmt::format("  {}\n", line);
}

std::string rate_text(const Decimal& rate) {
  const Decimal tenths = rate * Decimal(10);
  if (const auto whole = tenths.to_string(); whole.find('.') == std::string::npos) return whole + "割";
  return rate.to_string();
}

void write_copay(std::string& out, const PricedClaim& priced) {
  const CopayResult& copay = *priced.copay;
  const bool inpatient = priced.setting == Setting::inpatient;
  out += fmt::format("窓口負担  負担割合 {}\n", rate_text(copay.rate));
  std::vector<Align> columns{Align::left, Align::right, Align::right, Align::right};
  std::vector<std::string> header{inpatient ? "請求(〜日付)" : "日付", "点数", "患者負担", "保険者"};
  for (const PublicExpenseShare& share : copay.public_expenses) {
    columns.push_back(Align::right);
    header.push_back("公費" + share.law);
  }
  columns.push_back(Align::left);
  header.push_back("");
  TextTable table(columns);
  table.row(header);
  for (const DailyCopay& day : copay.daily) {
    std::vector<std::string> row{day.date.iso(), points(day.points), yen(day.patient_yen.value),
                                 yen(day.insurer_yen.value)};
    for (std::size_t i = 0; i < copay.public_expenses.size(); ++i) {
      row.push_back(i < day.public_expenses.size() ? yen(day.public_expenses[i].value) : "");
    }
    row.push_back(day.limit.empty() ? "" : "上限: " + day.limit);
    table.row(row);
  }
  std::vector<std::string> total{"計", points(priced.total.value), yen(copay.patient_yen.value), yen(copay.insurer_yen.value)};
  for (const PublicExpenseShare& share : copay.public_expenses) total.push_back(yen(share.yen.value));
  table.row(total);
  table.render(out);

  std::string shares = fmt::format("  医療費 {} = 患者 {} + 保険者 {}", yen(copay.medical_cost.value),
                                   yen(copay.patient_yen.value), yen(copay.insurer_yen.value));
  for (const PublicExpenseShare& share : copay.public_expenses) shares += fmt::format(" + 公費{} {}", share.law, yen(share.yen.value));
  out += shares + "\n";
  if (copay.meals_yen.value != 0) {
    out += fmt::format("  うち食事療養 {} (標準負担額 {}, 保険者 {})\n", yen(copay.meals_yen.value),
                       yen(copay.meals_patient_yen.value), yen(copay.meals_insurer_yen.value));
  }
  out += fmt::format("  レセプト記載 (1円単位): 保険者 {}, 患者負担 {}", yen(copay.insurer_claim_yen.value),
                     yen(copay.patient_exact_yen.value));
  for (const PublicExpenseShare& share : copay.public_expenses) {
    out += fmt::format(", 公費{} {} (うち患者負担 {})", share.law, yen(share.yen.value), yen(share.patient_yen.value));
  }
  out += "\n";
}

void write_diagnostics(std::string& out, const PricedClaim& priced) {
  if (priced.diagnostics.empty()) return;
  out += "\n注意\n";
  for (const Diagnostic& d : priced.diagnostics) {
    std::string codes;
    for (Code c : d.codes) codes += fmt::format("{}{}", codes.empty() ? "" : " ", c);
    out += fmt::format("  [{}] {}{}: {}{}\n", to_string(d.severity), d.rule, d.date ? " " + d.date->iso() : "",
                       d.message, codes.empty() ? "" : " (" + codes + ")");
  }
}

}  // namespace

std::string result_text(const PricedClaim& priced, const MasterLibrary& masters) {
  const MasterSet* set = masters.revision(priced.revision);
  std::string out = fmt::format("{}{} · {} · 診療実日数 {}日\n\n", priced.id.empty() ? "" : priced.id + " · ",
                                priced.revision, priced.setting == Setting::inpatient ? "入院" : "入院外",
                                priced.visit_days);
  write_lines(out, priced, set);
  out += "\n";
  if (priced.dpc) {
    write_dpc(out, *priced.dpc);
    out += "\n";
  }
  write_totals(out, priced);
  if (priced.copay) {
    out += "\n";
    write_copay(out, priced);
  }
  write_diagnostics(out, priced);
  return out;
}

}  // namespace santei
