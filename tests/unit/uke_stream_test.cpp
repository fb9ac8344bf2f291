// price_uke_file and price_uke_bytes price a UKE file's receipts as they are read, on worker threads
// beside the reading one: their report must be price_uke(read_uke_file(…))'s, byte for byte, on real
// files (mapped, and streamed through a FIFO), on broken ones, and on a file of many batches.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "output/json_writer.hpp"
#include "santei/uke.hpp"
#include "uke_support.hpp"

using namespace santei;
using santei::test::day;

namespace {

PricingOptions check_options(std::string revision = {}) {
  PricingOptions options;
  options.mode = ClaimMode::as_claimed;
  options.copay = false;
  options.explain = false;
  options.revision = std::move(revision);
  return options;
}

// Both paths on 1, 2 and 3 threads: the JSON and text reports equal the read-then-price ones.
// Returns the read-then-price report.
UkePriceReport same_reports(const std::filesystem::path& path, const PricingOptions& options) {
  CAPTURE(path);
  const UkeFile file = read_uke_file(path);
  const UkePriceReport expected = price_uke(file, test::real_library(), options, 1);
  // In the file's order, one comparison per well-formed receipt.
  REQUIRE(expected.receipts.size() == file.receipts.size());
  for (std::size_t i = 0; i < file.receipts.size(); ++i) {
    CHECK(expected.receipts[i].line == file.receipts[i].line);
    CHECK(expected.receipt_findings[i].size() == file.receipts[i].findings.size());
  }
  const std::string json = uke_report_json(expected);
  const std::string text = uke_report_text(expected);
  const std::string bytes = test::file_bytes(path);
  for (unsigned threads = 1; threads <= 3; ++threads) {
    CAPTURE(threads);
    const UkePriceReport streamed = price_uke_file(path, {}, test::real_library(), options, threads);
    CHECK(uke_report_json(streamed) == json);
    CHECK(uke_report_text(streamed) == text);
    // The same bytes in memory (santei serve's body, the C ABI's buffer), named as the file.
    const UkePriceReport in_memory = price_uke_bytes(bytes, path.string(), {}, test::real_library(), options, threads);
    CHECK(uke_report_json(in_memory) == json);
    CHECK(uke_report_text(in_memory) == text);
    CHECK(uke_report_json(price_uke(read_uke_file(path), test::real_library(), options, threads)) == json);
  }
  // A file is mapped (read where it lies); a FIFO, a pipe given as a path, is streamed: the same
  // report under the FIFO's name.
  const std::filesystem::path fifo =
      std::filesystem::temp_directory_path() / ("santei-uke-fifo-" + std::to_string(::getpid()));
  std::filesystem::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << bytes; });
  const UkePriceReport piped = price_uke_file(fifo, {}, test::real_library(), options, 2);
  writer.join();
  std::filesystem::remove(fifo);
  CHECK(uke_report_json(piped) ==
        uke_report_json(price_uke_bytes(bytes, fifo.string(), {}, test::real_library(), options, 1)));
  return expected;
}

}  // namespace

TEST_CASE("price_uke_file: the real UKE files of ../shared/uke give price_uke's report, 1 to 3 threads" * doctest::test_suite("threads")) {
  // The vendor's sample (2021-10, under r04): 75 receipts whose 合計点数 add up to GO's 86,392,
  // which states 140 receipts (the file was trimmed: ../shared/uke/README.md).
  const UkePriceReport sample = same_reports(test::shared_dir() / "uke" / "RECEIPTC_GAIRAI_SAMPLE.UKE", check_options("r04"));
  CHECK(sample.receipts.size() == 75);
  CHECK(sample.units() == 268);
  REQUIRE(sample.findings.size() == 1);
  CHECK(sample.findings[0].check == UkeCheck::receipt_count);
  CHECK(sample.findings[0].stated == 140);
  CHECK(sample.findings[0].derived == 75);
  // SSK's insurer-side sample (2020-04, under r04): 18 receipts with an IR before each.
  const UkePriceReport ssk = same_reports(test::shared_dir() / "uke" / "ssk-sample" / "RECEIPTC.UKE", check_options("r04"));
  CHECK(ssk.receipts_in_file == 18);
  // ORCA's demo clinic (2018-11), re-encoded to UTF-8 with LF line ends: 27 and 7 receipts.
  CHECK(same_reports(test::shared_dir() / "uke" / "orca-demo" / "shaho_201811.csv", check_options("r04")).receipts.size() == 27);
  CHECK(same_reports(test::shared_dir() / "uke" / "orca-demo" / "kokuho_201811.csv", check_options("r04")).receipts.size() == 7);
}

TEST_CASE("price_uke_file: every broken file of tests/bad/uke gives price_uke's report, its errors included") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::test_data() / "bad" / "uke")) {
    const UkePriceReport report = same_reports(entry.path(), check_options());
    CHECK_FALSE((report.errors.empty() && report.findings.empty()));
    ++files;
  }
  CHECK(files == 20);
}

TEST_CASE("price_uke_file: 700 generated receipts (11 batches), one with a broken record, in file order on 3 threads" *
          doctest::test_suite("threads")) {
  // Receipt 400 is skipped and reported: its 診療年月 is not a month.
  const std::filesystem::path path = test::generated_uke_file("santei_uke_stream_test.uke", 5, 700, 400);
  const UkePriceReport report = same_reports(path, check_options("r06"));
  CHECK(report.receipts_in_file == 700);
  REQUIRE(report.receipts.size() == 699);
  CHECK(report.receipts[398].number == 399);
  CHECK(report.receipts[399].number == 401);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].field.find("診療年月") != std::string::npos);
  // santei wrote the file from its own pricing: every unit agrees, in every receipt.
  CHECK(report.agreeing_units() == report.units());
  std::filesystem::remove(path);
}

