// Where a dish or restaurant photo may come from: the app's own hosting (/photos/…, where the seed's
// images live) or a storage host we trust. Anything else is refused, so a menu cannot make every
// visitor's browser call a stranger's server. firestore.rules repeats the pattern.

export const PHOTO_HOSTS = ["firebasestorage.googleapis.com", "storage.googleapis.com", "images.unsplash.com"] as const;

// URL-safe characters only: no spaces, quotes or angle brackets to break out of an attribute.
export const PHOTO_URL_PATTERN =
  "^(/photos/[a-z0-9-]+[.](svg|png|jpg|webp)|https://(firebasestorage[.]googleapis[.]com|storage[.]googleapis[.]com|images[.]unsplash[.]com)/[A-Za-z0-9._~%/?&=+:-]{1,400})$";

const photoUrl = new RegExp(PHOTO_URL_PATTERN);

export const PHOTO_RULE = `A photo is a /photos/ file or an https address on ${PHOTO_HOSTS.join(", ")}.`;

export function isPhotoUrl(value: unknown): value is string {
  return typeof value === "string" && value.length <= 500 && photoUrl.test(value);
}
