import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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

/** The first screen's stylesheet goes into the page itself: on a phone's connection, a linked one
 * was one more round trip before anything could paint (Lighthouse's render-blocking audit). It is
 * small (the bench prints its size); the screens loaded later bring their own stylesheets. */
function inlineEntryCss(): Plugin {
  return {
    name: "dishpatch-inline-entry-css",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        return html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = ctx.bundle?.[file];
          return asset?.type === "asset" ? `<style>${String(asset.source)}</style>` : tag;
        });
      },
    },
  };
}

/** The partner API's reference page at /api/v1/docs/: Swagger UI from npm (swagger-ui-dist), copied
 * into the build and served by Hosting (nothing from a CDN), reading /api/v1/openapi.json. */
function apiReference(): Plugin {
  const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dishpatch partner API</title><link rel="stylesheet" href="swagger-ui.css"></head>
<body><main id="reference"></main><script src="swagger-ui-bundle.js"></script><script src="reference.js"></script></body>
</html>
`;
  const start = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true });\n`;
  return {
    name: "dishpatch-api-reference",
    apply: "build",
    generateBundle() {
      const emit = (fileName: string, source: string | Buffer) =>
        this.emitFile({ type: "asset", fileName: `api/v1/docs/${fileName}`, source });
      emit("index.html", page);
      emit("reference.js", start);
      for (const f of ["swagger-ui-bundle.js", "swagger-ui.css"]) emit(f, readFileSync(join(dist, f)));
    },
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
      inlineEntryCss(),
      apiReference(),
      // The service worker (src/sw.ts) precaches the app shell for offline use.
      VitePWA({
        strategies: "injectManifest",
        srcDir: "src",
        filename: "sw.ts",
        injectRegister: false,
        manifest: false,
        // The API reference page is for developers, not part of the app shell; the tile map needs the network for its tiles, and
        // Stripe's loader the network for Stripe's script: their code is not worth precaching.
        injectManifest: {
          globPatterns: ["**/*.{js,css,html,svg,png,webp,ico,txt}"],
          globIgnores: ["api/**", "**/TileMap-*", "**/maplibre-gl-*", "**/stripeJs-*"],
        },
      }),
    ],
    resolve: {
      alias: [
        { find: "@domain", replacement: domain },
        // Unicode's confusables data comes with the forms that need it (src/lookalikes.ts).
        { find: /^unhomoglyph$/, replacement: fileURLToPath(new URL("src/lookalikes.ts", import.meta.url)) },
      ],
    },
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
