// The benchmark's floor: a minimal onDocumentCreated trigger that updates one field. The bench
// measures the order pipeline against it, in the same run, on the same emulators.
const { onDocumentCreated } = require("firebase-functions/v2/firestore");
const { FieldValue } = require("firebase-admin/firestore");
const { initializeApp } = require("firebase-admin/app");

initializeApp();

exports.benchFloor = onDocumentCreated({ document: "benchFloor/{id}", region: "europe-west1" }, async (event) => {
  await event.data.ref.update({ done: FieldValue.serverTimestamp() });
});
