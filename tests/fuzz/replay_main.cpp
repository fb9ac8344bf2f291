// Replays inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer: the regression
// test of every input the fuzzers found (tests/fuzz/regressions/<target>/) and of a seed set that
// reaches the target's real paths, run by CTest in the normal build. Arguments: files or
// directories (read recursively); "N:PATH" puts the byte N in front of each input of PATH (the
// selector byte of master_csv and rule_xml). A crash fails the test; so does a directory without
// inputs, a missing path, and a run in which the target took no input as valid (fuzz::accept):
// such a replay would test nothing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz.hpp"

namespace fs = std::filesystem;

namespace {

struct Input {
  fs::path path;
  std::string prefix;  // the selector byte, or nothing
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<Input> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string prefix;
    if (const auto colon = arg.find(':'); colon != std::string::npos && colon > 0 && colon <= 3 &&
                                          arg.find_first_not_of("0123456789") == colon) {
      prefix.push_back(static_cast<char>(std::stoi(arg.substr(0, colon))));
      arg = arg.substr(colon + 1);
    }
    const fs::path path = arg;
    if (fs::is_directory(path)) {
      std::size_t found = 0;
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") {
          inputs.push_back({entry.path(), prefix});
          ++found;
        }
      }
      if (found == 0) {
        std::fprintf(stderr, "%s holds no inputs: a replay of nothing cannot fail\n", path.string().c_str());
        return 1;
      }
    } else if (fs::is_regular_file(path)) {
      inputs.push_back({path, prefix});
    } else {
      std::fprintf(stderr, "%s: no such file or directory\n", path.string().c_str());
      return 1;
    }
  }
  for (const Input& input : inputs) {
    std::ifstream in(input.path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", input.path.string().c_str());
      return 1;
    }
    const std::string bytes = input.prefix + std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s (%zu bytes)\n", input.path.string().c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs replayed, %zu taken as valid\n", inputs.size(), santei::fuzz::accepted());
  if (santei::fuzz::accepted() == 0) {
    std::fprintf(stderr, "no input was taken as valid: the seeds reach no path past the first check\n");
    return 1;
  }
  return 0;
}
