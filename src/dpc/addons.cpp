#include "dpc/addons.hpp"

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
    {"dpc-addons", "from source", "hospital"},
    {"hospital", "kind item", "fee"},
    {"fee", "name", "band"},
    {"band", "from to points", ""},
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
      // Bands follow each other from day 1; only the last may be open.
      for (const pugi::xml_node band : fee.children("band")) {
        AddonBand b{whole(band, "from", *text, 1000), 0, whole(band, "points", *text, 1'000'000)};
        if (band.attribute("to")) b.to = whole(band, "to", *text, 1000);
        const std::int32_t expected = read.bands.empty() ? 1 : read.bands.back().to + 1;
        if (b.from != expected || (b.to != 0 && b.to < b.from) || (!read.bands.empty() && read.bands.back().to == 0)) {
          rule_fail(line(band), "from", fmt::format("bands follow each other from day 1: this one should begin on day {}", expected));
        }
        read.bands.push_back(b);
      }
      if (read.bands.empty()) rule_fail(read.line, "band", "a fee without bands");
      table.fees.push_back(std::move(read));
    }
    out.tables.push_back(std::move(table));
  }
  return out;
}

}  // namespace

const AddonFee* AddonTable::fee(std::string_view name) const {
  for (const AddonFee& f : fees) {
    if (f.name == name) return &f;
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
