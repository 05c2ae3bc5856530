// Words shown to people go through these four calls, never through dgettext
// directly: their names are the keywords the message extractor looks for.
//
// Contracts:
//   - Each returns a pointer into the loaded catalogue (or to its argument when
//     there is no translation); it lives as long as the process. TrC's result
//     points to its msgid argument when untranslated, so pass string literals
//     or strings that outlive the use.
//   - Safe from any thread once the process has set its locale (gettext is).
//   - The core never calls these: it hands out values, the shell and the CLI
//     turn them into words.
#ifndef UNSIT_I18N_TR_H_
#define UNSIT_I18N_TR_H_

namespace unsit {

// The gettext domain of every unsit message.
inline constexpr char kTextDomain[] = "unsit";

// A message with no context: Tr("Snooze").
const char* Tr(const char* msgid) __attribute__((format_arg(1)));

// A message with a count: TrN("%d minute", "%d minutes", n). The rule for which
// form follows the language's plural rule, not n == 1.
const char* TrN(const char* singular, const char* plural, unsigned long count)
    __attribute__((format_arg(1), format_arg(2)));

// A message whose word is ambiguous in English: TrC("button", "Done").
const char* TrC(const char* context, const char* msgid) __attribute__((format_arg(2)));

// Marks a literal for extraction where it is stored, not shown; the place that
// shows it calls Tr on the stored pointer.
constexpr const char* TrNoop(const char* msgid) { return msgid; }

}  // namespace unsit

#endif  // UNSIT_I18N_TR_H_
