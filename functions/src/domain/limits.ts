// Size and value bounds. firestore.rules carries the same numbers (rules cannot import);
// tests/rules probe each one at its edge so the two cannot drift apart silently.

export const LIMITS = {
  /** Business rule, enforced by the backend with a reason code. */
  maxOrderLines: 50,
  /** Payload guard in the rules: a cart bigger than this never reaches the backend. */
  maxCartLinesHard: 100,
  minQuantity: 1,
  maxQuantity: 20,
  maxNoteLength: 500,
  maxNameLength: 100,
  maxDescriptionLength: 1000,
  maxAddressLineLength: 200,
  maxAddresses: 10,
  maxOptionGroups: 10,
  maxOptionsPerGroup: 20,
  maxCategories: 30,
  maxCategoryLength: 50,
  maxReviewLength: 1000,
  maxDeclineReasonLength: 200,
  /** 100 000.00 in any currency is far beyond any dish. */
  maxPriceCents: 10_000_000,
  maxDeliveryRadiusM: 50_000,
  maxPrepTimeMin: 240,
  maxServiceFeeBps: 3000,
  maxTokenLength: 4096,
} as const;
