// Session notes (SOAP, pain before and after, techniques by region, oils,
// adverse events), the patient chart and the patient's home programme. One
// named handler per route; the route table is at the end.
#include <functional>

#include "api/api_support.h"
#include "api/care_guard.h"
#include "api/chart_document.h"
#include "api/consent_guard.h"
#include "api/note_record.h"
#include "api/note_techniques.h"
#include "api/referral_routes.h"
#include "api/session_deviations.h"
#include "api/session_screening.h"
#include "core/vocabulary.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

constexpr auto kClinicians = {Role::kAdmin, Role::kTherapist};
constexpr auto kCliniciansAndPatient = {Role::kAdmin, Role::kTherapist, Role::kPatient};

json ReadAdverseEvents(const json& body) {
  if (!body.contains("adverse_events") || body["adverse_events"].is_null()) return json::array();
  const json& list = body["adverse_events"];
  if (!list.is_array() || list.size() > 20)
    Reject("adverse_events", "must be a list of at most 20 entries");
  json out = json::array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "adverse_events[" + std::to_string(i) + "]";
    const json& e = list[i];
    if (!e.is_object()) Reject(path, "must be an object");
    std::string kind =
        e.contains("kind") && e["kind"].is_string() ? e["kind"].get<std::string>() : "";
    if (kind.empty() || kind.size() > 60)
      Reject(path + ".kind", "is required (e.g. soreness, bruising, symptom_peripheralisation)");
    kind = CheckedText(std::move(kind), path + ".kind", TextShape::kLine);
    std::string severity =
        e.contains("severity") && e["severity"].is_string() ? e["severity"].get<std::string>() : "";
    if (severity != "mild" && severity != "moderate" && severity != "severe") {
      Reject(path + ".severity", "must be mild, moderate or severe");
    }
    std::string note =
        e.contains("note") && e["note"].is_string() ? e["note"].get<std::string>() : "";
    if (note.size() > 2000) Reject(path + ".note", "must be at most 2000 characters");
    note = CheckedText(std::move(note), path + ".note", TextShape::kFreeText);
    out.push_back({{"kind", kind}, {"severity", severity}, {"note", note}});
  }
  return out;
}

}  // namespace

void ReadNote(const json& body, const Knowledge& k, store::SessionNote& n) {
  if (body.contains("plan_id") && !body["plan_id"].is_null()) {
    if (!body["plan_id"].is_number_integer() || body["plan_id"].get<long long>() <= 0)
      Reject("plan_id", "must be a plan id");
    n.plan_id = body["plan_id"].get<Id>();
  } else {
    n.plan_id.reset();
  }
  n.occurred_at = StringField(body, "occurred_at", 20);
  n.subjective = StringField(body, "subjective", 8000, false);
  n.objective = StringField(body, "objective", 8000, false);
  n.assessment = StringField(body, "assessment", 8000, false);
  n.plan_text = StringField(body, "plan_text", 8000, false);
  n.leg_pain_before = OptionalInt(body, "leg_pain_before", 0, 10);
  n.leg_pain_after = OptionalInt(body, "leg_pain_after", 0, 10);
  n.back_pain_before = OptionalInt(body, "back_pain_before", 0, 10);
  n.back_pain_after = OptionalInt(body, "back_pain_after", 0, 10);
  n.techniques_json = ReadTechniques(body, k).dump();
  if (body.contains("oils_used") && !body["oils_used"].is_boolean())
    Reject("oils_used", "must be true or false");
  n.oils_used = body.value("oils_used", false);
  n.adverse_events_json = ReadAdverseEvents(body).dump();
  // The red-flag check is kept as answered, "No" answers too: the record
  // shows the questions were asked at this visit.
  const json checked = SessionRedFlagAnswers(body, k);
  n.red_flags_json = checked.empty() ? "" : checked.dump();
}

