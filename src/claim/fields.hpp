// Typed reads of santei.claim/1 fields with errors that name the JSON path.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "claim/json_tree.hpp"
#include "core/same_text.hpp"
#include "santei/money.hpp"
#include "santei/period.hpp"
#include "santei/result.hpp"

namespace santei::claim {

// A JSON path ("visits[0].orders[1].items[2].code"; a key that is not a plain name is quoted:
// patient[""], admission["add)tions"]) spelled out only when an error names it: reading a valid
// claim builds no path strings and copies no segments. A path is its last segment and a pointer to
// its parent, so a parent must outlive its children: a child of a temporary path does not compile
// (write `const Path items = join(path, "items");` first). Keys must outlive the path (string
// literals, or member names of the JSON document).
class Path {
 public:
  Path() = default;
  Path(const char* root) : Path(std::string_view(root)) {}  // NOLINT: implicit, for literal roots
  Path(std::string_view root)                                 // NOLINT
      : segment_(root.empty() ? Segment{} : Segment::text(root, Kind::root)) {}
  Path key(std::string_view name) const& { return Path(this, Segment::text(name, Kind::key)); }
  Path key(std::string_view name) const&& = delete;
  Path at(std::size_t index) const& { return Path(this, Segment{nullptr, static_cast<std::uint32_t>(index), Kind::index}); }
  Path at(std::size_t index) const&& = delete;
  std::string str() const;

 private:
  enum class Kind : unsigned char { none, root, key, index };  // a root is spelled as given ("(claim)")
  // A key's characters and length, or an index (arrays of a claim are far shorter than 2^32).
  struct Segment {
    const char* key = nullptr;
    std::uint32_t size_or_index = 0;
    Kind kind = Kind::none;
    static Segment text(std::string_view key, Kind kind) {
      return {key.data(), static_cast<std::uint32_t>(key.size()), kind};
    }
    std::string_view name() const { return {key, size_or_index}; }
  };
  Path(const Path* parent, Segment segment) : parent_(parent), segment_(segment) {}
  const Path* parent_ = nullptr;
  Segment segment_;
};

[[noreturn]] void fail(const Path& path, std::string message, Status status = Status::claim_error);

inline Path join(const Path& path, std::string_view key) { return path.key(key); }
Path join(Path&& path, std::string_view key) = delete;  // the child would outlive its parent
inline Path index(const Path& path, std::size_t i) { return path.at(i); }
Path index(Path&& path, std::size_t i) = delete;

// The member `key` of `object`; nullptr if absent or null.
const json::Value* optional(const json::Value& object, std::string_view key);
// The member `key`; throws "missing required field" if absent or null.
const json::Value& required(const json::Value& object, std::string_view key, const Path& path);
// A member found by members(), `key` of `object` at `path`: throws as required() when it is nullptr.
const json::Value& required(const json::Value* member, std::string_view key, const Path& path);

// Refuses `key`, a member of the object at `path` that is none of `defined`: "unknown field", with
// the defined key it most likely misspells (core/names.hpp). A long key is named by its beginning.
[[noreturn]] void unknown_key(const Path& path, std::string_view key, std::span<const std::string_view> defined);

// The members `keys` of `object` in one pass over its members, each nullptr if absent or null (as
// optional()). For the objects a claim has many of (items, orders, visits) and its top level: a
// search per key was a tenth of reading a claim (callgrind). Keys are unique (json::parse).
template <std::size_t N>
std::array<const json::Value*, N> members(const json::Value& object, const std::string_view (&keys)[N]) {
  std::array<const json::Value*, N> found{};
  for (const json::Member& member : object.members()) {
    if (member.value.is(json::Value::Type::null)) continue;
    for (std::size_t k = 0; k < N; ++k) {
      if (same_text(member.key, keys[k])) {
        found[k] = &member.value;
        break;
      }
    }
  }
  return found;
}

// members(), for an object whose keys are all `keys`: any other key of `object` (at `path`) is
// refused by unknown_key(), in the same pass. The visits, orders and items of a claim are checked
// so as they are read, not again by check_keys (claim/keys.cpp): a second pass over them cost a
// tenth of reading a claim (callgrind).
template <std::size_t N>
std::array<const json::Value*, N> known_members(const json::Value& object, const std::string_view (&keys)[N],
                                                const Path& path) {
  std::array<const json::Value*, N> found{};
  for (const json::Member& member : object.members()) {
    std::size_t k = 0;
    while (k < N && !same_text(member.key, keys[k])) ++k;
    if (k == N) unknown_key(path, member.key, keys);
    if (!member.value.is(json::Value::Type::null)) found[k] = &member.value;
  }
  return found;
}

const json::Value& expect(const json::Value& value, json::Value::Type type, const Path& path);
// A view into the parsed document.
std::string_view text(const json::Value& value, const Path& path);
bool boolean(const json::Value& value, const Path& path);
// An exact decimal from a JSON number or a numeric string ("1.5", 0.5); never through double.
Decimal decimal(const json::Value& value, const Path& path);
// A whole number in [min, max].
std::int64_t integer(const json::Value& value, const Path& path, std::int64_t min, std::int64_t max);
Date date(const json::Value& value, const Path& path);

}  // namespace santei::claim
