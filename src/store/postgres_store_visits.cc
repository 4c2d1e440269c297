// PostgreSQL store: session notes and appointments.
#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

const std::string& SelectNotes() {
  static const std::string sql = "SELECT " + kPgSessionNoteColumns + " FROM session_notes ";
  return sql;
}

const std::string& SelectAppointments() {
  static const std::string sql = "SELECT " + kPgAppointmentColumns + " FROM appointments ";
  return sql;
}

// The clinical content of a note, shared by insert and update, after
// `first` leading parameters: $first+1 ... $first+15.
std::vector<PgParam> NoteContent(std::vector<PgParam> first, const SessionNote& n) {
  for (PgParam p :
       {Arg(n.plan_id), Arg(n.occurred_at), Arg(n.subjective), Arg(n.objective), Arg(n.assessment),
        Arg(n.plan_text), Arg(n.leg_pain_before), Arg(n.leg_pain_after), Arg(n.back_pain_before),
        Arg(n.back_pain_after), Arg(n.techniques_json), Arg(n.oils_used),
        Arg(n.adverse_events_json), Arg(n.deviations_json), Arg(n.red_flags_json)}) {
    first.push_back(std::move(p));
  }
  return first;
}

// How the note is signed, after its content: status, signer, when.
std::vector<PgParam> Signing(std::vector<PgParam> params, const SessionNote& n) {
  params.push_back(Arg(n.status));
  params.push_back(Arg(n.signed_by));
  params.push_back(n.signed_by ? Arg(n.signed_at) : Arg(std::nullopt));
  return params;
}

std::vector<PgParam> WithVersion(std::vector<PgParam> params, int version) {
  params.push_back(Arg(version));
  return params;
}

}  // namespace

StoreResult<SessionNote> PostgresStore::CreateSessionNote(const SessionNote& note) {
  if (auto problem = ValidateSessionNote(note)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<SessionNote> {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", note.clinic_id, note.patient_id)) {
      return *e;
    }
    if (auto e = PgCheckTherapist(tx, "therapist_id", note.clinic_id, note.therapist_id)) {
      return *e;
    }
    if (note.plan_id) {
      if (auto e = PgCheckPlanOfPatient(tx, note.clinic_id, note.patient_id, *note.plan_id)) {
        return *e;
      }
    }
    SessionNote out = note;
    out.id = Scalar(tx.ExecParams(
        "INSERT INTO session_notes (clinic_id, patient_id, therapist_id, created_at, version, "
        "plan_id, occurred_at, subjective, objective, assessment, plan_text, leg_pain_before, "
        "leg_pain_after, back_pain_before, back_pain_after, techniques_json, oils_used, "
        "adverse_events_json, deviations_json, red_flags_json, status, signed_by, signed_at) "
        "VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
        "$18, $19, $20, $21, $22) RETURNING id",
        Signing(NoteContent({Arg(note.clinic_id), Arg(note.patient_id), Arg(note.therapist_id),
                             Arg(note.created_at)},
                            note),
                note)));
    out.version = 1;
    tx.Commit();
    return out;
  });
}

StoreResult<SessionNote> PostgresStore::GetSessionNote(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<SessionNote> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec(SelectNotes() + "WHERE clinic_id = $1 AND id = $2", clinic_id, id),
                   PgReadSessionNote);
    if (!row) return NotFound("id", "no such session note in this clinic");
    return *row;
  });
}

