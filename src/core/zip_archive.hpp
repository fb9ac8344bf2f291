// Reading zip archives (SSK's master downloads, the xlsx workbooks of MHLW) over libzip, with the
// limits a file from outside needs: an entry is read only up to a size its caller names, whatever
// its header claims, so a zip bomb costs that many bytes and an error, never the machine. Every
// error names the archive (ErrorInfo::file) and, once one is involved, the entry (ErrorInfo::field).
//
// An Archive reads one archive from one thread at a time (libzip's handle is not shared); open one
// per thread to read in parallel.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "santei/result.hpp"

struct zip;

namespace santei::zip {

// More entries than this is limit_exceeded when the archive is opened (an xlsx has ~70, an SSK
// download a handful; a central directory of millions of names is an attack, not a master).
inline constexpr std::uint64_t kMaxEntries = 100'000;

struct Entry {
  std::string name;                  // as stored, '/' between folders (UTF-8, or CP437 decoded to UTF-8)
  std::uint64_t size = 0;            // the uncompressed size its header claims (a claim: never trusted)
  std::uint64_t compressed_size = 0;
  std::uint64_t index = 0;           // libzip's index of the entry
};

class Archive {
 public:
  // Opens the archive `file`: io_error when it cannot be read, parse_error when it is not a zip
  // archive or its directory is inconsistent, limit_exceeded beyond kMaxEntries.
  static Archive open(const std::filesystem::path& file);
  // The same over bytes in memory, reported under the name `file`; `bytes` must outlive the Archive.
  static Archive from_bytes(std::string_view bytes, std::string file);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  const std::string& file() const { return file_; }
  // The entries in the order of the central directory (folders included, their names end in '/').
  const std::vector<Entry>& entries() const { return entries_; }
  // The entry named `name` (exactly), or nullptr.
  const Entry* find(std::string_view name) const;

  // The uncompressed bytes of `entry`. limit_exceeded when it claims, or turns out to hold, more
  // than `max_bytes`; parse_error when its data is damaged (a CRC or inflate error, an encrypted
  // entry, a compression method libzip cannot read, fewer bytes than it claims).
  std::string read(const Entry& entry, std::uint64_t max_bytes) const;
  // The same by name; not_found when there is no such entry.
  std::string read(std::string_view name, std::uint64_t max_bytes) const;

 private:
  struct Close {
    void operator()(::zip* handle) const noexcept;
  };
  Archive(std::unique_ptr<::zip, Close> handle, std::string file);
  [[noreturn]] void fail(Status status, const Entry* entry, std::string message) const;

  std::unique_ptr<::zip, Close> handle_;
  std::string file_;
  std::vector<Entry> entries_;
};

}  // namespace santei::zip
