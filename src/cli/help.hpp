// santei's --help layout for every command, from what the command declares to CLI11:
//
//   usage: santei price [options] CLAIM.json|-
//
//   <description>
//
//   arguments:            (positionals)
//   commands:             (subcommands)
//   options:              (name, value, description; a description's later lines aligned)
//
//   <footer: exit statuses, notes>
#pragma once

#include <CLI/CLI.hpp>

namespace santei::cli {

class HelpFormatter : public CLI::FormatterBase {
 public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
};

// The left column of an option in help and messages: "-j N", "--masters DIR", "-h, --help".
std::string option_synopsis(const CLI::Option& option);

}  // namespace santei::cli
