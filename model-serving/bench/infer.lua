-- wrk script: Open Inference Protocol requests from a file of bodies (one JSON request per line), in turn.
-- BODIES: that file; INFER_PATH: the route, e.g. /v2/models/store-success/infer; RECORDS: records per request
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  bodies[#bodies + 1] = line
end
local path = os.getenv("INFER_PATH")
local records = tonumber(os.getenv("RECORDS") or "1")
local n = 0

request = function()
  n = n % #bodies + 1
  return wrk.format(nil, path, nil, bodies[n])
end

done = function(summary, latency, requests)
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("p50_ms=%.3f p99_ms=%.3f rps=%.1f records_per_s=%.0f non2xx=%d requests=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, rps, rps * records,
    summary.errors.status, summary.requests))
end
