// Claims text → santei.result/1 lines, in input order, on N threads (santei/price_stream.hpp).
#include "santei/price_stream.hpp"

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "claim/json_lines.hpp"
#include "core/line_reader.hpp"

namespace santei {
namespace {

struct Job {
  std::string text;
  std::int64_t line = 0;
  std::optional<ErrorInfo> rejected;  // not read: over the size limit
  ClaimAnswer answer;
};

// `priced`: the pricing thread's result, reused job after job (price(…, into)).
void price_job(Job& job, PricedClaim& priced, const MasterLibrary& masters, const PricingOptions& options,
               std::string_view source, bool text) {
  std::string id;
  ClaimAnswer& answer = job.answer;
  answer.line = job.line;
  const auto failed = [&](const ErrorInfo& info) {
    return text ? fmt::format("{}not priced: {}\n", id.empty() ? "" : id + " · ", info.to_string()) : error_json(info, id);
  };
  try {
    if (job.rejected) throw Exception(*job.rejected);
    const Claim claim = parse_claim(job.text);
    id = claim.id;
    price(claim, masters, options, priced);
    answer.json = text ? result_text(priced, masters) : result_json(priced, masters);
  } catch (const Exception& e) {
    const ErrorInfo info = e.info().in_input(source, job.line);  // the claim's place in the input, and the rule's
    answer.json = failed(info);
    answer.status = info.status;
    answer.message = info.to_string();
  } catch (const std::exception& e) {
    answer.json = failed(ErrorInfo{Status::internal_error, std::string(source), job.line, 0, {}, e.what()});
    answer.status = Status::internal_error;
    answer.message = fmt::format("{}:{}: internal error: {}", source, job.line, e.what());
  }
}

// Prices a chunk on `threads` threads (jobs keep their order) and hands it on.
class Chunks {
 public:
  Chunks(const MasterLibrary& masters, const PricingOptions& options, std::string_view source, unsigned threads,
         bool text, const std::function<bool(std::span<const ClaimAnswer>)>& sink)
      : masters_(masters), options_(options), source_(source), threads_(threads), text_(text), sink_(sink) {}

  std::vector<Job> jobs;
  std::size_t errors = 0;

  // False when the sink wants no more.
  bool flush() {
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      PricedClaim priced;
      for (std::size_t i = next++; i < jobs.size(); i = next++) price_job(jobs[i], priced, masters_, options_, source_, text_);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads_ && t < jobs.size(); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    answers_.clear();
    for (Job& job : jobs) {
      if (job.answer.status != Status::ok) ++errors;
      answers_.push_back(std::move(job.answer));
    }
    jobs.clear();
    return answers_.empty() || sink_(answers_);
  }

 private:
  const MasterLibrary& masters_;
  const PricingOptions& options_;
  std::string_view source_;
  unsigned threads_;
  bool text_;
  const std::function<bool(std::span<const ClaimAnswer>)>& sink_;
  std::vector<ClaimAnswer> answers_;
};

}  // namespace

std::size_t price_stream(std::istream& in, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink) {
  Chunks chunks(masters, options, source, stream.threads == 0 ? 1 : stream.threads, stream.text, sink);
  // Lines are read in bounded memory: one longer than a claim may be is read past, not held.
  detail::LineReader reader(in, kMaxClaimBytes);
  std::optional<detail::LineRead> line;
  while ((line = reader.next()) && !line->over && claim::blank_line(line->text)) {
  }
  // One claim or JSON Lines? A first line that is a complete JSON object (or longer than any
  // claim) means JSON Lines.
  bool json_lines = stream.layout == ClaimsLayout::json_lines || (line && line->over);
  if (stream.layout == ClaimsLayout::detect && line && !line->over) {
    try {
      parse_claim(line->text);
      json_lines = true;
    } catch (const Exception& e) {
      json_lines = e.status() != Status::parse_error;
    }
  }
  if (!json_lines) {
    Job job;
    job.text = line ? std::string(line->text) : std::string();
    job.line = line ? line->number + stream.first_line - 1 : 0;
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
    chunks.jobs.push_back(std::move(job));
    chunks.flush();
    return chunks.errors;
  }
  std::size_t chunk_bytes = 0;
  for (; line; line = reader.next()) {
    if (line->over) {
      Job job;
      job.line = line->number + stream.first_line - 1;
      job.rejected = claim::over_size(line->length);
      chunks.jobs.push_back(std::move(job));
    } else if (!claim::blank_line(line->text)) {
      Job& job = chunks.jobs.emplace_back();
      job.text = line->text;
      job.line = line->number + stream.first_line - 1;
      chunk_bytes += line->length;
    }
    if (chunks.jobs.size() >= stream.chunk_claims || chunk_bytes >= stream.chunk_bytes) {
      if (!chunks.flush()) return chunks.errors;
      chunk_bytes = 0;
    }
  }
  chunks.flush();
  return chunks.errors;
}

}  // namespace santei
