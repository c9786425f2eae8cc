// A restaurant's reviews, newest first, a page at a time: signed with the author's short name (the
// backend writes it; the document holds no id), or "former customer" in the reader's language once
// the author deleted their account, with the restaurant's public reply, which its staff write
// from the dashboard.

import type { ComponentChildren } from "preact";
import type { Review } from "@domain";
import type { LiveRow } from "../data/live";
import { useRestaurantReviews } from "../data/reviews";
import { dateTime } from "./format";
import { ErrorNote, Loading } from "./States";
import { t } from "../i18n";

const PAGE = 5;

/** `reply` renders the owner's reply form under each review (the dashboard's, in its own chunk). */
export function Reviews({ rid, reply }: { rid: string; reply?: (review: LiveRow<Review>) => ComponentChildren }) {
  const reviews = useRestaurantReviews(rid, PAGE);
  // Signed by the backend: with the author's short name, null where their name was not plain, or
  // as a former customer.
  const signed = reviews.data?.filter((r) => r.authorName !== undefined || r.formerCustomer);
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
              <strong>{r.formerCustomer ? t("rev.formerCustomer") : (r.authorName ?? t("rev.aCustomer"))}</strong>{" "}
              <small>{dateTime(r.createdAt)}</small>
            </p>
            {r.text && <p>{r.text}</p>}
            {r.reply && (
              <blockquote class="reply">
                <strong>{t("rev.replied")}</strong> {r.reply}
              </blockquote>
            )}
            {reply?.(r)}
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
