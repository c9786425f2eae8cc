// Where to deliver: the header's button with the chosen address, and the dialog that changes it
// (its form, AddressForm, loads when the dialog first opens). A signed-in customer's default
// address is used on a device that has none chosen yet.

import { useEffect, useRef, useState } from "preact/hooks";
import { asDelivery, deliveryAddress } from "../state/address";
import { session } from "../state/session";
import { Loading } from "./States";
import { t } from "../i18n";
import type { AddressForm } from "./AddressForm";

type Form = typeof AddressForm;

/** On a device with no address chosen yet, a signed-in customer's default (or only) one. */
function useDefaultAddress(uid: string | undefined) {
  useEffect(() => {
    if (!uid || deliveryAddress.value) return;
    let live = true;
    // Read once the session is known (after the first paint): not part of the first screen's JS.
    Promise.all([import("../data/profile"), import("../data/addresses")])
      .then(([{ fetchProfile }, { fetchAddresses }]) => Promise.all([fetchProfile(uid), fetchAddresses(uid)]))
      .then(([profile, saved]) => {
        if (!live || deliveryAddress.value || saved.length === 0) return;
        deliveryAddress.value = asDelivery(saved.find((a) => a.id === profile?.defaultAddress) ?? saved[0]);
      })
      .catch(() => undefined); // the picker still works by hand
    return () => {
      live = false;
    };
  }, [uid]);
}

export function AddressPicker() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(0);
  const [Form, setForm] = useState<Form | null>(null);
  const current = deliveryAddress.value;
  useDefaultAddress(session.value?.uid);
  return (
    <>
      <button
        type="button"
        class="address-button"
        onClick={() => {
          setOpened((n) => n + 1);
          dialog.current?.showModal();
          if (!Form) void import("./AddressForm").then((m) => setForm(() => m.AddressForm));
        }}
      >
        <svg class="pin" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
        </svg>
        {current ? (
          <span>
            {current.label ? `${current.label} · ` : ""}
            {current.line1}
          </span>
        ) : (
          <span>{t("ap.set")}</span>
        )}
      </button>
      <dialog ref={dialog} class="address-dialog" aria-labelledby="address-title">
        {opened > 0 &&
          (Form ? (
            <Form opened={opened} onDone={() => dialog.current?.close()} />
          ) : (
            <>
              <h2 id="address-title">{t("ap.title")}</h2>
              <Loading what={t("ap.loading")} />
            </>
          ))}
      </dialog>
    </>
  );
}
