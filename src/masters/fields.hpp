// Binds layout columns (by key) to record fields and decodes rows into records.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "masters/layout.hpp"
#include "santei/records.hpp"

namespace santei::masters {

using FieldRef = std::variant<ChangeKind*, Code*, std::int32_t*, std::int64_t*, Decimal*, Date*,
                              std::string*, AgeCode*, char*>;

template <class Record>
struct FieldBinding {
  std::string_view key;
  FieldRef (*ref)(Record&);
};

// The fields a record type offers to layouts, by key. Specialised for every record in records.hpp.
template <class Record>
std::span<const FieldBinding<Record>> field_bindings();

// Decodes rows of one file into records with one layout.
template <class Record>
class RowDecoder {
 public:
  // Throws santei::Exception(master_error) when a layout key has no field or the wrong type.
  RowDecoder(const Layout& layout, std::string file);

  // Fills `record` from `fields` (whose count the caller has checked). With merge = true (an
  // update row of 変更区分 5 or 9) empty fields keep the record's previous value; otherwise an
  // empty field gives the type's zero value, and an empty required field is an error.
  void decode(const std::vector<std::string_view>& fields, std::int64_t line, Record& record,
              bool merge) const;

  const Layout& layout() const { return layout_; }

 private:
  struct Bound {
    std::size_t index;  // 0-based column
    const LayoutColumn* column;
    FieldRef (*ref)(Record&);
  };
  [[noreturn]] void fail(std::int64_t line, const LayoutColumn& column, std::string message) const;
  void check_fixed(const std::vector<std::string_view>& fields, std::int64_t line) const;

  const Layout& layout_;
  std::string file_;
  std::vector<Bound> bound_;
  std::vector<const LayoutColumn*> fixed_;
};

// "点数 (col 12)" — how errors and lookups name a column.
std::string column_label(const LayoutColumn& column);

}  // namespace santei::masters
