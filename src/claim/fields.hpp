// Typed reads of santei.claim/1 fields with errors that name the JSON path.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "claim/json_tree.hpp"
#include "santei/money.hpp"
#include "santei/period.hpp"
#include "santei/result.hpp"

namespace santei::claim {

[[noreturn]] void fail(const std::string& path, std::string message, Status status = Status::claim_error);

std::string join(const std::string& path, std::string_view key);
std::string index(const std::string& path, std::size_t i);

// The member `key` of `object`; nullptr if absent or null.
const json::Value* optional(const json::Value& object, std::string_view key);
// The member `key`; throws "missing required field" if absent or null.
const json::Value& required(const json::Value& object, std::string_view key, const std::string& path);

const json::Value& expect(const json::Value& value, json::Value::Type type, const std::string& path);
std::string text(const json::Value& value, const std::string& path);
bool boolean(const json::Value& value, const std::string& path);
// An exact decimal from a JSON number or a numeric string ("1.5", 0.5); never through double.
Decimal decimal(const json::Value& value, const std::string& path);
// A whole number in [min, max].
std::int64_t integer(const json::Value& value, const std::string& path, std::int64_t min, std::int64_t max);
Date date(const json::Value& value, const std::string& path);

}  // namespace santei::claim
