// SQLite store: referrals and their append-only events.
#include <map>

#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

constexpr const char* kReferralColumns =
    "id, clinic_id, patient_id, assessment_id, session_id, urgency, flags_json, findings, "
    "opened_by, opened_at";
constexpr const char* kEventColumns =
    "id, clinic_id, referral_id, kind, detail_json, recorded_by, recorded_at";

std::optional<Id> OptionalId(SQLite::Statement& s, int column) {
  if (s.getColumn(column).isNull()) return std::nullopt;
  return s.getColumn(column).getInt64();
}

Referral ReadReferralRow(SQLite::Statement& s) {
  Referral r;
  r.id = s.getColumn(0).getInt64();
  r.clinic_id = s.getColumn(1).getInt64();
  r.patient_id = s.getColumn(2).getInt64();
  r.assessment_id = OptionalId(s, 3);
  r.session_id = OptionalId(s, 4);
  r.urgency = s.getColumn(5).getString();
  r.flags_json = s.getColumn(6).getString();
  r.findings = s.getColumn(7).getString();
  r.opened_by = s.getColumn(8).getInt64();
  r.opened_at = s.getColumn(9).getString();
  return r;
}

ReferralEvent ReadEventRow(SQLite::Statement& s) {
  ReferralEvent e;
  e.id = s.getColumn(0).getInt64();
  e.clinic_id = s.getColumn(1).getInt64();
  e.referral_id = s.getColumn(2).getInt64();
  e.kind = s.getColumn(3).getString();
  e.detail_json = s.getColumn(4).getString();
  e.recorded_by = s.getColumn(5).getInt64();
  e.recorded_at = s.getColumn(6).getString();
  return e;
}

}  // namespace

std::vector<Referral> SqliteStore::ReadReferrals(Id clinic_id, std::optional<Id> patient_id) {
  // :patient 0 reads the whole clinic.
  const std::string where = "clinic_id = :clinic AND (:patient = 0 OR patient_id = :patient)";
  std::vector<Referral> referrals =
      Prepare(std::string("SELECT ") + kReferralColumns + " FROM referrals WHERE " + where +
              " ORDER BY patient_id, id")
          .Bind(":clinic", clinic_id)
          .Bind(":patient", patient_id.value_or(0))
          .All(ReadReferralRow);
  if (referrals.empty()) return referrals;
  std::map<Id, Referral*> by_id;
  for (Referral& r : referrals) by_id[r.id] = &r;
  const auto events =
      Prepare(std::string("SELECT ") + kEventColumns +
              " FROM referral_events WHERE clinic_id = :clinic AND referral_id IN (SELECT id FROM "
              "referrals WHERE " +
              where + ") ORDER BY referral_id, id")
          .Bind(":clinic", clinic_id)
          .Bind(":patient", patient_id.value_or(0))
          .All(ReadEventRow);
  for (const ReferralEvent& e : events) by_id[e.referral_id]->events.push_back(e);
  return referrals;
}

StoreResult<Referral> SqliteStore::CreateReferral(const Referral& referral) {
  if (auto problem = ValidateReferral(referral)) return *problem;
  return Writing([&]() -> StoreResult<Referral> {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    const Id clinic = referral.clinic_id;
    if (auto e = CheckInClinic("patients", "patient_id", clinic, referral.patient_id)) return *e;
    if (auto e = CheckInClinic("users", "opened_by", clinic, referral.opened_by)) return *e;
    auto of_patient = [&](const char* table, Id id) {
      return Prepare(std::string("SELECT 1 FROM ") + table +
                     " WHERE clinic_id = :clinic AND patient_id = :patient AND id = :id")
                 .Bind(":clinic", clinic)
                 .Bind(":patient", referral.patient_id)
                 .Bind(":id", id)
                 .Scalar() != 0;
    };
    if (referral.assessment_id && !of_patient("assessments", *referral.assessment_id))
      return NotFound("assessment_id", "no such assessment of this patient");
    if (referral.session_id && !of_patient("session_notes", *referral.session_id))
      return NotFound("session_id", "no such session note of this patient");
    Prepare(
        "INSERT INTO referrals (clinic_id, patient_id, assessment_id, session_id, urgency, "
        "flags_json, findings, opened_by, opened_at) VALUES (:clinic, :patient, :assessment, "
        ":session, :urgency, :flags, :findings, :by, :at)")
        .Bind(":clinic", clinic)
        .Bind(":patient", referral.patient_id)
        .Bind(":assessment", referral.assessment_id)
        .Bind(":session", referral.session_id)
        .Bind(":urgency", referral.urgency)
        .Bind(":flags", referral.flags_json)
        .Bind(":findings", referral.findings)
        .Bind(":by", referral.opened_by)
        .Bind(":at", referral.opened_at)
        .Exec();
    Referral stored = referral;
    stored.id = Db().getLastInsertRowid();
    stored.events.clear();
    tx.commit();
    return stored;
  });
}

StoreResult<ReferralEvent> SqliteStore::AddReferralEvent(const ReferralEvent& event) {
  if (auto problem = ValidateReferralEvent(event)) return *problem;
  return Writing([&]() -> StoreResult<ReferralEvent> {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    if (auto e = CheckInClinic("referrals", "referral_id", event.clinic_id, event.referral_id))
      return *e;
    if (auto e = CheckInClinic("users", "recorded_by", event.clinic_id, event.recorded_by))
      return *e;
    Prepare(
        "INSERT INTO referral_events (clinic_id, referral_id, kind, detail_json, recorded_by, "
        "recorded_at) VALUES (:clinic, :referral, :kind, :detail, :by, :at)")
        .Bind(":clinic", event.clinic_id)
        .Bind(":referral", event.referral_id)
        .Bind(":kind", event.kind)
        .Bind(":detail", event.detail_json)
        .Bind(":by", event.recorded_by)
        .Bind(":at", event.recorded_at)
        .Exec();
    ReferralEvent stored = event;
    stored.id = Db().getLastInsertRowid();
    tx.commit();
    return stored;
  });
}

StoreResult<Referral> SqliteStore::GetReferral(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<Referral> {
    SqliteTransaction tx;
    auto patient =
        Prepare("SELECT patient_id FROM referrals WHERE clinic_id = :clinic AND id = :id")
            .Bind(":clinic", clinic_id)
            .Bind(":id", id)
            .One([](SQLite::Statement& s) { return s.getColumn(0).getInt64(); });
    if (!patient) return NotFound("id", "no such referral in this clinic");
    for (Referral& r : ReadReferrals(clinic_id, *patient)) {
      if (r.id == id) return std::move(r);
    }
    return NotFound("id", "no such referral in this clinic");
  });
}

StoreResult<std::vector<Referral>> SqliteStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Reading([&]() -> StoreResult<std::vector<Referral>> {
    SqliteTransaction tx;
    if (auto e = CheckInClinic("patients", "patient_id", clinic_id, patient_id)) return *e;
    return ReadReferrals(clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
