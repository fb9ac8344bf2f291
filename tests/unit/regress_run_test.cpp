// Revision regression (santei/regress.hpp) on the real r04 and r06 masters: hand-made receipts
// with known deltas, and generated ones whose CSV rows, per-code rows and headline figures must add
// up to each other whatever the thread count.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "big_input.hpp"
#include "pricing_support.hpp"
#include "santei/generate.hpp"
#include "santei/regress.hpp"
#include "uke_support.hpp"

namespace santei::test {
namespace {

Regression r04_to_r06(bool copay = false) {
  return Regression(real_library(), "r04", real_library(), "r06", PricingOptions{.copay = copay, .explain = false});
}

// RFC 4180 rows of a CSV text.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field.push_back('"'), ++i;
      else if (c == '"') quoted = false;
      else field.push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field.push_back(c);
    }
  }
  rows.pop_back();  // after the last line break
  return rows;
}

std::int64_t number(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

// The generator options of these tests: claims of 2024-07 from `seed`.
GenerateOptions july_2024(std::uint64_t seed) {
  GenerateOptions g;
  g.month = *YearMonth::parse("2024-07");
  g.seed = seed;
  return g;
}

}  // namespace

TEST_CASE("regress: 初診料 288→291 and 処方箋料 68→60 make a 2024-07 receipt 5 points cheaper under r06 than r04") {
  ClaimSpec spec;
  spec.month = "2024-07";
  spec.visits = "[" + visit("2024-07-10", order("11", {"111000110"}) + "," + order("80", {"120002910"})) + "]";
  const Regression regression = r04_to_r06();
  const RegressOutcome o = regression.compare(parse_claim(claim_json(spec)), 0, 1);
  CHECK(o.receipt.old_side.priced);
  CHECK(o.receipt.new_side.priced);
  CHECK(o.receipt.old_side.points.value == 288 + 68);
  CHECK(o.receipt.new_side.points.value == 291 + 60);
  CHECK(o.receipt.delta().value == -5);
  CHECK(o.receipt.new_failures.empty());

  RegressSummary s;
  add_outcome(s, o);
  CHECK(s.codes.at(111000110).delta().value == 3);
  CHECK(s.codes.at(120002910).delta().value == -8);
  CHECK(s.down == 1);
  CHECK(s.histogram[histogram_bucket(Points{-5})] == 1);
}

TEST_CASE("regress: 特定疾患処方管理加算1 (120002570, r04 only) fails under r06 (2024-05) and is listed as newly failing") {
  ClaimSpec spec;
  spec.month = "2024-05";
  spec.visits = "[" + visit("2024-05-14", order("12", {"112007410"}) + "," + order("80", {"120002910"}) + "," +
                                              order("80", {"120002570"})) + "]";
  const Regression regression = r04_to_r06();
  RegressSummary s;
  add_outcome(s, regression.compare(parse_claim(claim_json(spec)), 7, 8));
  CHECK(s.failed_new == 1);
  CHECK(s.newly_failing == 1);
  REQUIRE(s.failing.size() == 1);
  CHECK(s.failing[0].line == 8);
  CHECK(s.failing[0].new_failures.at(0).find("120002570") != std::string::npos);
  CHECK(s.old_points.value == 73 + 68 + 18);  // r04 再診料 73, 処方箋料 68, 加算 18
  CHECK(s.new_points.value == 0);              // not priced by r06: counts 0, so the delta is −159
  CHECK(s.delta().value == -159);
  CHECK(s.priced_both == 0);
}

