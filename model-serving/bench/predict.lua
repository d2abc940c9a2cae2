-- wrk script: every request is one single-record prediction, inputs from the training ranges
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local bodies = {}
math.randomseed(42)
for i = 1, 1000 do
  bodies[i] = string.format('{"items_count":%d,"customers_count":%d}',
    math.random(1000, 2750), math.random(200, 1600))
end
local n = 0

request = function()
  n = n % #bodies + 1
  return wrk.format(nil, "/predict", nil, bodies[n])
end

-- count non-200 answers so a fast stream of errors cannot pass for throughput
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.3f p99_ms=%.3f rps=%.1f non2xx=%d requests=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status, summary.requests))
end
