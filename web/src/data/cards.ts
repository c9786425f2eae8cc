// Card payments as the customer's screens see them: their saved cards, an order's payment record,
// and the callables for a card that asks for 3-D Secure and for removing a saved card.
import { doc, onSnapshot } from "firebase/firestore";
import { useEffect, useState } from "preact/hooks";
import { paths, type CardFace, type CardPayment } from "@domain";
import { paymentActionCall, removeCardCall } from "../firebase/functions";
import { liveDb, liveQuery } from "../firebase/live";
import { useLiveQuery } from "./live";

export type SavedCard = CardFace & { createdAt?: unknown };

/** More than anyone keeps: the list is only ever read whole. */
const MAX_CARDS = 20;

/** The customer's saved cards, newest first; none asked for without a uid. */
export function useSavedCards(uid: string | null | undefined) {
  return useLiveQuery<SavedCard>(
    uid
      ? liveQuery({ collection: paths.cards(uid), where: [], orderBy: [["createdAt", "desc"]], limit: MAX_CARDS })
      : null,
  );
}

/** The rules let a customer read a record only once it exists, and the backend writes it just
 * after the order starts waiting for its card: a refused listen is tried again a little later. */
const RETRY_MS = [1000, 2000, 4000, 8000];

/** The order's card payment, live: undefined until it is readable (or when `listen` is false). */
export function usePaymentRecord(orderId: string, listen: boolean): CardPayment | undefined {
  const [record, setRecord] = useState<CardPayment | undefined>(undefined);
  useEffect(() => {
    setRecord(undefined);
    if (!listen) return;
    let stop = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = (attempt: number) => {
      stop = onSnapshot(
        doc(liveDb, paths.payment(orderId)),
        (snap) => setRecord(snap.exists() ? (snap.data() as CardPayment) : undefined),
        () => {
          timer = setTimeout(() => start(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
        },
      );
    };
    start(0);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [orderId, listen]);
  return record;
}

/** The client secret of the order's intent, while it waits for the customer's bank. */
export async function paymentAction(orderId: string): Promise<string> {
  return (await paymentActionCall({ orderId })).data.clientSecret;
}

export async function removeCard(cardId: string): Promise<void> {
  await removeCardCall({ cardId });
}
