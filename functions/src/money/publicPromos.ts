// The public view of the promo codes listed to everyone (publicPromos/{code}): what the checkout
// shows, never a code's budget, caps or creator, which only admins read. Rewritten from the code as
// it is now on every change, so a repeated or late event leaves the view right.

import { FieldValue } from "firebase-admin/firestore";
import type { Deps } from "../deps";
import { paths, publicViewOf, type PromoCode } from "../domain";

export async function syncPublicPromo({ db }: Pick<Deps, "db">, code: string): Promise<"listed" | "unlisted"> {
  const promo = (await db.doc(paths.promoCode(code)).get()).data() as PromoCode | undefined;
  const view = promo ? publicViewOf(promo) : null;
  const ref = db.doc(paths.publicPromo(code));
  if (!view) {
    await ref.delete();
    return "unlisted";
  }
  await ref.set({ ...view, updatedAt: FieldValue.serverTimestamp() });
  return "listed";
}
