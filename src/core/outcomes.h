// Outcomes of a course of care, read from the measures recorded over time:
// whether the patient responds (a meaningful change from the first to the
// latest reading of leg pain, back pain or Oswestry, by the minimal important
// change the knowledge gives each instrument, docs/clinical-rules.md) and how
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

struct MeasureChange {
  std::string measure;
  double baseline = 0, latest = 0;
  double improvement = 0;         // baseline - latest: lower is better for all three.
  std::optional<double> percent;  // Of the baseline; absent when the baseline is 0.
  bool meaningful = false;        // Reaches the instrument's minimal important change.
  int readings = 0;
};

enum class ResponderStatus {
  kTooEarly,   // No measure has two readings yet.
  kResponder,  // At least one measure changed meaningfully.
  kNotYet,     // Measures repeated, none changed meaningfully.
};
std::string_view Name(ResponderStatus s);

struct ResponderReading {
  ResponderStatus status = ResponderStatus::kTooEarly;
  std::vector<MeasureChange> measures;  // Measures with at least two readings.
  std::string explanation;
};

// Series of measures the knowledge has no minimal important change for are
// ignored (SBI has none).
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
