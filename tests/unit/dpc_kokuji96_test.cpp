// The r08 DPC電子点数表 (sheet 11) against the law: 令和8年厚生労働省告示第96号's 別表 (the 診断群分類点数表
// as promulgated, ../shared/dpc/r08/kokuji96_santei_houhou.pdf), read at test time with poppler's
// `pdftotext -layout` (poppler-utils, installed by the README's test command). Every numbered row
// of the 告示 — 番号, 診断群分類番号, 入院日Ⅰ/Ⅱ/Ⅲ and the points of 入院期間Ⅰ/Ⅱ/Ⅲ — must be the
// workbook's row of that code, and every code the workbook prices must be in the 告示.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "dpc/addons.hpp"
#include "santei/dpc.hpp"
#include "support.hpp"

namespace {

// What `command` prints on stdout; the test fails when it does not exit 0.
std::string output_of(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE_MESSAGE(pipe != nullptr, command);
  std::string out;
  std::array<char, 65536> buffer;
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe.release());
  REQUIRE_MESSAGE(status == 0, command, " exited with ", status);
  return out;
}

struct KokujiRow {
  int number = 0;
  std::array<std::int32_t, 3> last_day{};
  std::array<std::int32_t, 3> points{};  // 0 for "-"
};

std::int32_t figure(const std::string& text) {
  if (text == "-") return 0;
  std::string digits;
  for (char c : text) {
    if (c != ',') digits += c;
  }
  return std::stoi(digits);
}

}  // namespace

TEST_CASE("dpc 告示96: all 2,449 rows of the r08 別表 are sheet 11 of the r08 workbook — days and points — and every priced code is there") {
  const std::filesystem::path pdf = santei::test::shared_dir() / "dpc" / "r08" / "kokuji96_santei_houhou.pdf";
  const std::string text = output_of("pdftotext -layout '" + pdf.string() + "' -");
  // A row: 番号, the code, its names (any text), 入院日Ⅰ Ⅱ Ⅲ, the points of 入院期間Ⅰ Ⅱ Ⅲ ("3,556"; "-" for a period without days).
  const std::regex row(R"(^\s*(\d+)\s+([0-9A-Zx]{14})\s.*?\s(\d+)\s+(\d+)\s+(\d+)\s+([\d,]+)\s+([\d,]+|-)\s+([\d,]+)\s*$)");
  const std::regex numbered(R"(^\s*\d+\s+[0-9A-Zx]{14}\s.*)");
  std::map<std::string, KokujiRow> kokuji;
  std::istringstream lines(text);
  std::string line;
  int unparsed = 0, dashes = 0;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, row)) {
      KokujiRow r{std::stoi(m[1]), {figure(m[3]), figure(m[4]), figure(m[5])}, {figure(m[6]), figure(m[7]), figure(m[8])}};
      dashes += m[7] == "-";
      CHECK_MESSAGE(kokuji.emplace(m[2], r).second, "code twice in the 告示: ", m[2].str());
    } else if (std::regex_match(line, numbered)) {
      ++unparsed;
      MESSAGE("a numbered row of the 告示 not read: ", line);
    }
  }
  CHECK(unparsed == 0);
  CHECK(kokuji.size() == 2449);
  CHECK(dashes == 6);

  const std::shared_ptr<const santei::DpcTables> loaded = santei::test::real_dpc_tables();
  const santei::DpcTables& tables = *loaded;
  const santei::Date r08_day = *santei::Date::parse_iso("2026-06-01");
  const santei::DpcWorkbook* r08 = tables.in_force_on(r08_day);
  REQUIRE(r08 != nullptr);
  int agree = 0, numbers_in_order = 0;
  for (const auto& [code, k] : kokuji) {
    const santei::DpcPoints* w = tables.find(code, r08_day);
    if (w == nullptr || !w->priced) {
      FAIL_CHECK("in the 告示 but not priced in the workbook: ", code);
      continue;
    }
    const bool same = w->last_day == k.last_day && w->points == k.points;
    if (!same) FAIL_CHECK("告示 row ", k.number, " ", code, " differs from ", w->file, " row ", w->line);
    agree += same;
    numbers_in_order += k.number >= 1 && k.number <= 2449;
  }
  CHECK(agree == 2449);
  CHECK(numbers_in_order == 2449);
  int priced = 0;
  for (const santei::DpcPoints* w : tables.rows(static_cast<std::size_t>(r08 - tables.workbooks().data()))) {
    if (!w->priced) continue;
    ++priced;
    CHECK_MESSAGE(kokuji.count(w->code) == 1, "priced in the workbook but not in the 告示: ", w->code);
  }
  CHECK(priced == 2449);
}

