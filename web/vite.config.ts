import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
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

/** The first screen's data comes from Firestore, another origin: the page opens that connection
 * while its JS downloads. On the emulators Firestore is on the page's own host (src/firebase/app.ts),
 * known only in the browser. */
function preconnectFirestore(): Plugin {
  let real = false;
  return {
    name: "dishpatch-preconnect-firestore",
    configResolved(config) {
      real = Boolean(config.env.VITE_FIREBASE_PROJECT_ID);
    },
    transformIndexHtml: () => [
      real
        ? {
            tag: "link",
            attrs: { rel: "preconnect", href: "https://firestore.googleapis.com", crossorigin: "anonymous" },
            injectTo: "head",
          }
        : {
            tag: "script",
            children:
              `{const l=document.createElement("link");l.rel="preconnect";l.crossOrigin="anonymous";` +
              `l.href=location.protocol+"//"+location.hostname+":${emulators.ports.firestore}";document.head.append(l)}`,
            injectTo: "head",
          },
    ],
  };
}

export default defineConfig({
  plugins: [
    preact(),
    preconnectFirestore(),
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
