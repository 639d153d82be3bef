/** `customs scan` (and `customs image vuln`) exit 2 when a match at or above --fail-on remains. */
export const EXIT_FAIL_ON = 2;

/** `customs check` (and `customs image check`) exit 2 when the evaluation is STOP. */
export const EXIT_POLICY_STOP = 2;

/** `customs diff` exits 2 when a change of a kind --fail-on-drift names is found. */
export const EXIT_DRIFT = 2;

/** `customs verify` exits 2 when no signature verifies with a trusted key. */
export const EXIT_NOT_VERIFIED = 2;
/** `customs scap` exits 2 when a rule fails, as `oscap xccdf eval` does. */
export const EXIT_SCAP_FAIL = 2;
