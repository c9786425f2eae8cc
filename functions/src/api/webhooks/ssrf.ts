// Webhook endpoints are addresses a restaurant typed, which our servers then call: they must not
// reach anything private (SSRF). An endpoint must be HTTPS on a public address. The address is
// checked when the endpoint is registered, and again at every connection: the request resolves the
// name through a look-up that refuses private, loopback, link-local and other non-public addresses
// and connects to the address it checked, so a name that later resolves elsewhere (DNS rebinding)
// is refused too. On the emulators (FUNCTIONS_EMULATOR) a receiver on this machine is allowed.

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import * as ipaddr from "ipaddr.js";
import { API_LIMITS } from "../../domain";

export const onEmulators = () => process.env.FUNCTIONS_EMULATOR === "true";

/** Whether an IP address is one a webhook may be sent to. */
export function addressAllowed(ip: string, emulated = onEmulators()): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  const range = addr.range();
  return range === "unicast" || (emulated && range === "loopback");
}

const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** What is wrong with an endpoint's address before any look-up, or null. */
export function urlProblem(text: string, emulated = onEmulators()): string | null {
  if (text.length > API_LIMITS.maxUrlLength) return `at most ${API_LIMITS.maxUrlLength} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "not an address";
  }
  const local = emulated && LOCAL_NAMES.has(url.hostname);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return "must start with https://";
  if (url.username || url.password) return "must not carry a user name or password";
  if (url.hostname === "localhost" && !emulated) return "must be a public address";
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !addressAllowed(literal, emulated)) return "must be a public address";
  return null;
}

/** A DNS look-up that refuses a name with any address a webhook may not reach. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, family: options.family as number | undefined }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as LookupAddress[];
    const refused = list.find((a) => !addressAllowed(a.address));
    if (list.length === 0 || refused) {
      const e = Object.assign(
        new Error(`${hostname} resolves to ${refused?.address ?? "nothing"}, which is not a public address`),
        {
          code: "EADDRREFUSED",
        },
      );
      return callback(e, "", 4);
    }
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    else callback(null, list[0].address, list[0].family);
  });
};

/** Whether the endpoint's name resolves only to allowed addresses (registration's check). */
export function resolvesPublic(text: string): Promise<string | null> {
  const url = new URL(text);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) return Promise.resolve(null);
  return new Promise((resolve) =>
    guardedLookup(literal, {}, (err) =>
      resolve(err ? (err.message.includes("public") ? "must be a public address" : "cannot be found") : null),
    ),
  );
}

export interface PostResult {
  status: number | null;
  error: string | null;
  ms: number;
}

const TIMEOUT_MS = 10_000;

/** POSTs `body` to the endpoint through the guarded look-up; never follows a redirect. */
export function postGuarded(url: string, body: string, headers: Record<string, string>): Promise<PostResult> {
  const started = Date.now();
  const problem = urlProblem(url);
  if (problem) return Promise.resolve({ status: null, error: `refused: ${problem}`, ms: 0 });
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const done = (r: Omit<PostResult, "ms">) => resolve({ ...r, ms: Date.now() - started });
    const req = send(
      target,
      {
        method: "POST",
        lookup: guardedLookup,
        timeout: TIMEOUT_MS,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < 200) text += chunk;
        });
        res.on("end", () => {
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          done({ status, error: ok ? null : `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ""}` });
        });
        res.on("error", (err) => done({ status: res.statusCode ?? null, error: err.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (err) => done({ status: null, error: err.message }));
    req.end(body);
  });
}
