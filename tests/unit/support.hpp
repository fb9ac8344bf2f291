// Shared fixtures: the real SSK masters from ../shared/masters and MHLW's DPC電子点数表 from
// ../shared/dpc, each loaded once per test process.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "santei/dpc.hpp"
#include "santei/masters.hpp"

namespace santei::test {

inline std::filesystem::path shared_masters() { return SANTEI_SHARED_MASTERS; }
inline std::filesystem::path shared_dir() { return SANTEI_SHARED_DIR; }
inline std::filesystem::path test_data() { return SANTEI_TEST_DATA; }

// r04 and r06 side by side (../shared/masters holds both).
inline const MasterLibrary& real_library() {
  static const MasterLibrary library = MasterLibrary::load(shared_masters());
  return library;
}
inline const MasterSet& r06() { return *real_library().revision("r06"); }
inline const MasterSet& r04() { return *real_library().revision("r04"); }

// The DPC電子点数表 of r06 and r08 (../shared/dpc).
inline std::shared_ptr<const DpcTables> real_dpc_tables() {
  static const std::shared_ptr<const DpcTables> tables = DpcTables::load(shared_dir() / "dpc");
  return tables;
}

inline Date day(const char* iso) { return *Date::parse_iso(iso); }

// A file's bytes as they are (empty if it cannot be read).
inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace santei::test
