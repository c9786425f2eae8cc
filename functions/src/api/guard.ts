// Who may call the partner API: one check for every endpoint, as auth/guard.ts is for the
// callables. An access token (a JWT signed with API_JWT_KEY) names its client, the restaurant and
// the scopes; every call also reads the client's document, so a client revoked or rotated a moment
// ago stops at once, whatever its token still says. The token endpoint (OAuth 2.0 client
// credentials, RFC 6749 §4.4) is here too: it is the other half of the same check.

import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { errors, jwtVerify, SignJWT } from "jose";
import { API_LIMITS, apiActor, isApiScope, paths, type ApiClient, type ApiScope } from "../domain";
import { ApiProblem } from "./problem";
import { countRequest } from "./rateLimit";
import { secretMatches } from "./secrets";

const ISSUER = "dishpatch";
const AUDIENCE = "dishpatch-api/v1";

export interface ApiCaller {
  clientId: string;
  restaurantId: string;
  scopes: ApiScope[];
  /** What its changes are recorded under (by.<status>). */
  actor: string;
}

interface Claims {
  sub?: string;
  rid?: unknown;
  scope?: unknown;
  ver?: unknown;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

const bearerProblem = (detail: string) =>
  new ApiProblem("unauthorized", detail, {}, { "WWW-Authenticate": `Bearer realm="dishpatch", error="invalid_token"` });

/** The caller of an API endpoint that needs `scope`, counted against its rate limit. */
export async function requireClient(
  db: Firestore,
  authorization: string | undefined,
  scope: ApiScope,
  opts: { key: string; rateLimit: number; now: Date },
): Promise<ApiCaller> {
  const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? "")?.[1];
  if (!token) {
    throw new ApiProblem(
      "unauthorized",
      "Send an access token: Authorization: Bearer <token>.",
      {},
      {
        "WWW-Authenticate": `Bearer realm="dishpatch"`,
      },
    );
  }
  let claims: Claims;
  try {
    ({ payload: claims } = await jwtVerify(token, keyOf(opts.key), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: opts.now,
    }));
  } catch (err) {
    throw bearerProblem(
      err instanceof errors.JWTExpired
        ? "The access token has expired: ask for a new one."
        : "The access token is not valid.",
    );
  }
  const clientId = claims.sub;
  if (!clientId || typeof claims.rid !== "string" || typeof claims.scope !== "string") {
    throw bearerProblem("The access token is not valid.");
  }
  const [snap] = await Promise.all([
    db.doc(paths.apiClient(clientId)).get(),
    countRequest(db, clientId, opts.rateLimit, opts.now),
  ]);
  const client = snap.data() as ApiClient | undefined;
  if (!client || client.restaurantId !== claims.rid) throw bearerProblem("The access token is not valid.");
  if (client.revokedAt) throw bearerProblem("This client was revoked.");
  if (client.secretVersion !== claims.ver) throw bearerProblem("The client's secret was rotated: ask for a new token.");
  const granted = claims.scope.split(" ").filter((s): s is ApiScope => isApiScope(s) && client.scopes.includes(s));
  if (!granted.includes(scope)) {
    throw new ApiProblem(
      "insufficient_scope",
      `This needs the scope ${scope}.`,
      {},
      { "WWW-Authenticate": `Bearer realm="dishpatch", error="insufficient_scope", scope="${scope}"` },
    );
  }
  return { clientId, restaurantId: client.restaurantId, scopes: granted, actor: apiActor(clientId) };
}

/** The client's id and secret from HTTP Basic (RFC 6749 §2.3.1) or the form's fields. */
function credentialsOf(
  form: URLSearchParams,
  authorization: string | undefined,
): { id: string; secret: string } | null {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? "")?.[1];
  if (basic) {
    const text = Buffer.from(basic, "base64").toString("utf8");
    const colon = text.indexOf(":");
    if (colon < 1) return null;
    return { id: decodeURIComponent(text.slice(0, colon)), secret: decodeURIComponent(text.slice(colon + 1)) };
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

const invalidClient = () =>
  new ApiProblem("invalid_client", "Unknown client, wrong secret, or a revoked client.", { error: "invalid_client" });

/** POST /oauth/token: an access token for a client that proves its secret. */
export async function issueToken(
  db: Firestore,
  form: URLSearchParams,
  authorization: string | undefined,
  opts: { key: string; rateLimit: number; now: Date },
) {
  if (form.get("grant_type") !== "client_credentials") {
    throw new ApiProblem("unsupported_grant_type", undefined, { error: "unsupported_grant_type" });
  }
  const creds = credentialsOf(form, authorization);
  if (!creds || !/^[A-Za-z0-9]{1,40}$/.test(creds.id)) throw invalidClient();
  const [client, secrets] = await db.getAll(
    db.doc(paths.apiClient(creds.id)),
    db.doc(paths.apiClientSecrets(creds.id)),
  );
  const c = client.data() as ApiClient | undefined;
  const hash = secrets.get("secretHash") as string | undefined;
  if (!c || !hash || c.revokedAt || !secretMatches(creds.secret, hash)) throw invalidClient();
  await countRequest(db, creds.id, opts.rateLimit, opts.now);
  const asked = form.get("scope")?.split(" ").filter(Boolean) ?? c.scopes;
  const refused = asked.filter((s) => !isApiScope(s) || !c.scopes.includes(s));
  if (refused.length > 0) {
    throw new ApiProblem("invalid_scope", `Not granted to this client: ${refused.join(" ")}.`, {
      error: "invalid_scope",
    });
  }
  const iat = Math.floor(opts.now.getTime() / 1000);
  const accessToken = await new SignJWT({ rid: c.restaurantId, scope: asked.join(" "), ver: c.secretVersion })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(creds.id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + API_LIMITS.tokenSeconds)
    .sign(keyOf(opts.key));
  await client.ref.update({ lastTokenAt: FieldValue.serverTimestamp() });
  return {
    access_token: accessToken,
    token_type: "Bearer" as const,
    expires_in: API_LIMITS.tokenSeconds,
    scope: asked.join(" "),
  };
}
