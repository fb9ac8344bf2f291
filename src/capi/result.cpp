// santei_result: the typed figures vendors read most, and the whole JSON.
#include <fmt/format.h>

#include "capi/handles.hpp"

namespace santei::capi {
namespace {

const santei_result& result_handle(const santei_result* result) {
  return checked(result, Tag::result, "result", "santei_result");
}

template <class Items>
const typename Items::value_type& at(const Items& items, std::size_t index, std::string_view what) {
  if (index >= items.size()) {
    invalid_argument("index", fmt::format("{} is out of range: the result has {} {}", index, items.size(), what));
  }
  return items[index];
}

// A copay figure; not_found when the context priced without copay.
int copay_figure(std::int64_t* out, const santei_result* result, std::int64_t santei_result::*figure) {
  return firewall([&] {
    std::int64_t& value = out_param(out, "out");
    const santei_result& r = result_handle(result);
    if (!r.has_copay) {
      throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, "copay",
                                "the result has no copay: the context was created with options.copay = 0"});
    }
    value = r.*figure;
  });
}

}  // namespace
}  // namespace santei::capi

using namespace santei::capi;

extern "C" {

SANTEI_C_API void santei_result_free(santei_result* result) {
  free_handle(result, Tag::result, "result", "santei_result");
}

SANTEI_C_API int santei_result_json(const char** out, size_t* length, const santei_result* result) {
  return firewall([&] {
    const char*& json = out_param(out, "out");
    const santei_result& r = result_handle(result);
    json = r.json.c_str();
    if (length != nullptr) *length = r.json.size();
  });
}

SANTEI_C_API int santei_result_revision(const char** out, const santei_result* result) {
  return firewall([&] { out_param(out, "out") = result_handle(result).revision.c_str(); });
}

SANTEI_C_API int santei_result_total_points(int64_t* out, const santei_result* result) {
  return firewall([&] { out_param(out, "out") = result_handle(result).total_points; });
}

SANTEI_C_API int santei_result_patient_yen(int64_t* out, const santei_result* result) {
  return copay_figure(out, result, &santei_result::patient_yen);
}

SANTEI_C_API int santei_result_insurer_yen(int64_t* out, const santei_result* result) {
  return copay_figure(out, result, &santei_result::insurer_yen);
}

SANTEI_C_API int santei_result_medical_cost_yen(int64_t* out, const santei_result* result) {
  return copay_figure(out, result, &santei_result::medical_cost_yen);
}

SANTEI_C_API int santei_result_public_expense_count(size_t* out, const santei_result* result) {
  return firewall([&] { out_param(out, "out") = result_handle(result).public_expenses.size(); });
}

SANTEI_C_API int santei_result_public_expense(const char** law, int64_t* yen, const santei_result* result, size_t index) {
  return firewall([&] {
    const char*& law_out = out_param(law, "law");
    std::int64_t& yen_out = out_param(yen, "yen");
    const PublicExpense& share = at(result_handle(result).public_expenses, index, "public expenses");
    law_out = share.law.c_str();
    yen_out = share.yen;
  });
}

SANTEI_C_API int santei_result_cap_ledger_count(size_t* out, const santei_result* result, size_t expense) {
  return firewall([&] {
    size_t& count = out_param(out, "out");
    count = at(result_handle(result).public_expenses, expense, "public expenses").ledger.size();
  });
}

SANTEI_C_API int santei_result_cap_ledger_line(const char** date, int64_t* cost_yen, int64_t* patient_yen,
                                               int64_t* cumulative_yen, int* reached, const santei_result* result,
                                               size_t expense, size_t line) {
  return firewall([&] {
    const char*& date_out = out_param(date, "date");
    std::int64_t& cost_out = out_param(cost_yen, "cost_yen");
    std::int64_t& patient_out = out_param(patient_yen, "patient_yen");
    std::int64_t& cumulative_out = out_param(cumulative_yen, "cumulative_yen");
    int& reached_out = out_param(reached, "reached");
    const LedgerLine& l = at(at(result_handle(result).public_expenses, expense, "public expenses").ledger, line, "ledger lines");
    date_out = l.date.c_str();
    cost_out = l.cost;
    patient_out = l.patient;
    cumulative_out = l.cumulative;
    reached_out = l.reached ? 1 : 0;
  });
}

SANTEI_C_API int santei_result_diagnostic_count(size_t* out, const santei_result* result) {
  return firewall([&] { out_param(out, "out") = result_handle(result).diagnostics.size(); });
}

SANTEI_C_API int santei_result_diagnostic(int* severity, const char** rule, const char** message,
                                          const santei_result* result, size_t index) {
  return firewall([&] {
    int& severity_out = out_param(severity, "severity");
    const char*& rule_out = out_param(rule, "rule");
    const char*& message_out = out_param(message, "message");
    const DiagnosticView& d = at(result_handle(result).diagnostics, index, "diagnostics");
    severity_out = d.severity;
    rule_out = d.rule.c_str();
    message_out = d.message.c_str();
  });
}

}  // extern "C"
