// santei.kougaku/1 → KougakuHousehold (docs/kougaku.md). A receipt is a santei.result/1 object
// (inline, or by id from a JSON Lines file), its two figures, or a receipt of a UKE file priced
// here. Keys the format does not define are refused by name.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "claim/fields.hpp"
#include "claim/json_tree.hpp"
#include "copay/age.hpp"
#include "santei/kougaku.hpp"
#include "santei/masters.hpp"
#include "santei/pricing.hpp"
#include "santei/uke.hpp"

namespace santei {
namespace {

using claim::Path;
using json::Value;
using Type = json::Value::Type;

// The limits a window writes into copay.daily[].limit that are 世帯-level 高額療養費 (copay/limits.cpp).
bool household_limit_name(std::string_view name) {
  return name == "高額療養費" || name == "高額療養費 (多数回)" || name == "高額療養費 (公費併用・合算)";
}

void refuse_unknown(const Value& object, const Path& path, std::initializer_list<std::string_view> keys) {
  for (const json::Member& m : object.members()) {
    if (std::find(keys.begin(), keys.end(), std::string_view(m.key)) == keys.end()) {
      claim::fail(claim::join(path, m.key), "is not a key of santei.kougaku/1 (docs/kougaku.md)");
    }
  }
}

// A receipt's figures from a santei.result/1 object: the care cost, what the patient bore (1円,
// meals excluded) and whether a 世帯-level limit bound at the window.
void read_result(const Value& result, const Path& path, KougakuReceipt& out) {
  claim::expect(result, Type::object, path);
  if (claim::text(claim::required(result, "format", path), claim::join(path, "format")) != "santei.result/1") {
    claim::fail(claim::join(path, "format"), "a receipt's result must be santei.result/1");
  }
  if (const Value* error = claim::optional(result, "error")) {
    const Value* message = error->find("message");
    claim::fail(path, fmt::format("the receipt was not priced: {}", message ? message->text() : "error"));
  }
  if (out.id.empty()) {
    if (const Value* id = claim::optional(result, "id")) out.id = claim::text(*id, claim::join(path, "id"));
  }
  const Path cp = claim::join(path, "copay");
  const Value& copay = claim::expect(claim::required(result, "copay", path), Type::object, cp);
  const auto amount = [&](const char* key) {
    return Yen{claim::integer(claim::required(copay, key, cp), claim::join(cp, key), 0, 1'000'000'000'000)};
  };
  out.cost = amount("care_cost_yen");
  const Yen meals = claim::optional(copay, "meals_patient_yen") ? amount("meals_patient_yen") : Yen{};
  out.patient_yen = amount("patient_exact_yen") - meals;
  if (const Value* daily = claim::optional(copay, "daily")) {
    for (const Value& day : daily->items()) {
      if (const Value* limit = day.find("limit"); limit && limit->is(Type::string)) {
        out.household_limited = out.household_limited || household_limit_name(limit->text());
      }
    }
  }
}

class Reader {
 public:
  explicit Reader(const KougakuSource& source) : source_(source) {}

