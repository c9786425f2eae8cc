// The cash limits (domain/payment.ts): the largest order paid in cash, and the most cash a courier
// holds before settling; both within CASH_LIMIT_BOUNDS, as the rules require.

import { CASH_LIMIT_BOUNDS, type CashLimits } from "@domain";
import { saveCashLimits, useCashLimits } from "../../data/settings";
import { Loading } from "../../components/States";
import { t } from "../../i18n";
import { SettingsForm } from "./settingsForm";

export function CashLimitsForm() {
  const live = useCashLimits();
  if (live.data === undefined && !live.error) return <Loading what={t("lim.cash")} />;
  const { min, max } = CASH_LIMIT_BOUNDS;
  return (
    <SettingsForm<keyof CashLimits>
      id="cash"
      title={t("lim.cash")}
      intro={t("lim.cashIntro")}
      fields={{
        maxCashOrderCents: { label: t("lim.maxCashOrder"), min, max, euros: true },
        maxCourierCashCents: { label: t("lim.maxCourierCash"), min, max, euros: true },
      }}
      current={live.limits}
      saveLabel={t("lim.saveCash")}
      saved={t("lim.cashSaved")}
      save={saveCashLimits}
    />
  );
}
