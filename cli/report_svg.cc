#include "report_svg.h"

#include <time.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/duration.h"
#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit::cli {
namespace {

using std::chrono::floor;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr int kWidth = 1000;
constexpr double kChartLeft = 130;
constexpr double kChartRight = 770;
constexpr double kTotalsX = 805;
constexpr int kTop = 104;  // first row
constexpr int kRow = 34;
constexpr double kMinutesPerDay = 1440;

struct Outcome {
  std::string_view id;  // as history stores it
  std::string_view colour;
};
// Reminder outcomes, in the order the legend lists them; the last one stands
// for any outcome not listed (a reminder still open, or withdrawn at shutdown).
constexpr std::array<Outcome, 6> kOutcomes{{{"done", "#1f7a3a"},
                                            {"up", "#2a9d8f"},
                                            {"snoozed", "#d99a06"},
                                            {"skipped", "#7d7d7d"},
                                            {"dismissed", "#c8443c"},
                                            {"", "#7b5ea7"}}};
constexpr std::string_view kBoutColour = "#4a78b5";
constexpr std::string_view kPastLimitColour = "#e07b39";
constexpr std::string_view kBreakColour = "#62a86b";

// A count as ngettext takes it (never negative).
unsigned long Count(int n) { return n > 0 ? static_cast<unsigned long>(n) : 0; }

const Outcome& OutcomeOf(std::string_view id) {
  for (const Outcome& o : kOutcomes) {
    if (o.id == id) return o;
  }
  return kOutcomes.back();
}

// An outcome in words, in the user's language, as the legend and the tooltips
// name it.
std::string WordsOf(const Outcome& outcome) {
  const std::string_view id = outcome.id;
  // TRANSLATORS: how a reminder ended, in the report's legend: "I'm up" is the
  // button; "got up" means the person got up without answering.
  if (id == "done") return TrC("report outcome", "I'm up");
  if (id == "up") return TrC("report outcome", "got up");
  if (id == "snoozed") return TrC("report outcome", "snoozed");
  if (id == "skipped") return TrC("report outcome", "skipped");
  if (id == "dismissed") return TrC("report outcome", "dismissed");
  return TrC("report outcome", "open or withdrawn");
}

tm LocalTm(WallTime t) {
  time_t secs = floor<seconds>(t).time_since_epoch().count();
  tm local{};
  localtime_r(&secs, &local);
  return local;
}

std::string Strftime(WallTime t, const char* format) {
  tm local = LocalTm(t);
  std::array<char, 64> text{};
  strftime(text.data(), text.size(), format, &local);
  return text.data();
}

// Minutes on the local clock since the epoch.
double LocalMinutes(WallTime t) {
  double secs = static_cast<double>(t.time_since_epoch().count()) / 1000.0;
  return (secs + static_cast<double>(LocalTm(t).tm_gmtoff)) / 60.0;
}

// Minutes on the local clock from the midnight of `day`'s date to `t` (past
// 1440 for a day that history.day_starts lets run past midnight).
double ClockMinutes(const DayTimeline& day, WallTime t) {
  double midnight = std::floor(LocalMinutes(day.day.day_start) / kMinutesPerDay) * kMinutesPerDay;
  return LocalMinutes(t) - midnight;
}

// `span` cut to the day; empty when they do not meet.
TimeSpan Clip(const DayTimeline& day, TimeSpan span) {
  return {std::max(span.start, day.day.day_start), std::min(span.end, day.end)};
}

std::string Num(double value) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1f", value);
  return text.data();
}

// The time-of-day axis shared by all rows: whole hours around everything drawn.
class Axis {
 public:
  explicit Axis(const std::vector<DayTimeline>& days) {
    double first = kMinutesPerDay * 2;
    double last = -1;
    auto see = [&](const DayTimeline& day, TimeSpan span) {
      TimeSpan in = Clip(day, span);
      if (in.end <= in.start) return;
      first = std::min(first, ClockMinutes(day, in.start));
      last = std::max(last, ClockMinutes(day, in.end));
    };
    for (const DayTimeline& day : days) {
      for (const TimelineBout& bout : day.bouts) see(day, bout.span);
      for (const TimeSpan& pause : day.breaks) see(day, pause);
    }
    first_hour_ = last < 0 ? 8 : static_cast<int>(std::floor(first / 60));
    last_hour_ = last < 0 ? 18 : static_cast<int>(std::ceil(last / 60));
    last_hour_ = std::max(last_hour_, first_hour_ + 4);
  }

