// The embedded demo master (masters/demo/demo_r06.xml, typed by hand) against the real SSK r06
// masters: every value the demo sets equals the real record in force on the demo record's
// 変更年月日, field by field, through the same layout keys the loaders use; a column the demo leaves
// out must be zero in the real record as well (else the demo silently drops a condition).
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/embedded.hpp"
#include "masters/fields.hpp"
#include "santei/masters.hpp"
#include "support.hpp"

using namespace santei;
using santei::masters::FieldRef;

namespace {

// A field's value as text, so any two fields compare and print alike.
std::string text_of(const FieldRef& ref) {
  struct Visitor {
    std::string operator()(ChangeKind* v) const { return std::to_string(static_cast<int>(*v)); }
    std::string operator()(Code* v) const { return std::to_string(*v); }
    std::string operator()(std::int32_t* v) const { return std::to_string(*v); }
    std::string operator()(std::int64_t* v) const { return std::to_string(*v); }
    std::string operator()(Decimal* v) const { return v->to_string(); }
    std::string operator()(Date* v) const { return v->compact(); }
    std::string operator()(std::string* v) const { return *v; }
    std::string operator()(AgeCode* v) const { return v->text(); }
    std::string operator()(char* v) const { return std::string(1, *v); }
  };
  return std::visit(Visitor{}, ref);
}

// Columns the demo does not type: 変更区分 (always 0 in the demo), カナ名称, 公表順序番号, the
// 旧点数 pair (the r04 value, not used for r06 pricing) and the 上限値 of items without きざみ
// (99999999 in the master, unused when きざみ値計算識別 is 0).
template <class Record>
bool not_typed(std::string_view key, const Record& real) {
  if (key == "change" || key == "kana" || key == "publication_order" || key == "old_point_kind" ||
      key == "old_points") {
    return true;
  }
  if constexpr (std::is_same_v<Record, ProcedureRecord>) {
    if (key == "step_upper") return real.stepped == 0;
  }
  return false;
}

struct Checked {
  int records = 0;
  int fields = 0;
};

// Compares every attribute of the demo's `element`s with the same field of the real record.
template <class Record, class Find>
Checked check_elements(const MasterSet& demo, const pugi::xml_node& root, const char* element, Find find) {
  Checked checked;
  for (const pugi::xml_node node : root.children(element)) {
    const Code code = node.attribute("code").as_uint();
    const auto on = Date::parse_compact(node.attribute("valid_from").as_string());
    CAPTURE(code);
    REQUIRE(on.has_value());
    const Record* demo_record = find(demo, code, *on);
    const Record* real_record = find(santei::test::r06(), code, *on);
    REQUIRE(demo_record);
    REQUIRE_MESSAGE(real_record, "not in the real r06 masters on ", on->iso());
    Record demo_copy = *demo_record;
    Record real_copy = *real_record;
    for (const pugi::xml_attribute attribute : node.attributes()) {
      const std::string key = attribute.name();
      const masters::FieldBinding<Record>* binding = nullptr;
      for (const auto& candidate : masters::field_bindings<Record>()) {
        if (candidate.key == key) binding = &candidate;
      }
      CAPTURE(key);
      REQUIRE(binding);
      const std::string demo_value = text_of(binding->ref(demo_copy));
      const std::string real_value = text_of(binding->ref(real_copy));
      CHECK(demo_value == real_value);
      ++checked.fields;
    }
    // A column the demo leaves out is zero in the real record too, unless it is one the demo
    // deliberately does not type.
    for (const auto& binding : masters::field_bindings<Record>()) {
      if (node.attribute(std::string(binding.key).c_str()) || not_typed(binding.key, real_copy)) continue;
      CAPTURE(binding.key);
      CHECK(text_of(binding.ref(demo_copy)) == text_of(binding.ref(real_copy)));
    }
    ++checked.records;
  }
  return checked;
}

}  // namespace

TEST_CASE("demo master: every value typed in demo_r06.xml equals the real r06 record in force on its 変更年月日, "
          "and every column it leaves out is zero there too") {
  const auto demo = MasterSet::demo();
  const auto text = detail::embedded_file("demo/demo_r06.xml");
  REQUIRE(text.has_value());
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(text->data(), text->size()));
  const pugi::xml_node root = doc.child("demo-master");

  const Checked procedures = check_elements<ProcedureRecord>(
      *demo, root, "procedure", [](const MasterSet& set, Code code, Date on) { return set.procedure(code, on); });
  const Checked drugs = check_elements<DrugRecord>(
      *demo, root, "drug", [](const MasterSet& set, Code code, Date on) { return set.drug(code, on); });
  const Checked materials = check_elements<MaterialRecord>(
      *demo, root, "material", [](const MasterSet& set, Code code, Date on) { return set.material(code, on); });
  const Checked comments = check_elements<CommentRecord>(
      *demo, root, "comment", [](const MasterSet& set, Code code, Date on) { return set.comment(code, on); });

  // The demo is "a few dozen common codes": make sure they were all reached.
  CHECK(procedures.records >= 40);
  CHECK(drugs.records >= 5);
  CHECK(materials.records >= 2);
  CHECK(comments.records >= 2);
  MESSAGE("compared ", procedures.fields + drugs.fields + materials.fields + comments.fields, " demo values in ",
          procedures.records + drugs.records + materials.records + comments.records, " records");
}
