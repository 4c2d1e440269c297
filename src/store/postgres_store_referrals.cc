// PostgreSQL store: referrals and their append-only events.
#include <map>

#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

constexpr const char* kReferralColumns =
    "id, clinic_id, patient_id, assessment_id, session_id, urgency, flags_json, findings, "
    "opened_by, opened_at";
constexpr const char* kEventColumns =
    "id, clinic_id, referral_id, kind, detail_json, recorded_by, recorded_at";

std::optional<Id> OptionalId(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::int64_t>();
}

Referral ReadReferralRow(const pqxx::row& r) {
  Referral out;
  out.id = r[0].as<std::int64_t>();
  out.clinic_id = r[1].as<std::int64_t>();
  out.patient_id = r[2].as<std::int64_t>();
  out.assessment_id = OptionalId(r[3]);
  out.session_id = OptionalId(r[4]);
  out.urgency = r[5].as<std::string>();
  out.flags_json = r[6].as<std::string>();
  out.findings = r[7].as<std::string>();
  out.opened_by = r[8].as<std::int64_t>();
  out.opened_at = r[9].as<std::string>();
  return out;
}

ReferralEvent ReadEventRow(const pqxx::row& r) {
  ReferralEvent e;
  e.id = r[0].as<std::int64_t>();
  e.clinic_id = r[1].as<std::int64_t>();
  e.referral_id = r[2].as<std::int64_t>();
  e.kind = r[3].as<std::string>();
  e.detail_json = r[4].as<std::string>();
  e.recorded_by = r[5].as<std::int64_t>();
  e.recorded_at = r[6].as<std::string>();
  return e;
}

}  // namespace

// The clinic's referrals with their events (of one patient unless
// `patient_id` is 0), by patient then id.
std::vector<Referral> PgReadReferrals(PgTx& tx, Id clinic_id, Id patient_id) {
  static const std::string where = "clinic_id = $1 AND ($2::bigint = 0 OR patient_id = $2::bigint)";
  std::vector<Referral> referrals =
      All(tx.Exec(std::string("SELECT ") + kReferralColumns + " FROM referrals WHERE " + where +
                      " ORDER BY patient_id, id",
                  clinic_id, patient_id),
          ReadReferralRow);
  if (referrals.empty()) return referrals;
  std::map<Id, Referral*> by_id;
  for (Referral& r : referrals) by_id[r.id] = &r;
  const auto events =
      All(tx.Exec(std::string("SELECT ") + kEventColumns +
                      " FROM referral_events WHERE clinic_id = $1 AND referral_id IN (SELECT id "
                      "FROM referrals WHERE " +
                      where + ") ORDER BY referral_id, id",
                  clinic_id, patient_id),
          ReadEventRow);
  for (const ReferralEvent& e : events) by_id[e.referral_id]->events.push_back(e);
  return referrals;
}

StoreResult<Referral> PostgresStore::CreateReferral(const Referral& referral) {
  if (auto problem = ValidateReferral(referral)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Referral> {
    PgTx tx(c, Kind::kWrite);
    const Id clinic = referral.clinic_id;
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic, referral.patient_id))
      return *e;
    if (auto e = PgCheckInClinic(tx, "users", "opened_by", clinic, referral.opened_by)) return *e;
    auto of_patient = [&](const std::string& table, Id id) {
      return Scalar(tx.Exec(
                 "SELECT 1 FROM " + table + " WHERE clinic_id = $1 AND patient_id = $2 AND id = $3",
                 clinic, referral.patient_id, id)) != 0;
    };
    if (referral.assessment_id && !of_patient("assessments", *referral.assessment_id))
      return NotFound("assessment_id", "no such assessment of this patient");
    if (referral.session_id && !of_patient("session_notes", *referral.session_id))
      return NotFound("session_id", "no such session note of this patient");
    const Id id = Scalar(tx.Exec(
        "INSERT INTO referrals (clinic_id, patient_id, assessment_id, session_id, urgency, "
        "flags_json, findings, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        "RETURNING id",
        clinic, referral.patient_id, referral.assessment_id, referral.session_id, referral.urgency,
        referral.flags_json, referral.findings, referral.opened_by, referral.opened_at));
    tx.Commit();
    Referral stored = referral;
    stored.id = id;
    stored.events.clear();
    return stored;
  });
}

StoreResult<ReferralEvent> PostgresStore::AddReferralEvent(const ReferralEvent& event) {
  if (auto problem = ValidateReferralEvent(event)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<ReferralEvent> {
    PgTx tx(c, Kind::kWrite);
    if (auto e =
            PgCheckInClinic(tx, "referrals", "referral_id", event.clinic_id, event.referral_id))
      return *e;
    if (auto e = PgCheckInClinic(tx, "users", "recorded_by", event.clinic_id, event.recorded_by))
      return *e;
    const Id id = Scalar(tx.Exec(
        "INSERT INTO referral_events (clinic_id, referral_id, kind, detail_json, recorded_by, "
        "recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        event.clinic_id, event.referral_id, event.kind, event.detail_json, event.recorded_by,
        event.recorded_at));
    tx.Commit();
    ReferralEvent stored = event;
    stored.id = id;
    return stored;
  });
}

StoreResult<Referral> PostgresStore::GetReferral(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<Referral> {
    PgTx tx(c, Kind::kSnapshot);
    const Id patient = Scalar(tx.Exec(
        "SELECT patient_id FROM referrals WHERE clinic_id = $1 AND id = $2", clinic_id, id));
    if (patient != 0) {
      for (Referral& r : PgReadReferrals(tx, clinic_id, patient)) {
        if (r.id == id) return std::move(r);
      }
    }
    return NotFound("id", "no such referral in this clinic");
  });
}

StoreResult<std::vector<Referral>> PostgresStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<Referral>> {
    PgTx tx(c, Kind::kSnapshot);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic_id, patient_id)) return *e;
    return PgReadReferrals(tx, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
