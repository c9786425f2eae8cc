// `npm run pos -- --restaurant trattoria`: a till (POS) for a demo restaurant, beside `npm start`.
// It signs in as the restaurant's demo owner and makes itself an API client with the Integrations
// tab's callables, runs a webhook receiver on this machine and registers it, then works the whole
// loop through the partner API: each order that arrives (signature checked) is printed, accepted
// with a prep time, and marked ready a while later. Ctrl-C revokes its client and stops.
//
//   --restaurant <key>   a demo restaurant with an owner account (trattoria, sakura)
//   --prep <minutes>     the prep time it accepts with (default 15)
//   --ready-after <s>    seconds from accepting to ready (default 20)

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { getAuth } from "firebase/auth";
import { httpsCallable } from "firebase/functions";
import { API_SCOPES, WEBHOOK_EVENTS } from "../../functions/src/domain";
import { closeClients, signInAs, type Person } from "../lib/clients";
import { APP_URL, HOST } from "../lib/config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../seed/berlin";
import { verifyDishpatchSignature } from "./verify";

const API = `${APP_URL}/api/v1`;

interface Line {
  quantity: number;
  name: string;
  external_id: string | null;
  options: { name: string; external_id: string | null }[];
}
interface ApiOrder {
  id: string;
  status: string;
  customer_name: string;
  note: string;
  lines: Line[];
  total: number;
  currency: string;
  scheduled_for: string | null;
  payment: { method: string; amount: number }[];
}

const say = (text: string) => console.log(`${new Date().toLocaleTimeString("en-GB")}  ${text}`);

class Api {
  private token = "";
  constructor(
    private readonly clientId: string,
    private readonly secret: string,
  ) {}

