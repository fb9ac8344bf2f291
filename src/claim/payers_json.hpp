// Reading the payers of a claim: insurance and public_expenses (santei.claim/1).
#pragma once

#include <string>
#include <vector>

#include "claim/fields.hpp"
#include "claim/json_tree.hpp"
#include "santei/claim.hpp"

namespace santei::claim {

Insurance read_insurance(const json::Value& object, const Path& path);
std::vector<PublicExpense> read_public_expenses(const json::Value& array, const Path& path);

}  // namespace santei::claim