  KougakuHousehold read(std::string_view text) {
    const json::Document document = json::parse(text, source_.name, kMaxJsonDepth);
    const Value& root = document.root();
    claim::expect(root, Type::object, "");
    refuse_unknown(root, "", {"format", "month", "insurer", "bracket", "elderly_bracket", "benefit_months", "year_paid_yen",
                              "year_low_income", "members"});
    if (claim::text(claim::required(root, "format", ""), "format") != "santei.kougaku/1") {
      claim::fail("format", "must be \"santei.kougaku/1\"");
    }
    KougakuHousehold h;
    h.month = month(claim::required(root, "month", ""), "month");
    const std::string_view insurer = claim::text(claim::required(root, "insurer", ""), "insurer");
    if (insurer == "employee") h.insurer = InsuranceKind::employee;
    else if (insurer == "national") h.insurer = InsuranceKind::national;
    else if (insurer == "elderly") h.insurer = InsuranceKind::elderly;
    else claim::fail("insurer", fmt::format("'{}' is not one of employee, national, elderly", insurer));
    if (const Value* v = claim::optional(root, "bracket")) h.bracket = claim::text(*v, "bracket");
    if (const Value* v = claim::optional(root, "elderly_bracket")) h.elderly_bracket = claim::text(*v, "elderly_bracket");
    household_ = &h;
    if (const Value* v = claim::optional(root, "benefit_months")) {
      claim::expect(*v, Type::array, "benefit_months");
      const Path months = "benefit_months";
      for (std::size_t i = 0; i < v->items().size(); ++i) h.benefit_months.push_back(month(v->items()[i], months.at(i)));
    }
    if (const Value* v = claim::optional(root, "year_paid_yen")) h.year_paid = Yen{claim::integer(*v, "year_paid_yen", 0, 1'000'000'000)};
    if (const Value* v = claim::optional(root, "year_low_income")) h.year_low_income = claim::boolean(*v, "year_low_income");
    const Value& members = claim::expect(claim::required(root, "members", ""), Type::array, "members");
    const Path members_path = "members";
    for (std::size_t i = 0; i < members.items().size(); ++i) h.members.push_back(member(members.items()[i], members_path.at(i)));
    return h;
  }

 private:
  static YearMonth month(const Value& v, const Path& path) {
    const std::string_view t = claim::text(v, path);
    const auto m = YearMonth::parse(t);
    if (!m) claim::fail(path, fmt::format("'{}' is not a month YYYY-MM", t));
    return *m;
  }

  KougakuMember member(const Value& v, const Path& path) {
    claim::expect(v, Type::object, path);
    refuse_unknown(v, path, {"id", "birth_date", "outpatient_year_paid_yen", "receipts"});
    KougakuMember m;
    m.id = claim::text(claim::required(v, "id", path), claim::join(path, "id"));
    m.birth_date = claim::date(claim::required(v, "birth_date", path), claim::join(path, "birth_date"));
    if (const Value* y = claim::optional(v, "outpatient_year_paid_yen")) {
      m.outpatient_year_paid = Yen{claim::integer(*y, claim::join(path, "outpatient_year_paid_yen"), 0, 1'000'000'000)};
    }
    const Path rp = claim::join(path, "receipts");
    const Value& receipts = claim::expect(claim::required(v, "receipts", path), Type::array, rp);
    for (std::size_t i = 0; i < receipts.items().size(); ++i) m.receipts.push_back(receipt(receipts.items()[i], rp.at(i)));
    return m;
  }

  KougakuReceipt receipt(const Value& v, const Path& path) {
    claim::expect(v, Type::object, path);
    refuse_unknown(v, path, {"id", "institution", "prescriber", "setting", "result", "results_file", "result_id", "cost_yen",
                             "patient_yen", "household_limited", "uke_file", "uke_receipt"});
    KougakuReceipt r;
    if (const Value* x = claim::optional(v, "id")) r.id = claim::text(*x, claim::join(path, "id"));
    if (const Value* x = claim::optional(v, "institution")) r.institution = claim::text(*x, claim::join(path, "institution"));
    if (const Value* x = claim::optional(v, "prescriber")) r.prescriber = claim::text(*x, claim::join(path, "prescriber"));
    std::optional<Setting> setting;
    if (const Value* x = claim::optional(v, "setting")) {
      const std::string_view s = claim::text(*x, claim::join(path, "setting"));
      if (s == "outpatient") setting = Setting::outpatient;
      else if (s == "inpatient") setting = Setting::inpatient;
      else claim::fail(claim::join(path, "setting"), fmt::format("'{}' is not one of outpatient, inpatient", s));
    }
    const int sources = (claim::optional(v, "result") ? 1 : 0) + (claim::optional(v, "results_file") ? 1 : 0) +
                        (claim::optional(v, "cost_yen") ? 1 : 0) + (claim::optional(v, "uke_file") ? 1 : 0);
    if (sources != 1) {
      claim::fail(path, "give exactly one of result, results_file (with result_id), cost_yen (with patient_yen), uke_file (with uke_receipt)");
    }
    if (const Value* result = claim::optional(v, "result")) {
      read_result(*result, claim::join(path, "result"), r);
    } else if (const Value* file_name = claim::optional(v, "results_file")) {
      refuse_file(claim::join(path, "results_file"));
      const std::string file(claim::text(*file_name, claim::join(path, "results_file")));
      const std::string id(claim::text(claim::required(v, "result_id", path), claim::join(path, "result_id")));
      from_results_file(file, id, claim::join(path, "result_id"), r);
    } else if (const Value* cost = claim::optional(v, "cost_yen")) {
      r.cost = Yen{claim::integer(*cost, claim::join(path, "cost_yen"), 0, 1'000'000'000'000)};
      r.patient_yen = Yen{claim::integer(claim::required(v, "patient_yen", path), claim::join(path, "patient_yen"), 0, 1'000'000'000'000)};
      if (const Value* h = claim::optional(v, "household_limited")) r.household_limited = claim::boolean(*h, claim::join(path, "household_limited"));
    } else {
      refuse_file(claim::join(path, "uke_file"));
      const std::string file(claim::text(*claim::optional(v, "uke_file"), claim::join(path, "uke_file")));
      const auto number = claim::integer(claim::required(v, "uke_receipt", path), claim::join(path, "uke_receipt"), 1, 999999);
      setting = from_uke(file, number, path, r, setting);
    }
    if (!setting) claim::fail(claim::join(path, "setting"), "missing required field (outpatient or inpatient)");
    r.setting = *setting;
    if (r.id.empty()) r.id = path.str();
    return r;
  }

  void refuse_file(const Path& path) const {
    if (!source_.read_files) {
      claim::fail(path, "names a file, which this reader does not open: give the receipt as result or cost_yen", Status::invalid_argument);
    }
  }

  std::filesystem::path resolve(const std::string& file) const {
    const std::filesystem::path p(file);
    return p.is_absolute() || source_.base_dir.empty() ? p : std::filesystem::path(source_.base_dir) / p;
  }

  void from_results_file(const std::string& file, const std::string& id, const Path& path, KougakuReceipt& out) {
    auto& lines = results_[file];
    if (!lines) {
      lines = std::make_unique<std::map<std::string, std::string>>();
      std::ifstream in(resolve(file), std::ios::binary);
      if (!in) throw Exception(ErrorInfo{Status::io_error, file, 0, 0, {}, "cannot be opened"});
      std::string line;
      for (std::int64_t n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
          const json::Document document = json::parse(line, file, kMaxJsonDepth);
          const Value& v = document.root();
          if (const Value* i = v.find("id"); i && i->is(Type::string)) (*lines)[std::string(i->text())] = line;
        } catch (Exception& e) {
          ErrorInfo info = e.info();
          info.file = file;
          info.line = n;
          throw Exception(std::move(info));
        }
      }
    }
    const auto it = lines->find(id);
    if (it == lines->end()) claim::fail(path, fmt::format("no santei.result/1 line with id '{}' in {}", id, file));
    out.id = id;
    read_result(json::parse(it->second, file, kMaxJsonDepth).root(), Path(file), out);
  }

  std::optional<Setting> from_uke(const std::string& file, std::int64_t number, const Path& path, KougakuReceipt& out,
                                  std::optional<Setting> setting) {
    if (!source_.masters) claim::fail(claim::join(path, "uke_file"), "a UKE receipt is priced: give the masters (--masters)");
    auto& uke = ukes_[file];
    if (!uke) uke = std::make_unique<UkeFile>(read_uke_file(resolve(file)));
    const auto it = std::find_if(uke->receipts.begin(), uke->receipts.end(), [&](const UkeReceipt& r) { return r.number == number; });
    if (it == uke->receipts.end()) {
      claim::fail(claim::join(path, "uke_receipt"), fmt::format("{} has no well-formed receipt {} (レセプト番号)", file, number));
    }
    Claim c = it->claim;
    // A UKE receipt states the 区分 under 70 only (特記事項); the household gives it otherwise.
    if (c.insurance.income_bracket.empty()) {
      const bool elderly = c.insurance.kind == InsuranceKind::elderly || copay::age_dates(c.patient.birth_date).from70 <= c.month.first_day();
      c.insurance.income_bracket = elderly ? household_->elderly_bracket : household_->bracket;
    }
    if (out.id.empty()) out.id = fmt::format("{}#{}", file, number);
    if (out.institution.empty()) out.institution = uke->facility.name.empty() ? uke->facility.code : uke->facility.name;
    if (setting && *setting != c.setting) claim::fail(claim::join(path, "setting"), "differs from the UKE receipt's レセプト種別");
    PricedClaim priced;
    try {
      priced = price(c, *source_.masters);
    } catch (Exception& e) {
      ErrorInfo info = e.info();
      info.message = fmt::format("{} receipt {}: {}", file, number, info.message);
      throw Exception(std::move(info));
    }
    if (!priced.copay) claim::fail(claim::join(path, "uke_receipt"), "the receipt has no copayment");
    out.cost = priced.copay->care_cost;
    out.patient_yen = priced.copay->patient_exact_yen - priced.copay->meals_patient_yen;
    for (const DailyCopay& day : priced.copay->daily) out.household_limited = out.household_limited || household_limit_name(day.limit);
    return c.setting;
  }

  const KougakuSource& source_;
  const KougakuHousehold* household_ = nullptr;
  std::map<std::string, std::unique_ptr<std::map<std::string, std::string>>> results_;
  std::map<std::string, std::unique_ptr<UkeFile>> ukes_;
};

}  // namespace

KougakuHousehold parse_kougaku_household(std::string_view json, const KougakuSource& source) {
  try {
    return Reader(source).read(json);
  } catch (Exception& e) {
    if (!e.info().file.empty()) throw;
    ErrorInfo info = e.info();
    info.file = source.name;
    throw Exception(std::move(info));
  }
}

std::string kougaku_answer(std::string_view json, const KougakuSource& source) {
  const KougakuHousehold household = parse_kougaku_household(json, source);
  try {
    return kougaku_json(compute_kougaku(household));
  } catch (Exception& e) {
    if (e.info().file != "<kougaku>") throw;  // a rule file's error names the rule file
    ErrorInfo info = e.info();
    info.file = source.name;  // a household the rules cannot take (compute_kougaku): named by its file
    throw Exception(std::move(info));
  }
}

}  // namespace santei
