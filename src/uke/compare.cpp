// A read receipt's stated units against santei's priced lines: match by date, 診療識別 and codes,
// then explain each difference from the masters and santei's diagnostics.
#include "uke/compare.hpp"

#include <algorithm>
#include <set>
#include <span>

#include <fmt/format.h>

#include "output/put_at.hpp"
#include "santei/rounding.hpp"
#include "uke/burden.hpp"

namespace santei {
namespace uke {

std::string codes_text(const std::vector<Code>& codes) {
  std::string out;
  char digits[20];
  for (Code c : codes) {
    if (!out.empty()) out += ' ';
    out.append(digits, output::put_nine_digits(digits, c));
  }
  return out;
}

}  // namespace uke
namespace {

// What a UKE record states for a priced line per time: its points, or for 食事療養 (97) its yen,
// which the record carries in the 点数 field (the writer and the SSK sample alike).
Points stated_amount(const PricedLine& line) {
  return uke::is_yen_category(line.category) ? Points{line.yen.value} : line.points;
}

std::vector<Code> unit_codes(const UkeUnit& unit) {
  std::vector<Code> codes;
  for (const UkeItem& i : unit.items) {
    if (i.kind != ItemKind::comment) codes.push_back(i.code);
  }
  return codes;
}

// The codes of a priced line as the claim listed them (santei's automatic additions aside).
std::vector<Code> line_codes(const PricedLine& line) {
  std::vector<Code> codes;
  for (const LineItem& i : line.items) {
    if (i.kind != ItemKind::comment && !i.automatic) codes.push_back(i.code);
  }
  return codes;
}

// Whether line_codes(line) == codes, without building them: it is asked of every line of a
// unit's day (perf: the vectors built for it were a tenth of checking a file).
bool lists_codes(const PricedLine& line, std::span<const Code> codes) {
  std::size_t n = 0;
  for (const LineItem& i : line.items) {
    if (i.kind == ItemKind::comment || i.automatic) continue;
    if (n == codes.size() || i.code != codes[n]) return false;
    ++n;
  }
  return n == codes.size();
}

// One priced line as the explanations list it: " [codes] points点×count;".
std::string line_text(const PricedLine& line) {
  return fmt::format(" [{}] {}点×{};", uke::codes_text(line_codes(line)), line.points.value, line.count);
}

// The day masters are read on: the date itself, or the nearest day of the set's period when the
// revision was forced (as the engine does, PricingOptions::revision).
Date lookup_date(const MasterSet& masters, Date date) {
  const DateRange period = masters.period();
  return std::clamp(date, period.from, period.to);
}

template <class Record>
const Record* version_on(std::span<const Record> versions, Date on) {
  for (const Record& r : versions) {
    if (r.valid_from <= on && on <= r.valid_to) return &r;
  }
  return versions.empty() ? nullptr : &versions.back();
}

// What the unit would cost with the masters' previous values (旧点数 s col 57–58, 旧金額 y col
// 24–25, t col 17–18), when every item has one. nullopt when it cannot be said simply.
std::optional<std::pair<Points, std::string>> previous_value(const UkeUnit& unit, const MasterSet& masters, Date on) {
  Decimal yen_old;
  Points points_old;
  std::string changed;
  bool drugs = false, materials = false, procedures = false;
  for (const UkeItem& item : unit.items) {
    switch (item.kind) {
      case ItemKind::comment: break;
      case ItemKind::procedure: {
        const ProcedureRecord* p = version_on(masters.procedure_versions(item.code), on);
        if (!p || p->point_kind != 3 || p->stepped != 0 || !p->points.is_integer()) return std::nullopt;
        const Decimal old = p->old_point_kind == 3 ? p->old_points : p->points;
        if (!old.is_integer()) return std::nullopt;
        points_old += Points{old.trunc()};
        if (old != p->points) changed += fmt::format(" {:09} {}→{}点", item.code, old.to_string(), p->points.to_string());
        procedures = true;
        break;
      }
      case ItemKind::drug: {
        const DrugRecord* d = version_on(masters.drug_versions(item.code), on);
        if (!d || !item.quantity) return std::nullopt;
        const Decimal old = d->old_price_kind != 0 ? d->old_price : d->price;
        yen_old += old * *item.quantity;
        if (old != d->price) changed += fmt::format(" {:09} {}→{}円", item.code, old.to_string(), d->price.to_string());
        drugs = true;
        break;
      }
      case ItemKind::material: {
        const MaterialRecord* m = version_on(masters.material_versions(item.code), on);
        if (!m || !item.quantity || m->material_kind != 0) return std::nullopt;
        const Decimal old = m->old_price_kind != 0 ? m->old_price : m->price;
        yen_old += old * *item.quantity;
        if (old != m->price) changed += fmt::format(" {:09} {}→{}円", item.code, old.to_string(), m->price.to_string());
        materials = true;
        break;
      }
    }
  }
  if (changed.empty() || static_cast<int>(drugs) + static_cast<int>(materials) + static_cast<int>(procedures) != 1) {
    return std::nullopt;
  }
  if (procedures) return std::pair{points_old, changed};
  if (materials) return std::pair{rounding::material_points(yen_old), changed};
  // 薬剤料: 投薬・注射 (F200, G100) bill 1点 up to 15円; the procedure parts bill nothing (C200 …).
  const bool dispensed = (unit.category >= 21 && unit.category <= 28) || (unit.category >= 31 && unit.category <= 33);
  return std::pair{dispensed ? rounding::drug_points_dispensed(yen_old) : rounding::drug_points_in_procedure(yen_old), changed};
}

struct Slot {
  std::size_t unit = 0;
  unsigned day = 0;
  std::int32_t value = 0;
  std::optional<std::size_t> line;  // the priced line that matches exactly
  std::vector<std::size_t> parts;   // else the lines that carry its codes run by run, in order
  std::vector<std::size_t> related; // lines on the day sharing a code, when none matches
  const uke::Excluded* excluded = nullptr;
};

class Comparer {
 public:
  Comparer(const UkeReceipt& receipt, const PricedClaim& priced, const MasterSet& masters,
           std::span<const uke::Excluded> excluded)
      : receipt_(receipt), priced_(priced), masters_(masters), excluded_(excluded) {}