TEST_CASE("regress_json_lines counts its input's lines, blank ones and a last one without a newline among them: a "
          "partition's count numbers the next partition's lines as lines of the file") {
  const Regression regression = r04_to_r06();
  const auto lines_read = [&](std::string_view input) {
    const RegressSummary s = regress_json_lines(input, "<lines>", regression);
    return std::pair{s.lines, s.receipts};
  };
  CHECK(lines_read("") == std::pair<std::int64_t, std::int64_t>{0, 0});
  CHECK(lines_read("\n") == std::pair<std::int64_t, std::int64_t>{1, 0});
  CHECK(lines_read("x\n\n") == std::pair<std::int64_t, std::int64_t>{2, 1});  // "x": a receipt neither revision prices
  CHECK(lines_read("x\n\ny") == std::pair<std::int64_t, std::int64_t>{3, 2});
  CHECK(lines_read("x\r\n\r\ny\r\n") == std::pair<std::int64_t, std::int64_t>{3, 2});

  // 特定疾患処方管理加算1 (120002570) is r04's only: the claim fails under r06, on line 4 of the file.
  ClaimSpec spec;
  spec.month = "2024-05";
  spec.visits = "[" + visit("2024-05-14", order("12", {"112007410"}) + "," + order("80", {"120002910"}) + "," +
                                              order("80", {"120002570"})) + "]";
  const std::string first = "\n\n\n";  // a partition of three blank lines
  const std::string second = claim_json(spec) + "\n";
  const RegressSummary whole = regress_json_lines(first + second, "<lines>", regression);
  REQUIRE(whole.failing.size() == 1);
  CHECK(whole.failing[0].line == 4);
  const RegressSummary before = regress_json_lines(first, "<lines>", regression);
  RegressRunOptions after;
  after.first_line = 1 + before.lines;
  const RegressSummary then = regress_json_lines(second, "<lines>", regression, after);
  REQUIRE(then.failing.size() == 1);
  CHECK(then.failing[0].line == 4);
  CHECK(before.lines + then.lines == whole.lines);
}

TEST_CASE("regress: histogram buckets of per-receipt changes, edge by edge") {
  CHECK(histogram_bucket(Points{0}) == kHistogramZero);
  CHECK(histogram_bucket(Points{1}) == kHistogramZero + 1);
  CHECK(histogram_bucket(Points{4}) == kHistogramZero + 1);
  CHECK(histogram_bucket(Points{5}) == kHistogramZero + 2);
  CHECK(histogram_bucket(Points{999}) == kHistogramBuckets - 2);
  CHECK(histogram_bucket(Points{1000}) == kHistogramBuckets - 1);
  CHECK(histogram_bucket(Points{123456}) == kHistogramBuckets - 1);
  CHECK(histogram_bucket(Points{-1}) == kHistogramZero - 1);
  CHECK(histogram_bucket(Points{-5}) == kHistogramZero - 2);
  CHECK(histogram_bucket(Points{-1000}) == 0);
  CHECK(histogram_label(kHistogramZero) == "0");
  CHECK(histogram_label(kHistogramZero + 1) == "+1 … +4");
  CHECK(histogram_label(kHistogramZero - 2) == "−9 … −5");
  CHECK(histogram_label(0) == "−1000 or less");
  CHECK(histogram_label(kHistogramBuckets - 1) == "+1000 or more");
}

