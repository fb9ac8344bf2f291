// santei price: one claim or JSON Lines → santei.result/1, in input order, on N threads.
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "claim/json_lines.hpp"
#include "core/line_reader.hpp"
#include "santei/pricing.hpp"

namespace santei::cli {
namespace {

constexpr const char* kHelp = R"(usage: santei price [--masters DIR]... [--revision ID] [-j N] [--no-copay] [--no-explain]
                    [--mode automatic|as_claimed] [--local-programmes FILE] CLAIM.json|-
       santei price --uke FILE.UKE [--masters DIR]... [--revision ID] [-j N] [--no-copay] [--mode …] [--local-programmes FILE]

Prices claims (santei.claim/1) into results (santei.result/1, one JSON object per line).
Input is one claim (a JSON document, pretty-printed or not) or JSON Lines (one claim per line);
`-` reads standard input. Results come out in input order.

  --masters DIR  a revision directory or a directory of them (repeatable);
                 default: the demo master built into santei
  --revision ID  price every claim under this revision (e.g. r04) whatever its month
  -j N           price on N threads (default: 1)
  --no-copay     leave out the copayment (copay)
  --no-explain   leave out the explanation steps
  --mode M       automatic: santei adds what the law adds by itself (年齢加算, 時間加算 …);
                 as_claimed: nothing is added, what the law would add is a diagnostic;
                 default: each claim's "mode" (automatic), as_claimed for --uke
  --local-programmes FILE
                 地方単独 programme rows (docs/local-programmes.md) for 公費 that state no
                 parameters, besides those santei ships
  --uke FILE     price every receipt of a UKE file as claimed and compare with what it states
  --html FILE    with --uke: also write the month's check report as one HTML page

A claim that cannot be priced gives an {"error":…} line on stdout and one line on stderr naming
its input line and field; the other claims are still priced. A line (or a claim) over 16 MiB is
such an error: it is read past, never held in memory.
Exit status: 0 all priced, 1 some claims had errors, 2 usage or master errors.
)";

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

}  // namespace

int price_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"--masters", "--revision", "-j", "--uke", "--mode", "--local-programmes", "--html"},
                  {"--help", "-h", "--no-copay", "--no-explain"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (args.value("--uke")) return price_uke_command(args);
  if (args.positionals().size() != 1) throw UsageError{"price takes one CLAIM.json (or - for standard input)"};
  const unsigned threads = thread_count(args, 1);
  const MasterLibrary masters = load_masters(args);
  const PricingOptions options = pricing_options(args, masters, !args.flag("--no-explain"));

  const std::string& path = args.positionals()[0];
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

}  // namespace santei::cli
