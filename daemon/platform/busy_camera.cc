#include "platform/busy_camera.h"

#include <dirent.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "i18n/tr.h"
#include "i18n/words.h"

namespace unsit {
namespace {

bool IsVideoNode(std::string_view name) { return name.starts_with("video"); }

// The names in `dir` (all of them, "." and ".." left out).
std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  DIR* stream = opendir(dir.c_str());
  if (stream == nullptr) return names;
  while (const dirent* entry = readdir(stream)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  closedir(stream);
  return names;
}

// True when a process of this user other than this one has one of `nodes`
// (canonical paths) open.
bool HeldOpen(const std::set<std::string>& nodes) {
  if (nodes.empty()) return false;
  const uid_t uid = getuid();
  const std::string self = std::to_string(getpid());
  for (const std::string& pid : Entries("/proc")) {
    if (!std::isdigit(static_cast<unsigned char>(pid[0])) || pid == self) continue;
    const std::string proc = "/proc/" + pid;
    struct stat info {};
    if (stat(proc.c_str(), &info) != 0 || info.st_uid != uid) continue;
    for (const std::string& fd : Entries(proc + "/fd")) {
      std::array<char, PATH_MAX> target{};
      ssize_t length = readlink((proc + "/fd/" + fd).c_str(), target.data(), target.size() - 1);
      if (length > 0 && nodes.contains(std::string(target.data(), static_cast<size_t>(length)))) {
        return true;
      }
    }
  }
  return false;
}

class CameraSource : public BusySource {
 public:
  CameraSource(boost::asio::io_context& io, std::string dir, int inotify)
      : dir_(std::move(dir)), fd_(io, inotify) {}
  std::string_view Name() const override { return "camera"; }
  std::string_view Watches() const override { return TrNoop("cameras opened as /dev/video*"); }

  void Start(Callback callback) override {
    callback_ = std::move(callback);
    dir_watch_ = inotify_add_watch(fd_.native_handle(), dir_.c_str(), IN_CREATE | IN_DELETE);
    for (const std::string& name : Entries(dir_)) {
      if (IsVideoNode(name)) AddNode(name);
    }
    Check();
    Wait();
  }

 private:
  void AddNode(const std::string& name) {
    const std::string path = dir_ + "/" + name;
    char* canonical = realpath(path.c_str(), nullptr);
    if (canonical == nullptr) return;
    int watch = inotify_add_watch(fd_.native_handle(), path.c_str(), IN_OPEN | IN_CLOSE);
    if (watch >= 0) nodes_[watch] = canonical;
    free(canonical);
  }

  // Reads every queued event; looks in /proc once if any concerned a node.
  void Drain() {
    alignas(inotify_event) std::array<char, 4096> buffer{};
    bool changed = false;
    ssize_t length;
    while ((length = read(fd_.native_handle(), buffer.data(), buffer.size())) > 0) {
      for (ssize_t at = 0; at < length;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        if (event->wd == dir_watch_) {
          if ((event->mask & IN_CREATE) != 0 && event->len > 0 && IsVideoNode(event->name)) {
            AddNode(event->name);
          }
        } else if ((event->mask & IN_IGNORED) != 0) {
          nodes_.erase(event->wd);  // the node went away
        }
        changed = true;
      }
    }
    if (changed) Check();
  }

  // Asio's epoll registration is edge-triggered: look once after queueing.
  void Wait() {
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this, alive = std::weak_ptr<bool>(alive_)](boost::system::error_code error) {
                     if (error || !alive.lock()) return;
                     Drain();
                     Wait();
                   });
    pollfd probe{fd_.native_handle(), POLLIN, 0};
    if (poll(&probe, 1, 0) > 0) {
      boost::asio::post(fd_.get_executor(), [this, alive = std::weak_ptr<bool>(alive_)] {
        if (alive.lock()) Drain();
      });
    }
  }

  void Check() {
    std::set<std::string> paths;
    for (const auto& [watch, path] : nodes_) paths.insert(path);
    HoldReasons reasons;
    if (HeldOpen(paths)) reasons.Add(HoldReason::kCall);
    if (reported_ == reasons) return;
    reported_ = reasons;
    if (callback_) callback_(reasons);
  }

  std::string dir_;
  boost::asio::posix::stream_descriptor fd_;
  int dir_watch_ = -1;
  std::map<int, std::string> nodes_;  // inotify watch -> canonical path
  Callback callback_;
  std::optional<HoldReasons> reported_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // guards queued handlers
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeCameraBusySource(boost::asio::io_context& io,
                                                         const std::string& dir) {
  bool any = false;
  for (const std::string& name : Entries(dir)) any = any || IsVideoNode(name);
  if (!any) {
    // TRANSLATORS: %s is a directory (/dev); video* names its camera nodes.
    return ErrorWithText(errc::kUnavailable, TrNoop("no camera (no video* in %s)"), dir.c_str());
  }
  int inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify < 0) return Error{errc::kUnavailable, TrNoop("cannot watch the cameras (inotify)")};
  return std::unique_ptr<BusySource>(std::make_unique<CameraSource>(io, dir, inotify));
}

}  // namespace unsit
