/// <reference types="vite/client" />

/** Set by vite.config.ts from firebase.json and .firebaserc. */
declare const __EMULATORS__: {
  projectId: string;
  ports: { auth: number; firestore: number; functions: number };
};
