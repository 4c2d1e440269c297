// A clinic's treatment rooms. A room holds one appointment at a time (the
// booking check, records/appointment_records.h); it is renamed or retired,
// never deleted, and a retired room takes no new booking.
#pragma once

#include <string>

#include "store/records.h"

namespace sciaticare::store {

struct Room {
  Id id = 0;
  Id clinic_id = 0;
  std::string name;
  bool active = true;
  int version = 0;
};

}  // namespace sciaticare::store