namespace {

// What the portal shows instead of exercises while a referral stands: what
// to do for the latest open referral, in the patient's words; "today" when
// the knowledge's advice for it is the same-day one (ReferralAdvice).
json WithdrawnProgramme(const store::PlanRecord& plan, const PatientScreenings& screenings,
                        const CareVerdict& verdict, const Knowledge& k) {
  std::string urgency = "routine_gp";
  bool same_day = false;
  const UrgencyInfo& urgent = k.urgencies[static_cast<std::size_t>(Urgency::kUrgent)];
  for (const store::Referral& r : screenings.referrals) {
    if (StateOf(r).closed) continue;
    urgency = r.urgency;
    same_day = urgency == "urgent" && !urgent.same_day_action.empty() &&
               ReferralAdvice(r, k) == urgent.same_day_action;
  }
  const std::string advice =
      urgency == "emergency"
          ? "Go to a hospital emergency department now, as your therapist advised."
      : same_day ? "See a doctor today, at a same-day GP appointment or an urgent care service, "
                   "as your therapist advised. Do not leave it until tomorrow."
      : urgency == "urgent"
          ? "Speak to your GP or an urgent care service today or tomorrow, as your therapist "
            "advised."
          : "Book a review with your GP, as your therapist advised, and bring their advice back.";
  return {{"plan_id", plan.id},
          {"withdrawn", true},
          {"status", "suspended"},
          {"suspended_by", verdict.governed_by},
          {"urgency", urgency},
          {"message",
           "Your home programme is paused: your therapist has referred you to a "
           "doctor. " +
               advice +
               " Do not do the home exercises until a doctor has seen you and your "
               "therapist has reassessed you."}};
}

}  // namespace

// Stops with 409 at "techniques" when the patient's latest screening
// refuses hands-on work (or the plan the note names is suspended), or their
// consent in force does not cover a region worked (consent_guard.h). Every
// note path that records hands-on work comes through here.
void RequireWorkAllowed(Api& api, const Caller& c, const store::SessionNote& note,
                        PatientCareRecords& care) {
  std::optional<Id> plan_assessment;
  if (note.plan_id) {
    auto plan = api.store().GetPlan(c.clinic(), *note.plan_id);
    // A plan of another patient or clinic is refused by the store later.
    if (plan.ok() && plan.value().patient_id == note.patient_id &&
        plan.value().status == store::PlanStatus::kApproved)
      plan_assessment = plan.value().assessment_id;
  }
  const store::CareRecords& records = care.Get();
  RequireStep(ScreeningsOf(records.assessments, records.referrals, records.clinic_time_zone),
              CareStep::kRecordWork, plan_assessment, "techniques");
  RequireConsentForWork(records.consents, api.knowledge(), note.techniques_json, "techniques");
}

