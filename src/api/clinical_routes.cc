// Assessments, portal questionnaires, plans (versions, revision, approval).
// Screening, scoring and planning are the core's; these routes only carry
// documents to and from the store. One named handler per route; the route
// table is at the end.
#include <algorithm>
#include <cctype>
#include <functional>

#include "api/api_support.h"
#include "api/assessment_corrections.h"
#include "api/audit_words.h"
#include "api/care_guard.h"
#include "api/referral_routes.h"
#include "api/treatment_response.h"
#include "codec/assessment_json.h"
#include "codec/client_text.h"
#include "codec/intake_json.h"
#include "codec/plan_edit_json.h"
#include "core/assessment.h"
#include "core/plan_review.h"
#include "core/utc_time.h"

namespace sciaticare::api {
namespace {

constexpr auto kClinicians = {Role::kAdmin, Role::kTherapist};
constexpr auto kCliniciansAndPatient = {Role::kAdmin, Role::kTherapist, Role::kPatient};

// The clearances an approval body carries: "clearances", a list of {kind, by,
// role, date}, one per kind; or the older single "clearance" {by, date}, which can
// stand only for a plan that needs one kind.
std::vector<GivenClearance> ReadClearances(const json& body,
                                           const std::vector<std::string>& kinds) {
  std::vector<GivenClearance> given;
  if (body.contains("clearances")) {
    const json& list = body["clearances"];
    if (!list.is_array() || list.empty() || list.size() > 10)
      Reject("clearances", "must be a list of 1–10 clearances {kind, by, role, date}");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "clearances[" + std::to_string(i) + "]";
      if (!list[i].is_object()) Reject(path, "must be an object {kind, by, role, date}");
      auto text = [&](const char* key, std::size_t max) {
        const json& v = list[i].contains(key) ? list[i][key] : json();
        if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > max)
          Reject(path + "." + key, "must be text of 1–" + std::to_string(max) + " characters");
        if (auto problem = ClientTextProblem(v.get<std::string>(), TextShape::kLine))
          Reject(path + "." + key, *problem);
        return v.get<std::string>();
      };
      GivenClearance clearance{text("kind", 40), text("by", 200), text("date", 10), ""};
      // Who gave it is recorded with their role when the client sends it.
      if (list[i].contains("role")) clearance.role = text("role", 100);
      if (!IsDate(clearance.date)) Reject(path + ".date", "must be a date like 2026-11-20");
      given.push_back(std::move(clearance));
    }
    return given;
  }
  if (kinds.empty()) return given;  // Screening no longer asks for any.
  if (kinds.size() > 1) {
    std::string all;
    for (const std::string& kind : kinds) all += (all.empty() ? "" : ", ") + kind;
    Reject("clearances", "this plan needs a separate clearance of each kind (" + all +
                             "): send one {kind, by, role, date} for each");
  }
  const json& clearance = Member(body, "clearance");
  if (!clearance.is_object()) Reject("clearance", "must be an object {by, date}");
  std::string by = StringField(clearance, "by", 200);
  std::string date = StringField(clearance, "date", 10);
  given.push_back({kinds[0], std::move(by), std::move(date), ""});
  return given;
}

// Parses an intake document; its field paths are given under `prefix`.
Intake ReadIntake(const json& doc, const std::string& prefix, const Knowledge& k) {
  Result<Intake> intake =
      ParseIntakeJson(doc.dump(-1, ' ', false, json::error_handler_t::replace), k);
  if (!intake) {
    const Error& e = intake.error();
    Reject(e.field == "input" ? prefix : prefix + "." + e.field, e.message);
  }
  return std::move(intake).value();
}

store::PlanRecord VisiblePlan(Api& api, const Caller& c, Id plan_id) {
  store::PlanRecord plan = Must(api.store().GetPlan(c.clinic(), plan_id));
  if (c.Is(Role::kPatient) &&
      (c.user.patient_id != plan.patient_id || plan.status != store::PlanStatus::kApproved)) {
    throw StoreStop{store::NotFound("id", "no such plan")};
  }
  return plan;
}

// When the patient's newest intake or reassessment was stored; empty when
// there is none (portal answers are no screening).
std::string PreviousScreeningTime(Api& api, Id clinic_id, Id patient_id) {
  const auto assessments = Must(api.store().ListAssessments(clinic_id, patient_id));
  for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
    if (it->kind != store::AssessmentKind::kPortal) return it->created_at;
  }
  return "";
}

json StoredJson(const std::string& text) {
  json v = json::parse(text, nullptr, false);
  return v.is_discarded() ? json::object() : v;
}

