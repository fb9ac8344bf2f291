// santei masters check: what each SSK download, master file or revision directory is.
#include <cstdio>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "santei/master_files.hpp"

namespace santei::cli {
namespace {

constexpr const char* kDescription =
    R"(Reads each SSK download (a zip such as s_ALL20260605.zip, or a master file such as
s_ALL20260605.csv) or revision directory as `--masters` would load it, every row decoded and
checked, and reports per file: what it is (master kind, layout, rows, the 変更年月日 of its rows
and the revision they select), whether the download is a release santei knows (its size and
sha256 against masters/releases.xml), and for a directory what it still lacks. A file that
cannot be read is reported on stderr with its file, member, line and field; the others are still
checked.)";

struct CheckArgs {
  std::vector<std::string> paths;
};

std::string dates(const MasterFileCheck& file) {
  if (file.newest == Date{}) return {};
  return fmt::format(", 変更年月日 {}…{}", file.oldest.iso(), file.newest.iso());
}

void print_file(const std::string& name, const MasterFileCheck& file) {
  std::printf("  %s: %s, layout %s, %lld rows%s%s\n", name.c_str(), file.title.c_str(), file.layout.c_str(),
              static_cast<long long>(file.rows), dates(file).c_str(),
              file.revision.empty() ? "" : fmt::format(", revision {}", file.revision).c_str());
}

// Prints one download; false when it is a known release's name with other bytes.
bool print_download(const DownloadCheck& check) {
  std::printf("%s: %llu bytes, sha256 %s\n", check.path.string().c_str(), static_cast<unsigned long long>(check.bytes),
              check.sha256.c_str());
  bool good = true;
  if (!check.release) {
    std::printf("  release: santei knows no SSK release of this name (masters/releases.xml)\n");
  } else if (check.sha256_matches) {
    std::printf("  release: SSK's %s %s, size and sha256 as published\n", check.release->revision.c_str(),
                check.release->file.c_str());
  } else {
    good = false;
    std::printf("  release: NOT SSK's %s %s, which has %llu bytes and sha256 %s: a damaged or different download\n",
                check.release->revision.c_str(), check.release->file.c_str(),
                static_cast<unsigned long long>(check.release->bytes),
                check.release->sha256.empty() ? ("unknown, " + check.release->unknown).c_str()
                                              : check.release->sha256.c_str());
  }
  for (const MasterFileCheck& file : check.files) print_file(file.name, file);
  for (const std::string& name : check.ignored) std::printf("  %s: not a master file, left out\n", name.c_str());
  return good;
}

void print_directory(const DirectoryCheck& check) {
  std::printf("%s: a revision directory%s\n", check.path.string().c_str(),
              check.revision.empty() ? " without a 医科診療行為マスター" : (" of " + check.revision).c_str());
  for (const auto& entry : check.files) {
    print_file(std::filesystem::relative(entry.first, check.path).string(), entry.second);
  }
  if (check.lacks.empty()) {
    std::printf("  complete: every master and 電子点数表 table santei reads is there\n");
  } else {
    std::string lacks;
    for (const std::string& title : check.lacks) lacks += (lacks.empty() ? "" : ", ") + title;
    std::printf("  lacks: %s\n", lacks.c_str());
  }
}

int check(const CheckArgs& args) {
  int status = kExitOk;
  for (const std::string& path : args.paths) {
    try {
      std::error_code ec;
      if (std::filesystem::is_directory(path, ec)) {
        print_directory(check_master_directory(path));
      } else if (!print_download(check_master_download(path))) {
        status = kExitUsage;
      }
    } catch (const Exception& e) {
      std::fflush(stdout);
      std::fprintf(stderr, "santei masters check: %s\n", e.what());
      status = kExitUsage;
    }
  }
  return status;
}

Runner setup(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  app.description(kDescription);
  app.add_option("PATH", args->paths, "an SSK zip download, a master file or a revision directory (one or more)")
      ->type_name("FILE")
      ->required();
  app.footer("Exit status: 0 every file read and every known release matched, 2 a file could not be read or is\n"
             "not the release its name says, or a usage error.");
  return [args] { return check(*args); };
}

const Command masters_check_command{"masters check", "what SSK downloads, master files or revision directories are",
                                    setup};

}  // namespace
}  // namespace santei::cli
