// The SSK files a user brings (santei/master_files.hpp): checking a download or a revision
// directory, and laying downloads out as a revision directory.
#include "santei/master_files.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <unistd.h>

#include "core/embedded.hpp"
#include "core/sha256.hpp"
#include "core/zip_archive.hpp"
#include "masters/master_data.hpp"
#include "santei/masters.hpp"

namespace santei {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(Status status, std::string file, std::string field, std::string message) {
  throw Exception(ErrorInfo{status, std::move(file), 0, 0, std::move(field), std::move(message)});
}

std::vector<KnownRelease> load_releases() {
  const auto data = detail::embedded_file("releases.xml");
  pugi::xml_document doc;
  if (!data || !doc.load_buffer(data->data(), data->size())) {
    fail(Status::rule_error, "masters/releases.xml", {}, "cannot be read");
  }
  static constexpr std::string_view attributes[] = {"file", "revision", "kind", "bytes", "rows", "sha256",
                                                    "sha256-unknown", "source"};
  std::vector<KnownRelease> out;
  for (const pugi::xml_node node : doc.child("releases").children()) {
    if (std::string_view(node.name()) != "release") {
      fail(Status::rule_error, "masters/releases.xml", node.name(), "not an element of <releases>");
    }
    for (const pugi::xml_attribute attribute : node.attributes()) {
      if (std::find(std::begin(attributes), std::end(attributes), attribute.name()) == std::end(attributes)) {
        fail(Status::rule_error, "masters/releases.xml", attribute.name(), "not an attribute of <release>");
      }
    }
    KnownRelease release{node.attribute("file").as_string(),
                         node.attribute("revision").as_string(),
                         node.attribute("kind").as_string(),
                         node.attribute("bytes").as_ullong(),
                         node.attribute("sha256").as_string(),
                         node.attribute("sha256-unknown").as_string(),
                         node.attribute("rows").as_llong(),
                         node.attribute("source").as_string()};
    if (release.file.empty() || release.bytes == 0 || release.source.empty() ||
        (release.sha256.size() != 64) == release.unknown.empty()) {
      fail(Status::rule_error, "masters/releases.xml", release.file,
           "a release needs file, bytes, source and either a sha256 of 64 hex digits or sha256-unknown");
    }
    out.push_back(std::move(release));
  }
  return out;
}

// The revision whose dates the newest 変更年月日 `newest` falls in (as MasterSet::load decides).
std::string revision_of(Date newest) {
  std::string id;
  if (newest == Date{}) return id;
  for (const RevisionInfo& info : known_revisions()) {
    if (!(newest < info.period.from)) id = info.id;
  }
  return id;
}

// The name a master file gets in a revision directory: SSK's own name for the dated masters and the
// comment table; the 電子点数表 tables under tensuhyo/ by their number and title (a zip may store
// their names in CP932, which reaches us garbled: only the number is read from it).
std::string install_name(const detail::MasterFileName& kind, const std::string& basename) {
  if (kind.kind == "aux") return "tensuhyo/01補助マスターテーブル.csv";
  if (kind.kind == "bundle") return "tensuhyo/02包括テーブル.csv";
  if (kind.kind == "inpatient") return "tensuhyo/04入院基本料テーブル.csv";
  if (kind.kind == "count") return "tensuhyo/05算定回数テーブル.csv";
  if (kind.kind == "exclusion") {
    switch (kind.window) {
      case ExclusionWindow::same_day: return "tensuhyo/03-1背反テーブル1.csv";
      case ExclusionWindow::same_month: return "tensuhyo/03-2背反テーブル2.csv";
      case ExclusionWindow::same_time: return "tensuhyo/03-3背反テーブル3.csv";
      case ExclusionWindow::same_week: return "tensuhyo/03-4背反テーブル4.csv";
    }
  }
  return kind.update ? "updates/" + basename : basename;
}

// Reads one master file's bytes as a load reads them.
MasterFileCheck check_bytes(const detail::MasterFileName& kind, const std::string& name, const std::string& basename,
                            std::string_view bytes, const std::string& shown_as) {
  const detail::MasterBytesSummary summary = detail::read_master_bytes(
      kind.kind, bytes, shown_as, kind.update ? detail::ReadAs::rows : detail::ReadAs::full);
  MasterFileCheck check;
  check.name = name;
  check.kind = kind.kind;
  check.title = detail::master_title(kind.kind, kind.window);
  check.layout = summary.layout;
  check.update = kind.update;
  check.rows = summary.rows;
  check.oldest = summary.oldest;
  check.newest = summary.newest;
  check.revision = revision_of(summary.newest);
  // 変更 rows of an update file leave 変更年月日 empty: the file's own date (in its name) then says.
  if (check.revision.empty() && kind.update) check.revision = revision_of(kind.date);
  check.install_name = install_name(kind, basename);
  return check;
}

// A download's own file: SSK names its update files without "ALL" (s_20240621.csv) and publishes
// them on their own, so outside a directory's updates/ they are known by the name alone.
detail::MasterFileName download_file_kind(detail::MasterFileName kind, const std::string& basename) {
  if ((kind.kind == "s" || kind.kind == "y" || kind.kind == "t" || kind.kind == "c") &&
      basename.compare(2, 3, "ALL") != 0) {
    kind.update = true;
  }
  return kind;
}

struct Member {
  MasterFileCheck check;
  std::string bytes;
};

bool is_zip(const fs::path& file, std::string_view bytes) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".zip" || bytes.starts_with("PK\x03\x04");
}

