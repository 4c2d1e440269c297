// The records the clinic server keeps, as plain values: one header a family in
// store/model/ (kinds.h states the conventions they share). Include the
// family you need; this header gathers them all for callers that use many.
#pragma once

#include "store/model/accounts.h"       // IWYU pragma: export
#include "store/model/audit.h"          // IWYU pragma: export
#include "store/model/kinds.h"          // IWYU pragma: export
#include "store/model/patients.h"       // IWYU pragma: export
#include "store/model/schedule.h"       // IWYU pragma: export
#include "store/model/session_notes.h"  // IWYU pragma: export