  UkeReceiptComparison run() {
    UkeReceiptComparison out;
    out.number = receipt_.number;
    out.line = receipt_.line;
    out.revision = priced_.revision;
    out.stated_total = receipt_.stated_total();
    for (const UkeUnit& u : receipt_.units) {
      if (!uke::is_yen_category(u.category)) out.units_total += u.total();  // 97: yen, not 合計点数
    }
    out.priced_total = priced_.total;
    out.diagnostics = priced_.diagnostics;
    match();
    for (std::size_t u = 0; u < receipt_.units.size(); ++u) out.units.push_back(unit(u));
    for (std::size_t l = 0; l < priced_.lines.size(); ++l) {
      if (claimed_[l]) continue;
      const PricedLine& line = priced_.lines[l];
      std::vector<Code> all;
      for (const LineItem& i : line.items) {
        if (i.kind != ItemKind::comment) all.push_back(i.code);
      }
      if (all.empty() && line.total() == Points{}) continue;  // comments santei kept on a line of their own
      out.extra.push_back(UkeDifference{UkeReason::extra_in_santei, all.empty() ? 0 : all.front(),
                                        fmt::format("{} {:02} [{}]: santei {}点 × {}, not in the file", line.date.iso(),
                                                    line.category, uke::codes_text(all), line.points.value, line.count)});
    }
    return out;
  }

 private:
  Date date_of(unsigned day) const {
    return Date::from_ymd(receipt_.month.year, receipt_.month.month, day);
  }