  double X(double minutes) const {
    double span = (last_hour_ - first_hour_) * 60.0;
    return kChartLeft + (minutes - first_hour_ * 60.0) / span * (kChartRight - kChartLeft);
  }
  int FirstHour() const { return first_hour_; }
  int LastHour() const { return last_hour_; }

 private:
  int first_hour_;
  int last_hour_;
};

std::string Rect(double x0, double x1, double y, double height, std::string_view colour,
                 const std::string& title) {
  return "<rect x=\"" + Num(x0) + "\" y=\"" + Num(y) + "\" width=\"" + Num(std::max(x1 - x0, 1.0)) +
         "\" height=\"" + Num(height) + "\" fill=\"" + std::string(colour) + "\"><title>" + title +
         "</title></rect>\n";
}

std::string Text(double x, double y, const std::string& text, std::string_view cls = "") {
  std::string out = "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\"";
  if (!cls.empty()) out += " class=\"" + std::string(cls) + "\"";
  return out + ">" + text + "</text>\n";
}

std::string SpanWords(TimeSpan span) {
  return Strftime(span.start, "%H:%M") + "–" + Strftime(span.end, "%H:%M") + " (" +
         HumanDuration(span.end - span.start) + ")";
}

std::string DrawBout(const DayTimeline& day, const Axis& axis, const TimelineBout& bout, int y) {
  TimeSpan in = Clip(day, bout.span);
  if (in.end <= in.start) return "";
  // TRANSLATORS: a bar's tooltip; %s is a span like "09:00–10:00 (1 h 00 min)".
  std::string title = FormatText(Tr("Sitting %s"), SpanWords(bout.span).c_str());
  double x0 = axis.X(ClockMinutes(day, in.start));
  double x1 = axis.X(ClockMinutes(day, in.end));
  if (!bout.limit || *bout.limit >= in.end) return Rect(x0, x1, y + 7, 14, kBoutColour, title);
  WallTime limit = std::max(*bout.limit, in.start);
  double xl = axis.X(ClockMinutes(day, limit));
  return Rect(x0, xl, y + 7, 14, kBoutColour, title) +
         Rect(xl, x1, y + 7, 14, kPastLimitColour,
              title + FormatText(Tr(", past the sit limit from %s"),
                                 Strftime(*bout.limit, "%H:%M").c_str()));
}

std::string DrawBreak(const DayTimeline& day, const Axis& axis, TimeSpan pause, int y) {
  TimeSpan in = Clip(day, pause);
  if (in.end <= in.start) return "";
  return Rect(axis.X(ClockMinutes(day, in.start)), axis.X(ClockMinutes(day, in.end)), y + 24, 5,
              kBreakColour, FormatText(Tr("Break %s"), SpanWords(pause).c_str()));
}

std::string DrawReminder(const DayTimeline& day, const Axis& axis, const TimelineReminder& r,
                         int y) {
  const Outcome& outcome = OutcomeOf(r.outcome);
  std::string shown =
      r.times_shown > 1
          ? FormatText(TrN(", shown %d time", ", shown %d times", Count(r.times_shown)),
                       r.times_shown)
          : "";
  return "<circle cx=\"" + Num(axis.X(ClockMinutes(day, r.shown))) + "\" cy=\"" +
         std::to_string(y + 14) + "\" r=\"5\" fill=\"" + std::string(outcome.colour) +
         "\" stroke=\"#fff\" stroke-width=\"1.5\"><title>" +
         // TRANSLATORS: a dot's tooltip: the clock time, then how it ended.
         FormatText(Tr("Reminder at %s: %s"), Strftime(r.shown, "%H:%M").c_str(),
                    WordsOf(outcome).c_str()) +
         shown + "</title></circle>\n";
}

