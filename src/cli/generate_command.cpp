// santei generate: synthetic santei.claim/1 JSON Lines from the real masters (santei/generate.hpp).
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/gather_writer.hpp"
#include "cli/options.hpp"
#include "santei/generate.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Writes N realistic outpatient claims (santei.claim/1, one per line) for the service month: a
clinic's patients with 初診/再診, drugs at their real prices, tests, X-rays, 処置, 手術 and 麻酔 at
visits outside hours, 訪問診療 and 在宅酸素, and 公費. The same masters, month, seed and count give
the same bytes.)";

struct GenerateArgs {
  std::vector<std::string> masters;
  std::string month;
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  std::string revisions;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string output;
};

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

int generate(const GenerateArgs& args) {
  GenerateOptions options;
  const auto month = YearMonth::parse(args.month);
  if (!month) throw UsageError{"--month needs YYYY-MM, not '" + args.month + "'"};
  options.month = *month;
  const std::uint64_t count = args.count;
  options.seed = args.seed;
  if (!args.revisions.empty()) options.revisions = split(args.revisions);
  const unsigned threads = args.threads;

  const MasterLibrary masters = load_masters(args.masters);
  keep_until_exit(masters);
  const ClaimGenerator generator(masters, options);
  for (const std::string& note : generator.catalog().notes) std::fprintf(stderr, "santei generate: %s\n", note.c_str());

  std::FILE* out = stdout;
  const std::string destination = args.output.empty() ? "<stdout>" : args.output;
  if (!args.output.empty()) {
    out = std::fopen(args.output.c_str(), "wb");
    if (!out) throw Exception(ErrorInfo{Status::io_error, args.output, 0, 0, {}, "cannot open the file for writing"});
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
        write_failed(destination, errno);
      }
    }
  }
  if (std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0)) {
    write_failed(destination, errno);
  }
  return kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<GenerateArgs>();
  app.description(kDescription);
  add_masters_option(app, args->masters, /*required=*/true);
  app.add_option("--month", args->month, "the service month (診療年月)")->type_name("YYYY-MM")->required();
  app.add_option("--count", args->count, "how many claims")->type_name("N")->required();
  app.add_option("--seed", args->seed, "the random seed (default 1)")->type_name("S");
  app.add_option("--revisions", args->revisions,
                 "revisions that must price every claim (comma-separated, e.g. r04,r06);\n"
                 "default: every loaded revision, so the output suits `santei regress`")
      ->type_name("IDS");
  add_threads_option(app, args->threads, "the hardware threads");
  app.add_option("-o", args->output, "write to FILE instead of standard output")->type_name("FILE");
  app.footer("Exit status: 0 written, 2 usage or master errors.");
  return [args] { return generate(*args); };
}

const Command generate_command{"generate", "write synthetic santei.claim/1 JSON Lines from the real masters", setup};

}  // namespace
}  // namespace santei::cli
