#include "dpc/addons.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/embedded.hpp"
#include "core/whole_number.hpp"
#include "core/xml.hpp"
#include "santei/result.hpp"

namespace santei::dpc {
namespace {

constexpr std::string_view kAddonsFile = "dpc/addons.xml";
constexpr xml::Element kAddonsSchema[] = {
    {"dpc-addons", "from source", "hospital notes"},
    {"hospital", "kind item", "fee"},
    {"fee", "name", "band"},
    {"band", "from to points", ""},
    {"notes", "", "note"},
    {"note", "name fees count days from to points group under-age source", "band"},
};

[[noreturn]] void rule_fail(std::int64_t line, std::string field, std::string message) {
  throw Exception(ErrorInfo{Status::rule_error, std::string(kAddonsFile), line, 0, std::move(field), std::move(message)});
}

std::int32_t whole(const pugi::xml_node node, const char* name, std::string_view text, std::int32_t max) {
  const std::string_view value = node.attribute(name).as_string();
  const std::optional<std::int64_t> out = whole_number(value);
  if (!out || *out < 1 || *out > max) {
    rule_fail(xml::line_of(text, node.offset_debug()), name, fmt::format("'{}' is not a whole number 1..{}", value, max));
  }
  return static_cast<std::int32_t>(*out);
}

// Bands follow each other from `first` on; only the last may be open.
void add_band(std::vector<AddonBand>& bands, AddonBand b, std::int32_t first, std::int64_t line) {
  const std::int32_t expected = bands.empty() ? first : bands.back().to + 1;
  if (b.from != expected || (b.to != 0 && b.to < b.from) || (!bands.empty() && bands.back().to == 0)) {
    rule_fail(line, "from", fmt::format("bands follow each other: this one should begin on day {}", expected));
  }
  bands.push_back(b);
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) out.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

AddonNote read_note(const pugi::xml_node node, std::string_view text, const Addons& read) {
  const std::int64_t at = xml::line_of(text, node.offset_debug());
  AddonNote note;
  note.name = node.attribute("name").as_string();
  note.fees = words(node.attribute("fees").as_string());
  note.group = node.attribute("group").as_string();
  note.source = node.attribute("source").as_string();
  note.line = at;
  if (note.name.empty() || note.source.empty()) rule_fail(at, note.name.empty() ? "name" : "source", "required");
  for (const std::string& fee : note.fees) {
    const bool known = std::any_of(read.tables.begin(), read.tables.end(), [&](const AddonTable& t) { return t.fee(fee) != nullptr; });
    if (!known) rule_fail(at, "fees", fmt::format("'{}' is no fee of the tables above", fee));
    if (read.note(note.name, fee)) rule_fail(at, "name", fmt::format("a second 注 '{}' of {}", note.name, fee));
  }
  if (note.fees.empty()) rule_fail(at, "fees", "required");
  const std::string_view count = node.attribute("count").as_string();
  if (count == "first-day") note.count = NoteCount::first_day;
  else if (count == "once") note.count = NoteCount::once;
  else if (count == "discharge") note.count = NoteCount::discharge;
  else if (count != "day") rule_fail(at, "count", fmt::format("'{}' is not day, first-day, once or discharge", count));
  const std::string_view days = node.attribute("days").as_string();
  if (!days.empty() && days != "admission") rule_fail(at, "days", fmt::format("'{}': absent (the unit's days) or admission", days));
  note.from_admission = days == "admission";
  if (node.attribute("under-age")) note.under_age = whole(node, "under-age", text, 150);
  if (note.count != NoteCount::day) {
    if (node.child("band") || node.attribute("from") || node.attribute("to") || note.from_admission) {
      rule_fail(at, "count", "only a note counted by day has days");
    }
    note.points = whole(node, "points", text, 1'000'000);
    return note;
  }
  if (node.child("band")) {
    if (node.attribute("points")) rule_fail(at, "points", "a note with bands has its points in them");
    for (const pugi::xml_node band : node.children("band")) {
      AddonBand b{whole(band, "from", text, 1000), 0, whole(band, "points", text, 1'000'000)};
      if (band.attribute("to")) b.to = whole(band, "to", text, 1000);
      add_band(note.bands, b, 1, xml::line_of(text, band.offset_debug()));
    }
    return note;
  }
  AddonBand b{node.attribute("from") ? whole(node, "from", text, 1000) : 1, 0, whole(node, "points", text, 1'000'000)};
  if (node.attribute("to")) b.to = whole(node, "to", text, 1000);
  add_band(note.bands, b, b.from, at);
  return note;
}

Addons parse() {
  const std::optional<std::string_view> text = detail::embedded_file(kAddonsFile);
  if (!text) rule_fail(0, "", "the DPC add-ons are not embedded in this build");
  pugi::xml_document doc;
  if (const std::optional<xml::Problem> problem = xml::parse(doc, *text, kAddonsSchema)) {
    rule_fail(problem->line, problem->field, problem->message);
  }
  const pugi::xml_node root = doc.child("dpc-addons");
  const auto line = [&](const pugi::xml_node node) { return xml::line_of(*text, node.offset_debug()); };
  Addons out;
  const std::optional<Date> from = Date::parse_iso(root.attribute("from").as_string());
  if (!from) rule_fail(line(root), "from", "is not a date YYYY-MM-DD");
  out.from = *from;
  for (const pugi::xml_node hospital : root.children("hospital")) {
    AddonTable table{hospital.attribute("kind").as_string(), hospital.attribute("item").as_string(), {}};
    if (table.hospital.empty() || out.table(table.hospital)) rule_fail(line(hospital), "kind", "a hospital kind, once");
    for (const pugi::xml_node fee : hospital.children("fee")) {
      AddonFee read{fee.attribute("name").as_string(), {}, line(fee)};
      if (read.name.empty() || table.fee(read.name)) rule_fail(read.line, "name", "a 特定入院料's name, once per hospital");
      for (const pugi::xml_node band : fee.children("band")) {
        AddonBand b{whole(band, "from", *text, 1000), 0, whole(band, "points", *text, 1'000'000)};
        if (band.attribute("to")) b.to = whole(band, "to", *text, 1000);
        add_band(read.bands, b, 1, line(band));
      }
      if (read.bands.empty()) rule_fail(read.line, "band", "a fee without bands");
      table.fees.push_back(std::move(read));
    }
    out.tables.push_back(std::move(table));
  }
  for (const pugi::xml_node note : root.child("notes").children("note")) out.notes.push_back(read_note(note, *text, out));
  return out;
}

}  // namespace

const AddonFee* AddonTable::fee(std::string_view name) const {
  for (const AddonFee& f : fees) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool AddonNote::of_fee(std::string_view fee) const { return std::find(fees.begin(), fees.end(), fee) != fees.end(); }

const AddonNote* Addons::note(std::string_view name, std::string_view fee) const {
  for (const AddonNote& n : notes) {
    if (n.name == name && n.of_fee(fee)) return &n;
  }
  return nullptr;
}

const AddonTable* Addons::table(std::string_view hospital) const {
  for (const AddonTable& t : tables) {
    if (t.hospital == hospital) return &t;
  }
  return nullptr;
}

const Addons& addons() {
  static const Addons parsed = parse();
  return parsed;
}

}  // namespace santei::dpc