// check_master_download, keeping each master file's bytes in `members` when it is not null.
DownloadCheck read_download(const fs::path& file, std::vector<Member>* members) {
  DownloadCheck out;
  out.path = file;
  const std::unique_ptr<const MappedFile> mapped = detail::map_master_file(file);
  const std::string_view bytes = mapped->bytes();
  out.bytes = bytes.size();
  out.sha256 = detail::sha256_hex(bytes);
  const std::string filename = file.filename().string();
  for (const KnownRelease& release : known_releases()) {
    if (release.file == filename) out.release = &release;
  }
  if (out.release) {
    out.sha256_matches = !out.release->sha256.empty() && out.release->sha256 == out.sha256 &&
                         out.release->bytes == out.bytes;
  }
  const auto keep = [&](MasterFileCheck check, std::string_view data) {
    if (members) members->push_back(Member{check, std::string(data)});
    out.files.push_back(std::move(check));
  };
  if (is_zip(file, bytes)) {
    const zip::Archive archive = zip::Archive::from_bytes(bytes, file.string());
    for (const zip::Entry& entry : archive.entries()) {
      if (entry.name.ends_with('/')) continue;  // a folder
      const std::string basename = fs::path(entry.name).filename().string();
      auto kind = detail::classify_master_file(basename);
      if (!kind) {
        out.ignored.push_back(entry.name);
        continue;
      }
      const std::string data = archive.read(entry, kMaxMasterFileBytes);
      keep(check_bytes(download_file_kind(*kind, basename), entry.name, basename, data, file.string() + "/" + entry.name), data);
    }
    if (out.files.empty()) {
      fail(Status::master_error, file.string(), {},
           "the zip archive holds no SSK master file (s_ALL*.csv, y_ALL*.csv, 01補助マスターテーブル.csv …)");
    }
  } else {
    auto kind = detail::classify_master_file(file);
    if (!kind) {
      fail(Status::invalid_argument, file.string(), {},
           "neither a zip archive nor an SSK master file name (s_ALLyyyymmdd.csv, b_yyyymmdd.txt, "
           "ck_ALL_yyyymmdd.csv, 01補助マスターテーブル.csv …)");
    }
    keep(check_bytes(download_file_kind(*kind, filename), filename, filename, bytes, file.string()), bytes);
  }
  if (out.release) {  // a known download must hold what SSK publishes under its name
    for (const MasterFileCheck& member : out.files) {
      const bool table = member.kind == "aux" || member.kind == "bundle" || member.kind == "exclusion" ||
                         member.kind == "inpatient" || member.kind == "count";
      if (out.release->kind == "tensuhyo" ? !table : member.kind != out.release->kind) {
        fail(Status::master_error, file.string(), member.name,
             fmt::format("a {} in {}, which SSK publishes as a {} download", member.title, filename,
                         out.release->kind == "tensuhyo" ? std::string("電子点数表")
                                                         : detail::master_title(out.release->kind)));
      }
    }
    out.revision = out.release->revision;
  } else {
    Date newest;
    for (const MasterFileCheck& member : out.files) newest = std::max(newest, member.newest);
    out.revision = revision_of(newest);
    for (const MasterFileCheck& member : out.files) {  // update files: by the date in their names
      if (out.revision.empty()) out.revision = member.revision;
    }
  }
  return out;
}

// Removes a staging directory when the add is over, however it ends.
struct Staging {
  fs::path path;
  ~Staging() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

bool same_bytes(const fs::path& file, const std::string& bytes) {
  std::ifstream in(file, std::ios::binary);
  const std::string existing{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return existing == bytes;
}

void write_file(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) fail(Status::io_error, file.string(), {}, "cannot write the file");
}

}  // namespace

const std::vector<KnownRelease>& known_releases() {
  static const std::vector<KnownRelease> releases = load_releases();
  return releases;
}

DownloadCheck check_master_download(const fs::path& file) { return read_download(file, nullptr); }

