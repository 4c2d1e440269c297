// SQLite store: session notes and appointments.
#include "store/sqlite_group_commit.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

const std::string& SelectNotes() {
  static const std::string sql = "SELECT " + kSessionNoteColumns + " FROM session_notes ";
  return sql;
}

const std::string& SelectAppointments() {
  static const std::string sql = "SELECT " + kAppointmentColumns + " FROM appointments ";
  return sql;
}

// Binds the clinical content of a note, shared by insert and update.
SqliteQuery& BindNoteContent(SqliteQuery& q, const SessionNote& n) {
  return q.Bind(":plan", n.plan_id)
      .Bind(":occurred", n.occurred_at)
      .Bind(":subjective", n.subjective)
      .Bind(":objective", n.objective)
      .Bind(":assessment", n.assessment)
      .Bind(":plan_text", n.plan_text)
      .Bind(":leg_before", n.leg_pain_before)
      .Bind(":leg_after", n.leg_pain_after)
      .Bind(":back_before", n.back_pain_before)
      .Bind(":back_after", n.back_pain_after)
      .Bind(":techniques", n.techniques_json)
      .BindBool(":oils", n.oils_used)
      .Bind(":adverse", n.adverse_events_json)
      .Bind(":deviations", n.deviations_json)
      .Bind(":red_flags", n.red_flags_json);
}

}  // namespace

std::optional<StoreError> SqliteStore::InsertSessionNote(SessionNote& note) {
  if (auto e = CheckInClinic("patients", "patient_id", note.clinic_id, note.patient_id)) {
    return *e;
  }
  if (auto e = CheckTherapist("therapist_id", note.clinic_id, note.therapist_id)) return *e;
  if (note.plan_id) {
    if (auto e = CheckPlanOfPatient(note.clinic_id, note.patient_id, *note.plan_id)) return *e;
  }
  SqliteQuery q = Prepare(
      "INSERT INTO session_notes (clinic_id, patient_id, therapist_id, created_at, version, "
      "plan_id, occurred_at, subjective, objective, assessment, plan_text, leg_pain_before, "
      "leg_pain_after, back_pain_before, back_pain_after, techniques_json, oils_used, "
      "adverse_events_json, deviations_json, red_flags_json, status, signed_by, signed_at) VALUES "
      "(:clinic, :patient, :therapist, :created, 1, :plan, :occurred, :subjective, :objective, "
      ":assessment, :plan_text, :leg_before, :leg_after, :back_before, :back_after, :techniques, "
      ":oils, :adverse, :deviations, :red_flags, :status, :signed_by, :signed_at)");
  q.Bind(":clinic", note.clinic_id)
      .Bind(":patient", note.patient_id)
      .Bind(":therapist", note.therapist_id)
      .Bind(":created", note.created_at)
      .Bind(":status", note.status)
      .Bind(":signed_by", note.signed_by)
      .Bind(":signed_at",
            note.signed_by ? std::optional<std::string>(note.signed_at) : std::nullopt);
  BindNoteContent(q, note).Exec();
  note.id = Db().getLastInsertRowid();
  note.version = 1;
  return std::nullopt;
}

StoreResult<SessionNote> SqliteStore::CreateSessionNote(const SessionNote& note) {
  if (auto problem = ValidateSessionNote(note)) return *problem;
  return Writing([&]() -> StoreResult<SessionNote> {
    SessionNote out = note;
    if (auto e = InsertSessionNote(out)) return *e;
    return out;
  });
}

void SqliteStore::CreateSessionNoteAsync(const SessionNote& note, AlsoWrite also,
                                         Callback<SessionNote> done) {
  if (auto problem = ValidateSessionNote(note)) return done(*problem);
  auto out = std::make_shared<SessionNote>(note);
  // The note and what goes with it (its audit entry) are one member of the
  // batch, under one savepoint: both are committed or neither.
  group_->Submit({[this, out, also = std::move(also)]() -> GroupCommit::Outcome {
                    if (auto e = InsertSessionNote(*out)) return e;
                    if (!also) return std::nullopt;
                    StoreStatus more = also(*out);
                    if (!more.ok()) return more.error();
                    return std::nullopt;
                  },
                  [out, done = std::move(done)](GroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  }});
}

