// Preloaded (node --require) by the cold-start bench into a fresh process: times each module's
// loading, its own requires included, and prints the heaviest as one JSON line when the process
// exits. A module loaded twice counts once, the first time.
const Module = require("node:module");
const original = Module._load;
const inclusive = new Map();
let depth = 0;
Module._load = function (request, parent) {
  const t0 = performance.now();
  depth++;
  try {
    return original.apply(this, arguments);
  } finally {
    depth--;
    let key = request;
    try {
      key = Module._resolveFilename(request, parent)
        .replace(/.*\/node_modules\//, "")
        .replace(/.*\/functions\/lib\//, "functions/lib/");
    } catch {
      // a built-in
    }
    if (!inclusive.has(key)) inclusive.set(key, { ms: performance.now() - t0, depth });
  }
};
process.on("exit", () => {
  const top = [...inclusive].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  process.stdout.write(`\nREQUIRE_PROFILE ${JSON.stringify(top.map(([m, v]) => [m, Math.round(v.ms), v.depth]))}\n`);
});