TEST_CASE("regress_claims (claims already read, as from a UKE file) and JSON Lines in memory or in a mapped file: the receipts and summary of JSON Lines read from a stream, on 1, 2 or 3 threads" * doctest::test_suite("threads")) {
  const ClaimGenerator generator(real_library(), july_2024(7));
  std::string input;
  std::vector<Claim> claims;
  std::vector<std::int64_t> lines;
  for (std::uint64_t i = 0; i < 700; ++i) {  // more than two batches of the pipeline
    std::string line;
    generator.append_json(i, line);
    claims.push_back(parse_claim(line));
    lines.push_back(static_cast<std::int64_t>(i) + 1);
    input += line + "\n";
  }
  const Regression regression = r04_to_r06(/*copay=*/true);
  enum class From { stream, memory, file, claims };
  const test::ScratchDirectory dir("santei-regress-file");
  const std::filesystem::path file = dir.path() / "claims.jsonl";
  std::ofstream(file, std::ios::binary) << input;
  const auto run = [&](unsigned threads, From from) {
    std::string csv;
    RegressRunOptions options;
    options.threads = threads;
    options.on_receipt = [&](const RegressReceipt& r) { csv += regress_csv_receipt(r); };
    std::istringstream in(input);
    const RegressSummary s = from == From::stream   ? regress_json_lines(in, "<generated>", regression, options)
                             : from == From::memory ? regress_json_lines(std::string_view(input), "<generated>", regression, options)
                             : from == From::file   ? regress_json_lines_file(file, "<generated>", regression, options)
                                                    : regress_claims(claims, lines, regression, options);
    return csv + regress_summary_json(s, regression);
  };
  const std::string from_lines = run(2, From::stream);
  CHECK(from_lines.find("\"lines\":700,\"receipts\":700,") != std::string::npos);
  // Claims given as objects have no lines read: the rest is the same.
  constexpr std::string_view kLinesRead = "\"lines\":700,";
  std::string from_claims = from_lines;
  from_claims.replace(from_claims.find(kLinesRead), kLinesRead.size(), "\"lines\":0,");
  CHECK(run(1, From::claims) == from_claims);
  CHECK(run(3, From::claims) == from_claims);
  // JSON Lines in memory (a mapped file's, a C ABI caller's), each claim read where it lies.
  CHECK(run(1, From::memory) == from_lines);
  CHECK(run(2, From::memory) == from_lines);
  CHECK(run(2, From::file) == from_lines);  // santei regress FILE: mapped
}

TEST_CASE("regress_uke_file: a UKE file compared as it is read gives regress_claims' receipts and summary on its claims, "
          "a broken receipt counted apart, on 1 or 3 threads" * doctest::test_suite("threads")) {
  // 700 generated claims (more than two batches) priced under r06 as one UKE file; receipt 300 is
  // skipped and its error listed: its 診療年月 is not a month.
  const std::filesystem::path path = test::generated_uke_file("santei_regress_uke_test.uke", 11, 700, 300);
  const Regression regression = r04_to_r06(/*copay=*/true);
  const UkeFile file = read_uke_file(path);
  REQUIRE(file.receipts.size() == 699);
  std::vector<Claim> read_claims;
  std::vector<std::int64_t> lines;
  for (const UkeReceipt& r : file.receipts) {
    read_claims.push_back(r.claim);
    lines.push_back(r.line);
  }
  const auto run = [&](unsigned threads, bool streamed) {
    std::string csv;
    RegressRunOptions run_options;
    run_options.threads = threads;
    run_options.on_receipt = [&](const RegressReceipt& r) { csv += regress_csv_receipt(r); };
    if (!streamed) return csv + regress_summary_json(regress_claims(read_claims, lines, regression, run_options), regression);
    UkeFile read;
    const RegressSummary s = regress_uke_file(path, {}, regression, run_options, read);
    CHECK(read.receipts.empty());
    CHECK(read.receipts_seen == 700);
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].field.find("診療年月") != std::string::npos);
    return csv + regress_summary_json(s, regression);
  };
  const std::string expected = run(1, false);
  CHECK(expected.find("\"receipts\":699,") != std::string::npos);
  // The CSV rows name each receipt's RE line: receipt 301's comes after receipt 299's.
  CHECK(expected.find(fmt::format(",{},", file.receipts[299].line)) != std::string::npos);
  CHECK(run(1, true) == expected);
  CHECK(run(3, true) == expected);
  std::filesystem::remove(path);
}

