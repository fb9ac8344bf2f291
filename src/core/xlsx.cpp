#include "core/xlsx.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/cp932.hpp"
#include "core/xml.hpp"

namespace santei::xlsx {
namespace {

constexpr std::string_view kOfficeDocument = "/officeDocument";
constexpr std::string_view kSharedStrings = "/sharedStrings";

// The name of an element without its namespace prefix ("x:row" → "row").
std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

// The relationship id attribute of a <sheet>: r:id whatever the prefix is called.
pugi::xml_attribute relationship_id(const pugi::xml_node& node) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name.size() > 3 && name.ends_with(":id")) return a;
  }
  return {};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// OOXML's escape of characters XML cannot carry (ST_Xstring): "_x000D_" is U+000D. A surrogate
// is left as written: it is not a character on its own.
void append_unescaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      std::uint32_t cp = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6; ++k) {
        const int d = hex_digit(text[i + k]);
        hex = hex && d >= 0;
        cp = cp * 16 + static_cast<std::uint32_t>(std::max(d, 0));
      }
      if (hex && (cp < 0xD800 || cp > 0xDFFF)) {
        append_utf8(out, cp);
        i += 7;
        continue;
      }
    }
    out += text[i++];
  }
}

// The text of a string item (<si> or <is>): its <t>, or the <t> of its rich-text runs <r>;
// phonetic readings (<rPh>) are not part of the value.
std::string string_item(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local_name(c);
    if (name == "t") {
      append_unescaped(out, c.child_value());
    } else if (name == "r") {
      if (const pugi::xml_node t = child(c, "t")) append_unescaped(out, t.child_value());
    }
  }
  return out;
}

// "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; an absolute target
// ("/xl/…") is taken from the archive's root; ".." climbs a folder.
std::string resolve(std::string_view source, std::string_view target) {
  std::vector<std::string_view> parts;
  if (!target.starts_with('/')) {
    const std::size_t slash = source.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? std::string_view{} : source.substr(0, slash);
    while (!dir.empty()) {
      const std::size_t s = dir.find('/');
      parts.push_back(dir.substr(0, s));
      dir = s == std::string_view::npos ? std::string_view{} : dir.substr(s + 1);
    }
  }
  while (!target.empty()) {
    const std::size_t s = target.find('/');
    const std::string_view piece = target.substr(0, s);
    target = s == std::string_view::npos ? std::string_view{} : target.substr(s + 1);
    if (piece.empty() || piece == ".") continue;
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(piece);
  }
  std::string out;
  for (const std::string_view piece : parts) {
    if (!out.empty()) out += '/';
    out += piece;
  }
  return out;
}

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string relationships_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  if (slash == std::string_view::npos) return fmt::format("_rels/{}.rels", part);
  return fmt::format("{}/_rels/{}.rels", part.substr(0, slash), part.substr(slash + 1));
}

// At most this many cells a sheet: the largest DPC sheet has about 460,000.
constexpr std::size_t kMaxCells = 4'000'000;

}  // namespace

std::optional<CellRef> parse_ref(std::string_view text) {
  std::size_t i = 0;
  std::uint64_t column = 0;
  while (i < text.size() && text[i] >= 'A' && text[i] <= 'Z' && i < 3) {
    column = column * 26 + static_cast<std::uint64_t>(text[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == text.size() || text[i] == '0') return std::nullopt;
  std::uint64_t row = 0;
  for (std::size_t k = i; k < text.size(); ++k) {
    if (text[k] < '0' || text[k] > '9' || k - i >= 7) return std::nullopt;
    row = row * 10 + static_cast<std::uint64_t>(text[k] - '0');
  }
  if (column > kMaxColumn || row > kMaxRow) return std::nullopt;
  return CellRef{static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(column)};
}

std::string column_text(std::uint32_t column) {
  std::string letters;
  while (column > 0) {
    const std::uint32_t d = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + d));
    column = (column - 1) / 26;
  }
  return letters;
}

std::string ref_text(CellRef ref) { return column_text(ref.column) + std::to_string(ref.row); }

const Cell* Sheet::find(CellRef ref) const {
  const auto it = std::lower_bound(cells_.begin(), cells_.end(), ref, [](const Cell& c, const CellRef& r) {
    return c.ref.row != r.row ? c.ref.row < r.row : c.ref.column < r.column;
  });
  return it != cells_.end() && it->ref == ref ? &*it : nullptr;
}