DirectoryCheck check_master_directory(const fs::path& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) fail(Status::io_error, directory.string(), {}, "not a directory of masters");
  DirectoryCheck out;
  out.path = directory;
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(directory, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && detail::classify_master_file(it->path())) paths.push_back(it->path());
  }
  if (ec) fail(Status::io_error, directory.string(), {}, "cannot list the directory: " + ec.message());
  std::sort(paths.begin(), paths.end());
  std::set<std::string> present;
  Date newest_s;
  for (const fs::path& path : paths) {
    const detail::MasterFileName kind = *detail::classify_master_file(path);
    const std::string basename = path.filename().string();
    MasterFileCheck check = check_bytes(kind, basename, basename, detail::map_master_file(path)->bytes(), path.string());
    if (!kind.update) {
      present.insert(kind.kind == "exclusion" ? check.install_name : kind.kind);
      if (kind.kind == "s") newest_s = std::max(newest_s, check.newest);
    }
    out.files.emplace_back(path, std::move(check));
  }
  out.revision = revision_of(newest_s);
  for (const char* kind : {"s", "y", "t", "c", "b", "z", "ck", "aux", "bundle"}) {
    if (!present.count(kind)) out.lacks.push_back(detail::master_title(kind));
  }
  for (const ExclusionWindow window : {ExclusionWindow::same_day, ExclusionWindow::same_month,
                                       ExclusionWindow::same_time, ExclusionWindow::same_week}) {
    if (!present.count(install_name(detail::MasterFileName{"exclusion", false, Date{}, window}, {}))) {
      out.lacks.push_back(detail::master_title("exclusion", window));
    }
  }
  for (const char* kind : {"inpatient", "count"}) {
    if (!present.count(kind)) out.lacks.push_back(detail::master_title(kind));
  }
  return out;
}

std::vector<AddedFile> add_master_downloads(const std::vector<fs::path>& downloads, const fs::path& to,
                                            const std::string& revision) {
  if (!revision.empty() && std::none_of(known_revisions().begin(), known_revisions().end(),
                                        [&](const RevisionInfo& info) { return info.id == revision; })) {
    fail(Status::invalid_argument, {}, "revision", fmt::format("{} is not a revision in masters/revisions.xml", revision));
  }
  // Every download is read and checked before anything is written.
  struct Planned {
    fs::path target;
    Member member;
    bool already_there = false;
  };
  std::vector<Planned> plan;
  std::map<fs::path, fs::path> planned_from;  // target → the download that brings it
  for (const fs::path& download : downloads) {
    std::vector<Member> members;
    const DownloadCheck check = read_download(download, &members);
    if (check.release && !check.sha256_matches) {
      fail(Status::master_error, download.string(), "sha256",
           check.release->sha256.empty()
               ? fmt::format("no sha256 of SSK's {} is known ({}), so this download cannot be verified",
                             check.release->file, check.release->unknown)
               : fmt::format("{} bytes with sha256 {}, where SSK's {} has {} bytes with sha256 {} ({}): a damaged "
                             "or different download",
                             check.bytes, check.sha256, check.release->file, check.release->bytes,
                             check.release->sha256, check.release->source));
    }
    const std::string& id = revision.empty() ? check.revision : revision;
    if (id.empty()) {
      fail(Status::master_error, download.string(), "revision",
           "its rows carry no 変更年月日 that selects a revision and santei knows no release of this name: name the "
           "revision (santei masters add --revision ID)");
    }
    for (Member& member : members) {
      Planned planned{to / id / member.check.install_name, std::move(member)};
      auto [it, inserted] = planned_from.emplace(planned.target, download);
      if (!inserted) {
        fail(Status::master_error, download.string(), planned.member.check.name,
             fmt::format("{} is brought by {} as well", planned.target.string(), it->second.string()));
      }
      std::error_code ec;
      if (fs::exists(planned.target, ec)) {
        if (!same_bytes(planned.target, planned.member.bytes)) {
          fail(Status::master_error, planned.target.string(), {},
               fmt::format("already there with other bytes than {} brings: remove it first", download.string()));
        }
        planned.already_there = true;
      }
      plan.push_back(std::move(planned));
    }
  }

  // Written beside their place, then renamed into it; a failure takes back what was renamed.
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) fail(Status::io_error, to.string(), {}, "cannot create the directory: " + ec.message());
  Staging staging{to / fmt::format(".santei-add-{}", static_cast<long>(::getpid()))};
  fs::remove_all(staging.path, ec);
  if (!fs::create_directory(staging.path, ec) || ec) {
    fail(Status::io_error, staging.path.string(), {}, "cannot create the staging directory: " + ec.message());
  }
  std::vector<fs::path> renamed;
  std::vector<AddedFile> added;
  try {
    for (std::size_t i = 0; i < plan.size(); ++i) {
      if (!plan[i].already_there) write_file(staging.path / std::to_string(i), plan[i].member.bytes);
    }
    for (std::size_t i = 0; i < plan.size(); ++i) {
      const Planned& planned = plan[i];
      added.push_back(AddedFile{planned.target, planned.member.check.kind, planned.member.check.rows,
                                planned.already_there});
      if (planned.already_there) continue;
      fs::create_directories(planned.target.parent_path());
      fs::rename(staging.path / std::to_string(i), planned.target);
      renamed.push_back(planned.target);
    }
  } catch (const fs::filesystem_error& e) {
    for (const fs::path& file : renamed) fs::remove(file, ec);
    fail(Status::io_error, e.path1().string(), {}, e.code().message());
  } catch (...) {
    for (const fs::path& file : renamed) fs::remove(file, ec);
    throw;
  }
  return added;
}

}  // namespace santei
