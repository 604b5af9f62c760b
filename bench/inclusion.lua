-- wrk script: inclusion proofs for random indexes of a 10,000,000-leaf log (bench/run-ledger.sh http).
math.randomseed(42)
local size = tonumber(os.getenv("TREE_SIZE") or "10000000")
request = function()
  return wrk.format("GET", "/api/v1/proofs/inclusion?index=" .. math.random(0, size - 1) .. "&tree_size=" .. size)
end
