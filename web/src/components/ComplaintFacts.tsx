// What a complaint says, for the restaurant's list and the admin's queue: its type, the lines it
// names (as they were ordered) and the customer's own description.

import type { Complaint } from "@domain";
import { t, type Key } from "../i18n";

export const complaintTypeLabel = (type: Complaint["type"]) => t(`cmp.type.${type}` as Key);

export function ComplaintFacts({ complaint: c, says }: { complaint: Complaint; says: string }) {
  return (
    <>
      {c.lines.length > 0 && (
        <p class="complaint-lines" data-testid="complaint-lines">
          {t("cmp.lines")}: {c.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}
        </p>
      )}
      {c.description && (
        <p class="quote" data-testid="complaint-description">
          {says}: “{c.description}”
        </p>
      )}
    </>
  );
}
