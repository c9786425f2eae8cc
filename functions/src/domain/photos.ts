// Where a dish or restaurant photo may come from: the app's own hosting (/photos/…, where the seed's
// images live) or a storage host we trust. Anything else is refused, so a menu cannot make every
// visitor's browser call a stranger's server. firestore.rules repeats the pattern.

import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

export const PHOTO_HOSTS = ["firebasestorage.googleapis.com", "storage.googleapis.com", "images.unsplash.com"] as const;

// URL-safe characters only: no spaces, quotes or angle brackets to break out of an attribute.
export const PHOTO_URL_PATTERN =
  "^(/photos/[a-z0-9-]+[.](svg|png|jpg|webp)|https://(firebasestorage[.]googleapis[.]com|storage[.]googleapis[.]com|images[.]unsplash[.]com)/[A-Za-z0-9._~%/?&=+:-]{1,400})$";

const photoUrl = new RegExp(PHOTO_URL_PATTERN);

/** Where a photo may come from, in the reader's words. */
export const photoRule = (say: ProblemTexts = EN_PROBLEMS) => say.photo(PHOTO_HOSTS.join(", "));

export function isPhotoUrl(value: unknown): value is string {
  return typeof value === "string" && value.length <= 500 && photoUrl.test(value);
}