// POST /patients/{id}/assessments
http::Response CreateAssessment(Api& api, http::Request& req, const Caller& c) {
  const Knowledge& k = api.knowledge();
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  json body = ParseBody(req);
  // A correction goes through every door below like any assessment; it only
  // also names the one it corrects (assessment_corrections.h).
  const std::optional<PendingCorrection> correction = ReadCorrection(api, c, patient.id, body);
  std::string kind_name =
      StringField(body, "kind", 20, false,
                  correction ? std::string(store::ToString(correction->original.kind)) : "intake");
  auto kind = store::ParseAssessmentKind(kind_name);
  if (!kind || *kind == store::AssessmentKind::kPortal)
    Reject("kind", "must be intake or reassessment");
  Intake intake = ReadIntake(Member(body, "intake"), "intake", k);
  // Symptoms that spread during a treatment since the previous assessment
  // make this one's pain irritable; stored with it so the record says why
  // the plan is lighter. A correction keeps what its original found.
  if (!intake.symptoms_spread_in_treatment &&
      ((correction && correction->symptoms_had_spread) ||
       SymptomsSpreadSince(api, c.clinic(), patient.id,
                           PreviousScreeningTime(api, c.clinic(), patient.id)))) {
    intake.symptoms_spread_in_treatment = true;
    body["intake"]["symptoms_spread_in_treatment"] = true;
  }
  Assessment assessed = Assess(intake, k);
  json result = AssessmentToJson(assessed, k);

  store::Assessment record;
  record.clinic_id = c.clinic();
  record.patient_id = patient.id;
  record.kind = *kind;
  record.intake_json = body["intake"].dump();
  record.result_json = result.dump();
  record.triage = std::string(Name(assessed.screening.triage));
  record.knowledge_version = assessed.knowledge_version;
  record.created_by = c.user.id;
  record.created_at = api.Now();
  store::Assessment stored = Must(api.store().CreateAssessment(record));
  api.Audit(c, req, "create", "assessment", std::to_string(stored.id), patient.id,
            "screened: " + IdWords(record.triage));
  std::vector<store::AssessmentCorrection> corrections;
  if (correction) corrections.push_back(KeepCorrection(api, c, req, *correction, stored));
  // The intake draft it was typed in has served: discarded in the same unit
  // of work, so a restored draft never outlives its submitted assessment.
  if (Must(api.store().DiscardIntakeDraft(c.clinic(), patient.id))) {
    api.Audit(c, req, "delete", "intake_draft", std::to_string(patient.id), patient.id,
              "submitted as an assessment");
  }
  // A referring screening opens a referral record, which then
  // governs every later step until it is lifted (care_guard.h).
  json referral_json = nullptr;
  if (auto urgency = UrgencyOfTriage(record.triage)) {
    store::Referral referral;
    referral.patient_id = patient.id;
    referral.assessment_id = stored.id;
    referral.urgency = std::string(Name(*urgency));
    referral.flags_json = FlagsJson(assessed.screening, k).dump();
    for (const std::string& reason : assessed.screening.reasons)
      referral.findings += (referral.findings.empty() ? "" : " ") + reason;
    referral_json = ReferralJson(OpenReferral(api, c, req, std::move(referral)), k);
  }

  json plan_json = nullptr;
  if (assessed.plan) {
    store::PlanRecord plan;
    plan.clinic_id = c.clinic();
    plan.patient_id = patient.id;
    plan.assessment_id = stored.id;
    plan.plan_json = result["plan"].dump();
    plan.knowledge_version = assessed.knowledge_version;
    plan.created_by = c.user.id;
    plan.created_at = record.created_at;
    store::PlanRecord created = Must(api.store().CreatePlan(plan));
    api.Audit(c, req, "create", "plan", std::to_string(created.id), patient.id,
              "draft from assessment");
    plan_json = ToJson(created);
  }
  return JsonResponse(201, {{"assessment", WithCorrections(ToJson(stored), stored.id, corrections)},
                            {"plan", plan_json},
                            {"referral", referral_json}});
}

// GET /patients/{id}/assessments
// Clinicians only: an assessment's result holds the draft plan, which a
// patient sees only once it is approved (GET /plans, the chart).
http::Response ListAssessments(Api& api, http::Request& req, const Caller& c) {
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  const auto kind = QueryChoice(req, "kind", {"intake", "reassessment", "portal"});
  const store::PageRequest page = PagingOf(req, store::kMaxPageSize);
  auto list = Must(api.store().ListAssessments(c.clinic(), patient.id));
  const auto corrections = Must(api.store().ListAssessmentCorrections(c.clinic(), patient.id));
  api.Audit(c, req, "list", "assessment", "", patient.id);
  return JsonResponse(200, ListPage(
                               list, page,
                               [&](const store::Assessment& a) {
                                 return !kind || store::ToString(a.kind) == *kind;
                               },
                               [&](const store::Assessment& a) {
                                 return WithCorrections(ToJson(a), a.id, corrections);
                               }));
}