  private async fetchToken(): Promise<void> {
    const res = await fetch(`${API}/oauth/token`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Authorization: `Basic ${Buffer.from(`${this.clientId}:${this.secret}`).toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    });
    if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
    this.token = ((await res.json()) as { access_token: string }).access_token;
  }

  /** A call with a token, asking for a new one when the old has expired. */
  async call<T>(method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; json: T }> {
    if (!this.token) await this.fetchToken();
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${API}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...(key ? { "Idempotency-Key": key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status === 401 && attempt === 0) {
        await this.fetchToken();
        continue;
      }
      return { status: res.status, json: (await res.json()) as T };
    }
  }
}

function printOrder(type: string, o: ApiOrder) {
  say(`${type}  order ${o.id} for ${o.customer_name}${o.scheduled_for ? `, for ${o.scheduled_for}` : ""}`);
  for (const l of o.lines) {
    const options = l.options.map((x) => `${x.name}${x.external_id ? ` [${x.external_id}]` : ""}`).join(", ");
    console.log(
      `          ${l.quantity} × ${l.name}${l.external_id ? ` [${l.external_id}]` : ""}${options ? ` (${options})` : ""}`,
    );
  }
  if (o.note) console.log(`          note: ${o.note}`);
  const paid = o.payment.map((p) => `${p.method} ${(p.amount / 100).toFixed(2)}`).join(" + ");
  console.log(`          total ${(o.total / 100).toFixed(2)} ${o.currency}${paid ? ` (${paid})` : ""}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      restaurant: { type: "string", default: "trattoria" },
      prep: { type: "string", default: "15" },
      "ready-after": { type: "string", default: "20" },
    },
  });
  const prep = Number(values.prep);
  const readyAfter = Number(values["ready-after"]) * 1000;
  const account = DEMO_ACCOUNTS.find(
    (a) => a.role === "owner" && "restaurant" in a && a.restaurant === values.restaurant,
  );
  if (!account) {
    const keys = DEMO_ACCOUNTS.filter((a) => a.role === "owner").map((a) => ("restaurant" in a ? a.restaurant : ""));
    throw new Error(`no demo owner for "${values.restaurant}"; try one of: ${keys.join(", ")}`);
  }
  try {
    await fetch(`${API}/openapi.json`);
  } catch {
    throw new Error(`nothing answers at ${APP_URL}: start the app first with npm start, in another terminal`);
  }

  const owner: Person = await signInAs(account.email, DEMO_PASSWORD);
  const claims = (await getAuth(owner.app).currentUser!.getIdTokenResult()).claims as { owner?: string[] };
  const restaurantId = claims.owner?.[0];
  if (!restaurantId) throw new Error(`${account.email} owns no restaurant: was the demo data seeded?`);

  const seen = new Set<string>();
  // Filled in once the client exists; the receiver listens before that, to know its own address.
  const link: { api?: Api; signingSecret: string } = { signingSecret: "" };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const verdict = verifyDishpatchSignature(link.signingSecret, req.headers["dishpatch-signature"] as string, raw);
      if (!verdict.ok) {
        say(`refused a delivery: ${verdict.reason}`);
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200).end();
      const event = JSON.parse(raw.toString()) as { id: string; type: string; data: { order?: ApiOrder } };
      if (seen.has(event.id)) return; // a retry of an event already taken
      seen.add(event.id);
      void handle(event).catch((err: unknown) => say(`error: ${String(err)}`));
    });
  });
  await new Promise<void>((done) => server.listen(0, HOST, done));
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}/webhook`;

  const answer = async (o: ApiOrder) => {
    const accepted = await link.api!.call<{ status: string; current_status?: string }>(
      "POST",
      `/orders/${o.id}/accept`,
      { prep_minutes: prep },
      `accept-${o.id}`,
    );
    if (accepted.status !== 200) return say(`could not accept ${o.id}: it is ${accepted.json.current_status}`);
    say(`accepted ${o.id}, ready in ${prep} min (marking it ready in ${readyAfter / 1000} s)`);
    setTimeout(() => {
      void api!
        .call<{ status: string; current_status?: string }>("POST", `/orders/${o.id}/ready`, undefined, `ready-${o.id}`)
        .then((r) =>
          say(
            r.status === 200
              ? `${o.id} is ready for pickup`
              : `could not mark ${o.id} ready: it is ${r.json.current_status}`,
          ),
        );
    }, readyAfter);
  };
  const handle = async (event: { type: string; data: { order?: ApiOrder } }) => {
    const o = event.data.order;
    if (!o) return say(`${event.type}`);
    if (event.type === "order.status_changed" || event.type === "order.cancelled") {
      return say(`${event.type}  order ${o.id} is ${o.status}`);
    }
    printOrder(event.type, o);
    if (o.status === "placed") await answer(o);
  };

  const functions = owner.functions;
  const made = await httpsCallable<unknown, { clientId: string; clientSecret: string }>(
    functions,
    "createApiClient",
  )({
    restaurantId,
    name: `POS simulator ${new Date().toISOString().slice(11, 19)}`,
    scopes: API_SCOPES,
  });
  const { clientId, clientSecret } = made.data;
  const hook = await httpsCallable<unknown, { signingSecret: string }>(
    functions,
    "setApiWebhook",
  )({
    clientId,
    url,
    events: WEBHOOK_EVENTS,
  });
  link.signingSecret = hook.data.signingSecret;
  const api = new Api(clientId, clientSecret);
  link.api = api;

  const stop = async () => {
    say("revoking the simulator's client and stopping…");
    await httpsCallable(functions, "revokeApiClient")({ clientId }).catch(() => undefined);
    server.close();
    await closeClients();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());

  console.log(
    [
      "",
      `POS simulator for ${values.restaurant} (restaurant ${restaurantId}), as ${account.email}`,
      `  API client  ${clientId}  (see it on the dashboard's Integrations tab)`,
      `  webhooks    ${url}`,
      `  Order from ${APP_URL} as customer@dishpatch.test (password ${DEMO_PASSWORD}); Ctrl-C stops.`,
      "",
    ].join("\n"),
  );
  // Orders that were waiting before the simulator started reach it through the API, not a webhook.
  const waiting = await api.call<{ orders: ApiOrder[] }>("GET", "/orders?status=placed");
  for (const o of waiting.json.orders ?? []) {
    printOrder("waiting", o);
    await answer(o);
  }
}

main().catch((err: unknown) => {
  console.error(`npm run pos: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
