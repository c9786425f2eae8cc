// Users: roles (the admin-only callable), push devices and the topics of a courier's area.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall } from "firebase-functions/v2/https";

export const setRole = onCall(async (request) => (await import("../roles/setRole")).setRoleCall(request));

export const onDeviceWritten = onDocumentWritten(
  { document: "users/{uid}/devices/{deviceId}", retry: true },
  async (event) =>
    (await import("../notify/devices")).deviceWritten(
      event.params.uid,
      event.params.deviceId,
      event.data?.before.exists ? (event.data.before.data() as { token: string }) : undefined,
      event.data?.after.exists ? (event.data.after.data() as { token: string }) : undefined,
    ),
);

/** A courier moved to another cell of the map: their devices follow it to its topics. */
export const onCourierAreaWritten = onDocumentWritten({ document: "courierAreas/{uid}", retry: true }, async (event) =>
  (await import("../notify/devices")).courierAreaWritten(
    event.params.uid,
    event.data?.before.exists ? (event.data.before.data() as { cell?: unknown }) : undefined,
  ),
);
