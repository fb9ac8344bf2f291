// santei masters: the group of the commands that bring SSK's master files in (check, add).
#include "cli/command.hpp"

namespace santei::cli {
namespace {

const CommandGroup masters_command{"masters", "check SSK master downloads and add them to a masters directory"};

}  // namespace
}  // namespace santei::cli
