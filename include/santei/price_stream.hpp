// santei/price_stream.hpp — claims as text in, santei.result/1 lines out: the one path by which
// `santei price` and `santei serve` (POST /v1/price) turn input bytes into result bytes, so both
// answer a claim with the same bytes.
//
// Reads in bounded memory: a line (or a one-claim document) over kMaxClaimBytes is read past and
// answered with its error, never held. Answers come in input order, a chunk at a time; a claim that
// cannot be priced is answered with an {"error":…} line and the others are still priced.
// Thread-safety: a pure function of its arguments; call it from any number of threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <span>
#include <string>
#include <string_view>

#include "santei/masters.hpp"
#include "santei/pricing.hpp"
#include "santei/result.hpp"

namespace santei {

// How the input holds its claims.
enum class ClaimsLayout : std::uint8_t {
  detect,      // as `santei price` decides: a first non-blank line that is a whole JSON object (or
               // is longer than any claim) means JSON Lines, otherwise one claim over all lines
  one_claim,   // one claim (a JSON document, pretty-printed or not): application/json
  json_lines,  // one claim a line, blank lines skipped: application/x-ndjson
};

// The answer for one claim.
struct ClaimAnswer {
  std::int64_t line = 0;       // the input line the claim starts on
  std::string json;            // its santei.result/1 line (a result, or an error line), no newline;
                               // with PriceStreamOptions::text its 明細書 (result_text) or a "not priced" line
  Status status = Status::ok;  // ok: priced; otherwise why not (the json's error.status)
  std::string message;         // not priced: one line naming the input, line and field; else empty
};

struct PriceStreamOptions {
  ClaimsLayout layout = ClaimsLayout::detect;
  // Pricing threads for the whole call: 1 prices on the calling thread; N ≥ 2 starts N workers
  // while the calling thread reads the claims and calls the sink.
  unsigned threads = 1;
  // The most claims, and the bytes of claims (reached by its last line), handed to one sink call,
  // so memory stays bounded however long the input is; a service streaming answers wants smaller
  // chunks. A chunk is never more than 256 claims or 1 MiB either: the pipeline's batch.
  std::size_t chunk_claims = 4096;
  std::size_t chunk_bytes = std::size_t{64} * 1024 * 1024;
  bool text = false;  // answer with result_text() for a person (santei price --format text)
  // The input's first line is this line of its file (a partition of a larger file): answers and
  // their errors name lines of the file.
  std::int64_t first_line = 1;
};

// Reads the claims of `in` (named `source` in errors: a path, "<stdin>"), prices each with
// `options`, and hands the answers to `sink` in input order, one chunk at a time, always on the
// calling thread (reading and writing overlap the pricing). `sink` returns false to stop (a client
// gone): nothing more is read or priced, and the workers are joined. Throws only what reading `in`
// throws, and Status::io_error when it cannot be read (a read error is not the end of the input,
// whose claims after it would be lost unseen); a claim's own failure is its answer.
// @return the number of claims answered with an error.
SANTEI_API std::size_t price_stream(std::istream& in, std::string_view source, const MasterLibrary& masters,
                                    const PricingOptions& options, const PriceStreamOptions& stream,
                                    const std::function<bool(std::span<const ClaimAnswer>)>& sink);
// The same of claims already in memory (a mapped file, a caller's buffer), which must stay there
// until the call returns: each claim is parsed where it lies, not copied first. The same answers.
SANTEI_API std::size_t price_stream(std::string_view claims, std::string_view source, const MasterLibrary& masters,
                                    const PricingOptions& options, const PriceStreamOptions& stream,
                                    const std::function<bool(std::span<const ClaimAnswer>)>& sink);
// The same of the claims file at `path`, mapped rather than read: each claim is parsed where it
// lies in the page cache, not copied by read(2) nor into its job, and the pages the reading has
// passed are let go, so memory stays bounded however large the file. Throws Status::io_error when
// it cannot be opened or mapped (a pipe or a FIFO: read it as a stream).
SANTEI_API std::size_t price_file(const std::filesystem::path& path, std::string_view source,
                                  const MasterLibrary& masters, const PricingOptions& options,
                                  const PriceStreamOptions& stream,
                                  const std::function<bool(std::span<const ClaimAnswer>)>& sink);

// The answers' json as JSON Lines: each followed by a newline, the string sized once (a chunk of
// `santei serve`'s stream, a piece of santei_price_json_lines' buffer).
SANTEI_API std::string json_lines(std::span<const ClaimAnswer> answers);

}  // namespace santei
