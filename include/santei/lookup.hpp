// santei/lookup.hpp — one code's master record and rule-graph edges, as JSON (santei.lookup/1) or text.
#pragma once

#include <optional>
#include <string>

#include "santei/masters.hpp"

namespace santei {

// The record of `code` (a 9-digit 診療行為, 医薬品, 特定器材 or コメント code, or a 7-digit 傷病名
// code, or a 4-digit 修飾語 code) in force on `on`, with every decoded column that matters to
// pricing (its layout column number and 項目名 beside it), its versions in every loaded revision
// (each with its revision, ending where that revision ends) and its rule-graph edges. Without a date: the
// newest version in the newest revision that has the code.
// Throws santei::Exception: not_found (no revision prices that date), unknown_code (not in the
// masters, or not in force that day — the message names the dates it is valid on).
SANTEI_API std::string lookup_json(const MasterLibrary& library, Code code, std::optional<Date> on);

// The same record as text for a person (santei lookup --format text): the headline, the columns
// as a table (number, 項目名, value), the versions and the edges. Throws as lookup_json.
SANTEI_API std::string lookup_text(const MasterLibrary& library, Code code, std::optional<Date> on);

}  // namespace santei
