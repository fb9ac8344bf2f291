#include "core/zip_archive.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <zip.h>

namespace santei::zip {
namespace {

// libzip's own sentence for an error code, e.g. "CRC error".
std::string describe(zip_error_t* error) { return zip_error_strerror(error); }

Status status_of_open_error(int code) {
  switch (code) {
    case ZIP_ER_NOENT:
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_TELL:
    case ZIP_ER_MEMORY:
      return Status::io_error;
    default:
      return Status::parse_error;  // not a zip archive, inconsistent, multi-disk, …
  }
}

[[noreturn]] void open_failed(int code, const std::string& file) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = code == ZIP_ER_NOZIP    ? "not a zip archive"
                        : code == ZIP_ER_INCONS ? "the zip archive is damaged (its directory is inconsistent)"
                                                : fmt::format("cannot open the zip archive: {}", describe(&error));
  zip_error_fini(&error);
  ErrorInfo info;
  info.status = status_of_open_error(code);
  info.file = file;
  info.message = std::move(message);
  throw Exception(std::move(info));
}

// libzip reads no bytes as an empty archive; a file of no bytes is a failed download.
[[noreturn]] void empty_file(const std::string& file) {
  ErrorInfo info;
  info.status = Status::parse_error;
  info.file = file;
  info.message = "an empty file is not a zip archive";
  throw Exception(std::move(info));
}

struct FileClose {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

}  // namespace

void Archive::Close::operator()(::zip* handle) const noexcept { zip_discard(handle); }

Archive::Archive(std::unique_ptr<::zip, Close> handle, std::string file)
    : handle_(std::move(handle)), file_(std::move(file)) {
  const zip_int64_t count = zip_get_num_entries(handle_.get(), 0);
  if (count < 0) fail(Status::parse_error, nullptr, "the zip archive has no readable directory");
  if (static_cast<std::uint64_t>(count) > kMaxEntries) {
    fail(Status::limit_exceeded, nullptr,
         fmt::format("{} entries in the zip archive is over the limit of {}", count, kMaxEntries));
  }
  entries_.reserve(static_cast<std::size_t>(count));
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(handle_.get(), i, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME)) {
      fail(Status::parse_error, nullptr, fmt::format("entry {} of the zip archive cannot be read: {}", i,
                                                     zip_strerror(handle_.get())));
    }
    Entry entry;
    entry.name = stat.name;
    entry.size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    entry.compressed_size = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
    entry.index = i;
    entries_.push_back(std::move(entry));
  }
}

Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

Archive Archive::open(const std::filesystem::path& file) {
  std::error_code size_error;
  if (std::filesystem::file_size(file, size_error) == 0 && !size_error) empty_file(file.string());
  int code = ZIP_ER_OK;
  // ZIP_CHECKCONS: the local headers must agree with the central directory, so a damaged
  // download is refused when it is opened rather than half read.
  ::zip* handle = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (!handle) open_failed(code, file.string());
  return Archive(std::unique_ptr<::zip, Close>(handle), file.string());
}

Archive Archive::from_bytes(std::string_view bytes, std::string file) {
  if (bytes.empty()) empty_file(file);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    open_failed(code, file);
  }
  ::zip* handle = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!handle) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    open_failed(code, file);
  }
  zip_error_fini(&error);
  return Archive(std::unique_ptr<::zip, Close>(handle), std::move(file));
}

void Archive::fail(Status status, const Entry* entry, std::string message) const {
  ErrorInfo info;
  info.status = status;
  info.file = file_;
  if (entry) info.field = entry->name;
  info.message = std::move(message);
  throw Exception(std::move(info));
}

const Entry* Archive::find(std::string_view name) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

std::string Archive::read(std::string_view name, std::uint64_t max_bytes) const {
  const Entry* entry = find(name);
  if (!entry) {
    ErrorInfo info;
    info.status = Status::not_found;
    info.file = file_;
    info.field = std::string(name);
    info.message = "the zip archive has no such entry";
    throw Exception(std::move(info));
  }
  return read(*entry, max_bytes);
}

std::string Archive::read(const Entry& entry, std::uint64_t max_bytes) const {
  if (entry.size > max_bytes) {
    fail(Status::limit_exceeded, &entry,
         fmt::format("the entry holds {} bytes, over the limit of {} bytes", entry.size, max_bytes));
  }
  std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(handle_.get(), entry.index, 0));
  if (!file) {
    fail(Status::parse_error, &entry, fmt::format("the entry cannot be read: {}", zip_strerror(handle_.get())));
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(entry.size));
  char chunk[64 * 1024];
  for (;;) {
    // At most one byte more than the limit is asked for: enough to know the header lied.
    const std::uint64_t room = max_bytes - std::min<std::uint64_t>(bytes.size(), max_bytes) + 1;
    const zip_int64_t got = zip_fread(file.get(), chunk, std::min<std::uint64_t>(sizeof chunk, room));
    if (got < 0) {
      fail(Status::parse_error, &entry,
           fmt::format("the entry's data is damaged: {}", zip_error_strerror(zip_file_get_error(file.get()))));
    }
    if (got == 0) break;
    bytes.append(chunk, static_cast<std::size_t>(got));
    if (bytes.size() > max_bytes) {
      fail(Status::limit_exceeded, &entry,
           fmt::format("the entry inflates to more than {} bytes (its header claims {})", max_bytes, entry.size));
    }
  }
  if (bytes.size() != entry.size) {
    fail(Status::parse_error, &entry,
         fmt::format("the entry holds {} bytes, not the {} its header claims", bytes.size(), entry.size));
  }
  return bytes;
}

}  // namespace santei::zip
