// The mail worker over every backend (store_contract.h): two workers on two
// stores of one database, racing, send each due message once; an unreachable
// server is retried with growing waits and every attempt kept, then given up
// as failed; and, over random sequences of bookings, moves, cancellations and
// worker runs, what arrives is exactly what a model of the outbox says is
// owed: each event at most once, every due event delivered.
#include <map>
#include <random>
#include <set>
#include <thread>

#include "core/utc_time.h"
#include "mail/mail_worker.h"
#include "mail/recording_sender.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using mail::MailWorker;
using mail::MailWorkerOptions;
using mail::testing::RecordingSender;

// A clock the test moves by hand.
struct TestClock {
  std::int64_t seconds = *UtcSeconds("2026-12-07T08:00:00Z");
  std::string operator()() const { return FormatUtc(seconds); }
};

MailWorkerOptions Options(const std::string& name, const TestClock& clock) {
  MailWorkerOptions o;
  o.name = name;
  o.batch = 500;
  o.max_attempts = 4;
  o.now = [&clock] { return clock(); };
  return o;
}

AppointmentChange Change(Id clinic, Id by, const std::string& kind, const std::string& reason,
                         const TestClock& clock) {
  AppointmentChange c;
  c.clinic_id = clinic;
  c.kind = kind;
  c.reason = reason;
  c.changed_by = by;
  c.changed_at = clock();
  return c;
}

}  // namespace

TEST(MailRetry, WaitsDoubleFromTheFirstRetryUpToTheLongest) {
  MailWorkerOptions o;
  o.first_retry_seconds = 60;
  o.longest_retry_seconds = 3600;
  EXPECT_EQ(mail::RetryDelaySeconds(1, o), 60);
  EXPECT_EQ(mail::RetryDelaySeconds(2, o), 120);
  EXPECT_EQ(mail::RetryDelaySeconds(3, o), 240);
  EXPECT_EQ(mail::RetryDelaySeconds(7, o), 3600);
  EXPECT_EQ(mail::RetryDelaySeconds(60, o), 3600);
}

TEST_P(StoreContractTest, TwoWorkersOnTwoServersSendEachMessageOnce) {
  // A second store on the same database: another server process.
  std::unique_ptr<Store> other = Must(GetParam().open(dir_.path()));
  std::vector<Patient> patients;
  for (int i = 0; i < 6; ++i) {
    patients.push_back(
        Must(store_->CreatePatient(NewPatient(a_.id, "P" + std::to_string(i), "X"))));
  }
  for (int i = 0; i < 30; ++i) {
    Must(store_->CreateAppointment(
        NewAppointment(a_.id, patients[i % 6].id, therapist_a_.id,
                       FormatUtc(*UtcSeconds("2026-12-09T08:00:00Z") + i * 3600))));
  }
  TestClock clock;
  clock.seconds =
      *UtcSeconds("2026-12-09T07:00:00Z");  // Every confirmation and some reminders due.
  RecordingSender sender;
  MailWorkerOptions small_batches = Options("w1", clock);
  small_batches.batch = 3;
  MailWorker first(*store_, sender, small_batches);
  small_batches.name = "w2";
  MailWorker second(*other, sender, small_batches);
  auto drain = [](MailWorker& w) {
    for (int round = 0; round < 40; ++round) w.RunOnce();
  };
  std::thread t1(drain, std::ref(first));
  std::thread t2(drain, std::ref(second));
  t1.join();
  t2.join();
  std::map<std::string, int> per_message;
  for (const auto& m : sender.sent()) {
    ++per_message[m.message_id_local_part];
  }
  int reminders_due = 0;
  for (const OutboxMessage& m : Must(store_->ListMailOutbox(a_.id, 500))) {
    if (m.kind == "reminder" && m.next_attempt_at <= clock()) ++reminders_due;
    if (m.kind == "reminder" && m.next_attempt_at > clock()) {
      EXPECT_EQ(m.state, "queued");
    }
  }
  EXPECT_EQ(per_message.size(), 30u + reminders_due);
  for (const auto& [id, times] : per_message) EXPECT_EQ(times, 1) << id;
}

