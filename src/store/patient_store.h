// The part of the Store interface for a patient and their care before
// treatment: patients and their earlier versions, assessments and their
// corrections, plans, portal invitations, intake drafts and consent.
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (store.h: a clinic's records only, optimistic versions,
// caller-given UTC times, failures as values) holds here too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/model/patients.h"
#include "store/store_paging.h"
#include "store/store_result.h"

namespace sciaticare::store {

struct PatientQuery {
  // Case-insensitive substring of "given family" or "family given"; empty matches all.
  std::string search;
  PageRequest page;
};

class PatientStore {
 public:
  virtual ~PatientStore() = default;

  // Patients. Create sets id, version 1 and updated_at = created_at. Update
  // replaces the person fields (not clinic or created_at) of `patient.id`
  // when its version is still `expected_version`, and bumps it; in the same
  // transaction the replaced values are appended to the patient's versions
  // with `change` (by must be a user of the clinic), so no value is lost.
  virtual StoreResult<Patient> CreatePatient(const Patient& patient) = 0;
  virtual StoreResult<Patient> GetPatient(Id clinic_id, Id id) = 0;
  virtual StoreResult<Patient> UpdatePatient(const Patient& patient, int expected_version,
                                             const PatientChange& change) = 0;
  // Every earlier version of the patient's details, oldest first (the
  // current values are the patient itself); kNotFound for no such patient.
  virtual StoreResult<std::vector<PatientVersion>> ListPatientVersions(Id clinic_id,
                                                                       Id patient_id) = 0;
  // Ordered by family name, given name, id.
  virtual StoreResult<Page<Patient>> ListPatients(Id clinic_id, const PatientQuery& query) = 0;

  // Assessments: immutable once stored.
  virtual StoreResult<Assessment> CreateAssessment(const Assessment& assessment) = 0;
  virtual StoreResult<Assessment> GetAssessment(Id clinic_id, Id id) = 0;
  // Oldest first.
  virtual StoreResult<std::vector<Assessment>> ListAssessments(Id clinic_id, Id patient_id) = 0;

  // Corrections of assessments. Record keeps that `correction_id` corrects
  // `corrects_id` (both assessments of the patient, neither portal answers,
  // the correction the newer; by a user of the clinic; a reason); the name
  // of the user is kept as it reads now. kConflict when the original is
  // already corrected (naming its correction) or the correction already
  // corrects another. List: the patient's corrections, oldest first;
  // kNotFound for no such patient.
  virtual StoreResult<AssessmentCorrection> RecordAssessmentCorrection(
      const AssessmentCorrection& correction) = 0;
  virtual StoreResult<std::vector<AssessmentCorrection>> ListAssessmentCorrections(
      Id clinic_id, Id patient_id) = 0;

  // Plans. Create stores a new draft with the patient's next version_no.
  // Approve turns a draft into the patient's one approved plan and supersedes
  // every earlier draft or approved version; approving a plan that is not a
  // draft, or older than the approved one, is kConflict.
  virtual StoreResult<PlanRecord> CreatePlan(const PlanRecord& plan) = 0;
  virtual StoreResult<PlanRecord> ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                              Id approved_by, std::string_view approved_at) = 0;
  virtual StoreResult<PlanRecord> GetPlan(Id clinic_id, Id id) = 0;
  // By version_no.
  virtual StoreResult<std::vector<PlanRecord>> ListPlans(Id clinic_id, Id patient_id) = 0;
  // The approved plan; kNotFound when the patient has none.
  virtual StoreResult<PlanRecord> GetCurrentPlan(Id clinic_id, Id patient_id) = 0;

  // Portal invitations (see PortalInvite). Create checks the patient and
  // creator are the clinic's and marks the patient's unused invitations
  // replaced, in one transaction. GetPortalInvite finds one by its token
  // hash in any clinic (the secret is the key). UsePortalInvite marks it used
  // by `user_id` at `now` when it is unused, not replaced and not expired at
  // `now`, kConflict naming "invite" otherwise; run it in one unit of work
  // with the CreateUser it completes. LatestPortalInvite: the patient's
  // newest, kNotFound when there is none.
  virtual StoreResult<PortalInvite> CreatePortalInvite(const PortalInvite& invite) = 0;
  virtual StoreResult<PortalInvite> GetPortalInvite(std::string_view token_hash) = 0;
  virtual StoreStatus UsePortalInvite(std::string_view token_hash, Id user_id,
                                      std::string_view now) = 0;
  virtual StoreResult<PortalInvite> LatestPortalInvite(Id clinic_id, Id patient_id) = 0;

  // Intake drafts (see IntakeDraft), one per patient. Save checks the
  // patient and user are the clinic's and replaces any earlier draft. Get is
  // kNotFound when the patient has none (or is not the clinic's). Discard
  // removes it and answers whether there was one; no draft is no error.
  virtual StoreResult<IntakeDraft> SaveIntakeDraft(const IntakeDraft& draft) = 0;
  virtual StoreResult<IntakeDraft> GetIntakeDraft(Id clinic_id, Id patient_id) = 0;
  virtual StoreResult<bool> DiscardIntakeDraft(Id clinic_id, Id patient_id) = 0;

  // Consent records (see ConsentRecord), append-only: there is no method to
  // change or remove one, and the database refuses it too. Append checks the
  // patient and recorder are the clinic's. List: oldest first, kNotFound when
  // the patient is not the clinic's.
  virtual StoreResult<ConsentRecord> AppendConsent(const ConsentRecord& consent) = 0;
  virtual StoreResult<std::vector<ConsentRecord>> ListConsents(Id clinic_id, Id patient_id) = 0;
};

}  // namespace sciaticare::store