TEST_CASE("regress: 3,000 generated receipts of 2024-07, r04→r06 — CSV rows, code rows and headline agree, on 1 or 2 threads" * doctest::test_suite("threads")) {
  const ClaimGenerator generator(real_library(), july_2024(2024));
  std::string input;
  for (std::uint64_t i = 0; i < 3000; ++i) {
    generator.append_json(i, input);
    input += i == 17 ? "\n\nnot a claim\n" : "\n";  // a blank line, and a line that is no claim
  }
  const Regression regression = r04_to_r06(/*copay=*/true);

  std::string csv = regress_csv_header();
  RegressRunOptions run;
  run.threads = 2;
  run.on_receipt = [&](const RegressReceipt& r) { csv += regress_csv_receipt(r); };
  std::istringstream in(input);
  const RegressSummary s = regress_json_lines(in, "<generated>", regression, run);
  csv += regress_csv_codes(s, regression);

  CHECK(s.receipts == 3001);
  CHECK(s.failed_old == 1);  // "not a claim"
  CHECK(s.failed_new == 1);
  CHECK(s.priced_both == 3000);
  CHECK(s.up + s.down + s.unchanged == s.priced_both);
  std::int64_t in_histogram = 0;
  for (const std::int64_t n : s.histogram) in_histogram += n;
  CHECK(in_histogram == s.priced_both);
  // r06 is cheaper for this clinic mix (処方箋料 68→60, 薬価 of 2024-04, 薬剤情報提供料 10→4 …).
  CHECK(s.delta().value < 0);
  CHECK(s.down > s.up);

  const auto rows = parse_csv(csv);
  REQUIRE(rows.size() > 1);
  const std::vector<std::string>& header = rows.front();
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  std::int64_t receipts = 0, old_points = 0, new_points = 0, delta = 0, old_yen = 0, new_yen = 0, new_failed = 0;
  std::int64_t code_old = 0, code_new = 0, code_delta = 0;
  std::int64_t previous_line = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    REQUIRE(r.size() == header.size());
    if (r[col["record"]] == "receipt") {
      ++receipts;
      CHECK(number(r[col["line"]]) > previous_line);  // input order
      previous_line = number(r[col["line"]]);
      old_points += number(r[col["old_points"]]);
      new_points += number(r[col["new_points"]]);
      delta += number(r[col["delta"]]);
      old_yen += number(r[col["old_patient_yen"]]);
      new_yen += number(r[col["new_patient_yen"]]);
      new_failed += r[col["status"]] == "new_failed" || r[col["status"]] == "both_failed" ? 1 : 0;
    } else {
      REQUIRE(r[col["record"]] == "code");
      code_old += number(r[col["old_points"]]);
      code_new += number(r[col["new_points"]]);
      code_delta += number(r[col["delta"]]);
    }
  }
  CHECK(receipts == s.receipts);
  CHECK(old_points == s.old_points.value);
  CHECK(new_points == s.new_points.value);
  CHECK(delta == s.delta().value);
  CHECK(old_yen == s.old_patient_yen.value);
  CHECK(new_yen == s.new_patient_yen.value);
  CHECK(new_failed == s.failed_new);
  CHECK(code_old == s.old_points.value);
  CHECK(code_new == s.new_points.value);
  CHECK(code_delta == s.delta().value);

  // One thread gives the same summary, byte for byte; four the same receipts in the same order,
  // and the last progress report counts every receipt and byte.
  std::istringstream again(input);
  RegressRunOptions single;
  single.threads = 1;
  const RegressSummary one = regress_json_lines(again, "<generated>", regression, single);
  CHECK(regress_summary_json(one, regression) == regress_summary_json(s, regression));
  std::string csv4 = regress_csv_header();
  std::pair<std::int64_t, std::int64_t> progress;
  RegressRunOptions four;
  four.threads = 4;
  four.on_receipt = [&](const RegressReceipt& r) { csv4 += regress_csv_receipt(r); };
  four.on_progress = [&](std::int64_t receipts, std::int64_t bytes) { progress = {receipts, bytes}; };
  std::istringstream third(input);
  const RegressSummary by_four = regress_json_lines(third, "<generated>", regression, four);
  CHECK(csv4 + regress_csv_codes(by_four, regression) == csv);
  CHECK(progress == std::pair<std::int64_t, std::int64_t>(3001, static_cast<std::int64_t>(input.size())));

  // The report names the figures it shows.
  const std::string html = regress_html(s, regression, "generated");
  CHECK(html.find("id=\"receipts\" data-value=\"3001\"") != std::string::npos);
  CHECK(html.find(fmt::format("id=\"delta\" data-value=\"{}\"", s.delta().value)) != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // the SVG namespace is no fetch
}

}  // namespace santei::test
