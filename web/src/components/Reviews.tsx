// A restaurant's reviews, newest first, a page at a time: signed with the author's short name (the
// backend writes it; the document holds no id), or "former customer" in the reader's language once
// the author deleted their account, with the restaurant's public reply, which its staff write
// from the dashboard.

import { useState } from "preact/hooks";
import { replyToReview, useRestaurantReviews } from "../data/reviews";
import { dateTime, errorText } from "./format";
import { ErrorNote, Loading, Outcome } from "./States";
import { t } from "../i18n";

const PAGE = 5;

export function Reviews({ rid, staff = false }: { rid: string; staff?: boolean }) {
  const reviews = useRestaurantReviews(rid, PAGE);
  const signed = reviews.data?.filter((r) => r.authorName || r.formerCustomer);
  return (
    <section class="reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t("rev.title")}</h2>
      {reviews.error !== undefined && <ErrorNote error={reviews.error} />}
      {reviews.data === undefined && !reviews.error && <Loading what={t("rev.loading")} />}
      {signed?.length === 0 && <p class="muted">{t("rev.none")}</p>}
      <ul class="review-list">
        {signed?.map((r) => (
          <li key={r.id} data-review={r.id}>
            <p class="review-head">
              <span aria-label={t("rev.stars", { n: r.rating })}>
                {"★".repeat(r.rating) + "☆".repeat(5 - r.rating)}
              </span>{" "}
              <strong>{r.formerCustomer ? t("rev.formerCustomer") : r.authorName}</strong>{" "}
              <small>{dateTime(r.createdAt)}</small>
            </p>
            {r.text && <p>{r.text}</p>}
            {r.reply && (
              <blockquote class="reply">
                <strong>{t("rev.replied")}</strong> {r.reply}
              </blockquote>
            )}
            {staff && <ReplyForm rid={rid} orderId={r.id} current={r.reply ?? ""} />}
          </li>
        ))}
      </ul>
      {reviews.hasMore && (
        <button type="button" class="secondary" onClick={reviews.more}>
          {t("rev.more")}
        </button>
      )}
    </section>
  );
}

function ReplyForm({ rid, orderId, current }: { rid: string; orderId: string; current: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(current);
  const [error, setError] = useState("");
  if (!open)
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {current ? t("rev.editReply") : t("rev.reply")}
      </button>
    );
  return (
    <form
      class="stack reply-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError("");
        try {
          await replyToReview(rid, orderId, text);
          setOpen(false);
        } catch (err) {
          setError(errorText(err));
        }
      }}
    >
      <label>
        {t("rev.yourReply")}
        <textarea
          value={text}
          maxLength={1000}
          required
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <Outcome error={error} />
      <div class="actions">
        <button type="submit" disabled={!text.trim()}>
          {t("rev.publish")}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t("opt.cancel")}
        </button>
      </div>
    </form>
  );
}
