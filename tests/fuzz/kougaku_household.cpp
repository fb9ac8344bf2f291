// Fuzz target: santei.kougaku/1 through parse_kougaku_household (the JSON tree, the key checks, a
// receipt's santei.result/1 object), then compute_kougaku and kougaku_json on what it accepts. No
// file is opened (KougakuSource::read_files false, as santei serve reads it): the files a household
// names are other readers' input. A computed month pays back no more than the household bore (this
// month, and in July the year before it, given as input), and each step no more than it counted.
#include <string_view>

#include "fuzz.hpp"
#include "santei/kougaku.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const santei::KougakuSource source{"fuzz.json", {}, nullptr, false};
  try {
    const santei::KougakuHousehold household =
        santei::parse_kougaku_household(std::string_view(reinterpret_cast<const char*>(data), size), source);
    const santei::KougakuResult result = santei::compute_kougaku(household);
    santei::Yen bore;
    santei::Yen year = household.year_paid;
    for (const santei::KougakuMember& member : household.members) {
      for (const santei::KougakuReceipt& receipt : member.receipts) bore += receipt.patient_yen;
      year += member.outpatient_year_paid;
    }
    santei::fuzz::require(result.patient_total == bore, "patient_total is the sum of the receipts' patient_yen");
    santei::fuzz::require(result.benefit.value >= 0 && result.benefit <= bore + year, "0 <= benefit <= what the household bore");
    santei::Yen steps;
    for (const santei::KougakuStep& step : result.steps) {
      santei::fuzz::require(step.benefit.value >= 0 && step.benefit <= step.counted, "0 <= a step's benefit <= what it counted");
      steps += step.benefit;
    }
    santei::fuzz::require(steps == result.benefit, "the benefit is the sum of the steps'");
    santei::fuzz::require(!santei::kougaku_json(result).empty(), "a result is written");
    santei::fuzz::accept();
  } catch (const santei::Exception& e) {
    santei::fuzz::expected(e);
  }
  return 0;
}
