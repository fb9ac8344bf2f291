// Writes claims for the claim JSON and C ABI seed corpora (tests/fuzz/seeds.sh): the benchmark
// mixes of real r06 codes (outpatient and a month's inpatient stay) as santei.claim/1 JSON, one
// file each. Usage: fuzz_seed_claims OUTDIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "claim_mix.hpp"
#include "santei/generate.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seed_claims OUTDIR\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  int written = 0;
  const auto write = [&](const std::vector<santei::Claim>& claims, const char* prefix) {
    for (std::size_t i = 0; i < claims.size(); ++i) {
      std::ofstream(out / (prefix + std::to_string(i) + ".json"), std::ios::binary) << santei::claim_json(claims[i]);
      ++written;
    }
  };
  write(santei::bench::outpatient_mix(24), "outpatient-");
  write(santei::bench::inpatient_mix(8), "inpatient-");
  std::printf("%d claims written to %s\n", written, out.string().c_str());
  return 0;
}
