#include "output/html.hpp"

#include <iterator>

#include <fmt/format.h>

namespace santei::output::html {
namespace {

// --ja: Japanese fonts first, so 漢字 and かな never fall to a font without them (boxes): Noto Sans
// CJK JP (Linux: Debian's fonts-noto-cjk), Hiragino (macOS), Yu Gothic and Meiryo (Windows).
constexpr const char* kStyle = R"(
:root{--ja:"Noto Sans CJK JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",YuGothic,Meiryo,sans-serif}
body{font:15px/1.5 var(--ja);margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2733;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d5dbe3;padding-bottom:.2rem}
.source{color:#5a6777;margin-top:0}
table{border-collapse:collapse;margin:.6rem 0}th,td{padding:.25rem .7rem;text-align:left;vertical-align:top}
table.figures th{font-weight:500;color:#3c4a5c}table.figures td{font-variant-numeric:tabular-nums;font-weight:600;text-align:right}
table.figures td.note{font-weight:400;color:#5a6777;text-align:left}
table.list{width:100%}table.list th{background:#f1f4f8;font-weight:600;border-bottom:1px solid #d5dbe3}
table.list td{border-bottom:1px solid #eef1f5}table.list td.num{text-align:right;font-variant-numeric:tabular-nums}
.up{color:#b4490a}.down{color:#1f5fa8}.muted{color:#7a8696}
svg text{font:12px var(--ja);fill:#3c4a5c}
footer{margin-top:3rem;color:#7a8696;font-size:.85rem}
)";

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "–";
  const std::int64_t hundredths = (part * 10000 + whole / 2) / whole;
  return fmt::format("{}.{:02}%", hundredths / 100, hundredths % 100);
}

void figure(std::string& out, std::string_view id, std::string_view label, std::int64_t value, std::string_view shown,
            std::string_view note) {
  fmt::format_to(std::back_inserter(out), "<tr><th>{}</th><td id=\"{}\" data-value=\"{}\">{}</td><td class=\"note\">{}</td></tr>\n",
                 label, id, value, shown, note);
}

std::string page_start(std::string_view title) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">\n";
  fmt::format_to(std::back_inserter(out), "<title>{}</title>\n", escape(title));
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>";
  out += kStyle;
  out += "</style></head><body>\n";
  return out;
}

}  // namespace santei::output::html
