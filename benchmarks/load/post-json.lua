-- wrk script: POST the JSON body in $WRK_BODY (optionally with the cookie header in $WRK_COOKIE)
-- and count responses by status. done() prints machine-readable lines:
--   ACKED_2XX <n>      responses with a 2xx status (for writes: acknowledged writes)
--   NON_2XX <n>        every other complete response
--   STATUS <code> <n>  per non-2xx status
-- Requests still in flight when the run ends are in neither count (never acknowledged).
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or "{}"
wrk.headers["Content-Type"] = "application/json"
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end

local threads = {}
local tracked = { 400, 401, 403, 404, 413, 415, 429, 500, 502, 503, 504 }

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, bad, other = 0, 0, 0
  for _, code in ipairs(tracked) do _G["s" .. code] = 0 end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
    local key = "s" .. status
    if _G[key] ~= nil then _G[key] = _G[key] + 1 else other = other + 1 end
  end
end

function done(summary, latency, requests)
  local o, b, x = 0, 0, 0
  local per = {}
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); b = b + t:get("bad"); x = x + t:get("other")
    for _, code in ipairs(tracked) do per[code] = (per[code] or 0) + t:get("s" .. code) end
  end
  io.write(string.format("ACKED_2XX %d\nNON_2XX %d\n", o, b))
  for _, code in ipairs(tracked) do
    if per[code] > 0 then io.write(string.format("STATUS %d %d\n", code, per[code])) end
  end
  if x > 0 then io.write(string.format("STATUS other %d\n", x)) end
end
