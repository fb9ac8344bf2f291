// santei/price_stream.hpp on the real masters: generated claims with bad lines among them are
// answered the same, in input order, whatever the threads and chunk sizes; a sink that says stop
// stops the stream; threads kept from run to run (PriceWorkers) answer as fresh ones.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "big_input.hpp"
#include "santei/generate.hpp"
#include "output/price_workers.hpp"
#include "santei/price_stream.hpp"
#include "support.hpp"

namespace santei::test {
namespace {

struct Bad {
  std::int64_t line;
  Status status;
};

// 300 generated claims of 2024-07, one a line, with a malformed line, a blank line and a line over
// kMaxClaimBytes among them. `bad`: the lines answered with an error.
std::string claims_with_bad_lines(std::vector<Bad>& bad) {
  const ClaimGenerator generator(real_library(), GenerateOptions{*YearMonth::parse("2024-07"), 17, {"r06"}});
  std::string input;
  std::int64_t line = 0;
  for (std::uint64_t i = 0; i < 300; ++i) {
    ++line;
    if (i == 41) {
      input += "{\"format\":\"santei.claim/1\",\n";
      bad.push_back({line, Status::parse_error});
    } else if (i == 130) {
      input += " \t\r\n";
    } else if (i == 257) {
      input.append(kMaxClaimBytes + 1, 'x');
      input += '\n';
      bad.push_back({line, Status::limit_exceeded});
    } else {
      generator.append_json(i, input);
      input += '\n';
    }
  }
  return input;
}

struct Run {
  std::vector<ClaimAnswer> answers;
  std::size_t calls = 0;
  std::size_t largest_call = 0;
  std::size_t errors = 0;
};

// `workers`: threads kept from an earlier run, or none (price_stream's own). `in_memory`: the
// input's bytes handed over whole (a C ABI caller's), not as a stream. `file`: the input written
// there and priced by price_file (santei price FILE), which maps it.
Run run(const std::string& input, unsigned threads, std::size_t chunk_claims, std::size_t stop_after_calls = 0,
        PriceWorkers* workers = nullptr, bool in_memory = false, const std::filesystem::path* file = nullptr) {
  std::istringstream in(input);
  PriceStreamOptions stream;
  stream.threads = threads;
  stream.chunk_claims = chunk_claims;
  Run r;
  const auto sink = [&](std::span<const ClaimAnswer> answers) {
    ++r.calls;
    r.largest_call = std::max(r.largest_call, answers.size());
    r.answers.insert(r.answers.end(), answers.begin(), answers.end());
    return r.calls != stop_after_calls;
  };
  const PricingOptions options{.explain = false};
  if (file) {
    std::ofstream(*file, std::ios::binary | std::ios::trunc) << input;
    r.errors = price_file(*file, "claims.jsonl", real_library(), options, stream, sink);
  } else if (in_memory) {
    r.errors = workers ? price_stream(std::string_view(input), "claims.jsonl", real_library(), options, stream, sink, *workers)
                       : price_stream(std::string_view(input), "claims.jsonl", real_library(), options, stream, sink);
  } else {
    r.errors = workers ? price_stream(in, "claims.jsonl", real_library(), options, stream, sink, *workers)
                       : price_stream(in, "claims.jsonl", real_library(), options, stream, sink);
  }
  return r;
}

// f() called with `kib` KiB more of the stack in use: the locals of a run on kept threads lie
// elsewhere than the last run's, so threads still holding the last run's work would show.
template <class F>
Run deeper(int kib, const F& f) {
  volatile char pad[1024];
  pad[0] = 0;
  Run r = kib == 0 ? f() : deeper(kib - 1, f);
  pad[1] = pad[0];
  return r;
}

}  // namespace

TEST_CASE("price_stream: 300 claims with a malformed, a blank and an over-size line — the same answers in input "
          "order on 1, 2 and 4 threads, in chunks of 1, 3, 64 and 4096 claims" * doctest::test_suite("threads")) {
  std::vector<Bad> bad;
  const std::string input = claims_with_bad_lines(bad);
  const Run one = run(input, 1, 4096);
  REQUIRE(one.answers.size() == 299);  // the blank line is no claim
  CHECK(one.errors == bad.size());
  std::size_t b = 0;
  for (std::size_t i = 0; i < one.answers.size(); ++i) {
    const ClaimAnswer& answer = one.answers[i];
    if (i > 0) CHECK(answer.line > one.answers[i - 1].line);
    if (b < bad.size() && answer.line == bad[b].line) {
      CHECK(answer.status == bad[b].status);
      CHECK(answer.json.find("\"error\"") != std::string::npos);
      CHECK(answer.message.find(fmt::format("claims.jsonl:{}", answer.line)) == 0);
      ++b;
    } else {
      CHECK(answer.status == Status::ok);
      CHECK(answer.message.empty());
    }
  }
  CHECK(b == bad.size());

  for (const unsigned threads : {1u, 2u, 4u}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{4096}}) {
      CAPTURE(threads);
      CAPTURE(chunk);
      const Run r = run(input, threads, chunk);
      CHECK(r.errors == bad.size());
      CHECK(r.largest_call <= chunk);
      REQUIRE(r.answers.size() == one.answers.size());
      for (std::size_t i = 0; i < r.answers.size(); ++i) {
        CHECK(r.answers[i].line == one.answers[i].line);
        CHECK(r.answers[i].status == one.answers[i].status);
        CHECK(r.answers[i].json == one.answers[i].json);
        CHECK(r.answers[i].message == one.answers[i].message);
      }
    }
  }
}

