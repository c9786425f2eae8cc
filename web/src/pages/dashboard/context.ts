// The dashboard's restaurant and its board's orders: subscribed once by Dashboard and shared with
// every tab, so a new order is announced on whichever tab staff are on.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Restaurant } from "@domain";
import type { Live, LiveRow } from "../../data/live";
import type { BoardOrder } from "../../data/orders";

export interface DashboardContext {
  rid: string;
  /** Whether the signed-in person owns this restaurant (or only works in its kitchen). */
  owner: boolean;
  restaurant: Live<LiveRow<Restaurant> | null>;
  orders: Live<LiveRow<BoardOrder>[]>;
  /** Orders that arrived while the dashboard was open and still wait for an answer. */
  arrivals: LiveRow<BoardOrder>[];
}

export const Dashboard = createContext<DashboardContext | null>(null);

export function useDashboard(): DashboardContext {
  const ctx = useContext(Dashboard);
  if (!ctx) throw new Error("useDashboard outside the dashboard");
  return ctx;
}
