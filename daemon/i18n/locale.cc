#include "i18n/locale.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {
namespace {

const char* LocaleDir() {
  const char* override_dir = std::getenv("UNSIT_LOCALEDIR");
  return override_dir != nullptr && *override_dir != '\0' ? override_dir : UNSIT_LOCALEDIR;
}

}  // namespace

void InitLocale() {
  std::setlocale(LC_ALL, "");
  std::setlocale(LC_NUMERIC, "C");
  bindtextdomain(kTextDomain, LocaleDir());
  bind_textdomain_codeset(kTextDomain, "UTF-8");
}

std::string LocaleInEffect() {
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  std::string text = messages != nullptr ? messages : "C";
  const char* language = std::getenv("LANGUAGE");
  if (language != nullptr && *language != '\0') text += std::string(", LANGUAGE=") + language;
  // TRANSLATORS: the first %s is a locale ("de_DE.UTF-8"), the second a directory.
  return FormatText(Tr("%s (catalogues in %s)"), text.c_str(), LocaleDir());
}

}  // namespace unsit
