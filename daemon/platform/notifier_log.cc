#include "platform/notifier_log.h"

#include <utility>

namespace unsit {
namespace {

class LogNotifier final : public Notifier {
 public:
  LogNotifier(NotifierLogSink sink, std::string problem) : sink_(std::move(sink)) {
    info_.name = "log";
    info_.problem = std::move(problem);
  }

  std::string_view Name() const override { return "log"; }

  // Nothing on screen, so the user never acts through this notifier.
  void SetActionCallback(ActionCallback) override {}
  // What Info() says never changes.
  void SetStatusCallback(StatusCallback) override {}
  bool OnScreen() const override { return false; }

  void Show(const ReminderView& view) override {
    shown_ = true;
    Emit("reminder: " + view.summary + " — " + BodyFor(view, false));
  }

  void Close() override {
    if (!shown_) return;
    shown_ = false;
    Emit("reminder withdrawn");
  }

  NotifierInfo Info() const override { return info_; }

 private:
  void Emit(const std::string& line) {
    if (sink_) sink_(line);
  }

  NotifierLogSink sink_;
  NotifierInfo info_;
  bool shown_ = false;
};

}  // namespace

std::unique_ptr<Notifier> MakeLogNotifier(NotifierLogSink sink, std::string problem) {
  return std::make_unique<LogNotifier>(std::move(sink), std::move(problem));
}

}  // namespace unsit
