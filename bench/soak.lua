-- wrk script for bench/soak.sh: a mix of pages, assets, API calls (valid, broken, oversized) and 404s.
local big = string.rep("# padding line\n", 5000)   -- about 75 KB: over the API's 64 KiB limit
local requests = {
  wrk.format("GET", "/"),
  wrk.format("GET", "/lessons/overview"),
  wrk.format("GET", "/lessons/docker-compose"),
  wrk.format("GET", "/lessons/overview", {["Accept-Encoding"] = "gzip"}),
  wrk.format("GET", "/static/css/site.css"),
  wrk.format("GET", "/static/js/explainer.js"),
  wrk.format("GET", "/search?q=volume"),
  wrk.format("GET", "/embed/lessons/overview?theme=dark"),
  wrk.format("GET", "/no/such/page"),
  wrk.format("GET", "/lessons/..%2f..%2fetc%2fpasswd"),
  wrk.format("POST", "/api/explain", {["Content-Type"] = "text/plain"}, "FROM alpine:3.22\nRUN apk add --no-cache curl\nUSER nobody\n"),
  wrk.format("POST", "/api/explain", {["Content-Type"] = "text/plain"}, "FROM\nRUNN x\nENV A\nRUN <<EOF\nnever closed\n"),
  wrk.format("POST", "/api/explain", {["Content-Type"] = "application/json"}, "{\"dockerfile\": "),
  wrk.format("POST", "/api/explain", {["Content-Type"] = "text/plain"}, big),
}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = 0; fivexx = 0; statuses = {} end
function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
function response(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 end
end
function done(summary, latency, requests)
  local total5xx = 0
  for _, t in ipairs(threads) do total5xx = total5xx + t:get("fivexx") end
  local e = summary.errors
  io.write(string.format("SOAK requests=%d duration_s=%.1f rps=%.0f fivexx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), total5xx,
    e.connect, e.read, e.write, e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
