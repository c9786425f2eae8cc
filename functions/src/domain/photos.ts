// Where a dish or restaurant photo may come from: the app's own hosting only (/photos/…, where the
// seed's images live). An address anywhere else makes every visitor's browser call a stranger's
// server (a tracking pixel), so the domain and firestore.rules refuse it.
//
// Uploads to Cloud Storage are not built (the Storage emulator cannot run offline here), so there
// is no bucket to allow yet. When they come, the project's own bucket is written into this
// pattern and the rules at deploy time (the rules cannot know the project), and check:deploy
// fails when it is missing; no other bucket is ever allowed.

import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

/** A file under /photos/ on the app's hosting: lower-case letters, digits and dashes, an image
 * extension. No host, no scheme, no "//": nothing that leaves the app's origin. */
export const PHOTO_URL_PATTERN = "^/photos/[a-z0-9-]{1,100}[.](svg|png|jpg|webp)$";

const photoUrl = new RegExp(PHOTO_URL_PATTERN);

/** Where a photo may come from, in the reader's words. */
export const photoRule = (say: ProblemTexts = EN_PROBLEMS) => say.photo;

export function isPhotoUrl(value: unknown): value is string {
  return typeof value === "string" && photoUrl.test(value);
}
