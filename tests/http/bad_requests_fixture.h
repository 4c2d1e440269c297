// The fixture of the bad-requests suite (bad_requests_test.cc): the records a
// mistaken request could touch (a plan, notes and appointments in both
// clinics), valid bodies to break, and the table of mistakes, one part a route
// family (bad_request_cases_*.cc), each a request with the 4xx it must get.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing::bad_requests {

enum class Who { kAdmin, kTherapist, kFrontDesk, kPatient, kNobody };

struct BadCase {
  std::string name;
  Who who;
  std::string method, target, body;
  int status;
  std::map<std::string, std::string> headers = {};
  bool audit_recorded = false;  // Audited though not a 403/404 (a failed login).
};

inline void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// `base` with `patch` merged in (RFC 7386: a null member removes the key).
inline json With(json base, const json& patch) {
  base.merge_patch(patch);
  return base;
}

class BadRequestTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    auto therapist = As("therapist@a.test");
    json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
    plan_ = created["plan"];
    HttpResult note = therapist->Post(PatientPath(patient1_.id, "/sessions"), Note());
    ASSERT_EQ(note.status, 201) << note.body;
    session_ = BodyOf(note)["id"].get<store::Id>();

    auto therapist_b = As("therapist@b.test");
    json created_b = CreateAssessment(*therapist_b, patient_b_.id, "s1_pattern");
    plan_b_ = created_b["plan"]["id"].get<store::Id>();
    HttpResult note_b = therapist_b->Post(PatientPath(patient_b_.id, "/sessions"), Note());
    ASSERT_EQ(note_b.status, 201) << note_b.body;
    session_b_ = BodyOf(note_b)["id"].get<store::Id>();

    auto appointment = [&](store::Id clinic, store::Id patient, store::Id therapist) {
      store::Appointment a;
      a.clinic_id = clinic;
      a.patient_id = patient;
      a.therapist_id = therapist;
      a.starts_at = "2026-12-01T09:00:00Z";
      a.minutes = 60;
      return store_->CreateAppointment(a).value().id;
    };
    appointment_ = appointment(clinic_a_.id, patient1_.id, therapist_.id);
    appointment_b_ = appointment(clinic_b_.id, patient_b_.id, therapist_b_.id);
  }

  static json Person() {
    return {{"given_name", "Ivy"},
            {"family_name", "Larkspur"},
            {"date_of_birth", "1985-09-10"},
            {"sex", "female"}};
  }
  static json Note() {
    return {{"occurred_at", "2026-11-24T10:00:00Z"}, {"leg_pain_before", 5}, {"leg_pain_after", 3}};
  }
  static json Technique() {
    return {{"technique", "swedish"},
            {"region", "buttock"},
            {"side", "left"},
            {"pressure", 3},
            {"minutes", 10}};
  }
  static json NewUser() {
    return {{"email", "new@a.test"},
            {"display_name", "New"},
            {"role", "therapist"},
            {"password", "a long enough password"}};
  }
  json Booking() const {
    return {{"patient_id", patient1_.id},
            {"therapist_id", therapist_.id},
            {"starts_at", "2026-12-02T10:00:00Z"},
            {"minutes", 60},
            {"status", "booked"}};
  }
  static json Request() { return {{"starts_at", "2030-12-02T10:00:00Z"}, {"minutes", 45}}; }
  static json Profile() {
    return {
        {"modalities", {"swedish"}}, {"years_experience", 10}, {"sciatica_experience_years", 3}};
  }
  json Revision(const json& plan_patch) const {
    return {{"plan", With(plan_["plan"], plan_patch)}};
  }
  // The draft with technique `i` changed by `patch`.
  json RevisionItem(std::size_t i, const json& patch) const {
    json plan = plan_["plan"];
    plan["techniques"][i] = With(plan["techniques"][i], patch);
    return {{"plan", plan}};
  }

  // The targets, callers and documents the table's parts share.
  struct Vocabulary {
    Who admin, therapist, desk;
    std::string patients, p1, pb, plan, session, appointments, appointment;
    std::map<std::string, std::string> v1;
    json intake;
    std::string big;
    json many_techniques, numb_foot_at_3;
  };
  Vocabulary Words() const;

  // The table of mistakes, one part a route family (bad_request_cases_*.cc).
  std::vector<BadCase> Cases() const;
  std::vector<BadCase> AccessCases() const;    // Sign-in, CSRF, patients, users, tokens, audit.
  std::vector<BadCase> ClinicalCases() const;  // Assessments, questionnaires, plans, notes.
  std::vector<BadCase> ScheduleCases() const;  // Appointments, requests, therapist profiles.
  std::vector<BadCase> TextCases() const;      // Text and numbers no database can hold.

  json plan_;
  store::Id session_ = 0, plan_b_ = 0, session_b_ = 0, appointment_ = 0, appointment_b_ = 0;
};

}  // namespace sciaticare::testing::bad_requests
