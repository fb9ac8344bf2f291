// One malformed UKE file per error class (tests/bad/uke): the exact line, field and status, and
// the receipts that are still read.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "santei/uke.hpp"
#include "support.hpp"

using namespace santei;

namespace {

struct Case {
  const char* file;
  std::int64_t line;
  int field;
  Status status;
  const char* message_part;
  std::vector<std::int64_t> receipts;  // レセプト番号 still returned
};

std::vector<std::int64_t> numbers(const UkeFile& file) {
  std::vector<std::int64_t> out;
  for (const UkeReceipt& r : file.receipts) out.push_back(r.number);
  return out;
}

}  // namespace

TEST_CASE("bad UKE files: each error names its line, field and status; the other receipts are read") {
  // Every fixture is IR (line 1), receipt 1 (RE HO SY SI, lines 2–5), receipt 2 (lines 6–9), GO,
  // with one fault.
  const std::vector<Case> cases = {
      {"truncated_record.uke", 9, 0, Status::parse_error, "truncated record", {1}},
      {"missing_go.uke", 10, 0, Status::parse_error, "without GO: receipt 2", {1}},
      {"wrong_field_count.uke", 9, 44, Status::parse_error, "has 43 fields; the 記録条件仕様 gives 44", {1}},
      {"bad_date.uke", 2, 7, Status::parse_error, "'19800230' is not a date", {2}},
      {"not_cp932.uke", 6, 5, Status::encoding_error, "byte 0x80 at offset 0 of the field is not CP932", {1}},
      {"unknown_record.uke", 5, 1, Status::parse_error, "unknown record id 'NI'", {2}},
      {"si_before_re.uke", 2, 1, Status::parse_error, "SI before any RE", {1}},
      {"bad_category.uke", 5, 2, Status::parse_error, "15 is not a 診療識別", {2}},
      {"blank_category.uke", 5, 2, Status::parse_error, "no 診療識別 before it", {2}},
      {"bad_burden.uke", 5, 3, Status::parse_error, "'A' is not a 負担区分", {2}},
      {"day_outside_month.uke", 5, 44, Status::parse_error, "day 31 does not exist in 2024-06", {2}},
      {"type_payers_mismatch.uke", 2, 3, Status::parse_error, "says 1 payer(s) but the receipt has 2", {2}},
      {"record_out_of_order.uke", 4, 1, Status::parse_error, "HO out of order", {2}},
      {"bad_count.uke", 5, 7, Status::parse_error, "'x' is not a whole number", {2}},
      {"record_after_go.uke", 7, 1, Status::parse_error, "record after GO", {1}},
      {"embedded_nul.uke", 8, 6, Status::parse_error, "control byte 0x00 at offset 2 of the field", {1}},
      {"dental.uke", 1, 4, Status::parse_error, "a 歯科 (dental) file: its IR 点数表 (field 4) is 3; santei reads 医科", {}},
      {"pharmacy.uke", 1, 1, Status::parse_error, "a 調剤 (pharmacy) file: it starts with a YK", {}},
      {"overflowing_number.uke", 5, 6, Status::parse_error, "99999999999999999999 is outside -9999999…9999999", {2}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const UkeFile file = read_uke_file(test::test_data() / "bad" / "uke" / c.file);
    REQUIRE_FALSE(file.errors.empty());
    const ErrorInfo& e = file.errors.front();
    CAPTURE(e.to_string());
    CHECK(e.line == c.line);
    CHECK(e.column == c.field);
    CHECK(e.status == c.status);
    CHECK(e.message.find(c.message_part) != std::string::npos);
    CHECK(e.file.ends_with(c.file));
    CHECK(numbers(file) == c.receipts);
  }
}

TEST_CASE("a file with LF line ends (re-encoded by another tool) is read, with a finding that says so") {
  const UkeFile file = read_uke_file(test::test_data() / "bad" / "uke" / "lf_line_ends.uke");
  CHECK(file.errors.empty());
  CHECK(numbers(file) == std::vector<std::int64_t>{1});
  REQUIRE(file.findings.size() == 1);
  CHECK(file.findings[0].check == UkeCheck::encoding);
  CHECK(file.findings[0].derived == 6);
  CHECK(file.findings[0].message.find("6 records end with LF alone, not CR LF") != std::string::npos);
}

TEST_CASE("a truncated UKE file: the cut record and the missing GO are both reported; receipt 1 is kept") {
  const UkeFile file = read_uke_file(test::test_data() / "bad" / "uke" / "truncated_record.uke");
  REQUIRE(file.errors.size() == 2);
  CHECK(file.errors[1].line == 10);
  CHECK(file.errors[1].field == "GO");
  CHECK_FALSE(file.complete);
  CHECK(file.receipts_seen == 2);
}

TEST_CASE("UKE bytes that are no UKE at all: clear errors, no receipt, no exception") {
  for (const std::string bytes : {std::string(), std::string("\x1a"), std::string("\xff\xfe\x00", 3),
                                  std::string("hello\r\n"), std::string(",,,,\r\n"), std::string("RE\r\n")}) {
    const UkeFile file = read_uke(bytes);
    CHECK_FALSE(file.errors.empty());
    CHECK(file.receipts.empty());
    CHECK_FALSE(file.complete);
  }
}

TEST_CASE("a 回数 the day columns do not add up to is a finding of the receipt, not an error") {
  const std::string si = "SI,11,1,111000110,,291,2,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
  std::string bytes;
  for (const std::string line : {std::string("IR,1,13,1,1234567,,SANTEI,202407,00,"),
                                 std::string("RE,1,1112,202406,A,1,19800101,,,,,,,P1,,,,,,,,,,,,,,,,,,,,,,,A,"),
                                 std::string("HO,01130012,1,1,1,582,,,,,,,,,"), si, std::string("GO,1,582,99")}) {
    bytes += line + "\r\n";
  }
  const UkeFile file = read_uke(bytes);
  CHECK(file.errors.empty());
  REQUIRE(file.receipts.size() == 1);
  const auto& findings = file.receipts[0].findings;
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].check == UkeCheck::day_sum);
  CHECK(findings[0].line == 4);
  CHECK(findings[0].stated == 2);
  CHECK(findings[0].derived == 1);
}

