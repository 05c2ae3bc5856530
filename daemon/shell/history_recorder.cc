#include "shell/history_recorder.h"

#include <spdlog/spdlog.h>

#include <utility>

#include "core/error_codes.h"

namespace unsit {

HistoryRecorder::HistoryRecorder(Opener open, Opened opened)
    : open_(std::move(open)), opened_(std::move(opened)) {}

void HistoryRecorder::Open() {
  std::optional<Error> notice;
  auto opened = open_(&notice);
  if (notice) spdlog::warn("history: {}", notice->message);
  if (!opened.ok()) {
    bool was_retrying = retry_open_;
    retry_open_ = opened.error().code == errc::kHistoryIo;
    if (was_retrying && opened.error().message == open_problem_) return;
    open_problem_ = opened.error().message;
    spdlog::error("history: {}; reminders go on without a record{}", open_problem_,
                  retry_open_ ? " until it opens (tried again at the next change)" : "");
    return;
  }
  store_ = std::move(opened.value());
  if (retry_open_) spdlog::info("history: opened after all");
  retry_open_ = false;
  open_problem_.clear();
  spdlog::info("history: {}", store_->Path());
  if (opened_) opened_(*store_);
}

void HistoryRecorder::Record(const Now& now, const Decision& decision) {
  if (!store_ && retry_open_) Open();
  if (!store_) return;
  auto recorded = store_->Record(now, decision);
  if (recorded.ok()) {
    if (!write_problem_.empty()) spdlog::info("history: recording again");
    write_problem_.clear();
    return;
  }
  // Log a failure once, not at every transition while it lasts (a full disk).
  if (recorded.error().message != write_problem_) {
    write_problem_ = recorded.error().message;
    spdlog::error("history: {}", write_problem_);
  }
}

void HistoryRecorder::SaveRotation(const RotationState& state) {
  if (!store_) return;
  if (Status saved = store_->SaveRotation(state); !saved.ok()) {
    spdlog::warn("history: {}", saved.error().message);
  }
}

void HistoryRecorder::Close() {
  if (store_ && store_->Unwritten() > 0) {
    if (store_->WritePending().ok()) {
      spdlog::info("history: the records that waited are written");
    } else {
      spdlog::error("history: {} record(s) could not be written before exit and are lost",
                    store_->Unwritten());
    }
  }
  store_.reset();  // closes the database: everything is on disk from here
}

}  // namespace unsit
