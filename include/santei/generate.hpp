// santei/generate.hpp — realistic synthetic outpatient claims from the real masters, seeded and
// reproducible, so that scale runs (regress, benchmarks, round trips) need no patient data.
//
// A generated claim is one patient's month at a clinic (診療所): a department (内科, 小児科,
// 整形外科, 皮膚科, 精神科), ages from infants to the 90s, one to a dozen visits with 初診/再診 and
// their additions, 内服/外用/注射 drugs drawn from the y master with their real prices, blood and
// urine tests (the 包括対象検査 chemistry bundle, judgement fees once a month), X-rays, 処置 with
// materials, a wound sutured (手術) or a trigger point injected (麻酔) at visits outside hours (their
// 時間外・休日・深夜加算 left to santei), a 訪問診療 day (在宅医療, some with 在宅酸素療法) for some
// elderly patients, and 公費 on some patients (54 難病, 21 精神通院, a local children's subsidy).
//
// Every code is checked against the masters when the generator is built: it must be in force on
// every day of the month in the month's revision, and priceable by every revision named in
// GenerateOptions::revisions (PricingOptions::revision, as a revision-vs-revision run prices).
// Codes that fail are left out (catalog().notes says which); 初診料 and 再診料 are required.
//
// Thread-safety: a built ClaimGenerator is immutable. claim(i) is a pure function of the masters,
// the options and i: call it from any number of threads, in any order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "santei/claim.hpp"
#include "santei/masters.hpp"

namespace santei {

namespace detail {
struct GeneratorCatalog;
}

struct GenerateOptions {
  YearMonth month;         // 診療年月 of every claim
  std::uint64_t seed = 1;  // same masters, options and seed → the same claims, byte for byte
  // Revisions that must be able to price every claim (when forced with PricingOptions::revision).
  // Empty: every revision of the library.
  std::vector<std::string> revisions;
};

// What the generator draws from once checked against the masters.
struct GeneratorCatalogInfo {
  std::size_t procedures = 0;       // 診療行為 codes usable
  std::size_t oral_drugs = 0;       // 内服 (錠・カプセル, and 散・顆粒 in g for children)
  std::size_t external_drugs = 0;   // 外用 (軟膏 in g, 貼付剤 in 枚)
  std::size_t injection_drugs = 0;  // 注射 (管・瓶・筒)
  std::size_t materials = 0;        // 特定器材
  std::vector<std::string> notes;   // catalog codes left out, and why
};

class SANTEI_API ClaimGenerator {
 public:
  // Checks the catalog against `masters` (which need not outlive the generator). Throws
  // santei::Exception: not_found when the month has no revision or a required code (初診料,
  // 再診料) is unusable, invalid_argument for a revision id that is not loaded.
  ClaimGenerator(const MasterLibrary& masters, GenerateOptions options);
  ~ClaimGenerator();
  ClaimGenerator(ClaimGenerator&&) noexcept;
  ClaimGenerator& operator=(ClaimGenerator&&) noexcept;

  // Claim number `index` (0-based; its id is "<seed>-<index + 1>").
  Claim claim(std::uint64_t index) const;
  // Appends claim(index) as santei.claim/1 JSON on one line (no newline).
  void append_json(std::uint64_t index, std::string& out) const;

  const GenerateOptions& options() const;
  const GeneratorCatalogInfo& catalog() const;

 private:
  std::unique_ptr<const detail::GeneratorCatalog> catalog_;
};

// santei.claim/1 JSON of a claim on one line, the fields parse_claim reads: parsing it gives the
// same claim back.
SANTEI_API std::string claim_json(const Claim& claim);
SANTEI_API void append_claim_json(const Claim& claim, std::string& out);

}  // namespace santei
