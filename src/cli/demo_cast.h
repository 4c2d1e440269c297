// The demo clinic's people, read from demo/cast.json (compiled into the
// binary): the staff, and for each of the 30 invented patients who they are
// and where they are in their care. The seeder generates their records; this
// says whom it generates them for. ParseDemoCast refuses a malformed cast
// with the field at fault; BuiltinDemoCast is the compiled-in one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/vocabulary.h"

namespace sciaticare::demo {

// Where a patient is in their care.
enum class Course {
  kReferred,  // Screening referred them at intake: no plan, no sessions.
  kFull,      // Eight weekly sessions done; questionnaires at 0, 4 and 8 weeks.
  kRecent,    // Started two to four weeks ago.
  kNew,       // Assessed in the last days; the draft plan awaits the therapist.
};

// How a patient's pain goes over the course.
enum class Trend {
  kResponds,  // Down by about half over eight weeks.
  kFlat,      // No meaningful change.
  kWorsens,   // Up by two points or more: the course is paused and the GP asked to review.
};

// How the patient's consent to hands-on work was taken at intake.
enum class CastConsent {
  kWritten,      // Signed form (the default).
  kVerbal,       // Said yes aloud, noted by the therapist.
  kNotRecorded,  // Not asked yet: the chart warns before any hands-on work.
};

struct CastStaff {
  std::string name;
  std::string email;
};

struct CastTherapist {
  std::string name;
  std::string email;
  std::vector<Technique> modalities;
  int years_experience = 0;
  int sciatica_experience_years = 0;
  std::string bio;
};

struct CastPatient {
  std::string given_name;
  std::string family_name;
  std::string sex;  // Intake and patient record value.
  int age = 0;
  std::string occupation;
  Course course = Course::kFull;
  Trend trend = Trend::kResponds;
  bool portal_login = false;
  std::vector<std::string> red_flags;  // Answered yes at intake: why a referred patient is.
  // What the intake says beyond the generated answers: "patient", "conditions"
  // and "preferences" objects merged over them, "unanswered_red_flags" left
  // null. A condition's "side": "other_leg" is the side without the symptoms.
  nlohmann::json intake = nlohmann::json::object();
  std::string clearance_by;            // A doctor's clearance comes with the approval.
  int symptoms_spread_at_session = 0;  // Then the plan is made lighter (0: never).
  CastConsent consent = CastConsent::kWritten;

  std::string Email() const;  // given.family@example.com, lower case.
};

struct DemoCast {
  std::string admin_name;  // The admin's email is kDemoAdminEmail: the server looks for it.
  CastStaff front_desk;
  std::vector<CastTherapist> therapists;
  std::vector<CastPatient> patients;
};

// Reads a cast document; an error names the field at fault (e.g. "patients[3].course").
Result<DemoCast> ParseDemoCast(std::string_view text);

// demo/cast.json as compiled into this binary, read once (thread-safe). The
// test suite proves it reads, so a failure here is a build defect: it throws
// std::logic_error.
const DemoCast& BuiltinDemoCast();

}  // namespace sciaticare::demo