TEST_CASE("a control byte or DEL in an ASCII record is an error naming its field and offset, wherever it stands") {
  // SI and IY records are printable ASCII, split 16 bytes a step: a byte in the first step (the
  // code, field 4), in a later one (a day column) and in the last bytes, past the last whole step
  // (read from a copy padded to a step), the line's very last among them.
  const std::string si = "SI,11,1,111000110,,291,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
  REQUIRE(si.size() == 62);  // three steps (bytes 0–47), then 14 bytes
  for (const std::size_t at : {std::size_t{11}, std::size_t{20}, std::size_t{40}, std::size_t{54}, si.size()}) {
    for (const char byte : {'\x00', '\x01', '\x1F', '\x7F'}) {
      std::string bad = si;
      bad.insert(at, 1, byte);
      const auto before = std::string_view(bad).substr(0, at);
      const int field = 1 + static_cast<int>(std::count(before.begin(), before.end(), ','));
      const std::size_t offset = at - (before.rfind(',') + 1);
      CAPTURE(at);
      CAPTURE(static_cast<int>(byte));
      std::string bytes;
      for (const std::string& line : {std::string("IR,1,13,1,1234567,,SANTEI,202407,00,"),
                                      std::string("RE,1,1112,202406,A,1,19800101,,,,,,,P1,,,,,,,,,,,,,,,,,,,,,,,A,"),
                                      std::string("HO,01130012,1,1,1,291,,,,,,,,,"), bad, std::string("GO,1,291,99")}) {
        bytes += line + "\r\n";
      }
      const UkeFile file = read_uke(bytes);
      REQUIRE(file.errors.size() == 1);
      CHECK(file.errors[0].line == 4);
      CHECK(file.errors[0].column == field);
      CHECK(file.errors[0].message ==
            fmt::format("control byte 0x{:02X} at offset {} of the field", static_cast<unsigned char>(byte), offset));
    }
  }
}

