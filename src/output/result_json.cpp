// santei.result/1 (../shared/docs/claim-format.md §2).
#include "output/copay_json.hpp"
#include "output/dpc.hpp"
#include "output/explain.hpp"
#include "output/json_writer.hpp"
#include "output/put_at.hpp"
#include "santei/pricing.hpp"

namespace santei {
namespace {

using output::JsonWriter;

using output::Literal;

// Each kind's text is named where it is written, so that its size is known when santei is compiled.
void write_kind(JsonWriter& json, ItemKind kind) {
  switch (kind) {
    case ItemKind::procedure: json.field("kind", Literal("procedure")); return;
    case ItemKind::drug: json.field("kind", Literal("drug")); return;
    case ItemKind::material: json.field("kind", Literal("material")); return;
    case ItemKind::comment: json.field("kind", Literal("comment")); return;
  }
  json.field("kind", Literal("procedure"));
}

}  // namespace

std::string result_json(const PricedClaim& priced, const MasterLibrary& masters) {
  std::string out;
  result_json(priced, masters, out);
  return out;
}

void result_json(const PricedClaim& priced, const MasterLibrary& masters, std::string& out) {
  const MasterSet* set = masters.revision(priced.revision);
  out.clear();
  JsonWriter json(out);
  json.begin_object().field("format", Literal("santei.result/1"));
  if (!priced.id.empty()) json.field("id", priced.id);
  if (!priced.extensions.empty()) json.key("extensions").raw(priced.extensions);
  json.field("revision", priced.revision).field("total_points", priced.total.value);
  json.key("categories").begin_object();
  using output::CategoryDigits;  // a 診療識別's digits, no string made a line
  for (std::size_t c = 0; c < priced.categories.size(); ++c) {
    if (priced.categories[c].value != 0) json.field(CategoryDigits(static_cast<std::uint8_t>(c)).view(), priced.categories[c].value);
  }
  json.end_object();
  json.field("visit_days", priced.visit_days);
  if (priced.dpc) {
    json.key("dpc");
    output::write_dpc_json(json, *priced.dpc);
  }
  json.key("lines").begin_array();
  for (const PricedLine& line : priced.lines) {
    json.begin_object().field("date", line.date).field("category", CategoryDigits(line.category));
    if (line.burden) json.field("burden", std::string_view(&line.burden, 1));
    json.key("codes").begin_array();
    for (const LineItem& item : line.items) json.quoted(item.code);
    json.end_array();
    json.key("items").begin_array();
    for (const LineItem& item : line.items) {
      json.begin_object().key("code").quoted(item.code);
      write_kind(json, item.kind);
      if (item.quantity) json.field("quantity", *item.quantity);
      if (item.unit_price) json.field("unit_price", *item.unit_price);
      if (!item.text.empty()) json.field("text", item.text);
      if (item.automatic) json.field("automatic", true);
      json.end_object();
    }
    json.end_array();
    json.field("points", line.points.value).field("count", line.count);
    if (line.day_mask != 0) {  // inpatient daily lines: the days of the month they cover
      json.key("days").begin_array();
      for (unsigned d = 0; d < 31; ++d) {
        if (line.day_mask & (1u << d)) json.value(static_cast<std::int64_t>(d + 1));
      }
      json.end_array();
    }
    if (line.yen.value != 0) json.field("yen", line.yen.value);
    json.key("explain").begin_array();
    if (set) {
      for (const ExplainStep& step : line.explain) output::write_explain_json(json, step, *set, line.date);
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("diagnostics").begin_array();
  for (const Diagnostic& d : priced.diagnostics) {
    json.begin_object().field("severity", to_string(d.severity)).field("rule", d.rule);
    json.key("codes").begin_array();
    for (Code code : d.codes) json.quoted(code);
    json.end_array();
    json.field("message", d.message);
    if (d.date) json.field("date", *d.date);
    if (!d.field.empty()) json.field("field", d.field);
    json.end_object();
  }
  json.end_array();
  if (priced.copay) {
    json.key("copay");
    output::write_copay_json(json, *priced.copay);
  }
  json.end_object();
}

std::string error_json(const ErrorInfo& error, std::string_view id) {
  JsonWriter json;
  json.begin_object().field("format", "santei.result/1");
  if (!id.empty()) json.field("id", std::string(id));
  json.key("error").begin_object().field("status", status_name(error.status));
  if (!error.file.empty()) json.field("file", error.file);
  if (error.line > 0) json.field("line", error.line);
  if (error.column > 0) json.field("column", error.column);
  if (!error.field.empty()) json.field("field", error.field);
  json.field("message", error.message).end_object();
  json.end_object();
  return json.take();
}

}  // namespace santei
