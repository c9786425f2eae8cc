import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, loadEnv, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const root = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
const domain = root("functions/src/domain");
const firebaseJson = JSON.parse(readFileSync(root("firebase.json"), "utf8"));
const firebaserc = JSON.parse(readFileSync(root(".firebaserc"), "utf8"));

// Where the emulators listen, from the same files the scripts and tests read: the app talks to
// them only when asked to, by `vite` (dev) or `vite build --mode emulators` (npm start, npm test).
const emulators = {
  projectId: firebaserc.projects.default as string,
  ports: {
    auth: firebaseJson.emulators.auth.port as number,
    firestore: firebaseJson.emulators.firestore.port as number,
    functions: firebaseJson.emulators.functions.port as number,
  },
};

/** The web app's config for a real project: a production build without it would otherwise be a
 * page that talks to nothing, so it stops the build. */
const PROJECT_CONFIG = [
  "VITE_FIREBASE_PROJECT_ID",
  "VITE_FIREBASE_API_KEY",
  "VITE_FIREBASE_AUTH_DOMAIN",
  "VITE_FIREBASE_APP_ID",
  "VITE_FIREBASE_MESSAGING_SENDER_ID",
];

/** The first screen's data comes from Firestore, another origin: the page opens that connection
 * while its JS downloads. On the emulators Firestore is on the page's own host (src/firebase/app.ts),
 * known only in the browser. */
function preconnectFirestore(onEmulators: boolean): Plugin {
  return {
    name: "dishpatch-preconnect-firestore",
    transformIndexHtml: () => [
      onEmulators
        ? {
            tag: "script",
            children:
              `{const l=document.createElement("link");l.rel="preconnect";l.crossOrigin="anonymous";` +
              `l.href=location.protocol+"//"+location.hostname+":${emulators.ports.firestore}";document.head.append(l)}`,
            injectTo: "head",
          }
        : {
            tag: "link",
            attrs: { rel: "preconnect", href: "https://firestore.googleapis.com", crossorigin: "anonymous" },
            injectTo: "head",
          },
    ],
  };
}

export default defineConfig(({ command, mode }) => {
  const onEmulators = command === "serve" || mode === "emulators";
  if (!onEmulators) {
    const env = loadEnv(mode, fileURLToPath(new URL(".", import.meta.url)), "VITE_");
    const missing = PROJECT_CONFIG.filter((k) => !env[k]);
    if (missing.length > 0)
      throw new Error(
        `vite build: ${missing.join(", ")} missing: fill in web/.env.production (see web/.env.example), or build for the local emulators with --mode emulators`,
      );
  }
  return {
    plugins: [
      preact(),
      preconnectFirestore(onEmulators),
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
    // Only an emulator build knows where the emulators are; a project's build has null here.
    define: { __EMULATORS__: JSON.stringify(onEmulators ? emulators : null) },
    server: { fs: { allow: [".."] } },
    // The manifest lets the benchmark follow what each screen loads.
    build: {
      target: "es2022",
      reportCompressedSize: true,
      sourcemap: false,
      manifest: true,
      rolldownOptions: {
        // The domain is plain functions and constants: a screen gets the parts it uses, not every
        // module the `@domain` index names (the backend's texts, pricing, promo rules...).
        treeshake: { moduleSideEffects: [{ test: /\/functions\/src\/domain\//, sideEffects: false }] },
      },
    },
  };
});
