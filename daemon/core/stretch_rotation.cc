#include "core/stretch_rotation.h"

#include <algorithm>
#include <utility>

namespace unsit {
namespace {

// SplitMix64: tiny, fully specified, so a seeded order is the same everywhere
// (std::shuffle's use of its generator is left to the library).
std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

StretchRotation::StretchRotation(std::vector<Stretch> eligible, std::optional<std::uint64_t> seed)
    : seed_(seed) {
  Adopt(std::move(eligible));
  StartRound();
}

Stretch StretchRotation::Fallback() {
  Stretch stretch;
  stretch.id = "fallback-hip-stretch";
  stretch.name = "Hip-flexor stretch";
  stretch.where = StretchPlace::kStanding;
  stretch.kind = StretchKind::kStretch;
  stretch.minutes = 2;
  stretch.steps = {"Stand beside a desk or wall with one hand on it for balance.",
                   "Step one foot a long stride forward and bend that knee a little.",
                   "Tuck the pelvis under until you feel a mild stretch at the front of the back "
                   "hip; hold about 30 seconds.",
                   "Step back and change sides."};
  stretch.cue =
      "Long step forward, pelvis tucked under, feel the front of the back hip; 30 s a side.";
  stretch.caution = "A mild pull only; stop if anything hurts.";
  return stretch;
}

const Stretch& StretchRotation::Next() {
  const std::string id = pending_.front();
  pending_.pop_front();
  shown_.push_back(id);
  last_id_ = id;
  if (pending_.empty()) StartRound();
  return Find(id);
}

const Stretch& StretchRotation::Peek() const { return Find(pending_.front()); }

void StretchRotation::Reconfigure(std::vector<Stretch> eligible) {
  Adopt(std::move(eligible));
  std::vector<std::string> ids;
  for (const Stretch& s : eligible_) ids.push_back(s.id);

  std::erase_if(shown_, [&ids](const std::string& id) { return !Contains(ids, id); });
  std::erase_if(pending_, [&ids](const std::string& id) { return !Contains(ids, id); });
  std::vector<std::string> joining;
  for (const std::string& id : ids) {
    if (!Contains(shown_, id) &&
        std::find(pending_.begin(), pending_.end(), id) == pending_.end()) {
      joining.push_back(id);
    }
  }
  for (std::string& id : RoundOrder(joining)) pending_.push_back(std::move(id));
  if (pending_.empty()) StartRound();
}

void StretchRotation::Resume(const RotationState& state) {
  last_id_ = state.last;
  shown_.clear();
  for (const std::string& id : state.shown) {
    const bool eligible = std::any_of(eligible_.begin(), eligible_.end(),
                                      [&id](const Stretch& s) { return s.id == id; });
    if (eligible && !Contains(shown_, id)) shown_.push_back(id);
  }
  std::vector<std::string> rest;
  for (const Stretch& s : eligible_) {
    if (!Contains(shown_, s.id)) rest.push_back(s.id);
  }
  std::vector<std::string> order = RoundOrder(rest);
  pending_.assign(order.begin(), order.end());
  if (pending_.empty()) StartRound();
}

void StretchRotation::Adopt(std::vector<Stretch> eligible) {
  eligible_.clear();
  for (Stretch& s : eligible) {
    const bool seen = std::any_of(eligible_.begin(), eligible_.end(),
                                  [&s](const Stretch& kept) { return kept.id == s.id; });
    if (!seen) eligible_.push_back(std::move(s));
  }
  if (eligible_.empty()) eligible_.push_back(Fallback());
}

void StretchRotation::StartRound() {
  ++round_;
  shown_.clear();
  std::vector<std::string> ids;
  for (const Stretch& s : eligible_) ids.push_back(s.id);
  std::vector<std::string> order = RoundOrder(ids);
  if (order.size() >= 2 && order.front() == last_id_) std::swap(order.front(), order.back());
  pending_.assign(order.begin(), order.end());
}

std::vector<std::string> StretchRotation::RoundOrder(const std::vector<std::string>& ids) {
  std::vector<std::string> order = ids;
  if (!seed_ || order.size() < 2) return order;
  std::uint64_t state = *seed_ ^ (round_ * 0xD1B54A32D192ED03ULL);
  for (std::size_t i = order.size() - 1; i > 0; --i) {  // Fisher-Yates
    const auto j = static_cast<std::size_t>(SplitMix64(state) % (i + 1));
    std::swap(order[i], order[j]);
  }
  return order;
}

const Stretch& StretchRotation::Find(const std::string& id) const {
  for (const Stretch& s : eligible_) {
    if (s.id == id) return s;
  }
  return eligible_.front();  // unreachable: pending_ holds only ids of eligible_
}

}  // namespace unsit
