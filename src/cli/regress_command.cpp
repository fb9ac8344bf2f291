// santei regress: the same claims priced under two revisions; CSV, HTML and JSON reports.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "santei/regress.hpp"
#include "santei/uke.hpp"

namespace santei::cli {
namespace {

constexpr const char* kHelp = R"(usage: santei regress --old DIR --new DIR [--old-revision ID] [--new-revision ID]
                      [--csv OUT.csv] [--html OUT.html] [--json OUT.json] [-j N] [--no-copay] INPUT

Prices every claim of INPUT under the old and the new revision, and prints the headline figures.
INPUT is santei.claim/1 JSON Lines (- for standard input) or a UKE (レセ電) file, recognised by its
.uke extension or its first record (IR). Each claim keeps its own dates for ages and
copayment; only the fee revision changes (santei price --revision).

  --old DIR, --new DIR   master directories (a revision directory, or one holding several)
  --old-revision ID      the revision of --old to use when it holds several (e.g. r04)
  --new-revision ID      likewise for --new (e.g. r06)
  --csv OUT.csv          per-receipt and per-code deltas (one table, column `record`)
  --html OUT.html        a self-contained report: headline, histogram, codes, failing receipts
  --json OUT.json        the summary as santei.regress/1 JSON
  -j N                   threads (default: the hardware threads)
  --no-copay             skip the window charges (faster)

A progress bar is drawn on standard error when it is a terminal and the run takes a while.
Exit status: 0 every receipt priced under both, 1 some receipts could not be read or priced,
2 usage or master errors.
)";

// The revision to use from a loaded directory: the one named, or its only one.
std::string pick_revision(const MasterLibrary& masters, const std::optional<std::string>& named, const char* option,
                          const std::string& dir) {
  if (named) {
    if (!masters.revision(*named)) throw UsageError{fmt::format("{} {} is not in {}", option, *named, dir)};
    return *named;
  }
  if (masters.sets().size() != 1) {
    std::string ids;
    for (const auto& set : masters.sets()) ids += (ids.empty() ? "" : ", ") + set->revision();
    throw UsageError{fmt::format("{} holds several revisions ({}): choose one with {}", dir, ids, option)};
  }
  return masters.sets().front()->revision();
}

// A one-line progress bar on a terminal: drawn after two seconds, redrawn five times a second.
class Progress {
 public:
  Progress(std::int64_t total_bytes) : total_(total_bytes), tty_(isatty(fileno(stderr)) != 0) {}
  void update(std::int64_t receipts, std::int64_t bytes) {
    if (!tty_) return;
    const auto now = std::chrono::steady_clock::now();
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
    if (elapsed < 2000 || now - drawn_ < std::chrono::milliseconds(200)) return;
    drawn_ = now;
    const std::int64_t rate = receipts * 1000 / std::max<std::int64_t>(1, elapsed);
    std::string bar;
    std::string tail;
    if (total_ > 0) {
      const std::int64_t done = std::min<std::int64_t>(40, bytes * 40 / total_);
      for (std::int64_t i = 0; i < 40; ++i) bar += i < done ? "█" : "░";
      const std::int64_t eta = bytes > 0 ? (total_ - bytes) * elapsed / bytes / 1000 : 0;
      tail = fmt::format(" {:3}%  ETA {}s", bytes * 100 / total_, eta);
    }
    std::fprintf(stderr, "\r\x1b[K%s %s receipts  %s/s%s", bar.c_str(), fmt::format("{}", receipts).c_str(),
                 fmt::format("{}", rate).c_str(), tail.c_str());
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
  }

 private:
  std::int64_t total_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point drawn_{};
};

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw Exception(ErrorInfo{Status::io_error, path, 0, 0, {}, "cannot write the file"});
}

// A UKE file: named *.uke, or starting with the IR record (CP932 text whose first bytes are ASCII).
bool is_uke(const std::string& path, std::istream& in) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".uke") return true;
  char head[3] = {};
  in.read(head, 3);
  const bool ir = in.gcount() == 3 && head[0] == 'I' && head[1] == 'R' && head[2] == ',';
  in.clear();
  in.seekg(0);
  return ir;
}

std::string percent_text(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "-";
  const std::int64_t p = part < 0 ? -part : part;
  const std::int64_t hundredths = (p * 10000 + whole / 2) / whole;
  return fmt::format("{}{}.{:02}%", part < 0 ? "-" : "+", hundredths / 100, hundredths % 100);
}

}  // namespace

