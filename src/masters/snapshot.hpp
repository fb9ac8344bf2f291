// Snapshots: a loaded revision written as one binary file and read back without parsing CSVs
// (docs/snapshot.md has the format). Internal to santei; the public entry points are
// MasterSet::load (which recognises a snapshot by its magic) and compile_master_snapshot.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "santei/masters.hpp"

namespace santei::detail {

struct MasterData;

inline constexpr std::string_view kSnapshotMagic{"santei-snapshot\n"};
inline constexpr std::uint32_t kSnapshotFormat = 2;  // raised on any change of the layout

// Whether `bytes` start with the snapshot magic.
inline bool is_snapshot(std::string_view bytes) { return bytes.starts_with(kSnapshotMagic); }

// One master file of the directory a snapshot was compiled from, as it was then.
struct SourceFingerprint {
  std::string path;  // relative to the directory, '/' separated
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;  // last write, nanoseconds since 1970-01-01 UTC
  std::string sha256;         // 64 lower-case hex digits
};

// The fingerprint of every master file under `directory` (those MasterSet::load reads), by path.
std::vector<SourceFingerprint> fingerprint_directory(const std::filesystem::path& directory);

// The snapshot of `data` (loaded from the CSVs its origin names, or the demo): header, `sources`,
// then the data.
std::string snapshot_bytes(const MasterData& data, const std::vector<SourceFingerprint>& sources);

// Reads a snapshot's bytes; `name` is the file errors name. With `directory` the snapshot is that
// directory's cache: refused (Status::master_error, "stale") unless its fingerprint matches the
// directory's master files, and the set's origin and file paths are the directory's. Without it,
// they are those of the directory the snapshot was compiled from.
std::shared_ptr<const MasterSet> read_snapshot(std::string_view bytes, const std::string& name,
                                               const std::filesystem::path* directory = nullptr);

// Recomputes the checksum of a snapshot's bytes over what follows it: how the fuzz target reaches
// the reader behind the checksum. Bytes without a whole header are left as they are.
void reseal_snapshot(std::string& bytes);

}  // namespace santei::detail