std::string_view Sheet::text(CellRef ref) const {
  const Cell* cell = find(ref);
  return cell ? std::string_view(cell->text) : std::string_view{};
}

std::span<const Cell> Sheet::row(std::uint32_t row) const {
  const auto first = std::lower_bound(cells_.begin(), cells_.end(), row,
                                      [](const Cell& c, std::uint32_t r) { return c.ref.row < r; });
  const auto last = std::upper_bound(first, cells_.end(), row,
                                     [](std::uint32_t r, const Cell& c) { return r < c.ref.row; });
  return {first, last};
}

std::string Sheet::where(CellRef ref) const { return fmt::format("'{}'!{}", name_, ref_text(ref)); }

Workbook::Workbook(zip::Archive archive) : archive_(std::move(archive)) {
  // The workbook part, from the package relationships.
  std::string workbook_part;
  {
    const std::string rels = "_rels/.rels";
    std::string text;
    pugi::xml_document doc;
    load_part(rels, text, doc, pugi::parse_default);
    for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
      if (local_name(r) == "Relationship" && std::string_view(r.attribute("Type").value()).ends_with(kOfficeDocument)) {
        workbook_part = resolve("", r.attribute("Target").value());
      }
    }
    if (workbook_part.empty()) fail(Status::parse_error, rels, 0, "the package names no workbook (officeDocument)");
  }
  // Its relationships: each sheet's part and the shared strings.
  std::vector<std::pair<std::string, std::string>> targets;  // id → part
  std::string strings_part;
  {
    const std::string rels = relationships_of(workbook_part);
    std::string text;
    pugi::xml_document doc;
    load_part(rels, text, doc, pugi::parse_default);
    for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
      if (local_name(r) != "Relationship") continue;
      std::string target = resolve(workbook_part, r.attribute("Target").value());
      if (std::string_view(r.attribute("Type").value()).ends_with(kSharedStrings)) strings_part = target;
      targets.emplace_back(r.attribute("Id").value(), std::move(target));
    }
  }
  {
    std::string text;
    pugi::xml_document doc;
    load_part(workbook_part, text, doc, pugi::parse_default);
    const pugi::xml_node sheets = child(doc.document_element(), "sheets");
    if (!sheets) fail(Status::parse_error, workbook_part, 0, "the workbook has no <sheets>");
    for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
      if (local_name(s) != "sheet") continue;
      const std::string_view id = relationship_id(s).value();
      const auto target = std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.first == id; });
      if (target == targets.end()) {
        fail(Status::parse_error, workbook_part, xml::line_of(text, s.offset_debug()),
             fmt::format("sheet '{}' names the relationship '{}', which the workbook does not have", s.attribute("name").value(), id));
      }
      names_.emplace_back(s.attribute("name").value());
      parts_.push_back(target->second);
    }
  }
  if (!strings_part.empty()) {
    std::string text;
    pugi::xml_document doc;
    load_part(strings_part, text, doc, pugi::parse_default | pugi::parse_ws_pcdata_single);
    for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling()) {
      if (local_name(si) == "si") strings_.push_back(string_item(si));
    }
  }
}

void Workbook::fail(Status status, std::string field, std::int64_t line, std::string message) const {
  ErrorInfo info;
  info.status = status;
  info.file = archive_.file();
  info.line = line;
  info.field = std::move(field);
  info.message = std::move(message);
  throw Exception(std::move(info));
}

// Reads `part` into `text` and parses it into `doc` with `flags`: UTF-8 and well-formed, or a
// parse_error naming the part and line.
void Workbook::load_part(const std::string& part, std::string& text, pugi::xml_document& doc, unsigned flags) const {
  if (!archive_.find(part)) fail(Status::parse_error, part, 0, "the workbook has no such part");
  text = archive_.read(part, kMaxPartBytes);
  if (const std::size_t bad = cp932::find_invalid_utf8(text); bad != cp932::npos) {
    fail(Status::parse_error, part, xml::line_of(text, static_cast<std::ptrdiff_t>(bad)),
         fmt::format("not valid UTF-8 at byte {} (0x{:02x})", bad, static_cast<unsigned char>(text[bad])));
  }
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), flags);
  if (!parsed) {
    fail(Status::parse_error, part, xml::line_of(text, parsed.offset), fmt::format("malformed XML: {}", parsed.description()));
  }
  if (!doc.document_element()) fail(Status::parse_error, part, 0, "the part has no root element");
}

