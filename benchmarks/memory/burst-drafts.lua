-- wrk script for benchmarks/memory/burst.sh: POST /api/v1/drafts with large bodies read from files.
-- $BURST_BODY: a valid draft near the 64 KB API limit; $BURST_OVERSIZE: a body over it (every OVERSIZE_EVERY-th
-- request, default 5; 0 sends none). $WRK_COOKIE: the owner cookie. done() prints the same lines as post-json.lua:
--   ACKED_2XX <n>, NON_2XX <n>, STATUS <code> <n>, OTHER_STATUS <n>
local function slurp(path)
  local f = assert(io.open(path, "rb")); local s = f:read("*a"); f:close(); return s
end
local big = slurp(os.getenv("BURST_BODY"))
local oversize = os.getenv("BURST_OVERSIZE") and slurp(os.getenv("BURST_OVERSIZE")) or nil
local every = tonumber(os.getenv("OVERSIZE_EVERY") or "5")
local cookie = os.getenv("WRK_COOKIE")
local headers = { ["Content-Type"] = "application/json" }
if cookie and cookie ~= "" then headers["Cookie"] = cookie end

local threads = {}
local tracked = { 201, 200, 400, 401, 403, 404, 408, 409, 413, 415, 429, 500, 502, 503, 504 }

function setup(thread) table.insert(threads, thread) end

function init(args)
  ok, bad, other, n = 0, 0, 0, 0
  for _, code in ipairs(tracked) do _G["s" .. code] = 0 end
end

function request()
  n = n + 1
  local body = big
  if oversize and every > 0 and n % every == 0 then body = oversize end
  return wrk.format("POST", "/api/v1/drafts", headers, body)
end

function response(status, hdrs, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
  local key = "s" .. status
  if _G[key] ~= nil then _G[key] = _G[key] + 1 else other = other + 1 end
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
  io.write(string.format("OTHER_STATUS %d\n", x))
  local e = summary.errors
  io.write(string.format("SOCKET connect=%d read=%d write=%d timeout=%d\n", e.connect, e.read, e.write, e.timeout))
end
