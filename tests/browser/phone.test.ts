// Every screen on a phone (390 × 844), in German, the longer language, and in English: nothing
// sticks out past the screen (a wide table scrolls in its own box), and a tap on each main button
// reaches it, not the header or a neighbour drawn over it.

import { closeBrowser, screenshot } from "../../scripts/lib/browser";
import { closeClients } from "../support/app";
import { strict as assert } from "node:assert";
import { PHONE, phoneProblems } from "../support/layout";
import { makeFixtures, walk, type Fixtures } from "../support/screens";

describe("browser: every screen on a phone", function () {
  this.timeout(300_000);
  let f: Fixtures;
  before(async function () {
    this.timeout(120_000);
    f = await makeFixtures("phone");
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  for (const lang of ["de", "en"] as const) {
    it(`${lang}: every screen fits 390 px and its main buttons can be tapped`, async () => {
      const problems: string[] = [];
      // A screen that cannot be used at all ends the walk; what was found before is reported with it.
      try {
        await walk(f, lang, PHONE, async (page, screen) => {
          const where = `${lang} ${screen.role}: ${screen.name}`;
          await screenshot(page, `phone-${lang}-${screen.role}-${screen.name.replace(/ /g, "-")}`);
          problems.push(...(await phoneProblems(page, PHONE.viewport.width, screen.buttons?.(page) ?? null, where)));
          // The header's links and switches, unless a dialog is open over them (as it should be).
          if (!screen.open || !(await page.locator("dialog[open]").count()))
            problems.push(
              ...(await phoneProblems(
                page,
                0,
                page.locator("header.top").locator("a, button, select"),
                `${where} (header)`,
              )),
            );
        });
      } catch (err) {
        problems.push(`the walk stopped: ${String(err).split("\n").slice(0, 6).join(" ")}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});
