import { defineConfig } from "vite";
import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";

const domain = fileURLToPath(new URL("../functions/src/domain", import.meta.url));

export default defineConfig({
  plugins: [preact()],
  resolve: { alias: { "@domain": domain } },
  server: { fs: { allow: [".."] } },
  // The manifest lets the benchmark follow what each screen loads.
  build: { target: "es2022", reportCompressedSize: true, sourcemap: false, manifest: true },
});