TEST_P(StoreContractTest, AnUnreachableServerIsRetriedWithGrowingWaitsThenGivenUp) {
  Appointment a = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  TestClock clock;
  RecordingSender sender;
  sender.down = true;
  MailWorker worker(*store_, sender, Options("w1", clock));
  EXPECT_EQ(worker.RunOnce().retried, 1);
  auto message = [&] {
    for (const OutboxMessage& m : Must(store_->ListMailOutbox(a_.id, 500))) {
      if (m.kind == "confirmation") return m;
    }
    throw std::runtime_error("no confirmation");
  };
  EXPECT_EQ(message().next_attempt_at, "2026-12-07T08:01:00Z");
  clock.seconds += 59;
  EXPECT_EQ(worker.RunOnce().retried, 0);  // Not yet due again.
  clock.seconds += 1;
  EXPECT_EQ(worker.RunOnce().retried, 1);
  EXPECT_EQ(message().next_attempt_at, "2026-12-07T08:03:00Z");  // 120 s after.
  // The server comes back: the next attempt delivers, once.
  sender.down = false;
  clock.seconds += 120;
  EXPECT_EQ(worker.RunOnce().sent, 1);
  clock.seconds += 3600;
  EXPECT_EQ(worker.RunOnce().sent, 0);
  EXPECT_EQ(sender.sent().size(), 1u);
  const OutboxMessage sent = message();
  EXPECT_EQ(sent.state, "sent");
  ASSERT_EQ(sent.attempt_log.size(), 3u);
  EXPECT_EQ(sent.attempt_log[0].smtp_answer, "Couldn't connect to server");
  // Down for good: after max_attempts (4) the message is failed.
  Appointment b = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-10T09:00:00Z")));
  sender.down = true;
  int failed = 0;
  for (int i = 0; i < 6; ++i, clock.seconds += 3600) failed += worker.RunOnce().failed;
  EXPECT_EQ(failed, 1);
  for (const OutboxMessage& m : Must(store_->ListMailOutbox(a_.id, 500))) {
    if (m.event_key == "confirmation:" + std::to_string(b.id)) {
      EXPECT_EQ(m.state, "failed");
      EXPECT_EQ(m.attempts, 4);
      EXPECT_EQ(m.attempt_log.size(), 4u);
    }
  }
  (void)a;
}

// A send the worker could not record (the server died after the SMTP
// server took it, so its lease runs out and another worker sends it again),
// and a retry after a failure the SMTP server may in fact have taken, are
// the same message to the receiving mail system: one Message-ID for every
// attempt at one outbox message.
TEST_P(StoreContractTest, EveryAttemptAtOneMessageCarriesTheSameMessageId) {
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  TestClock clock;
  // A worker claims the confirmation, sends it and dies before recording it.
  const auto claimed =
      Must(store_->ClaimDueMail("dead", clock(), FormatUtc(clock.seconds + 300), 500));
  ASSERT_EQ(claimed.size(), 1u);
  const std::string expected = "outbox-" + std::to_string(claimed[0].id);
  RecordingSender sender;
  MailWorker worker(*store_, sender, Options("w1", clock));
  EXPECT_EQ(worker.RunOnce().sent, 0);  // Still leased to the dead worker.
  clock.seconds += 301;
  sender.down = true;  // The next attempt fails, and the one after delivers.
  EXPECT_EQ(worker.RunOnce().retried, 1);
  sender.down = false;
  clock.seconds += 60;
  EXPECT_EQ(worker.RunOnce().sent, 1);
  ASSERT_EQ(sender.attempted().size(), 2u);
  for (const auto& m : sender.attempted()) EXPECT_EQ(m.message_id_local_part, expected);
}

