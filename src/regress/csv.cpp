// The regression CSV: one table, a `record` column telling receipt rows from code rows.
#include <fmt/format.h>

#include "santei/regress.hpp"

namespace santei {
namespace {

// RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes.
void field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out.push_back('"');
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string yen(const std::optional<Yen>& y) { return y ? std::to_string(y->value) : std::string(); }

const char* status(const RegressReceipt& r) {
  if (r.old_side.priced && r.new_side.priced) return "ok";
  if (r.new_side.priced) return "old_failed";
  if (r.old_side.priced) return "new_failed";
  return "both_failed";
}

}  // namespace

std::string regress_csv_header() {
  return "record,id,line,code,name,old_points,new_points,delta,old_count,new_count,old_patient_yen,new_patient_yen,"
         "old_errors,new_errors,old_diagnostics,new_diagnostics,status,notes\r\n";
}

std::string regress_csv_receipt(const RegressReceipt& r) {
  std::string out = "receipt,";
  field(out, r.id);
  fmt::format_to(std::back_inserter(out), ",{},,,{},{},{},,,{},{},{},{},{},{},{},", r.line, r.old_side.points.value,
                 r.new_side.points.value, r.delta().value, yen(r.old_side.patient_yen), yen(r.new_side.patient_yen),
                 r.old_side.errors, r.new_side.errors, r.old_side.diagnostics, r.new_side.diagnostics, status(r));
  // notes: what fails under the new revision, or why the old one could not price the receipt.
  std::string notes;
  for (const std::string& f : r.new_failures) notes += (notes.empty() ? "" : " | ") + f;
  if (!r.old_side.priced) notes = "not priced: " + r.old_side.error;
  field(out, notes);
  out += "\r\n";
  return out;
}

std::string regress_csv_codes(const RegressSummary& summary, const Regression& regression) {
  std::string out;
  for (const auto& [code, c] : summary.codes) {
    fmt::format_to(std::back_inserter(out), "code,,,{:09},", code);
    field(out, regression.code_name(code));
    fmt::format_to(std::back_inserter(out), ",{},{},{},{},{},,,,,,,,\r\n", c.old_points.value, c.new_points.value,
                   c.delta().value, c.old_count, c.new_count);
  }
  return out;
}

}  // namespace santei
