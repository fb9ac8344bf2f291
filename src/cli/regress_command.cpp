// santei regress: the same claims priced under two revisions; CSV, HTML and JSON reports.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "santei/regress.hpp"
#include "santei/uke.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Prices every claim of INPUT under the old and the new revision, and prints the headline figures.
INPUT is santei.claim/1 JSON Lines (- for standard input) or a UKE (レセ電) file, recognised by its
.uke extension or its first record (IR). Each claim keeps its own dates for ages and
copayment; only the fee revision changes (santei price --revision).)";

struct RegressArgs {
  std::string old_dir, new_dir;
  std::string old_revision, new_revision;  // empty: the directory's only one
  std::string csv, html, json;
  unsigned threads = 0;  // the hardware threads
  bool no_copay = false;
  std::string dpc;  // --dpc DIR
  std::string input;
};

// The revision to use from a loaded directory: the one named, or its only one.
std::string pick_revision(const MasterLibrary& masters, const std::string& named, const char* option,
                          const std::string& dir) {
  if (!named.empty()) {
    if (!masters.revision(named)) throw UsageError{fmt::format("{} {} is not in {}", option, named, dir)};
    return named;
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
// A pipe or a FIFO is known by its name alone: the bytes read to look would be lost (it cannot be
// read again from the start), and its first claim with them.
bool is_uke(const std::string& path, std::istream& in) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".uke") return true;
  std::error_code not_regular;
  if (!std::filesystem::is_regular_file(path, not_regular)) return false;
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

int regress(const RegressArgs& args) {
  const std::string& old_dir = args.old_dir;
  const std::string& new_dir = args.new_dir;
  const unsigned threads = args.threads;

  const MasterLibrary old_masters = MasterLibrary::load(old_dir);
  const MasterLibrary new_masters = new_dir == old_dir ? old_masters : MasterLibrary::load(new_dir);
  keep_until_exit(old_masters);
  keep_until_exit(new_masters);
  const std::string old_revision = pick_revision(old_masters, args.old_revision, "--old-revision", old_dir);
  const std::string new_revision = pick_revision(new_masters, args.new_revision, "--new-revision", new_dir);
  PricingOptions pricing;
  pricing.explain = false;
  pricing.copay = !args.no_copay;
  if (!args.dpc.empty()) pricing.dpc = DpcTables::load(args.dpc);  // each side prices DPC months on its revision's table
  const Regression regression(old_masters, old_revision, new_masters, new_revision, pricing);

  const std::string& path = args.input;
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
  if (!args.csv.empty()) {
    csv.open(args.csv, std::ios::binary);
    if (!csv) throw Exception(ErrorInfo{Status::io_error, args.csv, 0, 0, {}, "cannot write the file"});
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
    // Compared as read: how many receipts the file holds is known only at its end (no bar, a count).
    Progress progress(0);
    run.on_progress = [&](std::int64_t receipts, std::int64_t) { progress.update(receipts, 0); };
    UkeFile uke;
    summary = regress_uke_file(path, {}, regression, run, uke);
    for (const ErrorInfo& e : uke.errors) std::fprintf(stderr, "santei regress: %s\n", e.to_string().c_str());
    unread = uke.receipts_seen - summary.receipts;
  } else {
    Progress progress(size);
    run.on_progress = [&](std::int64_t receipts, std::int64_t bytes) { progress.update(receipts, bytes); };
    std::error_code not_regular;
    if (path != "-" && std::filesystem::is_regular_file(path, not_regular)) {
      file.close();
      summary = regress_json_lines_file(path, source, regression, run);  // mapped, as santei price maps its claims
    } else {
      summary = regress_json_lines(in, source, regression, run);
    }
  }
  if (csv.is_open()) {
    csv << regress_csv_codes(summary, regression);
    csv.close();
    if (!csv) throw Exception(ErrorInfo{Status::io_error, args.csv, 0, 0, {}, "cannot write the file"});
  }
  if (!args.html.empty()) write_file(args.html, regress_html(summary, regression, source));
  if (!args.json.empty()) write_file(args.json, regress_summary_json(summary, regression) + "\n");

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

Runner setup(CLI::App& app) {
  auto args = std::make_shared<RegressArgs>();
  app.description(kDescription);
  app.add_option("--old", args->old_dir, "the old revision's masters (a revision directory, or one holding several)")
      ->type_name("DIR")
      ->required();
  app.add_option("--new", args->new_dir, "the new revision's masters, likewise")->type_name("DIR")->required();
  app.add_option("--old-revision", args->old_revision, "the revision of --old to use when it holds several (e.g. r04)")
      ->type_name("ID");
  app.add_option("--new-revision", args->new_revision, "likewise for --new (e.g. r06)")->type_name("ID");
  app.add_option("--csv", args->csv, "per-receipt and per-code deltas (one table, column `record`)")
      ->type_name("OUT.csv");
  app.add_option("--html", args->html, "a self-contained report: headline, histogram, codes, failing receipts")
      ->type_name("OUT.html");
  app.add_option("--json", args->json, "the summary as santei.regress/1 JSON")->type_name("OUT.json");
  add_threads_option(app, args->threads, "the hardware threads");
  app.add_flag("--no-copay", args->no_copay, "skip the window charges (faster)");
  add_dpc_option(app, args->dpc, "(docs/dpc.md):\neach revision prices their 包括 part on its own table");
  app.add_option("INPUT", args->input, "JSON Lines (- for standard input) or a UKE file")->required();
  app.footer(
      "A progress bar is drawn on standard error when it is a terminal and the run takes a while.\n"
      "Exit status: 0 every receipt priced under both, 1 some receipts could not be read or priced,\n"
      "2 usage or master errors.");
  return [args] { return regress(*args); };
}

const Command regress_command{"regress", "price the same claims under two revisions and report the differences",
                              setup};

}  // namespace
}  // namespace santei::cli
