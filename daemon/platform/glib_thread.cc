#include "platform/glib_thread.h"

#include <glib.h>

#include <memory>

namespace unsit {
namespace {

gboolean RunPosted(gpointer data) {
  (*static_cast<std::function<void()>*>(data))();
  return G_SOURCE_REMOVE;
}

void DeletePosted(gpointer data) { delete static_cast<std::function<void()>*>(data); }

}  // namespace

GlibThread::~GlibThread() { Stop(); }

Status GlibThread::Start() {
  if (running()) return Ok{};
  context_ = global_default_ ? g_main_context_ref(g_main_context_default()) : g_main_context_new();
  loop_ = g_main_loop_new(context_, FALSE);
  thread_ = std::thread([this] {
    g_main_context_push_thread_default(context_);
    g_main_loop_run(loop_);
    g_main_context_pop_thread_default(context_);
  });
  return Ok{};
}

void GlibThread::Stop() {
  if (!running()) return;
  Post([loop = loop_] { g_main_loop_quit(loop); });
  thread_.join();
  g_main_loop_unref(loop_);
  g_main_context_unref(context_);
  loop_ = nullptr;
  context_ = nullptr;
}

void GlibThread::Post(std::function<void()> fn) {
  if (context_ == nullptr) return;
  auto* heap = new std::function<void()>(std::move(fn));
  g_main_context_invoke_full(context_, G_PRIORITY_DEFAULT, RunPosted, heap, DeletePosted);
}

}  // namespace unsit
