// Notices to a restaurant's staff about the restaurant itself (not one order): an inbox entry for
// each of them, once per notice id, saying the notice as a key (the app says it in the reader's
// language), and a push in each language to the restaurant's topic on the run that wrote it.

import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { Deps } from "../deps";
import { paths } from "../domain/collections";
import { LANGUAGES } from "../domain/language";
import { noticeMessage, restaurantTopic, type StaffNotice } from "../domain/notifications";
import { isAlreadyExists } from "../errors";
import { staffOfRestaurant } from "./staff";

/** An inbox entry for each of the restaurant's staff (once per `id`) and a push to its topic. */
export async function tellStaff(
  { db, push }: Pick<Deps, "db" | "push">,
  rid: string,
  id: string,
  notice: StaffNotice,
  link = "/dashboard",
) {
  const staff = await staffOfRestaurant(db, rid);
  let wrote = false;
  await Promise.all(
    staff.map((s) =>
      db
        .doc(paths.notification(s.uid, id))
        .create({
          orderId: null,
          status: "placed",
          audience: "staff",
          link,
          text: { kind: "notice", notice },
          read: false,
          createdAt: FieldValue.serverTimestamp(),
          updatedAt: FieldValue.serverTimestamp(),
        })
        .then(
          () => (wrote = true),
          (err: unknown) => {
            if (!isAlreadyExists(err)) throw err;
          },
        ),
    ),
  );
  if (wrote) {
    await Promise.all(
      LANGUAGES.map((lang) =>
        push
          .sendToTopic(restaurantTopic(rid, lang), { ...noticeMessage(notice, lang), data: { link } })
          .catch((err: unknown) => logger.warn("push failed", { rid, err: String(err) })),
      ),
    );
  }
}
