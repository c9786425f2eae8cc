// Where a webhook may be sent (functions/src/api/webhooks/ssrf.ts), as in production: public
// addresses only, checked on the address a name resolves to as well as on the name. (On the
// emulators a receiver on this machine is allowed; the API tests use one.)

import { strict as assert } from "node:assert";
import { addressAllowed, resolvesPublic, urlProblem } from "../../functions/src/api/webhooks/ssrf";

describe("unit: webhook endpoint addresses (SSRF)", () => {
  it("allows public unicast addresses, IPv4 and IPv6", () => {
    for (const ip of ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888"]) assert.equal(addressAllowed(ip, false), true, ip);
  });

  it("refuses private, loopback, link-local, CGNAT, unique-local, unspecified and mapped ones", () => {
    for (const ip of [
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "not an address",
    ])
      assert.equal(addressAllowed(ip, false), false, ip);
  });

  it("allows loopback only on the emulators", () => {
    assert.equal(addressAllowed("127.0.0.1", true), true);
    assert.equal(addressAllowed("10.0.0.1", true), false);
    assert.equal(urlProblem("http://127.0.0.1:8080/hook", true), null);
    assert.equal(urlProblem("http://127.0.0.1:8080/hook", false), "must start with https://");
  });

  it("an endpoint is https on a public name, without credentials", () => {
    assert.equal(urlProblem("https://till.example.com/dishpatch", false), null);
    assert.equal(urlProblem("https://localhost/hook", false), "must be a public address");
    assert.equal(urlProblem("https://[::1]/hook", false), "must be a public address");
    assert.equal(urlProblem("https://192.168.0.10/hook", false), "must be a public address");
    assert.equal(urlProblem("https://a:b@till.example.com/", false), "must not carry a user name or password");
    assert.equal(urlProblem("not a url", false), "not an address");
  });

  it("a name that resolves to a loopback address is refused after resolution", async () => {
    // The look-up itself, apart from the check on names: localhost resolves to 127.0.0.1.
    assert.equal(await resolvesPublic("https://localhost/hook"), "must be a public address");
  });
});
