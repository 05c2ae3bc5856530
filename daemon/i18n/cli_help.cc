#include "i18n/cli_help.h"

#include <CLI/CLI.hpp>
#include <string>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {

void LocalizeHelp(CLI::App& app) {
  app.option_defaults()->group(Tr("Options"));
  app.set_help_flag("-h,--help", Tr("Print this help message and exit"));
  CLI::FormatterBase& format = *app.get_formatter();
  format.label("Usage", Tr("Usage"));
  format.label("OPTIONS", TrC("usage", "OPTIONS"));
  format.label("SUBCOMMAND", TrC("usage", "SUBCOMMAND"));
  format.label("SUBCOMMANDS", TrC("usage", "SUBCOMMANDS"));
  format.label("Positionals", Tr("Positionals"));
  format.label("REQUIRED", TrC("usage", "REQUIRED"));
  // CLI11's own error (e.what()) stays as CLI11 words it; the pointer to the
  // help is ours.
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string text = std::string(e.what()) + "\n";
    if (failed->get_help_ptr() != nullptr) {
      // TRANSLATORS: %s is the help option, "--help".
      text += FormatText(Tr("Run with %s for more information."),
                         failed->get_help_ptr()->get_name().c_str()) +
              "\n";
    }
    return text;
  });
}

void LocalizeSubcommandHelp(CLI::App& subcommand) {
  subcommand.get_help_ptr()->group(Tr("Options"));
}

}  // namespace unsit
