// Fuzz target: the loaders of the dated rule XML (masters/rules/*.xml), from a string. Input: one
// selector byte naming the file, then the XML text. The copayment rules are loaded as a whole
// (load_rules) with the selected file replaced; the pricing and inpatient rule tables are read
// with the loaders santei uses on the compiled-in copies; a local programmes file as a user's
// --local-programmes file.
#include <array>
#include <string_view>

#include "copay/rule_set.hpp"
#include "fuzz.hpp"
#include "pricing/inpatient_rules.hpp"
#include "pricing/rule_tables.hpp"
#include "santei/local_programmes.hpp"

namespace {

constexpr std::array<std::string_view, 14> kFiles = {
    "rates.xml",         "kougaku.xml",        "kouhi.xml",           "meals.xml",
    "care_measure.xml",  "lab_bundles.xml",    "time_additions.xml",  "inpatient_fees.xml",
    "inpatient_bundles.xml", "inpatient_meals.xml", "inpatient_standards.xml", "local_programmes.xml",
    "price_response.xml", "age_additions.xml"};

void load(std::size_t file, std::string_view xml) {
  if (file < 5) {
    santei::copay::RuleTexts texts = santei::copay::embedded_rule_texts();
    std::string_view* slots[] = {&texts.rates, &texts.kougaku, &texts.kouhi, &texts.meals, &texts.care_measure};
    *slots[file] = xml;
    (void)santei::copay::load_rules(texts);
  } else if (file == 11) {  // a user's --local-programmes file
    (void)santei::LocalProgrammes::parse(xml, "local_programmes.xml");
  } else if (file < 7 || file >= 12) {  // 12: price_response.xml, 13: age_additions.xml
    santei::pricing::check_rule_tables(kFiles[file], xml);
  } else {
    santei::pricing::check_inpatient_rules(kFiles[file], xml);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t file = data[0] % kFiles.size();
  try {
    load(file, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    santei::fuzz::accept();
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
