// The demo clinic behind `sciaticare serve --demo`: "Riverside Massage &
// Physio", with invented staff (therapists with profiles, front desk, admin)
// and 30 patients, a few with portal logins. Their intakes run through the
// real screening and planner (five are referred on red flags); therapists
// revise and approve plans (one with a doctor's clearance); two months of
// weekly session notes with techniques, oils and the odd adverse event; portal
// questionnaires on which some patients improve, some do not and one gets
// worse; past appointments (done, cancelled, no-shows), today's and the next
// two weeks', and a few requests waiting to be booked. Every person in it is
// made up.
//
// The data is generated from a fixed seed: the same `now` gives the same
// clinic, and any `now` gives the same clinic shifted in time (dates are
// relative to `now`). It is written only into a database without any clinic.
#pragma once

#include <string>
#include <vector>

#include "auth/credentials.h"
#include "knowledge/knowledge.h"
#include "store/store.h"

namespace sciaticare {

inline constexpr char kDemoClinicName[] = "Riverside Massage & Physio";

// One password per role, the same for every demo user of that role. They are
// public (printed by `serve --demo` and in this header): a demo database must
// never hold real patients.
inline constexpr char kDemoAdminPassword[] = "demo-admin-2026";
inline constexpr char kDemoTherapistPassword[] = "demo-therapist-2026";
inline constexpr char kDemoFrontDeskPassword[] = "demo-frontdesk-2026";
inline constexpr char kDemoPatientPassword[] = "demo-patient-2026";

// The demo admin's email: present exactly when the demo was seeded.
inline constexpr char kDemoAdminEmail[] = "admin@riverside.example";

struct DemoLogin {
  std::string role;  // "admin", "therapist", "front_desk", "patient".
  std::string email;
  std::string password;
  std::string display_name;
};

// What the seeding wrote.
struct SeedReport {
  store::Id clinic_id = 0;
  std::string clinic_name;
  std::vector<DemoLogin> logins;  // Every demo user, admin first.
  int users = 0;
  int therapists = 0;
  int patients = 0;
  int assessments = 0;     // Intake assessments.
  int referred = 0;        // Intakes that referred the patient (no plan).
  int plans = 0;           // Plan versions created (drafts and revisions).
  int plan_revisions = 0;  // Of which therapists' revisions of an earlier version.
  int plans_approved = 0;  // Patients with an approved plan.
  int session_notes = 0;
  int consents = 0;              // Patients whose consent to hands-on work is recorded.
  int questionnaires = 0;        // Portal questionnaire entries.
  int appointments = 0;          // Past (done, cancelled) and coming (booked, requested).
  int appointments_missed = 0;   // Past ones cancelled, no-shows included.
  int appointment_requests = 0;  // Coming ones a patient asked for, not yet booked.
  int audit_entries = 0;
};

// The Store has no list of clinics. Clinic ids start at 1 and clinics are
// never removed, so ids run without gaps except where a database sequence
// skipped a value on a failed insert; this many missing ids in a row end a
// search.
inline constexpr store::Id kClinicIdGapTolerance = 16;

// True when the store holds at least one clinic (one of the first
// kClinicIdGapTolerance ids exists).
store::StoreResult<bool> StoreHasClinic(store::Store& db);

// Seeds the demo clinic into `db`, with record times before and appointments
// after `now` ("YYYY-MM-DDTHH:MM:SSZ"). Refuses with kConflict when the store
// already holds a clinic, and kInvalid for a malformed `now`. Every record
// written is also recorded in the audit trail with action "seed". Passwords
// are hashed at `cost`: kInteractive for a server, kFastForTests in tests.
// A store failure part-way leaves the records written so far.
store::StoreStatus SeedDemoClinic(store::Store& db, const Knowledge& k, const std::string& now,
                                  SeedReport& report,
                                  auth::HashCost cost = auth::HashCost::kInteractive);

// SeedDemoClinic into the database `url` names (as --db takes it), opened for
// a bulk load so that seeding takes a fraction of a second rather than a sync
// per record; closing it before returning makes everything durable. Call it
// before the server opens the database. An unusable `url` is kInvalid ("db").
store::StoreStatus SeedDemoDatabase(const std::string& url, const Knowledge& k,
                                    const std::string& now, SeedReport& report,
                                    auth::HashCost cost = auth::HashCost::kInteractive);

// The demo's logins, as SeedDemoClinic creates them (same order as
// SeedReport::logins), for telling people how to log in to a seeded database.
std::vector<DemoLogin> DemoLogins();

}  // namespace sciaticare
