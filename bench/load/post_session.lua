-- wrk script: writes one session note per request (durable write path).
-- Expects COOKIE, CSRF and PATIENT in the environment.
local cookie = os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local patient = os.getenv("PATIENT")
wrk.method = "POST"
wrk.path = "/api/v1/patients/" .. patient .. "/sessions"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = cookie
wrk.headers["X-CSRF-Token"] = csrf
wrk.body = '{"occurred_at":"2026-11-20T10:00:00Z","subjective":"Leg pain eased since last visit",' ..
  '"objective":"Gluteal tone reduced on the right","assessment":"Responding","plan_text":"Continue",' ..
  '"leg_pain_before":5,"leg_pain_after":3,"back_pain_before":4,"back_pain_after":2,' ..
  '"techniques":[{"technique":"swedish","region":"lower_back","side":"both","pressure":2,"minutes":10}],' ..
  '"oils_used":false,"adverse_events":[]}'

-- Which kind of error, too: a "timeout" is wrk giving up on an answer slower
-- than its 2 s limit, not an error answer of the server.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("non-2xx or errors: %d (non-2xx %d, timeout %d, connect %d, read %d, write %d)\n",
    e.status + e.connect + e.read + e.write + e.timeout, e.status, e.timeout, e.connect, e.read, e.write))
end
