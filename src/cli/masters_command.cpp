// santei masters: the group of the commands that bring SSK's master files in (check, add) and
// compile them into a snapshot (compile).
#include "cli/command.hpp"

namespace santei::cli {
namespace {

const CommandGroup masters_command{"masters", "check SSK master downloads, add them to a masters directory, compile snapshots"};

}  // namespace
}  // namespace santei::cli