namespace {

// Full-width digits (０–９: EF BC 90–99 in UTF-8) as ASCII: the 告示 writes small numbers full width.
std::string ascii_digits(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

// masters/dpc/addons.xml against the 告示: the bands of 別表 ４, ５ and ６ — "（８日以上14日以内の期間）
// 11,136点" — in the order the 告示 lists them, fee by fee, are the file's bands of that hospital.
TEST_CASE("dpc 告示96 別表 ４–６: the 特定入院料 add-ons of masters/dpc/addons.xml are the 告示's — 62, 65 and 65 bands") {
  const std::filesystem::path pdf = santei::test::shared_dir() / "dpc" / "r08" / "kokuji96_santei_houhou.pdf";
  const std::string text = ascii_digits(output_of("pdftotext -layout '" + pdf.string() + "' -"));
  const std::regex band(R"(（(?:(\d+)日以上)?(?:(\d+)日以内)?の期間）\s*([\d,]+)点)");
  std::map<std::string, std::vector<std::array<std::int32_t, 3>>> kokuji;  // item → (from, to, points)
  std::string item;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    // Each table opens with "４ ３の規定にかかわらず" (５, ６); "７ １の規定にかかわらず" follows the last.
    const std::smatch opens = [&] {
      std::smatch m;
      std::regex_search(line, m, std::regex(R"(^\s*(\d) (\d)の規定にかかわらず)"));
      return m;
    }();
    if (!opens.empty()) item = opens[2] == "3" ? std::string(opens[1]) : std::string();
    std::smatch m;
    if (item.empty() || !std::regex_search(line, m, band)) continue;
    kokuji[item].push_back({m[1].matched ? std::stoi(m[1]) : 1, m[2].matched ? std::stoi(m[2]) : 0, figure(m[3])});
  }
  CHECK(kokuji["4"].size() == 62);
  CHECK(kokuji["5"].size() == 65);
  CHECK(kokuji["6"].size() == 65);
  for (const santei::dpc::AddonTable& table : santei::dpc::addons().tables) {
    std::vector<std::array<std::int32_t, 3>> file;
    for (const santei::dpc::AddonFee& fee : table.fees) {
      for (const santei::dpc::AddonBand& b : fee.bands) file.push_back({b.from, b.to, b.points});
    }
    CHECK_MESSAGE(file == kokuji[table.item], table.hospital, " (別表 ", table.item, ")");
  }
}

// The 注 of masters/dpc/addons.xml against the 告示: in each of 別表 ４, ５ and ６ the points the text
// gives outside the fees' bands ("１日につき100点", "イ ３日以内の期間 750点", "250点（…400点）") are, in
// order, the points of the file's notes (each note's bands, or its points) — the same 48 in the three.
TEST_CASE("dpc 告示96 別表 ４–６: the 注 of masters/dpc/addons.xml are the 告示's — 48 amounts in each table, in order") {
  const std::filesystem::path pdf = santei::test::shared_dir() / "dpc" / "r08" / "kokuji96_santei_houhou.pdf";
  const std::string text = ascii_digits(output_of("pdftotext -layout '" + pdf.string() + "' -"));
  const std::regex band(R"(（(?:(\d+)日以上)?(?:(\d+)日以内)?の期間）\s*([\d,]+)点)");
  const std::regex amount(R"(([\d,]+)点)");
  std::map<std::string, std::vector<std::int32_t>> kokuji;  // item → the amounts of its 注
  std::string item;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch opens;
    if (std::regex_search(line, opens, std::regex(R"(^\s*(\d) (\d)の規定にかかわらず)"))) {
      item = opens[2] == "3" ? std::string(opens[1]) : std::string();
    }
    if (item.empty()) continue;
    const std::string rest = std::regex_replace(line, band, "");
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), amount); it != std::sregex_iterator(); ++it) {
      kokuji[item].push_back(figure((*it)[1]));
    }
  }
  std::vector<std::int32_t> file;
  for (const santei::dpc::AddonNote& note : santei::dpc::addons().notes) {
    if (note.bands.empty()) file.push_back(note.points);
    for (const santei::dpc::AddonBand& b : note.bands) file.push_back(b.points);
  }
  CHECK(file.size() == 48);
  for (const char* table : {"4", "5", "6"}) CHECK_MESSAGE(kokuji[table] == file, "別表 ", table);
}
