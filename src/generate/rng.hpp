// A small, fully specified random generator, so that a seed gives the same claims on every
// platform and standard library (std::uniform_int_distribution is implementation-defined).
// xoshiro256** (Blackman & Vigna, 2018), seeded through splitmix64.
#pragma once

#include <cstdint>
#include <span>

namespace santei::generate {

class Rng {
 public:
  // The stream of claim `index` under `seed`: streams of different indexes are independent, so
  // claims can be made in any order and on any thread.
  Rng(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t x = seed ^ (index * 0x9E3779B97F4A7C15ull) ^ 0xD1B54A32D192ED03ull;
    for (std::uint64_t& s : state_) s = splitmix(x);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n) for n > 0 (multiply-shift; the bias is below 2^-32 for the n used here).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  // Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1))); }
  // True with probability percent / 100.
  bool percent(std::uint32_t percent) { return below(100) < percent; }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(static_cast<std::uint32_t>(items.size()))];
  }
  // An index drawn with the given integer weights.
  std::size_t weighted(std::span<const std::uint32_t> weights) {
    std::uint32_t total = 0;
    for (const std::uint32_t w : weights) total += w;
    std::uint32_t r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t state_[4]{};
};

}  // namespace santei::generate
