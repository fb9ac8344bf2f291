// Typed reads of santei.claim/1 fields with errors that name the JSON path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/container/small_vector.hpp>

#include "claim/json_tree.hpp"
#include "santei/money.hpp"
#include "santei/period.hpp"
#include "santei/result.hpp"

namespace santei::claim {

// A JSON path ("visits[0].orders[1].items[2].code"; a key that is not a plain name is quoted:
// patient[""], admission["add)tions"]) kept as segments and spelled out only when an
// error names it: reading a valid claim builds no path strings. Keys must outlive the path
// (string literals, or member names of the JSON tree).
class Path {
 public:
  Path() = default;
  Path(const char* root) : Path(std::string_view(root)) {}  // NOLINT: implicit, for literal roots
  Path(std::string_view root) {                               // NOLINT
    if (!root.empty()) segments_.push_back(Segment::text(root, Kind::root));
  }
  Path key(std::string_view name) const {
    Path child = *this;
    child.segments_.push_back(Segment::text(name, Kind::key));
    return child;
  }
  Path at(std::size_t index) const {
    Path child = *this;
    child.segments_.push_back(Segment{nullptr, static_cast<std::uint32_t>(index), Kind::index});
    return child;
  }
  std::string str() const;

 private:
  enum class Kind : unsigned char { root, key, index };  // a root is spelled as given ("(claim)")
  // 16 bytes: a key's characters and length, or an index (arrays of a claim are far shorter than
  // 2^32), so that the deepest path of a claim (visits[0].orders[1].items[2].quantity) is copied
  // within the vector's own room.
  struct Segment {
    const char* key;
    std::uint32_t size_or_index;
    Kind kind;
    static Segment text(std::string_view key, Kind kind) {
      return {key.data(), static_cast<std::uint32_t>(key.size()), kind};
    }
    std::string_view name() const { return {key, size_or_index}; }
  };
  boost::container::small_vector<Segment, 8> segments_;
};

[[noreturn]] void fail(const Path& path, std::string message, Status status = Status::claim_error);

inline Path join(const Path& path, std::string_view key) { return path.key(key); }
inline Path index(const Path& path, std::size_t i) { return path.at(i); }

// The member `key` of `object`; nullptr if absent or null.
const json::Value* optional(const json::Value& object, std::string_view key);
// The member `key`; throws "missing required field" if absent or null.
const json::Value& required(const json::Value& object, std::string_view key, const Path& path);

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