std::string DrawDay(const DayTimeline& day, const Axis& axis, int index) {
  int y = kTop + index * kRow;
  std::string out;
  if (index % 2 == 0) {
    out += "<rect x=\"0\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(kWidth) +
           "\" height=\"" + std::to_string(kRow) + "\" fill=\"#f3f5f8\"/>\n";
  }
  out += Text(16, y + 21, Strftime(day.day.day_start, "%a %d %b"), "day");
  for (const TimelineBout& bout : day.bouts) out += DrawBout(day, axis, bout, y);
  for (const TimeSpan& pause : day.breaks) out += DrawBreak(day, axis, pause, y);
  for (const TimelineReminder& r : day.reminders) out += DrawReminder(day, axis, r, y);
  const DayTotals& t = day.day.totals;
  if (t.bouts == 0) return out + Text(kTotalsX, y + 21, Tr("no sitting"), "small");
  out += Text(kTotalsX, y + 16, HumanDuration(t.sitting), "total");
  std::string second = FormatText(Tr("longest %s"), HumanDuration(t.longest_bout).c_str());
  if (t.standing > Duration::zero()) {
    second += FormatText(Tr(", stood %s"), HumanDuration(t.standing).c_str());
  }
  out += Text(kTotalsX, y + 29, second, "small");
  return out;
}

std::string DrawAxis(const Axis& axis, int rows) {
  int step = axis.LastHour() - axis.FirstHour() > 12 ? 2 : 1;
  int bottom = kTop + rows * kRow;
  std::string out;
  for (int hour = axis.FirstHour(); hour <= axis.LastHour(); hour += step) {
    double x = axis.X(hour * 60.0);
    std::array<char, 8> label{};
    std::snprintf(label.data(), label.size(), "%02d:00", hour % 24);
    out += "<line x1=\"" + Num(x) + "\" y1=\"" + std::to_string(kTop - 6) + "\" x2=\"" + Num(x) +
           "\" y2=\"" + std::to_string(bottom) + "\" class=\"grid\"/>\n";
    out += "<text x=\"" + Num(x) + "\" y=\"" + std::to_string(kTop - 10) +
           "\" class=\"small\" text-anchor=\"middle\">" + label.data() + "</text>\n";
  }
  out += Text(kTotalsX, kTop - 10, Tr("sitting, longest bout"), "small");
  return out;
}

// Where the next legend item goes; a row that would pass the right edge (a
// longer language) goes on below.
struct LegendPen {
  double x = 16;
  int top = 53;  // of the row's marks
};

// The width of `words` in the legend's small type, by characters (not bytes).
double LegendWidth(const std::string& words) {
  const auto characters =
      std::count_if(words.begin(), words.end(), [](char c) { return (c & 0xC0) != 0x80; });
  return 7 * static_cast<double>(characters);
}

// Moves `pen` to the next row when `width` more would pass the right edge.
void MakeRoom(LegendPen& pen, double width) {
  if (pen.x + width <= kWidth - 16 || pen.x <= 16) return;
  pen.x = 16;
  pen.top += 16;
}

std::string LegendItem(LegendPen& pen, std::string_view colour, const std::string& words,
                       bool dot) {
  const double width = 30 + LegendWidth(words);
  MakeRoom(pen, width);
  const double x = pen.x;
  std::string mark = dot ? "<circle cx=\"" + Num(x + 6) + "\" cy=\"" + std::to_string(pen.top + 6) +
                               "\" r=\"5\" fill=\"" + std::string(colour) + "\"/>"
                         : "<rect x=\"" + Num(x) + "\" y=\"" + std::to_string(pen.top) +
                               "\" width=\"14\" height=\"12\" fill=\"" + std::string(colour) +
                               "\"/>";
  std::string out = mark + Text(x + 19, pen.top + 10, words, "small");
  pen.x += width;
  return out;
}

std::string DrawLegend() {
  LegendPen pen;
  std::string out = LegendItem(pen, kBoutColour, TrC("report legend", "sitting"), false);
  out += LegendItem(pen, kPastLimitColour, TrC("report legend", "past the sit limit"), false);
  out += LegendItem(pen, kBreakColour, TrC("report legend", "break"), false);
  const std::string reminders = TrC("report legend", "Reminders:");
  MakeRoom(pen, LegendWidth(reminders) + 4);
  out += Text(pen.x, pen.top + 10, reminders, "small");
  pen.x += LegendWidth(reminders) + 4;
  for (const Outcome& o : kOutcomes) out += LegendItem(pen, o.colour, WordsOf(o), true);
  return out + "\n";
}

