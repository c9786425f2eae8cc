// The admin's complaints queue: claims the policy sent to review (approve or decline) and charges
// restaurants disputed (uphold: Dishpatch pays the restaurant's part; reject: the charge stays).

import { useState } from "preact/hooks";
import type { AdminDecision, Complaint } from "@domain";
import { decideComplaint, useComplaintsInReview, useOpenDisputes } from "../../data/complaints";
import type { Live, LiveRow } from "../../data/live";
import { ComplaintFacts, complaintTypeLabel } from "../../components/ComplaintFacts";
import { dateTime, money } from "../../components/format";
import { refusal } from "../../components/refusal";
import { Empty, ErrorNote, Loading, Outcome } from "../../components/States";
import { t, type Key } from "../../i18n";

const REFUSALS: Record<string, Key> = { decided: "cmp.err.decided", not_found: "cmp.err.not_found" };

type Decide = (c: LiveRow<Complaint>, decision: AdminDecision) => void;

export function ComplaintQueue() {
  const review = useComplaintsInReview();
  const disputes = useOpenDisputes();
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const decide: Decide = (c, decision) => {
    setMessage("");
    setError("");
    decideComplaint(c.id, decision).then(
      () => setMessage(t("aq.done", { code: c.number })),
      (err: unknown) => setError(refusal(err, REFUSALS)),
    );
  };
  return (
    <section class="stack" aria-labelledby="queue-title">
      <h2 id="queue-title">{t("aq.title")}</h2>
      <Outcome message={message} error={error} />
      <h3>{t("aq.review")}</h3>
      <Queue live={review} none="aq.noneReview" decide={decide} kind="review" />
      <h3>{t("aq.disputes")}</h3>
      <Queue live={disputes} none="aq.noneDisputes" decide={decide} kind="dispute" />
    </section>
  );
}

interface QueueProps {
  live: Live<LiveRow<Complaint>[]>;
  none: Key;
  decide: Decide;
  kind: "review" | "dispute";
}

function Queue({ live, none, decide, kind }: QueueProps) {
  if (live.error !== undefined) return <ErrorNote error={live.error} />;
  if (!live.data) return <Loading what={t("aq.loading")} />;
  if (live.data.length === 0)
    return (
      <Empty>
        <p>{t(none)}</p>
      </Empty>
    );
  return (
    <ul class="decisions" data-queue={kind}>
      {live.data.map((c) => (
        <li key={c.id} class="decision" data-complaint={c.id}>
          <div>
            <strong>
              #{c.number} · {c.restaurantName} · {complaintTypeLabel(c.type)}
            </strong>
            <span data-testid="queue-money">
              {t("aq.refund", { amount: money(c.amount, c.currency) })} ·{" "}
              {t("aq.restaurantPays", { amount: money(c.restaurantPays, c.currency) })} ·{" "}
              {t("aq.platformPays", { amount: money(c.platformPays, c.currency) })}
            </span>
            <span class="muted">
              {t("aq.filed", { time: dateTime(c.createdAt) })}
              {kind === "review" && c.review && ` · ${t("aq.why", { why: t(`aq.why.${c.review}` as Key) })}`}
            </span>
            <ComplaintFacts complaint={c} says={t("aq.customerSays")} />
            {!c.description && <span class="muted">{t("aq.noDescription")}</span>}
            {kind === "dispute" && c.dispute && (
              <p class="quote" data-testid="dispute-reason">
                {t("aq.restaurantSays")}: “{c.dispute.reason}”
              </p>
            )}
          </div>
          <div class="actions">
            {kind === "review" ? (
              <>
                <button type="button" onClick={() => decide(c, "approve")}>
                  {t("aq.approve")}
                </button>
                <button type="button" class="danger" onClick={() => decide(c, "decline")}>
                  {t("aq.decline")}
                </button>
              </>
            ) : (
              <>
                <button type="button" onClick={() => decide(c, "uphold")}>
                  {t("aq.uphold")}
                </button>
                <button type="button" class="danger" onClick={() => decide(c, "reject")}>
                  {t("aq.reject")}
                </button>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
