// The owner's public reply to a review. Customers read it: the form checks it as the rules and
// the backend do (no links, hidden characters or posing as Dishpatch) before it is written.

import { useState } from "preact/hooks";
import { LIMITS, replyProblem } from "@domain";
import { replyToReview } from "../../data/reviews";
import { errorText } from "../../components/format";
import { Outcome } from "../../components/States";
import { loadLookalikes } from "../../lookalikes";
import { t } from "../../i18n";
import { problems } from "../../i18n/work";

export function ReplyForm({ rid, orderId, current }: { rid: string; orderId: string; current: string }) {
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
        await loadLookalikes();
        const problem = replyProblem(text.trim(), problems());
        if (problem) return setError(problem);
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
          maxLength={LIMITS.maxReviewLength}
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
