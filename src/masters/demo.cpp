// The demo master (masters/demo/demo_r06.xml): each element is turned into a row of its SSK
// layout and decoded by the same code that reads the real files, so the demo cannot drift from
// the real column meanings.
#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/cp932.hpp"
#include "core/embedded.hpp"
#include "core/xml.hpp"
#include "masters/fields.hpp"
#include "masters/master_data.hpp"

namespace santei {
namespace {

constexpr const char* kDemoFile = "masters/demo/demo_r06.xml";

template <class Record>
void add_records(std::string_view text, const pugi::xml_node& root, const char* element, const char* layout_id,
                 masters::History<Record>& history) {
  const masters::Layout* layout = nullptr;
  for (const masters::Layout& candidate : masters::all_layouts()) {
    if (candidate.id == layout_id) layout = &candidate;
  }
  const masters::RowDecoder<Record> decoder(*layout, kDemoFile);
  for (const pugi::xml_node node : root.children(element)) {
    const std::int64_t line = xml::line_of(text, node.offset_debug());
    std::vector<std::string> row(static_cast<std::size_t>(layout->columns));
    for (const masters::LayoutColumn& column : layout->by_number) {
      if (column.type == masters::FieldType::change) row[static_cast<std::size_t>(column.number - 1)] = "0";
      if (column.type == masters::FieldType::kind) row[static_cast<std::size_t>(column.number - 1)] = column.fixed;
      if (column.key == "valid_to") row[static_cast<std::size_t>(column.number - 1)] = "99999999";
    }
    for (const pugi::xml_attribute attribute : node.attributes()) {
      const masters::LayoutColumn* column = layout->column(attribute.name());
      if (!column) {
        throw Exception(ErrorInfo{Status::master_error, kDemoFile, line, 0, attribute.name(),
                                  fmt::format("no column of layout {} has this key", layout->id)});
      }
      std::string& cell = row[static_cast<std::size_t>(column->number - 1)];
      cell.clear();
      if (cp932::encode_append(attribute.value(), cell) != cp932::npos) {
        throw Exception(ErrorInfo{Status::encoding_error, kDemoFile, line, 0, attribute.name(),
                                  "text has no CP932 form"});
      }
    }
    const std::vector<std::string_view> fields(row.begin(), row.end());
    Record record{};
    decoder.decode(fields, line, record, false);
    history.put_version(std::move(record));
  }
}

}  // namespace

std::shared_ptr<const MasterSet> MasterSet::demo() {
  const auto text = detail::embedded_file("demo/demo_r06.xml");
  pugi::xml_document doc;
  if (!text || !doc.load_buffer(text->data(), text->size())) {
    throw Exception(ErrorInfo{Status::master_error, kDemoFile, 0, 0, {}, "the embedded demo master cannot be read"});
  }
  const pugi::xml_node root = doc.child("demo-master");
  auto data = std::make_unique<detail::MasterData>();
  data->origin = "<demo>";
  data->revision = root.attribute("revision").as_string();
  for (const RevisionInfo& info : known_revisions()) {
    if (info.id == data->revision) data->period = info.period;
  }
  add_records(*text, root, "procedure", "s_150", data->procedures);
  add_records(*text, root, "drug", "y_42", data->drugs);
  add_records(*text, root, "material", "t_38", data->materials);
  add_records(*text, root, "comment", "c_30", data->comments);
  data->stats.notes.push_back("the demo master: a few dozen hand-typed r06 codes, no 電子点数表");
  return detail::MasterData::finish(std::move(data));
}

}  // namespace santei
