// The customer's review of a delivered order, or the stars they already gave.

import { useState } from "preact/hooks";
import { LIMITS, type Order } from "@domain";
import { submitReview, useReview } from "../../data/reviews";
import { errorText } from "../../components/format";
import { Outcome } from "../../components/States";
import { t } from "../../i18n";

export function ReviewForm({ orderId, order }: { orderId: string; order: Order }) {
  const existing = useReview(order.restaurantId, orderId);
  const [rating, setRating] = useState(5);
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  if (existing.data === undefined) return null;
  if (existing.data)
    return (
      <p class="notice" data-testid="reviewed">
        {t("op.rated", { stars: "★".repeat(existing.data.rating) })}
      </p>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setError("");
    try {
      await submitReview(order.restaurantId, orderId, rating, text);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="stack review" onSubmit={submit} aria-labelledby="review-title">
      <h2 id="review-title">{t("op.howWasIt")}</h2>
      <fieldset class="stars">
        <legend>{t("op.rating")}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class="inline">
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
            {n}★
          </label>
        ))}
      </fieldset>
      <label>
        {t("op.review")}
        <textarea
          maxLength={LIMITS.maxReviewLength}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <Outcome error={error} />
      <button type="submit">{t("op.sendReview")}</button>
    </form>
  );
}
