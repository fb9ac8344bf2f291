// A file's bytes mapped read-only into memory (mmap): reading a snapshot costs no copy and no
// zeroed buffer, and processes that map the same file share its pages in the page cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace santei {

class MappedFile {
 public:
  enum class Reading : unsigned char {
    whole,       // all of it, soon (a snapshot): its pages are mapped up front
    sequential,  // once, front to back (a batch's input, maybe larger than memory): mapped as read
                 // and read ahead; the reader lets go of what lies behind it (let_go)
  };
  // Maps the whole file. Throws santei::Exception: Status::io_error when it cannot be opened or
  // mapped, Status::limit_exceeded (by its size, before mapping) when it is over `limit` bytes.
  MappedFile(const std::filesystem::path& path, std::uintmax_t limit, Reading reading = Reading::whole);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Valid while this object lives. A file truncated by another process while it is mapped makes
  // reading past its new end raise SIGBUS: santei replaces files by renaming, never in place.
  std::string_view bytes() const { return {data_, size_}; }

  // For a program that owns its process (santei's CLI, and its service), never the library's: a
  // JVM's or a .NET host's SIGBUS handler is its own. Installs a SIGBUS handler under which a read
  // past the end of a mapped file that another program truncated writes one line naming the file
  // to stderr and ends the process with `exit_status`, where it would have died of "Bus error".
  // A SIGBUS anywhere else ends the process as it would have.
  static void exit_on_truncation(int exit_status);

  // The pages from the one holding byte `from` to the one before byte `to`'s leave this process's
  // memory (they stay in the page cache): a later read of them maps them again, with the same
  // bytes. Memory stays bounded however large the file a sequential reader goes through.
  void let_go(std::size_t from, std::size_t to) const;

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::string name_;  // for the SIGBUS handler's line
  int slot_ = -1;     // its place among the mappings the handler knows, or -1
};

}  // namespace santei
