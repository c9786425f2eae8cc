// Mutants of firestore.rules that mean the same as the rules as written: no request can tell them
// apart, so no test can kill them. Each is named by its key (survivors.txt prints it beside every
// survivor) and says why. They are left out of N, the score's denominator, and listed in the
// README. A key that no longer names a mutant, or names one that a test kills, is reported by the
// runner, to be looked at again.

/** Reading a field of request.auth when nobody is signed in is an error, and an error denies the
 * request, as the signedIn() the mutant drops would have. */
const SIGNED_OUT_ERRORS =
  "for a signed-out request the rest reads request.auth, an error that denies as signedIn() did";
/** A length is never below 0. */
const LENGTH_NOT_NEGATIVE = "no text is shorter than 0 characters, so a lower bound of -1 admits nothing more";
/** A method the type check guarded is missing on every other type: the call is an error, which
 * denies the write as the check did. */
const METHOD_NEEDS_TYPE = (method: string) =>
  `on anything else ${method} is an error, which denies the write as the type check did`;

export const EQUIVALENT: { key: string; reason: string }[] = [
  {
    key: "drop-conjunct | function isAdmin (/) | function isAdmin() { return signedIn() && request.auth.token.get('admin', false) == true && notRevoked(); } | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "drop-conjunct | function isCourier (/) | function isCourier() { return signedIn() && request.auth.token.get('courier', false) == true && notRevoked(); } | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "drop-conjunct | function isSelf (/users/{userId}) | function isSelf() { return signedIn() && me() == userId; } | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "drop-conjunct | allow create (/restaurants/{rid}/reviews/{orderId}) | allow create: if signedIn() | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "drop-conjunct | allow get, list (/promoCodes/{code}/redemptions/{orderId}) | allow get, list: if isAdmin() || (signedIn() && resource.data.customerId == me()); | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "drop-conjunct | function isOrderCustomer (/orders/{orderId}) | function isOrderCustomer() { return signedIn() && existing().customerId == me(); } | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "drop-conjunct | allow get, list (/orders/{orderId}/tracking/{docId}) | allow get, list: if signedIn() && ( | drop signedIn()",
    reason: SIGNED_OUT_ERRORS,
  },
  {
    key: "number | function notRevoked (/) | return !exists(profile) || request.auth.token.iat >= get(profile).data.get('tokensValidAfter', 0); | 0 → -1",
    reason:
      "an ID token's iat counts seconds since 1970 and is never negative, so it is at least -1 wherever it is at least 0",
  },
  {
    key: "number | function isAddressFields (/) | && isText(a.get('label', ''), 0, 50); | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | function isProfile (/users/{userId}) | && isText(p.get('phone', ''), 0, 30) | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | allow create, update (/users/{userId}/devices/{deviceId}) | && isText(incoming().get('userAgent', ''), 0, 300) | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | function isRestaurant (/restaurants/{rid}) | && isText(r.description, 0, 1000) && isAddress(r.address) | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | allow create (/restaurants/{rid}/reviews/{orderId}) | && isText(incoming().text, 0, 1000) | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | allow create (/orders/{orderId}) | && isText(incoming().note, 0, 500) | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | allow update (/orders/{orderId}) | && isText(incoming().get('declineNote', ''), 0, 200)) | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "number | allow update (/orders/{orderId}) | && isText(incoming().get('cancelNote', ''), 0, 200); | 0 → -1",
    reason: LENGTH_NOT_NEGATIVE,
  },
  {
    key: "drop-conjunct | function isDeclaration (/) | function isDeclaration(v, words) { return v is list && v.hasOnly(words) && v.toSet().size() == v.size(); } | drop v is list",
    reason: METHOD_NEEDS_TYPE("hasOnly()"),
  },
  {
    key: "drop-conjunct | function isAddress (/) | return a is map | drop a is map",
    reason: METHOD_NEEDS_TYPE("keys()"),
  },
  {
    key: "drop-conjunct | function isHours (/restaurants/{rid}) | return h is map && h.keys().hasOnly(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) | drop h is map",
    reason: METHOD_NEEDS_TYPE("keys()"),
  },
  {
    key: "drop-conjunct | function isTipChoice (/orders/{orderId}) | return t is map && ( | drop t is map",
    reason: METHOD_NEEDS_TYPE("keys()"),
  },
  {
    key: "drop-conjunct | function isProfile (/users/{userId}) | || (p.defaultAddress is string && p.defaultAddress.matches('^a[0-9]$'))) | drop p.defaultAddress is string",
    reason: METHOD_NEEDS_TYPE("matches()"),
  },
  {
    key: "drop-conjunct | allow create (/orders/{orderId}) | && (!('promoCode' in incoming()) || (incoming().promoCode is string && incoming().promoCode.matches('^[A-Z0-9]{3,20}$'))) | drop incoming().promoCode is string",
    reason: METHOD_NEEDS_TYPE("matches()"),
  },
  {
    key: "drop-conjunct | function isUntil (/restaurants/{rid}) | return v == null || (v is timestamp && v > request.time && v <= request.time + duration.value(hours, 'h')); | drop v is timestamp",
    reason:
      'comparing anything but a timestamp with request.time is an error, which denies the write as the type check did (a pause end of "19:45" is refused under this mutant)',
  },
  {
    key: "drop-conjunct | function isCart (/orders/{orderId}) | return items is list && items.size() >= 1 && items.size() <= 30 | drop items is list",
    reason: `${METHOD_NEEDS_TYPE("join()")} (an empty text or map fails the size check first)`,
  },
  {
    key: "drop-conjunct | function isCart (/orders/{orderId}) | return items is list && items.size() >= 1 && items.size() <= 30 | drop items.size() >= 1",
    reason: "an empty cart joins to an empty text, which the cart pattern refuses: it needs one line at least",
  },
  {
    key: "number | function isCart (/orders/{orderId}) | return items is list && items.size() >= 1 && items.size() <= 30 | 1 → 0",
    reason: "an empty cart joins to an empty text, which the cart pattern refuses: it needs one line at least",
  },
  {
    key: "drop-conjunct | function isCart (/orders/{orderId}) | return items is list && items.size() >= 1 && items.size() <= 30 | drop items.size() <= 30",
    reason: "the cart pattern allows 30 lines at most ({0,29} after the first), and every item is one line or more",
  },
  {
    key: "number | function isCart (/orders/{orderId}) | return items is list && items.size() >= 1 && items.size() <= 30 | 30 → 31",
    reason: "the cart pattern allows 30 lines at most ({0,29} after the first), and every item is one line or more",
  },
  {
    key: "drop-conjunct | function isProfile (/users/{userId}) | && p.get('favourites', []) is list && p.get('favourites', []).size() <= 50 | drop p.get('favourites', []).size() <= 50",
    reason: "the favourites pattern allows 50 ids at most ({0,49} after the first), and every id is one at least",
  },
  {
    key: "number | function isProfile (/users/{userId}) | && p.get('favourites', []) is list && p.get('favourites', []).size() <= 50 | 50 → 51",
    reason: "the favourites pattern allows 50 ids at most ({0,49} after the first), and every id is one at least",
  },
  {
    key: "drop-conjunct | function isAddress (/) | && a.keys().hasAll(['line1', 'city', 'lat', 'lng']) | drop a.keys().hasAll(['line1', 'city', 'lat', 'lng'])",
    reason: "isAddressFields reads all four fields; reading a missing one is an error, which denies as hasAll did",
  },
  {
    key: "drop-conjunct | function isTipChoice (/orders/{orderId}) | (t.keys().hasOnly(['percent']) && t.keys().hasAll(['percent']) && t.percent in [0, 5, 10, 15]) | drop t.keys().hasAll(['percent'])",
    reason: "without the key, t.percent is an error and the other branch is false for it: denied as before",
  },
  {
    key: "drop-conjunct | function isTipChoice (/orders/{orderId}) | || (t.keys().hasOnly(['cents']) && t.keys().hasAll(['cents']) && isIntIn(t.cents, 0, 5000))); | drop t.keys().hasAll(['cents'])",
    reason: "without the key, t.cents is an error and the other branch is false for it: denied as before",
  },
  {
    key: "drop-conjunct | function claiming (/couriers/{courierId}) | return id is string | drop id is string",
    reason:
      "any other id makes the order look-up an error or finds no order, and reading its fields is an error: denied as before",
  },
  {
    key: "drop-conjunct | function releasing (/couriers/{courierId}) | return resource != null && existing().activeOrderId is string | drop resource != null",
    reason:
      "without a stored state, existing() is an error, which denies as the check did (and claiming() is tried first)",
  },
  {
    key: "drop-conjunct | function releasing (/couriers/{courierId}) | return resource != null && existing().activeOrderId is string | drop existing().activeOrderId is string",
    reason:
      "any other stored id makes the order look-up an error or finds no order, and reading its status is an error: denied as before",
  },
  {
    key: "relational | function isUntil (/restaurants/{rid}) | return v == null || (v is timestamp && v > request.time && v <= request.time + duration.value(hours, 'h')); | <= → <",
    reason:
      "they differ only for an end exactly 48 (or 4) hours after the server's time of the request, which no client can write",
  },
  {
    key: "relational | allow create (/orders/{orderId}) | && incoming().slotStart < request.time + duration.value(3, 'd'))) | < → <=",
    reason:
      "they differ only for a slot exactly three days after the server's time of the request, which no client can write",
  },
  {
    key: "relational | function courierMayRead (/orders/{orderId}) | && request.time < existing().timeline.delivered + duration.value(120, 'm'))); | < → <=",
    reason:
      "they differ only for a read at exactly 120 minutes after the delivery, to the microsecond: no test can time a request that well",
  },
  {
    key: "number | function isMenuItem (/restaurants/{rid}/menu/{itemId}) | && isIntIn(m.get('sortOrder', 0), 0, 10000) | 0 → 1",
    reason: "the default for a missing sort order moves from 0 to 1, both within 0 to 10000: the same items pass",
  },
  {
    key: "number | allow update (/orders/{orderId}) | (moves('placed', 'accepted') && stamps('accepted', ['prepMin']) && isIntIn(incoming().get('prepMin', 1), 1, 240)) | 1 → 2",
    reason: "the default for a missing prep time moves from 1 to 2, both within 1 to 240: the same accepts pass",
  },
  {
    key: "drop-conjunct | function courierMayRead (/orders/{orderId}) | || (existing().status == 'delivered' | drop existing().status == 'delivered'",
    reason:
      "only a delivered order has timeline.delivered; for any other status reading it is an error, which denies as the check did",
  },
  {
    key: "drop-conjunct | allow update (/orders/{orderId}) | && incoming().status == 'ready' | drop incoming().status == 'ready'",
    reason:
      "the claim may change only courierId and updatedAt, and isOpenForCouriers() already requires the stored status to be ready",
  },
  {
    key: "drop-conjunct | function isMenuItem (/restaurants/{rid}/menu/{itemId}) | && (!m.keys().hasAny(['externalId']) || (m.externalId is string && m.externalId.matches('^[A-Za-z0-9._:-]{1,64}$'))) | drop m.externalId is string",
    reason: `${METHOD_NEEDS_TYPE("matches()")} (a till's id that is a number is refused under this mutant)`,
  },
  {
    key: "drop-conjunct | allow create (/orders/{orderId}) | || (incoming().slotStart is timestamp && incoming().slotStart > request.time | drop incoming().slotStart is timestamp",
    reason:
      "comparing anything but a timestamp with request.time is an error, which denies the write as the type check did",
  },
];

export function equivalentReason(key: string): string | undefined {
  return EQUIVALENT.find((e) => e.key === key)?.reason;
}
