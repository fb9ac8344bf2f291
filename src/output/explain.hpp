// The wording of an explanation step: written as a JSON string (result_json), or appended to a
// caller's buffer (explain_text in santei/pricing.hpp returns it as a string, the text report).
#pragma once

#include <fmt/format.h>

#include "santei/pricing.hpp"

namespace santei::output {

class JsonWriter;

// A memory buffer, not a std::string: fmt writes into a string by resizing it first, zero-filling
// the room it then overwrites (a third of a step's wording, callgrind).
void append_explain_text(fmt::memory_buffer& out, const ExplainStep& step, const MasterSet& set, Date on);
// The same wording as a JSON string value: escaped as JsonWriter::value(text) would, written in
// place when no piece of it needs an escape.
void write_explain_json(JsonWriter& json, const ExplainStep& step, const MasterSet& set, Date on);

}  // namespace santei::output
