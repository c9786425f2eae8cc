// Firestore paths, so no module spells a collection name of its own.

export const paths = {
  user: (uid: string) => `users/${uid}`,
  inbox: (uid: string) => `users/${uid}/notifications`,
  notification: (uid: string, id: string) => `users/${uid}/notifications/${id}`,
  devices: (uid: string) => `users/${uid}/devices`,
  device: (uid: string, id: string) => `users/${uid}/devices/${id}`,
  addresses: (uid: string) => `users/${uid}/addresses`,
  address: (uid: string, id: string) => `users/${uid}/addresses/${id}`,
  restaurant: (rid: string) => `restaurants/${rid}`,
  menu: (rid: string) => `restaurants/${rid}/menu`,
  menuItem: (rid: string, itemId: string) => `restaurants/${rid}/menu/${itemId}`,
  reviews: (rid: string) => `restaurants/${rid}/reviews`,
  review: (rid: string, orderId: string) => `restaurants/${rid}/reviews/${orderId}`,
  statsShards: (rid: string, day: string) => `restaurants/${rid}/stats/${day}/shards`,
  statsShard: (rid: string, day: string, shard: number) => `restaurants/${rid}/stats/${day}/shards/${shard}`,
  orders: () => "orders",
  order: (oid: string) => `orders/${oid}`,
  restaurants: () => "restaurants",
  listings: () => "listings",
  listing: (rid: string) => `listings/${rid}`,
  searchIndex: () => "searchIndex",
  searchEntry: (rid: string) => `searchIndex/${rid}`,
  users: () => "users",
  courierPosition: (oid: string) => `orders/${oid}/tracking/courier`,
  courier: (uid: string) => `couriers/${uid}`,
  /** The cell of the map a courier was last in (courierArea.ts): their own and the admins'. */
  courierArea: (uid: string) => `courierAreas/${uid}`,
  fees: () => "settings/fees",
  restaurantTerms: (rid: string) => `restaurantTerms/${rid}`,
  promoCodes: () => "promoCodes",
  promoCode: (code: string) => `promoCodes/${code}`,
  promoAllocation: (code: string, n: number) => `promoCodes/${code}/allocations/${n}`,
  promoRedemptions: (code: string) => `promoCodes/${code}/redemptions`,
  promoRedemption: (code: string, orderId: string) => `promoCodes/${code}/redemptions/${orderId}`,
  receipts: () => "receipts",
  receipt: (orderId: string) => `receipts/${orderId}`,
  earnings: (uid: string) => `couriers/${uid}/earnings`,
  earning: (uid: string, orderId: string) => `couriers/${uid}/earnings/${orderId}`,
  /** Backend bookkeeping no client reads. */
  reconcilerState: () => "system/reconciler",
  /** Which missed order auto-paused a restaurant (backend only). */
  rushNote: (rid: string) => `restaurants/${rid}/backend/rush`,
};

/** Daily stats are spread over this many shard documents so that a busy day does not
 * exceed Firestore's sustained write rate on one document. */
export const STATS_SHARDS = 10;