// POST /patients/{id}/questionnaires
// A patient answers questionnaires from the portal before a session; the
// scores join the chart like any assessment's.
http::Response RecordQuestionnaires(Api& api, http::Request& req, const Caller& c) {
  const Knowledge& k = api.knowledge();
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  json body = ParseBody(req);
  const json& answers = Member(body, "questionnaires");
  if (!answers.is_object() || answers.empty())
    Reject("questionnaires", "must name at least one questionnaire");
  // The intake's questionnaire reader, so the same field paths
  // ("questionnaires.odi[3]") and limits apply.
  Result<Questionnaires> parsed = ParseQuestionnairesJson(
      json({{"questionnaires", answers}}).dump(-1, ' ', false, json::error_handler_t::replace), k);
  if (!parsed) Reject(parsed.error().field, parsed.error().message);
  json result = {{"scores", ScoresToJson(ScoreQuestionnaires(parsed.value(), k))},
                 {"knowledge_version", k.version}};
  // Unknown keys are ignored by the intake reader; answers with
  // nothing it knows would store an empty record.
  if (result["scores"].empty()) {
    Reject("questionnaires",
           "must answer at least one of nrs_leg, nrs_back, odi, sbi, startback, rmdq");
  }
  store::Assessment record;
  record.clinic_id = c.clinic();
  record.patient_id = patient.id;
  record.kind = store::AssessmentKind::kPortal;
  record.triage = "not_screened";  // Answers only: no screening was done.
  record.intake_json = json({{"questionnaires", answers}}).dump();
  record.result_json = result.dump();
  record.knowledge_version = k.version;
  record.created_by = c.user.id;
  record.created_at = api.Now();
  store::Assessment stored = Must(api.store().CreateAssessment(record));
  api.Audit(c, req, "create", "questionnaire", std::to_string(stored.id), patient.id);
  return JsonResponse(201, ToJson(stored));
}

// GET /patients/{id}/plans
http::Response ListPlans(Api& api, http::Request& req, const Caller& c) {
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  const auto status = QueryChoice(req, "status", {"draft", "approved", "superseded"});
  const store::PageRequest page = PagingOf(req, store::kMaxPageSize);
  auto plans = Must(api.store().ListPlans(c.clinic(), patient.id));
  const PatientScreenings screenings = ReadScreenings(api, c.clinic(), patient.id);
  api.Audit(c, req, "list", "plan", "", patient.id);
  auto keep = [&](const store::PlanRecord& p) {
    // A patient sees only approved plans, whatever the filter.
    if (c.Is(Role::kPatient) && p.status != store::PlanStatus::kApproved) return false;
    return !status || store::ToString(p.status) == *status;
  };
  return JsonResponse(200, ListPage(plans, page, keep, [&](const store::PlanRecord& p) {
                        return PlanJson(p, screenings);
                      }));
}

// GET /plans/{id}
http::Response GetPlan(Api& api, http::Request& req, const Caller& c) {
  store::PlanRecord plan = VisiblePlan(api, c, PathId(req, "id"));
  const PatientScreenings screenings = ReadScreenings(api, c.clinic(), plan.patient_id);
  api.Audit(c, req, "read", "plan", std::to_string(plan.id), plan.patient_id);
  return WithEtag(JsonResponse(200, PlanJson(plan, screenings)), plan.version);
}

