import { strict as assert } from "node:assert";
import { offersPush, type PushPlace } from "../../web/src/push/offer";

describe("unit: the push offer", () => {
  const ready: PushPlace = {
    vapidKey: "BKey",
    canNotify: true,
    canPush: true,
    permission: "default",
    registered: false,
  };

  it("is made where a key is configured and the browser can take pushes", () => {
    assert.equal(offersPush(ready), true);
    assert.equal(offersPush({ ...ready, permission: "granted" }), true, "granted but not registered yet");
  });

  it("is hidden without a VAPID key, where the browser cannot, after a refusal, and once registered", () => {
    assert.equal(offersPush({ ...ready, vapidKey: "" }), false);
    assert.equal(offersPush({ ...ready, canNotify: false }), false);
    assert.equal(offersPush({ ...ready, canPush: false }), false);
    assert.equal(offersPush({ ...ready, permission: "denied" }), false);
    assert.equal(offersPush({ ...ready, registered: true }), false);
  });
});
