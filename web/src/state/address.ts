// The delivery address the customer has chosen; restaurants are offered by whether they
// deliver there.

import { isLatLng, type Address } from "@domain";
import { persisted } from "./persisted";

function isAddressOrNull(v: unknown): v is Address | null {
  return v === null || (isLatLng(v) && typeof (v as Address).line1 === "string");
}

export const deliveryAddress = persisted<Address | null>("dishpatch.address", null, isAddressOrNull);
