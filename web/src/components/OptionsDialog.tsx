import { useEffect, useRef, useState } from "preact/hooks";
import { LIMITS, optionProblem, priceLine, type MenuItem } from "@domain";
import { DietBadges } from "./Dietary";
import { money } from "./format";
import { t } from "../i18n";

export function OptionsDialog({
  item,
  onClose,
  onAdd,
}: {
  item: MenuItem & { id: string };
  onClose: () => void;
  onAdd: (options: Record<string, string[]>, optionNames: string[], unitPrice: number, quantity: number) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(item.optionGroups.map((g) => [g.id, g.min === 1 && g.max === 1 ? [g.options[0].id] : []])),
  );
  const [quantity, setQuantity] = useState(1);
  useEffect(() => {
    // The dialog is removed rather than closed after Add, so focus goes back by hand to where
    // the customer was (the dish's Add button), not to the top of the page.
    const before = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    dialog?.showModal();
    return () => {
      // Closed first: while a modal dialog is open, the page behind it cannot take focus.
      if (dialog?.open) dialog.close();
      before?.focus?.();
    };
  }, []);
  // The usual problem, a group with too few or too many options chosen, in the reader's words.
  const short = item.optionGroups.find((g) => {
    const n = (chosen[g.id] ?? []).length;
    return n < g.min || n > g.max;
  });
  const invalid = optionProblem(item, chosen);
  const problem =
    invalid &&
    (short
      ? short.min === short.max
        ? t("opt.chooseExactly", { n: short.min, group: short.name })
        : t("opt.chooseBetween", { min: short.min, max: short.max, group: short.name })
      : invalid);
  const unit = problem ? item.price : priceLine({ itemId: item.id, quantity: 1, options: chosen }, item).unitPrice;
  const toggle = (groupId: string, optionId: string, single: boolean) => {
    const current = chosen[groupId] ?? [];
    const next = single
      ? [optionId]
      : current.includes(optionId)
        ? current.filter((o) => o !== optionId)
        : [...current, optionId];
    setChosen({ ...chosen, [groupId]: next });
  };
  const names = item.optionGroups.flatMap((g) =>
    g.options.filter((o) => chosen[g.id]?.includes(o.id)).map((o) => o.name),
  );
  return (
    <dialog ref={ref} class="options-dialog" onClose={onClose} aria-labelledby="options-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) onAdd(chosen, names, unit, quantity);
        }}
      >
        <h2 id="options-title">{item.name}</h2>
        <DietBadges dish={item} />
        {item.optionGroups.map((g) => {
          const single = g.min === 1 && g.max === 1;
          return (
            <fieldset key={g.id}>
              <legend>
                {g.name}{" "}
                <small>
                  {single
                    ? t("opt.one")
                    : g.min > 0
                      ? t("opt.range", { min: g.min, max: g.max })
                      : t("opt.upTo", { max: g.max })}
                </small>
              </legend>
              {g.options.map((o) => (
                <label key={o.id} class="inline">
                  <input
                    type={single ? "radio" : "checkbox"}
                    name={g.id}
                    value={o.id}
                    checked={chosen[g.id]?.includes(o.id)}
                    onChange={() => toggle(g.id, o.id, single)}
                  />
                  {o.name}{" "}
                  {o.priceDelta !== 0 && (
                    <small>
                      {o.priceDelta > 0 ? "+" : "−"}
                      {money(Math.abs(o.priceDelta))}
                    </small>
                  )}
                </label>
              ))}
            </fieldset>
          );
        })}
        <label>
          {t("opt.quantity")}
          <input
            type="number"
            min={1}
            max={LIMITS.maxQuantity}
            value={quantity}
            onInput={(e) =>
              setQuantity(Math.max(1, Math.min(LIMITS.maxQuantity, Number((e.target as HTMLInputElement).value) || 1)))
            }
          />
        </label>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={() => ref.current?.close()}>
            {t("opt.cancel")}
          </button>
          <button type="submit" disabled={!!problem}>
            {t("opt.add", { n: quantity, amount: money(unit * quantity) })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
