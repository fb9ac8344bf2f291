// An immutable open-addressing hash table from a master code to a range of a record array.
// Built once at load; read by any number of threads without locks.
#pragma once

#include <cstdint>
#include <vector>

#include "santei/records.hpp"

namespace santei::masters {

struct CodeRange {
  std::uint32_t begin = 0;
  std::uint32_t count = 0;
};

class CodeIndex {
 public:
  CodeIndex() = default;
  // `ranges` must hold one entry per distinct code.
  explicit CodeIndex(const std::vector<std::pair<Code, CodeRange>>& ranges) {
    std::size_t capacity = 16;
    while (capacity < ranges.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const auto& [code, range] : ranges) {
      std::size_t i = hash(code) & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = Slot{code, range, true};
    }
  }

  // The range of `code`, or an empty range.
  CodeRange find(Code code) const {
    if (slots_.empty()) return {};
    for (std::size_t i = hash(code) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (!slot.used) return {};
      if (slot.code == code) return slot.range;
    }
  }

 private:
  struct Slot {
    Code code = 0;
    CodeRange range;
    bool used = false;
  };
  static std::size_t hash(Code code) { return static_cast<std::size_t>((code * 0x9E3779B1u) >> 7); }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace santei::masters