namespace {

// POST /patients/{id}/sessions
http::Response CreateNote(Api& api, http::Request& req, const Caller& c) {
  const Id patient_id = PathId(req, "id");
  api.CheckOwnRecord(c, patient_id);
  // The patient comes with the care records every check below reads: one
  // batch read (one round trip on PostgreSQL) rather than a read of its own.
  PatientCareRecords care(api, c, patient_id);
  const store::Patient& patient = care.Get().patient;
  json body = ParseBody(req);
  store::SessionNote note;
  note.clinic_id = c.clinic();
  note.patient_id = patient.id;
  note.therapist_id = c.user.id;
  ReadNote(body, api.knowledge(), note);
  const bool sign_now = ReadSignNow(body);
  // The visit and any red flag found at it may always be recorded;
  // hands-on work only when the latest screening before it allows.
  if (note.techniques_json != "[]") RequireWorkAllowed(api, c, note, care);
  std::optional<store::Referral> raised = ScreenSessionRedFlags(api, c, patient.id, body);
  if (auto refusal = ReviewDeviations(api, c, body, note, care)) return *refusal;
  note.created_at = api.Now();
  if (sign_now) {
    note.status = "signed";
    note.signed_by = c.user.id;
    note.signed_at = note.created_at;
  }
  if (raised) {
    // Rare, so stored directly: the note, then the referral it opens.
    store::SessionNote created = Must(api.store().CreateSessionNote(note));
    api.Audit(c, req, "create", "session", std::to_string(created.id), patient.id,
              DeviationAuditDetail(created) + (DeviationAuditDetail(created).empty() ? "" : "; ") +
                  "red flag raised at the session");
    raised->session_id = created.id;
    store::Referral referral = OpenReferral(api, c, req, std::move(*raised));
    json out = ToJson(created);
    out["referral"] = ReferralJson(referral, api.knowledge());
    http::Response r = WithEtag(JsonResponse(201, out), created.version);
    r.headers["Location"] = "/api/v1/sessions/" + std::to_string(created.id);
    return r;
  }
  // Stored by the group commit as one unit with its audit entry and the
  // answer kept under the request's Idempotency-Key: the answer waits,
  // without a thread, until all three are on disk together.
  store::AuditEntry audit =
      api.AuditEntryFor(c, req, "create", "session", "", patient.id, DeviationAuditDetail(note));
  http::Request parts;  // What AnswerToFailedWrite reads, kept for later.
  parts.method = req.method;
  parts.path = req.path;
  parts.remote_addr = req.remote_addr;
  auto answer = std::make_shared<http::Response>();
  http::Response held;
  held.defer = [&api, c, parts, note, audit, answer](http::Response::Send send) {
    auto also = [&api, c, answer](const store::SessionNote& created) mutable {
      *answer = WithEtag(JsonResponse(201, ToJson(created)), created.version);
      answer->headers["Location"] = "/api/v1/sessions/" + std::to_string(created.id);
      return api.KeepAnswer(c, *answer);
    };
    api.store().CreateSessionNoteAsync(
        note, audit, std::move(also),
        [&api, c, parts, answer,
         send = std::move(send)](store::StoreResult<store::SessionNote> stored) mutable {
          // A note naming another clinic's plan is refused here with a
          // 404, which Api::Guard audits as it does every refusal.
          if (stored.ok()) return send(std::move(*answer));
          // A concurrent retry's kept answer is an access too:
          // its "replay" entry is durable before it is sent.
          http::Response failed = api.AnswerToFailedWrite(c, parts, stored.error());
          std::vector<store::AuditEntry> entries = std::move(*c.audits);
          c.audits->clear();
          http::Response r = api.AfterAudits(std::move(entries), std::move(failed));
          if (!r.defer) return send(std::move(r));
          r.defer(std::move(send));
        });
  };
  return held;
}

// GET /patients/{id}/sessions
// Clinicians only, like GET /sessions/{id}: the notes are the therapist's
// working record; a patient sees their pain ratings in the chart.
http::Response ListNotes(Api& api, http::Request& req, const Caller& c) {
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  const store::PageRequest paging = PagingOf(req);
  const std::string from = QueryText(req, "from", 20), to = QueryText(req, "to", 20);
  if (!from.empty() && !IsUtcTime(from))
    Reject("from", "must be a UTC time like 2026-11-01T00:00:00Z", 400);
  if (!to.empty() && !IsUtcTime(to))
    Reject("to", "must be a UTC time like 2026-12-01T00:00:00Z", 400);
  auto to_json = [](const store::SessionNote& s) { return ToJson(s); };
  json answer;
  if (from.empty() && to.empty()) {
    auto page = Must(api.store().ListSessionNotes(c.clinic(), patient.id, paging));
    json items = json::array();
    for (const auto& note : page.items) items.push_back(to_json(note));
    answer = {{"items", items},
              {"total", page.total},
              {"limit", paging.limit},
              {"offset", paging.offset}};
  } else {
    // A time window: read the patient's notes whole (a course is
    // tens of sessions), keep those in [from, to), then page.
    std::vector<store::SessionNote> all;
    for (store::PageRequest chunk{store::kMaxPageSize, 0};; chunk.offset += chunk.limit) {
      auto page = Must(api.store().ListSessionNotes(c.clinic(), patient.id, chunk));
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (static_cast<std::int64_t>(all.size()) >= page.total || page.items.empty()) break;
    }
    auto in_window = [&](const store::SessionNote& s) {
      return (from.empty() || s.occurred_at >= from) && (to.empty() || s.occurred_at < to);
    };
    answer = ListPage(all, paging, in_window, to_json);
  }
  api.Audit(c, req, "list", "session", "", patient.id);
  return JsonResponse(200, answer);
}

// GET /sessions/{id}
http::Response GetNote(Api& api, http::Request& req, const Caller& c) {
  store::SessionNote note = Must(api.store().GetSessionNote(c.clinic(), PathId(req, "id")));
  json out = NoteRecordJson(api, c, note);
  api.Audit(c, req, "read", "session", std::to_string(note.id), note.patient_id);
  return WithEtag(JsonResponse(200, out), note.version);
}

// PUT /sessions/{id}
http::Response UpdateNote(Api& api, http::Request& req, const Caller& c) {
  store::SessionNote note = Must(api.store().GetSessionNote(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  // Checked first, so a signed note is never reviewed as if it could change.
  if (note.status != "draft") Reject("status", "a signed note is changed by an amendment", 409);
  json body = ParseBody(req);
  const std::string done_before = note.techniques_json;
  ReadNote(body, api.knowledge(), note);
  // Work recorded before is kept as it was; new work is checked.
  PatientCareRecords care(api, c, note.patient_id);
  if (note.techniques_json != "[]" && note.techniques_json != done_before)
    RequireWorkAllowed(api, c, note, care);
  if (auto refusal = ReviewDeviations(api, c, body, note, care)) return *refusal;
  store::SessionNote updated = Must(api.store().UpdateSessionNote(note, expected));
  api.Audit(c, req, "update", "session", std::to_string(note.id), note.patient_id,
            DeviationAuditDetail(updated));
  return WithEtag(JsonResponse(200, ToJson(updated)), updated.version);
}

// GET /patients/{id}/chart
// One document for the chart screen (api/chart_document.h), from one store
// snapshot. Documents are read only the first time their facts are needed.
http::Response ReadChart(Api& api, http::Request& req, const Caller& c) {
  const Id patient_id = PathId(req, "id");
  api.CheckOwnRecord(c, patient_id);
  const store::ChartRecords records =
      Must(api.store().ReadChart(c.clinic(), patient_id, store::kMaxPageSize, c.SignInToConfirm()));
  ChartInput input{records, {}, 0, c.Is(Role::kPatient), ""};
  input.assessment_facts.reserve(records.assessments.size());
  for (const store::Assessment& a : records.assessments) {
    input.assessment_facts.push_back(api.facts().Assessment(
        a.id, [&] { return Must(api.store().GetAssessment(c.clinic(), a.id)).result_json; }));
  }
  // The latest screening may suspend the approved plan (care_guard.h).
  const PatientScreenings screenings =
      ScreeningsOf(records.assessments, records.referrals, records.clinic_time_zone);
  for (const store::PlanRecord& p : records.plans) {
    if (p.status != store::PlanStatus::kApproved) continue;
    const CareVerdict verdict =
        GovernStep(screenings.events, CareStep::kServeHomeProgramme, p.assessment_id);
    if (!verdict.allowed) input.approved_plan_suspended_by = verdict.governed_by;
    input.planned_sessions =
        api.facts()
            .Plan(p.id, [&] { return Must(api.store().GetPlan(c.clinic(), p.id)).plan_json; })
            ->planned_sessions;
  }
  api.Audit(c, req, "read", "chart", std::to_string(patient_id), patient_id);
  return http::Response::Json(200, ChartDocument(input, api.knowledge()));
}

// GET /patients/{id}/home-programme
// The home programme in plain words: self-massage and the complements of the
// approved plan.
http::Response ReadHomeProgramme(Api& api, http::Request& req, const Caller& c) {
  store::Patient patient = api.VisiblePatient(c, PathId(req, "id"));
  store::PlanRecord plan = Must(api.store().GetCurrentPlan(c.clinic(), patient.id));
  const PatientScreenings screenings = ReadScreenings(api, c.clinic(), patient.id);
  const CareVerdict verdict =
      GovernStep(screenings.events, CareStep::kServeHomeProgramme, plan.assessment_id);
  if (!verdict.allowed) {
    // Withdrawn: the patient is told to follow the referral instead.
    api.Audit(c, req, "read", "home_programme", std::to_string(plan.id), patient.id,
              "withdrawn: " + verdict.reason);
    return JsonResponse(200, WithdrawnProgramme(plan, screenings, verdict, api.knowledge()));
  }
  json doc = json::parse(plan.plan_json, nullptr, false);
  if (!doc.is_object()) Reject("plan", "the approved plan cannot be read", 409);
  json self_massage = json::array();
  for (const json& t : doc.value("techniques", json::array())) {
    if (t.value("technique", "") == "self_massage") self_massage.push_back(t);
  }
  api.Audit(c, req, "read", "home_programme", std::to_string(plan.id), patient.id);
  return JsonResponse(200,
                      {{"plan_id", plan.id},
                       {"approved_at", plan.approved_at ? json(*plan.approved_at) : json(nullptr)},
                       {"presented_as", doc.value("presented_as", "")},
                       {"self_massage", self_massage},
                       {"complements", doc.value("complements", json::array())},
                       {"escalation", doc.value("escalation", json::array())},
                       {"sessions", doc.value("sessions", json::object())}});
}

}  // namespace

void AddSessionRoutes(http::Router& router, Api& api) {
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("POST", "/api/v1/patients/{id}/sessions",
             api.Guard(kClinicians, with(CreateNote), SignInCheck::kWithTheReads));
  router.Add("GET", "/api/v1/patients/{id}/sessions", api.Guard(kClinicians, with(ListNotes)));
  router.Add("GET", "/api/v1/sessions/{id}", api.Guard(kClinicians, with(GetNote)));
  router.Add("PUT", "/api/v1/sessions/{id}", api.Guard(kClinicians, with(UpdateNote)));
  router.Add("GET", "/api/v1/patients/{id}/chart",
             api.Guard(kCliniciansAndPatient, with(ReadChart), SignInCheck::kWithTheReads));
  router.Add("GET", "/api/v1/patients/{id}/home-programme",
             api.Guard(kCliniciansAndPatient, with(ReadHomeProgramme)));
}

}  // namespace sciaticare::api