// POST /plans/{id}/revisions
// The therapist's edit becomes a new draft version, after the core has
// checked it against the screening of the assessment behind the plan.
http::Response RevisePlan(Api& api, http::Request& req, const Caller& c) {
  const Knowledge& k = api.knowledge();
  store::PlanRecord base = Must(api.store().GetPlan(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  if (expected != base.version)
    Reject("if-match", "the plan changed since you read it; reload it", 409);
  RequireStep(ReadScreenings(api, c.clinic(), base.patient_id), CareStep::kRevisePlan,
              base.assessment_id, "plan");
  json body = ParseBody(req);
  const json& edited_json = Member(body, "plan");
  json plan_json = StoredJson(base.plan_json);
  const json planned_sessions = plan_json.value("sessions", json::object());
  const int planned_minutes = planned_sessions.is_object()
                                  ? planned_sessions.value("minutes", k.session_minutes)
                                  : k.session_minutes;
  Result<Plan> edited = ParsePlanEdit(edited_json, k, planned_minutes);
  if (!edited) Reject("plan." + edited.error().field, edited.error().message);
  store::Assessment source = Must(api.store().GetAssessment(c.clinic(), base.assessment_id));
  Intake source_intake = ReadIntake(StoredJson(source.intake_json), "intake", k);
  source_intake.symptoms_spread_in_treatment |=
      SymptomsSpreadSince(api, c.clinic(), base.patient_id, source.created_at);
  Assessment screening = Assess(source_intake, k);
  std::vector<Error> problems = ReviewPlanEdit(edited.value(), screening.screening, k);
  if (!problems.empty()) {
    json list = json::array();
    for (const Error& e : problems)
      list.push_back({{"field", "plan." + e.field}, {"message", e.message}});
    return ProblemsResponse("plan." + problems[0].field, problems[0].message, list);
  }
  plan_json = ApplyPlanEdit(std::move(plan_json), edited.value(), screening.screening, k);
  if (body.contains("note")) plan_json["revision_note"] = StringField(body, "note", 2000, false);
  store::PlanRecord next;
  next.clinic_id = c.clinic();
  next.patient_id = base.patient_id;
  next.assessment_id = base.assessment_id;
  next.plan_json = plan_json.dump();
  next.knowledge_version = k.version;
  next.created_by = c.user.id;
  next.created_at = api.Now();
  store::PlanRecord created = Must(api.store().CreatePlan(next));
  api.Audit(c, req, "create", "plan", std::to_string(created.id), base.patient_id,
            "revision of the plan drafted " + ClinicTimeOf(api, c.clinic(), base.created_at));
  return WithEtag(JsonResponse(201, ToJson(created)), created.version);
}

// POST /plans/{id}/approve
// Approval: clearances the plan requires must be attached, and every cauda
// equina question must have been answered.
http::Response ApprovePlan(Api& api, http::Request& req, const Caller& c) {
  store::PlanRecord plan = Must(api.store().GetPlan(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  RequireStep(ReadScreenings(api, c.clinic(), plan.patient_id), CareStep::kApprovePlan,
              plan.assessment_id, "plan");
  // A draft made before symptoms spread at a session was never checked
  // against the irritable pain that followed; a revision made since was.
  if (SymptomsSpreadSince(api, c.clinic(), plan.patient_id, plan.created_at)) {
    Reject("plan",
           "symptoms spread down the leg at a session after this version was drafted: revise it "
           "(it will be held to the lighter limits) or reassess before approving",
           409);
  }
  json body = req.body.empty() ? json::object() : ParseBody(req);
  json plan_json = StoredJson(plan.plan_json);
  std::string detail = "approved";
  const json clearances = plan_json.value("clearances", json::array());
  const json blockers = plan_json.value("approval_blockers", json::array());
  for (const json& b : blockers) {
    if (b.is_string() && b.get<std::string>().rfind("Red-flag question", 0) == 0) {
      Reject("plan", b.get<std::string>() + " Record the answer in a new assessment first.", 409);
    }
  }
  if (!clearances.empty()) {
    // The kinds come from screening, so each is matched by name, never by count.
    const Knowledge& k = api.knowledge();
    store::Assessment source = Must(api.store().GetAssessment(c.clinic(), plan.assessment_id));
    const std::vector<std::string> kinds =
        Assess(ReadIntake(StoredJson(source.intake_json), "intake", k), k)
            .screening.constraints.clearance_kinds;
    const std::vector<GivenClearance> given = ReadClearances(body, kinds);
    std::vector<Error> problems = ReviewClearances(kinds, given);
    if (!problems.empty()) {
      json list = json::array();
      for (const Error& e : problems) list.push_back({{"field", e.field}, {"message", e.message}});
      return ProblemsResponse(problems[0].field, problems[0].message, list);
    }
    for (const GivenClearance& g : given)
      detail += "; " + IdWords(g.kind) + " clearance by " + g.by +
                (g.role.empty() ? "" : " (" + g.role + ")") + " dated " + g.date;
  }
  store::PlanRecord approved =
      Must(api.store().ApprovePlan(c.clinic(), plan.id, expected, c.user.id, api.Now()));
  api.Audit(c, req, "approve", "plan", std::to_string(plan.id), plan.patient_id, detail);
  return WithEtag(JsonResponse(200, ToJson(approved)), approved.version);
}

}  // namespace

void AddClinicalRoutes(http::Router& router, Api& api) {
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("POST", "/api/v1/patients/{id}/assessments",
             api.Guard(kClinicians, with(CreateAssessment)));
  router.Add("GET", "/api/v1/patients/{id}/assessments",
             api.Guard(kClinicians, with(ListAssessments)));
  router.Add("POST", "/api/v1/patients/{id}/questionnaires",
             api.Guard(kCliniciansAndPatient, with(RecordQuestionnaires)));
  router.Add("GET", "/api/v1/patients/{id}/plans",
             api.Guard(kCliniciansAndPatient, with(ListPlans)));
  router.Add("GET", "/api/v1/plans/{id}", api.Guard(kCliniciansAndPatient, with(GetPlan)));
  router.Add("POST", "/api/v1/plans/{id}/revisions", api.Guard(kClinicians, with(RevisePlan)));
  router.Add("POST", "/api/v1/plans/{id}/approve", api.Guard(kClinicians, with(ApprovePlan)));
}

}  // namespace sciaticare::api
