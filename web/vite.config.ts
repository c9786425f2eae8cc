import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const root = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
const domain = root("functions/src/domain");
const firebaseJson = JSON.parse(readFileSync(root("firebase.json"), "utf8"));
const firebaserc = JSON.parse(readFileSync(root(".firebaserc"), "utf8"));

// Where the emulators listen, from the same files the scripts and tests read: the app talks to
// them when it is built without a real project's config (web/.env.production).
const emulators = {
  projectId: firebaserc.projects.default as string,
  ports: {
    auth: firebaseJson.emulators.auth.port as number,
    firestore: firebaseJson.emulators.firestore.port as number,
    functions: firebaseJson.emulators.functions.port as number,
  },
};

export default defineConfig({
  plugins: [
    preact(),
    // The service worker (src/sw.ts) precaches the app shell for offline use.
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: { globPatterns: ["**/*.{js,css,html,svg,png,webp,ico,txt}"] },
    }),
  ],
  resolve: { alias: { "@domain": domain } },
  define: { __EMULATORS__: JSON.stringify(emulators) },
  server: { fs: { allow: [".."] } },
  // The manifest lets the benchmark follow what each screen loads.
  build: { target: "es2022", reportCompressedSize: true, sourcemap: false, manifest: true },
});
