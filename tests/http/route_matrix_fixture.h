// The route matrix of the API suites: every route of the server with who may
// call it (Expected) and a request each route accepts (RouteMatrixTest::Prepare),
// shared by authorization_matrix_test.cc and idempotency_api_test.cc.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>

#include "auth/credentials.h"
#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {

enum Who {
  kAdmin,
  kTherapist,
  kFrontDesk,
  kPatientSelf,   // Patient 1's own login, on patient 1's records.
  kPatientOther,  // Patient 2's login, on patient 1's records.
  kOtherClinic,   // Clinic B's therapist, on clinic A's records.
  kNobody,        // No login at all.
  kWhoCount
};

inline constexpr std::array<const char*, kWhoCount> kWhoNames = {
    "admin", "therapist", "front_desk", "patient-self", "patient-other", "other-clinic", "nobody"};

//                admin therapist desk  self  other  clinicB nobody
using Row = std::array<int, kWhoCount>;

// {id} is patient 1, one of patient 1's plans (the approved one to read and
// revise, a fresh draft to approve), one of patient 1's session notes, a
// spare user of clinic A, a fresh requested appointment of patient 1, clinic
// A's therapist (whose profile is edited) or a fresh API token of the admin.
inline const std::map<std::string, Row>& Expected() {
  static const std::map<std::string, Row> table = {
      {"GET /healthz", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/openapi.json", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/knowledge", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/assess", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/questionnaires/score", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/session", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/session", {200, 200, 200, 200, 200, 200, 401}},
      {"DELETE /api/v1/session", {200, 200, 200, 200, 200, 200, 401}},
      {"GET /api/v1/patients", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/patients", {201, 201, 201, 403, 403, 201, 401}},
      {"GET /api/v1/patients/{id}", {200, 200, 200, 200, 404, 404, 401}},
      {"PUT /api/v1/patients/{id}", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/history", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/assessments", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/assessments", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/assessments/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/questionnaires", {201, 201, 403, 201, 404, 404, 401}},
      {"GET /api/v1/patients/{id}/plans", {200, 200, 403, 200, 404, 404, 401}},
      {"GET /api/v1/plans/{id}", {200, 200, 403, 200, 404, 404, 401}},
      {"POST /api/v1/plans/{id}/revisions", {201, 201, 403, 403, 403, 404, 401}},
      {"POST /api/v1/plans/{id}/approve", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/sessions", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/sessions", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/sessions/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"PUT /api/v1/sessions/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/sessions/{id}/sign", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/sessions/{id}/amendments", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/sessions/{id}/versions/{n}", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/chart", {200, 200, 403, 200, 404, 404, 401}},
      {"GET /api/v1/patients/{id}/home-programme", {200, 200, 403, 200, 404, 404, 401}},
      {"GET /api/v1/audit", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/users", {200, 403, 403, 403, 403, 403, 401}},
      {"POST /api/v1/users", {201, 403, 403, 403, 403, 403, 401}},
      {"PATCH /api/v1/users/{id}", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/clinic/settings", {200, 200, 200, 403, 403, 200, 401}},
      {"PUT /api/v1/clinic/settings", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/appointments", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/appointments", {201, 201, 201, 403, 403, 404, 401}},
      {"PATCH /api/v1/appointments/{id}", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/appointments", {200, 200, 200, 200, 404, 404, 401}},
      {"POST /api/v1/patients/{id}/appointment-requests", {403, 403, 403, 201, 404, 403, 401}},
      {"GET /api/v1/patients/{id}/course", {200, 200, 200, 200, 404, 404, 401}},
      {"GET /api/v1/patients/{id}/course-proposal", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/course-bookings", {201, 201, 201, 403, 403, 404, 401}},
      {"POST /api/v1/appointments/{id}/cancel", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/appointments/{id}/no-show", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/appointments/{id}/reschedule", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/appointments/{id}/changes", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/waiting-list", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/waiting-list", {201, 201, 201, 403, 403, 404, 401}},
      {"POST /api/v1/waiting-list/{id}/book", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/waiting-list/{id}/withdraw", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/appointments/{appointment_id}/cancel",
       {403, 403, 403, 200, 404, 403, 401}},
      {"POST /api/v1/patients/{id}/waiting-list", {403, 403, 403, 201, 404, 403, 401}},
      {"POST /api/v1/patients/{id}/appointments/{appointment_id}/move-request",
       {403, 403, 403, 201, 404, 403, 401}},
      {"GET /api/v1/patients/{id}/move-requests", {200, 200, 200, 200, 404, 404, 401}},
      {"GET /api/v1/move-requests", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/move-requests/{id}/accept", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/move-requests/{id}/decline", {200, 200, 200, 403, 403, 404, 401}},
      {"GET /api/v1/clinic/hours", {200, 200, 200, 200, 200, 200, 401}},
      {"GET /api/v1/therapists", {200, 200, 200, 403, 403, 200, 401}},
      {"GET /api/v1/attention", {200, 200, 403, 403, 403, 200, 401}},
      {"GET /api/v1/patients/{id}/referrals", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/referrals/{id}", {200, 200, 403, 403, 403, 404, 401}},
      {"GET /api/v1/referrals/{id}/letter", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/referrals/{id}/letter-sent", {201, 201, 403, 403, 403, 404, 401}},
      {"POST /api/v1/referrals/{id}/outcome", {201, 201, 403, 403, 403, 404, 401}},
      {"POST /api/v1/referrals/{id}/close", {200, 200, 403, 403, 403, 404, 401}},
      // Patient 1 has a portal login already, so staff are told so (409).
      {"GET /api/v1/patients/{id}/portal-access", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/portal-invite", {409, 409, 409, 403, 403, 404, 401}},
      // Public: the link's secret is the credential (a fresh invitation each call).
      {"POST /api/v1/portal-invites/lookup", {200, 200, 200, 200, 200, 200, 200}},
      {"POST /api/v1/portal-invites/accept", {201, 201, 201, 201, 201, 201, 201}},
      {"GET /api/v1/patients/{id}/intake-draft", {200, 200, 403, 403, 403, 404, 401}},
      {"PUT /api/v1/patients/{id}/intake-draft", {200, 200, 403, 403, 403, 404, 401}},
      {"DELETE /api/v1/patients/{id}/intake-draft", {200, 200, 403, 403, 403, 404, 401}},
      {"POST /api/v1/patients/{id}/consents", {201, 201, 403, 403, 403, 404, 401}},
      {"GET /api/v1/patients/{id}/consents", {200, 200, 403, 403, 403, 404, 401}},
      {"PUT /api/v1/therapists/{id}/profile", {200, 200, 403, 403, 403, 403, 401}},
      {"GET /api/v1/therapists/{id}/availability", {200, 200, 200, 403, 403, 404, 401}},
      {"PUT /api/v1/therapists/{id}/availability", {200, 200, 403, 403, 403, 403, 401}},
      {"GET /api/v1/therapists/{id}/time-off", {200, 200, 200, 403, 403, 404, 401}},
      {"POST /api/v1/therapists/{id}/time-off", {201, 201, 403, 403, 403, 403, 401}},
      {"POST /api/v1/therapists/{id}/time-off/{time_off_id}/withdraw",
       {200, 200, 403, 403, 403, 403, 401}},
      {"GET /api/v1/rooms", {200, 200, 200, 403, 403, 200, 401}},
      {"POST /api/v1/rooms", {201, 403, 403, 403, 403, 403, 401}},
      {"PATCH /api/v1/rooms/{id}", {200, 403, 403, 403, 403, 403, 401}},
      {"POST /api/v1/tokens", {201, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/tokens", {200, 403, 403, 403, 403, 403, 401}},
      {"DELETE /api/v1/tokens/{id}", {200, 403, 403, 403, 403, 403, 401}},
      {"GET /api/v1/mail/outbox", {200, 403, 403, 403, 403, 403, 401}},
      {"POST /api/v1/mail/outbox/{id}/retry", {200, 403, 403, 403, 403, 403, 401}},
      // The therapist's own feed (admin: anyone's); clinic B's therapist is not them.
      {"GET /api/v1/therapists/{id}/calendar-feed", {200, 200, 403, 403, 403, 403, 401}},
      {"POST /api/v1/therapists/{id}/calendar-feed", {201, 201, 403, 403, 403, 403, 401}},
      {"DELETE /api/v1/therapists/{id}/calendar-feed", {200, 200, 403, 403, 403, 403, 401}},
      // Public: the feed link's secret is the credential (a fresh feed each call).
      {"GET /api/v1/calendar-feeds/{token}/appointments.ics", {200, 200, 200, 200, 200, 200, 200}},
      {"GET /api/v1/patients/{id}/appointments.ics", {200, 200, 200, 200, 404, 404, 401}},
  };
  return table;
}

class RouteMatrixTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    auto therapist = As("therapist@a.test");
    json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
    const std::string plan = std::to_string(created["plan"]["id"].get<long long>());
    ASSERT_EQ(
        therapist->Send("POST", "/api/v1/plans/" + plan + "/approve", "", {{"If-Match", "\"1\""}})
            .status,
        200);
    HttpResult note = therapist->Post(PatientPath(patient1_.id, "/sessions"), SessionBody());
    ASSERT_EQ(note.status, 201) << note.body;
    session_id_ = BodyOf(note)["id"].get<store::Id>();
    store::User spare;
    spare.clinic_id = clinic_a_.id;
    spare.email = "spare@a.test";
    spare.display_name = "Spare";
    spare.role = store::Role::kTherapist;
    spare.password_hash = "not-a-hash";
    spare_user_id_ = store_->CreateUser(spare).value().id;
  }

  static json SessionBody() {
    return {{"occurred_at", "2026-11-24T10:00:00Z"}, {"leg_pain_before", 5}, {"leg_pain_after", 3}};
  }

  static json PersonBody() {
    // The same names as patient 1, so patient 1 stays recognisable in any answer.
    return {{"given_name", "Ada"},
            {"family_name", "Quillfeather"},
            {"date_of_birth", "1971-03-04"},
            {"sex", "female"}};
  }

  std::string EmailOf(Who who) const {
    switch (who) {
      case kAdmin:
        return "admin@a.test";
      case kTherapist:
        return "therapist@a.test";
      case kFrontDesk:
        return "desk@a.test";
      case kPatientSelf:
        return "p1@a.test";
      case kPatientOther:
        return "p2@a.test";
      case kOtherClinic:
        return "therapist@b.test";
      default:
        return "";
    }
  }

  store::Id UserIdOf(Who who) const {
    switch (who) {
      case kAdmin:
        return admin_.id;
      case kTherapist:
        return therapist_.id;
      case kFrontDesk:
        return desk_.id;
      case kPatientSelf:
        return patient1_user_.id;
      case kPatientOther:
        return patient2_user_.id;
      case kOtherClinic:
        return therapist_b_.id;
      default:
        return 0;
    }
  }

  // The clinic's "denied" audit records, newest first.
  store::Page<store::AuditEntry> Denied(store::Id clinic) {
    store::AuditQuery q;
    q.action = "denied";
    q.page.limit = 1;
    return store_->ListAudit(clinic, q).value();
  }

  LoginResult LoginOf(Who who) {
    if (who == kNobody) return {};
    auto it = logins_.find(who);
    if (it == logins_.end()) {
      LoginResult login = Login(EmailOf(who));
      EXPECT_EQ(login.status, 200) << EmailOf(who);
      it = logins_.emplace(who, login).first;
    }
    return it->second;
  }

  struct Call {
    std::string target, body;
    std::map<std::string, std::string> headers;
  };

  // A request that the route would accept from a caller allowed to make it.
  Call Prepare(const http::Route& route) {
    const std::string key = route.method + " " + route.pattern;
    Call call;
    std::string id;
    auto etag = [](int version) { return "\"" + std::to_string(version) + "\""; };
    if (route.pattern.rfind("/api/v1/patients/{id}", 0) == 0) {
      id = std::to_string(patient1_.id);
      if (key == "PUT /api/v1/patients/{id}") {
        call.headers["If-Match"] =
            etag(store_->GetPatient(clinic_a_.id, patient1_.id).value().version);
        call.body = PersonBody().dump();
      } else if (key == "POST /api/v1/patients/{id}/assessments") {
        call.body = json({{"kind", "intake"}, {"intake", Example("l5_numbness")}}).dump();
      } else if (key == "POST /api/v1/patients/{id}/questionnaires") {
        call.body = json({{"questionnaires", {{"nrs_leg", 4}}}}).dump();
      } else if (key == "POST /api/v1/patients/{id}/sessions") {
        call.body = SessionBody().dump();
      } else if (key == "PUT /api/v1/patients/{id}/intake-draft") {
        call.body = json({{"state", {{"intake", Example("l5_numbness")}}}}).dump();
      } else if (key == "POST /api/v1/patients/{id}/consents") {
        // Buttock work included: the matrix's session notes stay allowed.
        call.body = json({{"treatment", true}, {"areas", {"buttock"}}, {"form", "verbal"}}).dump();
      } else if (key == "POST /api/v1/patients/{id}/appointment-requests") {
        call.body = json({{"starts_at", "2030-12-01T09:00:00Z"}, {"minutes", 45}}).dump();
      } else if (key == "POST /api/v1/patients/{id}/course-bookings") {
        // A session of the approved plan with a therapist who practises
        // every technique (the profile route may have changed theirs).
        store::TherapistProfile all;
        all.clinic_id = clinic_a_.id;
        all.user_id = therapist_.id;
        all.modalities = {"swedish",       "myofascial_release", "deep_tissue", "trigger_point",
                          "neuromuscular", "sports_massage",     "self_massage"};
        EXPECT_TRUE(store_->UpsertTherapistProfile(all).ok());
        call.body =
            json({{"mode", "all"},
                  {"slots", {{{"therapist_id", therapist_.id}, {"starts_at", FutureHour()}}}}})
                .dump();
      } else if (key == "POST /api/v1/patients/{id}/appointments/{appointment_id}/cancel") {
        // Years ahead, so well before the clinic's notice period.
        appointment_id_ = std::to_string(Booked(patient1_.id, FutureHour()).id);
        call.body = json({{"reason", "work_or_family"}}).dump();
      } else if (key == "POST /api/v1/patients/{id}/waiting-list") {
        call.body = WaitingBody(false).dump();
      } else if (key == "POST /api/v1/patients/{id}/appointments/{appointment_id}/move-request") {
        // Years ahead, so well before the clinic's notice period.
        appointment_id_ = std::to_string(Booked(patient1_.id, FutureHour()).id);
        call.body = json({{"starts_at", FutureHour()}, {"note", "mornings suit me"}}).dump();
      }
    } else if (route.pattern.rfind("/api/v1/plans/{id}", 0) == 0) {
      store::PlanRecord plan = store_->GetCurrentPlan(clinic_a_.id, patient1_.id).value();
      if (key == "POST /api/v1/plans/{id}/approve" || key == "POST /api/v1/plans/{id}/revisions") {
        // A draft of the latest assessment: only it may be revised or
        // approved (the matrix has added intakes meanwhile).
        store::PlanRecord draft = plan;
        draft.id = 0;
        draft.assessment_id = LatestAssessment(patient1_.id);
        draft.approved_by.reset();
        draft.approved_at.reset();
        plan = store_->CreatePlan(draft).value();
        if (key == "POST /api/v1/plans/{id}/revisions")
          call.body = json({{"plan", json::parse(plan.plan_json)}}).dump();
      }
      id = std::to_string(plan.id);
      if (route.method == "POST") call.headers["If-Match"] = etag(plan.version);
    } else if (route.pattern == "/api/v1/assessments/{id}") {
      id = std::to_string(LatestAssessment(patient1_.id));
    } else if (route.pattern.rfind("/api/v1/referrals/{id}", 0) == 0) {
      // A fresh referral of patient 2 each time (closing is once only), so
      // patient 1's routes are not held up by it.
      store::Referral referral;
      referral.clinic_id = clinic_a_.id;
      referral.patient_id = patient2_.id;
      referral.assessment_id = Patient2Assessment();
      referral.urgency = "routine_gp";
      referral.flags_json = R"([{"id":"ca_night_or_rest_pain","reason":"night pain"}])";
      referral.opened_by = therapist_.id;
      referral.opened_at = "2026-11-20T10:00:00Z";
      id = std::to_string(store_->CreateReferral(referral).value().id);
      if (key == "POST /api/v1/referrals/{id}/letter-sent") {
        call.body = json({{"to", "Dr Lund"}}).dump();
      } else if (key == "POST /api/v1/referrals/{id}/outcome") {
        call.body = json({{"seen_by", "Dr Lund"},
                          {"role", "GP"},
                          {"seen_on", "2026-11-21"},
                          {"said", "fine"},
                          {"cleared", true}})
                        .dump();
      } else if (key == "POST /api/v1/referrals/{id}/close") {
        store::ReferralEvent outcome;
        outcome.clinic_id = clinic_a_.id;
        outcome.referral_id = std::stoll(id);
        outcome.kind = "outcome";
        outcome.detail_json = R"({"cleared":true})";
        outcome.recorded_by = therapist_.id;
        outcome.recorded_at = "2026-11-21T10:00:00Z";
        store_->AddReferralEvent(outcome).value();
      }
    } else if (route.pattern.rfind("/api/v1/sessions/{id}", 0) == 0) {
      id = std::to_string(session_id_);
      if (key == "POST /api/v1/sessions/{id}/sign" ||
          key == "POST /api/v1/sessions/{id}/amendments") {
        // A fresh draft to sign, or a fresh signed note to amend, each time.
        store::SessionNote note;
        note.clinic_id = clinic_a_.id;
        note.patient_id = patient1_.id;
        note.therapist_id = therapist_.id;
        note.occurred_at = note.created_at = "2026-11-24T10:00:00Z";
        note.techniques_json = note.adverse_events_json = "[]";
        if (route.pattern.ends_with("/amendments")) {
          note.status = "signed";
          note.signed_by = therapist_.id;
          note.signed_at = note.created_at;
          call.body = json({{"reason", "pain after was misheard"}, {"leg_pain_after", 2}}).dump();
        }
        id = std::to_string(store_->CreateSessionNote(note).value().id);
        call.headers["If-Match"] = etag(1);
      }
      if (route.method == "PUT") {
        call.headers["If-Match"] =
            etag(store_->GetSessionNote(clinic_a_.id, session_id_).value().version);
        call.body = SessionBody().dump();
      }
    } else if (route.pattern == "/api/v1/users/{id}") {
      id = std::to_string(spare_user_id_);
      call.body = json({{"active", true}}).dump();
    } else if (route.pattern.rfind("/api/v1/appointments/{id}/", 0) == 0) {
      id = std::to_string(Booked(patient1_.id, NextFreeHour()).id);
      call.headers["If-Match"] = etag(1);
      if (route.pattern.ends_with("/cancel")) {
        call.body = json({{"reason", "transport"}}).dump();
      } else if (route.pattern.ends_with("/reschedule")) {
        call.body = json({{"starts_at", NextFreeHour()}, {"reason", "patient_request"}}).dump();
      } else if (route.pattern.ends_with("/no-show")) {
        call.body = "{}";
      }
    } else if (route.pattern.rfind("/api/v1/move-requests/{id}/", 0) == 0) {
      // A fresh pending request each time (answered once only).
      store::MoveRequest m;
      m.clinic_id = clinic_a_.id;
      m.patient_id = patient1_.id;
      m.appointment_id = Booked(patient1_.id, FutureHour()).id;
      m.wanted_starts_at = FutureHour();
      m.requested_at = "2026-11-20T10:00:00Z";
      id = std::to_string(store_->CreateMoveRequest(m).value().id);
      call.headers["If-Match"] = etag(1);
      call.body = route.pattern.ends_with("/decline")
                      ? json({{"reason_text", "That hour is taken"}}).dump()
                      : "{}";
    } else if (key == "POST /api/v1/waiting-list") {
      call.body = WaitingBody(true).dump();
    } else if (key == "POST /api/v1/waiting-list/{id}/withdraw") {
      id = std::to_string(store_->AddWaitingEntry(Waiting("2033-01-01T08:00:00Z")).value().id);
      call.headers["If-Match"] = etag(1);
    } else if (key == "POST /api/v1/waiting-list/{id}/book") {
      // A slot of patient 2 freed and offered to patient 1's fresh entry.
      const std::string hour = NextFreeHour();
      store::Appointment freed = Booked(patient2_.id, hour);
      store::WaitingEntry wants = Waiting(hour);
      wants.therapist_id = therapist_.id;
      const store::Id entry = store_->AddWaitingEntry(wants).value().id;
      store::AppointmentChange cancel;
      cancel.clinic_id = clinic_a_.id;
      cancel.kind = "cancelled";
      cancel.reason = "transport";
      cancel.changed_by = desk_.id;
      cancel.changed_at = "2026-11-20T10:00:00Z";
      store_->EndAppointment(freed.id, 1, cancel).value();
      id = std::to_string(entry);
      call.headers["If-Match"] = etag(2);
    } else if (route.pattern == "/api/v1/appointments/{id}") {
      store::Appointment a;
      a.clinic_id = clinic_a_.id;
      a.patient_id = patient1_.id;
      a.therapist_id = therapist_.id;
      a.starts_at = NextFreeHour();
      a.minutes = 60;
      id = std::to_string(store_->CreateAppointment(a).value().id);
      call.headers["If-Match"] = etag(1);
      call.body = json({{"status", "booked"}}).dump();
    } else if (key == "POST /api/v1/mail/outbox/{id}/retry") {
      id = std::to_string(FailedMail());
    } else if (key == "PUT /api/v1/clinic/settings") {
      call.body = json({{"time_zone", "Europe/London"},
                        {"opening_hours", json::array()},
                        {"closed_days", json::array()}})
                      .dump();
    } else if (key == "GET /api/v1/appointments") {
      call.target = route.pattern + "?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z";
      return call;
    } else if (key == "POST /api/v1/appointments") {
      call.body = json({{"patient_id", patient1_.id},
                        {"therapist_id", therapist_.id},
                        {"starts_at", NextFreeHour()},
                        {"minutes", 60},
                        {"status", "booked"}})
                      .dump();
    } else if (route.pattern == "/api/v1/therapists/{id}/profile") {
      id = std::to_string(therapist_.id);
      call.body = json({{"modalities", {"swedish"}},
                        {"years_experience", 10},
                        {"sciatica_experience_years", 4},
                        {"bio", "Calm hands."}})
                      .dump();
    } else if (route.pattern == "/api/v1/therapists/{id}/calendar-feed") {
      id = std::to_string(therapist_.id);
      if (route.method == "DELETE") CalendarFeedOf(therapist_.id);
    } else if (key == "GET /api/v1/calendar-feeds/{token}/appointments.ics") {
      // The admin's feed: the matrix books patient 1 with the therapist, and
      // a feed rightly names its own therapist's patients to whoever holds the link.
      call.target = "/api/v1/calendar-feeds/" + CalendarFeedOf(admin_.id) + "/appointments.ics";
      return call;
    } else if (route.pattern.rfind("/api/v1/therapists/{id}/", 0) == 0 &&
               !route.pattern.ends_with("/profile")) {
      id = std::to_string(therapist_.id);
      // Whole days in 2031, one fresh day each time, clear of every booking
      // the matrix makes; hours that restrict nothing.
      const std::string day =
          FormatUtc(*UtcSeconds("2031-01-01T00:00:00Z") + 86400LL * ++time_off_made_).substr(0, 10);
      if (route.method == "PUT") {
        json hours = json::array();
        for (const char* d :
             {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
          hours.push_back({{"weekday", d}, {"starts", "00:00"}, {"ends", "24:00"}});
        }
        const int version =
            store_->GetTherapistAvailability(clinic_a_.id, therapist_.id).value().version;
        call.body =
            json({{"hours", hours}, {"breaks", json::array()}, {"version", version}}).dump();
      } else if (key == "POST /api/v1/therapists/{id}/time-off") {
        call.body =
            json({{"starts", day + "T00:00"}, {"ends", day + "T23:00"}, {"reason", "Course"}})
                .dump();
      } else if (route.pattern.ends_with("/withdraw")) {
        store::TimeOff t;
        t.clinic_id = clinic_a_.id;
        t.therapist_id = therapist_.id;
        t.starts_at = day + "T00:00:00Z";
        t.ends_at = day + "T23:00:00Z";
        t.created_by = admin_.id;
        t.created_at = "2026-11-01T00:00:00Z";
        const std::string made = std::to_string(store_->AddTimeOff(t).value().id);
        call.target = route.pattern;
        call.target.replace(call.target.find("{id}"), 4, id);
        call.target.replace(call.target.find("{time_off_id}"), 13, made);
        return call;
      }
    } else if (route.pattern == "/api/v1/tokens/{id}") {
      store::ApiToken t;
      t.clinic_id = clinic_a_.id;
      t.user_id = admin_.id;
      t.name = "matrix";
      t.token_hash = "hash-" + std::to_string(++tokens_made_);
      t.created_at = "2026-11-01T00:00:00Z";
      id = std::to_string(store_->CreateApiToken(t).value().id);
    } else if (key == "POST /api/v1/rooms") {
      call.body = json({{"name", "Matrix room " + std::to_string(++rooms_made_)}}).dump();
    } else if (route.pattern == "/api/v1/rooms/{id}") {
      // A fresh room each time, renamed at its first version.
      store::Room room;
      room.clinic_id = clinic_a_.id;
      room.name = "Matrix room " + std::to_string(++rooms_made_);
      id = std::to_string(store_->CreateRoom(room).value().id);
      call.headers["If-Match"] = etag(1);
      call.body = json({{"name", room.name + " renamed"}}).dump();
    } else if (key == "POST /api/v1/tokens") {
      call.body = json({{"name", "matrix token"}}).dump();
    } else if (key == "POST /api/v1/portal-invites/lookup" ||
               key == "POST /api/v1/portal-invites/accept") {
      // A patient of clinic A without a login, invited with a known secret.
      const int n = ++invites_made_;
      store::Patient invited;
      invited.clinic_id = clinic_a_.id;
      invited.given_name = "Invitee";
      invited.family_name = "Matrix" + std::to_string(n);
      invited.date_of_birth = "1980-01-01";
      invited.sex = "male";
      invited.created_at = invited.updated_at = "2026-11-20T10:00:00Z";
      store::PortalInvite invite;
      invite.clinic_id = clinic_a_.id;
      invite.patient_id = store_->CreatePatient(invited).value().id;
      invite.email = "invitee" + std::to_string(n) + "@example.com";
      const std::string token = "matrix-invite-" + std::to_string(n);
      invite.token_hash = auth::HashToken(token);
      invite.created_by = desk_.id;
      invite.created_at = "2026-11-20T10:00:00Z";
      invite.expires_at = "2099-01-01T00:00:00Z";
      store_->CreatePortalInvite(invite).value();
      call.body = json({{"token", token}, {"password", "juniper kettle harbour fifty"}}).dump();
    } else if (key == "POST /api/v1/session") {
      call.body = json({{"email", "desk@a.test"}, {"password", kPassword}}).dump();
    } else if (key == "POST /api/v1/patients") {
      call.body = json({{"given_name", "New"},
                        {"family_name", "Person"},
                        {"date_of_birth", "2000-01-01"},
                        {"sex", "other"}})
                      .dump();
    } else if (key == "POST /api/v1/users") {
      call.body = json({{"email", "made" + std::to_string(++users_made_) + "@a.test"},
                        {"display_name", "Made"},
                        {"role", "therapist"},
                        {"password", "a long enough password"}})
                      .dump();
    } else if (key == "POST /api/v1/assess") {
      call.body = Example("l5_numbness").dump();
    } else if (key == "POST /api/v1/questionnaires/score") {
      call.body = R"({"questionnaires":{"nrs_leg":6}})";
    }
    call.target = route.pattern;
    if (auto at = call.target.find("{id}"); at != std::string::npos) call.target.replace(at, 4, id);
    if (auto at = call.target.find("{n}"); at != std::string::npos) call.target.replace(at, 3, "1");
    if (auto at = call.target.find("{appointment_id}"); at != std::string::npos)
      call.target.replace(at, 16, appointment_id_);
    return call;
  }

  // A fresh calendar feed of `therapist` (the one before it stops); its secret.
  std::string CalendarFeedOf(store::Id therapist) {
    const std::string secret = "matrix-feed-" + std::to_string(++feeds_made_);
    store::CalendarFeed feed;
    feed.clinic_id = clinic_a_.id;
    feed.therapist_id = therapist;
    feed.token_hash = auth::HashToken(secret);
    feed.created_by = admin_.id;
    feed.created_at = "2026-11-01T00:00:00Z";
    store_->CreateCalendarFeed(feed).value();
    return secret;
  }

  store::Id LatestAssessment(store::Id patient) {
    store::Id latest = 0;
    const auto assessments = store_->ListAssessments(clinic_a_.id, patient).value();
    for (const auto& a : assessments)
      if (a.kind != store::AssessmentKind::kPortal) latest = a.id;
    return latest;
  }

  // One assessment of patient 2 for the referrals to name, made once.
  store::Id Patient2Assessment() {
    if (patient2_assessment_ != 0) return patient2_assessment_;
    store::Assessment a;
    a.clinic_id = clinic_a_.id;
    a.patient_id = patient2_.id;
    a.intake_json = "{}";
    a.result_json = "{}";
    a.triage = "refer_routine";
    a.knowledge_version = "test";
    a.created_by = therapist_.id;
    a.created_at = "2026-11-20T10:00:00Z";
    patient2_assessment_ = store_->CreateAssessment(a).value().id;
    return patient2_assessment_;
  }

  store::Id patient2_assessment_ = 0;
  std::map<Who, LoginResult> logins_;
  store::Id session_id_ = 0, spare_user_id_ = 0;
  int users_made_ = 0, tokens_made_ = 0, invites_made_ = 0, time_off_made_ = 0, rooms_made_ = 0;
  int mails_made_ = 0, feeds_made_ = 0;
  // Each booking call takes the next free hour: a therapist holds one at a time.
  int hours_booked_ = 0;
  // A fresh failed message of clinic A: a booking's confirmation to a patient
  // with an email, which a worker gave up on.
  store::Id FailedMail() {
    store::Patient p = store_->GetPatient(clinic_a_.id, patient2_.id).value();
    p.id = 0;
    p.email = "mailed" + std::to_string(++mails_made_) + "@a.test";
    const store::Id patient = store_->CreatePatient(p).value().id;
    const store::Id appointment = Booked(patient, NextFreeHour()).id;
    const std::string now = "2026-11-20T10:00:00Z";
    const std::vector<store::OutboxMessage> claimed =
        store_->ClaimDueMail("matrix", now, "2026-11-20T10:01:00Z", 500).value();
    for (const store::OutboxMessage& m : claimed) {
      if (m.appointment_id == appointment && m.kind == "confirmation") {
        store_->RecordMailOutcome({m.id, "matrix", now, false, "550 refused", std::nullopt})
            .value();
        return m.id;
      }
    }
    ADD_FAILURE() << "the booking queued no confirmation";
    return 0;
  }

  // Patient 1 waiting for any 45 minutes of the hour from `from`.
  store::WaitingEntry Waiting(const std::string& from) {
    store::WaitingEntry e;
    e.clinic_id = clinic_a_.id;
    e.patient_id = patient1_.id;
    e.earliest = from;
    e.latest = FormatUtc(*UtcSeconds(from) + 3600);
    e.minutes = 45;
    e.created_by = desk_.id;
    e.created_at = "2026-11-20T10:00:00Z";
    return e;
  }

  json WaitingBody(bool with_patient) const {
    json body = {{"earliest", "2032-01-05T08:00:00Z"},
                 {"latest", "2032-01-05T18:00:00Z"},
                 {"minutes", 45},
                 {"note", "mornings best"}};
    if (with_patient) body["patient_id"] = patient1_.id;
    return body;
  }

  // An hour years ahead, a new one each call.
  std::string FutureHour() {
    return FormatUtc(*UtcSeconds("2031-01-06T08:00:00Z") + 3600LL * future_hours_++);
  }

  std::string NextFreeHour() {
    return FormatUtc(*UtcSeconds("2026-12-02T08:00:00Z") + 3600LL * hours_booked_++);
  }

  std::string appointment_id_;
  int future_hours_ = 0;
};

}  // namespace sciaticare::testing
