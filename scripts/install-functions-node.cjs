// Root postinstall: make sure a Node.js of the Cloud Functions runtime's major version
// (functions/package.json engines.node) is on this machine for the Functions emulator.
// Nothing to do when the host Node already is that major; otherwise install it into
// tools/functions-node from the npm registry (only the package for this platform), outside the
// project's node_modules so that it never shadows the host's `node` in npm scripts.
const { spawnSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const wanted = Number(/\d+/.exec(JSON.parse(readFileSync(join(root, "functions/package.json"), "utf8")).engines.node)[0]);
const host = Number(process.versions.node.split(".")[0]);
if (host === wanted) {
  console.log(`functions runtime: Node ${wanted} is this host's Node; nothing to install.`);
  process.exit(0);
}
console.log(`functions runtime: installing Node ${wanted} into tools/functions-node (host Node is ${host})…`);
const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : [process.platform === "win32" ? "npm.cmd" : "npm", []];
const res = spawnSync(npm[0], [...npm[1], "ci", "--prefix", join(root, "tools/functions-node"), "--no-audit", "--no-fund"], {
  stdio: "inherit",
});
// Not fatal: `npm start` and `npm test` say plainly what is missing if there is no matching Node.
if (res.status !== 0) console.warn(`functions runtime: could not install Node ${wanted} (npm exited ${res.status}).`);