int regress_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"--old", "--new", "--old-revision", "--new-revision", "--csv", "--html", "--json", "-j"},
                  {"--help", "-h", "--no-copay"});
  if (args.flag("--help") || args.flag("-h")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  const auto old_dir = args.value("--old");
  const auto new_dir = args.value("--new");
  if (!old_dir || !new_dir) throw UsageError{"--old DIR and --new DIR are required"};
  if (args.positionals().size() != 1) throw UsageError{"regress takes one INPUT (JSON Lines, or - for standard input)"};
  const unsigned threads = thread_count(args, 0);

  const MasterLibrary old_masters = MasterLibrary::load(*old_dir);
  const MasterLibrary new_masters = *new_dir == *old_dir ? old_masters : MasterLibrary::load(*new_dir);
  const std::string old_revision = pick_revision(old_masters, args.value("--old-revision"), "--old-revision", *old_dir);
  const std::string new_revision = pick_revision(new_masters, args.value("--new-revision"), "--new-revision", *new_dir);
  PricingOptions pricing;
  pricing.explain = false;
  pricing.copay = !args.flag("--no-copay");
  const Regression regression(old_masters, old_revision, new_masters, new_revision, pricing);

  const std::string& path = args.positionals()[0];
  std::ifstream file;
  std::int64_t size = 0;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw Exception(ErrorInfo{Status::io_error, path, 0, 0, {}, "cannot open the file"});
    std::error_code ec;
    size = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
    if (ec) size = 0;
  }
  std::istream& in = path == "-" ? std::cin : file;
  const std::string source = path == "-" ? "<stdin>" : path;

  std::ofstream csv;
  if (const auto csv_path = args.value("--csv")) {
    csv.open(*csv_path, std::ios::binary);
    if (!csv) throw Exception(ErrorInfo{Status::io_error, *csv_path, 0, 0, {}, "cannot write the file"});
    csv << regress_csv_header();
  }
  RegressRunOptions run;
  run.threads = threads;
  if (csv.is_open()) {
    run.on_receipt = [&](const RegressReceipt& r) { csv << regress_csv_receipt(r); };
  }
  RegressSummary summary;
  std::int64_t unread = 0;  // UKE receipts skipped for malformed records
  if (path != "-" && is_uke(path, file)) {
    file.close();
    const UkeFile uke = read_uke_file(path);
    for (const ErrorInfo& e : uke.errors) std::fprintf(stderr, "santei regress: %s\n", e.to_string().c_str());
    unread = uke.receipts_seen - static_cast<std::int64_t>(uke.receipts.size());
    std::vector<Claim> claims;
    std::vector<std::int64_t> lines;
    for (const UkeReceipt& r : uke.receipts) {
      claims.push_back(r.claim);
      lines.push_back(r.line);
    }
    Progress progress(static_cast<std::int64_t>(claims.size()));
    run.on_progress = [&](std::int64_t receipts, std::int64_t) { progress.update(receipts, receipts); };
    summary = regress_claims(claims, lines, regression, run);
  } else {
    Progress progress(size);
    run.on_progress = [&](std::int64_t receipts, std::int64_t bytes) { progress.update(receipts, bytes); };
    summary = regress_json_lines(in, source, regression, run);
  }
  if (csv.is_open()) {
    csv << regress_csv_codes(summary, regression);
    csv.close();
    if (!csv) throw Exception(ErrorInfo{Status::io_error, *args.value("--csv"), 0, 0, {}, "cannot write the file"});
  }
  if (const auto html = args.value("--html")) write_file(*html, regress_html(summary, regression, source));
  if (const auto json = args.value("--json")) write_file(*json, regress_summary_json(summary, regression) + "\n");

  std::printf("receipts            %lld\n", static_cast<long long>(summary.receipts));
  std::printf("points %-12s %lld\n", old_revision.c_str(), static_cast<long long>(summary.old_points.value));
  std::printf("points %-12s %lld\n", new_revision.c_str(), static_cast<long long>(summary.new_points.value));
  std::printf("change              %+lld (%s)\n", static_cast<long long>(summary.delta().value),
              percent_text(summary.delta().value, summary.old_points.value).c_str());
  std::printf("up / down / same    %lld / %lld / %lld\n", static_cast<long long>(summary.up),
              static_cast<long long>(summary.down), static_cast<long long>(summary.unchanged));
  std::printf("fail under %-8s %lld (not priced: %lld)\n", new_revision.c_str(),
              static_cast<long long>(summary.newly_failing), static_cast<long long>(summary.failed_new));
  if (unread > 0) std::printf("not read            %lld UKE receipts with malformed records\n", static_cast<long long>(unread));
  return summary.failed_old + summary.failed_new + unread > 0 ? kExitClaimErrors : kExitOk;
}

}  // namespace santei::cli
