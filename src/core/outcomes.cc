#include "core/outcomes.h"

#include <algorithm>

namespace sciaticare {
namespace {

const InstrumentDef* Instrument(const Knowledge& k, const std::string& id) {
  auto it = std::find_if(k.instruments.begin(), k.instruments.end(),
                         [&](const InstrumentDef& d) { return d.id == id; });
  return it == k.instruments.end() ? nullptr : &*it;
}

bool HasMic(const InstrumentDef* d) { return d && (d->mic_absolute || d->mic_percent); }

// The one rule for "meaningful" (planning.json reassessment.responder): an
// improvement of at least the absolute or the percentage change.
MeasureChange Compare(const std::string& measure, double baseline, double latest,
                      const InstrumentDef& d) {
  MeasureChange c;
  c.measure = measure;
  c.baseline = baseline;
  c.latest = latest;
  c.improvement = baseline - latest;
  if (baseline > 0) c.percent = 100.0 * c.improvement / baseline;
  const bool by_points = d.mic_absolute && c.improvement >= *d.mic_absolute;
  const bool by_percent =
      d.mic_percent && c.percent && c.improvement > 0 && *c.percent >= *d.mic_percent;
  c.meaningful = by_points || by_percent;
  return c;
}

}  // namespace

std::string_view Name(ResponderStatus s) {
  switch (s) {
    case ResponderStatus::kTooEarly:
      return "too_early";
    case ResponderStatus::kResponder:
      return "responder";
    case ResponderStatus::kNotYet:
      return "not_yet";
  }
  return "too_early";
}

std::string_view Name(ReliefLasted r) {
  switch (r) {
    case ReliefLasted::kNoRelief:
      return "no_relief";
    case ReliefLasted::kHeld:
      return "held";
    case ReliefLasted::kFaded:
      return "faded";
    case ReliefLasted::kUnknown:
      return "unknown";
    case ReliefLasted::kNotRated:
      return "not_rated";
  }
  return "not_rated";
}

ResponderReading ReadResponder(const std::vector<MeasureSeries>& series, const Knowledge& k) {
  ResponderReading out;
  for (const MeasureSeries& s : series) {
    const InstrumentDef* d = Instrument(k, s.measure);
    if (!HasMic(d) || s.readings.size() < 2) continue;
    MeasureChange c = Compare(s.measure, s.readings.front().value, s.readings.back().value, *d);
    c.readings = static_cast<int>(s.readings.size());
    out.measures.push_back(c);
  }
  const bool any = std::any_of(out.measures.begin(), out.measures.end(),
                               [](const MeasureChange& c) { return c.meaningful; });
  if (out.measures.empty()) {
    out.status = ResponderStatus::kTooEarly;
    out.explanation =
        "Not enough repeated measures yet: a measure needs a first and a later reading.";
  } else if (any) {
    out.status = ResponderStatus::kResponder;
    out.explanation =
        "At least one measure improved by its minimal important change since the first reading.";
  } else {
    out.status = ResponderStatus::kNotYet;
    out.explanation =
        "No measure has improved by its minimal important change since the first reading.";
  }
  return out;
}

std::vector<SessionRelief> ReadRelief(const std::vector<SessionPain>& sessions,
                                      const Knowledge& k) {
  std::vector<SessionRelief> out;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const SessionPain& s = sessions[i];
    SessionRelief r;
    const bool leg = s.leg_before && s.leg_after;
    const bool back = s.back_before && s.back_after;
    if (!leg && !back) {
      out.push_back(r);
      continue;
    }
    r.measure = leg ? "nrs_leg" : "nrs_back";
    const int before = leg ? *s.leg_before : *s.back_before;
    const int after = leg ? *s.leg_after : *s.back_after;
    r.immediate = before - after;
    std::optional<int> next_before;
    for (std::size_t j = i + 1; j < sessions.size() && !next_before; ++j) {
      next_before = leg ? sessions[j].leg_before : sessions[j].back_before;
      if (next_before) r.days_to_next = sessions[j].day - s.day;
    }
    const InstrumentDef* d = Instrument(k, r.measure);
    if (*r.immediate <= 0) {
      r.lasted = ReliefLasted::kNoRelief;
    } else if (!next_before || !HasMic(d)) {
      r.lasted = ReliefLasted::kUnknown;
    } else {
      r.lasted = Compare(r.measure, before, *next_before, *d).meaningful ? ReliefLasted::kHeld
                                                                         : ReliefLasted::kFaded;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace sciaticare
