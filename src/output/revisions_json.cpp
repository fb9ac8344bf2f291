// santei.revisions/1: the revisions a MasterLibrary holds and the files each was loaded from.
#include "masters/master_data.hpp"
#include "output/json_writer.hpp"
#include "santei/masters.hpp"

namespace santei {

std::string revisions_json(const MasterLibrary& library) {
  output::JsonWriter json;
  json.begin_object().field("format", "santei.revisions/1").key("revisions").begin_array();
  for (const auto& set : library.sets()) {
    const DateRange period = set->period();
    const LoadStats& stats = set->stats();
    json.begin_object().field("revision", set->revision()).field("from", period.from.iso());
    json.key("to");
    if (period.to.is_open_end()) json.null();
    else json.value(period.to.iso());
    json.field("origin", set->origin()).field("bytes", stats.bytes);
    // A partial revision directory (no y/t/c/b/z full file): the codes of what it lacks are unknown codes.
    json.field("partial", !stats.missing.empty()).key("missing").begin_array();
    for (const std::string& kind : stats.missing) {
      json.begin_object().field("kind", kind).field("master", detail::master_title(kind)).end_object();
    }
    json.end_array();
    json.key("files").begin_array();
    for (const MasterFileInfo& file : stats.files) {
      json.begin_object().field("path", file.path).field("kind", file.kind).field("layout", file.layout);
      json.field("update", file.update).key("date");
      if (file.date == Date{}) json.null();  // the 電子点数表 tables carry no date in their name
      else json.value(file.date.iso());
      json.field("rows", file.rows).field("bytes", file.bytes).end_object();
    }
    json.end_array().key("notes").begin_array();
    for (const std::string& note : stats.notes) json.value(note);
    json.end_array().end_object();
  }
  json.end_array().end_object();
  return json.take();
}

}  // namespace santei
