-- wrk script: POST /api/v1/dsr with a different email each request.
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format('{"email":"bench-%d-%d@example.org","request_type":"access","jurisdiction":"EU_GDPR"}', math.random(1, 1000000000), counter)
  -- Many clients behind a trusted proxy, as in production; one client IP would serialise on its own counter row.
  wrk.headers["X-Forwarded-For"] = string.format("198.18.%d.%d", math.random(0, 255), math.random(1, 254))
  return wrk.format(nil, "/api/v1/dsr", nil, body)
end
