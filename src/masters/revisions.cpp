#include <pugixml.hpp>

#include "core/embedded.hpp"
#include "santei/masters.hpp"

namespace santei {
namespace {

std::vector<RevisionInfo> load_revisions() {
  const auto data = detail::embedded_file("revisions.xml");
  pugi::xml_document doc;
  if (!data || !doc.load_buffer(data->data(), data->size())) {
    throw Exception(ErrorInfo{Status::rule_error, "masters/revisions.xml", 0, 0, {}, "cannot be read"});
  }
  std::vector<RevisionInfo> out;
  for (const pugi::xml_node node : doc.child("revisions").children("revision")) {
    const auto from = Date::parse_iso(node.attribute("from").as_string());
    if (!from) throw Exception(ErrorInfo{Status::rule_error, "masters/revisions.xml", 0, 0, "from", "bad date"});
    out.push_back(RevisionInfo{node.attribute("id").as_string(), DateRange{*from, Date::open_end()},
                               node.attribute("notice").as_string()});
  }
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (!(out[i].period.from < out[i + 1].period.from)) {
      throw Exception(ErrorInfo{Status::rule_error, "masters/revisions.xml", 0, 0, out[i + 1].id,
                                "revisions must be listed in date order"});
    }
    out[i].period.to = out[i + 1].period.from.plus_days(-1);
  }
  return out;
}

}  // namespace

const std::vector<RevisionInfo>& known_revisions() {
  static const std::vector<RevisionInfo> revisions = load_revisions();
  return revisions;
}

}  // namespace santei
