// The route matrix's requests (RouteMatrixTest::Prepare) for the clinical record routes: a
// patient's own routes
// (/patients/{id}/...), plans, assessments, referrals and session notes.
// Included by route_matrix_fixture.h after the fixture class, whose
// members these use.
#pragma once

#include <string>

#include "http/route_matrix_fixture.h"

namespace sciaticare::testing {

inline bool RouteMatrixTest::PrepareClinical(const http::Route& route, const std::string& key,
                                             Call& call, std::string& id) {
  if (route.pattern.rfind("/api/v1/patients/{id}", 0) == 0) {
    id = std::to_string(patient1_.id);
    if (key == "PUT /api/v1/patients/{id}") {
      call.headers["If-Match"] =
          ETag(store_->GetPatient(clinic_a_.id, patient1_.id).value().version);
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
    if (route.method == "POST") call.headers["If-Match"] = ETag(plan.version);
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
      call.headers["If-Match"] = ETag(1);
    }
    if (route.method == "PUT") {
      call.headers["If-Match"] =
          ETag(store_->GetSessionNote(clinic_a_.id, session_id_).value().version);
      call.body = SessionBody().dump();
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace sciaticare::testing
