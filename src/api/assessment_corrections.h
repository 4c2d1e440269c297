// Corrections of assessments (issue 15). A correction is a new assessment,
// screened and planned like any other through POST /patients/{id}/assessments,
// that names the one it corrects ("corrects") with a required "reason"; the
// original is kept unchanged and shown as corrected by it. Only the patient's
// latest screening may be corrected, so a correction never lets an older
// screening govern again. Also GET /assessments/{id} with its versions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/api_support.h"

namespace sciaticare::api {

// Pure: the ids of the versions of the assessment `id` belongs to, from the
// first original to the latest correction (just `id` when never corrected).
std::vector<Id> CorrectionChain(Id id, const std::vector<store::AssessmentCorrection>& corrections);

// Pure: the assessment's JSON with "corrects" and "corrected_by" (each
// {assessment_id, reason, by, by_name, at}, or null) from the patient's corrections.
json WithCorrections(json assessment, Id id,
                     const std::vector<store::AssessmentCorrection>& corrections);

// What a request to correct asked for, checked before the correction is assessed.
struct PendingCorrection {
  store::Assessment original;
  std::string reason;
  // The original's intake records that symptoms spread during treatment
  // before it: found by the server in the session notes, not answered by the
  // clinician, so the correction of that visit keeps it (issue 15).
  bool symptoms_had_spread = false;
};

// Reads "corrects" and "reason" from an assessment body: nullopt when the
// body corrects nothing. Stops with 422 naming the field for a bad id or a
// missing reason, 404 when the original is not the patient's, and 409 naming
// the latest when the original is not the patient's latest screening.
std::optional<PendingCorrection> ReadCorrection(Api& api, const Caller& c, Id patient_id,
                                                const json& body);

// Keeps that `stored` corrects the original, audited, in the request's unit of work.
store::AssessmentCorrection KeepCorrection(Api& api, const Caller& c, const http::Request& req,
                                           const PendingCorrection& pending,
                                           const store::Assessment& stored);

// GET /api/v1/assessments/{id}: clinicians only.
void AddAssessmentRoutes(http::Router& router, Api& api);

}  // namespace sciaticare::api
