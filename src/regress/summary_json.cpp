// santei.regress/1: the summary of a regression run as JSON (the Dask entry point merges these).
#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "santei/regress.hpp"

namespace santei {
namespace {

void side(output::JsonWriter& w, const RegressSide& s) {
  w.begin_object().field("priced", s.priced).field("points", s.points.value);
  if (s.patient_yen) w.field("patient_yen", s.patient_yen->value);
  w.field("errors", s.errors).field("diagnostics", s.diagnostics);
  if (!s.error.empty()) w.field("error", s.error);
  w.end_object();
}

}  // namespace

std::string regress_summary_json(const RegressSummary& s, const Regression& regression) {
  output::JsonWriter w;
  w.begin_object().field("format", "santei.regress/1");
  w.field("old_revision", s.old_revision).field("new_revision", s.new_revision);
  w.field("lines", s.lines).field("receipts", s.receipts).field("priced_both", s.priced_both);
  w.field("failed_old", s.failed_old).field("failed_new", s.failed_new).field("newly_failing", s.newly_failing);
  w.field("old_points", s.old_points.value).field("new_points", s.new_points.value).field("delta", s.delta().value);
  w.field("old_patient_yen", s.old_patient_yen.value).field("new_patient_yen", s.new_patient_yen.value);
  w.field("up", s.up).field("down", s.down).field("unchanged", s.unchanged);
  w.key("histogram").begin_array();
  for (std::size_t i = 0; i < s.histogram.size(); ++i) {
    w.begin_object().field("bucket", histogram_label(i)).field("receipts", s.histogram[i]).end_object();
  }
  w.end_array();
  w.key("codes").begin_array();
  for (const auto& [code, c] : s.codes) {
    w.begin_object().field("code", fmt::format("{:09}", code)).field("name", regression.code_name(code));
    w.field("old_count", c.old_count).field("new_count", c.new_count);
    w.field("old_points", c.old_points.value).field("new_points", c.new_points.value).field("delta", c.delta().value);
    w.end_object();
  }
  w.end_array();
  w.key("failing").begin_array();
  for (const RegressReceipt& r : s.failing) {
    w.begin_object().field("id", r.id).field("line", r.line);
    w.key("old");
    side(w, r.old_side);
    w.key("new");
    side(w, r.new_side);
    w.key("failures").begin_array();
    for (const std::string& f : r.new_failures) w.value(f);
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.take();
}

}  // namespace santei
