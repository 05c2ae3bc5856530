// The process's locale, set up once at the start of each program.
//
// Contracts:
//   - InitLocale is called first thing in main, before any thread starts and
//     before any Tr* call: it reads LANG/LC_*/LANGUAGE (setlocale(LC_ALL, "")),
//     binds the `unsit` domain to the message catalogues and asks gettext for
//     UTF-8 whatever the locale's own charset.
//   - The catalogues are read from $UNSIT_LOCALEDIR when it is set and not
//     empty (a build tree's compiled catalogues, for tests), else from the
//     locale directory the program was built for.
//   - LC_NUMERIC stays "C": numbers in files, JSON and the protocol are never
//     written with a decimal comma.
#ifndef UNSIT_I18N_LOCALE_H_
#define UNSIT_I18N_LOCALE_H_

#include <string>

namespace unsit {

void InitLocale();

// The message locale in effect and where its catalogues come from, for
// `doctor`: "de_DE.UTF-8 (catalogues in /usr/share/locale)". "C" when the
// environment names no locale or one this system does not have.
std::string LocaleInEffect();

}  // namespace unsit

#endif  // UNSIT_I18N_LOCALE_H_
