// Reading one masters/rules/*.xml file: <rules><rule id><value from to source …>…</value></rule></rules>.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "copay/timeline.hpp"
#include "core/xml.hpp"
#include "santei/money.hpp"

namespace santei::copay {

class RuleReader {
 public:
  // Parses `xml`; `file` names it in errors ("masters/rules/kougaku.xml"). `elements`: what the
  // file's <value>s hold besides from, to, source, none and unknown (several entries of one name add
  // up). Throws rule_error (with the line) for text that is not well-formed UTF-8 XML, repeats an
  // attribute in an element or holds an element or attribute neither kCommon nor `elements`
  // defines; limit_exceeded beyond xml::kMaxBytes.
  RuleReader(std::string_view xml, std::string file, std::span<const xml::Element> elements);

  // Every <value> of rule `id`, read with `read(value_node) -> T` for known values, in date order
  // and checked for coverage. Throws rule_error when the rule is missing or a value is malformed.
  template <class T, class Read>
  Timeline<T> timeline(std::string_view id, Read read) {
    const pugi::xml_node rule = find_rule(id);
    Timeline<T> out{file_, std::string(id), {}};
    std::vector<ValueInfo> infos;
    for (const pugi::xml_node node : rule.children("value")) {  // the only element of a <rule> (kCommon)
      Dated<T> dated;
      dated.info = value_info(node, id);
      if (dated.info.state == ValueState::known) dated.value = read(node);
      infos.push_back(dated.info);
      out.values.push_back(std::move(dated));
    }
    check_coverage(file_, out.rule, infos);
    return out;
  }

  // Throws rule_error when the file has a rule no reader asked for (a misspelt id).
  void finish() const;

  // Attribute readers: each throws rule_error naming the element's line and the attribute.
  Yen yen(pugi::xml_node node, const char* attribute) const;
  std::optional<Yen> optional_yen(pugi::xml_node node, const char* attribute) const;
  std::int64_t whole(pugi::xml_node node, const char* attribute, std::int64_t min, std::int64_t max) const;
  Decimal rate(pugi::xml_node node, const char* attribute) const;  // a decimal in 0–1
  Date date(pugi::xml_node node, const char* attribute) const;
  std::string text(pugi::xml_node node, const char* attribute) const;  // required, non-empty
  std::vector<std::string> words(pugi::xml_node node, const char* attribute) const;  // space-separated, ≥ 1

  [[noreturn]] void fail(pugi::xml_node at, std::string_view field, std::string message) const;
  const std::string& file() const { return file_; }

 private:
  pugi::xml_node find_rule(std::string_view id);
  ValueInfo value_info(pugi::xml_node node, std::string_view rule) const;
  std::int64_t line_of(pugi::xml_node node) const;

  std::string file_;
  std::string_view xml_;
  pugi::xml_document doc_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace santei::copay
