// Preloaded (NODE_OPTIONS=--require) by the benchmark into the processes its emulators start; it
// acts only inside a Functions emulator worker (FUNCTION_TARGET set). It counts the Firestore
// document reads and writes of each invocation, getAll included, by wrapping the admin SDK's
// read and write methods, and appends one JSON line per invocation to BENCH_METER_FILE.
// Nothing of this is in the deployed functions.
if (process.env.FUNCTION_TARGET && process.env.BENCH_METER_FILE) {
  const { AsyncLocalStorage } = require("node:async_hooks");
  const { appendFileSync } = require("node:fs");
  const http = require("node:http");
  const root = require.resolve("@google-cloud/firestore", { paths: [process.cwd()] });
  const firestore = require(root);
  const { AggregateQuery } = require(
    require.resolve("./reference/aggregate-query", { paths: [require("node:path").dirname(root)] }),
  );
  const current = new AsyncLocalStorage();

  // Firestore bills a query that matches nothing as one read, an aggregation as one per 1000 entries.
  const docsRead = (r) => {
    if (Array.isArray(r)) return r.length;
    if (r && typeof r.size === "number") return Math.max(1, r.size);
    return 1;
  };
  const wrap = (proto, method, cost) => {
    const original = proto[method];
    if (typeof original !== "function") return;
    proto[method] = function (...args) {
      const counts = current.getStore();
      const result = original.apply(this, args);
      if (!counts) return result;
      if (cost.writes) counts.writes += cost.writes;
      if (cost.reads) return Promise.resolve(result).then((r) => ((counts.reads += cost.reads(r)), r));
      return result;
    };
  };
  wrap(firestore.DocumentReference.prototype, "get", { reads: docsRead });
  wrap(firestore.Query.prototype, "get", { reads: docsRead });
  wrap(AggregateQuery.prototype, "get", { reads: () => 1 });
  wrap(firestore.Transaction.prototype, "get", { reads: docsRead });
  wrap(firestore.Transaction.prototype, "getAll", { reads: docsRead });
  wrap(firestore.Firestore.prototype, "getAll", { reads: docsRead });
  // Document, batch and transaction writes all go through WriteBatch: count them there, once.
  for (const m of ["set", "update", "create", "delete"]) wrap(firestore.WriteBatch.prototype, m, { writes: 1 });

  // Each request to the worker is one invocation.
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event !== "request") return emit.apply(this, arguments);
    const counts = { reads: 0, writes: 0 };
    const started = Date.now();
    res.on("finish", () => {
      const line = { fn: process.env.FUNCTION_TARGET, ...counts, started, ended: Date.now() };
      appendFileSync(process.env.BENCH_METER_FILE, `${JSON.stringify(line)}\n`);
    });
    return current.run(counts, () => emit.apply(this, arguments));
  };
}
