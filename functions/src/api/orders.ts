// The orders endpoints. A change goes through the domain's state machine exactly as the dashboard's
// does: the same transitions (canTransition for staff), the same fields and bounds the rules check
// for staff, stamped with the client as its author (by.<status> = api:<clientId>). The admin SDK
// passes the rules by, so these checks are the API's own. A change the client already made is
// answered with the order as it is (a retry after a lost answer); anything else not allowed from
// the order's status is a 409 naming that status.

import { FieldPath, FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import {
  API_LIMITS,
  canTransition,
  changedBy,
  currentPrepMinutes,
  paths,
  QUERIES,
  transition,
  type Order,
  type OrderStatus,
  type Restaurant,
  isDocId,
} from "../domain";
import { adminQuery } from "../query";
import type { ApiCaller } from "./guard";
import { ApiProblem } from "./problem";
import { API_STATUSES, type OrderView } from "./schemas";
import { orderView } from "./views";

const notFound = () => new ApiProblem("not_found", "No such order at this restaurant.");

/** The order, if it is this restaurant's and the restaurant has received it. */
async function readOwn(db: Firestore, caller: ApiCaller, orderId: string): Promise<Order> {
  if (!isDocId(orderId)) throw notFound();
  const order = (await db.doc(paths.order(orderId)).get()).data() as Order | undefined;
  if (!order || order.restaurantId !== caller.restaurantId || !API_STATUSES.includes(order.status)) throw notFound();
  return order;
}

export async function getOrder(db: Firestore, caller: ApiCaller, orderId: string): Promise<OrderView> {
  return orderView(orderId, await readOwn(db, caller, orderId));
}

interface Cursor {
  s: number;
  n: number;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (Number.isInteger(c.s) && Number.isInteger(c.n) && typeof c.id === "string") return c;
  } catch {
    // answered below
  }
  throw new ApiProblem("bad_request", "The cursor is not one this API gave.", {
    problems: [{ path: "cursor", message: "not a cursor from next_cursor" }],
  });
}

/** GET /orders?status=placed,accepted&updated_since=<time>&limit=50&cursor=… */
export async function listOrders(db: Firestore, caller: ApiCaller, query: URLSearchParams) {
  const problems: { path: string; message: string }[] = [];
  const statuses = (query.get("status") ?? "").split(",").filter(Boolean);
  const unknown = statuses.filter((s) => !API_STATUSES.includes(s as OrderStatus));
  if (unknown.length) problems.push({ path: "status", message: `not a status: ${unknown.join(", ")}` });
  const sinceText = query.get("updated_since");
  const since = sinceText === null ? new Date(0) : new Date(sinceText);
  if (Number.isNaN(since.getTime())) problems.push({ path: "updated_since", message: "not an RFC 3339 time" });
  const limitText = query.get("limit");
  const limit = limitText === null ? API_LIMITS.defaultPageSize : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > API_LIMITS.maxPageSize) {
    problems.push({ path: "limit", message: `an integer from 1 to ${API_LIMITS.maxPageSize}` });
  }
  if (problems.length) throw new ApiProblem("bad_request", "Some query parameters are not valid.", { problems });
  const cursorText = query.get("cursor");
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  const spec = QUERIES.apiOrders(
    caller.restaurantId,
    statuses.length ? (statuses as OrderStatus[]) : API_STATUSES,
    Timestamp.fromDate(since),
    limit + 1,
  );
  let q = adminQuery(db, spec).orderBy(FieldPath.documentId());
  if (cursor) q = q.startAfter(new Timestamp(cursor.s, cursor.n), cursor.id);
  const page = await q.get();
  const docs = page.docs.slice(0, limit);
  const last = docs[docs.length - 1];
  const at = last?.get("updatedAt") as Timestamp | undefined;
  return {
    orders: docs.map((d) => orderView(d.id, d.data() as Order)),
    next_cursor: page.size > limit && at ? encodeCursor({ s: at.seconds, n: at.nanoseconds, id: last.id }) : null,
  };
}

/** Moves the order through `steps` (each a staff transition of the state machine), one transaction
 * a step, so that every status change is its own event with its own side effects. */
async function move(
  db: Firestore,
  caller: ApiCaller,
  orderId: string,
  steps: readonly OrderStatus[],
  extra: (order: Order) => Record<string, unknown> = () => ({}),
): Promise<OrderView> {
  await readOwn(db, caller, orderId);
  const ref = db.doc(paths.order(orderId));
  for (const to of steps) {
    await db.runTransaction(async (tx) => {
      const order = (await tx.get(ref)).data() as Order;
      // Made already: by this client (a retry), or a step on the way that the kitchen made first.
      const last = to === steps[steps.length - 1];
      if (order.status === to && (changedBy(order, to, caller.actor) || !last)) return;
      if (!canTransition(order.status, to, "staff")) {
        throw new ApiProblem("state_conflict", `The order is ${order.status}: it cannot become ${to} now.`, {
          current_status: order.status,
        });
      }
      tx.update(ref, transition(to, FieldValue.serverTimestamp(), caller.actor, extra(order)));
    });
  }
  return getOrder(db, caller, orderId);
}

export async function acceptOrder(db: Firestore, caller: ApiCaller, orderId: string, prepMinutes?: number) {
  let prepMin = prepMinutes;
  if (prepMin === undefined) {
    const r = (await db.doc(paths.restaurant(caller.restaurantId)).get()).data() as Restaurant | undefined;
    prepMin = r ? currentPrepMinutes(r, new Date()) : undefined;
  }
  return move(db, caller, orderId, ["accepted"], () => (prepMin === undefined ? {} : { prepMin }));
}

export function denyOrder(db: Firestore, caller: ApiCaller, orderId: string, reason: string, note?: string) {
  return move(db, caller, orderId, ["declined"], () => ({
    declineReason: reason,
    ...(note ? { declineNote: note } : {}),
  }));
}

/** Ready from accepted (through preparing) or from preparing. */
export async function readyOrder(db: Firestore, caller: ApiCaller, orderId: string) {
  const order = await readOwn(db, caller, orderId);
  return move(db, caller, orderId, order.status === "accepted" ? ["preparing", "ready"] : ["ready"]);
}

/** A cancel after acceptance goes through the state machine's staff transition to `cancelled`
 * once there is one (issue 23); until then the machine has none, and this answers 409. */
export function cancelOrder(db: Firestore, caller: ApiCaller, orderId: string, reason: string, note?: string) {
  return move(db, caller, orderId, ["cancelled"], () => ({
    cancelReason: reason,
    cancelledBy: "restaurant",
    ...(note ? { cancelNote: note } : {}),
  }));
}