  void match() {
    unit_codes_.reserve(receipt_.units.size());
    for (const UkeUnit& unit : receipt_.units) unit_codes_.push_back(unit_codes(unit));
    for (std::size_t u = 0; u < receipt_.units.size(); ++u) {
      for (unsigned d = 1; d <= 31; ++d) {
        const std::int32_t value = receipt_.units[u].days[d - 1];
        if (value <= 0) continue;
        Slot slot{u, d, value, {}, {}, {}, nullptr};
        for (const uke::Excluded& e : excluded_) {
          if (e.unit == u && e.day == d) slot.excluded = &e;
        }
        slots_.push_back(std::move(slot));
      }
    }
    claimed_.assign(priced_.lines.size(), false);
    // Exact: same date, 診療識別 and codes.
    for (Slot& slot : slots_) {
      if (slot.excluded) continue;
      const UkeUnit& unit = receipt_.units[slot.unit];
      const std::vector<Code>& codes = unit_codes_[slot.unit];
      const Date date = date_of(slot.day);
      for (std::size_t l = 0; l < priced_.lines.size(); ++l) {
        const PricedLine& line = priced_.lines[l];
        if (claimed_[l] || line.date != date || line.category != unit.category || !lists_codes(line, codes)) continue;
        slot.line = l;
        claimed_[l] = true;
        break;
      }
    }
    // Otherwise: lines that carry the unit's codes run by run, in its order. A unit's 点数 is the
    // combined price of its records (fee-rules.md §1.3), so a file may state in one unit what santei
    // prices as several lines: two 医学管理 fees, a 判断料 and B-V, a 検査 and its 乳幼児加算.
    for (Slot& slot : slots_) {
      if (slot.excluded || slot.line) continue;
      const UkeUnit& unit = receipt_.units[slot.unit];
      const std::vector<Code>& codes = unit_codes_[slot.unit];
      if (!codes.empty()) split(codes, 0, date_of(slot.day), unit.category, slot.parts);
    }
    // Otherwise: the lines of that day that priced any of its codes (a bundle santei formed
    // differently, or an addition santei billed on its own line).
    for (Slot& slot : slots_) {
      if (slot.excluded || slot.line || !slot.parts.empty()) continue;
      const std::vector<Code>& codes = unit_codes_[slot.unit];
      const Date date = date_of(slot.day);
      for (std::size_t l = 0; l < priced_.lines.size(); ++l) {
        const PricedLine& line = priced_.lines[l];
        if (line.date != date) continue;
        // Any of the codes the claim listed on the line (line_codes) is one of the unit's.
        if (std::any_of(line.items.begin(), line.items.end(), [&](const LineItem& i) {
              return i.kind != ItemKind::comment && !i.automatic && std::find(codes.begin(), codes.end(), i.code) != codes.end();
            })) {
          slot.related.push_back(l);
        }
      }
    }
    for (const Slot& slot : slots_) {
      for (std::size_t l : slot.related) claimed_[l] = true;
    }
  }

  // Unclaimed lines of the date and 診療識別 whose codes are codes[from…] in runs, claimed into
  // `parts` (longest run first; of lines with equal codes, the first). False, claiming none, if
  // no such lines cover every code.
  bool split(const std::vector<Code>& codes, std::size_t from, Date date, std::uint8_t category,
             std::vector<std::size_t>& parts) {
    if (from == codes.size()) return true;
    for (std::size_t end = codes.size(); end > from; --end) {
      const std::span<const Code> run(codes.data() + from, end - from);
      for (std::size_t l = 0; l < priced_.lines.size(); ++l) {
        const PricedLine& line = priced_.lines[l];
        if (claimed_[l] || line.date != date || line.category != category || !lists_codes(line, run)) continue;
        claimed_[l] = true;
        parts.push_back(l);
        if (split(codes, end, date, category, parts)) return true;
        parts.pop_back();
        claimed_[l] = false;
        break;
      }
    }
    return false;
  }

  // The diagnostics santei raised on the unit's codes on a day.
  void add_diagnostics(UkeUnitComparison& c, const std::vector<Code>& codes, Date date, UkeReason reason) const {
    for (const Diagnostic& d : priced_.diagnostics) {
      if ((d.date && *d.date != date) || claimed_differently(d)) continue;  // those: add_claimed_differently
      const auto hit = std::find_first_of(d.codes.begin(), d.codes.end(), codes.begin(), codes.end());
      if (hit == d.codes.end()) continue;
      add(c, UkeDifference{reason, *hit, fmt::format("{}: {} [{}] {}", date.iso(), to_string(d.severity), d.rule, d.message)});
    }
  }

