#include "core/outcomes.h"

#include <algorithm>

namespace sciaticare {
namespace {

const InstrumentDef* Instrument(const Knowledge& k, const std::string& id) {
  auto it = std::find_if(k.instruments.begin(), k.instruments.end(),
                         [&](const InstrumentDef& d) { return d.id == id; });
  return it == k.instruments.end() ? nullptr : &*it;
}

bool IsPainRating(const std::string& measure) {
  return measure == "nrs_leg" || measure == "nrs_back";
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
  // Worse mirrors better: a rise of at least the same points or percentage.
  const double rise = -c.improvement;
  const bool worse_by_points = d.mic_absolute && rise >= *d.mic_absolute;
  const bool worse_by_percent =
      d.mic_percent && c.percent && rise > 0 && -*c.percent >= *d.mic_percent;
  c.direction = c.meaningful                          ? ChangeDirection::kImproved
                : worse_by_points || worse_by_percent ? ChangeDirection::kWorse
                                                      : ChangeDirection::kNoMeaningfulChange;
  if (IsPainRating(measure) && c.percent) {
    c.pain_reduction = *c.percent >= 50   ? PainReduction::kSubstantial
                       : *c.percent >= 30 ? PainReduction::kModerate
                                          : PainReduction::kNone;
  }
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
    case ResponderStatus::kWorse:
      return "worse";
  }
  return "too_early";
}

std::string_view Name(ChangeDirection d) {
  switch (d) {
    case ChangeDirection::kImproved:
      return "improved";
    case ChangeDirection::kNoMeaningfulChange:
      return "no_meaningful_change";
    case ChangeDirection::kWorse:
      return "worse";
  }
  return "no_meaningful_change";
}

std::string_view Name(PainReduction r) {
  switch (r) {
    case PainReduction::kNone:
      return "under_30_percent";
    case PainReduction::kModerate:
      return "at_least_30_percent";
    case PainReduction::kSubstantial:
      return "at_least_50_percent";
  }
  return "under_30_percent";
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
  const auto leg = std::find_if(out.measures.begin(), out.measures.end(),
                                [](const MeasureChange& c) { return c.measure == "nrs_leg"; });
  const bool worse =
      std::any_of(out.measures.begin(), out.measures.end(),
                  [](const MeasureChange& c) { return c.direction == ChangeDirection::kWorse; });
  // Leg pain is the primary outcome for sciatica (outcome-measures.md): a better
  // back or Oswestry score never makes a responder, and never hides a worse one.
  if (worse) {
    out.status = ResponderStatus::kWorse;
    std::string which;
    for (const MeasureChange& c : out.measures) {
      if (c.direction != ChangeDirection::kWorse) continue;
      if (!which.empty()) which += " and ";
      which += c.measure == "nrs_leg"    ? "leg pain"
               : c.measure == "nrs_back" ? "back pain"
               : c.measure == "odi"      ? "daily-life difficulty (Oswestry)"
                                         : "daily-life difficulty (Roland-Morris)";
    }
    out.explanation = "Worse since the first reading: " + which +
                      " went up by at least the amount that matters to patients.";
  } else if (leg == out.measures.end()) {
    out.status = ResponderStatus::kTooEarly;
    out.explanation =
        "Not enough repeated measures yet: leg pain needs a first and a later rating.";
  } else if (leg->meaningful) {
    out.status = ResponderStatus::kResponder;
    out.explanation =
        "Leg pain improved by at least the amount that matters to patients, and nothing got "
        "worse.";
  } else {
    out.status = ResponderStatus::kNotYet;
    out.explanation =
        "Leg pain has not improved by the amount that matters to patients yet; nothing got "
        "worse.";
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
