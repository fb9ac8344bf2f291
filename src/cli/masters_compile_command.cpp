// santei masters compile: a revision directory's loaded masters written as one snapshot file.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/command.hpp"
#include "santei/masters.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Reads the CSVs of the revision directory DIR as `--masters DIR` does and writes what it loaded
(every dated record, the 電子点数表, the revision and what the load read) as one snapshot file,
with a fingerprint of DIR's master files (docs/snapshot.md). `--masters FILE` loads the snapshot
in a fraction of the time. Without -o it is DIR/.santei-snapshot, which `--masters DIR` then
reads instead of the CSVs for as long as the fingerprint matches the files.)";

struct CompileArgs {
  std::string directory;
  std::string output;
};

int compile(const CompileArgs& args) {
  const std::filesystem::path output =
      args.output.empty() ? std::filesystem::path(args.directory) / kMasterSnapshotName : std::filesystem::path(args.output);
  const auto set = compile_master_snapshot(args.directory, output);
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(output, ec);
  const std::size_t files = set->stats().files.size();
  std::printf("%s: %s from %s, %zu file%s, %llu bytes\n", output.string().c_str(), set->revision().c_str(),
              set->origin().c_str(), files, files == 1 ? "" : "s", static_cast<unsigned long long>(ec ? 0 : size));
  return kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<CompileArgs>();
  app.description(kDescription);
  app.add_option("DIR", args->directory, "a revision directory (e.g. ../shared/masters/r06)")->type_name("DIR")->required();
  app.add_option("-o,--output", args->output, "the snapshot to write (default: DIR/.santei-snapshot)")->type_name("FILE");
  app.footer("Exit status: 0 written, 2 the directory could not be loaded, the file not written, or a usage error.");
  return [args] { return compile(*args); };
}

const Command masters_compile_command{"masters compile", "write a revision directory as a snapshot file", setup};

}  // namespace
}  // namespace santei::cli
