// The restaurant's API clients and their webhook deliveries, live, and the owner's changes to them
// (through the callables: a client's secrets never pass through Firestore).
import { QUERIES, type ApiClient, type ApiScope, type WebhookDelivery, type WebhookEvent } from "@domain";
import { liveQuery } from "../firebase/live";
import {
  createApiClientCall,
  resendWebhookCall,
  revokeApiClientCall,
  rotateApiClientCall,
  setApiWebhookCall,
} from "../firebase/functions";
import { useLiveQuery } from "./live";

/** How many of a client's latest deliveries the tab shows. */
export const DELIVERIES_SHOWN = 10;

export function useApiClients(rid: string) {
  return useLiveQuery<ApiClient>(liveQuery(QUERIES.apiClientsOf(rid)));
}

export function useDeliveries(clientId: string) {
  return useLiveQuery<WebhookDelivery>(liveQuery(QUERIES.recentDeliveries(clientId, DELIVERIES_SHOWN)));
}

export async function createApiClient(restaurantId: string, name: string, scopes: ApiScope[]) {
  return (await createApiClientCall({ restaurantId, name, scopes })).data;
}

export async function rotateApiClient(clientId: string) {
  return (await rotateApiClientCall({ clientId })).data.clientSecret;
}

export async function revokeApiClient(clientId: string): Promise<void> {
  await revokeApiClientCall({ clientId });
}

/** Registers the endpoint (null removes it); the signing secret comes back for a first endpoint. */
export async function setWebhook(clientId: string, url: string | null, events: WebhookEvent[] = []) {
  return (await setApiWebhookCall({ clientId, url, events })).data.signingSecret;
}

export async function resendDelivery(clientId: string, eventId: string): Promise<void> {
  await resendWebhookCall({ clientId, eventId });
}
