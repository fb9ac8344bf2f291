// santei completion bash: a bash completion script made from the command line itself, so it
// offers exactly the commands and options santei accepts. The build writes it to
// share/bash-completion/completions/santei (CMakeLists.txt), which is where it is installed.
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "cli/command.hpp"

namespace santei::cli {
namespace {

// What a value is completed with, from its name in the help (DIR, FILE, json|text, N …).
enum class ValueKind { none, files, dirs, words };

ValueKind value_kind(const std::string& name) {
  static const std::regex choices("[a-z0-9]+(\\|[a-z0-9]+)+");
  if (name.find("DIR") != std::string::npos) return ValueKind::dirs;
  if (std::regex_match(name, choices)) return ValueKind::words;
  for (const char* file_like : {"FILE", "INPUT", ".", "|-"}) {
    if (name.find(file_like) != std::string::npos) return ValueKind::files;
  }
  return ValueKind::none;  // a number, a date, an id: nothing to offer
}

std::string reply(ValueKind kind, const std::string& name) {
  switch (kind) {
    case ValueKind::files: return "_santei_reply -f";
    case ValueKind::dirs: return "_santei_reply -d";
    case ValueKind::words: {
      std::string words = name;
      for (char& c : words) c = c == '|' ? ' ' : c;
      return "_santei_reply -W '" + words + "'";
    }
    case ValueKind::none: break;
  }
  return "COMPREPLY=()";
}

struct Node {
  std::string path;  // "" for santei itself, "price", "masters check"
  const CLI::App* app;
};

void collect(const CLI::App& app, const std::string& path, std::vector<Node>& nodes) {
  nodes.push_back({path, &app});
  for (const CLI::App* sub : app.get_subcommands({})) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), nodes);
  }
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string alternatives(const std::vector<std::string>& patterns) {
  std::string out;
  for (const std::string& p : patterns) out += (out.empty() ? "" : "|") + ("\"" + p + "\"");
  return out;
}

int completion(const CLI::App& root, const std::string& shell) {
  if (shell != "bash") throw UsageError{"only bash is supported, not '" + shell + "'"};
  std::fputs(bash_completion(root).c_str(), stdout);
  return kExitOk;
}

Runner setup(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  app.description(
      "Prints a bash completion script for santei's commands, options and their values. Installed\n"
      "as share/bash-completion/completions/santei; to use it without installing:\n"
      "  source <(santei completion bash)");
  app.add_option("SHELL", *shell, "the shell (bash)")->required();
  app.footer("Exit status: 0 printed, 2 usage errors.");
  return [shell, &app] { return completion(*app.get_parent(), *shell); };
}

const Command completion_command{"completion", "print the bash completion script", setup};

}  // namespace

std::string bash_completion(const CLI::App& root) {
  std::vector<Node> nodes;
  collect(root, "", nodes);

  std::vector<std::string> command_words;  // "path:word" naming a subcommand
  std::map<std::string, std::vector<std::string>> positional_cases;  // reply → paths
  std::ostringstream words;                                          // per path: what `-`/nothing offers
  for (const Node& node : nodes) {
    std::vector<std::string> offered;
    for (const CLI::App* sub : node.app->get_subcommands({})) {
      command_words.push_back(node.path + ":" + sub->get_name());
      offered.push_back(sub->get_name());
    }
    std::vector<std::string> options;
    for (const CLI::Option* o : node.app->get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
      for (const std::string& s : o->get_snames()) options.push_back("-" + s);
      for (const std::string& l : o->get_lnames()) options.push_back("--" + l);
    }
    const auto positionals = node.app->get_options([](const CLI::Option* o) { return o->get_positional(); });
    if (!positionals.empty()) {
      const std::string name = positionals.front()->get_name(true, false);
      positional_cases[reply(value_kind(name), name)].push_back(node.path);
    }
    words << fmt::format("    \"{}\") commands=\"{}\"; options=\"{}\" ;;\n", node.path, join(offered), join(options));
  }

  // Option values: one case per reply (the words of each choice option are their own reply).
  std::ostringstream values;
  std::map<std::string, std::vector<std::string>> by_reply;
  for (const Node& node : nodes) {
    for (const CLI::Option* o : node.app->get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
      if (o->get_type_size() == 0) continue;
      const std::string type = o->get_type_name();
      for (const std::string& s : o->get_snames()) by_reply[reply(value_kind(type), type)].push_back(node.path + ":-" + s);
      for (const std::string& l : o->get_lnames()) by_reply[reply(value_kind(type), type)].push_back(node.path + ":--" + l);
    }
  }
  for (const auto& [action, patterns] : by_reply) {
    values << fmt::format("    {}) {}; return ;;\n", alternatives(patterns), action);
  }
  std::ostringstream positional;
  for (const auto& [action, paths] : positional_cases) {
    positional << fmt::format("    {}) {} ;;\n", alternatives(paths), action);
  }

  return fmt::format(
      R"(# bash completion for santei — made by `santei completion bash` from santei's own command line
# (commands, options, and what each option's value is: a directory, a file, one of some words).
# Installed as share/bash-completion/completions/santei; or: source <(santei completion bash)

_santei_reply() {{  # -f (files), -d (directories) or -W WORDS, for the word being completed
  [[ $1 != -W ]] && compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen "$@" -- "$cur")
}}

_santei() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev="" path="" i word commands="" options=""
  ((COMP_CWORD > 0)) && prev=${{COMP_WORDS[COMP_CWORD - 1]}}
  # The (sub)command typed so far.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${{COMP_WORDS[i]}}
    case "$path:$word" in
      {}) path="${{path:+$path }}$word" ;;
    esac
  done
  # --option=value: bash splits it into --option, = and value (COMP_WORDBREAKS), or keeps one word.
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${{COMP_WORDS[COMP_CWORD - 2]}}
  elif [[ $cur == --*=* ]]; then
    prev=${{cur%%=*}}
    cur=${{cur#*=}}
  fi
  case "$path:$prev" in
{}  esac
  case "$path" in
{}  esac
  if [[ $cur == -* ]]; then
    _santei_reply -W "$options"
  elif [[ -n $commands ]]; then
    _santei_reply -W "$commands"
  else
    COMPREPLY=()
    case "$path" in
{}    esac
  fi
}}
complete -F _santei santei
)",
      command_words.empty() ? "\"\"" : alternatives(command_words), values.str(), words.str(), positional.str());
}

}  // namespace santei::cli
