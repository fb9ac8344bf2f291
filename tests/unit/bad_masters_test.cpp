// Bad input (issue 2 item 7): one hand-made revision directory per defect, each equal to good/
// except for that defect, written at build time by tests/bad/masters/make_fixtures.py into the build
// directory (SANTEI_BAD_MASTERS). Every defect fails the whole load with an error naming the file,
// line, column and field.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "santei/masters.hpp"
#include "big_input.hpp"
#include "error_of.hpp"
#include "support.hpp"

using namespace santei;
namespace fs = std::filesystem;
using santei::test::day;

namespace {

fs::path fixtures() { return SANTEI_BAD_MASTERS; }

// Lines with their terminators, so a last line without CRLF is still a line.
std::vector<std::string> lines_of(const std::string& bytes) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < bytes.size()) {
    const std::size_t nl = bytes.find('\n', start);
    const std::size_t end = nl == std::string::npos ? bytes.size() : nl + 1;
    lines.push_back(bytes.substr(start, end - start));
    start = end;
  }
  return lines;
}

std::set<std::string> files_under(const fs::path& directory) {
  std::set<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    if (entry.is_regular_file()) out.insert(fs::relative(entry.path(), directory).generic_string());
  }
  return out;
}

struct BadCase {
  const char* directory;  // under fixtures()
  const char* file;       // the defective file, relative to the directory ("" = the directory itself)
  Status status;
  std::int64_t line;
  int column;
  std::string field;
  std::string message;  // a part of the message
};

// The case directory holds good/'s files byte for byte, except `file`, where only `line` differs
// (or the file is empty or missing).
void check_only_the_defect_differs(const BadCase& c) {
  const fs::path good = fixtures() / "good";
  const fs::path bad = fixtures() / c.directory;
  std::set<std::string> expected = files_under(good);
  if (std::string(c.file).empty()) {
    expected.erase("z_20240601.txt");  // the missing-file case
  }
  REQUIRE(files_under(bad) == expected);
  for (const std::string& name : expected) {
    CAPTURE(name);
    const std::string good_bytes = test::file_bytes(good / name);
    const std::string bad_bytes = test::file_bytes(bad / name);
    if (name != c.file) {
      CHECK(bad_bytes == good_bytes);
      continue;
    }
    CHECK(bad_bytes != good_bytes);
    if (bad_bytes.empty()) continue;  // the empty-file case
    const auto good_lines = lines_of(good_bytes);
    const auto bad_lines = lines_of(bad_bytes);
    REQUIRE(bad_lines.size() == good_lines.size());
    for (std::size_t i = 0; i < good_lines.size(); ++i) {
      CAPTURE(i + 1);
      CHECK((bad_lines[i] == good_lines[i]) == (static_cast<std::int64_t>(i + 1) != c.line));
    }
  }
}

void check_bad_case(const BadCase& c) {
  CAPTURE(c.directory);
  check_only_the_defect_differs(c);
  const fs::path directory = fixtures() / c.directory;
  const std::string file = std::string(c.file).empty() ? directory.string() : (directory / c.file).string();
  bool threw = false;
  try {
    const auto set = MasterSet::load(directory);
  } catch (const Exception& e) {
    threw = true;
    const ErrorInfo& info = e.info();
    CAPTURE(e.what());
    CHECK(info.status == c.status);
    CHECK(info.file == file);
    CHECK(info.line == c.line);
    CHECK(info.column == c.column);
    CHECK(info.field == c.field);
    CHECK(info.message.find(c.message) != std::string::npos);
    CHECK(std::string(e.what()).starts_with(file));
  }
  CHECK(threw);
  // A library over the directory fails as a whole too: no revision is kept.
  CHECK_THROWS_AS(MasterLibrary::load(directory), Exception);
}

}  // namespace

