// Input rules every Store implementation checks before touching its database,
// so SQLite and PostgreSQL reject the same requests with the same kInvalid
// error naming the field. Rules that need the database (does the patient exist
// in this clinic?) are the implementation's.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/utc_time.h"
#include "store/records.h"
#include "store/store.h"
#include "store/store_result.h"

namespace sciaticare::store {

using Problem = std::optional<StoreError>;

// Well-formed UTF-8 without NUL characters: what a PostgreSQL text column can
// hold byte for byte (it refuses broken UTF-8, and a NUL would cut the value
// short), so every text a store keeps must be this on every backend.
bool IsStorableText(std::string_view s);
Problem CheckText(std::string_view field, std::string_view value);

// An email address of the shape mail can be delivered to: at most 254 bytes,
// one '@', a local part of 1-64 bytes without spaces, control characters or
// the delimiters "(),:;<>[\], and a domain of two or more dot-separated
// labels of ASCII letters, digits and inner hyphens (1-63 each). Every door
// that makes an account goes through ValidateUser, which applies it.
bool IsEmailAddress(std::string_view email);

Problem CheckUtcTime(std::string_view field, std::string_view value);
// `from` and `to` are UTC times and `to` is not before `from`.
Problem CheckTimeRange(std::string_view from, std::string_view to);
Problem CheckPage(const PageRequest& page);

Problem ValidateClinic(const Clinic& c);
Problem ValidateUser(const User& u);
Problem ValidateTherapistProfile(const TherapistProfile& p);
Problem ValidatePatient(const Patient& p);
Problem ValidateAssessment(const Assessment& a);
Problem ValidatePlan(const PlanRecord& p);
Problem ValidateReferral(const Referral& r);
Problem ValidateReferralEvent(const ReferralEvent& e);
Problem ValidateSessionNote(const SessionNote& n);
Problem ValidateAppointment(const Appointment& a);
Problem ValidateAudit(const AuditEntry& e);
Problem ValidateAuditQuery(const AuditQuery& q);
Problem ValidateAuthSession(const AuthSession& s);
Problem ValidateLoginAttempt(const LoginAttempt& a);
Problem ValidatePortalInvite(const PortalInvite& i);
Problem ValidateIntakeDraft(const IntakeDraft& d);
Problem ValidateConsent(const ConsentRecord& c);
Problem ValidateApiToken(const ApiToken& t);
// The key is 1-200 printable ASCII characters (space to tilde).
bool IsIdempotencyKey(std::string_view key);
Problem ValidateIdempotentAnswer(const IdempotentAnswer& a);

}  // namespace sciaticare::store
