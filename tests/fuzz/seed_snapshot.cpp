// Writes the demo master as a snapshot (OUT_DIR/demo): the seed of the snapshot fuzz target, made
// at build time so that it is always of this santei's version and format.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "masters/master_data.hpp"
#include "masters/snapshot.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seed_snapshot OUT_DIR\n");
    return 2;
  }
  std::filesystem::create_directories(argv[1]);
  const std::string bytes = santei::detail::snapshot_bytes(santei::MasterSet::demo()->data(), {});
  std::ofstream out(std::filesystem::path(argv[1]) / "demo", std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out.flush() ? 0 : 1;
}
