#include "report.h"

#include <fstream>
#include <iostream>

#include "client.h"
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
  std::cerr << "unsit: cannot write " << path << "\n";
  return false;
}

}  // namespace

int WriteReport(int days, const std::string& base) {
  std::string history = DefaultHistoryPath();
  auto now = ReadOfflineNow(history);
  auto timelines =
      now ? ReadTimelines(history, *now, days) : Result<std::vector<DayTimeline>>(now.error());
  if (!timelines) {
    std::cerr << "unsit: cannot read " << history << ": " << timelines.error().message << "\n";
    return kExitRefused;
  }
  std::string svg = RenderReportSvg(*timelines);
  std::string title = ReportTitle(*timelines);
  if (!WriteFile(base + ".svg", svg) || !WriteFile(base + ".html", RenderReportHtml(svg, title))) {
    return kExitRefused;
  }
  std::cout << "Wrote " << base << ".svg and " << base << ".html (" << title << ").\n";
  return kExitOk;
}

}  // namespace unsit::cli
