// The pieces of santei's HTML reports (the regress report, the UKE check report): one
// self-contained page each (inline CSS and SVG, no script, nothing fetched), exact integer figures.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "output/text.hpp"

namespace santei::output::html {

// Text made safe for HTML element content and attribute values.
std::string escape(std::string_view text);
// 1234567 → "1,234,567", "+1,234" (output/text.hpp, shared with the text reports).
using output::grouped;
using output::signed_grouped;
// part / whole as an unsigned share, e.g. "78.60%" (rounded half up, in integers); "–" for 0 / 0.
std::string share(std::int64_t part, std::int64_t whole);
// A headline row: its value in data-value for machine checks, shown as `shown`.
void figure(std::string& out, std::string_view id, std::string_view label, std::int64_t value, std::string_view shown,
            std::string_view note = {});
// "<!DOCTYPE html>…<body>": the page's head with the shared style.
std::string page_start(std::string_view title);

}  // namespace santei::output::html
