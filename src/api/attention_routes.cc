// GET /api/v1/attention: the clinic's patients who need a clinician's
// attention today, with the reasons. The shell reads each patient's stored
// records (assessments, plans, session notes: three reads a patient) into
// facts; core/attention decides.
#include <algorithm>

#include "api/api_support.h"
#include "core/attention.h"

namespace sciaticare::api {
namespace {

std::optional<int> OptionalRating(const json& scores, const char* key) {
  if (!scores.is_object() || !scores.contains(key) || !scores[key].is_number_integer())
    return std::nullopt;
  return scores[key].get<int>();
}

int SeverityRank(const std::string& s) {
  return s == "severe" ? 3 : s == "moderate" ? 2 : s == "mild" ? 1 : 0;
}

PatientFacts FactsOf(Api& api, Id clinic, Id patient) {
  PatientFacts f;
  for (const store::Assessment& a : Must(api.store().ListAssessments(clinic, patient))) {
    f.latest_assessment_at = std::max(f.latest_assessment_at, a.created_at);
    if (a.kind != store::AssessmentKind::kIntake || a.created_at < f.intake_at) continue;
    f.intake_triage = a.triage;
    f.intake_at = a.created_at;
    f.intake_red_flags.clear();
    const json result = json::parse(a.result_json, nullptr, false);
    if (!result.is_object()) continue;
    for (const json& flag : result.value("red_flags", json::array())) {
      if (flag.is_object() && flag.contains("reason") && flag["reason"].is_string())
        f.intake_red_flags.push_back(flag["reason"].get<std::string>());
    }
    const json scores = result.value("scores", json::object());
    f.intake_leg_pain = OptionalRating(scores, "nrs_leg");
    f.intake_back_pain = OptionalRating(scores, "nrs_back");
  }

  std::optional<Id> plan_id;
  for (const store::PlanRecord& plan : Must(api.store().ListPlans(clinic, patient))) {
    if (plan.status == store::PlanStatus::kDraft) ++f.draft_plans;
    if (plan.status != store::PlanStatus::kApproved) continue;
    plan_id = plan.id;
    const json doc = json::parse(plan.plan_json, nullptr, false);
    const json after =
        doc.is_object() && doc.contains("reassessment") && doc["reassessment"].is_object()
            ? doc["reassessment"].value("after_sessions", json::array())
            : json::array();
    for (const json& n : after) {
      if (n.is_number_integer()) f.reassess_after_sessions.push_back(n.get<int>());
    }
  }

  store::PageRequest all;
  all.limit = store::kMaxPageSize;
  for (const store::SessionNote& n :
       Must(api.store().ListSessionNotes(clinic, patient, all)).items) {
    SessionFacts s;
    s.occurred_at = n.occurred_at;
    s.recorded_at = n.created_at;
    s.leg_pain_before = n.leg_pain_before;
    s.back_pain_before = n.back_pain_before;
    s.under_current_plan = plan_id && n.plan_id == plan_id;
    const json events = json::parse(n.adverse_events_json, nullptr, false);
    if (events.is_array()) {
      s.adverse_events = static_cast<int>(events.size());
      for (const json& e : events) {
        const std::string severity = e.is_object() ? e.value("severity", "") : "";
        if (SeverityRank(severity) > SeverityRank(s.worst_severity)) s.worst_severity = severity;
      }
    }
    f.sessions.push_back(std::move(s));
  }
  std::reverse(f.sessions.begin(), f.sessions.end());  // The store lists newest first.
  return f;
}

}  // namespace

void AddAttentionRoutes(http::Router& router, Api& api) {
  router.Add(
      "GET", "/api/v1/attention",
      api.Guard({Role::kAdmin, Role::kTherapist}, [&api](http::Request& req, const Caller& c) {
        AttentionRules rules;
        if (const InstrumentDef* nrs = api.knowledge().FindInstrument("nrs_leg");
            nrs && nrs->mic_absolute)
          rules.worse_by = *nrs->mic_absolute;
        const std::string now = api.Now();
        json items = json::array();
        std::int64_t checked = 0;
        store::PatientQuery q;
        q.page.limit = store::kMaxPageSize;
        for (;;) {
          const auto page = Must(api.store().ListPatients(c.clinic(), q));
          for (const store::Patient& p : page.items) {
            ++checked;
            const auto reasons = NeedsAttention(FactsOf(api, c.clinic(), p.id), now, rules);
            if (reasons.empty()) continue;
            json list = json::array();
            for (const auto& r : reasons)
              list.push_back({{"kind", Name(r.kind)}, {"text", r.text}});
            items.push_back(
                {{"patient",
                  {{"id", p.id}, {"given_name", p.given_name}, {"family_name", p.family_name}}},
                 {"reasons", list}});
          }
          q.page.offset += static_cast<std::int64_t>(page.items.size());
          if (page.items.empty() || q.page.offset >= page.total) break;
        }
        api.Audit(
            c, req, "list", "attention", "", std::nullopt,
            "patients=" + std::to_string(checked) + " listed=" + std::to_string(items.size()));
        return JsonResponse(200, {{"items", items}, {"patients_checked", checked}, {"at", now}});
      }));
}

}  // namespace sciaticare::api