namespace {

// Each receipt of `report` against a reference: the receipt of `file` priced whole with the
// copayment and, when that fails, again without it. Returns the receipts whose copayment failed.
std::size_t copay_as_priced_twice(const UkePriceReport& report, const UkeFile& file, const PricingOptions& options) {
  PricingOptions points_only = options;
  points_only.copay = false;
  REQUIRE(report.receipts.size() == file.receipts.size());
  std::size_t unpayable = 0;
  for (std::size_t i = 0; i < file.receipts.size(); ++i) {
    const UkeReceipt& receipt = file.receipts[i];
    const UkeReceiptComparison& got = report.receipts[i];
    CAPTURE(receipt.number);
    std::optional<std::string> why;
    PricedClaim expected;
    try {
      expected = price(receipt.claim, test::real_library(), options);
    } catch (const Exception& e) {
      why = e.info().in_input(file.path, receipt.line).to_string();
      expected = price(receipt.claim, test::real_library(), points_only);
    }
    CHECK(got.priced_total == expected.total);
    REQUIRE(got.diagnostics.size() == expected.diagnostics.size());
    for (std::size_t d = 0; d < expected.diagnostics.size(); ++d) CHECK(got.diagnostics[d].rule == expected.diagnostics[d].rule);
    REQUIRE(got.copay_error.has_value() == why.has_value());
    if (why) CHECK(got.copay_error->to_string() == *why);
    unpayable += why ? 1 : 0;
  }
  return unpayable;
}

}  // namespace

TEST_CASE("price_uke_file with the copayment: a receipt whose copayment cannot be given keeps its points and says why" *
          doctest::test_suite("threads")) {
  // A UKE file states no 負担割合 for a patient of 70 or over (後期高齢者, 70–74: it follows the
  // income) nor a 公費's 自己負担上限月額: their receipts' copayments cannot be given. The check
  // prices the points once and puts the copayment onto them.
  const std::filesystem::path path = test::generated_uke_file("santei_uke_copay_test.uke", 13, 300, 1);
  PricingOptions options = check_options("r06");
  options.copay = true;
  UkeFile file = read_uke_file(path);
  REQUIRE(file.receipts.size() == 299);
  for (unsigned threads = 1; threads <= 2; ++threads) {
    CAPTURE(threads);
    const UkePriceReport report = price_uke_file(path, {}, test::real_library(), options, threads);
    const std::size_t unpayable = copay_as_priced_twice(report, file, options);
    CHECK(unpayable > 0);
    CHECK(unpayable < report.receipts.size());
    CHECK(report.agreeing_units() == report.units());
  }
  // A 地単公費 no local programme row fits (a Chiba programme, as in local_programmes_test.cpp) is a
  // diagnostic of the copayment: a receipt whose copayment then fails has its points' alone.
  for (UkeReceipt& receipt : file.receipts) {
    PublicExpense chiba;
    chiba.law = "83";
    chiba.payer_number = "83123067";
    receipt.claim.public_expenses.push_back(chiba);
  }
  const UkePriceReport report = price_uke(file, test::real_library(), options, 2);
  CHECK(copay_as_priced_twice(report, file, options) > 0);
  const auto local_diagnostic = [](const UkeReceiptComparison& r) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.rule == "地単公費"; });
  };
  CHECK(std::count_if(report.receipts.begin(), report.receipts.end(), local_diagnostic) > 0);
  std::filesystem::remove(path);
}

// write_uke_report_json (santei price --uke writes its JSON so): the report handed over as it is
// made, never much more than JsonWriter::kDrainAt at a time, the pieces joined uke_report_json's bytes.
TEST_CASE("write_uke_report_json: a report of 700 receipts in pieces of about 1 MiB, joined uke_report_json's bytes; a failing or stopping write stops it") {
  constexpr std::size_t output_drain_at = output::JsonWriter::kDrainAt;
  const std::filesystem::path path = test::generated_uke_file("santei_uke_report_pieces.uke", 7, 700, 700);
  const UkePriceReport report = price_uke_file(path, {}, test::real_library(), check_options("r06"), 2);
  std::filesystem::remove(path);
  const std::string whole = uke_report_json(report);
  REQUIRE(whole.size() > output_drain_at);  // 1.3 MB
  std::vector<std::size_t> sizes;
  std::string joined;
  CHECK(write_uke_report_json(report, [&](std::string_view piece) {
    sizes.push_back(piece.size());
    joined += piece;
    return true;
  }));
  CHECK(joined == whole);
  REQUIRE(sizes.size() >= 2);
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
    CAPTURE(i);
    CHECK(sizes[i] >= output_drain_at);
    CHECK(sizes[i] < output_drain_at + 64 * 1024);  // the drain's threshold and at most a value or a buffer more
  }
  CHECK(sizes.back() <= output_drain_at + 64 * 1024);
  // A write that fails (a full disk) stops the writing: its exception reaches the caller.
  int calls = 0;
  CHECK_THROWS_WITH_AS(write_uke_report_json(report,
                                             [&](std::string_view) -> bool {
                                               ++calls;
                                               throw Exception(ErrorInfo{Status::io_error, "<stdout>", 0, 0, {}, "disk full"});
                                             }),
                       "<stdout>: disk full", Exception);
  CHECK(calls == 1);
  // A write that says stop (a client gone) stops it too: nothing more is made, and the call says so.
  calls = 0;
  CHECK_FALSE(write_uke_report_json(report, [&](std::string_view) {
    ++calls;
    return false;
  }));
  CHECK(calls == 1);
}
