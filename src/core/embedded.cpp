#include "core/embedded.hpp"

namespace santei::detail {

std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.path == path) return file.data;
  }
  return std::nullopt;
}

}  // namespace santei::detail
