// The zip reader of src/core/zip_archive.hpp: entries listed and read (deflated and stored), and
// every damaged or hostile archive refused with the archive's file, the entry and the reason —
// a missing file, bytes that are no zip, a truncated download, a flipped byte, a zip bomb and a
// header that lies about its size.
#include <doctest/doctest.h>

#include <string>

#include "big_input.hpp"
#include "core/zip_archive.hpp"
#include "error_of.hpp"
#include "zip_support.hpp"

using santei::Status;
using santei::test::error_of;
using santei::zip::Archive;

namespace {

struct Fixture {
  santei::test::ScratchDirectory scratch{"santei-zip-test"};
  std::string path(const char* name) const { return (scratch.path() / name).string(); }
  std::string two_members() const {
    return santei::test::make_zip({{"xl/workbook.xml", "<workbook/>"}, {"data/a.csv", std::string(5000, 'a'), true}},
                                  scratch.path() / "made.zip");
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "zip: entries are listed in directory order and read, deflated or stored") {
  const std::string bytes = two_members();
  santei::test::write_file(path("two.zip"), bytes);
  const Archive archive = Archive::open(path("two.zip"));
  REQUIRE(archive.entries().size() == 2);
  CHECK(archive.entries()[0].name == "xl/workbook.xml");
  CHECK(archive.entries()[0].size == 11);
  CHECK(archive.entries()[1].name == "data/a.csv");
  CHECK(archive.entries()[1].size == 5000);
  CHECK(archive.entries()[1].compressed_size == 5000);  // stored
  CHECK(archive.read("xl/workbook.xml", 100) == "<workbook/>");
  CHECK(archive.read(archive.entries()[1], 5000) == std::string(5000, 'a'));
  CHECK(archive.find("nothing") == nullptr);
  const Archive in_memory = Archive::from_bytes(bytes, "memory.zip");
  CHECK(in_memory.read("data/a.csv", 5000).size() == 5000);
}

TEST_CASE_FIXTURE(Fixture, "zip: a missing entry is not_found naming the archive and the entry") {
  santei::test::write_file(path("two.zip"), two_members());
  const Archive archive = Archive::open(path("two.zip"));
  const santei::ErrorInfo error = error_of([&] { (void)archive.read("xl/missing.xml", 100); });
  CHECK(error.status == Status::not_found);
  CHECK(error.file == path("two.zip"));
  CHECK(error.field == "xl/missing.xml");
  CHECK(error.message == "the zip archive has no such entry");
}

TEST_CASE_FIXTURE(Fixture, "zip: a file that does not exist is io_error naming it") {
  const santei::ErrorInfo error = error_of([&] { (void)Archive::open(path("absent.zip")); });
  CHECK(error.status == Status::io_error);
  CHECK(error.file == path("absent.zip"));
  santei::test::check_message(error.message, "cannot open the zip archive: …");
}

TEST_CASE_FIXTURE(Fixture, "zip: bytes that are no zip archive, and no bytes at all, are parse_error") {
  santei::test::write_file(path("text.zip"), "s_ALL20240601.csv is not here\r\n");
  santei::ErrorInfo error = error_of([&] { (void)Archive::open(path("text.zip")); });
  CHECK(error.status == Status::parse_error);
  CHECK(error.file == path("text.zip"));
  CHECK(error.message == "not a zip archive");
  error = error_of([&] { (void)Archive::from_bytes("", "empty.zip"); });
  CHECK(error.status == Status::parse_error);
  CHECK(error.file == "empty.zip");
  CHECK(error.message == "an empty file is not a zip archive");
}

TEST_CASE_FIXTURE(Fixture, "zip: a truncated download is parse_error at open, wherever it was cut") {
  const std::string bytes = two_members();
  for (const std::size_t keep : {bytes.size() - 1, bytes.size() - 22, bytes.size() / 2, std::size_t{30}}) {
    CAPTURE(keep);
    santei::test::write_file(path("cut.zip"), bytes.substr(0, keep));
    const santei::ErrorInfo error = error_of([&] { (void)Archive::open(path("cut.zip")); });
    CHECK(error.status == Status::parse_error);
    CHECK(error.file == path("cut.zip"));
  }
}

TEST_CASE_FIXTURE(Fixture, "zip: a flipped byte in an entry's data is parse_error naming the entry") {
  std::string bytes = santei::test::make_zip({{"s.csv", std::string(3000, 'x') + "end", true}}, scratch.path() / "m.zip");
  bytes[30 + 5 + 1000] ^= 0x01;  // inside the stored data, after the 30-byte header and the name
  const Archive archive = Archive::from_bytes(bytes, "flipped.zip");
  const santei::ErrorInfo error = error_of([&] { (void)archive.read("s.csv", 1 << 20); });
  CHECK(error.status == Status::parse_error);
  CHECK(error.file == "flipped.zip");
  CHECK(error.field == "s.csv");
  CHECK(error.message == "the entry's data is damaged: CRC error");
}

TEST_CASE_FIXTURE(Fixture, "zip: an entry over the caller's limit is limit_exceeded before it is inflated") {
  const std::string bomb = santei::test::make_zip({{"zeros", std::string(1 << 20, '\0')}}, scratch.path() / "b.zip");
  CHECK(bomb.size() < 5000);  // a megabyte of zeros deflates to about a kilobyte
  const Archive archive = Archive::from_bytes(bomb, "bomb.zip");
  const santei::ErrorInfo error = error_of([&] { (void)archive.read("zeros", 1000); });
  CHECK(error.status == Status::limit_exceeded);
  CHECK(error.field == "zeros");
  CHECK(error.message == "the entry holds 1048576 bytes, over the limit of 1000 bytes");
}

TEST_CASE_FIXTURE(Fixture, "zip: a header that understates its entry's size stops the read at the limit") {
  std::string bomb = santei::test::make_zip({{"zeros", std::string(1 << 20, '\0')}}, scratch.path() / "b.zip");
  // Claim 10 bytes, in the local header (offset 22) and the central directory (offset 24).
  santei::test::put_u32(bomb, 22, 10);
  const std::size_t central = bomb.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  santei::test::put_u32(bomb, central + 24, 10);
  const Archive archive = Archive::from_bytes(bomb, "liar.zip");
  REQUIRE(archive.entries().at(0).size == 10);
  const santei::ErrorInfo error = error_of([&] { (void)archive.read("zeros", 100); });
  CHECK(error.field == "zeros");
  CHECK(error.status == Status::limit_exceeded);
  CHECK(error.message == "the entry inflates to more than 100 bytes (its header claims 10)");
  // Under a limit it fits in, the lie is still found: the bytes are not the size claimed.
  const santei::ErrorInfo roomy = error_of([&] { (void)archive.read("zeros", 2 << 20); });
  CHECK(roomy.status == Status::parse_error);
  CHECK(roomy.message == "the entry holds 1048576 bytes, not the 10 its header claims");
}