TEST_CASE("price_stream: a sink that returns false after its first chunk is called once, on 1, 2 and 4 threads" *
          doctest::test_suite("threads")) {
  std::vector<Bad> bad;
  const std::string input = claims_with_bad_lines(bad);
  for (const unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    const Run r = run(input, threads, 3, /*stop_after_calls=*/1);
    CHECK(r.calls == 1);
    REQUIRE(r.answers.size() == 3);
    CHECK(r.answers.front().line == 1);
    CHECK(r.errors == 0);
  }
}

TEST_CASE("price_stream on kept threads: seven runs on 2, 2, 2, 4, 4, 1 and 2 threads, the second and the "
          "fifth stopped after their first chunk — each answered as a run on threads of its own" *
          doctest::test_suite("threads")) {
  std::vector<Bad> bad;
  const std::string input = claims_with_bad_lines(bad);
  const Run fresh = run(input, 1, 4096);
  PriceWorkers workers;
  const struct {
    unsigned threads;
    std::size_t stop_after_calls;
  } runs[] = {{2, 0}, {2, 1}, {2, 0}, {4, 0}, {4, 1}, {1, 0}, {2, 0}};
  int depth = 0;
  for (const auto& each : runs) {
    const unsigned threads = each.threads;  // not a structured binding: clang 14's lambdas cannot capture one
    const std::size_t stop_after_calls = each.stop_after_calls;
    CAPTURE(threads);
    CAPTURE(stop_after_calls);
    const Run r = deeper(depth++, [&] { return run(input, threads, 64, stop_after_calls, &workers); });
    REQUIRE(r.answers.size() == (stop_after_calls == 1 ? 64 : fresh.answers.size()));
    if (stop_after_calls == 0) CHECK(r.errors == bad.size());
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
      CHECK(r.answers[i].line == fresh.answers[i].line);
      CHECK(r.answers[i].status == fresh.answers[i].status);
      CHECK(r.answers[i].json == fresh.answers[i].json);
    }
  }
}

TEST_CASE("price_stream: a claim over two lines is one claim, answered as on one line" * doctest::test_suite("threads")) {
  const ClaimGenerator generator(real_library(), GenerateOptions{*YearMonth::parse("2024-07"), 17, {"r06"}});
  std::string claim;
  generator.append_json(0, claim);
  const std::string pretty = "{\n" + claim.substr(1) + "\n";
  for (const unsigned threads : {1u, 4u}) {
    const Run lines = run(claim + "\n", threads, 4096);
    const Run one = run(pretty, threads, 4096);
    REQUIRE(one.answers.size() == 1);
    CHECK(one.answers.front().line == 1);
    CHECK(one.answers.front().status == Status::ok);
    CHECK(one.answers.front().json == lines.answers.front().json);
  }
}

}  // namespace santei::test

namespace santei::test {

// price_stream of a string_view: the claims of a mapped file (santei price FILE) or a C ABI
// caller's bytes (santei_price_json_lines), each parsed where it lies when 64 bytes follow it.
TEST_CASE("price_stream of claims in memory and price_file of them in a file: the answers of the same bytes read as a "
          "stream — LF or CRLF lines, the last with or without its newline, on 1 and 2 threads, on kept threads too" *
          doctest::test_suite("threads")) {
  const ScratchDirectory dir("santei-price-file");
  const std::filesystem::path file = dir.path() / "claims.jsonl";
  std::vector<Bad> bad;
  const std::string lf = claims_with_bad_lines(bad);
  std::string crlf;
  for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string unended = lf.substr(0, lf.size() - 1);  // the last claim, a short one, ends the bytes
  PriceWorkers workers;
  for (const std::string* input : std::initializer_list<const std::string*>{&lf, &crlf, &unended}) {
    const Run streamed = run(*input, 1, 4096);
    REQUIRE(streamed.answers.size() == 299);
    for (const unsigned threads : {1u, 2u}) {
      for (PriceWorkers* kept : {static_cast<PriceWorkers*>(nullptr), &workers}) {
        CAPTURE(input->size());
        CAPTURE(threads);
        const Run r = run(*input, threads, 64, 0, kept, /*in_memory=*/true);
        const Run mapped = run(*input, threads, 64, 0, nullptr, false, &file);
        for (const Run* each : {&r, &mapped}) {
          CHECK(each->errors == bad.size());
          REQUIRE(each->answers.size() == streamed.answers.size());
          for (std::size_t i = 0; i < each->answers.size(); ++i) {
            CHECK(each->answers[i].line == streamed.answers[i].line);
            CHECK(each->answers[i].json == streamed.answers[i].json);
            CHECK(each->answers[i].message == streamed.answers[i].message);
          }
        }
      }
    }
  }
}

}  // namespace santei::test
