// Column layouts of the SSK master files, read from masters/layouts/*.xml (compiled in).
//
// A layout is one master kind × one column count ("y_42"). The loader picks the layout by the
// shape of the file: its kind (from the file name) and the column count of its first row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace santei::masters {

// How a column's text is read.
enum class FieldType : unsigned char {
  none,       // not read (予備 or not needed)
  change,     // 変更区分: one digit of 0,1,2,3,5,9
  kind,       // マスター種別: a fixed letter
  code,       // a numeric code of up to 9 digits
  integer,    // a number that fits 32 bits
  integer64,  // a number that fits 64 bits (公表順序番号, 病名管理番号)
  decimal,    // an exact decimal such as 291.00
  date,       // YYYYMMDD, 99999999 = open, 0/00000000 = none
  text,       // CP932 text, decoded to UTF-8
  age,        // a two-character age code (00, 06, AA, B3, MG …)
  character,  // one character (注加算通番 0–9/A–Z)
};

struct LayoutColumn {
  int number = 0;         // 1-based 項番
  std::string key;        // the record field it fills; empty when not read
  std::string name;       // 項目名 as in the spec
  FieldType type = FieldType::none;
  bool required = false;  // an empty value is an error in a full row
  std::string fixed;      // the only value allowed (マスター種別)
};

struct Layout {
  std::string id;       // "s_150"
  std::string kind;     // "s", "y", "t", "c", "b", "z", "aux", "bundle", "exclusion", "inpatient", "count", "ck"
  std::string record;   // the record type it fills: "procedure", "drug", …
  std::string identity; // the key that identifies a record across files ("code"), empty for row tables
  int columns = 0;
  std::vector<LayoutColumn> by_number;  // index = number − 1
  std::vector<std::string> sources;

  const LayoutColumn* column(std::string_view key) const;
};

// Every layout compiled into santei; throws santei::Exception(master_error) if the XML is
// inconsistent (a missing column, a duplicate number, an unknown type).
const std::vector<Layout>& all_layouts();

// The layout of `kind` with `columns` columns, or nullptr.
const Layout* find_layout(std::string_view kind, int columns);

// Column counts known for a kind, for error messages ("expected 35, 40 or 42").
std::string known_column_counts(std::string_view kind);

}  // namespace santei::masters
