#include "i18n/tr.h"

#include <libintl.h>

#include <string>

namespace unsit {

const char* Tr(const char* msgid) { return dgettext(kTextDomain, msgid); }

const char* TrN(const char* singular, const char* plural, unsigned long count) {
  return dngettext(kTextDomain, singular, plural, count);
}

const char* TrC(const char* context, const char* msgid) {
  // gettext stores a context as "context\x04msgid"; an untranslated lookup
  // returns the key itself, which is not what a caller may show.
  std::string key = std::string(context) + '\x04' + msgid;
  const char* found = dgettext(kTextDomain, key.c_str());
  return found == key.c_str() ? msgid : found;
}

}  // namespace unsit
