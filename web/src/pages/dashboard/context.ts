// The dashboard's restaurant: subscribed once by Dashboard and shared with every tab.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Restaurant } from "@domain";
import type { Live, LiveRow } from "../../data/live";

export interface DashboardContext {
  rid: string;
  restaurant: Live<LiveRow<Restaurant> | null>;
}

export const Dashboard = createContext<DashboardContext | null>(null);

export function useDashboard(): DashboardContext {
  const ctx = useContext(Dashboard);
  if (!ctx) throw new Error("useDashboard outside the dashboard");
  return ctx;
}
