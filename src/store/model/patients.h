// The records of a patient and their care before treatment: the person
// (with every earlier version of their details), assessments and their
// corrections, treatment plans, portal invitations, intake drafts and consent,
// as plain values (the conventions of store/model/kinds.h hold).
#pragma once

#include <optional>
#include <string>

#include "store/model/kinds.h"

namespace sciaticare::store {

struct Patient {
  Id id = 0;
  Id clinic_id = 0;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;  // "YYYY-MM-DD".
  std::string sex;
  std::string email;
  std::string phone;
  std::string notes;
  int version = 0;  // 1 on create, +1 on every update; the HTTP ETag.
  std::string created_at;
  std::string updated_at;
};

// Who changes a patient's details, when, and why (optional): the change is
// kept with the values it replaced (PatientVersion).
struct PatientChange {
  Id by = 0;  // A user of the patient's clinic.
  std::string at;
  std::string reason;  // Free text; may be empty.
};

// A patient's person fields as they were at `version`, kept when a change
// replaced them; `changed_*` and `reason` describe that change, which made
// version + 1. Appended, never changed (patient_versions).
struct PatientVersion {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  int version = 0;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;
  std::string sex;
  std::string email;
  std::string phone;
  std::string notes;
  std::string valid_from;  // When these values were written (updated_at then).
  Id changed_by = 0;
  std::string changed_by_name;  // The user's display name at the time of the change.
  std::string changed_at;
  std::string reason;
};

struct Assessment {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  AssessmentKind kind = AssessmentKind::kIntake;
  std::string intake_json;  // The intake document as received.
  std::string result_json;  // The assessment as `plan --json` writes it.
  std::string triage;
  std::string knowledge_version;
  Id created_by = 0;  // A user of the same clinic.
  std::string created_at;
};

// A correction of an assessment (issue 15): `correction_id` is a newer
// assessment of the same patient, screened like any other, that replaces
// `corrects_id` as what the clinician meant; the original is kept unchanged.
// An assessment is corrected at most once; a later correction corrects the
// correction, so the versions form one chain.
struct AssessmentCorrection {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  Id corrects_id = 0;
  Id correction_id = 0;
  std::string reason;             // Required: why the original was wrong.
  Id corrected_by = 0;            // A user of the same clinic.
  std::string corrected_by_name;  // The user's display name at the time.
  std::string corrected_at;
};

struct PlanRecord {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  Id assessment_id = 0;  // An assessment of the same patient.
  int version_no = 0;    // 1, 2, 3... per patient, set by the store.
  PlanStatus status = PlanStatus::kDraft;
  std::string plan_json;
  std::string knowledge_version;
  Id created_by = 0;
  std::optional<Id> approved_by;
  std::optional<std::string> approved_at;
  std::string created_at;
  int version = 0;  // ETag, as Patient::version.
};

// An invitation for a patient to set up their own portal login: a one-time
// link whose secret is kept only as its hash. The front desk passes the link
// on; the patient sets their password through it, which creates their login
// (role patient) with `email`. A newer invitation replaces an unused older
// one; a used, replaced or expired invitation opens nothing.
struct PortalInvite {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  std::string email;       // The login the patient will sign in with.
  std::string token_hash;  // HashToken of the link's secret.
  Id created_by = 0;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
  std::optional<Id> user_id;  // The login it created, once used.
  std::optional<std::string> replaced_at;
};

// A clinician's unfinished intake for one patient, kept so that the form
// survives navigation. Not clinical record (the assessment submitted from it
// is), so it may be replaced and discarded: one per patient, latest wins.
struct IntakeDraft {
  Id clinic_id = 0;
  Id patient_id = 0;
  std::string state_json;  // The web's intake form state, kept as sent.
  Id updated_by = 0;
  std::string updated_at;
};

// One entry of a patient's consent record, append-only: the newest entry is
// the consent in force, and a withdrawal or change is a new entry.
struct ConsentRecord {
  Id id = 0;
  Id clinic_id = 0;
  Id patient_id = 0;
  bool treatment = false;  // Consents to hands-on treatment at all.
  // The sensitive regions (knowledge: consent_sensitive_regions) the patient
  // consents to having worked on: a JSON list of region names.
  std::string areas_json = "[]";
  std::string form;  // How it was given: "verbal" or "written".
  std::string note;
  Id recorded_by = 0;  // The clinician who recorded it.
  std::string recorded_at;
};

}  // namespace sciaticare::store
