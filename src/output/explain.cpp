// The wording of each explanation step (santei.result/1 lines[].explain).
#include "output/explain.hpp"

#include <string_view>
#include <type_traits>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "output/names.hpp"
#include "pricing/inpatient_rules.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/pricing.hpp"

namespace santei {
namespace {

// The most characters an argument of a step's wording can write: a text its size; a number, as
// the formats write them ({}, {:03}), at most 20 ("-9223372036854775808").
template <class Arg>
std::size_t most_chars(const Arg& arg) {
  if constexpr (std::is_integral_v<Arg>) {  // (no step shows a floating-point number)
    return 20;
  } else {
    return std::string_view(arg).size();
  }
}

// The formats are compiled (FMT_COMPILE): a result writes a dozen steps a line, and parsing each
// format at run time was most of their cost. They write straight into room made for the most
// the wording can take (its format's text and each argument's most): through fmt's
// back_insert_iterator each piece was a check of the buffer's room and a call (callgrind).
template <class Buffer, class Format, class... Args>
void put(Buffer& out, const Format& format, const Args&... args) {
  const std::size_t size = out.size();
  out.resize(size + fmt::string_view(format).size() + (most_chars(args) + ... + 0));
  char* const end = fmt::format_to(out.data() + size, format, args...);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace

using output::item_name;
using output::item_unit;

void output::append_explain_text(fmt::memory_buffer& out, const ExplainStep& s, const MasterSet& set, Date on) {
  // The code and its name, in an inline buffer: a result's explanation allocates no text of its own.
  fmt::basic_memory_buffer<char, 256> code_and_name;
  if (s.code) put(code_and_name, FMT_COMPILE("{} {}"), s.code, item_name(s.code, set, on));
  const std::string_view who(code_and_name.data(), code_and_name.size());
  // The step's figures as text, made only where its wording shows them (most show one), in
  // buffers on the stack: as std::string they were a fifth of writing a step (callgrind).
  char value_text[Decimal::max_chars];
  char base_text[Decimal::max_chars];
  char result_text[Decimal::max_chars];
  const auto text_of = [](Decimal d, char* buffer) { return std::string_view(buffer, d.to_chars(buffer)); };
  const auto v = [&] { return text_of(s.value, value_text); };
  const auto b = [&] { return text_of(s.base, base_text); };
  const auto r = [&] { return text_of(s.result, result_text); };
  switch (s.kind) {
    case ExplainKind::points:
      return put(out, FMT_COMPILE("{} {}点 (s col 12, {})"), who, v(), set.revision());
    case ExplainKind::addition: {
      const ProcedureRecord* p = set.procedure(s.code, on);
      return put(out, FMT_COMPILE("+ {} {}点 (注加算 {}-{})"), who, v(), p ? p->addition_group : 0, p ? p->addition_serial : '0');
    }
    case ExplainKind::age_addition:
      return put(out, FMT_COMPILE("+ {} {}点, added for age {} (年齢加算, s cols 100–111)"), who, v(), s.number);
    case ExplainKind::time_addition:
      return put(out, FMT_COMPILE("+ {} {}点, added for the visit time (時間加算区分, s col 43)"), who, v());
    case ExplainKind::percent_addition:
      if (s.base.is_zero() && s.result.is_zero()) return put(out, FMT_COMPILE("{} +{}%"), who, v());
      return put(out, FMT_COMPILE("+ {} {}% of 所定点数 {} = {}点{}"), who, v(), b(), r(), s.number == 1 ? ", added automatically" : "");
    case ExplainKind::percent_reduction:
      return put(out, FMT_COMPILE("− {} {}% of 所定点数 {} = {}点"), who, v(), b(), r());
    case ExplainKind::negative_points:
      return put(out, FMT_COMPILE("− {} {}点 (点数識別 8)"), who, v());
    case ExplainKind::stepped: {
      const ProcedureRecord* p = set.procedure(s.code, on);
      if (!p) return put(out, FMT_COMPILE("{} きざみ at {}: {}点"), who, b(), r());
      return put(out, FMT_COMPILE("{} きざみ at {}{}: {}点 (base {} + ⌈(quantity − 下限 {}) / きざみ {}⌉ × {}点, 上限 {}; s cols 30–35)"),
                         who, b(), p->data_unit_name, r(), v(), p->step_lower, p->step_width, p->step_points.to_string(),
                         p->step_upper == 99999999 ? std::string("none") : std::to_string(p->step_upper));
    }
    case ExplainKind::yen_amount:
      return put(out, FMT_COMPILE("{} {}円 (点数識別 1: yen, not points)"), who, v());
    case ExplainKind::drug_price:
      return put(out, FMT_COMPILE("{} {}円/{} × {} = {}円 (y col 12)"), who, v(), item_unit(s.code, set, on), b(), r());
    case ExplainKind::drug_points:
      if (s.number == 1) return put(out, FMT_COMPILE("薬剤料 {}円 → {}点 (F200/G100: 15円以下 1点; 15円を超える分は10円又はその端数ごとに1点)"), v(), r());
      return put(out, FMT_COMPILE("薬剤料 {}円 → {}点 (薬価15円以下は算定しない; 超える分は10円又はその端数ごとに1点)"), v(), r());
    case ExplainKind::material_price:
      return put(out, FMT_COMPILE("{} {}円 × {} = {}円 (t col 12)"), who, v(), b(), r());
    case ExplainKind::oxygen:
      if (s.code) return put(out, FMT_COMPILE("{} {}円/L × {}L = {}円"), who, v(), b(), r());
      return put(out, FMT_COMPILE("酸素 {}円 → {}円 (1円未満四捨五入, 通知 J201)"), v(), r());
    case ExplainKind::material_points:
      return put(out, FMT_COMPILE("材料 {}円 ÷ {} → {}点 (四捨五入, 告示 C300/J400/K950)"), v(), b(), r());
    case ExplainKind::lab_bundle: {
      const pricing::LabBundleRule* rule = pricing::lab_bundle_rule(s.number, on);
      return put(out, FMT_COMPILE("包括対象検査 group {} ({}): {} items → {}点 ({})"), s.number, rule ? rule->name : "",
                         v(), r(), rule ? rule->source : "masters/rules/lab_bundles.xml");
    }
    case ExplainKind::rounding:
      return put(out, FMT_COMPILE("unit total {} → {}点 (四捨五入)"), v(), r());
    case ExplainKind::count:
      return put(out, FMT_COMPILE("× {}回"), s.number);
    case ExplainKind::days:
      return put(out, FMT_COMPILE("× {}日分"), s.number);
    case ExplainKind::multi_drug:
      return put(out, FMT_COMPILE("多剤投与 ({} kinds): 内服薬剤料 {}点 × 90/100 = {}点 → {}点 (告示 F200 注3)"), s.number, v(), r(),
                         (s.result - s.value).to_string());
    case ExplainKind::note:
      out.append(who);
      return;
    case ExplainKind::inpatient_days:
      return put(out, FMT_COMPILE("{}: {} day{}, 入院期間 day {}–{} (day 1 = 入院年月日)"), who, s.number, s.number == 1 ? "" : "s", b(), r());
    case ExplainKind::period_addition: {
      const pricing::FeeSchedule* schedule = pricing::schedule_of_band_code(s.code, on);
      const pricing::PeriodBand* band = nullptr;
      if (schedule) {
        for (const pricing::PeriodBand& candidate : schedule->bands) {
          if (candidate.code == s.code) band = &candidate;
        }
      }
      if (!band) return put(out, FMT_COMPILE("+ {} {}点 (入院期間加算)"), who, v());
      return put(out, FMT_COMPILE("+ {} {}点 for 入院期間 day {}–{} ({})"), who, v(), band->from_day,
                         band->to_day == 0 ? std::string("") : std::to_string(band->to_day), schedule->source);
    }
    case ExplainKind::price_response:
      return put(out, FMT_COMPILE("{} {}点, added for an item of 物価対応料グループ区分 {:03} (s cols 132–133, 告示 O100)"), who, v(),
                         s.number);
  }
  out.append(who);
}

std::string explain_text(const ExplainStep& step, const MasterSet& masters, Date on) {
  fmt::memory_buffer text;
  output::append_explain_text(text, step, masters, on);
  return fmt::to_string(text);
}

}  // namespace santei
