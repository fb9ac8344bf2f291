// santei price --format text (santei::result_text): the 明細書 a clinic reads, its figures those of
// ../shared/docs/copayment.md §6 and fee-rules.md E20, its columns aligned by display width.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "copay_support.hpp"
#include "core/text_width.hpp"

using namespace santei;
using namespace santei::test::copay;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The line that starts with `head` (after its indent), or "".
std::string line_starting(const std::string& text, const std::string& head) {
  for (const std::string& line : lines_of(text)) {
    if (line.find_first_not_of(' ') != std::string::npos && line.substr(line.find_first_not_of(' ')).rfind(head, 0) == 0) {
      return line;
    }
  }
  return {};
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("text: copayment Ex 7, 難病 54 cap 5,000 on 8,000点 — patient 5,000, 公費54 19,000, insurer 56,000 in their columns") {
  Claim hospital = outpatient("2026-03", "1980-07-07", InsuranceKind::employee, "ウ");
  hospital.public_expenses = {kouhi("54", 5000)};
  PricedClaim p = priced({care("2026-03-05", 8000)});
  p.revision = "r06";
  p.copay = compute_copay(hospital, p);
  const std::string text = result_text(p, MasterLibrary::demo());
  CAPTURE(text);
  const std::string header = line_starting(text, "日付");
  const std::string day = line_starting(text, "2026-03-05  ");
  REQUIRE(!header.empty());
  REQUIRE(!day.empty());
  CHECK(day.find("8,000点") != std::string::npos);
  CHECK(day.find("5,000円") != std::string::npos);
  CHECK(day.find("56,000円") != std::string::npos);
  CHECK(day.find("19,000円") != std::string::npos);
  CHECK(day.find("上限: 公費 54 上限") != std::string::npos);
  // Each figure ends under its heading's last column: 患者負担, 保険者, 公費54.
  const auto end_of = [](const std::string& line, const std::string& what) {
    return text::display_width(line.substr(0, line.find(what) + what.size()));
  };
  CHECK(end_of(day, "5,000円") == end_of(header, "患者負担"));
  CHECK(end_of(day, "56,000円") == end_of(header, "保険者"));
  CHECK(end_of(day, "19,000円") == end_of(header, "公費54"));
  CHECK(text.find("医療費 80,000円 = 患者 5,000円 + 保険者 56,000円 + 公費54 19,000円") != std::string::npos);
  CHECK(text.find("公費54 19,000円 (うち患者負担 5,000円)") != std::string::npos);
}

TEST_CASE("text: E20 on the demo master — each line's points × count, 合計点数 761, window 1,900 + 380 = 2,280") {
  const MasterLibrary masters = MasterLibrary::demo();
  const PricedClaim p = price(parse_claim(test::file_bytes(SANTEI_SOURCE_DIR "/examples/claims/outpatient.json")), masters);
  const std::string text = result_text(p, masters);
  CAPTURE(text);
  // The names come from the master; the figures from fee-rules E20 and copayment.md §2.2.
  CHECK(line_starting(text, "111000110").find("初診料") != std::string::npos);
  CHECK(line_starting(text, "111000110").find("291点  ×  1  291点") != std::string::npos);
  CHECK(line_starting(text, "160019210").find(" 99点  ×  1   99点") != std::string::npos);  // the 8 items' bundle
  CHECK(line_starting(text, "160022510").find("点") == std::string::npos);  // figures only on a unit's last item
  CHECK(line_starting(text, "112011010").find("外来管理加算") != std::string::npos);
  const std::string totals = text.substr(text.find("診療識別別の点数"));  // not the day's 60 heading
  CHECK(line_starting(totals, "60 検査・病理").find("283点") != std::string::npos);
  CHECK(line_starting(text, "合計点数").find("761点") != std::string::npos);
  CHECK(line_starting(text, "2024-06-03  ").find("1,900円") != std::string::npos);
  CHECK(line_starting(text, "2024-06-10  ").find("380円") != std::string::npos);
  CHECK(line_starting(text, "計").find("2,280円") != std::string::npos);
  // Aligned: every item row puts its total in the same column, whatever the width of its name.
  std::set<std::size_t> ends;
  for (const std::string& line : lines_of(text)) {
    if (line.rfind("    1", 0) == 0 && ends_with(line, "点")) ends.insert(text::display_width(line));
  }
  CHECK(ends.size() == 1);
}
