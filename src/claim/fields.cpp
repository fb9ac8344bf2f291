#include "claim/fields.hpp"

#include <algorithm>
#include <charconv>

#include <boost/container/small_vector.hpp>
#include <fmt/format.h>

#include "core/control_bytes.hpp"
#include "core/names.hpp"
#include "output/json_writer.hpp"

namespace santei::claim {

std::string Path::str() const {
  const auto plain = [](std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
  };
  boost::container::small_vector<const Segment*, 16> segments;  // root first
  for (const Path* p = this; p != nullptr; p = p->parent_) {
    if (p->segment_.kind != Kind::none) segments.push_back(&p->segment_);
  }
  std::reverse(segments.begin(), segments.end());
  std::string out;
  for (const Segment* s : segments) {
    const Segment& segment = *s;
    if (segment.kind == Kind::index) {
      out += fmt::format("[{}]", segment.size_or_index);
    } else if (segment.kind == Kind::key && !plain(segment.name())) {
      out += '[';
      output::append_json_string(out, segment.name());
      out += ']';
    } else {
      if (!out.empty()) out += '.';
      out += segment.name();
    }
  }
  return out;
}

void fail(const Path& path, std::string message, Status status) {
  throw Exception(ErrorInfo{status, {}, 0, 0, path.str(), std::move(message)});
}

void unknown_key(const Path& path, std::string_view key, std::span<const std::string_view> defined) {
  // The path names a long key by its beginning, cut between UTF-8 characters.
  constexpr std::size_t kShown = 64;
  std::string shown(key);
  if (shown.size() > kShown) {
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "…";
  }
  fail(path.key(shown), unknown_name("field", key, defined));
}

const json::Value* optional(const json::Value& object, std::string_view key) {
  const json::Value* value = object.find(key);
  return value && !value->is(json::Value::Type::null) ? value : nullptr;
}

const json::Value& required(const json::Value& object, std::string_view key, const Path& path) {
  return required(optional(object, key), key, path);
}

const json::Value& required(const json::Value* member, std::string_view key, const Path& path) {
  if (!member) fail(join(path, key), "missing required field");
  return *member;
}

const json::Value& expect(const json::Value& value, json::Value::Type type, const Path& path) {
  if (!value.is(type)) {
    fail(path, fmt::format("must be {}, not {}", json::type_name(type), json::type_name(value.type)));
  }
  return value;
}

std::string_view text(const json::Value& value, const Path& path) {
  const std::string_view t = expect(value, json::Value::Type::string, path).text();
  // An escaped control character ("\u0000") is valid JSON but never claim data: no field of
  // santei.claim/1 holds one, and a UKE record cannot carry it.
  const std::size_t control = find_control(t);
  if (control == std::string_view::npos) return t;
  fail(path, fmt::format("control character U+{:04X} at byte {} of the text", static_cast<unsigned char>(t[control]), control));
}

bool boolean(const json::Value& value, const Path& path) {
  return expect(value, json::Value::Type::boolean, path).boolean;
}

Decimal decimal(const json::Value& value, const Path& path) {
  if (!value.is(json::Value::Type::number) && !value.is(json::Value::Type::string)) {
    fail(path, fmt::format("must be a decimal number, not {}", json::type_name(value.type)));
  }
  const auto parsed = Decimal::parse(value.text());
  if (!parsed) {
    fail(path, fmt::format("'{}' is not a plain decimal (digits, optional point, at most {} decimals and 18 "
                           "significant digits, no exponent)",
                           value.text(), Decimal::max_scale));
  }
  return *parsed;
}

std::int64_t integer(const json::Value& value, const Path& path, std::int64_t min, std::int64_t max) {
  if (!value.is(json::Value::Type::number) && !value.is(json::Value::Type::string)) {
    fail(path, fmt::format("must be a whole number, not {}", json::type_name(value.type)));
  }
  std::int64_t out = 0;
  const std::string_view t = value.text();
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  if (ec == std::errc::result_out_of_range && end == t.data() + t.size()) {
    fail(path, fmt::format("{} is outside {}..{}", t, min, max));  // digits beyond 64 bits
  }
  if (ec != std::errc() || end != t.data() + t.size()) fail(path, fmt::format("'{}' is not a whole number", t));
  if (out < min || out > max) fail(path, fmt::format("{} is outside {}..{}", out, min, max));
  return out;
}

Date date(const json::Value& value, const Path& path) {
  const std::string_view t = text(value, path);
  const auto parsed = Date::parse_iso(t);
  if (!parsed) fail(path, fmt::format("'{}' is not a calendar day (YYYY-MM-DD)", t));
  return *parsed;
}

}  // namespace santei::claim
