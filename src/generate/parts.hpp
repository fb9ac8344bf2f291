// The pieces of one generated claim: who the patient is (patient.cpp) and what their month at the
// clinic holds (visits.cpp). Both draw from one Rng stream in a fixed order, so a seed and an index
// always give the same claim.
#pragma once

#include <cstdint>

#include "generate/catalog.hpp"
#include "generate/rng.hpp"

namespace santei::generate {

// n tenths, exactly (quantities and rates of a generated claim).
inline Decimal tenths(std::int64_t n) { return Decimal::from_parts(n, 1); }

// The clinic's department: it sets the ages, the visit pattern and what is done.
enum class Department : std::uint8_t { internal, pediatrics, orthopedics, dermatology, psychiatry };

// The clinic as far as the month needs it, beyond Claim::facility.
struct Clinic {
  Department department = Department::internal;
  bool in_house = false;   // 院内処方 (drugs on the claim) rather than 処方箋 (院外処方)
  bool statement = false;  // 明細書発行体制等加算 (診療所, no 届出 needed)
};

// The patient's story for the month.
struct Story {
  bool chronic = false;      // regular 再診 for a 特定疾患 (内科) or a long course
  bool new_episode = false;  // the first visit of the month is a 初診
};

// Draws the department, the clinic, the patient, the insurance and the 公費 (patient.cpp).
Story make_patient(Rng& rng, const detail::GeneratorCatalog& catalog, Claim& claim, Clinic& clinic);

// Draws the visits of the month and their orders (visits.cpp).
void make_visits(Rng& rng, const detail::GeneratorCatalog& catalog, const Clinic& clinic, const Story& story,
                 Claim& claim);

}  // namespace santei::generate