TEST_CASE("bad masters: the good fixture loads (r06, one update applied) and the bad ones differ from it only in the defect") {
  const auto set = MasterSet::load(fixtures() / "good");
  CHECK(set->revision() == "r06");
  CHECK(set->stats().files.size() == 7);
  const ProcedureRecord* shoshin = set->procedure(111000110, day("2024-06-01"));
  REQUIRE(shoshin);
  CHECK(shoshin->name == "初診料");
  CHECK(shoshin->kana == "ｼｮｼﾝﾘｮｳ");
  CHECK(shoshin->points == Decimal(291));
  CHECK(shoshin->age_additions[0].code == 111000370);
  CHECK(set->procedure(111703370, day("2024-09-30"))->name == "医療ＤＸ推進体制整備加算（初診）");
  const ProcedureRecord* dx3 = set->procedure(111703370, day("2024-10-01"));
  REQUIRE(dx3);
  CHECK(dx3->name == "医療ＤＸ推進体制整備加算３（初診）");
  CHECK(dx3->points == Decimal(8));  // empty in the 変更 row: kept
  CHECK(set->drug(620098801, day("2024-06-01"))->price == *Decimal::parse("10.10"));
  CHECK(set->material(739220000, day("2024-06-01"))->oxygen_kind == 4);
  CHECK(set->comment(820000001, day("2024-06-01"))->text == "別途コメントあり");
  CHECK(set->disease(2500015, day("2024-06-01"))->icd10_1 == "E11");
  CHECK(set->modifier(8002, day("2024-06-01"))->name == "の疑い");
}

TEST_CASE("bad masters: each defect fails the whole load with its exact status, file, line, column and field; none is left untested") {
  const std::vector<BadCase> cases = {
      // A row cut off inside a quoted field (a truncated download).
      {"truncated_row", "s_ALL20240531.csv", Status::parse_error, 4, 5, "省略漢字名称 (col 5)", "no closing quote"},
      // 39 columns in a 40-column 医薬品マスター: the first missing column.
      {"wrong_column_count", "y_ALL20240531.csv", Status::master_error, 2, 40, "column count",
       "39 columns where the file's layout y_40 has 40"},
      // A byte that is not CP932 (0xFF) in a 傷病名.
      {"not_cp932", "b_20240601.txt", Status::encoding_error, 2, 6, "傷病名基本名称 (col 6)", "byte 0xFF"},
      {"bad_date", "s_ALL20240531.csv", Status::parse_error, 2, 87, "変更年月日 (col 87)", "'20240230' is not a date"},
      {"duplicate_code", "s_ALL20240531.csv", Status::master_error, 3, 3, "診療行為コード (col 3)",
       "code 111000110 appears twice in a full file (first on line 1)"},
      // A 変更 row (変更区分 5) in updates/ for a code no earlier file holds.
      {"update_unknown_code", "updates/s_20240906.csv", Status::master_error, 1, 3, "診療行為コード (col 3)",
       "変更 (変更区分 5) of code 111703470"},
      {"empty_file", "z_20240601.txt", Status::master_error, 0, 0, "", "the file is empty"},
      // マスター種別 'Y' in a 特定器材マスター row.
      {"wrong_kind_letter", "t_ALL20240315.csv", Status::parse_error, 2, 2, "マスター種別 (col 2)",
       "'Y' where the t_38 layout has 'T'"},
      // 点数 in full-width digits; the message shows it in UTF-8.
      {"not_a_number", "s_ALL20240531.csv", Status::parse_error, 1, 12, "新又は現点数 (col 12)",
       "'２９１.00' is not a decimal number"},
      // 入外適用区分 99999999999 overflows a 32-bit column and says so.
      {"overflowing_number", "s_ALL20240531.csv", Status::parse_error, 2, 13, "入外適用区分 (col 13)",
       "'99999999999' is out of the range of a 32-bit whole number"},
      // A 新又は現金額 of 19 significant digits is beyond exact decimals.
      {"overflowing_price", "y_ALL20240531.csv", Status::parse_error, 2, 12, "新又は現金額 (col 12)",
       "'1234567890123456789.70' is not a decimal number"},
      // A 傷病名 row saved in UTF-8: the first byte CP932 lacks.
      {"utf8_row", "b_20240601.txt", Status::encoding_error, 2, 6, "傷病名基本名称 (col 6)",
       "byte 0xEF at offset 33 is not CP932"},
      // A NUL byte inside a 修飾語名称 is an error, not part of the name.
      {"embedded_nul", "z_20240601.txt", Status::parse_error, 2, 7, "修飾語名称 (col 7)", "control byte 0x00 at offset 28"},
  };
  std::set<std::string> tested{"good", "missing_file"};  // missing_file: a partial revision, below
  for (const BadCase& c : cases) {
    check_bad_case(c);
    tested.insert(c.directory);
  }
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(fixtures())) present.insert(entry.path().filename().string());
  CHECK(tested == present);
}