// The model: which messages the outbox owes, and in which state, by the
// rules of records/mail_outbox_records.h, applied to the same random story.
TEST_P(StoreContractTest, EveryEventIsDeliveredAtMostOnceAndEveryDueOneIs) {
  std::mt19937 rng(20261207);
  TestClock clock;
  RecordingSender sender;
  MailWorker worker(*store_, sender, Options("w1", clock));
  struct Model {
    std::map<std::string, std::string> state;  // event key -> queued/sent/cancelled.
    std::map<std::string, std::int64_t> due;
    std::map<std::string, std::int64_t> starts;  // Reminders: their appointment's start.
    std::map<std::string, Id> appointment;
  } model;
  auto queue = [&](const std::string& key, Id id, std::int64_t due, std::int64_t starts) {
    if (model.state.count(key) && model.state[key] != "cancelled") return;
    model.state[key] = "queued";
    model.due[key] = due;
    model.starts[key] = starts;
    model.appointment[key] = id;
  };
  auto withdraw = [&](Id id, const std::set<std::string>& kinds, const std::string& keep) {
    for (auto& [key, state] : model.state) {
      const std::string kind = key.substr(0, key.find(':'));
      if (model.appointment[key] == id && state == "queued" && kinds.count(kind) && key != keep) {
        state = "cancelled";
      }
    }
  };
  std::vector<Appointment> open;
  const std::int64_t base = *UtcSeconds("2026-12-09T00:00:00Z");
  for (int step = 0; step < 60; ++step) {
    const int action = std::uniform_int_distribution<int>(0, 9)(rng);
    const std::int64_t slot =
        base + std::uniform_int_distribution<int>(0, 200)(rng) * 3600LL;  // Hourly over 8 days.
    if (action < 4 || open.empty()) {
      auto booked = store_->CreateAppointment(
          NewAppointment(a_.id, patient_a_.id, therapist_a_.id, FormatUtc(slot)));
      if (!booked.ok()) continue;  // The slot is taken: nothing is written.
      const Appointment a = booked.value();
      open.push_back(a);
      queue("confirmation:" + std::to_string(a.id), a.id, 0, slot);
      queue("reminder:" + std::to_string(a.id) + ":" + a.starts_at, a.id, slot - 86400, slot);
    } else if (action < 6) {
      Appointment& a = open[std::uniform_int_distribution<std::size_t>(0, open.size() - 1)(rng)];
      AppointmentChange move = Change(a_.id, desk_a_.id, "rescheduled", "patient_request", clock);
      move.new_starts_at = FormatUtc(slot);
      move.new_therapist_id = therapist_a_.id;
      auto moved = store_->RescheduleAppointment(a.id, a.version, move);
      if (!moved.ok()) continue;
      const std::string keep = "reminder:" + std::to_string(a.id) + ":" + moved.value().starts_at;
      if (moved.value().starts_at != a.starts_at) {
        withdraw(a.id, {"change", "reminder"}, keep);
        queue("change:" + std::to_string(a.id) + ":" + std::to_string(moved.value().version), a.id,
              0, slot);
        queue(keep, a.id, slot - 86400, slot);
      }
      a = moved.value();
    } else if (action < 7) {
      const std::size_t i = std::uniform_int_distribution<std::size_t>(0, open.size() - 1)(rng);
      const Appointment a = open[i];
      Must(store_->EndAppointment(a.id, a.version,
                                  Change(a_.id, desk_a_.id, "cancelled", "transport", clock)));
      open.erase(open.begin() + static_cast<std::ptrdiff_t>(i));
      withdraw(a.id, {"confirmation", "change", "reminder"}, "");
      queue("cancellation:" + std::to_string(a.id), a.id, 0, 0);
    } else {
      clock.seconds += std::uniform_int_distribution<int>(0, 12)(rng) * 3600LL;
      worker.RunOnce();
      for (auto& [key, state] : model.state) {
        if (state != "queued") continue;
        if (key.starts_with("reminder:") && model.starts[key] <= clock.seconds) {
          state = "cancelled";
        } else if (model.due[key] <= clock.seconds) {
          state = "sent";
        }
      }
    }
  }
  std::map<std::string, std::string> stored;
  std::map<Id, std::string> key_of;
  for (const OutboxMessage& m : Must(store_->ListMailOutbox(a_.id, 500))) {
    stored[m.event_key] = m.state;
    key_of[m.id] = m.event_key;
  }
  EXPECT_EQ(stored, model.state);
  std::map<std::string, int> delivered;
  for (const auto& m : sender.sent()) {
    const std::string id = m.message_id_local_part.substr(7);  // After "outbox-".
    ++delivered[key_of[std::stoll(id)]];
  }
  for (const auto& [key, state] : model.state) {
    EXPECT_EQ(delivered[key], state == "sent" ? 1 : 0) << key;
  }
  EXPECT_GT(delivered.size(), 5u);  // The story sent something.
}

}  // namespace sciaticare::store::testing
