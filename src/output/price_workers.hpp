// Pricing threads kept by a caller that streams again and again (the C ABI's context, for
// santei_price_json_lines): a price_stream call that finds them starts no thread, and their
// claims, results, batches and thread-local scratch are warm from the call before.
#pragma once

#include <sys/types.h>

#include <memory>

#include "santei/price_stream.hpp"

namespace santei {

class PriceWorkers;

namespace detail {
struct KeptPipeline;
class LineReader;

// The body of every price_stream(): the claims of `reader`, whose lines lie in `whole` when it is
// read from memory (empty: a stream, each line gone by the next).
std::size_t price_lines(LineReader& reader, std::string_view whole, std::string_view source,
                        const MasterLibrary& masters, const PricingOptions& options, const PriceStreamOptions& stream,
                        const std::function<bool(std::span<const ClaimAnswer>)>& sink, PriceWorkers& workers);
}  // namespace detail

// Used by one call at a time (the context's busy flag). Its threads wait, using no CPU, until the
// next call or its destruction, which joins them.
class PriceWorkers {
 public:
  PriceWorkers();
  ~PriceWorkers();
  PriceWorkers(const PriceWorkers&) = delete;
  PriceWorkers& operator=(const PriceWorkers&) = delete;

 private:
  friend std::size_t detail::price_lines(detail::LineReader&, std::string_view, std::string_view,
                                         const MasterLibrary&, const PricingOptions&, const PriceStreamOptions&,
                                         const std::function<bool(std::span<const ClaimAnswer>)>&, PriceWorkers&);
  // Threads made before a fork() are not in the child: its copy of them is left, not joined.
  void forget_if_forked();

  std::unique_ptr<detail::KeptPipeline> kept_;
  pid_t pid_;  // the process that made kept_
};

// price_stream() on `workers`' threads (made, or made again for another thread count, when needed),
// left waiting for the next call. The answers are price_stream()'s, byte for byte.
std::size_t price_stream(std::istream& in, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink, PriceWorkers& workers);
std::size_t price_stream(std::string_view claims, std::string_view source, const MasterLibrary& masters,
                         const PricingOptions& options, const PriceStreamOptions& stream,
                         const std::function<bool(std::span<const ClaimAnswer>)>& sink, PriceWorkers& workers);

}  // namespace santei
