-- wrk script: GET with the session cookie (chart reads). Expects COOKIE.
wrk.headers["Cookie"] = os.getenv("COOKIE")
-- Which kind of error, too: a "timeout" is wrk giving up on an answer slower
-- than its 2 s limit, not an error answer of the server.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("non-2xx or errors: %d (non-2xx %d, timeout %d, connect %d, read %d, write %d)\n",
    e.status + e.connect + e.read + e.write + e.timeout, e.status, e.timeout, e.connect, e.read, e.write))
end
