// GET /statements: the dashboard's statement for a day or a week, from the same statement lines and the
// same domain sums (domain/statement.ts), as JSON or as the same CSV the dashboard downloads.

import type { Firestore } from "firebase-admin/firestore";
import {
  paths,
  QUERIES,
  statementBounds,
  statementCsv,
  statementOf,
  type Restaurant,
  type StatementLine,
  type StatementPeriod,
} from "../domain";
import { adminQuery } from "../query";
import type { ApiCaller } from "./guard";
import { ApiProblem } from "./problem";
import type { StatementView } from "./schemas";

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export async function readStatement(
  db: Firestore,
  caller: ApiCaller,
  query: URLSearchParams,
): Promise<{ json: StatementView; csv: string }> {
  const period = (query.get("period") ?? "day") as StatementPeriod;
  const date = query.get("date") ?? "";
  const problems: { path: string; message: string }[] = [];
  if (period !== "day" && period !== "week") problems.push({ path: "period", message: "day or week" });
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    problems.push({ path: "date", message: "a date, YYYY-MM-DD" });
  }
  if (problems.length) throw new ApiProblem("bad_request", "Some query parameters are not valid.", { problems });
  const r = (await db.doc(paths.restaurant(caller.restaurantId)).get()).data() as Restaurant | undefined;
  const timeZone = r?.timeZone ?? "UTC";
  const { from, to } = statementBounds(period, date, timeZone);
  const snap = await adminQuery(db, QUERIES.restaurantStatement(caller.restaurantId, from, to)).get();
  const lines = snap.docs.map((d) => d.data() as StatementLine);
  const sum = statementOf(lines);
  return {
    csv: statementCsv(lines, timeZone),
    json: {
      period,
      from: from.toISOString(),
      to: to.toISOString(),
      time_zone: timeZone,
      orders: sum.orders,
      gross_sales: sum.grossSales,
      commission: sum.commission,
      restaurant_promotions: sum.restaurantPromotions,
      refunds: sum.refunds,
      net_payout: sum.netPayout,
      lines: lines.map((x) => ({
        order_id: x.orderId,
        number: x.number,
        delivered_at: new Date(x.deliveredAt.toMillis()).toISOString(),
        gross_sales: x.subtotal,
        commission: x.commission,
        restaurant_promotion: x.restaurantPromo,
        refund: 0,
        net_payout: x.restaurantNet,
        currency: x.currency,
      })),
    },
  };
}
