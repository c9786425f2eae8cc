// Firestore paths, so no module spells a collection name of its own.

export const paths = {
  user: (uid: string) => `users/${uid}`,
  inbox: (uid: string) => `users/${uid}/notifications`,
  notification: (uid: string, id: string) => `users/${uid}/notifications/${id}`,
  devices: (uid: string) => `users/${uid}/devices`,
  restaurant: (rid: string) => `restaurants/${rid}`,
  menu: (rid: string) => `restaurants/${rid}/menu`,
  menuItem: (rid: string, itemId: string) => `restaurants/${rid}/menu/${itemId}`,
  reviews: (rid: string) => `restaurants/${rid}/reviews`,
  review: (rid: string, orderId: string) => `restaurants/${rid}/reviews/${orderId}`,
  statsShard: (rid: string, day: string, shard: number) => `restaurants/${rid}/stats/${day}/shards/${shard}`,
  order: (oid: string) => `orders/${oid}`,
  courierPosition: (oid: string) => `orders/${oid}/tracking/courier`,
};

/** Daily stats are spread over this many shard documents so that a busy day does not
 * exceed Firestore's sustained write rate on one document. */
export const STATS_SHARDS = 10;
