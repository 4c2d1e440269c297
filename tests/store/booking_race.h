// One harness for the store's booking races: many threads (front desks) try
// to book overlapping parts of the same hourly slots at once, and the caller
// checks that each slot was won exactly once, whatever lock (therapist or
// room) the store orders them by. Each attempt asks the caller to fill in who
// and where, so the therapist race and the room race share the loop.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <ostream>
#include <thread>
#include <vector>

#include "core/utc_time.h"
#include "store/store.h"

namespace sciaticare::store::testing {

struct BookingRace {
  int slots = 50;
  int attempts = 1000;
  int threads = 8;
  std::int64_t first_slot_utc = 0;  // the start of slot 0, in UTC seconds

  // Where the slots end, for listing what the race booked.
  std::int64_t end_utc() const { return first_slot_utc + slots * 3600LL; }
};

// How the attempts ended: booked, refused as kConflict, or any other error.
struct BookingRaceOutcome {
  int won = 0;
  int refused = 0;
  int failed = 0;
  bool operator==(const BookingRaceOutcome&) const = default;
};

inline void PrintTo(const BookingRaceOutcome& o, std::ostream* os) {
  *os << "{won " << o.won << ", refused " << o.refused << ", failed " << o.failed << "}";
}

// The outcome of a fair race: one win per slot, every other attempt refused.
inline BookingRaceOutcome EachSlotWonOnce(const BookingRace& race) {
  return {race.slots, race.attempts - race.slots, 0};
}

// Runs the race on `store`. Attempt i takes slot i % slots, in part
// (i / slots) % 3: starting 0, 15 or 30 minutes into the hour and lasting 60,
// 45 or 30 minutes, so all parts of one hour overlap (each holds :30-:45) and
// none reaches the next hour. `booking(i)` gives attempt i's appointment
// (clinic, patient, therapist, room); the race sets its start and length.
inline BookingRaceOutcome RunBookingRace(Store& store, const BookingRace& race,
                                         const std::function<Appointment(int attempt)>& booking) {
  std::atomic<int> next{0}, won{0}, refused{0}, failed{0};
  auto desk = [&] {
    for (int i = next++; i < race.attempts; i = next++) {
      const int slot = i % race.slots, part = (i / race.slots) % 3;
      Appointment a = booking(i);
      a.starts_at = FormatUtc(race.first_slot_utc + slot * 3600LL + part * 15 * 60LL);
      a.minutes = 60 - part * 15;
      auto r = store.CreateAppointment(a);
      if (r.ok()) {
        ++won;
      } else if (r.kind() == StoreErrorKind::kConflict) {
        ++refused;
      } else {
        ++failed;
      }
    }
  };
  std::vector<std::thread> desks;
  for (int t = 0; t < race.threads; ++t) desks.emplace_back(desk);
  for (auto& t : desks) t.join();
  return {won.load(), refused.load(), failed.load()};
}

}  // namespace sciaticare::store::testing
