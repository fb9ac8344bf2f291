// Reading a local programmes file (masters/rules/local_programmes.xml, or a user's
// --local-programmes FILE): <local_programmes><programme …><outpatient …/><inpatient …/></programme>.
// Every attribute is checked and any santei does not define is refused by name (docs/local-programmes.md).
#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/xml.hpp"
#include "santei/local_programmes.hpp"

namespace santei {
namespace {

constexpr std::array<std::string_view, 13> kProgrammeAttributes = {
    "id", "base", "prefecture", "law", "numbers", "name", "income", "from", "to", "meals", "source", "note", "municipality"};
constexpr std::array<std::string_view, 7> kChargeAttributes = {"rate",        "per_visit", "per_day", "max_days",
                                                               "monthly_cap", "min_age",   "max_age"};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Reader {
 public:
  Reader(std::string_view xml, std::string file) : xml_(xml), file_(std::move(file)) {}

  std::vector<LocalProgramme> read(const std::vector<LocalProgramme>& earlier) {
    pugi::xml_document doc;
    if (const std::optional<xml::Problem> problem = xml::parse(doc, xml_)) {
      const Status status = problem->status == Status::limit_exceeded ? Status::limit_exceeded : Status::rule_error;
      throw Exception(ErrorInfo{status, file_, problem->line, 0, {}, problem->message});
    }
    const pugi::xml_node root = doc.child("local_programmes");
    if (!root) throw Exception(ErrorInfo{Status::rule_error, file_, 1, 0, {}, "the root element must be <local_programmes>"});
    std::vector<LocalProgramme> rows;
    for (const pugi::xml_attribute a : root.attributes()) fail(root, a.name(), "<local_programmes> takes no attributes");
    for (const pugi::xml_node node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      if (std::string_view(node.name()) != "programme") {
        fail(node, node.name(), fmt::format("<{}> is not an element santei knows here (only <programme>)", node.name()));
      }
      LocalProgramme row = programme(node, earlier, rows);
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  std::int64_t line_of(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return 0;
    const auto end = xml_.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(xml_.size()));
    return 1 + std::count(xml_.begin(), end, '\n');
  }

  [[noreturn]] void fail(pugi::xml_node at, std::string_view field, std::string message) const {
    std::string where(field);
    const pugi::xml_node row = std::string_view(at.name()) == "programme" ? at : at.parent();
    if (std::string_view(row.name()) == "programme" && row.attribute("id")) {
      where = fmt::format("{}{}{}", row.attribute("id").as_string(), where.empty() ? "" : ".", where);
    }
    throw Exception(ErrorInfo{Status::rule_error, file_, line_of(at), 0, where, std::move(message)});
  }

  template <std::size_t N>
  void only(pugi::xml_node node, const std::array<std::string_view, N>& known) const {
    for (const pugi::xml_attribute a : node.attributes()) {
      if (std::find(known.begin(), known.end(), std::string_view(a.name())) == known.end()) {
        fail(node, a.name(), fmt::format("'{}' is not an attribute of <{}>", a.name(), node.name()));
      }
    }
  }

  std::string text(pugi::xml_node node, const char* name, bool required) const {
    const pugi::xml_attribute a = node.attribute(name);
    if (!a) {
      if (required) fail(node, name, fmt::format("<{}> needs {}", node.name(), name));
      return {};
    }
    const std::string value = a.as_string();
    if (value.empty()) fail(node, name, "is empty");
    return value;
  }

  Date date(pugi::xml_node node, const char* name) const {
    const std::string t = text(node, name, true);
    const std::optional<Date> d = Date::parse_iso(t);
    if (!d) fail(node, name, fmt::format("'{}' is not a date (YYYY-MM-DD)", t));
    return *d;
  }

  std::optional<std::int64_t> whole(pugi::xml_node node, const char* name, std::int64_t min, std::int64_t max) const {
    if (!node.attribute(name)) return std::nullopt;
    const std::string t = text(node, name, true);
    if (!all_digits(t) || t.size() > 9) fail(node, name, fmt::format("'{}' is not a whole number", t));
    const std::int64_t v = std::stoll(t);
    if (v < min || v > max) fail(node, name, fmt::format("{} is outside {}–{}", v, min, max));
    return v;
  }

  LocalCharge charge(pugi::xml_node node) const {
    only(node, kChargeAttributes);
    LocalCharge c;
    if (node.attribute("rate")) {
      const std::string t = text(node, "rate", true);
      const std::optional<Decimal> r = Decimal::parse(t);
      if (!r || r->is_negative() || Decimal(1) < *r) fail(node, "rate", fmt::format("'{}' is not a rate in 0–1", t));
      c.rate = *r;
    }
    if (auto v = whole(node, "per_visit", 0, 1'000'000)) c.per_visit = Yen{*v};
    if (auto v = whole(node, "per_day", 0, 1'000'000)) c.per_day = Yen{*v};
    if (auto v = whole(node, "max_days", 1, 31)) c.max_days = static_cast<std::int32_t>(*v);
    if (auto v = whole(node, "monthly_cap", 0, 10'000'000)) c.monthly_cap = Yen{*v};
    if (auto v = whole(node, "min_age", 0, 200)) c.min_age = static_cast<std::int32_t>(*v);
    if (auto v = whole(node, "max_age", 0, 200)) c.max_age = static_cast<std::int32_t>(*v);
    const int kinds = static_cast<int>(c.rate.has_value()) + static_cast<int>(c.per_visit.has_value()) +
                      static_cast<int>(c.per_day.has_value());
    if (kinds != 1) fail(node, "rate", fmt::format("<{}> needs exactly one of rate, per_visit, per_day", node.name()));
    if (c.max_days && c.rate) fail(node, "max_days", "counts per-visit or per-day amounts only");
    if (c.max_age < c.min_age) fail(node, "max_age", fmt::format("{} is below min_age {}", c.max_age, c.min_age));
    return c;
  }

  static const LocalProgramme* find_id(std::string_view id, const std::vector<LocalProgramme>& a,
                                       const std::vector<LocalProgramme>& b) {
    for (const auto* rows : {&b, &a}) {
      for (const LocalProgramme& r : *rows) {
        if (r.id == id) return &r;
      }
    }
    return nullptr;
  }

  LocalProgramme programme(pugi::xml_node node, const std::vector<LocalProgramme>& earlier,
                           const std::vector<LocalProgramme>& mine) const {
    only(node, kProgrammeAttributes);
    LocalProgramme row;
    row.file = file_;
    row.line = line_of(node);
    row.id = text(node, "id", true);
    if (find_id(row.id, {}, mine)) fail(node, "id", fmt::format("'{}' is given twice in this file", row.id));
    const LocalProgramme* base = nullptr;
    if (node.attribute("base")) {
      const std::string id = text(node, "base", true);
      base = find_id(id, earlier, mine);
      if (!base) fail(node, "base", fmt::format("'{}' is no programme shipped with santei or earlier in this file", id));
      row = *base;
      row.file = file_;
      row.line = line_of(node);
      row.id = text(node, "id", true);
    }
    row.prefecture = node.attribute("prefecture") || !base ? text(node, "prefecture", true) : row.prefecture;
    if (row.prefecture.size() != 2 || !all_digits(row.prefecture) || row.prefecture < "01" || row.prefecture > "47") {
      fail(node, "prefecture", fmt::format("'{}' is not a 都道府県番号 (01–47)", row.prefecture));
    }
    if (node.attribute("law") || base) row.law = node.attribute("law") ? text(node, "law", true) : std::string();
    if (!row.law.empty() && (row.law.size() != 2 || !all_digits(row.law))) {
      fail(node, "law", fmt::format("'{}' is not a two-digit 法別番号", row.law));
    }
    row.numbers.clear();
    if (node.attribute("numbers")) {
      const std::string all = text(node, "numbers", true);
      for (std::size_t at = 0; at < all.size();) {
        const std::size_t end = std::min(all.find(' ', at), all.size());
        const std::string n = all.substr(at, end - at);
        at = end + 1;
        if (n.empty()) continue;
        if (!all_digits(n) || n.size() < 2 || n.size() > 8) fail(node, "numbers", fmt::format("'{}' is not a 公費負担者番号 prefix (2–8 digits)", n));
        if (row.law.empty() || !n.starts_with(row.law)) fail(node, "numbers", fmt::format("'{}' does not start with the 法別番号 '{}'", n, row.law));
        if (n.size() >= 4 && n.substr(2, 2) != row.prefecture) {
          fail(node, "numbers", fmt::format("'{}' is not of prefecture {} (digits 3–4 of a 公費負担者番号)", n, row.prefecture));
        }
        row.numbers.push_back(n);
      }
    }
    if (node.attribute("name") || !base) row.name = text(node, "name", true);
    if (node.attribute("income")) {
      row.income = text(node, "income", true);
      if (row.income != "taxed" && row.income != "exempt") fail(node, "income", fmt::format("'{}' is not one of taxed, exempt", row.income));
    }
    if (node.attribute("from") || !base) row.period.from = date(node, "from");
    row.period.to = node.attribute("to") ? date(node, "to") : (base && !node.attribute("from") ? row.period.to : Date::open_end());
    if (row.period.to < row.period.from) fail(node, "to", fmt::format("ends ({}) before it starts ({})", row.period.to.iso(), row.period.from.iso()));
    if (node.attribute("meals") || !base) {
      row.meals = text(node, "meals", true);
      if (row.meals != "patient" && row.meals != "half" && row.meals != "covered") {
        fail(node, "meals", fmt::format("'{}' is not one of patient, half, covered", row.meals));
      }
    }
    const std::string source = text(node, "source", !base);
    row.source = base ? fmt::format("{}{}charges of {}: {}", source, source.empty() ? "" : "; ", base->id, base->source) : source;
    bool has_setting = false;
    for (const pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name != "outpatient" && name != "inpatient") {
        fail(child, name, fmt::format("<{}> is not an element of <programme> (outpatient, inpatient)", name));
      }
      std::optional<LocalCharge>& slot = name == "outpatient" ? row.outpatient : row.inpatient;
      if (!has_setting) row.outpatient.reset(), row.inpatient.reset();  // a row's own settings replace its base's
      if (slot && has_setting) fail(child, name, fmt::format("<{}> is given twice", name));
      slot = charge(child);
      has_setting = true;
    }
    if (!row.outpatient && !row.inpatient) fail(node, "outpatient", "a programme needs <outpatient> or <inpatient>");
    return row;
  }

  std::string_view xml_;
  std::string file_;
};

}  // namespace

std::shared_ptr<const LocalProgrammes> LocalProgrammes::shipped() {
  static const std::shared_ptr<const LocalProgrammes> rows = [] {
    constexpr std::string_view kPath = "rules/local_programmes.xml";
    const auto data = detail::embedded_file(kPath);
    if (!data) throw Exception(ErrorInfo{Status::rule_error, "masters/rules/local_programmes.xml", 0, 0, {}, "is not embedded in santei"});
    auto out = std::make_shared<LocalProgrammes>();
    out->rows_ = Reader(*data, "masters/rules/local_programmes.xml").read({});
    return std::shared_ptr<const LocalProgrammes>(std::move(out));
  }();
  return rows;
}

std::shared_ptr<const LocalProgrammes> LocalProgrammes::parse(std::string_view xml, std::string file) {
  const std::shared_ptr<const LocalProgrammes> base = shipped();
  auto out = std::make_shared<LocalProgrammes>();
  out->rows_ = Reader(xml, std::move(file)).read(base->rows_);
  for (const LocalProgramme& row : base->rows_) {
    if (std::none_of(out->rows_.begin(), out->rows_.end(), [&](const LocalProgramme& r) { return r.id == row.id; })) {
      out->rows_.push_back(row);  // the user's rows first: they win a tie; a row of the same id replaces the shipped one
    }
  }
  return out;
}

std::shared_ptr<const LocalProgrammes> LocalProgrammes::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Exception(ErrorInfo{Status::io_error, path.string(), 0, 0, "", "cannot open the local programmes file"});
  std::error_code ec;
  if (const std::uintmax_t size = std::filesystem::file_size(path, ec); !ec && size > xml::kMaxBytes) {
    throw Exception(ErrorInfo{Status::limit_exceeded, path.string(), 0, 0, "",
                              fmt::format("{} bytes is over the limit of {}", size, xml::kMaxBytes)});
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Exception(ErrorInfo{Status::io_error, path.string(), 0, 0, "", "cannot read the local programmes file"});
  return parse(text, path.string());
}

}  // namespace santei
