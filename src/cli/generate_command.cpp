// santei generate: synthetic santei.claim/1 JSON Lines from the real masters (santei/generate.hpp).
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "santei/generate.hpp"

namespace santei::cli {
namespace {

constexpr const char* kHelp = R"(usage: santei generate --masters DIR... --month YYYY-MM --count N [--seed S] [--revisions ID,ID] [-j N] [-o FILE]

Writes N realistic outpatient claims (santei.claim/1, one per line) for the service month: a
clinic's patients with 初診/再診, drugs at their real prices, tests, X-rays, 処置 and 公費. The same
masters, month, seed and count give the same bytes.

  --masters DIR    a revision directory or a directory of them (repeatable), e.g. ../shared/masters
  --month YYYY-MM  the service month (診療年月)
  --count N        how many claims
  --seed S         the random seed (default 1)
  --revisions IDS  revisions that must price every claim (comma-separated, e.g. r04,r06);
                   default: every loaded revision, so the output suits `santei regress`
  -j N             generate on N threads (default: the hardware threads)
  -o FILE          write to FILE instead of standard output
)";

std::uint64_t number(const Args& args, const std::string& name, std::uint64_t fallback) {
  const auto text = args.value(name);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    const std::uint64_t n = std::stoull(*text, &used);
    if (used == text->size()) return n;
  } catch (...) {
  }
  throw UsageError{name + " needs a whole number, not '" + *text + "'"};
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

int generate_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"--masters", "--month", "--count", "--seed", "--revisions", "-j", "-o"}, {"--help", "-h"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (!args.positionals().empty()) throw UsageError{"generate takes no positional arguments"};
  if (args.values("--masters").empty()) throw UsageError{"--masters DIR is required (e.g. ../shared/masters)"};
  const auto month_text = args.value("--month");
  if (!month_text) throw UsageError{"--month YYYY-MM is required"};
  GenerateOptions options;
  const auto month = YearMonth::parse(*month_text);
  if (!month) throw UsageError{"--month needs YYYY-MM, not '" + *month_text + "'"};
  options.month = *month;
  if (!args.value("--count")) throw UsageError{"--count N is required"};
  const std::uint64_t count = number(args, "--count", 0);
  options.seed = number(args, "--seed", 1);
  if (const auto revisions = args.value("--revisions")) options.revisions = split(*revisions);
  const unsigned threads = thread_count(args, std::max(1u, std::thread::hardware_concurrency()));

  const ClaimGenerator generator(load_masters(args), options);
  for (const std::string& note : generator.catalog().notes) std::fprintf(stderr, "santei generate: %s\n", note.c_str());

  std::FILE* out = stdout;
  if (const auto path = args.value("-o")) {
    out = std::fopen(path->c_str(), "wb");
    if (!out) throw Exception(ErrorInfo{Status::io_error, *path, 0, 0, {}, "cannot open the file for writing"});
  }
  // Chunks of claims made on `threads` threads, each thread a contiguous slice, written in order.
  constexpr std::uint64_t kChunk = 16384;
  std::vector<std::string> slices(threads);
  for (std::uint64_t begin = 0; begin < count; begin += kChunk) {
    const std::uint64_t end = std::min(count, begin + kChunk);
    const std::uint64_t per = (end - begin + threads - 1) / threads;
    const auto work = [&](unsigned t) {
      std::string& s = slices[t];
      s.clear();
      for (std::uint64_t i = begin + t * per; i < std::min(end, begin + (t + 1) * per); ++i) {
        generator.append_json(i, s);
        s.push_back('\n');
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool) t.join();
    for (const std::string& s : slices) {
      if (std::fwrite(s.data(), 1, s.size(), out) != s.size()) {
        throw Exception(ErrorInfo{Status::io_error, args.value("-o").value_or("<stdout>"), 0, 0, {}, "write failed"});
      }
    }
  }
  if (std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0)) {
    throw Exception(ErrorInfo{Status::io_error, args.value("-o").value_or("<stdout>"), 0, 0, {}, "write failed"});
  }
  return kExitOk;
}

}  // namespace santei::cli
