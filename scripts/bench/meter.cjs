// Preloaded (NODE_OPTIONS=--require) by the benchmark into the processes its emulators start; it
// acts only inside a Functions emulator worker (FUNCTION_TARGET set). It counts the Firestore
// document reads and writes of each invocation, getAll included, by wrapping the admin SDK's
// read and write methods, and appends one JSON line per invocation to BENCH_METER_FILE: the
// function, its reads and writes, when it started and ended, and what it was about (the document an
// event names, or a task's name, which carries the order id), its CPU time, and where it waited:
// the wall time of each kind of Firestore call and outbound HTTP request (parallel calls overlap,
// so these add up to more than the invocation). Nothing of this is deployed.
if (process.env.FUNCTION_TARGET && process.env.BENCH_METER_FILE) {
  const { AsyncLocalStorage } = require("node:async_hooks");
  const { appendFileSync } = require("node:fs");
  const http = require("node:http");
  const https = require("node:https");
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
  const waited = (counts, label, t0) => {
    counts.wait[label] = (counts.wait[label] ?? 0) + (performance.now() - t0);
  };
  // A document's get() calls Firestore's getAll() at once (synchronously): the read is counted and
  // its wait labelled once, as the document get.
  let insideDocumentGet = false;
  const wrap = (proto, method, cost) => {
    const original = proto[method];
    if (typeof original !== "function") return;
    proto[method] = function (...args) {
      const counts = insideDocumentGet ? undefined : current.getStore();
      const t0 = performance.now();
      const outer = cost.outer && !insideDocumentGet;
      if (outer) insideDocumentGet = true;
      let result;
      try {
        result = original.apply(this, args);
      } finally {
        if (outer) insideDocumentGet = false;
      }
      if (!counts) return result;
      if (cost.writes) counts.writes += cost.writes;
      if (!cost.reads && !cost.wait) return result;
      return Promise.resolve(result).then((r) => {
        if (cost.reads) counts.reads += cost.reads(r);
        if (cost.wait) waited(counts, cost.wait, t0);
        return r;
      });
    };
  };
  wrap(firestore.DocumentReference.prototype, "get", { reads: docsRead, wait: "document get", outer: true });
  wrap(firestore.Query.prototype, "get", { reads: docsRead, wait: "query" });
  wrap(AggregateQuery.prototype, "get", { reads: () => 1, wait: "count" });
  wrap(firestore.Transaction.prototype, "get", { reads: docsRead, wait: "transaction get" });
  wrap(firestore.Transaction.prototype, "getAll", { reads: docsRead, wait: "transaction get" });
  wrap(firestore.Firestore.prototype, "getAll", { reads: docsRead, wait: "getAll" });
  wrap(firestore.Firestore.prototype, "runTransaction", { wait: "transaction" });
  wrap(firestore.WriteBatch.prototype, "commit", { wait: "commit" });
  // Document, batch and transaction writes all go through WriteBatch: count them there, once.
  for (const m of ["set", "update", "create", "delete"]) wrap(firestore.WriteBatch.prototype, m, { writes: 1 });

  // Outbound HTTP: Cloud Tasks' enqueue (the push sender is a log line on the emulators).
  for (const mod of [http, https]) {
    const request = mod.request;
    mod.request = function (...args) {
      const counts = current.getStore();
      const req = request.apply(this, args);
      if (!counts) return req;
      const t0 = performance.now();
      req.on("response", (res) => res.on("end", () => waited(counts, "http", t0)));
      return req;
    };
  }

  // Each request to the worker is one invocation.
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event !== "request") return emit.apply(this, arguments);
    const counts = { reads: 0, writes: 0, wait: {} };
    const started = Date.now();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const h = req.headers;
    const subject = h["ce-document"] ?? h["ce-subject"] ?? h["x-cloudtasks-taskname"] ?? null;
    res.on("finish", () => {
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const line = { fn: process.env.FUNCTION_TARGET, ...counts, started, ended: Date.now(), ms, cpuMs, subject };
      appendFileSync(process.env.BENCH_METER_FILE, `${JSON.stringify(line)}\n`);
    });
    return current.run(counts, () => emit.apply(this, arguments));
  };
}
