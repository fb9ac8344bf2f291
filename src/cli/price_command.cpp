// santei price: one claim or JSON Lines → santei.result/1, in input order, on N threads.
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/price.hpp"
#include "claim/json_lines.hpp"
#include "core/line_reader.hpp"
#include "santei/pricing.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Prices claims (santei.claim/1) into results (santei.result/1, one JSON object per line).
Input is one claim (a JSON document, pretty-printed or not) or JSON Lines (one claim per line);
`-` reads standard input. Results come out in input order.

A claim that cannot be priced gives an {"error":…} line on stdout and one line on stderr naming
its input line and field; the other claims are still priced. A line (or a claim) over 16 MiB is
such an error: it is read past, never held in memory.)";

struct Job {
  std::string text;
  std::int64_t line = 0;
  std::optional<ErrorInfo> rejected;  // not read: over the size limit
  std::string output;
  std::string error;  // one stderr line, empty if priced
};

void price_job(Job& job, const MasterLibrary& masters, const PricingOptions& options, const std::string& source) {
  std::string id;
  try {
    if (job.rejected) throw Exception(*job.rejected);
    const Claim claim = parse_claim(job.text);
    id = claim.id;
    job.output = result_json(price(claim, masters, options), masters);
  } catch (const Exception& e) {
    const ErrorInfo info = e.info().in_input(source, job.line);  // the claim's place in the input, and the rule's
    job.output = error_json(info, id);
    job.error = info.to_string();
  } catch (const std::exception& e) {
    job.output = error_json(ErrorInfo{Status::internal_error, source, job.line, 0, {}, e.what()}, id);
    job.error = fmt::format("{}:{}: internal error: {}", source, job.line, e.what());
  }
}

// Prices a batch on `threads` threads; jobs keep their order.
void price_batch(std::vector<Job>& jobs, const MasterLibrary& masters, const PricingOptions& options,
                 const std::string& source, unsigned threads) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) price_job(jobs[i], masters, options, source);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

bool write_jobs(std::vector<Job>& jobs) {
  bool failed = false;
  for (Job& job : jobs) {
    std::fwrite(job.output.data(), 1, job.output.size(), stdout);
    std::fputc('\n', stdout);
    if (!job.error.empty()) {
      std::fprintf(stderr, "santei price: %s\n", job.error.c_str());
      failed = true;
    }
  }
  jobs.clear();
  return failed;
}

int price_claims(const PriceArgs& args) {
  if (args.claims.empty()) throw UsageError{"price takes one CLAIM.json (or - for standard input), or --uke FILE"};
  const MasterLibrary masters = load_masters(args.masters);
  const PricingOptions options = pricing_options(args.pricing, masters, !args.no_explain);
  const unsigned threads = args.threads;

  const std::string& path = args.claims;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw Exception(ErrorInfo{Status::io_error, path, 0, 0, {}, "cannot open the file"});
  }
  std::istream& in = path == "-" ? std::cin : file;
  const std::string source = path == "-" ? "<stdin>" : path;

  // Lines are read in bounded memory: one longer than a claim may be is read past, not held.
  detail::LineReader reader(in, kMaxClaimBytes);
  std::optional<detail::LineRead> line;
  while ((line = reader.next()) && !line->over && claim::blank_line(line->text)) {
  }
  // One claim or JSON Lines? A first line that is a complete JSON object (or longer than any
  // claim) means JSON Lines.
  bool json_lines = line && line->over;
  if (line && !line->over) {
    try {
      parse_claim(line->text);
      json_lines = true;
    } catch (const Exception& e) {
      json_lines = e.status() != Status::parse_error;
    }
  }
  std::vector<Job> jobs;
  bool failed = false;
  if (!json_lines) {
    Job job{line ? std::string(line->text) : std::string(), line ? line->number : 0};
    std::uint64_t bytes = job.text.size();
    while ((line = reader.next())) {
      bytes += 1 + line->length;
      if (bytes > kMaxClaimBytes) {  // counted to its end, no longer kept
        job.text.clear();
        job.rejected = claim::over_size(bytes);
      } else {
        job.text += '\n';
        job.text += line->text;
      }
    }
    jobs.push_back(std::move(job));
    price_batch(jobs, masters, options, source, 1);
    return write_jobs(jobs) ? kExitClaimErrors : kExitOk;
  }
  // Priced and written in chunks, so memory stays bounded however long the input is.
  constexpr std::size_t kChunk = 4096;
  constexpr std::size_t kChunkBytes = 64 * 1024 * 1024;
  std::size_t chunk_bytes = 0;
  for (; line; line = reader.next()) {
    if (line->over) {
      Job job{{}, line->number};
      job.rejected = claim::over_size(line->length);
      jobs.push_back(std::move(job));
    } else if (!claim::blank_line(line->text)) {
      jobs.push_back(Job{std::string(line->text), line->number});
      chunk_bytes += line->length;
    }
    if (jobs.size() == kChunk || chunk_bytes >= kChunkBytes) {
      price_batch(jobs, masters, options, source, threads);
      failed = write_jobs(jobs) || failed;
      chunk_bytes = 0;
    }
  }
  price_batch(jobs, masters, options, source, threads);
  failed = write_jobs(jobs) || failed;
  return failed ? kExitClaimErrors : kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<PriceArgs>();
  app.description(kDescription);
  add_masters_option(app, args->masters);
  add_pricing_options(app, args->pricing);
  add_threads_option(app, args->threads, "1");
  app.add_flag("--no-explain", args->no_explain, "leave out the explanation steps");
  CLI::Option* uke = app.add_option("--uke", args->uke,
                                    "price every receipt of a UKE (レセ電) file as claimed and compare with\n"
                                    "what it states (santei.uke-report/1 on stdout, a report on stderr)")
                         ->type_name("FILE");
  app.add_option("--html", args->html, "with --uke: also write the month's check report as one HTML page")
      ->type_name("FILE")
      ->needs(uke);
  app.add_option("CLAIM.json|-", args->claims, "one claim or JSON Lines; - reads standard input")->excludes(uke);
  app.footer("Exit status: 0 all priced, 1 some claims had errors, 2 usage or master errors.");
  return [args] { return args->uke.empty() ? price_claims(*args) : price_uke_file(*args); };
}

const Command price_command{"price", "price claims (santei.claim/1 JSON or JSON Lines) into santei.result/1", setup};

}  // namespace

}  // namespace santei::cli
