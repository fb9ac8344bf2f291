// santei.kougaku-result/1 (docs/kougaku.md).
#include "output/json_writer.hpp"
#include "santei/kougaku.hpp"

namespace santei {

std::string kougaku_json(const KougakuResult& result) {
  output::JsonWriter json;
  json.begin_object().field("format", "santei.kougaku-result/1").field("month", result.month.iso());
  json.field("many_times", result.many_times);
  json.field("patient_total_yen", result.patient_total.value);
  json.field("benefit_yen", result.benefit.value);
  json.field("counts_for_many_times", result.counts_for_many_times);
  json.key("steps").begin_array();
  for (const KougakuStep& step : result.steps) {
    json.begin_object().field("step", step.name);
    if (!step.member.empty()) json.field("member", step.member);
    json.field("counted_yen", step.counted.value).field("cost_yen", step.cost.value).field("limit_yen", step.limit.value);
    json.field("benefit_yen", step.benefit.value).field("explain", step.explain).end_object();
  }
  json.end_array();
  json.key("explain").begin_array();
  for (const std::string& line : result.explain) json.value(line);
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace santei
