// The chart's outcomes: the core's responder reading and relief between
// sessions. Leg and back pain series merge questionnaire ratings with the
// pain each session note recorded before treatment: both are "pain now,
// before any massage".
#include <algorithm>

#include "api/chart_document.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

double DayOf(const std::string& utc) {
  return static_cast<double>(UtcSeconds(utc).value_or(0)) / 86400.0;
}

void Add(MeasureSeries& s, double day, const std::optional<double>& v) {
  if (v) s.readings.push_back({day, *v});
}

}  // namespace

ChartOutcomes ReadChartOutcomes(const std::vector<store::Assessment>& assessments,
                                const std::vector<std::shared_ptr<const AssessmentFacts>>& facts,
                                const std::vector<const store::ChartSession*>& sessions,
                                const Knowledge& k) {
  MeasureSeries leg{"nrs_leg", {}}, back{"nrs_back", {}}, odi{"odi", {}}, rmdq{"rmdq", {}};
  for (std::size_t i = 0; i < assessments.size() && i < facts.size(); ++i) {
    const double day = DayOf(assessments[i].created_at);
    Add(leg, day, facts[i]->nrs_leg);
    Add(back, day, facts[i]->nrs_back);
    Add(odi, day, facts[i]->odi_percent);
    Add(rmdq, day, facts[i]->rmdq_total);
  }
  std::vector<SessionPain> pains;
  pains.reserve(sessions.size());
  for (const store::ChartSession* session : sessions) {
    const store::ChartSession& s = *session;
    const SessionPain p{DayOf(s.occurred_at), s.leg_pain_before, s.leg_pain_after,
                        s.back_pain_before, s.back_pain_after};
    if (p.leg_before) leg.readings.push_back({p.day, static_cast<double>(*p.leg_before)});
    if (p.back_before) back.readings.push_back({p.day, static_cast<double>(*p.back_before)});
    pains.push_back(p);
  }
  for (MeasureSeries* m : {&leg, &back, &odi, &rmdq}) {
    std::stable_sort(m->readings.begin(), m->readings.end(),
                     [](const Reading& a, const Reading& b) { return a.day < b.day; });
  }
  return {ReadResponder({leg, back, odi, rmdq}, k), ReadRelief(pains, k)};
}

}  // namespace sciaticare::api