  // Where the receipt claims otherwise than the law would bill, priced as stated: what the law would
  // add to the unit's base (算定漏れ, Context::add_automatic: codes [addition, base]) and a code of
  // the unit the law would not bill (算定不可, Context::forbid: codes [that code, what forbids it]).
  static bool claimed_differently(const Diagnostic& d) {
    return d.rule.starts_with("算定漏れ/") || d.rule.starts_with("算定不可/");
  }
  void add_claimed_differently(UkeUnitComparison& c, Date date) const {
    for (const Diagnostic& d : priced_.diagnostics) {
      if (!claimed_differently(d) || (d.date && *d.date != date) || d.codes.empty()) continue;
      const bool missing = d.rule.starts_with("算定漏れ/");
      if (missing && d.codes.size() < 2) continue;
      const Code in_unit = missing ? d.codes[1] : d.codes[0];
      if (std::find(c.codes.begin(), c.codes.end(), in_unit) == c.codes.end()) continue;
      add(c, UkeDifference{UkeReason::claimed_differently, d.codes[0], fmt::format("{}: [{}] {}", date.iso(), d.rule, d.message)});
    }
  }

  static void add(UkeUnitComparison& c, UkeDifference difference) {
    for (const UkeDifference& d : c.differences) {
      if (d.reason == difference.reason && d.message == difference.message) return;
    }
    c.differences.push_back(std::move(difference));
  }

  static std::string automatic_codes(const PricedLine& line) {
    std::string automatic;
    for (const LineItem& i : line.items) {
      if (i.automatic) automatic += fmt::format(" {:09}", i.code);
    }
    return automatic;
  }

  // Why santei's points per time (one line's, or the sum of the lines it wrote the unit as) differ.
  void explain_points(UkeUnitComparison& c, const UkeUnit& unit, Date date, Points priced,
                      const std::string& automatic) const {
    const std::int64_t stated = unit.points.value_or(Points{}).value;
    if (!automatic.empty()) {
      add(c, UkeDifference{UkeReason::addition, 0,
                           fmt::format("santei added{} to the unit; stated {}点, santei {}点", automatic, stated,
                                       priced.value)});
    }
    const Date on = lookup_date(masters_, date);
    if (const auto previous = previous_value(unit, masters_, on); previous && previous->first.value == stated) {
      add(c, UkeDifference{UkeReason::revision, 0,
                           fmt::format("stated {}点 is the masters' previous value (旧点数/旧金額):{}; {} gives {}点", stated,
                                       previous->second, masters_.revision(), priced.value)});
      return;
    }
    if (automatic.empty()) {
      add(c, UkeDifference{UkeReason::points_differ, 0,
                           fmt::format("stated {}点, santei {}点 ({})", stated, priced.value, masters_.revision())});
    }
  }

  UkeUnitComparison unit(std::size_t u) const {
    const UkeUnit& unit = receipt_.units[u];
    UkeUnitComparison c;
    c.unit = u;
    c.line = unit.line;
    c.category = unit.category;
    c.codes = unit_codes_[u];
    c.stated_points = unit.points;
    c.stated_count = unit.count;
    c.stated_total = unit.total();
    bool all_exact = true;
    for (const Slot& slot : slots_) {
      if (slot.unit != u) continue;
      const Date date = date_of(slot.day);
      if (slot.excluded) {
        all_exact = false;
        const bool not_in_force = slot.excluded->error.message.find("not in force") != std::string::npos;
        const UkeReason reason = slot.excluded->error.status != Status::unknown_code ? UkeReason::not_priced
                                 : not_in_force                                   ? UkeReason::not_in_force
                                                                                  : UkeReason::unknown_code;
        add(c, UkeDifference{reason, 0, slot.excluded->error.message});
        continue;
      }
      if (slot.line) {
        const PricedLine& line = priced_.lines[*slot.line];
        const Points amount = stated_amount(line);
        if (!c.priced_points) c.priced_points = amount;
        c.priced_count += line.count;
        c.priced_total += amount * line.count;
        if (!unit.points || amount != *unit.points) explain_points(c, unit, date, amount, automatic_codes(line));
        if (line.count != slot.value) {
          add(c, UkeDifference{UkeReason::count_differs, 0,
                               fmt::format("{}: stated {} time(s), santei {}", date.iso(), slot.value, line.count)});
        }
        continue;
      }
      if (!slot.parts.empty()) {
        several_lines(c, unit, slot);
        continue;
      }
      all_exact = false;
      if (!slot.related.empty()) {
        std::string lines;
        for (std::size_t l : slot.related) {
          const PricedLine& line = priced_.lines[l];
          lines += line_text(line);
        }
        add(c, UkeDifference{UkeReason::bundled, 0, fmt::format("{}: santei priced these codes as{}", date.iso(), lines)});
        add_diagnostics(c, c.codes, date, UkeReason::diagnostic);
        continue;
      }
      const std::size_t before = c.differences.size();
      add_diagnostics(c, c.codes, date, UkeReason::bundled);
      if (c.differences.size() == before) {
        add(c, UkeDifference{UkeReason::missing_in_santei, 0, fmt::format("{}: santei has no line for these codes", date.iso())});
      }
    }
    c.agrees = all_exact && unit.points.has_value() &&
               std::all_of(c.differences.begin(), c.differences.end(),
                           [](const UkeDifference& d) { return d.reason == UkeReason::several_lines; });
    if (!c.agrees) {
      for (const Slot& slot : slots_) {
        if (slot.unit == u && (slot.line || !slot.parts.empty())) {
          add_diagnostics(c, c.codes, date_of(slot.day), UkeReason::diagnostic);
        }
      }
    }
    for (const Slot& slot : slots_) {
      if (slot.unit == u) add_claimed_differently(c, date_of(slot.day));
    }
    return c;
  }

