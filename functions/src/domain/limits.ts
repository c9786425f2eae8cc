// Size and value bounds. firestore.rules carries the same numbers (rules cannot import);
// tests/rules/limits.test.ts writes every one of them at its edge and one past it, so the two
// cannot drift apart silently.

export const LIMITS = {
  /** Lines in one order; the rules check each line, so this is also the rules' bound. */
  maxOrderLines: 30,
  minQuantity: 1,
  maxQuantity: 20,
  /** The encoded options of one cart line ("size=large;extras=cheese,olives"). */
  maxLineOptionsLength: 500,
  maxItemIdLength: 128,
  maxNoteLength: 500,
  maxNameLength: 100,
  maxLegalNameLength: 150,
  maxCuisineLength: 50,
  maxDescriptionLength: 1000,
  maxAddressLineLength: 200,
  maxCityLength: 100,
  maxLabelLength: 50,
  maxPhoneLength: 30,
  /** Saved addresses per user: documents a0..a9. */
  maxAddresses: 10,
  /** Push devices per user: documents d0..d4. */
  maxDevices: 5,
  maxTokenLength: 4096,
  maxUserAgentLength: 300,
  maxOptionGroups: 10,
  maxOptionsPerGroup: 20,
  maxOptionIdLength: 64,
  maxCategories: 30,
  maxCategoryLength: 50,
  maxSortOrder: 10_000,
  maxIntervalsPerDay: 4,
  maxReviewLength: 1000,
  maxDeclineNoteLength: 200,
  maxCancelNoteLength: 200,
  /** 100 000.00 in any currency is far beyond any dish. */
  maxPriceCents: 10_000_000,
  minDeliveryRadiusM: 100,
  maxDeliveryRadiusM: 50_000,
  minPrepTimeMin: 1,
  maxPrepTimeMin: 240,
  maxBusyExtraMin: 60,
  maxServiceFeeBps: 3000,
  maxCommissionBps: 5000,
  /** Orders a customer may have under way at once (submitted to picked up). */
  maxOpenOrdersPerCustomer: 5,
  /** How long a courier may still read an order after delivering it. */
  courierAccessAfterDeliveryMin: 120,
  /** Dishes a menu shows (its query's limit; the editor adds no more). */
  maxMenuItems: 300,
  /** Orders under way a kitchen's board shows at once, oldest first. */
  maxBoardOrders: 200,
  /** Pickups a courier's list shows at once, from the cells of their area. */
  maxOpenPickups: 50,
  /** How long a restaurant's staff may still read an order (the customer's name and address)
   * after it ended; its owner keeps the statement line. */
  staffAccessAfterEndHours: 24,
} as const;
