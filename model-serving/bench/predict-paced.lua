-- wrk script: like predict.lua, but each connection waits 1 ms between an answer and its next request, so
-- 16 connections offer about 10,000-12,000 predictions/s instead of as many as the machine can take. The
-- latency percentiles then describe the service at the target load rather than a saturated, queueing one.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "predict.lua")

function delay()
  return 1
end
