#include "uke/burden.hpp"

#include <array>
#include <cstddef>

namespace santei::uke {
namespace {

constexpr std::uint8_t H = 1, K1 = 2, K2 = 4, K3 = 8, K4 = 16;  // 医保, 公1 … 公4

struct Entry {
  char code;
  std::uint8_t payers;
};

// 別表21 負担区分コード, as listed in fee-rules.md §8.3 (JP-REZEPT BurdenClass).
constexpr std::array<Entry, 31> kBurdens = {{
    {'1', H},           {'2', H | K1},           {'3', H | K2},           {'4', H | K1 | K2},
    {'5', K1},          {'6', K2},               {'7', K1 | K2},          {'9', H | K1 | K2 | K3 | K4},
    {'B', K3},          {'C', K4},               {'E', H | K3},           {'G', H | K4},
    {'H', K1 | K3},     {'I', K1 | K4},          {'J', K2 | K3},          {'K', K2 | K4},
    {'L', K3 | K4},     {'M', H | K1 | K3},      {'N', H | K1 | K4},      {'O', H | K2 | K3},
    {'P', H | K2 | K4}, {'Q', H | K3 | K4},      {'R', K1 | K2 | K3},     {'S', K1 | K2 | K4},
    {'T', K1 | K3 | K4}, {'U', K2 | K3 | K4},    {'V', H | K1 | K2 | K3}, {'W', H | K1 | K2 | K4},
    {'X', H | K1 | K3 | K4}, {'Y', H | K2 | K3 | K4}, {'Z', K1 | K2 | K3 | K4},
}};

}  // namespace

std::uint8_t burden_payers(char code) {
  for (const Entry& e : kBurdens) {
    if (e.code == code) return e.payers;
  }
  return 0;
}

char burden_code(std::uint8_t payers) {
  for (const Entry& e : kBurdens) {
    if (e.payers == payers) return e.code;
  }
  return '\0';
}

std::uint8_t receipt_payers(bool has_insurer, std::size_t public_payers) {
  std::uint8_t payers = has_insurer ? H : 0;
  for (std::size_t i = 0; i < public_payers && i < 4; ++i) payers |= static_cast<std::uint8_t>(K1 << i);
  return payers;
}

}  // namespace santei::uke
