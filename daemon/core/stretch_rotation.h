#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"

namespace unsit {

// Where a rotation stands, to be kept across restarts: the ids shown in the
// current round, in order, and the id shown last (which may end the previous
// round).
struct RotationState {
  std::vector<std::string> shown;
  std::string last;

  bool operator==(const RotationState&) const = default;
};

// Chooses the stretch for each reminder. Within a round every eligible stretch is
// shown exactly once; then a new round begins, never with the stretch that ended
// the last one (when there are two or more). The order of a round is the
// catalogue order, or, given a seed, a shuffle that depends only on the seed and
// the round number (the same on every machine).
//
// An empty eligible list is replaced by a single built-in hip-flexor stretch
// (Fallback(), an id no catalogue entry uses), so Next() always has something to
// return. Entries with an id already seen are ignored.
class StretchRotation {
 public:
  // Only the fallback stretch, until Reconfigure() brings the real list.
  StretchRotation() : StretchRotation(std::vector<Stretch>{}) {}
  explicit StretchRotation(std::vector<Stretch> eligible,
                           std::optional<std::uint64_t> seed = std::nullopt);

  // The stretch to show now; advances the rotation. The reference stays valid
  // until the next call of Reconfigure() or the rotation's destruction.
  const Stretch& Next();

  // The stretch Next() would return, without advancing.
  const Stretch& Peek() const;

  // Adopts a new eligible list (after a config reload). The current round goes
  // on: stretches already shown in it stay shown, ones that left the list are
  // dropped, new ones join the rest of the round. A round with nothing left to
  // show starts afresh.
  void Reconfigure(std::vector<Stretch> eligible);

  // Where the rotation stands now.
  RotationState State() const { return RotationState{shown_, last_id_}; }

  // Continues from `state` (saved by an earlier run): the round goes on with the
  // eligible stretches it has not shown, in their usual order; ids no longer
  // eligible are dropped. With nothing left, a new round starts, not with
  // `state.last`.
  void Resume(const RotationState& state);

  // How many stretches take part (at least 1).
  std::size_t size() const { return eligible_.size(); }

  // The stretch used when nothing is eligible: a standing hip-flexor stretch.
  static Stretch Fallback();

 private:
  void Adopt(std::vector<Stretch> eligible);
  void StartRound();
  const Stretch& Find(const std::string& id) const;
  std::vector<std::string> RoundOrder(const std::vector<std::string>& ids);

  std::vector<Stretch> eligible_;
  std::optional<std::uint64_t> seed_;
  std::uint64_t round_ = 0;
  std::deque<std::string> pending_;  // ids still to show this round; never empty
  std::vector<std::string> shown_;   // ids shown this round
  std::string last_id_;              // the most recent Next(), to avoid a repeat
};

}  // namespace unsit
