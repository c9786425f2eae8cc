/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The web push certificate's public key (Project settings › Cloud Messaging); empty: no push offer. */
  readonly VITE_FCM_VAPID_KEY?: string;
  /** Map tiles: a raster tile template or a MapLibre style URL; empty: maps are drawn offline. */
  readonly VITE_MAP_TILE_URL?: string;
  /** The tile service's attribution, shown on the map. */
  readonly VITE_MAP_ATTRIBUTION?: string;
  /** Stripe's publishable key (pk_live_… or pk_test_…); empty: no card payments, checkout offers
   * cash and credit alone and Stripe's script is never loaded. */
  readonly VITE_STRIPE_PUBLISHABLE_KEY?: string;
}

/** Set by vite.config.ts from firebase.json and .firebaserc in an emulator build; null in a
 * project's build. */
declare const __EMULATORS__: {
  projectId: string;
  ports: { auth: number; firestore: number; functions: number };
} | null;

/** The unhomoglyph package's own file, loaded by src/lookalikes.ts (its types name only the package). */
declare module "unhomoglyph/index.js" {
  const unhomoglyph: (text: string) => string;
  export default unhomoglyph;
}