  // A day of the unit that santei wrote as several lines: their sum per time against the stated
  // points, their counts against the day's.
  void several_lines(UkeUnitComparison& c, const UkeUnit& unit, const Slot& slot) const {
    const Date date = date_of(slot.day);
    Points points;
    std::string lines, automatic;
    bool counts_agree = true;
    for (std::size_t l : slot.parts) {
      const PricedLine& line = priced_.lines[l];
      const Points amount = stated_amount(line);
      points += amount;
      c.priced_total += amount * line.count;
      counts_agree = counts_agree && line.count == slot.value;
      lines += line_text(line);
      automatic += automatic_codes(line);
    }
    if (!c.priced_points) c.priced_points = points;
    c.priced_count += priced_.lines[slot.parts.front()].count;
    add(c, UkeDifference{UkeReason::several_lines, 0,
                         fmt::format("santei wrote these codes as {} lines:{} together {}点", slot.parts.size(), lines,
                                     points.value)});
    if (!counts_agree) {
      add(c, UkeDifference{UkeReason::count_differs, 0,
                           fmt::format("{}: stated {} time(s), santei's lines differ:{}", date.iso(), slot.value, lines)});
    } else if (!unit.points || points != *unit.points) {
      explain_points(c, unit, date, points, automatic);
    }
  }

  const UkeReceipt& receipt_;
  const PricedClaim& priced_;
  const MasterSet& masters_;
  std::span<const uke::Excluded> excluded_;
  std::vector<std::vector<Code>> unit_codes_;  // unit_codes of each unit of the receipt
  std::vector<Slot> slots_;
  std::vector<bool> claimed_;
};

}  // namespace

namespace uke {

UkeReceiptComparison compare(const UkeReceipt& receipt, const PricedClaim& priced, const MasterSet& masters,
                             std::span<const Excluded> excluded) {
  UkeReceiptComparison comparison = Comparer(receipt, priced, masters, excluded).run();
  comparison.dpc = compare_dpc(receipt, priced);
  return comparison;
}

}  // namespace uke

UkeReceiptComparison compare_uke_receipt(const UkeReceipt& receipt, const PricedClaim& priced, const MasterSet& masters) {
  return uke::compare(receipt, priced, masters, {});
}

std::size_t UkeReceiptComparison::agreeing_units() const {
  return static_cast<std::size_t>(std::count_if(units.begin(), units.end(), [](const UkeUnitComparison& u) { return u.agrees; }));
}

const char* to_string(UkeReason reason) {
  switch (reason) {
    case UkeReason::unknown_code: return "unknown_code";
    case UkeReason::not_in_force: return "not_in_force";
    case UkeReason::revision: return "revision";
    case UkeReason::points_differ: return "points_differ";
    case UkeReason::count_differs: return "count_differs";
    case UkeReason::addition: return "addition";
    case UkeReason::claimed_differently: return "claimed_differently";
    case UkeReason::bundled: return "bundled";
    case UkeReason::diagnostic: return "diagnostic";
    case UkeReason::missing_in_santei: return "missing_in_santei";
    case UkeReason::extra_in_santei: return "extra_in_santei";
    case UkeReason::not_priced: return "not_priced";
    case UkeReason::several_lines: return "several_lines";
  }
  return "unknown";
}

}  // namespace santei