// The day in words, for screen readers.
std::string DescribeDay(const DayTimeline& day) {
  const DayTotals& t = day.day.totals;
  std::string out = Strftime(day.day.day_start, "%A %d %B") + ": ";
  if (t.bouts == 0) return out + Tr("no sitting recorded.");
  // TRANSLATORS: for screen readers: "sat 3 h 00 min in 2 bouts, longest
  // 2 h 00 min; 1 break"; %s are durations.
  out += FormatText(TrN("sat %s in %d bout", "sat %s in %d bouts", Count(t.bouts)),
                    HumanDuration(t.sitting).c_str(), t.bouts) +
         FormatText(Tr(", longest %s"), HumanDuration(t.longest_bout).c_str()) +
         FormatText(TrN("; %d break", "; %d breaks", Count(t.breaks)), t.breaks);
  if (t.standing > Duration::zero()) {
    out += FormatText(Tr("; stood %s"), HumanDuration(t.standing).c_str());
  }
  out += FormatText(TrN("; %d reminder", "; %d reminders", Count(t.reminders)), t.reminders);
  const std::array<std::pair<int, std::string>, 6> counts{
      {{t.done, WordsOf(kOutcomes[0])},
       {t.up_on_own, WordsOf(kOutcomes[1])},
       {t.snoozed, WordsOf(kOutcomes[2])},
       {t.skipped, WordsOf(kOutcomes[3])},
       {t.dismissed, WordsOf(kOutcomes[4])},
       {OpenReminders(t), TrC("report outcome", "open")}}};
  std::string parts;
  for (const auto& [n, words] : counts) {
    if (n > 0) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + words;
  }
  return out + (parts.empty() ? "" : " (" + parts + ")") + ".";
}

constexpr const char* kStyle =
    "<style>text{font-family:'DejaVu Sans',Verdana,sans-serif;font-size:13px;fill:#222}"
    ".title{font-size:18px;font-weight:bold}.day{font-weight:bold}.total{font-weight:bold}"
    ".small{font-size:11px;fill:#555}.grid{stroke:#d5d9e0;stroke-width:1}</style>\n";

}  // namespace

std::string ReportTitle(const std::vector<DayTimeline>& days) {
  if (days.empty()) return TrC("report title", "Sitting");
  if (days.size() == 1) return FormatText(Tr("Sitting, %s"), days.front().day.date.c_str());
  // TRANSLATORS: the report's title; %s are dates like 2026-11-18.
  return FormatText(Tr("Sitting, %s to %s"), days.front().day.date.c_str(),
                    days.back().day.date.c_str());
}

std::string RenderReportSvg(const std::vector<DayTimeline>& days) {
  Axis axis(days);
  int rows = static_cast<int>(days.size());
  int height = kTop + rows * kRow + 16;
  std::string title = ReportTitle(days);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(kWidth) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-labelledby=\"unsit-title unsit-desc\">\n";
  svg += "<title id=\"unsit-title\">" + title + "</title>\n<desc id=\"unsit-desc\">";
  for (const DayTimeline& day : days) svg += DescribeDay(day) + "\n";
  svg += "</desc>\n";
  svg += kStyle;
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  svg += Text(16, 30, title, "title");
  svg += DrawLegend();
  svg += DrawAxis(axis, rows);
  for (int i = 0; i < rows; ++i) svg += DrawDay(days[static_cast<size_t>(i)], axis, i);
  return svg + "</svg>\n";
}

std::string RenderReportHtml(const std::string& svg, const std::string& title) {
  // TRANSLATORS: the language code of this catalogue for the page's
  // <html lang>: de, fr, es.
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(TrC("html lang", "en")) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         title +
         "</title>\n<style>body{margin:1.5em;background:#fff;font-family:sans-serif}"
         "svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n" +
         svg + "<p>" +
         // TRANSLATORS: keep <code>unsit report</code> as it is (a command).
         Tr("Hover over a bar or a dot for its times. Written by <code>unsit report</code> "
            "from the history file.") +
         "</p>\n</body>\n</html>\n";
}

}  // namespace unsit::cli
