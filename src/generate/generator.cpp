// ClaimGenerator: the catalog built once, then one claim per index from its own random stream.
#include <fmt/format.h>

#include "generate/parts.hpp"

namespace santei {

ClaimGenerator::ClaimGenerator(const MasterLibrary& masters, GenerateOptions options)
    : catalog_(std::make_unique<const detail::GeneratorCatalog>(detail::build_catalog(masters, options))) {}
ClaimGenerator::~ClaimGenerator() = default;
ClaimGenerator::ClaimGenerator(ClaimGenerator&&) noexcept = default;
ClaimGenerator& ClaimGenerator::operator=(ClaimGenerator&&) noexcept = default;

const GenerateOptions& ClaimGenerator::options() const { return catalog_->options; }
const GeneratorCatalogInfo& ClaimGenerator::catalog() const { return catalog_->info; }

Claim ClaimGenerator::claim(std::uint64_t index) const {
  const detail::GeneratorCatalog& c = *catalog_;
  generate::Rng rng(c.options.seed, index);
  Claim claim;
  claim.id = fmt::format("{}-{}", c.options.seed, index + 1);
  claim.month = c.options.month;
  generate::Clinic clinic;
  const generate::Story story = generate::make_patient(rng, c, claim, clinic);
  generate::make_visits(rng, c, clinic, story, claim);
  return claim;
}

void ClaimGenerator::append_json(std::uint64_t index, std::string& out) const { append_claim_json(claim(index), out); }

}  // namespace santei
