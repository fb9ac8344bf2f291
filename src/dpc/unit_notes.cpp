// The 注 of a unit's 特定入院料 (告示96 別表 ４–６): the additions a claim states, priced on the month's
// days billed 包括 as masters/dpc/addons.xml says each is counted.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "dpc/addons.hpp"
#include "dpc/stay.hpp"
#include "santei/result.hpp"

namespace santei::dpc {
namespace {

std::string names_of(const Addons& addons, std::string_view fee) {
  std::string out;
  for (const AddonNote& n : addons.notes) {
    if (n.of_fee(fee) && out.find(n.name) == std::string::npos) out += (out.empty() ? "" : ", ") + n.name;
  }
  return out.empty() ? "none" : out;
}

const AddonBand* band_of(const AddonNote& note, std::int32_t number) {
  const auto b = std::find_if(note.bands.begin(), note.bands.end(),
                              [&](const AddonBand& band) { return number >= band.from && (band.to == 0 || number <= band.to); });
  return b == note.bands.end() ? nullptr : &*b;
}

}  // namespace

std::vector<PricedDpc::Addon> price_notes(const Claim& claim, const DpcUnit& unit, std::size_t u, const AddonTable& table,
                                          std::uint32_t covered) {
  const Addons& all = addons();
  const Admission& admission = *claim.admission;
  const YearMonth month = claim.month;
  const Date first = month.first_day();
  std::map<std::string, std::uint32_t> group_days;  // a group's days taken in this unit
  std::vector<PricedDpc::Addon> out;
  for (std::size_t k = 0; k < unit.additions.size(); ++k) {
    const DpcUnitAddition& addition = unit.additions[k];
    const std::string at = fmt::format("admission.dpc.units[{}].additions[{}]", u, k);
    const AddonNote* note = all.note(addition.name, unit.fee);
    if (note == nullptr) {
      claim_fail(at + ".name", fmt::format("'{}' is not a 注 of {} in 告示96 別表 {} (dpc/addons.xml); its 注: {}", addition.name,
                                          unit.fee, table.item, names_of(all, unit.fee)));
    }
    if (note->under_age && age_in_years(claim.patient.birth_date, unit.days.from) >= *note->under_age) {
      claim_fail(at + ".name", fmt::format("{} is for a patient under {} ({}): the patient is {} on {}", note->name, *note->under_age,
                                          note->source, age_in_years(claim.patient.birth_date, unit.days.from), unit.days.from.iso()));
    }
    if ((note->count == NoteCount::once) != addition.date.has_value()) {
      claim_fail(at + ".date", note->count == NoteCount::once ? fmt::format("{} is billed once ({}): give its date", note->name, note->source)
                                                             : fmt::format("{} is not billed once: no date", note->name));
    }
    if (addition.days && note->count != NoteCount::day) {
      claim_fail(at + ".from", fmt::format("{} is not billed by day: no from/to", note->name));
    }
    PricedDpc::Addon priced{unit.fee, table.hospital, 0, 0, {}, note->name};
    std::uint32_t days = 0;  // bit d: day d + 1 of the month
    std::string how;
    const auto bill_on = [&](Date day, std::int32_t points) {
      if (!month.contains(day) || (covered >> (day - first) & 1u) == 0 || !unit.days.contains(day)) return false;
      days |= 1u << (day - first);
      ++priced.days;
      priced.points += points;
      return true;
    };
    switch (note->count) {
      case NoteCount::day: {
        std::int32_t lo = 0, hi = 0;
        for (Date day = first; day <= month.last_day(); day = day.plus_days(1)) {
          if (addition.days && !addition.days->contains(day)) continue;
          const std::int32_t number = (day - (note->from_admission ? admission.admitted : unit.days.from)) + 1;
          const AddonBand* band = band_of(*note, number);
          if (band == nullptr || !bill_on(day, band->points)) continue;
          if (lo == 0) lo = number;
          hi = number;
        }
        how = priced.days == 0 ? "no day of it billed 包括 this month"
                                : fmt::format("{} days ({} {}–{})", priced.days, note->from_admission ? "入院日から" : "入室", lo, hi);
        break;
      }
      case NoteCount::first_day:
        how = bill_on(unit.days.from, note->points) ? fmt::format("the unit's first day {}", unit.days.from.iso())
                                                    : fmt::format("its first day {} is not billed this month", unit.days.from.iso());
        break;
      case NoteCount::once:
        if (!bill_on(*addition.date, note->points)) {
          claim_fail(at + ".date", fmt::format("{} is not a day of the unit billed 包括 this month", addition.date->iso()));
        }
        how = addition.date->iso();
        break;
      case NoteCount::discharge:
        if (!admission.discharged) claim_fail(at + ".name", fmt::format("{} is billed on the discharge (退院時): the month has none", note->name));
        // The discharge day itself may follow the unit (a patient moved to a general ward first).
        priced.days = 1;
        priced.points = note->points;
        days = month.contains(*admission.discharged) ? 1u << (*admission.discharged - first) : 0;
        how = fmt::format("the discharge {}", admission.discharged->iso());
        break;
    }
    if (!note->group.empty()) {
      std::uint32_t& taken = group_days[note->group];
      if ((taken & days) != 0) {
        claim_fail(at + ".name", fmt::format("{} and another of {} on one day: they are alternatives ({})", note->name, note->group, note->source));
      }
      taken |= days;
    }
    priced.explain = fmt::format("{} {} ({}, 告示96 別表 {}): {} → {}点, added to the 所定点数", unit.fee, note->name, note->source,
                                 table.item, how, priced.points);
    out.push_back(std::move(priced));
  }
  return out;
}

}  // namespace santei::dpc
