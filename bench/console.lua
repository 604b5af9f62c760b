-- wrk script for bench/console.sh: a signed-in browser's request, and the percentiles as one line.
wrk.headers["Cookie"] = "tl_session=" .. os.getenv("TL_SESSION")
wrk.headers["Accept"] = "text/html"

done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
