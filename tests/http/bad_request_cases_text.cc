// The bad-requests table (bad_requests_fixture.h), for text a database
// cannot hold, numbers past its integer types, and control characters.
#include "http/bad_requests_fixture.h"

namespace sciaticare::testing::bad_requests {

std::vector<BadCase> BadRequestTest::TextCases() const {
  const auto& [admin, therapist, desk, patients, p1, pb, plan, session, appointments, appointment,
               v1, intake, big, many_techniques, numb_foot_at_3] = Words();
  return {
      // Text a PostgreSQL text column cannot hold (NUL, broken UTF-8) and
      // numbers past the database's integer types: refused by name on every
      // backend, never passed on to become a database error.
      {"login: NUL in email", Who::kNobody, "POST", "/api/v1/session",
       R"({"email":"admin@a.test\u0000","password":"x"})", 422},
      {"patient: NUL in family name", desk, "POST", patients,
       With(Person(), {{"family_name", std::string("Lark\0spur", 9)}}).dump(), 422},
      {"update: NUL in notes", desk, "PUT", p1,
       With(Person(), {{"notes", std::string("a\0b", 3)}}).dump(), 422, v1},
      {"note: NUL in SOAP text", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"objective", std::string("tight\0", 6)}}).dump(), 422},
      {"booking: NUL in note", desk, "POST", appointments,
       With(Booking(), {{"note", std::string("\0", 1)}}).dump(), 422},
      {"profile: NUL in bio", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"bio", std::string("calm\0", 5)}}).dump(), 422},
      {"token: NUL in name", admin, "POST", "/api/v1/tokens", R"({"name":"a\u0000b"})", 422},
      // Control characters in any text the API keeps, including the members
      // of a session note's adverse events (one checker: CheckedText).
      {"note: NUL in adverse event kind", therapist, "POST", p1 + "/sessions",
       With(Note(),
            {{"adverse_events", {{{"kind", std::string("sore\0", 5)}, {"severity", "mild"}}}}})
           .dump(),
       422},
      {"note: NUL in adverse event note", therapist, "POST", p1 + "/sessions",
       With(Note(),
            {{"adverse_events",
              {{{"kind", "soreness"}, {"severity", "mild"}, {"note", std::string("a\0b", 3)}}}}})
           .dump(),
       422},
      {"note: escape in adverse event note", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"adverse_events",
                      {{{"kind", "soreness"}, {"severity", "mild"}, {"note", "\x1b[2Jgone"}}}}})
           .dump(),
       422},
      {"note: line break in adverse event kind", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"adverse_events", {{{"kind", "sore\nness"}, {"severity", "mild"}}}}}).dump(),
       422},
      {"patient: line break in family name", desk, "POST", patients,
       With(Person(), {{"family_name", "Lark\nspur"}}).dump(), 422},
      {"token: tab in name", admin, "POST", "/api/v1/tokens", R"({"name":"a\tb"})", 422},
      {"note: bell in SOAP text", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"subjective", "ring\x07"}}).dump(), 422},
      {"user: NUL in display name", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"display_name", std::string("N\0ew", 4)}}).dump(), 422},
      {"user: NUL in email", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"email", std::string("new\0@a.test", 11)}}).dump(), 422},
      {"list: NUL in search", desk, "GET", patients + "?search=Ada%00", "", 400},
      {"list: broken UTF-8 in search", desk, "GET", patients + "?search=%FF%FEAda", "", 400},
      {"audit: broken UTF-8 in action", admin, "GET", "/api/v1/audit?action=%C3%28", "", 400},
      {"audit: NUL in action", admin, "GET", "/api/v1/audit?action=read%00", "", 400},
      {"audit: from not a time", admin, "GET", "/api/v1/audit?from=yesterday", "", 400},
      {"audit: patient id overflows", admin, "GET", "/api/v1/audit?patient_id=99999999999999999999",
       "", 400},
      {"audit: user id past int64", admin, "GET", "/api/v1/audit?user_id=9223372036854775808", "",
       400},
      {"appointments: NUL in from", desk, "GET",
       appointments + "?from=2026-12-01T00:00:00Z%00&to=2026-12-08T00:00:00Z", "", 400},
      {"note: leg pain past int32", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"leg_pain_before", 4294967301LL}}).dump(), 422},
      {"booking: minutes past int32", desk, "POST", appointments,
       With(Booking(), {{"minutes", 2147483708LL}}).dump(), 422},
      {"booking: patient id past int64", desk, "POST", appointments,
       R"({"patient_id":18446744073709551615,"therapist_id":"{therapist}",)"
       R"("starts_at":"2026-12-02T10:00:00Z","minutes":60,"status":"booked"})",
       422},
      {"booking: therapist id a huge float", desk, "POST", appointments,
       With(Booking(), {{"therapist_id", 1e300}}).dump(), 422},
      {"profile: years past int32", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"years_experience", 4294967306LL}}).dump(), 422},
      {"user: patient id past int64", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"role", "patient"}, {"patient_id", 18446744073709551615ULL}}).dump(), 404},
      {"read: id is int64 max", desk, "GET", patients + "/9223372036854775807", "", 404},
      {"note: plan id past int64", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"plan_id", 18446744073709551615ULL}}).dump(), 422},
  };
}

}  // namespace sciaticare::testing::bad_requests
