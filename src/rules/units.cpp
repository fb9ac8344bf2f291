#include <map>
#include <string>

#include <pugixml.hpp>

#include "core/embedded.hpp"
#include "santei/rules.hpp"

namespace santei {

const char* unit_name(std::int32_t unit_code) {
  static const std::map<std::int32_t, std::string> names = [] {
    std::map<std::int32_t, std::string> out;
    const auto data = detail::embedded_file("units.xml");
    pugi::xml_document doc;
    if (data && doc.load_buffer(data->data(), data->size())) {
      for (const pugi::xml_node unit : doc.child("units").children("unit")) {
        out.emplace(unit.attribute("code").as_int(), unit.attribute("name").as_string());
      }
    }
    return out;
  }();
  auto it = names.find(unit_code);
  return it == names.end() ? nullptr : it->second.c_str();
}

}  // namespace santei
