// The keys of santei.claim/1 (../shared/docs/claim-format.md §1, docs/claim-inpatient.md): every
// object of a claim and the keys it may hold. To add a field, add its key here and read it in
// claim_json.cpp (or payers_json.cpp); a key that is in neither is refused by check_keys. The keys
// of visits[], their orders[] and items[] are the lists claim_json.cpp reads them with
// (known_members, which refuses any other key as it reads).
#include "claim/keys.hpp"

#include <span>
#include <string_view>
#include <vector>

#include "claim/fields.hpp"
#include "core/same_text.hpp"

namespace santei::claim {
namespace {

// A key of an object. `members`: the keys of its value when that is an object, or of each object
// of its array; empty for a key whose value holds no keys santei reads.
struct Key {
  std::string_view name;
  std::span<const Key> members = {};
};

constexpr Key kFacility[] = {{"kind"}, {"name"}, {"beds"}, {"general_beds"}, {"standards"}};
constexpr Key kPatient[] = {{"birth_date"}, {"sex"}};
constexpr Key kInsurance[] = {{"kind"},       {"rate"}, {"income_bracket"}, {"many_times"}, {"special_disease_cap"},
                              {"meal_long_stay"}};
// public_expenses[].paid_elsewhere[] (docs/cap-ledger.md)
constexpr Key kCapPayment[] = {{"date"}, {"yen"}, {"institution"}};
// public_expenses[]
constexpr Key kPublicExpense[] = {{"law"},
                                  {"payer_number"},
                                  {"recipient_number"},
                                  {"rate"},
                                  {"monthly_cap_yen"},
                                  {"per_visit_yen"},
                                  {"per_day_yen"},
                                  {"paid_this_month_yen"},
                                  {"cap_reached_on"},
                                  {"paid_elsewhere", kCapPayment},
                                  {"max_charged_days"},
                                  {"rounding"},
                                  {"income_bracket"},
                                  {"income"},
                                  {"tier"},
                                  {"long_term"},
                                  {"ventilator"},
                                  {"meals"}};

// admission.fees[], .additions[] (the {code, from, to} form), .stays[], .meals and .meals.days[]
constexpr Key kInpatientFee[] = {{"from"}, {"code"}};
constexpr Key kInpatientAddition[] = {{"code"}, {"from"}, {"to"}};
constexpr Key kStay[] = {{"from"}, {"to"}};
constexpr Key kMealDays[] = {{"from"}, {"to"}, {"served"}, {"special"}};
constexpr Key kMeals[] = {{"code"}, {"dining_room"}, {"days", kMealDays}};
// admission.dpc.grouping (the keys of conditions are checked against dpc_condition_names(), those of
// branches by the grouper against the 変換テーブル's columns)
constexpr Key kDpcGrouping[] = {{"diagnosis"}, {"surgeries"}, {"procedures"}, {"comorbidities"}, {"age"}, {"conditions"}, {"branches"}};
constexpr Key kDpcUnitAddition[] = {{"name"}, {"from"}, {"to"}, {"date"}};
constexpr Key kDpcUnit[] = {{"fee"}, {"from"}, {"to"}, {"additions", kDpcUnitAddition}};
constexpr Key kDpcStay[] = {{"code"}, {"coefficient"}, {"grouping", kDpcGrouping}, {"hospital"}, {"units", kDpcUnit}};
constexpr Key kAdmission[] = {{"admitted"},
                              {"discharged"},
                              {"away_days"},
                              {"ward"},
                              {"bill_dates"},
                              {"fee"},
                              {"fees", kInpatientFee},
                              {"additions", kInpatientAddition},
                              {"therapeutic_away_days"},
                              {"stays", kStay},
                              {"meals", kMeals},
                              {"burden"},
                              {"dpc", kDpcStay}};

// The claim itself. `extensions`: the caller's own data (an object), carried through unread.
constexpr Key kClaim[] = {{"format"},
                          {"id"},
                          {"mode"},
                          {"month"},
                          {"setting"},
                          {"facility", kFacility},
                          {"patient", kPatient},
                          {"insurance", kInsurance},
                          {"public_expenses", kPublicExpense},
                          {"visits"},  // checked as read (claim_json.cpp)
                          {"admission", kAdmission},
                          {"extensions"}};

void check_object(const json::Value& object, std::span<const Key> keys, const Path& path);

// A value whose keys are `keys`: an object, or the objects of an array. Values of another type are
// left to the field readers, which name the type they expected.
void check_value(const json::Value& value, std::span<const Key> keys, const Path& path) {
  if (value.is(json::Value::Type::object)) {
    check_object(value, keys, path);
  } else if (value.is(json::Value::Type::array)) {
    for (std::size_t i = 0; i < value.items().size(); ++i) {
      if (value.items()[i].is(json::Value::Type::object)) check_object(value.items()[i], keys, path.at(i));
    }
  }
}

void check_object(const json::Value& object, std::span<const Key> keys, const Path& path) {
  for (const json::Member& member : object.members()) {
    const Key* key = nullptr;
    for (const Key& k : keys) {
      if (same_text(k.name, member.key)) {
        key = &k;
        break;
      }
    }
    if (key == nullptr) {
      std::vector<std::string_view> names;
      for (const Key& k : keys) names.push_back(k.name);
      unknown_key(path, member.key, names);
    }
    if (!key->members.empty()) check_value(member.value, key->members, path.key(member.key));
  }
}

}  // namespace

void check_keys(const json::Value& claim) { check_object(claim, kClaim, Path()); }

}  // namespace santei::claim
