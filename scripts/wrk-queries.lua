-- wrk script for scripts/bench: cycles through the query mix (BENCH_QUERIES) and prints the
-- latency distribution and error counts as one JSON line when the run is done.
local queries = {}
for line in io.lines(os.getenv("BENCH_QUERIES")) do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    queries[#queries + 1] = "/api/search?" .. line
  end
end
local next_query = 0

function setup(thread)
  -- Threads start at different places in the mix.
  thread:set("next_query", math.random(0, #queries - 1))
end

function request()
  next_query = next_query % #queries + 1
  return wrk.format("GET", queries[next_query])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_s":%.3f,"errors":%d,"non_2xx":%d,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
