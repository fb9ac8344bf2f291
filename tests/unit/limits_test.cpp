// The documented limits (README, "Limits") on claims and UKE input, each met at test time with an
// input at it (accepted) and just over it: a clear limit_exceeded error at the line or field that
// crossed it, and the rest still read.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include <sys/resource.h>

#include "big_input.hpp"
#include "error_of.hpp"
#include "santei/claim.hpp"
#include "santei/uke.hpp"
#include "support.hpp"

using namespace santei;

namespace {

// A receipt of the bad-input fixtures (tests/bad/uke): RE HO SY SI, 初診料 291点, as CP932 bytes.
std::string receipt(int number) {
  return "RE," + std::to_string(number) +
         ",1112,202406,\x83\x5e\x83\x8d\x83\x45,1,19800101,,,,,,,P" + std::to_string(number) +
         ",,,,,,,,,,,,,,,,,,,,,,,,\r\n"
         "HO,01130012,\x82\x50,\x82\x50,1,291,,,,,,,,,\r\n"
         "SY,0000999,20240603,1,,\x83\x65\x83\x58\x83\x67,01,\r\n"
         "SI,11,1,111000110,,291,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
}

const std::string kFacility = "IR,1,13,1,1234567,,\x83\x54\x83\x93\x83\x65\x83\x43,202407,00,0312345678\r\n";
const std::string kEnd = "GO,1,291,99\r\n";

// A claim whose visits are `visits` (JSON array members, joined here).
std::string claim_with(const std::vector<std::string>& visits) {
  std::string out = R"({"format":"santei.claim/1","id":"limits","month":"2024-06","setting":"outpatient",)"
                    R"("facility":{"kind":"clinic"},"patient":{"birth_date":"1980-01-01","sex":"male"},)"
                    R"("insurance":{"kind":"employee"},"visits":[)";
  for (std::size_t i = 0; i < visits.size(); ++i) out += (i ? "," : "") + visits[i];
  return out + "]}";
}

ErrorInfo claim_error(const std::string& json) {
  return test::error_of([&] { (void)parse_claim(json); });
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("a claim of kMaxVisitsPerClaim visits is read; one more visit is limit_exceeded at visits") {
  const std::string visit = R"({"date":"2024-06-03","orders":[{"category":"12","items":[{"code":"112007410"}]}]})";
  const std::vector<std::string> at_limit(kMaxVisitsPerClaim, visit);
  CHECK(parse_claim(claim_with(at_limit)).visits.size() == kMaxVisitsPerClaim);
  std::vector<std::string> over = at_limit;
  over.push_back(visit);
  const ErrorInfo e = claim_error(claim_with(over));
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.field == "visits");
  CHECK(e.message == "more than 744 visits in one claim");
}

TEST_CASE("a claim of kMaxLinesPerClaim items is read; one more item is limit_exceeded at the item list that "
          "crossed it") {
  // 20 visits of 1,000 items each: the limit exactly; then one more item on the last visit.
  std::string items;
  for (int i = 0; i < 1000; ++i) items += std::string(i ? "," : "") + R"({"code":"160022510"})";
  std::vector<std::string> visits;
  for (int day = 1; day <= 20; ++day) {
    visits.push_back(fmt::format(R"({{"date":"2024-06-{:02}","orders":[{{"category":"60","items":[{}]}}]}})", day, items));
  }
  CHECK(parse_claim(claim_with(visits)).visits.size() == 20);
  visits.back().insert(visits.back().size() - 4, R"(,{"code":"160022510"})");
  const ErrorInfo e = claim_error(claim_with(visits));
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.field == "visits[19].orders[0].items");
  CHECK(e.message == "more than 20000 items in one claim");
}

TEST_CASE("the fixture receipt of the limits tests is read as one clean receipt") {
  const UkeFile file = read_uke(kFacility + receipt(1) + kEnd, "fixture.uke");
  CHECK(file.errors.empty());
  REQUIRE(file.receipts.size() == 1);
  CHECK(file.receipts[0].number == 1);
}

