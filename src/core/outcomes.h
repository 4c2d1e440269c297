// Outcomes of a course of care, read from the measures recorded over time:
// how each measure changed from the first to the latest reading (improved, no
// meaningful change, or worse, by the minimal important change the knowledge
// gives each instrument), whether the patient responds (leg pain, the primary
// measure for sciatica, improved meaningfully and no measure got worse,
// docs/clinical-rules.md) and how
// long each session's relief lasted until the next session. Pure: readings
// come in oldest first, with times already turned into days.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "knowledge/knowledge.h"

namespace sciaticare {

// One value of one measure at one moment (days since any fixed origin).
struct Reading {
  double day = 0;
  double value = 0;
};

// Every reading of one instrument ("nrs_leg", "nrs_back", "odi"), oldest first.
struct MeasureSeries {
  std::string measure;
  std::vector<Reading> readings;
};

// Which way a measure moved, judged by its minimal important change (Ostelo 2008).
enum class ChangeDirection { kImproved, kNoMeaningfulChange, kWorse };
std::string_view Name(ChangeDirection d);

// IMMPACT (Dworkin 2008) tiers of pain reduction, for the 0-10 pain ratings.
enum class PainReduction { kNone, kModerate /* >= 30 % */, kSubstantial /* >= 50 % */ };
std::string_view Name(PainReduction r);

struct MeasureChange {
  std::string measure;
  double baseline = 0, latest = 0;
  double improvement = 0;         // baseline - latest: lower is better for every measure.
  std::optional<double> percent;  // Of the baseline; absent when the baseline is 0.
  bool meaningful = false;        // Improved by at least the minimal important change.
  ChangeDirection direction = ChangeDirection::kNoMeaningfulChange;
  std::optional<PainReduction> pain_reduction;  // Pain ratings with a baseline above 0 only.
  int readings = 0;
};

enum class ResponderStatus {
  kTooEarly,   // Leg pain, the primary measure, has not two readings yet and nothing is worse.
  kResponder,  // Leg pain improved meaningfully and no measure got worse.
  kNotYet,     // Leg pain repeated without a meaningful improvement, nothing worse.
  kWorse,      // At least one measure got worse by its minimal important change.
};
std::string_view Name(ResponderStatus s);

struct ResponderReading {
  ResponderStatus status = ResponderStatus::kTooEarly;
  std::vector<MeasureChange> measures;  // Measures with at least two readings.
  std::string explanation;
};

// Series of measures the knowledge has no minimal important change for are
// ignored (SBI has none). A worse measure is never hidden by a better one.
ResponderReading ReadResponder(const std::vector<MeasureSeries>& series, const Knowledge& k);

// Pain around one session, 0-10, as the session note recorded it.
struct SessionPain {
  double day = 0;
  std::optional<int> leg_before, leg_after, back_before, back_after;
};

enum class ReliefLasted {
  kNoRelief,  // Pain was not lower right after the session.
  kHeld,      // Pain before the next session was still meaningfully below pain before this one.
  kFaded,     // Pain was back (no meaningful difference) by the next session.
  kUnknown,   // No later session with a rating yet.
  kNotRated,  // The note has no before/after rating.
};
std::string_view Name(ReliefLasted r);

struct SessionRelief {
  std::string measure;                 // "nrs_leg" (preferred: sciatica is leg pain) or "nrs_back".
  std::optional<int> immediate;        // before - after of this session.
  std::optional<double> days_to_next;  // Until the next session with a rating.
  ReliefLasted lasted = ReliefLasted::kNotRated;
};

// One entry per session, in the order given.
std::vector<SessionRelief> ReadRelief(const std::vector<SessionPain>& sessions, const Knowledge& k);

}  // namespace sciaticare
