import { getApps, initializeApp, type AppOptions } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";

// On the emulators, name a service account so that firebase-admin never asks Google's metadata
// server for one when it enqueues Cloud Tasks. In production the runtime's own service account
// is found as usual.
function emulatorOptions(): AppOptions | undefined {
  const emulated = process.env.FUNCTIONS_EMULATOR === "true" || !!process.env.CLOUD_TASKS_EMULATOR_HOST;
  const projectId = process.env.GCLOUD_PROJECT ?? "demo-dishpatch";
  return emulated ? { projectId, serviceAccountId: `emulated@${projectId}.iam.gserviceaccount.com` } : undefined;
}

// Initialise the default app once; other (named) apps may exist beside it, as in tests.
if (!getApps().some((a) => a.name === "[DEFAULT]")) initializeApp(emulatorOptions());

export const db = getFirestore();
