// The chart's "outcomes" member: the core's responder reading and relief
// between sessions, fed from the rows the chart route already built. Leg and
// back pain series merge questionnaire ratings with the pain each session
// note recorded before treatment: both are "pain now, before any massage".
#include <algorithm>
#include <ctime>

#include "api/api_support.h"
#include "core/outcomes.h"

namespace sciaticare::api {
namespace {

double DayOf(const std::string& utc) {
  std::tm tm{};
  if (!strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
  return static_cast<double>(timegm(&tm)) / 86400.0;
}

void Add(MeasureSeries& s, double day, const json& v) {
  if (v.is_number()) s.readings.push_back({day, v.get<double>()});
}

json ChangeJson(const MeasureChange& c) {
  return {{"measure", c.measure},
          {"baseline", c.baseline},
          {"latest", c.latest},
          {"improvement", c.improvement},
          {"percent", c.percent ? json(*c.percent) : json(nullptr)},
          {"meaningful", c.meaningful},
          {"readings", c.readings}};
}

}  // namespace

json ChartOutcomes(const json& assessments, const std::vector<store::ChartSession>& sessions,
                   const Knowledge& k) {
  MeasureSeries leg{"nrs_leg", {}}, back{"nrs_back", {}}, odi{"odi", {}};
  for (const json& a : assessments) {
    const double day = DayOf(a.value("at", ""));
    const json& s = a["scores"];
    if (!s.is_object()) continue;
    if (s.contains("nrs_leg")) Add(leg, day, s["nrs_leg"]);
    if (s.contains("nrs_back")) Add(back, day, s["nrs_back"]);
    if (s.contains("odi") && s["odi"].is_object() && s["odi"].contains("percent"))
      Add(odi, day, s["odi"]["percent"]);
  }
  std::vector<SessionPain> pains;
  pains.reserve(sessions.size());
  for (const store::ChartSession& s : sessions) {
    const SessionPain p{DayOf(s.occurred_at), s.leg_pain_before, s.leg_pain_after,
                        s.back_pain_before, s.back_pain_after};
    if (p.leg_before) leg.readings.push_back({p.day, static_cast<double>(*p.leg_before)});
    if (p.back_before) back.readings.push_back({p.day, static_cast<double>(*p.back_before)});
    pains.push_back(p);
  }
  for (MeasureSeries* m : {&leg, &back, &odi}) {
    std::stable_sort(m->readings.begin(), m->readings.end(),
                     [](const Reading& a, const Reading& b) { return a.day < b.day; });
  }
  ResponderReading responder = ReadResponder({leg, back, odi}, k);
  json changes = json::array();
  for (const MeasureChange& c : responder.measures) changes.push_back(ChangeJson(c));

  std::vector<SessionRelief> relief = ReadRelief(pains, k);
  json relief_rows = json::array();
  for (std::size_t i = 0; i < relief.size(); ++i) {
    const SessionRelief& r = relief[i];
    relief_rows.push_back({{"session_id", sessions[i].id},
                           {"measure", r.measure.empty() ? json(nullptr) : json(r.measure)},
                           {"immediate", r.immediate ? json(*r.immediate) : json(nullptr)},
                           {"days_to_next", r.days_to_next ? json(*r.days_to_next) : json(nullptr)},
                           {"lasted", Name(r.lasted)}});
  }
  // Moved into place: braces would copy every row.
  json reading = json::object();
  reading["status"] = Name(responder.status);
  reading["explanation"] = std::move(responder.explanation);
  reading["measures"] = std::move(changes);
  json out = json::object();
  out["responder"] = std::move(reading);
  out["relief"] = std::move(relief_rows);
  return out;
}

}  // namespace sciaticare::api
