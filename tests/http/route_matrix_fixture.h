// The route matrix of the API suites: every route of the server with who may
// call it (Expected, route_matrix_table.h) and a request each route accepts
// (RouteMatrixTest::Prepare, by route family in route_matrix_clinical.h,
// route_matrix_schedule.h and route_matrix_accounts.h), shared by
// authorization_matrix_test.cc and idempotency_api_test.cc.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>

#include "auth/credentials.h"
#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"
#include "http/route_matrix_table.h"

namespace sciaticare::testing {

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
    if (!PrepareClinical(route, key, call, id) && !PrepareSchedule(route, key, call, id)) {
      PrepareAccounts(route, key, call, id);
    }
    if (!call.target.empty()) return call;  // Set whole by its family part.
    call.target = route.pattern;
    if (auto at = call.target.find("{id}"); at != std::string::npos) call.target.replace(at, 4, id);
    if (auto at = call.target.find("{n}"); at != std::string::npos) call.target.replace(at, 3, "1");
    if (auto at = call.target.find("{appointment_id}"); at != std::string::npos)
      call.target.replace(at, 16, appointment_id_);
    return call;
  }

  static std::string ETag(int version) { return "\"" + std::to_string(version) + "\""; }
  // The family parts of Prepare: each fills `call` (and `id`) for a route of
  // its family and answers true, or answers false for a route of another.
  bool PrepareClinical(const http::Route& route, const std::string& key, Call& call,
                       std::string& id);
  bool PrepareSchedule(const http::Route& route, const std::string& key, Call& call,
                       std::string& id);
  bool PrepareAccounts(const http::Route& route, const std::string& key, Call& call,
                       std::string& id);

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

// The family parts of Prepare, defined once the fixture class is complete.
#include "http/route_matrix_accounts.h"  // IWYU pragma: keep
#include "http/route_matrix_clinical.h"  // IWYU pragma: keep
#include "http/route_matrix_schedule.h"  // IWYU pragma: keep
