#include "config/yaml_guard.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <unordered_map>
#include <vector>

namespace unsit::config_internal {
namespace {

// Thrown through yaml-cpp's parser (which is exception safe) to stop it as soon
// as the bound is passed; caught in CheckYamlShape.
struct TooMany {
  bool by_alias;
  YAML::Mark mark;
};

// Counts values as they would be after alias expansion and throws TooMany once
// the bound is passed.
class ValueCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& /*mark*/) override {
    first_mark_.reset();
    document_values_ = 0;
    only_null_ = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Note(mark);
    Add(1, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Note(mark);
    const auto found = anchored_.find(anchor);
    const std::size_t size = found == anchored_.end() ? 1 : found->second;
    if (size > 1) last_alias_ = mark;
    only_null_ = false;
    Add(size, YAML::NullAnchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    Note(mark);
    only_null_ = false;
    Add(1, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

  // The mark of the document's first event; nullopt for a document without one.
  const std::optional<YAML::Mark>& first_mark() const { return first_mark_; }
  bool has_content() const { return document_values_ > 0 && !only_null_; }

 private:
  struct Collection {
    std::size_t values;
    YAML::anchor_t anchor;
  };

  void Note(const YAML::Mark& mark) {
    if (!first_mark_) first_mark_ = mark;
  }
  void Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Note(mark);
    only_null_ = false;
    open_.push_back({1, anchor});
  }
  void Close() {
    if (open_.empty()) return;
    const Collection done = open_.back();
    open_.pop_back();
    Add(done.values, done.anchor, /*counted=*/true);
  }
  // Adds `values` to the enclosing collection (or the document) and records an
  // anchored value's size. `counted` values were counted when they were opened.
  void Add(std::size_t values, YAML::anchor_t anchor, bool counted = false) {
    if (anchor != YAML::NullAnchor) anchored_[anchor] = values;
    if (!counted) total_ += values;
    if (!open_.empty()) {
      open_.back().values += values;
    } else {
      document_values_ += values;
    }
    if (total_ > kMaxYamlValues) {
      throw TooMany{last_alias_.has_value(), last_alias_ ? *last_alias_ : *first_mark_};
    }
  }

  std::vector<Collection> open_;
  std::unordered_map<YAML::anchor_t, std::size_t> anchored_;
  std::size_t total_ = 0;
  std::size_t document_values_ = 0;
  bool only_null_ = true;
  std::optional<YAML::Mark> first_mark_;
  std::optional<YAML::Mark> last_alias_;
};

std::string Unexpected(std::string_view text, const YAML::Mark& mark) {
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) return "unexpected text";
  const unsigned char c = static_cast<unsigned char>(text[static_cast<std::size_t>(mark.pos)]);
  if (c < 0x20 || c >= 0x7f) return "unexpected byte";
  return std::string("unexpected \"") + static_cast<char>(c) + "\"";
}

}  // namespace

std::optional<YamlRefusal> CheckYamlShape(std::string_view text) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  ValueCounter counter;
  bool seen_content = false;
  std::optional<YAML::Mark> previous_start;
  while (true) {
    try {
      if (!parser.HandleNextDocument(counter)) break;
    } catch (const TooMany& too_many) {
      const std::string bound = std::to_string(kMaxYamlValues);
      if (too_many.by_alias) {
        return YamlRefusal{too_many.mark, "aliases expand the file to too many values",
                           "expected at most " + bound + " values after expansion"};
      }
      return YamlRefusal{too_many.mark, "the file holds too many values",
                         "expected at most " + bound + " values"};
    }
    const std::optional<YAML::Mark>& start = counter.first_mark();
    // yaml-cpp 0.7 hands out an empty document for a token it cannot place,
    // again and again without moving on: a document that starts where the last
    // one did is that token.
    if (start && previous_start && start->pos <= previous_start->pos) {
      return YamlRefusal{*start, "malformed YAML (" + Unexpected(text, *start) + ")",
                         "expected well-formed YAML: check the indentation, colons and quotes"};
    }
    if (start) previous_start = start;
    if (counter.has_content()) {
      if (seen_content) {
        return YamlRefusal{*start, "a second YAML document begins here",
                           "expected a single document"};
      }
      seen_content = true;
    }
  }
  return std::nullopt;
}

}  // namespace unsit::config_internal
