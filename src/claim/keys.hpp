// The keys santei.claim/1 defines, object by object (keys.cpp holds the one table a new field is
// added to, beside its reader in claim_json.cpp or payers_json.cpp).
#pragma once

#include "claim/json_tree.hpp"

namespace santei::claim {

// Refuses the first key of `claim` (the root object, then each object inside it in document order)
// that santei.claim/1 does not define: a claim_error naming its path and the nearest defined key,
// e.g. "visits[0].orders[0].items[0].quantiy: unknown field; did you mean quantity?". A misspelt
// key must not silently change the price. The root's `extensions` object is the caller's own
// data: santei never looks inside it and carries it through to the result.
void check_keys(const json::Value& claim);

}  // namespace santei::claim
