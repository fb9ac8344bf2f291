// Claim → santei.claim/1 JSON on one line (../shared/docs/claim-format.md §1): the counterpart of
// parse_claim. Fields at their default (time regular, days 1, count 1 …) are left out, so that the
// million-line files of a scale run stay small.
#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "santei/generate.hpp"

namespace santei {
namespace {

const char* time_text(VisitTime time) {
  switch (time) {
    case VisitTime::regular: return "regular";
    case VisitTime::after_hours: return "after_hours";
    case VisitTime::holiday: return "holiday";
    case VisitTime::late_night: return "late_night";
    case VisitTime::night_early: return "night_early";
  }
  return "regular";
}

const char* insurance_text(InsuranceKind kind) {
  switch (kind) {
    case InsuranceKind::employee: return "employee";
    case InsuranceKind::national: return "national";
    case InsuranceKind::elderly: return "elderly";
    case InsuranceKind::none: return "none";
  }
  return "employee";
}

void write_public_expense(output::JsonWriter& w, const PublicExpense& e) {
  w.begin_object().field("law", e.law);
  if (!e.payer_number.empty()) w.field("payer_number", e.payer_number);
  if (!e.recipient_number.empty()) w.field("recipient_number", e.recipient_number);
  if (e.rate) w.field("rate", *e.rate);
  if (e.monthly_cap) w.field("monthly_cap_yen", e.monthly_cap->value);
  if (e.per_visit) w.field("per_visit_yen", e.per_visit->value);
  if (e.per_day) w.field("per_day_yen", e.per_day->value);
  if (e.max_charged_days) w.field("max_charged_days", *e.max_charged_days);
  if (e.paid_this_month) w.field("paid_this_month_yen", e.paid_this_month->value);
  if (e.cap_reached_on) w.field("cap_reached_on", e.cap_reached_on->iso());
  if (!e.paid_elsewhere.empty()) {
    w.key("paid_elsewhere").begin_array();
    for (const CapPayment& p : e.paid_elsewhere) {
      w.begin_object().field("date", p.date.iso()).field("yen", p.yen.value);
      if (!p.institution.empty()) w.field("institution", p.institution);
      w.end_object();
    }
    w.end_array();
  }
  if (!e.rounding.empty()) w.field("rounding", e.rounding);
  if (!e.bracket.empty()) w.field("income_bracket", e.bracket);
  if (!e.tier.empty()) w.field("tier", e.tier);
  if (e.long_term) w.field("long_term", true);
  if (e.ventilator) w.field("ventilator", true);
  if (!e.meals.empty()) w.field("meals", e.meals);
  w.end_object();
}

void write_order(output::JsonWriter& w, const Order& order) {
  w.begin_object().field("category", category_text(order.category));
  if (order.days != 1) w.field("days", order.days);
  if (order.count != 1) w.field("count", order.count);
  if (order.burden != '\0') w.field("burden", std::string_view(&order.burden, 1));
  w.key("items").begin_array();
  for (const ClaimItem& item : order.items) {
    w.begin_object().field("code", fmt::format("{:09}", item.code));
    if (item.quantity) w.field("quantity", *item.quantity);
    if (item.unit_price) w.field("unit_price", *item.unit_price);
    if (!item.text.empty()) w.field("text", item.text);
    w.end_object();
  }
  w.end_array().end_object();
}

}  // namespace

void append_claim_json(const Claim& claim, std::string& out) {
  output::JsonWriter w;
  w.begin_object().field("format", "santei.claim/1");
  if (!claim.id.empty()) w.field("id", claim.id);
  if (!claim.extensions.empty()) w.key("extensions").raw(claim.extensions);
  if (claim.mode != ClaimMode::automatic) w.field("mode", to_string(claim.mode));
  w.field("month", claim.month.iso());
  w.field("setting", claim.setting == Setting::inpatient ? "inpatient" : "outpatient");

  w.key("facility").begin_object();
  w.field("kind", claim.facility.kind == FacilityKind::hospital ? "hospital" : "clinic");
  if (!claim.facility.name.empty()) w.field("name", claim.facility.name);
  w.field("beds", claim.facility.beds);
  if (claim.facility.general_beds >= 0) w.field("general_beds", claim.facility.general_beds);
  if (!claim.facility.standards.empty()) {
    w.key("standards").begin_array();
    for (const std::int32_t s : claim.facility.standards) w.value(s);
    w.end_array();
  }
  w.end_object();

  w.key("patient").begin_object().field("birth_date", claim.patient.birth_date.iso());
  if (claim.patient.sex != Sex::unknown) w.field("sex", claim.patient.sex == Sex::male ? "male" : "female");
  w.end_object();

  w.key("insurance").begin_object().field("kind", insurance_text(claim.insurance.kind));
  if (claim.insurance.rate) w.field("rate", *claim.insurance.rate);
  if (!claim.insurance.income_bracket.empty()) w.field("income_bracket", claim.insurance.income_bracket);
  if (claim.insurance.many_times) w.field("many_times", true);
  if (claim.insurance.special_disease_cap) w.field("special_disease_cap", claim.insurance.special_disease_cap->value);
  if (claim.insurance.meal_long_stay) w.field("meal_long_stay", true);
  w.end_object();

  if (!claim.public_expenses.empty()) {
    w.key("public_expenses").begin_array();
    for (const PublicExpense& e : claim.public_expenses) write_public_expense(w, e);
    w.end_array();
  }

  w.key("visits").begin_array();
  for (const Visit& visit : claim.visits) {
    w.begin_object().field("date", visit.date.iso());
    if (visit.time != VisitTime::regular) w.field("time", time_text(visit.time));
    w.key("orders").begin_array();
    for (const Order& order : visit.orders) write_order(w, order);
    w.end_array().end_object();
  }
  w.end_array();

  if (claim.admission) {
    const Admission& a = *claim.admission;
    w.key("admission").begin_object().field("admitted", a.admitted.iso());
    if (a.discharged) w.field("discharged", a.discharged->iso());
    if (!a.away_days.empty()) {
      w.key("away_days").begin_array();
      for (const Date d : a.away_days) w.value(d.iso());
      w.end_array();
    }
    if (!a.ward.empty()) w.field("ward", a.ward);
    if (!a.bill_dates.empty()) {
      w.key("bill_dates").begin_array();
      for (const Date d : a.bill_dates) w.value(d.iso());
      w.end_array();
    }
    w.end_object();
  }
  w.end_object();
  out += w.str();
}

std::string claim_json(const Claim& claim) {
  std::string out;
  append_claim_json(claim, out);
  return out;
}

}  // namespace santei