TEST_CASE("a UKE record of 1 GiB (a sparse file of NULs, made at test time) is limit_exceeded at its line; "
          "it is read past in bounded memory and the next receipt is read") {
  const test::ScratchDirectory dir("santei-limits-uke");
  const auto path = dir.path() / "huge_record.uke";
  // Lines 1 IR, 2–5 receipt 1, 6 the huge record (inside receipt 1, which it spoils), 7–10 receipt 2, 11 GO.
  test::write_sparse(path, kFacility + receipt(1), std::size_t{1} << 30, "\r\n" + receipt(2) + kEnd);
  const long rss_before = peak_rss_kib();
  const UkeFile file = read_uke_file(path);
  const long grown_kib = peak_rss_kib() - rss_before;
  REQUIRE(file.errors.size() == 1);
  const ErrorInfo& e = file.errors.front();
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.line == 6);
  CHECK(e.message == "record of 1073741824 bytes is over the limit of 65536");
  REQUIRE(file.receipts.size() == 1);
  CHECK(file.receipts[0].number == 2);
  MESSAGE("peak memory grew by " << grown_kib << " KiB reading a 1 GiB record");
  // the record is never held: a few buffers, not a gigabyte
  CHECK(grown_kib < 64 * 1024 + test::sanitizer_shadow_kib(std::size_t{1} << 30));
}

TEST_CASE("a receipt of more than kMaxUkeRecordsPerReceipt records is skipped with one limit_exceeded error; "
          "the receipts around it are read") {
  std::string big = receipt(2);
  const std::string si = "SI,,1,111000110,,291,1,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
  for (std::size_t records = 4; records <= kMaxUkeRecordsPerReceipt; ++records) big += si;  // RE, then the limit
  const std::string at_limit = kFacility + receipt(1) + big + receipt(3) + kEnd;
  const std::string over_limit = kFacility + receipt(1) + big + si + receipt(3) + kEnd;

  const UkeFile ok = read_uke(at_limit, "at_limit.uke");
  CHECK(ok.errors.empty());
  CHECK(ok.receipts.size() == 3);

  const UkeFile file = read_uke(over_limit, "over_limit.uke");
  REQUIRE(file.errors.size() == 1);
  const ErrorInfo& e = file.errors.front();
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.line == static_cast<std::int64_t>(1 + 4 + 1 + kMaxUkeRecordsPerReceipt + 1));  // IR, receipt 1, RE, …, one more
  CHECK(e.field == "SI");
  CHECK(e.message == "receipt 2 has more than 20000 records");
  REQUIRE(file.receipts.size() == 2);
  CHECK(file.receipts[0].number == 1);
  CHECK(file.receipts[1].number == 3);
}

TEST_CASE("a UKE file of more than kMaxUkeReceipts receipts: the first kMaxUkeReceipts are read, then one "
          "limit_exceeded error at the next RE and nothing more") {
  std::string text = kFacility;
  text.reserve(kFacility.size() + (kMaxUkeReceipts + 2) * receipt(1).size());
  for (std::size_t n = 1; n <= kMaxUkeReceipts + 2; ++n) text += receipt(static_cast<int>(n));
  text += kEnd;
  const UkeFile file = read_uke(text, "many.uke");
  REQUIRE(file.errors.size() == 1);
  const ErrorInfo& e = file.errors.front();
  CHECK(e.status == Status::limit_exceeded);
  CHECK(e.line == static_cast<std::int64_t>(1 + 4 * kMaxUkeReceipts + 1));
  CHECK(e.message == "more than 200000 receipts in one file: the rest of the file is not read");
  CHECK(file.receipts.size() == kMaxUkeReceipts);
  CHECK(file.receipts.back().number == static_cast<std::int64_t>(kMaxUkeReceipts));
}
