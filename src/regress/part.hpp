// One thread's share of a regression run (run.cpp): its summary, its per-code totals in a hash
// map. A receipt adds about 30 codes, and the summary's ordered std::map walked its tree for each
// (4 % of a run); the totals go into RegressSummary::codes once, when the parts are merged. And the
// claim it reads each line into.
#pragma once

#include <unordered_map>

#include "santei/regress.hpp"

namespace santei::regress {

using CodeTotals = std::unordered_map<Code, RegressCode>;

struct Part {
  RegressSummary summary;
  CodeTotals codes;
  Claim claim;  // the thread's claim, read into claim after claim (parse_claim(…, into))
};

// `from` added into `into`.
void add(RegressCode& into, const RegressCode& from);
// A compared receipt's figures, except its codes, added into `summary`.
void add_receipt(RegressSummary& summary, RegressReceipt&& receipt);
// A compared receipt's per-code points added into `codes` (a RegressSummary's map or a Part's).
template <class Codes>
void add_codes(Codes& codes, const RegressOutcome& outcome) {
  for (const RegressOutcome::CodePoints& c : outcome.old_codes) {
    RegressCode& code = codes[c.code];
    code.old_count += c.count;
    code.old_points += c.points;
  }
  for (const RegressOutcome::CodePoints& c : outcome.new_codes) {
    RegressCode& code = codes[c.code];
    code.new_count += c.count;
    code.new_points += c.points;
  }
}

}  // namespace santei::regress
