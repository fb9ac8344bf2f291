// Dated rule values: one rule's values over time, each with its legal source.
#pragma once

#include <string>
#include <vector>

#include "santei/period.hpp"
#include "santei/result.hpp"

namespace santei::copay {

// The dates every rule must cover with exactly one value (checked when the rules load).
Date checked_from();  // 2015-01-01
Date checked_to();    // 2027-12-31

enum class ValueState : std::uint8_t {
  known,    // the figures are in the XML
  none,     // the rule does not exist in that period (e.g. 配慮措置 before 2022-10-01)
  unknown,  // the rule changed but santei does not have the figures: using it is a rule_error
};

struct ValueInfo {
  DateRange range;
  ValueState state = ValueState::known;
  std::string source;  // the law, notice or document the value comes from
  std::string note;    // why a value is none or unknown
  std::int64_t line = 0;
  std::string cite;    // " (kougaku.xml under70 2015-01-01)": where an explanation points (the XML has the source)
};

template <class T>
struct Dated {
  ValueInfo info;
  T value{};
};

// Where a value used for a claim comes from, for its explanation.
struct Citation {
  const std::string* file = nullptr;
  const std::string* rule = nullptr;
  const ValueInfo* info = nullptr;
};

// Throws rule_error naming `file` and `rule` unless `values` (in file order) cover
// checked_from()..checked_to() with exactly one value on every date.
void check_coverage(const std::string& file, const std::string& rule, const std::vector<ValueInfo>& values);

// [[noreturn]] helper: the value of `rule` on `on` is unknown or missing.
[[noreturn]] void fail_unknown(const std::string& file, const std::string& rule, const ValueInfo* info, Date on);

// A rule's values in date order, checked for coverage. Immutable after load.
template <class T>
struct Timeline {
  std::string file;  // "masters/rules/kougaku.xml"
  std::string rule;  // the rule id
  std::vector<Dated<T>> values;

  // The value in force on `on`: nullptr when the rule does not apply then (state none).
  // Throws rule_error when its figures are unknown or no value covers `on`.
  const Dated<T>* find(Date on) const {
    for (const Dated<T>& v : values) {
      if (!v.info.range.contains(on)) continue;
      if (v.info.state == ValueState::known) return &v;
      if (v.info.state == ValueState::none) return nullptr;
      fail_unknown(file, rule, &v.info, on);
    }
    fail_unknown(file, rule, nullptr, on);
  }
  Citation cite(const Dated<T>& v) const { return Citation{&file, &rule, &v.info}; }
  // As find(), but a `none` period is an error too.
  const Dated<T>& at(Date on) const {
    if (const Dated<T>* v = find(on)) return *v;
    for (const Dated<T>& v : values) {
      if (v.info.range.contains(on)) fail_unknown(file, rule, &v.info, on);
    }
    fail_unknown(file, rule, nullptr, on);
  }
};

}  // namespace santei::copay
