// A small streaming JSON writer: compact output, correct string escaping, no floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "santei/money.hpp"

namespace santei::output {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Writes into `buffer`, emptied first: its memory is reused (take() hands it back).
  explicit JsonWriter(std::string buffer) : out_(std::move(buffer)) { out_.clear(); }

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
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace santei::output
