// The contents of a MasterSet: one dated history per master kind and the 電子点数表 rows.
// Internal to santei; the public view is santei/masters.hpp.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "masters/history.hpp"
#include "santei/masters.hpp"
#include "santei/rules.hpp"

namespace santei::detail {

struct MasterData {
  std::string revision;
  DateRange period;
  std::string origin;

  masters::History<ProcedureRecord> procedures;
  masters::History<DrugRecord> drugs;
  masters::History<MaterialRecord> materials;
  masters::History<CommentRecord> comments;
  masters::History<DiseaseRecord> diseases;
  masters::History<ModifierRecord> modifiers;
  masters::History<AuxiliaryRecord> auxiliary;

  std::vector<BundleMemberRecord> bundle_members;
  std::array<std::vector<ExclusionRecord>, 4> exclusions;  // by ExclusionWindow
  std::vector<InpatientAdditionRecord> inpatient_additions;
  std::vector<CountLimitRecord> count_limits;
  std::vector<CommentLinkRecord> comment_links;
  std::array<bool, 9> tables_present{};  // by ElectronicTable

  LoadStats stats;
  std::chrono::steady_clock::time_point load_started = std::chrono::steady_clock::now();
  std::unique_ptr<RuleGraph> rules;

  // Freezes the histories, builds the rule graph and wraps the result (the end of every load).
  static std::shared_ptr<const MasterSet> finish(std::unique_ptr<MasterData> data);
};

// Builds the rule graph over frozen master data, sorting its tables in place (src/rules/rule_graph.cpp).
std::unique_ptr<RuleGraph> build_rule_graph(MasterData& data);

}  // namespace santei::detail
