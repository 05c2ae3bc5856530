#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "core/result.h"
#include "platform/busy_source.h"

namespace unsit {

// A camera opened directly as a video4linux node (`video*` in `dir`: /dev for
// the daemon, a directory of plain files in tests) by a process of this user
// other than this one: a call. IN_OPEN and IN_CLOSE on the nodes (and nodes
// added to or removed from `dir`) are followed through inotify on the io
// thread; only when one comes, and once at Start, are this user's processes'
// open files in /proc read to see whether one holds a node. Nothing is polled.
// An error when `dir` holds no video node (no camera: the source is skipped).
Result<std::unique_ptr<BusySource>> MakeCameraBusySource(boost::asio::io_context& io,
                                                         const std::string& dir);

}  // namespace unsit
