// santei version (and santei --version, in main.cpp).
#include <cstdio>

#include "cli/command.hpp"
#include "santei/config.h"

namespace santei::cli {
namespace {

Runner setup(CLI::App& app) {
  app.footer("Exit status: 0.");
  return [] {
    std::printf("santei %s\n", SANTEI_VERSION_STRING);
    return kExitOk;
  };
}

const Command version_command{"version", "print the santei version", setup};

}  // namespace
}  // namespace santei::cli
