#pragma once

// The picture of `unsit report`: history days drawn as a self-contained SVG
// (and an HTML page around it). Pure apart from the process time zone, which
// places instants on the local time-of-day axis.

#include <string>
#include <vector>

#include "storage/history_timeline.h"

namespace unsit::cli {

// One row per day (oldest at the top) on a shared time-of-day axis: the bouts
// (the part past the sit limit in another colour), the breaks below them and
// each reminder as a dot coloured by its outcome; the day's sitting total and
// longest bout beside the row. `<title>` and `<desc>` say the same in words
// for screen readers; every mark has a `<title>` of its own (its tooltip).
// No scripts, fonts or images from outside.
std::string RenderReportSvg(const std::vector<DayTimeline>& days);

// An HTML page that shows `svg` inline, titled `title`.
std::string RenderReportHtml(const std::string& svg, const std::string& title);

// "Sitting, 2026-11-27 to 2026-12-03" (one date for a single day).
std::string ReportTitle(const std::vector<DayTimeline>& days);

}  // namespace unsit::cli
