// Applying local programmes to a claim: the row a 地方単独 公費 matches, and its parameters.
#include <fmt/format.h>

#include "copay/rule_set.hpp"
#include "santei/local_programmes.hpp"

namespace santei {
namespace {

bool states_parameters(const PublicExpense& e) {
  return e.rate || e.per_visit || e.per_day || e.monthly_cap || e.max_charged_days;
}

const LocalCharge* charge_for(const LocalProgramme& row, Setting setting) {
  const std::optional<LocalCharge>& c = setting == Setting::inpatient ? row.inpatient : row.outpatient;
  return c ? &*c : nullptr;
}

std::string who(const PublicExpense& e) {
  return fmt::format("法別 {} (公費負担者番号 {})", e.law, e.payer_number.empty() ? std::string("not given") : e.payer_number);
}

}  // namespace

const LocalProgramme* LocalProgrammes::find(const Claim& claim, std::size_t index, std::string& why) const {
  const PublicExpense& e = claim.public_expenses.at(index);
  const Date on = claim.month.first_day();
  const int age = age_in_years(claim.patient.birth_date, on);
  const std::string prefecture = e.payer_number.size() == 8 ? e.payer_number.substr(2, 2) : std::string();
  const LocalProgramme* best = nullptr;
  std::size_t best_length = 0;
  std::vector<const LocalProgramme*> by_income;  // rows tied with `best` that differ by income
  std::string near;  // why the closest row did not fit
  for (const LocalProgramme& row : rows_) {
    if (row.law.empty() || row.law != e.law || row.prefecture != prefecture) continue;
    std::size_t length = row.law.size();
    if (!row.numbers.empty()) {
      length = 0;
      for (const std::string& n : row.numbers) {
        if (e.payer_number.starts_with(n) && n.size() > length) length = n.size();
      }
      if (length == 0) continue;
    }
    if (!row.period.contains(on)) {
      near = fmt::format("{} ({}:{}) is in force {} to {}", row.id, row.file, row.line, row.period.from.iso(),
                         row.period.to.is_open_end() ? std::string("open") : row.period.to.iso());
      continue;
    }
    const LocalCharge* c = charge_for(row, claim.setting);
    if (!c) {
      near = fmt::format("{} ({}:{}) does not cover {} care", row.id, row.file, row.line,
                         claim.setting == Setting::inpatient ? "inpatient" : "outpatient");
      continue;
    }
    if (age < c->min_age || age > c->max_age) {
      near = fmt::format("{} ({}:{}) covers ages {}–{}, the patient is {}", row.id, row.file, row.line, c->min_age, c->max_age, age);
      continue;
    }
    if (!row.income.empty() && !e.income.empty() && row.income != e.income) continue;
    if (best && length < best_length) continue;
    if (!best || length > best_length) {
      best = &row;
      best_length = length;
      by_income.clear();
    } else if (!row.income.empty() && row.income != best->income) {
      by_income.push_back(&row);
    }
  }
  if (best && !by_income.empty() && e.income.empty()) {
    why = fmt::format("needs parameters for {}: {} charges by income — give public_expenses[{}].income (taxed or exempt)",
                      who(e), best->name, index);
    return nullptr;
  }
  if (!best) {
    why = fmt::format("needs parameters for {}: no local programme row fits{}", who(e), near.empty() ? "" : " (" + near + ")");
  }
  return best;
}

LocalFill fill_local_programmes(const Claim& claim, const LocalProgrammes* programmes) {
  LocalFill out;
  if (claim.public_expenses.empty()) return out;
  const copay::ProgrammeTable& table = copay::rules().programmes.at(claim.month.first_day()).value;
  std::shared_ptr<const LocalProgrammes> shipped;
  for (std::size_t i = 0; i < claim.public_expenses.size(); ++i) {
    const PublicExpense& stated = claim.public_expenses[i];
    if (table.find(stated.law) || !table.is_local(stated.law) || states_parameters(stated)) continue;
    if (!programmes) {
      shipped = LocalProgrammes::shipped();
      programmes = shipped.get();
    }
    std::string why;
    const LocalProgramme* row = programmes->find(claim, i, why);
    if (!row) {
      out.unmatched.emplace_back(i, std::move(why));
      continue;
    }
    const LocalCharge& c = *charge_for(*row, claim.setting);
    if (claim.setting == Setting::inpatient && c.per_day) {
      // The copayment charges a per-day amount once per visit date, i.e. once per bill inpatient:
      // a row charging per inpatient day would be mispriced, so it is not applied.
      out.unmatched.emplace_back(i, fmt::format("needs parameters for {}: {} ({}:{}) charges per inpatient day, which santei's "
                                                "copayment cannot apply yet (it charges once per bill)",
                                                who(stated), row->id, row->file, row->line));
      continue;
    }
    if (!out.filled) out.filled = claim.public_expenses;
    PublicExpense& e = (*out.filled)[i];
    e.rate = c.rate;
    e.per_visit = c.per_visit;
    e.per_day = c.per_day;
    e.max_charged_days = c.max_days;
    e.monthly_cap = c.monthly_cap;
    if (e.meals.empty()) e.meals = row->meals;
    e.programme = fmt::format("{} ({}:{}; {})", row->name, row->file, row->line, row->source);
  }
  return out;
}

}  // namespace santei
