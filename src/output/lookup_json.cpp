// santei.lookup/1: a code's record in force on a date, its versions and its rule-graph edges.
#include "santei/lookup.hpp"

#include <fmt/format.h>

#include "masters/fields.hpp"
#include "masters/master_data.hpp"
#include "output/json_writer.hpp"
#include "santei/rules.hpp"

namespace santei {
namespace {

using output::JsonWriter;

const masters::Layout& widest_layout(std::string_view kind) {
  const masters::Layout* widest = nullptr;
  for (const masters::Layout& layout : masters::all_layouts()) {
    if (layout.kind == kind && (!widest || layout.columns > widest->columns)) widest = &layout;
  }
  return *widest;
}

std::string code_text(Code code, bool disease) {
  return disease ? fmt::format("{:07}", code) : fmt::format("{}", code);
}

void write_date(JsonWriter& json, Date date) {
  if (date == Date{}) {
    json.null();
  } else if (date.is_open_end()) {
    json.value("open");
  } else {
    json.value(date.iso());
  }
}

// Every keyed column of the record's layout, in column order: {"key": {"col", "name", "value"}}.
template <class Record>
void write_columns(JsonWriter& json, const Record& record, std::string_view kind) {
  const masters::Layout& layout = widest_layout(kind);
  Record copy = record;  // the bindings hand out mutable field pointers
  json.key("columns").begin_object();
  for (const masters::LayoutColumn& column : layout.by_number) {
    if (column.key.empty()) continue;
    for (const auto& binding : masters::field_bindings<Record>()) {
      if (binding.key != column.key) continue;
      json.key(column.key).begin_object().field("col", column.number).field("name", column.name).key("value");
      std::visit(
          [&](auto* field) {
            using T = std::remove_pointer_t<decltype(field)>;
            if constexpr (std::is_same_v<T, ChangeKind>) {
              json.value(static_cast<int>(*field));
            } else if constexpr (std::is_same_v<T, Code>) {
              // 傷病名 codes and their 移行先コード are 7 digits with leading zeros (0010001 真性コレラ).
              json.value(code_text(*field, kind == "b" && (column.key == "code" || column.key == "successor")));
            } else if constexpr (std::is_same_v<T, Date>) {
              write_date(json, *field);
            } else if constexpr (std::is_same_v<T, AgeCode>) {
              json.value(field->text());
            } else if constexpr (std::is_same_v<T, char>) {
              json.value(std::string(1, *field));
            } else if constexpr (std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int64_t>) {
              json.value(static_cast<std::int64_t>(*field));
            } else {
              json.value(*field);
            }
          },
          binding.ref(copy));
      json.end_object();
    }
  }
  json.end_object();
}

template <class Record>
void write_validity(JsonWriter& json, const Record& record) {
  json.key("valid").begin_object().key("from");
  write_date(json, record.valid_from);
  json.key("to");
  write_date(json, record.valid_to);
  json.end_object();
}

// Every version of the code in every loaded revision, oldest revision first, each with its
// revision: a version ends where its revision's period ends (r04's 640円 197000110 is in force
// until 2024-05-31, the day before r06 starts), and one starting after that period is not shown.
template <class Record, class Summary, class VersionsOf>
void write_versions(JsonWriter& json, const MasterLibrary& library, const MasterSet& set, VersionsOf versions_of,
                    Summary summary) {
  json.key("versions").begin_array();
  const auto write = [&](const MasterSet& revision, bool clip) {
    const DateRange period = revision.period();
    for (const Record& version : versions_of(revision)) {
      if (clip && period.to < version.valid_from) continue;
      json.begin_object().field("revision", revision.revision()).key("from");
      write_date(json, version.valid_from);
      json.key("to");
      write_date(json, clip && period.to < version.valid_to ? period.to : version.valid_to);
      summary(version);
      json.end_object();
    }
  };
  bool in_library = false;
  for (const auto& revision : library.sets()) {
    in_library = in_library || revision.get() == &set;
    write(*revision, true);
  }
  if (!in_library) write(set, false);
  json.end_array();
}

// A procedure named in an edge: code, name and points as in force on the date.
void write_procedure_ref(JsonWriter& json, const MasterSet& set, Code code, Date on) {
  json.begin_object().field("code", code_text(code, false));
  if (const ProcedureRecord* r = set.procedure(code, on)) {
    json.field("name", r->name).field("point_kind", r->point_kind).field("points", r->points);
  } else {
    json.key("name").null().field("note", "not in force on this date");
  }
}

void write_procedure_edges(JsonWriter& json, const MasterSet& set, const ProcedureRecord& r, Date on) {
  const RuleGraph& rules = set.rules();
  json.key("edges").begin_object();

  if (r.addition_group != 0) {  // 注加算コード / 注加算通番
    json.key("注加算").begin_object().field("group", r.addition_group).field("serial", std::string(1, r.addition_serial));
    json.key("members").begin_array();
    for (Code member : rules.addition_group(r.addition_group)) {
      const ProcedureRecord* m = set.procedure(member, on);
      if (!m || member == r.code) continue;
      write_procedure_ref(json, set, member, on);
      json.field("serial", std::string(1, m->addition_serial)).end_object();
    }
    json.end_array().end_object();
  }

  json.key("年齢加算").begin_array();  // 年齢加算①–④ (cols 100–111)
  for (const AgeAddition& age : r.age_additions) {
    if (age.code == 0) continue;
    write_procedure_ref(json, set, age.code, on);
    json.field("from_age", age.lower.text()).field("to_age", age.upper.text()).end_object();
  }
  json.end_array();

  if (r.time_addition != 0) {  // 時間加算区分: additions of the same 注加算 group or 区分番号
    json.key("時間加算").begin_object().field("kind", r.time_addition).key("additions").begin_array();
    std::vector<Code> seen;
    auto add = [&](std::span<const Code> codes) {
      for (Code c : codes) {
        const ProcedureRecord* m = set.procedure(c, on);
        if (!m || c == r.code || m->time_addition == 0 || m->notice_kind_table != 7) continue;
        if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
        seen.push_back(c);
        write_procedure_ref(json, set, c, on);
        json.field("time_addition", m->time_addition).end_object();
      }
    };
    if (r.addition_group != 0) add(rules.addition_group(r.addition_group));
    // 区分番号 000 cannot be told from an empty column (入院 time additions leave it empty).
    if (r.section_number != 0) add(rules.section_codes(r.section_letter, r.section_number, r.branch));
    json.end_array().end_object();
  }

  if (r.lab_bundle_group != 0) {
    json.key("包括対象検査").begin_object().field("group", r.lab_bundle_group)
        .field("codes", static_cast<std::int64_t>(rules.lab_bundle(r.lab_bundle_group).size())).end_object();
  }
  if (r.exam_kind != 0) {
    json.key("検査等実施判断").begin_object().field("kind", r.exam_kind).field("group", r.judgement_group).end_object();
  }

  json.key("電子点数表").begin_object();
  if (const AuxiliaryRecord* aux = rules.auxiliary(r.code, on)) {
    json.key("包括").begin_array();
    for (std::size_t i = 0; i < 3; ++i) {
      if (aux->bundle_units[i] == 0) continue;
      json.begin_object().field("unit", aux->bundle_units[i]).field("group", aux->bundle_groups[i])
          .field("members", static_cast<std::int64_t>(rules.bundle_group(aux->bundle_groups[i]).size()))
          .field("table_present", rules.has_table(ElectronicTable::bundle)).end_object();
    }
    json.end_array();
    if (aux->inpatient_group != 0) json.field("入院基本料識別", aux->inpatient_group);
  }
  json.key("背反").begin_object();
  for (ExclusionWindow window : {ExclusionWindow::same_day, ExclusionWindow::same_month, ExclusionWindow::same_time,
                                 ExclusionWindow::same_week}) {
    std::vector<const ExclusionRecord*> rows;
    for (const ExclusionRecord& row : rules.exclusions(r.code, window)) {
      if (row.valid_from <= on && on <= row.valid_to) rows.push_back(&row);
    }
    if (rows.empty()) continue;
    json.key(std::string_view(to_string(window))).begin_array();
    for (const ExclusionRecord* row : rows) {
      write_procedure_ref(json, set, row->code2, on);
      json.field("背反区分", row->keep).field("特例条件", row->special).end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.key("算定回数").begin_array();
  for (const CountLimitRecord& limit : rules.count_limits(r.code)) {
    if (!(limit.valid_from <= on && on <= limit.valid_to)) continue;
    const char* unit = unit_name(limit.unit);
    json.begin_object().field("unit", limit.unit).field("unit_name", unit ? unit : limit.unit_name.c_str())
        .field("limit", limit.limit).field("特例条件", limit.special).end_object();
  }
  json.end_array();
  json.field("コメント関連", static_cast<std::int64_t>(rules.comment_links(r.code).size()));
  json.end_object();

  json.end_object();
}

template <class Record>
const Record* newest(std::span<const Record> versions) {
  return versions.empty() ? nullptr : &versions.back();
}

[[noreturn]] void unknown(Code code, const MasterSet& set, std::optional<Date> on, std::string_view master,
                          std::string versions) {
  std::string message = on ? fmt::format("{} is not in force on {} in {} ({})", code, on->iso(), set.revision(), master)
                           : fmt::format("{} is not in the {} of {}", code, master, set.revision());
  if (!versions.empty()) message += "; valid " + versions;
  throw Exception(ErrorInfo{Status::unknown_code, set.origin(), 0, 0, "code", message});
}

template <class Record>
std::string version_ranges(std::span<const Record> versions) {
  std::string out;
  for (const Record& v : versions) {
    out += fmt::format("{}{} to {}", out.empty() ? "" : ", ", v.valid_from == Date{} ? std::string("always") : v.valid_from.iso(),
                       v.valid_to.is_open_end() ? std::string("open") : v.valid_to.iso());
  }
  return out;
}

// Writes the record of one master kind, or throws unknown_code.
template <class Summary, class Extra, class VersionsOf>
void write_kind(JsonWriter& json, const MasterLibrary& library, const MasterSet& set, Code code, std::optional<Date> on,
                std::string_view kind, std::string_view title, VersionsOf versions_of, Summary summary, Extra extra) {
  const auto versions = versions_of(set);
  using Record = typename decltype(versions)::value_type;
  const Record* record = nullptr;
  if (on) {
    for (const Record& v : versions) {
      if (v.valid_from <= *on && *on <= v.valid_to) record = &v;
    }
  } else {
    record = newest(versions);
  }
  if (!record) unknown(code, set, on, title, version_ranges(versions));
  const Date date = on ? *on : (record->valid_to.is_open_end() ? record->valid_from : record->valid_to);
  json.field("code", code_text(code, kind == "b")).field("master", kind).field("master_name", title)
      .field("revision", set.revision()).field("date", date.iso());
  summary(*record);
  write_validity(json, *record);
  write_columns(json, *record, kind);
  write_versions<Record>(json, library, set, versions_of, summary);
  extra(*record, date);
}

}  // namespace

std::string lookup_json(const MasterLibrary& library, Code code, std::optional<Date> on) {
  const MasterSet* set = nullptr;
  if (on) {
    set = &library.require(*on);
  } else if (!library.empty()) {  // the newest revision that has the code
    for (const auto& candidate : library.sets()) {
      const bool has = !candidate->procedure_versions(code).empty() || !candidate->drug_versions(code).empty() ||
                       !candidate->material_versions(code).empty() || !candidate->comment_versions(code).empty() ||
                       !candidate->disease_versions(code).empty() || !candidate->modifier_versions(code).empty();
      if (has || !set) set = candidate.get();
    }
  }
  if (!set) throw Exception(ErrorInfo{Status::not_found, {}, 0, 0, {}, "no masters loaded"});

  JsonWriter json;
  json.begin_object().field("format", "santei.lookup/1");
  const auto nothing = [](const auto&, Date) {};
  if (code >= 100000000 && code <= 999999999) {
    switch (code / 100000000) {
      case 1:
        write_kind(json, library, *set, code, on, "s", "医科診療行為マスター", [code](const MasterSet& m) { return m.procedure_versions(code); },
                   [&](const ProcedureRecord& r) {
                     json.field("name", r.name).field("point_kind", r.point_kind).field("points", r.points);
                   },
                   [&](const ProcedureRecord& r, Date date) { write_procedure_edges(json, *set, r, date); });
        break;
      case 6:
        write_kind(json, library, *set, code, on, "y", "医薬品マスター", [code](const MasterSet& m) { return m.drug_versions(code); },
                   [&](const DrugRecord& r) {
                     json.field("name", r.name).field("price_yen", r.price).field("unit", r.unit_name);
                   },
                   nothing);
        break;
      case 7:
        write_kind(json, library, *set, code, on, "t", "特定器材マスター", [code](const MasterSet& m) { return m.material_versions(code); },
                   [&](const MaterialRecord& r) {
                     json.field("name", r.name).field("price_yen", r.price).field("unit", r.unit_name);
                   },
                   nothing);
        break;
      case 8:
        write_kind(json, library, *set, code, on, "c", "コメントマスター", [code](const MasterSet& m) { return m.comment_versions(code); },
                   [&](const CommentRecord& r) { json.field("text", r.text).field("pattern", r.pattern); }, nothing);
        break;
      default:
        throw Exception(ErrorInfo{Status::unknown_code, {}, 0, 0, "code",
                                  fmt::format("{}: no master has 9-digit codes starting with {}", code, code / 100000000)});
    }
  } else if (!set->disease_versions(code).empty()) {
    write_kind(json, library, *set, code, on, "b", "傷病名マスター", [code](const MasterSet& m) { return m.disease_versions(code); },
               [&](const DiseaseRecord& r) { json.field("name", r.name).field("icd10", r.icd10_1); }, nothing);
  } else {
    write_kind(json, library, *set, code, on, "z", "修飾語マスター", [code](const MasterSet& m) { return m.modifier_versions(code); },
               [&](const ModifierRecord& r) { json.field("name", r.name); }, nothing);
  }
  json.end_object();
  return json.take();
}

}  // namespace santei
