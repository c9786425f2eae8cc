// The restaurant's Complaints tab: what customers reported about its delivered orders, newest
// first, with what each cost it and where it stands; its owner may dispute a charge in time.

import { COMPLAINT_LIMITS, type Complaint } from "@domain";
import { useRestaurantComplaints } from "../../data/complaints";
import type { LiveRow } from "../../data/live";
import { ComplaintFacts, complaintTypeLabel } from "../../components/ComplaintFacts";
import { dateTime, money } from "../../components/format";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { useDashboard } from "./context";
import { DisputeForm } from "./DisputeForm";
import { t, type Key } from "../../i18n";

const PAGE = 20;
const DISPUTE_MS = COMPLAINT_LIMITS.disputeDays * 24 * 3600_000;

export function Complaints() {
  const { rid, owner } = useDashboard();
  const list = useRestaurantComplaints(rid, PAGE);
  return (
    <section class="complaints stack" aria-label={t("cmp.label")}>
      <p class="muted">
        {t("cmp.intro")} {owner && t("cmp.introOwner", { days: COMPLAINT_LIMITS.disputeDays })}
      </p>
      {list.error !== undefined && <ErrorNote error={list.error} />}
      {list.data === undefined && !list.error && <Loading what={t("cmp.loading")} />}
      {list.data?.length === 0 && (
        <Empty>
          <p>{t("cmp.none")}</p>
        </Empty>
      )}
      <ul class="complaint-list">
        {list.data?.map((c) => (
          <ComplaintCard key={c.id} complaint={c} owner={owner} />
        ))}
      </ul>
      {list.hasMore && (
        <button type="button" class="secondary" onClick={list.more}>
          {t("cmp.more")}
        </button>
      )}
    </section>
  );
}

function ComplaintCard({ complaint: c, owner }: { complaint: LiveRow<Complaint>; owner: boolean }) {
  const decided = c.decidedAt?.toMillis() ?? null;
  const until = decided === null ? null : decided + DISPUTE_MS;
  const mayDispute =
    owner && c.status === "approved" && c.restaurantPays > 0 && !c.dispute && until !== null && Date.now() < until;
  return (
    <li class="complaint card" data-complaint={c.id}>
      <header>
        <strong>{t("cmp.order", { code: c.number })}</strong>
        <span class="muted">{dateTime(c.createdAt)}</span>
      </header>
      <p class="complaint-type">{complaintTypeLabel(c.type)}</p>
      <ComplaintFacts complaint={c} says={t("cmp.says")} />
      <dl class="complaint-money">
        <dt>{t("cmp.refunded")}</dt>
        <dd>{money(c.amount, c.currency)}</dd>
        <dt>{t("cmp.charged")}</dt>
        <dd data-testid="complaint-charged">{money(c.restaurantPays, c.currency)}</dd>
        <dt>{t("cmp.status")}</dt>
        <dd data-testid="complaint-status">{t(`cmp.status.${c.status}` as Key)}</dd>
      </dl>
      {c.dispute && (
        <div class="dispute">
          <p class={c.dispute.status === "rejected" ? "error" : "ok"} data-testid="dispute-status">
            {t(`cmp.dispute.${c.dispute.status}` as Key)}
          </p>
          <p class="muted">{t("cmp.yourReason", { reason: c.dispute.reason })}</p>
        </div>
      )}
      {mayDispute && <DisputeForm complaintId={c.id} until={dateTime({ toMillis: () => until })} />}
    </li>
  );
}
