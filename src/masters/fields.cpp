#include "masters/fields.hpp"

#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "core/cp932.hpp"
#include "santei/result.hpp"

namespace santei::masters {

#define SANTEI_FIELD(key, member) \
  { key, [](Record& r) -> FieldRef { return &r.member; } }

template <>
std::span<const FieldBinding<ProcedureRecord>> field_bindings() {
  using Record = ProcedureRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code), SANTEI_FIELD("name", name),
      SANTEI_FIELD("kana", kana), SANTEI_FIELD("data_unit", data_unit),
      SANTEI_FIELD("data_unit_name", data_unit_name), SANTEI_FIELD("point_kind", point_kind),
      SANTEI_FIELD("points", points), SANTEI_FIELD("setting", setting), SANTEI_FIELD("elderly", elderly),
      SANTEI_FIELD("outpatient_column", outpatient_column), SANTEI_FIELD("lab_bundle_group", lab_bundle_group),
      SANTEI_FIELD("dpc", dpc), SANTEI_FIELD("facility_kind", facility_kind),
      SANTEI_FIELD("surgery_navigation", surgery_navigation), SANTEI_FIELD("nursing_addition", nursing_addition),
      SANTEI_FIELD("anesthesia_class", anesthesia_class), SANTEI_FIELD("diagnosis_relation", diagnosis_relation),
      SANTEI_FIELD("visit_days", visit_days), SANTEI_FIELD("days_count", days_count),
      SANTEI_FIELD("drug_relation", drug_relation), SANTEI_FIELD("stepped", stepped),
      SANTEI_FIELD("step_lower", step_lower), SANTEI_FIELD("step_upper", step_upper),
      SANTEI_FIELD("step_width", step_width), SANTEI_FIELD("step_points", step_points),
      SANTEI_FIELD("step_error", step_error), SANTEI_FIELD("max_count", max_count),
      SANTEI_FIELD("max_count_error", max_count_error), SANTEI_FIELD("addition_group", addition_group),
      SANTEI_FIELD("addition_serial", addition_serial), SANTEI_FIELD("general_age", general_age),
      SANTEI_FIELD("min_age", min_age), SANTEI_FIELD("max_age", max_age),
      SANTEI_FIELD("time_addition", time_addition), SANTEI_FIELD("conformance", conformance),
      SANTEI_FIELD("conformance_standard", conformance_standard),
      SANTEI_FIELD("infant_procedure", infant_procedure), SANTEI_FIELD("low_birth_weight", low_birth_weight),
      SANTEI_FIELD("inpatient_reduction", inpatient_reduction), SANTEI_FIELD("donor", donor),
      SANTEI_FIELD("exam_kind", exam_kind), SANTEI_FIELD("judgement_group", judgement_group),
      SANTEI_FIELD("decrement", decrement), SANTEI_FIELD("outpatient_management", outpatient_management),
      SANTEI_FIELD("old_point_kind", old_point_kind), SANTEI_FIELD("old_points", old_points),
      SANTEI_FIELD("specimen_comment", specimen_comment), SANTEI_FIELD("excluded_from_base", excluded_from_base),
      SANTEI_FIELD("bundle_decrement_group", bundle_decrement_group),
      SANTEI_FIELD("inpatient_column", inpatient_column), SANTEI_FIELD("notice_kind", notice_kind),
      SANTEI_FIELD("notice_kind_table", notice_kind_table), SANTEI_FIELD("regional_addition", regional_addition),
      SANTEI_FIELD("bed_class", bed_class), SANTEI_FIELD("facility_standard_1", facility_standards[0]),
      SANTEI_FIELD("facility_standard_2", facility_standards[1]),
      SANTEI_FIELD("facility_standard_3", facility_standards[2]),
      SANTEI_FIELD("facility_standard_4", facility_standards[3]),
      SANTEI_FIELD("facility_standard_5", facility_standards[4]),
      SANTEI_FIELD("facility_standard_6", facility_standards[5]),
      SANTEI_FIELD("facility_standard_7", facility_standards[6]),
      SANTEI_FIELD("facility_standard_8", facility_standards[7]),
      SANTEI_FIELD("facility_standard_9", facility_standards[8]),
      SANTEI_FIELD("facility_standard_10", facility_standards[9]),
      SANTEI_FIELD("short_stay_surgery", short_stay_surgery), SANTEI_FIELD("section_letter", section_letter),
      SANTEI_FIELD("valid_from", valid_from), SANTEI_FIELD("valid_to", valid_to),
      SANTEI_FIELD("publication_order", publication_order), SANTEI_FIELD("chapter", chapter),
      SANTEI_FIELD("part", part), SANTEI_FIELD("section_number", section_number), SANTEI_FIELD("branch", branch),
      SANTEI_FIELD("item", item), SANTEI_FIELD("age_addition_1_lower", age_additions[0].lower),
      SANTEI_FIELD("age_addition_1_upper", age_additions[0].upper),
      SANTEI_FIELD("age_addition_1_code", age_additions[0].code),
      SANTEI_FIELD("age_addition_2_lower", age_additions[1].lower),
      SANTEI_FIELD("age_addition_2_upper", age_additions[1].upper),
      SANTEI_FIELD("age_addition_2_code", age_additions[1].code),
      SANTEI_FIELD("age_addition_3_lower", age_additions[2].lower),
      SANTEI_FIELD("age_addition_3_upper", age_additions[2].upper),
      SANTEI_FIELD("age_addition_3_code", age_additions[2].code),
      SANTEI_FIELD("age_addition_4_lower", age_additions[3].lower),
      SANTEI_FIELD("age_addition_4_upper", age_additions[3].upper),
      SANTEI_FIELD("age_addition_4_code", age_additions[3].code), SANTEI_FIELD("predecessor", predecessor),
      SANTEI_FIELD("full_name", full_name), SANTEI_FIELD("infection_control", infection_control),
      SANTEI_FIELD("nursing_pay_eval", nursing_pay_eval), SANTEI_FIELD("baseup_eval_1", baseup_eval_1),
      SANTEI_FIELD("baseup_eval_2", baseup_eval_2), SANTEI_FIELD("price_response_kind", price_response_kind),
      SANTEI_FIELD("price_response_group", price_response_group), SANTEI_FIELD("organ_transplant", organ_transplant),
      SANTEI_FIELD("robotic_surgery", robotic_surgery), SANTEI_FIELD("remote_prescription", remote_prescription),
      SANTEI_FIELD("surgical_care", surgical_care),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<DrugRecord>> field_bindings() {
  using Record = DrugRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code), SANTEI_FIELD("name", name),
      SANTEI_FIELD("unit", unit), SANTEI_FIELD("unit_name", unit_name),
      SANTEI_FIELD("price_kind", price_kind), SANTEI_FIELD("price", price), SANTEI_FIELD("narcotic", narcotic),
      SANTEI_FIELD("neurolytic", neurolytic), SANTEI_FIELD("biologic", biologic), SANTEI_FIELD("generic", generic),
      SANTEI_FIELD("contrast", contrast), SANTEI_FIELD("injection_volume", injection_volume),
      SANTEI_FIELD("listing_method", listing_method), SANTEI_FIELD("brand_relation", brand_relation),
      SANTEI_FIELD("old_price_kind", old_price_kind), SANTEI_FIELD("old_price", old_price),
      SANTEI_FIELD("form", form), SANTEI_FIELD("valid_from", valid_from), SANTEI_FIELD("valid_to", valid_to),
      SANTEI_FIELD("yj_code", yj_code), SANTEI_FIELD("publication_order", publication_order),
      SANTEI_FIELD("transition_end", transition_end), SANTEI_FIELD("full_name", full_name),
      SANTEI_FIELD("listed_on", listed_on), SANTEI_FIELD("generic_name_code", generic_name_code),
      SANTEI_FIELD("generic_prescription_text", generic_prescription_text),
      SANTEI_FIELD("generic_prescription_addition", generic_prescription_addition),
      SANTEI_FIELD("anti_hiv", anti_hiv), SANTEI_FIELD("long_listed_relation", long_listed_relation),
      SANTEI_FIELD("selective_care", selective_care),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<MaterialRecord>> field_bindings() {
  using Record = MaterialRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code), SANTEI_FIELD("name", name),
      SANTEI_FIELD("unit", unit), SANTEI_FIELD("unit_name", unit_name),
      SANTEI_FIELD("price_kind", price_kind), SANTEI_FIELD("price", price),
      SANTEI_FIELD("age_addition", age_addition), SANTEI_FIELD("min_age", min_age),
      SANTEI_FIELD("max_age", max_age), SANTEI_FIELD("old_price_kind", old_price_kind),
      SANTEI_FIELD("old_price", old_price), SANTEI_FIELD("oxygen_kind", oxygen_kind),
      SANTEI_FIELD("material_kind", material_kind), SANTEI_FIELD("price_cap", price_cap),
      SANTEI_FIELD("point_cap", point_cap), SANTEI_FIELD("publication_order", publication_order),
      SANTEI_FIELD("successor", successor), SANTEI_FIELD("valid_from", valid_from),
      SANTEI_FIELD("transition_end", transition_end), SANTEI_FIELD("valid_to", valid_to),
      SANTEI_FIELD("table_number", table_number), SANTEI_FIELD("table_section", table_section),
      SANTEI_FIELD("dpc", dpc), SANTEI_FIELD("full_name", full_name), SANTEI_FIELD("reprocessed", reprocessed),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<CommentRecord>> field_bindings() {
  using Record = CommentRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("pattern", pattern), SANTEI_FIELD("serial", serial),
      SANTEI_FIELD("text", text),
      SANTEI_FIELD("edit_column_1", edit_positions[0]), SANTEI_FIELD("edit_digits_1", edit_positions[1]),
      SANTEI_FIELD("edit_column_2", edit_positions[2]), SANTEI_FIELD("edit_digits_2", edit_positions[3]),
      SANTEI_FIELD("edit_column_3", edit_positions[4]), SANTEI_FIELD("edit_digits_3", edit_positions[5]),
      SANTEI_FIELD("edit_column_4", edit_positions[6]), SANTEI_FIELD("edit_digits_4", edit_positions[7]),
      SANTEI_FIELD("selectable", selectable), SANTEI_FIELD("valid_from", valid_from),
      SANTEI_FIELD("valid_to", valid_to), SANTEI_FIELD("code", code),
      SANTEI_FIELD("publication_order", publication_order),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<DiseaseRecord>> field_bindings() {
  using Record = DiseaseRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code), SANTEI_FIELD("successor", successor),
      SANTEI_FIELD("name", name),
      SANTEI_FIELD("management_number", management_number), SANTEI_FIELD("adoption", adoption),
      SANTEI_FIELD("exchange_code", exchange_code), SANTEI_FIELD("icd10_1", icd10_1),
      SANTEI_FIELD("icd10_2", icd10_2), SANTEI_FIELD("not_alone", not_alone),
      SANTEI_FIELD("not_billable", not_billable), SANTEI_FIELD("specific_disease", specific_disease),
      SANTEI_FIELD("listed_on", listed_on), SANTEI_FIELD("valid_from", valid_from),
      SANTEI_FIELD("valid_to", valid_to), SANTEI_FIELD("intractable_outpatient", intractable_outpatient),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<ModifierRecord>> field_bindings() {
  using Record = ModifierRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code), SANTEI_FIELD("name", name),
      SANTEI_FIELD("listed_on", listed_on), SANTEI_FIELD("valid_from", valid_from),
      SANTEI_FIELD("valid_to", valid_to), SANTEI_FIELD("management_number", management_number),
      SANTEI_FIELD("exchange_code", exchange_code), SANTEI_FIELD("modifier_class", modifier_class),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<AuxiliaryRecord>> field_bindings() {
  using Record = AuxiliaryRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code),
      SANTEI_FIELD("bundle_unit_1", bundle_units[0]), SANTEI_FIELD("bundle_group_1", bundle_groups[0]),
      SANTEI_FIELD("bundle_unit_2", bundle_units[1]), SANTEI_FIELD("bundle_group_2", bundle_groups[1]),
      SANTEI_FIELD("bundle_unit_3", bundle_units[2]), SANTEI_FIELD("bundle_group_3", bundle_groups[2]),
      SANTEI_FIELD("exclusive_day", exclusive_day), SANTEI_FIELD("exclusive_month", exclusive_month),
      SANTEI_FIELD("exclusive_same_time", exclusive_same_time), SANTEI_FIELD("exclusive_week", exclusive_week),
      SANTEI_FIELD("inpatient_group", inpatient_group), SANTEI_FIELD("has_count_limits", has_count_limits),
      SANTEI_FIELD("valid_from", valid_from), SANTEI_FIELD("valid_to", valid_to),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<BundleMemberRecord>> field_bindings() {
  using Record = BundleMemberRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("group", group), SANTEI_FIELD("code", code),
      SANTEI_FIELD("special", special), SANTEI_FIELD("valid_from", valid_from),
      SANTEI_FIELD("valid_to", valid_to),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<ExclusionRecord>> field_bindings() {
  using Record = ExclusionRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code1", code1), SANTEI_FIELD("code2", code2),
      SANTEI_FIELD("keep", keep),
      SANTEI_FIELD("special", special), SANTEI_FIELD("valid_from", valid_from), SANTEI_FIELD("valid_to", valid_to),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<InpatientAdditionRecord>> field_bindings() {
  using Record = InpatientAdditionRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("group", group), SANTEI_FIELD("code", code),
      SANTEI_FIELD("addition_class", addition_class),
      SANTEI_FIELD("valid_from", valid_from), SANTEI_FIELD("valid_to", valid_to),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<CountLimitRecord>> field_bindings() {
  using Record = CountLimitRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("code", code), SANTEI_FIELD("unit", unit),
      SANTEI_FIELD("unit_name", unit_name), SANTEI_FIELD("limit", limit),
      SANTEI_FIELD("special", special), SANTEI_FIELD("valid_from", valid_from), SANTEI_FIELD("valid_to", valid_to),
  };
  return bindings;
}

template <>
std::span<const FieldBinding<CommentLinkRecord>> field_bindings() {
  using Record = CommentLinkRecord;
  static const FieldBinding<Record> bindings[] = {
      SANTEI_FIELD("change", change), SANTEI_FIELD("notice", notice), SANTEI_FIELD("item_number", item_number),
      SANTEI_FIELD("section", section), SANTEI_FIELD("branch", branch), SANTEI_FIELD("procedure", procedure),
      SANTEI_FIELD("procedure_name", procedure_name), SANTEI_FIELD("comment", comment),
      SANTEI_FIELD("condition_text", condition_text), SANTEI_FIELD("valid_from", valid_from),
      SANTEI_FIELD("valid_to", valid_to), SANTEI_FIELD("condition", condition),
      SANTEI_FIELD("non_billing_reason", non_billing_reason), SANTEI_FIELD("setting", setting),
      SANTEI_FIELD("count", count), SANTEI_FIELD("publication_order", publication_order),
  };
  return bindings;
}

#undef SANTEI_FIELD

std::string column_label(const LayoutColumn& column) {
  return fmt::format("{} (col {})", column.name, column.number);
}

namespace {

// Whether the layout type can fill the field the binding points at.
bool compatible(FieldType type, const FieldRef& ref) {
  switch (type) {
    case FieldType::change: return std::holds_alternative<ChangeKind*>(ref);
    case FieldType::code: return std::holds_alternative<Code*>(ref);
    case FieldType::integer: return std::holds_alternative<std::int32_t*>(ref);
    case FieldType::integer64: return std::holds_alternative<std::int64_t*>(ref);
    case FieldType::decimal: return std::holds_alternative<Decimal*>(ref);
    case FieldType::date: return std::holds_alternative<Date*>(ref);
    case FieldType::text: return std::holds_alternative<std::string*>(ref);
    case FieldType::age: return std::holds_alternative<AgeCode*>(ref);
    case FieldType::character: return std::holds_alternative<char*>(ref);
    case FieldType::none:
    case FieldType::kind: return false;
  }
  return false;
}

// A field's text as a message shows it: UTF-8 (the reader has validated the CP932 bytes).
std::string shown(std::string_view text) {
  std::string out;
  cp932::decode_append(text, out);
  return out;
}

template <class Int>
bool parse_int(std::string_view text, Int& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// Why `text` is not a whole number of `bits` bits: digits beyond the range, or not digits at all.
std::string not_whole(std::string_view text, int bits) {
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    return fmt::format("'{}' is out of the range of a {}-bit whole number", text, bits);
  }
  return fmt::format("'{}' is not a whole number", shown(text));
}

}  // namespace

template <class Record>
RowDecoder<Record>::RowDecoder(const Layout& layout, std::string file) : layout_(layout), file_(std::move(file)) {
  Record probe{};
  for (std::size_t i = 0; i < layout.by_number.size(); ++i) {
    const LayoutColumn& column = layout.by_number[i];
    if (column.type == FieldType::kind) {
      fixed_.push_back(&column);
      continue;
    }
    if (column.key.empty()) continue;
    const FieldBinding<Record>* binding = nullptr;
    for (const FieldBinding<Record>& candidate : field_bindings<Record>()) {
      if (candidate.key == column.key) binding = &candidate;
    }
    if (!binding || !compatible(column.type, binding->ref(probe))) {
      throw Exception(ErrorInfo{Status::master_error, "layouts/" + layout.id + ".xml", 0, column.number, column.key,
                                binding ? "the column type does not fit the record field"
                                        : "no record field has this key"});
    }
    bound_.push_back(Bound{i, &column, binding->ref});
  }
}

template <class Record>
void RowDecoder<Record>::fail(std::int64_t line, const LayoutColumn& column, std::string message) const {
  throw Exception(ErrorInfo{Status::parse_error, file_, line, column.number, column_label(column), std::move(message)});
}

template <class Record>
void RowDecoder<Record>::check_fixed(const std::vector<std::string_view>& fields, std::int64_t line) const {
  for (const LayoutColumn* column : fixed_) {
    const std::string_view value = fields[static_cast<std::size_t>(column->number - 1)];
    if (value != column->fixed) {
      fail(line, *column, fmt::format("'{}' where the {} layout has '{}' (wrong master file?)", shown(value),
                                      layout_.id, column->fixed));
    }
  }
}

template <class Record>
void RowDecoder<Record>::decode(const std::vector<std::string_view>& fields, std::int64_t line, Record& record,
                                bool merge) const {
  check_fixed(fields, line);
  for (const Bound& bound : bound_) {
    const std::string_view text = fields[bound.index];
    const LayoutColumn& column = *bound.column;
    if (text.empty()) {
      if (merge) continue;
      if (column.required) fail(line, column, "required value is empty");
    }
    const FieldRef ref = bound.ref(record);
    switch (column.type) {
      case FieldType::change: {
        int v = -1;
        if (text.size() == 1) v = text[0] - '0';
        if (v != 0 && v != 1 && v != 2 && v != 3 && v != 5 && v != 9) {
          fail(line, column, fmt::format("'{}' is not a 変更区分 (0, 1, 2, 3, 5 or 9)", shown(text)));
        }
        *std::get<ChangeKind*>(ref) = static_cast<ChangeKind>(v);
        break;
      }
      case FieldType::code: {
        Code v = 0;
        if (!text.empty() && (text.size() > 9 || !parse_int(text, v))) {
          fail(line, column, fmt::format("'{}' is not a code of up to 9 digits", shown(text)));
        }
        *std::get<Code*>(ref) = v;
        break;
      }
      case FieldType::integer: {
        std::int32_t v = 0;
        if (!text.empty() && !parse_int(text, v)) fail(line, column, not_whole(text, 32));
        *std::get<std::int32_t*>(ref) = v;
        break;
      }
      case FieldType::integer64: {
        std::int64_t v = 0;
        if (!text.empty() && !parse_int(text, v)) fail(line, column, not_whole(text, 64));
        *std::get<std::int64_t*>(ref) = v;
        break;
      }
      case FieldType::decimal: {
        Decimal v;
        if (!text.empty()) {
          auto parsed = Decimal::parse(text);
          if (!parsed) fail(line, column, fmt::format("'{}' is not a decimal number", shown(text)));
          v = *parsed;
        }
        *std::get<Decimal*>(ref) = v;
        break;
      }
      case FieldType::date: {
        Date v;
        if (!text.empty() && text != "0" && text != "00000000") {
          auto parsed = Date::parse_compact(text);
          if (!parsed) fail(line, column, fmt::format("'{}' is not a date (YYYYMMDD)", shown(text)));
          v = *parsed;
        }
        *std::get<Date*>(ref) = v;
        break;
      }
      case FieldType::text: {
        std::string& out = *std::get<std::string*>(ref);
        out.clear();
        cp932::decode_append(text, out);  // the reader has validated the bytes
        break;
      }
      case FieldType::age: {
        AgeCode v;
        if (!text.empty()) {
          if (text.size() != 2) {
            fail(line, column, fmt::format("'{}' is not a two-character age code", shown(text)));
          }
          v.raw = {text[0], text[1]};
          if (!v.valid()) fail(line, column, fmt::format("'{}' is not an age code of the spec", shown(text)));
        }
        *std::get<AgeCode*>(ref) = v;
        break;
      }
      case FieldType::character: {
        if (text.size() > 1) fail(line, column, fmt::format("'{}' is longer than one character", shown(text)));
        *std::get<char*>(ref) = text.empty() ? '0' : text[0];
        break;
      }
      case FieldType::none:
      case FieldType::kind: break;
    }
  }
}

template class RowDecoder<ProcedureRecord>;
template class RowDecoder<DrugRecord>;
template class RowDecoder<MaterialRecord>;
template class RowDecoder<CommentRecord>;
template class RowDecoder<DiseaseRecord>;
template class RowDecoder<ModifierRecord>;
template class RowDecoder<AuxiliaryRecord>;
template class RowDecoder<BundleMemberRecord>;
template class RowDecoder<ExclusionRecord>;
template class RowDecoder<InpatientAdditionRecord>;
template class RowDecoder<CountLimitRecord>;
template class RowDecoder<CommentLinkRecord>;

}  // namespace santei::masters