StoreResult<SessionNote> SqliteStore::GetSessionNote(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<SessionNote> {
    auto row = Prepare(SelectNotes() + "WHERE clinic_id = :clinic AND id = :id")
                   .Bind(":clinic", clinic_id)
                   .Bind(":id", id)
                   .One(ReadSessionNote);
    if (!row) return NotFound("id", "no such session note in this clinic");
    return *row;
  });
}

StoreResult<SessionNote> SqliteStore::UpdateSessionNote(const SessionNote& note,
                                                        int expected_version) {
  if (auto problem = ValidateSessionNote(note)) return *problem;
  return Writing([&]() -> StoreResult<SessionNote> {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    auto stored = Prepare(SelectNotes() + "WHERE clinic_id = :clinic AND id = :id")
                      .Bind(":clinic", note.clinic_id)
                      .Bind(":id", note.id)
                      .One(ReadSessionNote);
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
      if (auto e = CheckPlanOfPatient(note.clinic_id, note.patient_id, *note.plan_id)) return *e;
    }
    SqliteQuery q = Prepare(
        "UPDATE session_notes SET plan_id = :plan, occurred_at = :occurred, subjective = "
        ":subjective, objective = :objective, assessment = :assessment, plan_text = :plan_text, "
        "leg_pain_before = :leg_before, leg_pain_after = :leg_after, back_pain_before = "
        ":back_before, back_pain_after = :back_after, techniques_json = :techniques, oils_used = "
        ":oils, adverse_events_json = :adverse, deviations_json = :deviations, red_flags_json = "
        ":red_flags, version = version + 1 WHERE id = :id");
    q.Bind(":id", note.id);
    BindNoteContent(q, note).Exec();
    auto updated =
        Prepare(SelectNotes() + "WHERE id = :id").Bind(":id", note.id).One(ReadSessionNote);
    tx.commit();
    return *updated;
  });
}

StoreResult<Page<SessionNote>> SqliteStore::ListSessionNotes(Id clinic_id, Id patient_id,
                                                             const PageRequest& request) {
  if (auto problem = CheckPage(request)) return *problem;
  return Reading([&]() -> StoreResult<Page<SessionNote>> {
    SqliteTransaction tx;  // The count and the page from one snapshot.
    if (auto e = CheckInClinic("patients", "patient_id", clinic_id, patient_id)) return *e;
    Page<SessionNote> page;
    page.total = Prepare(
                     "SELECT COUNT(*) FROM session_notes WHERE clinic_id = :clinic AND "
                     "patient_id = :patient")
                     .Bind(":clinic", clinic_id)
                     .Bind(":patient", patient_id)
                     .Scalar();
    page.items = Prepare(SelectNotes() +
                         "WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY "
                         "occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                     .Bind(":clinic", clinic_id)
                     .Bind(":patient", patient_id)
                     .Bind(":limit", request.limit)
                     .Bind(":offset", request.offset)
                     .All(ReadSessionNote);
    tx.commit();
    return page;
  });
}

StoreResult<Appointment> SqliteStore::GetAppointment(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<Appointment> {
    auto row = Prepare(SelectAppointments() + "WHERE clinic_id = :clinic AND id = :id")
                   .Bind(":clinic", clinic_id)
                   .Bind(":id", id)
                   .One(ReadAppointment);
    if (!row) return NotFound("id", "no such appointment in this clinic");
    return *row;
  });
}

StoreResult<std::vector<Appointment>> SqliteStore::ListAppointments(Id clinic_id,
                                                                    std::string_view from,
                                                                    std::string_view to) {
  if (auto problem = CheckTimeRange(from, to)) return *problem;
  return Reading([&]() -> StoreResult<std::vector<Appointment>> {
    return Prepare(SelectAppointments() +
                   "WHERE clinic_id = :clinic AND starts_at >= :from AND starts_at < :to ORDER BY "
                   "starts_at, id")
        .Bind(":clinic", clinic_id)
        .Bind(":from", from)
        .Bind(":to", to)
        .All(ReadAppointment);
  });
}

StoreResult<std::vector<Appointment>> SqliteStore::ListPatientAppointments(Id clinic_id,
                                                                           Id patient_id) {
  return Reading([&]() -> StoreResult<std::vector<Appointment>> {
    if (auto e = CheckInClinic("patients", "patient_id", clinic_id, patient_id)) return *e;
    return Prepare(SelectAppointments() +
                   "WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY starts_at, id")
        .Bind(":clinic", clinic_id)
        .Bind(":patient", patient_id)
        .All(ReadAppointment);
  });
}

}  // namespace sciaticare::store