Workbook Workbook::open(const std::filesystem::path& file) { return Workbook(zip::Archive::open(file)); }

Workbook Workbook::from_bytes(std::string_view bytes, std::string file) {
  return Workbook(zip::Archive::from_bytes(bytes, std::move(file)));
}

Sheet Workbook::sheet(std::string_view name) const {
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) {
    fail(Status::not_found, fmt::format("'{}'", name), 0, "the workbook has no sheet of that name");
  }
  const std::string& part = parts_[static_cast<std::size_t>(it - names_.begin())];
  Sheet sheet;
  sheet.name_ = *it;
  sheet.file_ = archive_.file();
  std::string text;
  pugi::xml_document doc;
  load_part(part, text, doc, pugi::parse_default | pugi::parse_ws_pcdata_single);
  const pugi::xml_node data = child(doc.document_element(), "sheetData");
  if (!data) fail(Status::parse_error, part, 0, fmt::format("sheet '{}' has no <sheetData>", sheet.name_));
  const auto at = [&](const pugi::xml_node& node) { return xml::line_of(text, node.offset_debug()); };
  std::uint32_t row_number = 0;
  bool sorted = true;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (local_name(row) != "row") continue;
    const pugi::xml_attribute r = row.attribute("r");
    const std::uint32_t next = r ? static_cast<std::uint32_t>(r.as_uint()) : row_number + 1;
    if (next == 0 || next > kMaxRow) fail(Status::parse_error, part, at(row), fmt::format("row number '{}' out of range", r.value()));
    row_number = next;
    std::uint32_t column = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "c") continue;
      CellRef ref{row_number, column + 1};
      if (const pugi::xml_attribute cr = c.attribute("r")) {
        const std::optional<CellRef> parsed = parse_ref(cr.value());
        if (!parsed || parsed->row != row_number) {
          fail(Status::parse_error, part, at(c), fmt::format("cell reference '{}' is not a cell of row {}", cr.value(), row_number));
        }
        ref = *parsed;
      }
      if (ref.column > kMaxColumn) fail(Status::parse_error, part, at(c), "cell beyond the last column");
      column = ref.column;
      const std::string_view type = c.attribute("t").value();
      const pugi::xml_node v = child(c, "v");
      Cell cell{ref, CellKind::text, {}};
      if (type == "inlineStr") {
        if (const pugi::xml_node is = child(c, "is")) cell.text = string_item(is);
      } else if (!v) {
        continue;  // a styled empty cell
      } else if (type == "s") {
        const std::string_view index = v.child_value();
        const std::size_t i = static_cast<std::size_t>(v.text().as_ullong(~0ull));
        if (index.empty() || index.find_first_not_of("0123456789") != std::string_view::npos || i >= strings_.size()) {
          fail(Status::parse_error, sheet.where(ref), at(c),
               fmt::format("shared string '{}' does not exist ({} shared strings)", index, strings_.size()));
        }
        cell.text = strings_[i];
      } else {
        append_unescaped(cell.text, v.child_value());
        cell.kind = type == "b" ? CellKind::boolean : type == "e" ? CellKind::error
                    : (type == "str" || type == "d") ? CellKind::text : CellKind::number;
      }
      if (cell.text.empty()) continue;
      if (sheet.cells_.size() >= kMaxCells) {
        fail(Status::limit_exceeded, part, at(c), fmt::format("sheet '{}' has more than {} cells", sheet.name_, kMaxCells));
      }
      if (!sheet.cells_.empty()) {
        const CellRef& last = sheet.cells_.back().ref;
        sorted = sorted && (last.row != ref.row ? last.row < ref.row : last.column < ref.column);
      }
      sheet.cells_.push_back(std::move(cell));
    }
  }
  const auto before = [](const Cell& a, const Cell& b) {
    return a.ref.row != b.ref.row ? a.ref.row < b.ref.row : a.ref.column < b.ref.column;
  };
  if (!sorted) std::stable_sort(sheet.cells_.begin(), sheet.cells_.end(), before);
  const auto twice = std::adjacent_find(sheet.cells_.begin(), sheet.cells_.end(),
                                        [](const Cell& a, const Cell& b) { return a.ref == b.ref; });
  if (twice != sheet.cells_.end()) fail(Status::parse_error, sheet.where(twice->ref), 0, "the cell is given twice");
  return sheet;
}

}  // namespace santei::xlsx
