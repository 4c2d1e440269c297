-- wrk script: GET with the session cookie (chart reads). Expects COOKIE.
wrk.headers["Cookie"] = os.getenv("COOKIE")
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect +
    summary.errors.read + summary.errors.write + summary.errors.timeout))
end
