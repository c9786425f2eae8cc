// The delivery address the customer has chosen; restaurants are offered by whether they
// deliver there.

import { isLatLng, type Address } from "@domain";
import { persisted } from "./persisted";

function isAddressOrNull(v: unknown): v is Address | null {
  return v === null || (isLatLng(v) && typeof (v as Address).line1 === "string");
}

export const deliveryAddress = persisted<Address | null>("dishpatch.address", null, isAddressOrNull);

/** What a chosen address carries into the cart and the order (a saved one's id and the like left out). */
export const asDelivery = (a: Address): Address => ({
  line1: a.line1,
  city: a.city,
  lat: a.lat,
  lng: a.lng,
  ...(a.label ? { label: a.label } : {}),
});