TEST_CASE("bad masters: a revision directory without its 修飾語マスター loads as a partial set that names what it lacks") {
  const BadCase c{"missing_file", "", Status::ok, 0, 0, "", ""};
  check_only_the_defect_differs(c);
  const auto set = MasterSet::load(fixtures() / c.directory);
  CHECK(set->stats().missing == std::vector<std::string>{"z"});
  CHECK(std::any_of(set->stats().notes.begin(), set->stats().notes.end(), [](const std::string& note) {
    return note.starts_with("修飾語マスター (z_*.txt) not present: a partial revision directory");
  }));
  CHECK(set->modifier(8002, day("2024-06-01")) == nullptr);
  CHECK(set->procedure(111000110, day("2024-06-01")) != nullptr);
}

TEST_CASE("bad masters: a revision directory without its 医科診療行為マスター cannot load (it decides the revision)") {
  const test::ScratchDirectory scratch{"santei-no-procedures"};  // its own name: tests run side by side
  const fs::path& directory = scratch.path();
  for (const char* name : {"y_ALL20240531.csv", "t_ALL20240315.csv", "z_20240601.txt"}) {
    fs::copy_file(fixtures() / "good" / name, directory / name);
  }
  const ErrorInfo e = test::error_of([&] { (void)MasterSet::load(directory); });
  CHECK(e.status == Status::master_error);
  CHECK(e.file == directory.string());
  CHECK(e.message == "missing file: no full 医科診療行為マスター (s_*.csv) in this directory");
}

namespace {

// A copy of good/ in a fresh temporary directory, removed at the end of the test.
struct ScratchCopy {
  test::ScratchDirectory scratch{"santei-bad-masters"};
  const fs::path& root = scratch.path();
  ScratchCopy() { fs::copy(fixtures() / "good", root, fs::copy_options::recursive | fs::copy_options::overwrite_existing); }
};

ErrorInfo load_error(const fs::path& directory) {
  return test::error_of([&] { (void)MasterSet::load(directory); });
}

}  // namespace

TEST_CASE("bad masters: a row longer than kMaxMasterLineBytes (made at test time) is refused at its line") {
  ScratchCopy copy;
  const fs::path file = copy.root / "s_ALL20240531.csv";
  std::string bytes = test::file_bytes(file);
  const std::size_t second = bytes.find('\n') + 1;
  bytes.insert(second + 1, std::string(kMaxMasterLineBytes, '\xB1'));  // half-width ｱ, inside the first field
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  const ErrorInfo e = load_error(copy.root);
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.file == file.string());
  CHECK(e.line == 2);
  CHECK(e.message.find(fmt::format("over the limit of {} bytes", kMaxMasterLineBytes)) != std::string::npos);
}

TEST_CASE("bad masters: a 1 GiB 医科診療行為マスター (one line of NULs, a sparse file made at test time) is refused by its size, unread") {
  ScratchCopy copy;
  const fs::path file = copy.root / "s_ALL20240531.csv";
  fs::resize_file(file, 0);
  fs::resize_file(file, std::uintmax_t{1} << 30);  // a hole: no disk used, nothing to read
  const ErrorInfo e = load_error(copy.root);
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.file == file.string());
  CHECK(e.line == 0);
  CHECK(e.message == fmt::format("a master file of 1073741824 bytes is over the limit of {} bytes", kMaxMasterFileBytes));
}

TEST_CASE("bad masters: a コメントマスター update row with no code and パターン 99999 cannot form a コメントコード (fuzz finding: signed overflow)") {
  ScratchCopy copy;
  // 30 columns: 変更区分 5, マスター種別 C, 区分 8, パターン 99999, 一連番号 1, the rest empty.
  std::string row = "\"5\",\"C\",\"8\",\"99999\",\"1\"";
  for (int column = 6; column <= 30; ++column) row += ",\"\"";
  const fs::path file = copy.root / "updates" / "c_20240906.csv";
  std::ofstream(file, std::ios::binary) << row << "\r\n";
  const ErrorInfo e = load_error(copy.root);
  CHECK(e.status == Status::master_error);
  CHECK(e.file == file.string());
  CHECK(e.line == 1);
  CHECK(e.column == 23);
  CHECK(e.field == "コメントコード (col 23)");
  CHECK(e.message == "empty, and パターン 99999 with 一連番号 1 makes no コメントコード (8 + 2 + 6 digits)");
}

TEST_CASE("bad masters: a library over good/ and the bad directories fails as a whole") {
  CHECK_THROWS_AS(MasterLibrary::load(fixtures()), Exception);
}
