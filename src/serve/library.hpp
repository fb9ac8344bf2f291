// What the service prices with, and its atomic swap on reload. A Library is one loaded generation,
// immutable: every request takes a shared_ptr to the generation current when it started and keeps
// it to its end, so a reload never changes the masters under a request in flight, and the old
// generation is freed when its last request ends.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "santei/dpc.hpp"
#include "santei/local_programmes.hpp"
#include "santei/masters.hpp"
#include "santei/result.hpp"

namespace santei::serve {

struct Library {
  MasterLibrary masters;
  // --local-programmes FILE: rows every request uses (nullptr: the rows shipped with santei).
  std::shared_ptr<const LocalProgrammes> local_programmes;
  // --local-programmes NAME=FILE: rows a request picks with ?local_programmes=NAME.
  std::map<std::string, std::shared_ptr<const LocalProgrammes>> named_local_programmes;
  // --dpc DIR: the DPC電子点数表 for claims with admission.dpc (nullptr: such a claim is a 422).
  std::shared_ptr<const DpcTables> dpc;
  std::uint64_t generation = 0;  // 1 for the first load, +1 for each reload that succeeded
  std::chrono::system_clock::time_point loaded_at;
  std::chrono::milliseconds load_time{0};
};

// Loads everything anew (masters, local programmes); throws santei::Exception naming the file.
using Loader = std::function<Library()>;

class LibraryHolder {
 public:
  explicit LibraryHolder(Loader loader) : loader_(std::move(loader)) {}

  // The generation requests start on now; nullptr before the first load has finished.
  std::shared_ptr<const Library> current() const;

  struct Outcome {
    std::shared_ptr<const Library> library;  // the generation in force afterwards (old one if failed)
    std::optional<ErrorInfo> error;          // why the load failed: the old generation is kept
    bool busy = false;                       // another load was running: nothing was done
  };
  // Loads a new generation beside the current one and swaps it in; one load at a time.
  Outcome reload();

 private:
  Loader loader_;
  mutable std::mutex mutex_;  // guards current_ (a pointer copy: held for nanoseconds)
  std::shared_ptr<const Library> current_;
  std::mutex loading_;        // one load at a time
  std::uint64_t generation_ = 0;
};

}  // namespace santei::serve
