// A small streaming JSON writer: compact output, correct string escaping, no floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/container/small_vector.hpp>

#include "santei/money.hpp"
#include "santei/period.hpp"

namespace santei::output {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Appends to `out` instead of its own string: a caller writing result after result into one
  // buffer keeps its capacity (str() and take() are then not for use).
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(Date date);  // "YYYY-MM-DD"
  // A number as a JSON string: codes ("111000110"), which santei.result/1 writes as strings.
  JsonWriter& quoted(std::uint64_t number);
  JsonWriter& null();
  // An exact decimal as a JSON string ("10.1"): consumers must not read it through a double.
  JsonWriter& value(Decimal number) { return value(number.to_string()); }
  // Already-serialised JSON, inserted as one value.
  JsonWriter& raw(std::string_view json);

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  bool comma();  // whether the next value needs a ',' before it (and it is written now)
  void separate();
  void string(std::string_view text);  // a quoted, escaped string after its separator
  std::string own_;
  std::string& out_ = own_;
  boost::container::small_vector<bool, 16> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace santei::output
