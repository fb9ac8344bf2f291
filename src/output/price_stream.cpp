// Claims text → santei.result/1 lines, in input order, on N threads (santei/price_stream.hpp).
#include "santei/price_stream.hpp"

#include <unistd.h>

#include <algorithm>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "claim/json_lines.hpp"
#include "core/line_reader.hpp"
#include "core/mapped_file.hpp"
#include "core/ordered_batches.hpp"
#include "output/price_workers.hpp"

namespace santei {
namespace detail {

// One claim as read.
struct ClaimJob {
  json::PaddedText text;
  std::int64_t line = 0;
  std::optional<ErrorInfo> rejected;  // not read: over the size limit

  void reuse() {
    text.clear();
    line = 0;
    rejected.reset();
  }
};

// Each thread reads into its own claim and prices into its own result, claim after claim
// (parse_claim(…, into), price(…, into)): their memory is kept.
struct PricingThread {
  Claim claim;
  PricedClaim priced;
};
using Pipeline = OrderedBatches<ClaimJob, ClaimAnswer, PricingThread>;

struct KeptPipeline {
  KeptPipeline(unsigned workers, const Pipeline::Work& work, const Pipeline::Sink& sink)
      : pipeline(workers, work, sink) {}
  Pipeline pipeline;
  bool reusable = false;  // its last run finished: every batch sunk, nothing in flight
};

}  // namespace detail

namespace {

using detail::ClaimJob;
using detail::Pipeline;
using detail::PricingThread;

// A batch is the most a sink call gets: these, or the caller's smaller chunk. Small enough that
// the ring of batches stays small and the workers share out the end of the input.
constexpr std::size_t kBatchClaims = 256;
constexpr std::size_t kBatchBytes = std::size_t{1} * 1024 * 1024;

// `thread`: the pricing thread's claim and result, reused job after job. `answer` may hold an
// earlier claim's: every field is overwritten, its strings keep their memory.
void price_job(const ClaimJob& job, ClaimAnswer& answer, PricingThread& thread, const MasterLibrary& masters,
               const PricingOptions& options, std::string_view source, bool text) {
  Claim& claim = thread.claim;
  PricedClaim& priced = thread.priced;
  std::string id;
  answer.line = job.line;
  answer.status = Status::ok;
  answer.message.clear();
  const auto failed = [&](const ErrorInfo& info) {
    return text ? fmt::format("{}not priced: {}\n", id.empty() ? "" : id + " · ", info.to_string()) : error_json(info, id);
  };
  try {
    if (job.rejected) throw Exception(*job.rejected);
    claim::parse_claim(job.text, claim);
    id = claim.id;
    price(claim, masters, options, priced);
    if (text) {
      answer.json = result_text(priced, masters);
    } else {
      result_json(priced, masters, answer.json);
    }
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

}  // namespace

PriceWorkers::PriceWorkers() : pid_(::getpid()) {}

PriceWorkers::~PriceWorkers() { forget_if_forked(); }

void PriceWorkers::forget_if_forked() {
  const pid_t pid = ::getpid();
  // The parent's threads, mutex and memory: joining threads this process does not have would hang.
  if (kept_ && pid != pid_) (void)kept_.release();
  pid_ = pid;
}

std::size_t price_stream(std::istream& in, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink) {
  PriceWorkers workers;
  return price_stream(in, source, masters, options, stream, sink, workers);
}

std::size_t price_stream(std::string_view claims, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink) {
  PriceWorkers workers;
  return price_stream(claims, source, masters, options, stream, sink, workers);
}

std::size_t price_file(const std::filesystem::path& path, std::string_view source, const MasterLibrary& masters,
                       const PricingOptions& options, const PriceStreamOptions& stream,
                       const std::function<bool(std::span<const ClaimAnswer>)>& sink) {
  const MappedFile file(path, std::numeric_limits<std::uintmax_t>::max(), MappedFile::Reading::sequential);
  detail::LineReader reader(file, kMaxClaimBytes);
  PriceWorkers workers;
  return detail::price_lines(reader, file.bytes(), source, masters, options, stream, sink, workers);
}

std::size_t price_stream(std::istream& in, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink, PriceWorkers& workers) {
  // Lines are read in bounded memory: one longer than a claim may be is read past, not held.
  detail::LineReader reader(in, source, kMaxClaimBytes);
  return detail::price_lines(reader, {}, source, masters, options, stream, sink, workers);
}

std::size_t price_stream(std::string_view claims, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink, PriceWorkers& workers) {
  detail::LineReader reader(claims, kMaxClaimBytes);
  return detail::price_lines(reader, claims, source, masters, options, stream, sink, workers);
}

std::size_t detail::price_lines(LineReader& reader, std::string_view whole, std::string_view source,
                                const MasterLibrary& masters, const PricingOptions& options,
                                const PriceStreamOptions& stream,
                                const std::function<bool(std::span<const ClaimAnswer>)>& sink, PriceWorkers& workers) {
  const Pipeline::Work price_one = [&](const ClaimJob& job, ClaimAnswer& answer, PricingThread& thread) {
    price_job(job, answer, thread, masters, options, source, stream.text);
  };
  std::size_t errors = 0;
  const Pipeline::Sink counted = [&](std::span<const ClaimAnswer> answers) {
    for (const ClaimAnswer& answer : answers) errors += answer.status == Status::ok ? 0 : 1;
    return sink(answers);
  };
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
  if (!json_lines) {  // priced on this thread: one claim has nothing to share out
    Pipeline one(0, price_one, counted);
    ClaimJob& job = one.batch().add();
    std::string text = line ? std::string(line->text) : std::string();
    job.line = line ? line->number + stream.first_line - 1 : 0;
    std::uint64_t bytes = text.size();
    while ((line = reader.next())) {
      bytes += 1 + line->length;
      if (bytes > kMaxClaimBytes) {  // counted to its end, no longer kept
        text.clear();
        job.rejected = claim::over_size(bytes);
      } else {
        text += '\n';
        text += line->text;
      }
    }
    job.text.assign(text);
    one.finish();
    return errors;
  }
  const std::size_t batch_claims = std::clamp<std::size_t>(stream.chunk_claims, 1, kBatchClaims);
  const std::size_t batch_bytes = std::min(stream.chunk_bytes, kBatchBytes);
  const unsigned threads = stream.threads > 1 ? stream.threads : 0;
  std::unique_ptr<detail::KeptPipeline>& kept = workers.kept_;
  workers.forget_if_forked();
  if (kept && kept->reusable && kept->pipeline.thread_count() == threads) {
    kept->pipeline.rebind(price_one, counted);
  } else {
    kept.reset();
    kept = std::make_unique<detail::KeptPipeline>(threads, price_one, counted);
  }
  kept->reusable = false;
  // A run that does not finish (the sink said stop, reading threw) may leave work in flight that
  // uses this call's price_one: its pipeline is joined and dropped here, before price_one goes.
  struct DropUnfinished {
    std::unique_ptr<detail::KeptPipeline>& kept;
    ~DropUnfinished() {
      if (kept && !kept->reusable) kept.reset();
    }
  } drop_unfinished{kept};
  Pipeline& pipeline = kept->pipeline;
  for (; line; line = reader.next()) {
    Pipeline::Batch& batch = pipeline.batch();
    if (line->over) {
      ClaimJob& job = batch.add();
      job.line = line->number + stream.first_line - 1;
      job.rejected = claim::over_size(line->length);
    } else if (!claim::blank_line(line->text)) {
      ClaimJob& job = batch.add();
      job.text.assign(line->text, whole);
      job.line = line->number + stream.first_line - 1;
      batch.bytes += line->length;
    }
    const bool full = batch.size() >= batch_claims || batch.bytes >= batch_bytes;
    if (batch.size() > 0 && full && !pipeline.submit()) return errors;
  }
  kept->reusable = pipeline.finish();
  return errors;
}

std::string json_lines(std::span<const ClaimAnswer> answers) {
  std::size_t size = 0;
  for (const ClaimAnswer& answer : answers) size += answer.json.size() + 1;
  std::string lines;
  lines.reserve(size);
  for (const ClaimAnswer& answer : answers) {
    lines += answer.json;
    lines += '\n';
  }
  return lines;
}

}  // namespace santei
