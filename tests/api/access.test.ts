// Who may use the partner API: tokens for a client's secret (client credentials), their expiry,
// their scopes, a revoked or rotated client stopping at once, and the per-client rate limit.

import { strict as assert } from "node:assert";
import { httpsCallable } from "firebase/functions";
import { SignJWT } from "jose";
import { paths } from "../../functions/src/domain";
import { localSecrets } from "../../scripts/lib/secrets";
import { adminDb, closeClients, createRestaurant, createUser } from "../support/app";
import { call, createClient, integration, requestToken, type Integration } from "../support/api";

const jwtKey = () => new TextEncoder().encode(localSecrets().API_JWT_KEY);

/** A token signed with the API's own key, for claims the token endpoint would never give. */
function forge(claims: Record<string, unknown>, exp: number, sub: string) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("dishpatch")
    .setAudience("dishpatch-api/v1")
    .setSubject(sub)
    .setIssuedAt(exp - 900)
    .setExpirationTime(exp)
    .sign(jwtKey());
}

describe("api: access", function () {
  this.timeout(300_000);
  let it1: Integration;
  before(async () => {
    it1 = await integration();
  });
  after(closeClients);

  describe("tokens", () => {
    it("a client's id and secret give a token for its scopes, by HTTP Basic or in the form", async () => {
      const basic = await requestToken(it1.clientId, it1.secret);
      assert.equal(basic.status, 200);
      assert.equal(basic.json.token_type, "Bearer");
      assert.equal(basic.json.expires_in, 900);
      assert.equal(basic.json.scope, "orders:read orders:write menu:write store:write statements:read");
      const form = await requestToken(it1.clientId, it1.secret, { scope: "orders:read" }, false);
      assert.equal(form.status, 200);
      assert.equal(form.json.scope, "orders:read");
      const page = await call(form.json.access_token, "GET", "/orders");
      assert.equal(page.status, 200);
    });

    it("a wrong secret, an unknown client, another grant or a scope the client lacks get no token", async () => {
      const wrong = await requestToken(it1.clientId, it1.secret.slice(0, -2) + "xx");
      assert.equal(wrong.status, 401);
      assert.equal(wrong.json.error, "invalid_client");
      const unknown = await requestToken("nosuchclient0000", it1.secret);
      assert.equal(unknown.status, 401);
      const grant = await requestToken(it1.clientId, it1.secret, { grant_type: "password" });
      assert.equal(grant.status, 400);
      assert.equal(grant.json.error, "unsupported_grant_type");
      const owner = await createUser({ owner: [it1.restaurant.id] });
      const narrow = await createClient(owner, it1.restaurant.id, ["orders:read"]);
      const scope = await requestToken(narrow.clientId, narrow.clientSecret, { scope: "orders:read menu:write" });
      assert.equal(scope.status, 400);
      assert.equal(scope.json.error, "invalid_scope");
      const json = await call(null, "POST", "/oauth/token", { grant_type: "client_credentials" });
      assert.equal(json.status, 415, "RFC 6749 takes a form");
    });

    it("a call without a token, with a forged one, or with an expired one is refused with 401", async () => {
      const none = await call(null, "GET", "/orders");
      assert.equal(none.status, 401);
      assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);
      const garbage = await call("not.a.token", "GET", "/orders");
      assert.equal(garbage.status, 401);
      const now = Math.floor(Date.now() / 1000);
      const claims = { rid: it1.restaurant.id, scope: "orders:read", ver: 1 };
      const valid = await forge(claims, now + 600, it1.clientId);
      assert.equal((await call(valid, "GET", "/orders")).status, 200, "the same claims, unexpired, pass");
      const expired = await call(await forge(claims, now - 5, it1.clientId), "GET", "/orders");
      assert.equal(expired.status, 401);
      assert.match(expired.json.detail, /expired/);
      const otherKey = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("dishpatch")
        .setAudience("dishpatch-api/v1")
        .setSubject(it1.clientId)
        .setExpirationTime(now + 600)
        .sign(new TextEncoder().encode("another key, not the API's own, 32+ bytes"));
      assert.equal((await call(otherKey, "GET", "/orders")).status, 401);
      const otherRestaurant = await forge({ ...claims, rid: "someoneElse" }, now + 600, it1.clientId);
      assert.equal((await call(otherRestaurant, "GET", "/orders")).status, 401);
    });

    it("a token without the scope an endpoint needs gets 403 insufficient_scope", async () => {
      const owner = await createUser({ owner: [it1.restaurant.id] });
      const reader = await createClient(owner, it1.restaurant.id, ["orders:read"]);
      const token = (await requestToken(reader.clientId, reader.clientSecret)).json.access_token;
      assert.equal((await call(token, "GET", "/orders")).status, 200);
      const write = await call(token, "PUT", "/store/status", { busy_extra_minutes: 10 });
      assert.equal(write.status, 403);
      assert.equal(write.json.code, "insufficient_scope");
      const r = await adminDb.doc(paths.restaurant(it1.restaurant.id)).get();
      assert.equal(r.get("busyExtraMin"), undefined, "a refused call changed nothing");
      // A token asked for one scope holds only that one, whatever else the client has.
      const narrow = (await requestToken(it1.clientId, it1.secret, { scope: "orders:read" })).json.access_token;
      assert.equal((await call(narrow, "GET", "/statements?date=2026-01-05")).status, 403);
    });
  });

  describe("revoking and rotating", () => {
    it("a revoked client stops at once: its unexpired token and its secret are refused", async () => {
      const mine = await integration();
      assert.equal((await call(mine.token, "GET", "/orders")).status, 200);
      await httpsCallable(mine.owner.functions, "revokeApiClient")({ clientId: mine.clientId });
      const after = await call(mine.token, "GET", "/orders");
      assert.equal(after.status, 401);
      assert.match(after.json.detail, /revoked/);
      assert.equal((await requestToken(mine.clientId, mine.secret)).status, 401);
    });

    it("a rotated secret ends the old secret and every token issued under it; the new one works", async () => {
      const mine = await integration();
      const rotated = await httpsCallable<unknown, { clientSecret: string }>(
        mine.owner.functions,
        "rotateApiClient",
      )({
        clientId: mine.clientId,
      });
      assert.equal((await call(mine.token, "GET", "/orders")).status, 401);
      assert.equal((await requestToken(mine.clientId, mine.secret)).status, 401);
      const fresh = await requestToken(mine.clientId, rotated.data.clientSecret);
      assert.equal(fresh.status, 200);
      assert.equal((await call(fresh.json.access_token, "GET", "/orders")).status, 200);
    });

    it("only the restaurant's owner manages its clients: not its kitchen, not another owner", async () => {
      const r = await createRestaurant();
      const [owner, kitchen, stranger] = await Promise.all([
        createUser({ owner: [r.id] }),
        createUser({ staff: [r.id] }),
        createUser({ owner: [it1.restaurant.id] }),
      ]);
      const create = (who: typeof owner) =>
        httpsCallable(who.functions, "createApiClient")({ restaurantId: r.id, name: "Till", scopes: ["orders:read"] });
      await assert.rejects(create(kitchen), { code: "functions/permission-denied" });
      await assert.rejects(create(stranger), { code: "functions/permission-denied" });
      const made = (await create(owner)).data as { clientId: string };
      await assert.rejects(httpsCallable(stranger.functions, "revokeApiClient")({ clientId: made.clientId }), {
        code: "functions/permission-denied",
      });
      assert.equal((await adminDb.doc(paths.apiClient(made.clientId)).get()).get("revokedAt"), null);
      const secrets = await adminDb.doc(paths.apiClientSecrets(made.clientId)).get();
      assert.match(secrets.get("secretHash"), /^[0-9a-f]{64}$/, "the secret is kept only as its hash");
    });
  });

  describe("rate limit", () => {
    it("past the limit a client gets 429 with Retry-After, across instances; another client is not held", async function () {
      this.timeout(300_000);
      const mine = await integration();
      const other = await integration();
      const limit = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
      // The limit counts one-minute windows: the burst must stay inside one, so it starts early in
      // a window and is made again (with a fresh window) if a slow machine carried it past the end.
      let statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let attempt = 0; attempt < 3; attempt++) {
        // Again only in a window the last burst did not reach.
        const second = new Date().getSeconds();
        if (second > 20 || attempt > 0) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
        const minute = Math.floor(Date.now() / 60_000);
        statuses = [];
        retryAfter = null;
        // The token request counted once already; a few at a time, as a busy till would (the
        // Functions emulator runs each concurrent request in an instance of its own).
        while (statuses.length < limit + 10) {
          const replies = await Promise.all(
            Array.from({ length: 4 }, () => call(mine.token, "GET", "/orders?limit=1")),
          );
          for (const r of replies) {
            statuses.push(r.status);
            if (r.status === 429) retryAfter ??= r.headers.get("retry-after");
          }
        }
        if (Math.floor(Date.now() / 60_000) === minute) break;
      }
      const ok = statuses.filter((s) => s === 200).length;
      // The count is kept in shards, read and written by concurrent instances: about, not exactly.
      assert.ok(ok >= limit - 5 && ok <= limit + 5, `about ${limit} allowed, got ${ok}`);
      assert.ok(statuses.filter((s) => s === 429).length >= 5);
      assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60, `Retry-After ${retryAfter}`);
      assert.equal((await call(other.token, "GET", "/orders?limit=1")).status, 200);
    });
  });
});
