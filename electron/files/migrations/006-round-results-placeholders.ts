// Format 6: what each negotiation round gave, and the new-venture template's placeholder marks.
// `revisions.results` holds the round's headline results (venture NPV, IRR, government take and
// each party's PV under the scenario on screen) as JSON text when the revision was recorded;
// NULL for revisions recorded before format 6, which are shown as "not recorded" (never
// re-evaluated against today's assumptions). `placeholders` lists the interchange paths of the
// inputs that still hold the template's invented values.

export const version = 6;

export const statements: readonly string[] = [
  `ALTER TABLE revisions ADD COLUMN results TEXT`,
  `CREATE TABLE placeholders (
    path TEXT PRIMARY KEY
  ) STRICT`,
];
