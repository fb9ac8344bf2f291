// santei/master_files.hpp — the SSK files a user brings: what a download or a master file is, whether
// it is a release santei knows, and laying downloads out as a revision directory that
// MasterLibrary::load reads (`santei masters check` and `santei masters add` are this, on the
// command line).
//
// A download is an SSK zip (s_ALL20260605.zip, tensuhyo_02.zip …) or a master file itself
// (s_ALL20260605.csv …). Checking one reads every master file in it as MasterSet::load would — the
// layout its shape selects, every row decoded and checked — so a truncated zip, a damaged entry, a
// file in another encoding or a file of another kind renamed is an Exception naming the download
// and the member, and nothing is written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "santei/config.h"
#include "santei/period.hpp"
#include "santei/result.hpp"

namespace santei {

// An SSK download santei knows (masters/releases.xml): its name, size and sha256 as published.
struct KnownRelease {
  std::string file;      // "s_ALL20260605.zip"
  std::string revision;  // "r08"
  std::string kind;      // the master kind its members are: "s" … "ck", or "tensuhyo" (the 電子点数表 tables)
  std::uint64_t bytes = 0;
  std::string sha256;    // lower-case hex; empty when no source recorded it (see `unknown`)
  std::string unknown;   // why the sha256 is not known, when it is not
  std::int64_t rows = 0; // rows of its master file as recorded; 0 when not recorded
  std::string source;    // where the figures come from
};
SANTEI_API const std::vector<KnownRelease>& known_releases();

// One master file read as a load reads it.
struct MasterFileCheck {
  std::string name;      // the file or zip member name, e.g. "s_ALL20260605.csv"
  std::string kind;      // s y t c b z ck aux bundle exclusion inpatient count
  std::string title;     // "医科診療行為マスター (s_*.csv)"
  std::string layout;    // "s_150"
  bool update = false;   // an update file (under updates/)
  std::int64_t rows = 0;
  Date oldest;           // dated kinds: the oldest and newest 変更年月日 of its rows; zero otherwise
  Date newest;
  std::string revision;  // the revision its newest 変更年月日 falls in; empty for undated tables
  std::string install_name;  // its path in a revision directory ("s_ALL20260605.csv", "tensuhyo/02包括テーブル.csv")
};

// One download (a zip or a master file).
struct DownloadCheck {
  std::filesystem::path path;
  std::uint64_t bytes = 0;
  std::string sha256;
  const KnownRelease* release = nullptr;  // the known release of this file name, if any
  bool sha256_matches = false;            // release and its recorded sha256 equal this file's
  std::vector<MasterFileCheck> files;     // its master files, in order
  std::vector<std::string> ignored;       // zip members that are no master file (a readme …)
  std::string revision;                   // the release's revision, else the newest of its files'
};

// Reads and checks one download. Throws santei::Exception naming the file (and the zip member and
// line) when it cannot be read, holds no master file, or any row fails. A sha256 that differs from
// the known release of its name is not thrown: `sha256_matches` says it.
SANTEI_API DownloadCheck check_master_download(const std::filesystem::path& file);

// A revision directory as MasterSet::load would read it: each master file checked, and what it
// lacks ("医薬品マスター (y_*.csv)", "02包括テーブル" …).
struct DirectoryCheck {
  std::filesystem::path path;
  std::vector<std::pair<std::filesystem::path, MasterFileCheck>> files;  // with each file's path
  std::vector<std::string> lacks;
  std::string revision;  // from its 医科診療行為マスター full files; empty without one
};
SANTEI_API DirectoryCheck check_master_directory(const std::filesystem::path& directory);

// What `add_master_downloads` wrote (or found already there, byte for byte).
struct AddedFile {
  std::filesystem::path path;  // in the revision directory
  std::string kind;
  std::int64_t rows = 0;
  bool already_there = false;
};

// Checks every download, then writes their master files into `to`/<revision>/ (the revision of
// each download: `revision` if not empty, else its known release's, else its files' own). Nothing
// is written unless every download checks and no file of the same name with other bytes is in the
// way; the files are written to a hidden staging directory in `to` and renamed into place.
// A sha256 that differs from the known release of a download's name is refused.
SANTEI_API std::vector<AddedFile> add_master_downloads(const std::vector<std::filesystem::path>& downloads,
                                                       const std::filesystem::path& to,
                                                       const std::string& revision = {});

}  // namespace santei
