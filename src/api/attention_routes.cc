// GET /api/v1/attention: the clinic's patients who need a clinician's
// attention today, with the reasons. The shell reads the whole clinic's
// records in one store snapshot (Store::ReadAttention: one query per record
// kind, not three reads per patient) into facts; core/attention decides.
// The facts of stored documents (intakes' results, approved plans) are parsed
// once per record and remembered (api/document_facts.h), so the store reads
// only the documents whose facts are not remembered yet.
#include <algorithm>
#include <functional>
#include <memory>
#include <unordered_map>

#include "api/api_support.h"
#include "api/audit_words.h"
#include "core/attention.h"
#include "core/care_governance.h"

namespace sciaticare::api {
namespace {

int SeverityRank(const std::string& s) {
  return s == "severe" ? 3 : s == "moderate" ? 2 : s == "mild" ? 1 : 0;
}

// The remembered facts of the documents the attention list reads, held for
// one request so that a table starting over meanwhile cannot lose them.
struct HeldFacts {
  std::unordered_map<Id, std::shared_ptr<const AssessmentFacts>> results;
  std::unordered_map<Id, std::shared_ptr<const PlanFacts>> plans;
};

// Asks the store only for the documents whose facts `api` does not remember,
// holding the others in `held`.
store::AttentionDocuments UnrememberedDocuments(Api& api, HeldFacts& held) {
  store::AttentionDocuments documents;
  documents.need_result = [&api, &held](Id id) {
    auto facts = api.facts().FindAssessment(id);
    if (!facts) return true;
    held.results.emplace(id, std::move(facts));
    return false;
  };
  documents.need_plan = [&api, &held](Id id) {
    auto facts = api.facts().FindPlan(id);
    if (!facts) return true;
    held.plans.emplace(id, std::move(facts));
    return false;
  };
  return documents;
}

// Each patient's facts from the clinic's records; a patient without records
// has none (and is not in the map).
std::unordered_map<Id, PatientFacts> FactsOf(Api& api, const store::AttentionRecords& records,
                                             const HeldFacts& held) {
  std::unordered_map<Id, PatientFacts> facts;
  // Assessments come oldest first within each patient, so the latest intake wins.
  for (const store::Assessment& a : records.assessments) {
    PatientFacts& f = facts[a.patient_id];
    f.latest_assessment_at = std::max(f.latest_assessment_at, a.created_at);
    if (a.kind != store::AssessmentKind::kIntake || a.created_at < f.intake_at) continue;
    f.intake_triage = a.triage;
    f.intake_at = a.created_at;
    f.legacy_intake = a.id;
    f.intake_red_flags.clear();
    // Read by the store unless held: only intakes' documents are read, so
    // only they may be remembered from the records.
    const auto held_result = held.results.find(a.id);
    const auto result = held_result != held.results.end()
                            ? held_result->second
                            : api.facts().Assessment(a.id, [&] { return a.result_json; });
    if (!result->readable) continue;
    f.intake_red_flags = result->red_flag_reasons;
    f.intake_leg_pain = result->leg_rating;
    f.intake_back_pain = result->back_rating;
  }

  // Referrals not closed, raised at any assessment or session; an intake that
  // referred before referrals were kept as records counts as one.
  std::unordered_map<Id, std::string> kind_of;  // Assessment id -> kind.
  for (const store::Assessment& a : records.assessments)
    kind_of[a.id] = std::string(store::ToString(a.kind));
  std::unordered_map<Id, bool> has_record;  // Assessment id -> referral recorded.
  for (const store::Referral& r : records.referrals) {
    if (!r.session_id && r.assessment_id) has_record[*r.assessment_id] = true;
    bool closed = false;
    for (const auto& e : r.events) closed = closed || e.kind == "closed";
    if (closed) continue;
    ReferralFacts rf;
    rf.urgency = r.urgency;
    rf.raised_at = r.opened_at;
    rf.raised_by = r.session_id ? "session" : kind_of[r.assessment_id.value_or(0)];
    const json flags = json::parse(r.flags_json, nullptr, false);
    if (flags.is_array()) {
      for (const json& f : flags)
        if (f.is_object()) rf.reasons.push_back(f.value("reason", ""));
    }
    facts[r.patient_id].open_referrals.push_back(std::move(rf));
  }
  for (auto& [patient, f] : facts) {
    if (!f.legacy_intake || has_record.count(*f.legacy_intake)) continue;
    if (auto u = UrgencyOfTriage(f.intake_triage)) {
      f.open_referrals.push_back(
          {std::string(Name(*u)), f.intake_at, "intake", f.intake_red_flags});
    }
  }

  std::unordered_map<Id, Id> approved_plan;  // By patient.
  for (const store::PlanRecord& plan : records.plans) {
    PatientFacts& f = facts[plan.patient_id];
    if (plan.status == store::PlanStatus::kDraft) ++f.draft_plans;
    if (plan.status != store::PlanStatus::kApproved) continue;
    approved_plan[plan.patient_id] = plan.id;
    const auto held_plan = held.plans.find(plan.id);
    const auto doc = held_plan != held.plans.end()
                         ? held_plan->second
                         : api.facts().Plan(plan.id, [&] { return plan.plan_json; });
    f.reassess_after_sessions.insert(f.reassess_after_sessions.end(),
                                     doc->reassess_after_sessions.begin(),
                                     doc->reassess_after_sessions.end());
  }

  // Sessions come oldest first within each patient.
  for (const store::AttentionSession& n : records.sessions) {
    SessionFacts s;
    s.occurred_at = n.occurred_at;
    s.recorded_at = n.created_at;
    s.leg_pain_before = n.leg_pain_before;
    s.back_pain_before = n.back_pain_before;
    const auto plan = approved_plan.find(n.patient_id);
    s.under_current_plan = plan != approved_plan.end() && n.plan_id == plan->second;
    const json events = json::parse(n.adverse_events_json, nullptr, false);
    if (events.is_array()) {
      s.adverse_events = static_cast<int>(events.size());
      for (const json& e : events) {
        const std::string severity = e.is_object() ? e.value("severity", "") : "";
        if (SeverityRank(severity) > SeverityRank(s.worst_severity)) s.worst_severity = severity;
      }
    }
    facts[n.patient_id].sessions.push_back(std::move(s));
  }
  return facts;
}

// GET /attention
http::Response ListAttention(Api& api, http::Request& req, const Caller& c) {
  AttentionRules rules;
  if (const InstrumentDef* nrs = api.knowledge().FindInstrument("nrs_leg");
      nrs && nrs->mic_absolute)
    rules.worse_by = *nrs->mic_absolute;
  const std::string now = api.Now();
  // Each patient's newest kMaxPageSize notes, as one page of them.
  HeldFacts held;
  const store::AttentionRecords records = Must(
      api.store().ReadAttention(c.clinic(), store::kMaxPageSize, UnrememberedDocuments(api, held)));
  const auto facts = FactsOf(api, records, held);
  const PatientFacts no_records;
  json items = json::array();
  std::vector<std::pair<int, std::size_t>> ranked;  // (rank, index in items).
  for (const store::Patient& p : records.patients) {
    const auto found = facts.find(p.id);
    const auto reasons =
        NeedsAttention(found == facts.end() ? no_records : found->second, now, rules);
    if (reasons.empty()) continue;
    json list = json::array();
    for (const auto& r : reasons) {
      json reason = {{"kind", Name(r.kind)}, {"text", r.text}};
      if (!r.urgency.empty()) reason["urgency"] = r.urgency;
      list.push_back(std::move(reason));
    }
    ranked.emplace_back(Rank(reasons.front()), items.size());
    items.push_back(
        {{"patient", {{"id", p.id}, {"given_name", p.given_name}, {"family_name", p.family_name}}},
         {"reasons", list}});
  }
  // Most pressing patient first; ties keep the patients' name order.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  json ordered = json::array();
  for (const auto& [rank, index] : ranked) ordered.push_back(std::move(items[index]));
  items = std::move(ordered);
  const auto checked = static_cast<std::int64_t>(records.patients.size());
  api.Audit(c, req, "list", "attention", "", std::nullopt,
            CountOf(static_cast<std::size_t>(checked), "patient") + " checked, " +
                std::to_string(items.size()) + " needing attention");
  return JsonResponse(200, {{"items", items}, {"patients_checked", checked}, {"at", now}});
}

}  // namespace

void AddAttentionRoutes(http::Router& router, Api& api) {
  router.Add(
      "GET", "/api/v1/attention",
      api.Guard({Role::kAdmin, Role::kTherapist}, std::bind_front(ListAttention, std::ref(api))));
}

}  // namespace sciaticare::api