TEST_CASE("an SI record's comment: a code with no text is kept (820000001 別途コメントあり takes none), a text with "
          "no code is an error naming its field") {
  // SI: コメント1 コード is field 8, its 文字データ field 9; the day columns 14–44.
  const auto read_si = [](std::string_view code, std::string_view text) {
    std::string si = fmt::format("SI,11,1,111000110,,291,1,{},{},,,,,1", code, text);
    for (int day = 2; day <= 31; ++day) si += ',';
    std::string bytes;
    for (const std::string& line : {std::string("IR,1,13,1,1234567,,SANTEI,202407,00,"),
                                    std::string("RE,1,1112,202406,A,1,19800101,,,,,,,P1,,,,,,,,,,,,,,,,,,,,,,,A,"),
                                    std::string("HO,01130012,1,1,1,291,,,,,,,,,"), si, std::string("GO,1,291,99")}) {
      bytes += line + "\r\n";
    }
    return read_uke(bytes);
  };
  const UkeFile kept = read_si("820000001", "");
  REQUIRE(kept.errors.empty());
  REQUIRE(kept.receipts.size() == 1);
  REQUIRE(kept.receipts[0].units.size() == 1);
  const std::vector<UkeItem>& items = kept.receipts[0].units[0].items;
  REQUIRE(items.size() == 2);
  CHECK(items[0].code == 111000110);
  CHECK(items[1].kind == ItemKind::comment);
  CHECK(items[1].code == 820000001);
  CHECK(items[1].text.empty());

  const UkeFile refused = read_si("", "TEXT");
  REQUIRE(refused.errors.size() == 1);
  CHECK(refused.errors[0].line == 4);
  CHECK(refused.errors[0].column == 9);
  CHECK(refused.errors[0].message == "text with no comment code");
}

TEST_CASE("a CP932 line, decoded whole, names the first field with a byte it cannot read, a control byte before "
          "an undecodable one in the same field") {
  // RE's field 5 (氏名) and field 14 (カルテ番号) given; a line with a byte over 0x7F is decoded as
  // one text, its fields then split.
  const auto read_re = [](std::string_view name, std::string_view chart) {
    std::string bytes;
    for (const std::string& line :
         {std::string("IR,1,13,1,1234567,,SANTEI,202407,00,"),
          fmt::format("RE,1,1112,202406,{},1,19800101,,,,,,,{},,,,,,,,,,,,,,,,,,,,,,,A,", name, chart),
          std::string("HO,01130012,1,1,1,291,,,,,,,,,"),
          std::string("SI,11,1,111000110,,291,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,"), std::string("GO,1,291,99")}) {
      bytes += line + "\r\n";
    }
    return read_uke(bytes);
  };
  const UkeFile good = read_re("\x83\x4A\x83\x93", "P1");  // カン
  REQUIRE(good.errors.empty());
  REQUIRE(good.receipts.size() == 1);
  CHECK(good.receipts[0].name == "カン");
  CHECK(good.receipts[0].chart_number == "P1");

  const auto first_error = [](const UkeFile& file) {
    REQUIRE(!file.errors.empty());
    CHECK(file.errors[0].line == 2);
    return std::pair{file.errors[0].column, file.errors[0].message};
  };
  using Named = std::pair<int, std::string>;
  CHECK(first_error(read_re("\x83\x4A\x80", "P\x01")) == Named{5, "byte 0x80 at offset 2 of the field is not CP932"});
  CHECK(first_error(read_re("\x83\x4A\x01", "P\x80")) == Named{5, "control byte 0x01 at offset 2 of the field"});
  CHECK(first_error(read_re("\x80\x83\x4A\x01", "P1")) == Named{5, "control byte 0x01 at offset 3 of the field"});
  // A lead byte last in its field: the comma after it is not its second byte.
  CHECK(first_error(read_re("A\x82", "P1")) == Named{5, "byte 0x82 at offset 1 of the field is not CP932"});
  CHECK(first_error(read_re("\x83\x4A", "P\x80")) == Named{14, "byte 0x80 at offset 1 of the field is not CP932"});
}

TEST_CASE("read_uke on 2,000 seeded byte mutations of the sample UKE: never throws, every receipt accounted for") {
  const std::string sample = test::file_bytes(test::shared_dir() / "uke" / "RECEIPTC_GAIRAI_SAMPLE.UKE");
  REQUIRE(sample.size() == 38775);
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes = sample;
    for (int k = 0, n = 1 + static_cast<int>(random() % 4); k < n; ++k) {
      const std::size_t at = random() % bytes.size();
      switch (random() % 3) {
        case 0: bytes[at] = static_cast<char>(random() % 256); break;
        case 1: bytes.erase(at, 1 + random() % 40); break;
        default: bytes.insert(at, 1, "\r\n,0-9\x81"[random() % 7]); break;
      }
      if (bytes.empty()) bytes = "x";
    }
    UkeFile file;
    CHECK_NOTHROW(file = read_uke(bytes, "mutated.uke"));
    CHECK(file.receipts.size() <= static_cast<std::size_t>(file.receipts_seen));
    CHECK((file.receipts.size() == static_cast<std::size_t>(file.receipts_seen) || !file.errors.empty()));
  }
}
