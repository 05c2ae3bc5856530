#include "report.h"

#include <fstream>
#include <iostream>

#include "client.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "offline.h"
#include "report_svg.h"
#include "storage/history_reader.h"

namespace unsit::cli {
namespace {

// Writes `text` to `path` whole; false (and a message) when it could not.
bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (out) return true;
  std::cerr << "unsit: " << FormatText(Tr("cannot write %s"), path.c_str()) << "\n";
  return false;
}

}  // namespace

int WriteReport(int days, const std::string& base) {
  std::string history = DefaultHistoryPath();
  auto now = ReadOfflineNow(history);
  auto timelines =
      now ? ReadTimelines(history, *now, days) : Result<std::vector<DayTimeline>>(now.error());
  if (!timelines) {
    std::cerr << "unsit: "
              << FormatText(Tr("cannot read %s: %s"), history.c_str(),
                            timelines.error().message.c_str())
              << "\n";
    return kExitRefused;
  }
  std::string svg = RenderReportSvg(*timelines);
  std::string title = ReportTitle(*timelines);
  if (!WriteFile(base + ".svg", svg) || !WriteFile(base + ".html", RenderReportHtml(svg, title))) {
    return kExitRefused;
  }
  // TRANSLATORS: the first two %s are the same path without its ending, the
  // last the report's title.
  std::cout << FormatText(Tr("Wrote %s.svg and %s.html (%s)."), base.c_str(), base.c_str(),
                          title.c_str())
            << "\n";
  return kExitOk;
}

}  // namespace unsit::cli
