// santei/master_files.hpp — `santei masters check` and `add` — on real rows: the r08 excerpt
// (../shared/excerpts/r08, with its SHA256SUMS) and the r06 masters and 電子点数表 tables, packed into
// zips at test time as SSK packs its downloads; damaged copies of them (a flipped byte, a truncated
// zip, a file of another kind renamed; UTF-8 instead of CP932 is the CLI test masters_check_corrupt) are
// refused and change nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "big_input.hpp"
#include "error_of.hpp"
#include "pricing_support.hpp"
#include "santei/master_files.hpp"
#include "zip_support.hpp"

using namespace santei;
using namespace santei::test;

namespace {

const std::filesystem::path excerpt_csv() { return shared_dir() / "excerpts" / "r08" / "s_ALL20261001.csv"; }

// The sha256 ../shared/excerpts/r08/SHA256SUMS records for `name`.
std::string recorded_sha256(const std::string& name) {
  std::istringstream sums(test::file_bytes(shared_dir() / "excerpts" / "r08" / "SHA256SUMS"));
  std::string sha, file;
  while (sums >> sha >> file) {
    if (file == name) return sha;
  }
  return {};
}

struct Fixture {
  ScratchDirectory scratch{"santei-master-files-test"};
  std::filesystem::path path(const std::string& name) const { return scratch.path() / name; }
  // A zip download named `name` holding the excerpt as SSK's s zip holds its csv.
  std::filesystem::path excerpt_zip(const std::string& name) const {
    write_file(path(name), make_zip({{"s_ALL20261001.csv", test::file_bytes(excerpt_csv())}}, path("made.zip")));
    return path(name);
  }
  // Every file under `directory` (to prove a refused add wrote nothing).
  static std::size_t files_under(const std::filesystem::path& directory) {
    std::size_t count = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(directory, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      ++count;
    }
    return count;
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "masters check: the r08 excerpt in a zip reads through s_150 — 248 rows, 変更年月日 from 2026-06-01, revision r08") {
  const DownloadCheck check = check_master_download(excerpt_zip("s_ALL20261001.zip"));
  CHECK(check.release == nullptr);  // not a name SSK published in masters/releases.xml
  REQUIRE(check.files.size() == 1);
  const MasterFileCheck& file = check.files[0];
  CHECK(file.kind == "s");
  CHECK(file.layout == "s_150");
  CHECK(file.rows == 248);  // ../shared/excerpts/r08/README.md: 248 records
  CHECK(file.oldest.iso() == "2026-06-01");
  CHECK(file.revision == "r08");
  CHECK(check.revision == "r08");
  CHECK(file.install_name == "s_ALL20261001.csv");
}

TEST_CASE_FIXTURE(Fixture, "masters check: a master file's sha256 is the one its publisher recorded (excerpt SHA256SUMS)") {
  const DownloadCheck check = check_master_download(excerpt_csv());
  const std::string recorded = recorded_sha256("s_ALL20261001.csv");
  REQUIRE(recorded.size() == 64);
  CHECK(check.sha256 == recorded);
  CHECK(check.bytes == std::filesystem::file_size(excerpt_csv()));
}

TEST_CASE("masters check: the r08 SSK release of ../shared/masters/README.md is known by name, size and sha256") {
  const KnownRelease* s = nullptr;
  for (const KnownRelease& release : known_releases()) {
    if (release.file == "s_ALL20260605.zip") s = &release;
  }
  REQUIRE(s != nullptr);
  CHECK(s->revision == "r08");
  CHECK(s->kind == "s");
  CHECK(s->bytes == 587216);
  CHECK(s->rows == 11746);
  CHECK(s->sha256 == "4821242ecea677f93dbed7617a73ffc85a12799c494c03fcdb82113d753d0477");
  CHECK(known_releases().size() == 6);  // s y t c ck tensuhyo_02
}

TEST_CASE_FIXTURE(Fixture, "masters check: a download named as SSK's s_ALL20260605.zip with other bytes does not match, and add refuses it") {
  const std::filesystem::path fake = excerpt_zip("s_ALL20260605.zip");
  const DownloadCheck check = check_master_download(fake);
  REQUIRE(check.release != nullptr);
  CHECK(check.release->file == "s_ALL20260605.zip");
  CHECK_FALSE(check.sha256_matches);
  const ErrorInfo error = error_of([&] { add_master_downloads({fake}, path("masters")); });
  CHECK(error.status == Status::master_error);
  CHECK(error.field == "sha256");
  CHECK_FALSE(std::filesystem::exists(path("masters")));
}

TEST_CASE_FIXTURE(Fixture, "masters check: a flipped byte in a zip is a parse_error naming the download and the member") {
  std::string bytes = test::file_bytes(excerpt_zip("s_ALL20261001.zip"));
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
  write_file(path("flipped.zip"), bytes);
  const ErrorInfo error = error_of([&] { check_master_download(path("flipped.zip")); });
  CHECK(error.status == Status::parse_error);
  CHECK(error.file == path("flipped.zip").string());
  CHECK(error.field == "s_ALL20261001.csv");
}

TEST_CASE_FIXTURE(Fixture, "masters check: a truncated zip download is a parse_error naming it") {
  const std::string bytes = test::file_bytes(excerpt_zip("s_ALL20261001.zip"));
  write_file(path("truncated.zip"), bytes.substr(0, bytes.size() - 100));
  const ErrorInfo error = error_of([&] { check_master_download(path("truncated.zip")); });
  CHECK(error.status == Status::parse_error);
  CHECK(error.file == path("truncated.zip").string());
}

TEST_CASE_FIXTURE(Fixture, "masters check: a 特定器材マスター renamed s_ALL… is refused by its shape (38 columns, s has 150)") {
  write_file(path("s_ALL20240315.csv"), test::file_bytes(shared_masters() / "r06" / "t_ALL20240315.csv"));
  const ErrorInfo error = error_of([&] { check_master_download(path("s_ALL20240315.csv")); });
  CHECK(error.status == Status::master_error);
  CHECK(error.line == 1);
  CHECK(error.field == "column count");
  check_message(error.message, "38 columns: no layout for this master kind has that shape…");
}

TEST_CASE_FIXTURE(Fixture, "masters check: a 医科診療行為マスター in a zip named as SSK's y download is refused") {
  write_file(path("y_ALL20260611.zip"),
             make_zip({{"s_ALL20261001.csv", test::file_bytes(excerpt_csv())}}, path("made.zip")));
  const ErrorInfo error = error_of([&] { check_master_download(path("y_ALL20260611.zip")); });
  CHECK(error.status == Status::master_error);
  CHECK(error.field == "s_ALL20261001.csv");
  check_message(error.message, "a 医科診療行為マスター (s_*.csv) in y_ALL20260611.zip, which SSK publishes as a 医薬品マスター…");
}

TEST_CASE_FIXTURE(Fixture, "masters add: the excerpt zip becomes DIR/r08, which loads and prices 再診料 at 76 (r08 告示 A001)") {
  const std::vector<AddedFile> added = add_master_downloads({excerpt_zip("s_ALL20261001.zip")}, path("masters"));
  REQUIRE(added.size() == 1);
  CHECK(added[0].path == path("masters") / "r08" / "s_ALL20261001.csv");
  CHECK_FALSE(added[0].already_there);
  CHECK(test::file_bytes(added[0].path) == test::file_bytes(excerpt_csv()));
  CHECK(files_under(path("masters")) == 2);  // r08/ and the file: the staging directory is gone

  const MasterLibrary library = MasterLibrary::load(path("masters"));
  REQUIRE(library.sets().size() == 1);
  CHECK(library.sets()[0]->revision() == "r08");
  const ProcedureRecord* revisit = library.sets()[0]->procedure(112007410, *Date::parse_iso("2026-07-07"));
  REQUIRE(revisit != nullptr);
  CHECK(revisit->points.to_string() == "76");

  // Again: already there, byte for byte; nothing is rewritten.
  const std::vector<AddedFile> again = add_master_downloads({path("s_ALL20261001.zip")}, path("masters"));
  REQUIRE(again.size() == 1);
  CHECK(again[0].already_there);
}

TEST_CASE_FIXTURE(Fixture, "masters add: one bad download among good ones writes nothing") {
  const std::filesystem::path good = excerpt_zip("s_ALL20261001.zip");
  std::string bytes = test::file_bytes(good);
  write_file(path("truncated.zip"), bytes.substr(0, bytes.size() / 2));
  const ErrorInfo error = error_of([&] { add_master_downloads({good, path("truncated.zip")}, path("masters")); });
  CHECK(error.file == path("truncated.zip").string());
  CHECK_FALSE(std::filesystem::exists(path("masters")));

  // A file of the same name with other bytes in the way: refused, the old file kept.
  std::filesystem::create_directories(path("masters") / "r08");
  write_file(path("masters") / "r08" / "s_ALL20261001.csv", "other bytes");
  const ErrorInfo in_the_way = error_of([&] { add_master_downloads({good}, path("masters")); });
  CHECK(in_the_way.file == (path("masters") / "r08" / "s_ALL20261001.csv").string());
  CHECK(test::file_bytes(path("masters") / "r08" / "s_ALL20261001.csv") == "other bytes");
  CHECK(files_under(path("masters")) == 2);
}

TEST_CASE_FIXTURE(Fixture, "masters add: 電子点数表 tables in a tensuhyo zip go to tensuhyo/ by their number; the directory check says what it lacks") {
  // Two real r06 tables under the names SSK's tensuhyo zip gives them (a folder, "NN 名前.csv").
  const std::filesystem::path tables = shared_masters() / "r06" / "tensuhyo";
  write_file(path("tensuhyo_r06.zip"),
             make_zip({{"tensuhyo_01/03-4 背反テーブル4.csv", test::file_bytes(tables / "03-4背反テーブル4.csv")},
                       {"tensuhyo_01/readme.txt", "not a master"}},
                      path("made.zip")));
  const DownloadCheck check = check_master_download(path("tensuhyo_r06.zip"));
  REQUIRE(check.files.size() == 1);
  CHECK(check.files[0].kind == "exclusion");
  CHECK(check.files[0].install_name == "tensuhyo/03-4背反テーブル4.csv");
  CHECK(check.ignored == std::vector<std::string>{"tensuhyo_01/readme.txt"});
  // Undated rows select no revision: add needs it named.
  CHECK(check.revision.empty());
  CHECK(error_of([&] { add_master_downloads({path("tensuhyo_r06.zip")}, path("masters")); }).field == "revision");
  CHECK_FALSE(std::filesystem::exists(path("masters")));

  add_master_downloads({path("tensuhyo_r06.zip"), excerpt_zip("s_ALL20261001.zip")}, path("masters"), "r08");
  const DirectoryCheck directory = check_master_directory(path("masters") / "r08");
  CHECK(directory.revision == "r08");
  REQUIRE(directory.files.size() == 2);
  const auto lacks = [&](const std::string& title) {
    return std::find(directory.lacks.begin(), directory.lacks.end(), title) != directory.lacks.end();
  };
  CHECK_FALSE(lacks("03-4背反テーブル4 (1週間につき)"));
  CHECK_FALSE(lacks("医科診療行為マスター (s_*.csv)"));
  CHECK(lacks("02包括テーブル"));
  CHECK(lacks("医薬品マスター (y_*.csv)"));
  CHECK(directory.lacks.size() == 13);  // y t c b z ck, 01 02 03-1 03-2 03-3 04 05
}

TEST_CASE_FIXTURE(Fixture, "masters add: an SSK update file (s_20240621.csv, no ALL) goes to updates/, where the loader applies it as an update") {
  write_file(path("s_20240621.zip"),
             make_zip({{"s_20240621.csv", test::file_bytes(shared_masters() / "r06" / "updates" / "s_20240621.csv")}},
                      path("made.zip")));
  const DownloadCheck check = check_master_download(path("s_20240621.zip"));
  REQUIRE(check.files.size() == 1);
  CHECK(check.files[0].update);
  CHECK(check.files[0].install_name == "updates/s_20240621.csv");
  CHECK(check.revision == "r06");
  const std::vector<AddedFile> added = add_master_downloads({path("s_20240621.zip")}, path("masters"));
  REQUIRE(added.size() == 1);
  CHECK(added[0].path == path("masters") / "r06" / "updates" / "s_20240621.csv");
}
