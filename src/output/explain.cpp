// The wording of each explanation step (santei.result/1 lines[].explain).
#include "output/explain.hpp"

#include <charconv>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "output/put_at.hpp"
#include "output/json_writer.hpp"
#include "output/names.hpp"
#include "pricing/inpatient_rules.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/pricing.hpp"

namespace santei {
namespace {

// A step's wording is its pieces one after another: literal texts, texts, whole numbers, and a
// number zero-padded to a width ({:03}). Written straight into room made for the most they can
// take: a literal its size, known when santei is compiled, so that it is copied in line. Through
// fmt's compiled formats each literal piece was a call to copy and one to memcpy: a third of a
// step's instructions (callgrind).
struct ZeroPadded {
  std::int64_t number;
  int width;  // at most 20
};
// A step's figure, a Decimal's canonical text: digits, a '-' and a '.', none escaped in JSON.
struct Figure {
  std::string_view text;
};
// The item a step is about: its code and master name ("111000110 初診料"), nothing for code 0.
struct Who {
  Code code;
  std::string_view name;
};

template <std::size_t N>
constexpr std::size_t most_chars(const char (&)[N]) {
  return N - 1;
}
std::size_t most_chars(std::string_view text) { return text.size(); }
constexpr std::size_t most_chars(char) { return 1; }
template <class Int>
  requires std::is_integral_v<Int>
constexpr std::size_t most_chars(Int) {
  return 20;  // "-9223372036854775808"
}
constexpr std::size_t most_chars(ZeroPadded) { return 20; }
std::size_t most_chars(Figure figure) { return figure.text.size(); }
std::size_t most_chars(Who who) { return 20 + 1 + who.name.size(); }

template <std::size_t N>
char* put_piece(char* at, const char (&literal)[N]) {
  std::memcpy(at, literal, N - 1);
  return at + N - 1;
}
char* put_piece(char* at, std::string_view text) { return output::put_text(at, text); }
char* put_piece(char* at, char c) {
  *at = c;
  return at + 1;
}
template <class Int>
  requires std::is_integral_v<Int>
char* put_piece(char* at, Int number) {
  return output::put_number(at, number);
}
char* put_piece(char* at, Figure figure) { return put_piece(at, figure.text); }
char* put_piece(char* at, Who who) {
  if (who.code == 0) return at;
  at = output::put_code(at, who.code);  // nine digits as a rule
  *at++ = ' ';
  return put_piece(at, who.name);
}
char* put_piece(char* at, ZeroPadded padded) {
  char digits[20];
  const std::size_t size = static_cast<std::size_t>(std::to_chars(digits, digits + 20, padded.number).ptr - digits);
  const bool minus = padded.number < 0;
  if (minus) *at++ = '-';
  for (std::size_t n = size; n < static_cast<std::size_t>(padded.width); ++n) *at++ = '0';
  return put_piece(at, std::string_view(digits + minus, size - minus));
}

template <class... Pieces>
void put(fmt::memory_buffer& out, const Pieces&... pieces) {
  const std::size_t size = out.size();
  out.resize(size + (most_chars(pieces) + ... + 0));
  char* at = out.data() + size;
  ((at = put_piece(at, pieces)), ...);
  out.resize(static_cast<std::size_t>(at - out.data()));
}

// Whether a piece can go between a JSON string's quotes as it is. The literals and single
// characters are santei's own wording, none a quote, a backslash or a control byte
// (explain_wording_test writes every kind both ways), and numbers and figures are digits and signs;
// the texts, from the masters or the rule files, are tested.
bool plain_piece(std::string_view text) { return output::plain_text(text); }
bool plain_piece(Who who) { return output::plain_text(who.name); }
template <class Piece>
bool plain_piece(const Piece&) {
  return true;
}

// A step's wording as a JSON string: written in place when every piece is plain (the rule: a
// name with a quote is rare), else made as text and escaped. Made first and then tested for
// escapes and copied, it was a tenth of a result with explanations (callgrind).
struct JsonString {
  output::JsonWriter& json;
};

template <class... Pieces>
void put(JsonString& out, const Pieces&... pieces) {
  const std::size_t most = (most_chars(pieces) + ... + 0);
  if (most <= output::JsonWriter::kLongestPlainString && (plain_piece(pieces) && ...)) {
    out.json.plain_string(most, [&](char* at) {
      ((at = put_piece(at, pieces)), ...);
      return at;
    });
    return;
  }
  fmt::memory_buffer text;
  put(text, pieces...);
  out.json.value(std::string_view(text.data(), text.size()));
}

using output::item_name;
using output::item_unit;

// The wording of `s` through put(out, pieces…).
template <class Out>
void word(Out& out, const ExplainStep& s, const MasterSet& set, Date on) {
  const Who who{s.code, s.code ? item_name(s.code, set, on) : std::string_view()};
  // The step's figures as text, made only where its wording shows them (most show one), in
  // buffers on the stack: as std::string they were a fifth of writing a step (callgrind).
  char value_text[Decimal::max_chars];
  char base_text[Decimal::max_chars];
  char result_text[Decimal::max_chars];
  const auto text_of = [](Decimal d, char* buffer) { return Figure{std::string_view(buffer, d.to_chars(buffer))}; };
  const auto v = [&] { return text_of(s.value, value_text); };
  const auto b = [&] { return text_of(s.base, base_text); };
  const auto r = [&] { return text_of(s.result, result_text); };
  const std::string_view revision = set.revision();
  switch (s.kind) {
    case ExplainKind::points:
      return put(out, who, ' ', v(), "点 (s col 12, ", revision, ')');
    case ExplainKind::addition: {
      const ProcedureRecord* p = set.procedure(s.code, on);
      return put(out, "+ ", who, ' ', v(), "点 (注加算 ", p ? p->addition_group : 0, '-', p ? std::string_view(&p->addition_serial, 1) : std::string_view("0"), ')');
    }
    case ExplainKind::age_addition:
      return put(out, "+ ", who, ' ', v(), "点, added for age ", s.number, " (年齢加算, s cols 100–111)");
    case ExplainKind::time_addition:
      return put(out, "+ ", who, ' ', v(), "点, added for the visit time (時間加算区分, s col 43)");
    case ExplainKind::percent_addition:
      if (s.base.is_zero() && s.result.is_zero()) return put(out, who, " +", v(), '%');
      return put(out, "+ ", who, ' ', v(), "% of 所定点数 ", b(), " = ", r(), "点",
                 s.number == 1 ? std::string_view(", added automatically") : std::string_view());
    case ExplainKind::percent_reduction:
      return put(out, "− ", who, ' ', v(), "% of 所定点数 ", b(), " = ", r(), "点");
    case ExplainKind::negative_points:
      return put(out, "− ", who, ' ', v(), "点 (点数識別 8)");
    case ExplainKind::stepped: {
      const ProcedureRecord* p = set.procedure(s.code, on);
      if (!p) return put(out, who, " きざみ at ", b(), ": ", r(), "点");
      const std::string step_points = p->step_points.to_string();
      const std::string upper = p->step_upper == 99999999 ? std::string("none") : std::to_string(p->step_upper);
      return put(out, who, " きざみ at ", b(), std::string_view(p->data_unit_name), ": ", r(), "点 (base ", v(),
                 " + ⌈(quantity − 下限 ", p->step_lower, ") / きざみ ", p->step_width, "⌉ × ", std::string_view(step_points),
                 "点, 上限 ", std::string_view(upper), "; s cols 30–35)");
    }
    case ExplainKind::yen_amount:
      return put(out, who, ' ', v(), "円 (点数識別 1: yen, not points)");
    case ExplainKind::drug_price:
      return put(out, who, ' ', v(), "円/", item_unit(s.code, set, on), " × ", b(), " = ", r(), "円 (y col 12)");
    case ExplainKind::drug_points:
      if (s.number == 1) return put(out, "薬剤料 ", v(), "円 → ", r(), "点 (F200/G100: 15円以下 1点; 15円を超える分は10円又はその端数ごとに1点)");
      return put(out, "薬剤料 ", v(), "円 → ", r(), "点 (薬価15円以下は算定しない; 超える分は10円又はその端数ごとに1点)");
    case ExplainKind::material_price:
      return put(out, who, ' ', v(), "円 × ", b(), " = ", r(), "円 (t col 12)");
    case ExplainKind::oxygen:
      if (s.code) return put(out, who, ' ', v(), "円/L × ", b(), "L = ", r(), "円");
      return put(out, "酸素 ", v(), "円 → ", r(), "円 (1円未満四捨五入, 通知 J201)");
    case ExplainKind::material_points:
      return put(out, "材料 ", v(), "円 ÷ ", b(), " → ", r(), "点 (四捨五入, 告示 C300/J400/K950)");
    case ExplainKind::lab_bundle: {
      const pricing::LabBundleRule* rule = pricing::lab_bundle_rule(s.number, on);
      return put(out, "包括対象検査 group ", s.number, " (", rule ? std::string_view(rule->name) : std::string_view(), "): ", v(),
                 " items → ", r(), "点 (", rule ? std::string_view(rule->source) : std::string_view("masters/rules/lab_bundles.xml"), ')');
    }
    case ExplainKind::rounding:
      return put(out, "unit total ", v(), " → ", r(), "点 (四捨五入)");
    case ExplainKind::count:
      return put(out, "× ", s.number, "回");
    case ExplainKind::days:
      return put(out, "× ", s.number, "日分");
    case ExplainKind::multi_drug: {
      char reduced_text[Decimal::max_chars];
      return put(out, "多剤投与 (", s.number, " kinds): 内服薬剤料 ", v(), "点 × 90/100 = ", r(), "点 → ",
                 text_of(s.result - s.value, reduced_text), "点 (告示 F200 注3)");
    }
    case ExplainKind::note:
      return put(out, who);
    case ExplainKind::inpatient_days:
      return put(out, who, ": ", s.number, " day", s.number == 1 ? std::string_view() : std::string_view("s"), ", 入院期間 day ", b(),
                 "–", r(), " (day 1 = 入院年月日)");
    case ExplainKind::period_addition: {
      const pricing::FeeSchedule* schedule = pricing::schedule_of_band_code(s.code, on);
      const pricing::PeriodBand* band = nullptr;
      if (schedule) {
        for (const pricing::PeriodBand& candidate : schedule->bands) {
          if (candidate.code == s.code) band = &candidate;
        }
      }
      if (!band) return put(out, "+ ", who, ' ', v(), "点 (入院期間加算)");
      char to_day[20];
      const std::string_view to = band->to_day == 0 ? std::string_view() : std::string_view(to_day, static_cast<std::size_t>(std::to_chars(to_day, to_day + 20, band->to_day).ptr - to_day));
      return put(out, "+ ", who, ' ', v(), "点 for 入院期間 day ", band->from_day, "–", to, " (", std::string_view(schedule->source), ')');
    }
    case ExplainKind::price_response:
      return put(out, who, ' ', v(), "点, added for an item of 物価対応料グループ区分 ", ZeroPadded{s.number, 3},
                 " (s cols 132–133, 告示 O100)");
  }
  put(out, who);
}

}  // namespace

void output::append_explain_text(fmt::memory_buffer& out, const ExplainStep& step, const MasterSet& set, Date on) {
  word(out, step, set, on);
}

void output::write_explain_json(JsonWriter& json, const ExplainStep& step, const MasterSet& set, Date on) {
  JsonString out{json};
  word(out, step, set, on);
}

std::string explain_text(const ExplainStep& step, const MasterSet& masters, Date on) {
  fmt::memory_buffer text;
  output::append_explain_text(text, step, masters, on);
  return fmt::to_string(text);
}

}  // namespace santei