StoreResult<SessionNote> PostgresStore::UpdateSessionNote(const SessionNote& note,
                                                          int expected_version) {
  if (auto problem = ValidateSessionNote(note)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<SessionNote> {
    PgTx tx(c, Kind::kWrite);
    auto stored = One(tx.Exec(SelectNotes() + "WHERE clinic_id = $1 AND id = $2 FOR NO KEY UPDATE",
                              note.clinic_id, note.id),
                      PgReadSessionNote);
    if (!stored) return NotFound("id", "no such session note in this clinic");
    if (stored->version != expected_version) {
      return Conflict("version", "the note was changed meanwhile (now version " +
                                     std::to_string(stored->version) + ")");
    }
    if (stored->status != "draft") {
      return Conflict("status", "a signed note is changed by an amendment");
    }
    if (note.patient_id != stored->patient_id) return Invalid("patient_id", "cannot change");
    if (note.therapist_id != stored->therapist_id) {
      return Invalid("therapist_id", "cannot change");
    }
    if (note.plan_id) {
      if (auto e = PgCheckPlanOfPatient(tx, note.clinic_id, note.patient_id, *note.plan_id)) {
        return *e;
      }
    }
    auto updated = One(
        tx.ExecParams(
            "UPDATE session_notes SET plan_id = $3, occurred_at = $4, subjective = $5, "
            "objective = $6, assessment = $7, plan_text = $8, leg_pain_before = $9, "
            "leg_pain_after = $10, back_pain_before = $11, back_pain_after = $12, "
            "techniques_json = $13, oils_used = $14, adverse_events_json = $15, deviations_json = "
            "$16, red_flags_json = $17, version = version + 1 WHERE clinic_id = $1 AND id = $2 AND "
            "version = $18 "
            "RETURNING " +
                kPgSessionNoteColumns,
            WithVersion(NoteContent({Arg(note.clinic_id), Arg(note.id)}, note), expected_version)),
        PgReadSessionNote);
    // The row is locked since it was read, so the version still matches.
    if (!updated) return Conflict("version", "the note was changed meanwhile");
    tx.Commit();
    return *updated;
  });
}

StoreResult<Page<SessionNote>> PostgresStore::ListSessionNotes(Id clinic_id, Id patient_id,
                                                               const PageRequest& request) {
  if (auto problem = CheckPage(request)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Page<SessionNote>> {
    PgTx tx(c, Kind::kSnapshot);  // The count and the page from one snapshot.
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic_id, patient_id)) return *e;
    Page<SessionNote> page;
    page.total = Scalar(
        tx.Exec("SELECT COUNT(*) FROM session_notes WHERE clinic_id = $1 AND patient_id = $2",
                clinic_id, patient_id));
    page.items =
        All(tx.Exec(SelectNotes() + "WHERE clinic_id = $1 AND patient_id = $2 ORDER BY occurred_at "
                                    "DESC, id DESC LIMIT $3 OFFSET $4",
                    clinic_id, patient_id, request.limit, request.offset),
            PgReadSessionNote);
    tx.Commit();
    return page;
  });
}

StoreResult<Appointment> PostgresStore::GetAppointment(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<Appointment> {
    PgTx tx(c, Kind::kRead);
    auto row =
        One(tx.Exec(SelectAppointments() + "WHERE clinic_id = $1 AND id = $2", clinic_id, id),
            PgReadAppointment);
    if (!row) return NotFound("id", "no such appointment in this clinic");
    return *row;
  });
}

StoreResult<std::vector<Appointment>> PostgresStore::ListAppointments(Id clinic_id,
                                                                      std::string_view from,
                                                                      std::string_view to) {
  if (auto problem = CheckTimeRange(from, to)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<std::vector<Appointment>> {
    PgTx tx(c, Kind::kRead);
    return All(tx.Exec(SelectAppointments() +
                           "WHERE clinic_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY "
                           "starts_at, id",
                       clinic_id, from, to),
               PgReadAppointment);
  });
}

StoreResult<std::vector<Appointment>> PostgresStore::ListPatientAppointments(Id clinic_id,
                                                                             Id patient_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<Appointment>> {
    PgTx tx(c, Kind::kSnapshot);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic_id, patient_id)) return *e;
    auto rows = All(tx.Exec(SelectAppointments() +
                                "WHERE clinic_id = $1 AND patient_id = $2 ORDER BY starts_at, id",
                            clinic_id, patient_id),
                    PgReadAppointment);
    tx.Commit();
    return rows;
  });
}

}  // namespace sciaticare::store
