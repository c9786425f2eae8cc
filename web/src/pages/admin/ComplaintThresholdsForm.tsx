// The complaint thresholds (domain/complaints.ts): a claim is refunded at once when it is small
// enough, its customer has not claimed too often, and the order is not of high value.

import { COMPLAINT_SETTINGS_BOUNDS as BOUNDS, complaintSettingsOf, type ComplaintSettings } from "@domain";
import { saveComplaintSettings, useComplaintSettings } from "../../data/settings";
import { Loading } from "../../components/States";
import { t } from "../../i18n";
import { SettingsForm } from "./settingsForm";

export function ComplaintThresholdsForm() {
  const live = useComplaintSettings();
  if (live.data === undefined && !live.error) return <Loading what={t("lim.complaints")} />;
  return (
    <SettingsForm<keyof ComplaintSettings>
      id="thresholds"
      title={t("lim.complaints")}
      intro={t("lim.complaintsIntro")}
      fields={{
        autoApproveMaxCents: { label: t("lim.autoApprove"), ...BOUNDS.autoApproveMaxCents, euros: true },
        maxClaimsPer30Days: { label: t("lim.maxClaims"), ...BOUNDS.maxClaimsPer30Days, euros: false },
        highValueOrderCents: { label: t("lim.highValue"), ...BOUNDS.highValueOrderCents, euros: true },
      }}
      current={complaintSettingsOf(live.data)}
      saveLabel={t("lim.saveComplaints")}
      saved={t("lim.complaintsSaved")}
      save={saveComplaintSettings}
    />
  );
}
