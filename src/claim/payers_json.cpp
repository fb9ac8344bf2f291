// insurance and public_expenses of santei.claim/1.
#include "claim/payers_json.hpp"

#include <cctype>

#include <fmt/format.h>

#include "claim/fields.hpp"

namespace santei::claim {

Insurance read_insurance(const json::Value& object, const Path& path) {
  expect(object, json::Value::Type::object, path);
  static constexpr std::string_view kKeys[] = {"kind",       "rate",           "income_bracket", "many_times",
                                               "special_disease_cap", "meal_long_stay"};
  const auto [kind_value, rate, bracket, many, cap, long_stay] = members(object, kKeys);
  Insurance insurance;
  const std::string_view kind = text(required(kind_value, "kind", path), join(path, "kind"));
  if (kind == "employee") insurance.kind = InsuranceKind::employee;
  else if (kind == "national") insurance.kind = InsuranceKind::national;
  else if (kind == "elderly") insurance.kind = InsuranceKind::elderly;
  else if (kind == "none") insurance.kind = InsuranceKind::none;
  else fail(join(path, "kind"), fmt::format("'{}' is not one of employee, national, elderly, none", kind));
  if (rate) {
    const Decimal r = decimal(*rate, join(path, "rate"));
    if (r < Decimal(0) || r > Decimal(1)) fail(join(path, "rate"), fmt::format("{} is outside 0–1", r.to_string()));
    insurance.rate = r;
  }
  if (bracket) insurance.income_bracket = text(*bracket, join(path, "income_bracket"));
  if (many) insurance.many_times = boolean(*many, join(path, "many_times"));
  if (cap) insurance.special_disease_cap = Yen{integer(*cap, join(path, "special_disease_cap"), 0, 1'000'000)};
  if (long_stay) insurance.meal_long_stay = boolean(*long_stay, join(path, "meal_long_stay"));
  return insurance;
}

std::vector<PublicExpense> read_public_expenses(const json::Value& array, const Path& path) {
  expect(array, json::Value::Type::array, path);
  if (array.items().size() > 4) fail(path, "at most four 公費 can be combined on one receipt");
  std::vector<PublicExpense> out;
  for (std::size_t i = 0; i < array.items().size(); ++i) {
    const Path at = index(path, i);
    const json::Value& item = expect(array.items()[i], json::Value::Type::object, at);
    PublicExpense expense;
    expense.law = text(required(item, "law", at), join(at, "law"));
    if (expense.law.size() != 2 || !std::isdigit(static_cast<unsigned char>(expense.law[0])) ||
        !std::isdigit(static_cast<unsigned char>(expense.law[1]))) {
      fail(join(at, "law"), fmt::format("'{}' is not a two-digit 法別番号", expense.law));
    }
    const auto yen = [&](const char* key) -> std::optional<Yen> {
      if (const json::Value* v = optional(item, key)) return Yen{integer(*v, join(at, key), 0, 100'000'000)};
      return std::nullopt;
    };
    if (const json::Value* v = optional(item, "payer_number")) expense.payer_number = text(*v, join(at, "payer_number"));
    if (const json::Value* v = optional(item, "recipient_number")) {
      expense.recipient_number = text(*v, join(at, "recipient_number"));
    }
    if (const json::Value* v = optional(item, "rate")) {
      const Decimal r = decimal(*v, join(at, "rate"));
      if (r < Decimal(0) || r > Decimal(1)) fail(join(at, "rate"), fmt::format("{} is outside 0–1", r.to_string()));
      expense.rate = r;
    }
    expense.monthly_cap = yen("monthly_cap_yen");
    expense.per_visit = yen("per_visit_yen");
    expense.per_day = yen("per_day_yen");
    expense.paid_this_month = yen("paid_this_month_yen");
    if (const json::Value* v = optional(item, "cap_reached_on")) expense.cap_reached_on = date(*v, join(at, "cap_reached_on"));
    if (const json::Value* v = optional(item, "paid_elsewhere")) {
      const Path list = join(at, "paid_elsewhere");
      expect(*v, json::Value::Type::array, list);
      for (std::size_t j = 0; j < v->items().size(); ++j) {
        const Path line = index(list, j);
        const json::Value& entry = expect(v->items()[j], json::Value::Type::object, line);
        CapPayment payment;
        payment.date = date(required(entry, "date", line), join(line, "date"));
        payment.yen = Yen{integer(required(entry, "yen", line), join(line, "yen"), 0, 100'000'000)};
        if (const json::Value* n = optional(entry, "institution")) payment.institution = text(*n, join(line, "institution"));
        expense.paid_elsewhere.push_back(std::move(payment));
      }
    }
    if (const json::Value* v = optional(item, "max_charged_days")) {
      expense.max_charged_days = static_cast<std::int32_t>(integer(*v, join(at, "max_charged_days"), 0, 31));
    }
    if (const json::Value* v = optional(item, "rounding")) {
      expense.rounding = text(*v, join(at, "rounding"));
      if (expense.rounding != "round10" && expense.rounding != "exact" && expense.rounding != "floor10") {
        fail(join(at, "rounding"), fmt::format("'{}' is not one of round10, exact, floor10", expense.rounding));
      }
    }
    if (const json::Value* v = optional(item, "income_bracket")) expense.bracket = text(*v, join(at, "income_bracket"));
    if (const json::Value* v = optional(item, "income")) {
      expense.income = text(*v, join(at, "income"));
      if (expense.income != "taxed" && expense.income != "exempt") {
        fail(join(at, "income"), fmt::format("'{}' is not one of taxed, exempt", expense.income));
      }
    }
    if (const json::Value* v = optional(item, "tier")) expense.tier = text(*v, join(at, "tier"));
    if (const json::Value* v = optional(item, "long_term")) expense.long_term = boolean(*v, join(at, "long_term"));
    if (const json::Value* v = optional(item, "ventilator")) expense.ventilator = boolean(*v, join(at, "ventilator"));
    if (const json::Value* v = optional(item, "meals")) {
      expense.meals = text(*v, join(at, "meals"));
      if (expense.meals != "patient" && expense.meals != "half" && expense.meals != "covered") {
        fail(join(at, "meals"), fmt::format("'{}' is not one of patient, half, covered", expense.meals));
      }
    }
    out.push_back(std::move(expense));
  }
  return out;
}

}  // namespace santei::claim
