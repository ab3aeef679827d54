-- wrk script for the mixed load through nginx: one request in three is a session write
-- (POST /api/v1/sessions, label from $MIXED_LABEL), one a guide page, one an assess call.
-- A write is acknowledged when its response is 201 Created: no other request in the mix answers 201,
-- so response() can count them without knowing which request a response belongs to.
-- done() prints:  ACKED_WRITES <n>, OTHER_2XX <n>, FAILED <n>, STATUS <code> <n> for non-2xx.
local label = os.getenv("MIXED_LABEL") or "mixed"
local session_body = '{"checklist":"walk-out","answers":{"salary-below-posted":"raised-unresolved","aggressive-behaviour":"no"},"label":"' .. label .. '"}'
local assess_body = '{"answers":{"salary-below-posted":"raised-unresolved"}}'
local json = { ["Content-Type"] = "application/json" }
-- Writes stop at this epoch second ($MIXED_WRITE_UNTIL) so that none is in flight when wrk stops:
-- then every row is either acknowledged or cut off by a kill.
local write_until = tonumber(os.getenv("MIXED_WRITE_UNTIL") or "0")

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  n, acked, other2xx, failed = 0, 0, 0, 0
  codes = {}
  write_req = wrk.format("POST", "/api/v1/sessions", json, session_body)
  guide_req = wrk.format("GET", "/guides/walking-out")
  assess_req = wrk.format("POST", "/api/v1/checklists/walk-out/assess", json, assess_body)
end

function request()
  n = n + 1
  local k = n % 3
  if k == 0 and (write_until == 0 or os.time() < write_until) then return write_req
  elseif k == 0 then return guide_req
  elseif k == 1 then return guide_req else return assess_req end
end

function response(status, headers, body)
  if status == 201 then acked = acked + 1
  elseif status >= 200 and status < 300 then other2xx = other2xx + 1
  else
    failed = failed + 1
    codes[status] = (codes[status] or 0) + 1
    _G["c" .. status] = codes[status]
  end
end

function done(summary, latency, requests)
  local a, o, f, per = 0, 0, 0, {}
  for _, t in ipairs(threads) do
    a = a + t:get("acked"); o = o + t:get("other2xx"); f = f + t:get("failed")
    for _, code in ipairs({ 400, 404, 429, 500, 502, 503, 504 }) do
      local v = t:get("c" .. code)
      if v then per[code] = (per[code] or 0) + v end
    end
  end
  io.write(string.format("ACKED_WRITES %d\nOTHER_2XX %d\nFAILED %d\n", a, o, f))
  for code, v in pairs(per) do io.write(string.format("STATUS %d %d\n", code, v)) end
  io.write(string.format("SOCKET_ERRORS connect=%d read=%d write=%d timeout=%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
