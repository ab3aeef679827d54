-- wrk script: POST $WRK_BODY with $WRK_COOKIE until $WRK_COUNT responses have come back (one wrk thread), then stop.
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or "{}"
wrk.headers["Content-Type"] = "application/json"
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
local limit = tonumber(os.getenv("WRK_COUNT") or "0")
local seen = 0

function response(status, headers, body)
  seen = seen + 1
  if seen >= limit then wrk.thread:stop() end
end
