// A secret shown once, right after it was made: Dishpatch keeps only its hash (or, for a webhook's
// signing secret, an encrypted copy no screen reads back).

import { t } from "../../../i18n";

export function ShownOnce({ rows, testid }: { rows: [string, string][]; testid: string }) {
  return (
    <div class="shown-once" role="status" data-testid={testid}>
      <p>
        <strong>{t("int.shownOnce")}</strong>
      </p>
      <dl>
        {rows.flatMap(([label, value], k) => [
          <dt key={`t${k}`}>{label}</dt>,
          <dd key={`d${k}`}>
            <code data-testid={`${testid}-${k}`}>{value}</code>
          </dd>,
        ])}
      </dl>
    </div>
  );
}
