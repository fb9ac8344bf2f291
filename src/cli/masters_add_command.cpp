// santei masters add: lays SSK downloads out as a revision directory that --masters loads.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/command.hpp"
#include "santei/master_files.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Checks every download as `santei masters check` does, then writes their master files into
DIR/<revision>/ (unpacking the zips), where `--masters DIR` loads them. The revision of a download
is that of its release in masters/releases.xml, else the one its rows' 変更年月日 select, or
--revision. Nothing is written unless every download checks, a download whose name is a known
release has that release's size and sha256, and no file of the same name with other bytes is in
the way.)";

struct AddArgs {
  std::string to;
  std::string revision;
  std::vector<std::string> downloads;
};

int add(const AddArgs& args) {
  const std::vector<std::filesystem::path> downloads(args.downloads.begin(), args.downloads.end());
  const std::vector<AddedFile> added = add_master_downloads(downloads, args.to, args.revision);
  std::filesystem::path revision_directory;
  for (const AddedFile& file : added) {
    std::printf("%s: %s (%s, %lld rows)\n", file.path.string().c_str(), file.already_there ? "already there" : "added",
                file.kind.c_str(), static_cast<long long>(file.rows));
    revision_directory = std::filesystem::path(args.to) / std::filesystem::relative(file.path, args.to).begin()->string();
  }
  const DirectoryCheck directory = check_master_directory(revision_directory);
  if (directory.revision.empty()) {
    std::printf("%s has no 医科診療行為マスター yet: add SSK's s_ALL zip before loading it\n",
                revision_directory.string().c_str());
  } else if (!directory.lacks.empty()) {
    std::string lacks;
    for (const std::string& title : directory.lacks) lacks += (lacks.empty() ? "" : ", ") + title;
    std::printf("%s (%s) still lacks: %s\n", revision_directory.string().c_str(), directory.revision.c_str(),
                lacks.c_str());
  }
  return kExitOk;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<AddArgs>();
  app.description(kDescription);
  app.add_option("--to", args->to, "the masters directory (made if missing); --masters DIR then loads it")
      ->type_name("DIR")
      ->required();
  app.add_option("--revision", args->revision, "the revision the downloads are (r08 …), when santei cannot tell")
      ->type_name("ID");
  app.add_option("FILE", args->downloads, "SSK zip downloads or master files (one or more)")
      ->type_name("FILE.zip")
      ->required();
  app.footer("Exit status: 0 added (or already there), 2 a download was refused (nothing written) or a usage error.");
  return [args] { return add(*args); };
}

const Command masters_add_command{"masters add", "unpack and check SSK downloads into a masters directory", setup};

}  // namespace
}  // namespace santei::cli
