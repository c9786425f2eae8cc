// Root postinstall: make sure a Node.js of the Cloud Functions runtime's major version
// (firebase.json functions[].runtime, e.g. nodejs24) is on this machine for the Functions
// emulator. Nothing to do when the host Node already is that major; otherwise install it into
// tools/functions-node from the npm registry (only the package for this platform), outside the
// project's node_modules so that it never shadows the host's `node` in npm scripts.
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const runtime = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")).functions[0].runtime;
const wanted = Number(/^nodejs(\d+)$/.exec(runtime)[1]);
const major = (v) => Number(String(v).replace(/^v/, "").split(".")[0]);
if (major(process.versions.node) === wanted) {
  console.log(`functions runtime: ${runtime} runs on this host's Node; nothing to install.`);
  process.exit(0);
}
const dir = join(root, "tools/functions-node");
const platform = process.platform === "win32" ? "win" : process.platform;
const bin = join(
  dir,
  "node_modules",
  `node-${platform}-${process.arch}`,
  "bin",
  process.platform === "win32" ? "node.exe" : "node",
);
if (existsSync(bin) && major(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout) === wanted) {
  console.log(`functions runtime: ${runtime} found in tools/functions-node.`);
  process.exit(0);
}
console.log(
  `functions runtime: installing Node ${wanted} into tools/functions-node (this host has Node ${process.versions.node})…`,
);
const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : [process.platform === "win32" ? "npm.cmd" : "npm", []];
const res = spawnSync(npm[0], [...npm[1], "ci", "--prefix", dir, "--no-audit", "--no-fund"], { stdio: "inherit" });
// Not fatal: `npm start` and `npm test` say plainly what is missing if there is no matching Node.
if (res.status !== 0) console.warn(`functions runtime: could not install Node ${wanted} (npm exited ${res.status}).`);
