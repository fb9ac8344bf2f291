#include "output/names.hpp"

namespace santei::output {

std::string_view item_name(Code code, const MasterSet& set, Date on) {
  switch (code / 100000000) {
    case 1:
      if (const ProcedureRecord* r = set.procedure(code, on)) return r->name;
      break;
    case 6:
      if (const DrugRecord* r = set.drug(code, on)) return r->name;
      break;
    case 7:
      if (const MaterialRecord* r = set.material(code, on)) return r->name;
      break;
    case 8:
      if (const CommentRecord* r = set.comment(code, on)) return r->text;
      break;
    default: break;
  }
  return {};
}

std::string_view item_unit(Code code, const MasterSet& set, Date on) {
  if (const ProcedureRecord* r = set.procedure(code, on)) return r->data_unit_name;
  if (const DrugRecord* r = set.drug(code, on)) return r->unit_name;
  if (const MaterialRecord* r = set.material(code, on)) return r->unit_name;
  return {};
}

}  // namespace santei::output
