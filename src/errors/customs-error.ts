/**
 * Typed errors. Every error the library throws on purpose is a CustomsError: its message is one
 * line a user can act on, and `code` is stable for programs. The CLI prints `message` alone.
 */
export type ErrorCode =
  | 'usage'
  | 'source-not-found'
  | 'source-format'
  | 'unsupported-media-type'
  | 'digest-mismatch'
  | 'layer-format'
  | 'unsafe-path'
  | 'platform-not-found'
  | 'registry-auth'
  | 'registry-unreachable'
  | 'registry-response'
  | 'registry-transfer'
  | 'credentials'
  | 'address-refused'
  | 'rate-limited'
  | 'invalid-version'
  | 'feed-format'
  | 'database'
  | 'policy'
  | 'plugin'
  | 'key-format'
  | 'cancelled'
  | 'store'
  | 'conflict'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'too-large'
  | 'service-unreachable'
  | 'analysis-failed'
  | 'timeout'
  | 'internal';

export class CustomsError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
    this.code = code;
    this.name = 'CustomsError';
  }
}

export class UsageError extends CustomsError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export class SourceNotFoundError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('source-not-found', message, options);
    this.name = 'SourceNotFoundError';
  }
}

export class SourceFormatError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('source-format', message, options);
    this.name = 'SourceFormatError';
  }
}

export class UnsupportedMediaTypeError extends CustomsError {
  constructor(message: string) {
    super('unsupported-media-type', message);
    this.name = 'UnsupportedMediaTypeError';
  }
}

export class DigestMismatchError extends CustomsError {
  readonly expected: string;
  readonly actual: string;

  constructor(what: string, expected: string, actual: string) {
    super('digest-mismatch', `${what}: digest mismatch: expected ${expected}, got ${actual}`);
    this.name = 'DigestMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

export class LayerFormatError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('layer-format', message, options);
    this.name = 'LayerFormatError';
  }
}

export class UnsafePathError extends CustomsError {
  constructor(message: string) {
    super('unsafe-path', message);
    this.name = 'UnsafePathError';
  }
}

export class PlatformNotFoundError extends CustomsError {
  constructor(message: string) {
    super('platform-not-found', message);
    this.name = 'PlatformNotFoundError';
  }
}

export class RegistryError extends CustomsError {
  readonly status: number | undefined;

  constructor(
    code:
      'registry-auth' | 'registry-unreachable' | 'registry-response' | 'registry-transfer' | 'credentials',
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(code, message, options);
    this.name = 'RegistryError';
    this.status = options?.status;
  }
}

/**
 * A connection the address rule refuses (the service's guard against SSRF: loopback,
 * link-local, cloud metadata and unspecified addresses, unless an administrator allowed the host).
 */
export class AddressRefusedError extends CustomsError {
  constructor(message: string) {
    super('address-refused', message);
    this.name = 'AddressRefusedError';
  }
}

/** What went wrong with the last try of a registry transfer that ran out of tries or time. */
export type RegistryFault =
  'http-status' | 'connection-reset' | 'stalled' | 'no-response' | 'truncated' | 'deadline';

/**
 * A registry request that kept failing after its retries, or ran past its deadline: one line
 * naming the registry, what was fetched and what happened, e.g. `registry 127.0.0.1:5000: blob
 * sha256:ab12cd34ef56… stalled: no data for 30 s after 3 tries`.
 */
export class RegistryTransferError extends RegistryError {
  readonly registry: string;
  /** What was fetched: `blob sha256:…`, `manifest test/app:v1`. */
  readonly subject: string;
  readonly fault: RegistryFault;
  /** Requests made, the failed ones included. */
  readonly tries: number;

  constructor(
    fields: { registry: string; subject: string; fault: RegistryFault; detail: string; tries: number },
    options?: { cause?: unknown; status?: number },
  ) {
    super('registry-transfer', `registry ${fields.registry}: ${fields.subject} ${fields.detail}`, options);
    this.name = 'RegistryTransferError';
    this.registry = fields.registry;
    this.subject = fields.subject;
    this.fault = fields.fault;
    this.tries = fields.tries;
  }
}

/** Errors that reach the user are single lines: newlines and runs of blanks collapse. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

export function isCustomsError(err: unknown): err is CustomsError {
  return err instanceof CustomsError;
}

/** A version (or range) a version scheme cannot read. */
export class InvalidVersionError extends CustomsError {
  constructor(message: string) {
    super('invalid-version', message);
    this.name = 'InvalidVersionError';
  }
}

/** A vulnerability feed file (or a whole feed) that cannot be read at all. */
export class FeedFormatError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('feed-format', message, options);
    this.name = 'FeedFormatError';
  }
}

/** The vulnerability database cannot be opened, read or written. */
export class DatabaseError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('database', message, options);
    this.name = 'DatabaseError';
  }
}

/** Why vulnerability data cannot serve a gate: no database, or one with nothing for this image. */
export type VulnerabilityDataProblem = 'missing' | 'no-coverage';

/**
 * Vulnerability data a gate needs and does not have. `detail` says what is wrong in domain words
 * ("no vulnerability database at …", "… holds no data for this image: …"); the CLI adds how to
 * get data and its flag names.
 */
export class VulnerabilityDataError extends DatabaseError {
  readonly problem: VulnerabilityDataProblem;
  readonly detail: string;

  constructor(problem: VulnerabilityDataProblem, detail: string) {
    super(`${detail}, so the vulnerability gate cannot pass`);
    this.name = 'VulnerabilityDataError';
    this.problem = problem;
    this.detail = detail;
  }
}

/** A policy bundle with problems; `problems` holds each with its JSON path (see BundleProblem). */
export class BundleProblemsError extends CustomsError {
  readonly problems: readonly { path: string; message: string; value?: unknown }[];

  constructor(what: string, problems: readonly { path: string; message: string; value?: unknown }[]) {
    super('policy', `${what} is not a valid policy bundle: ${problems.length} problem(s)`);
    this.name = 'BundleProblemsError';
    this.problems = problems;
  }
}

/** A policy bundle that cannot be read at all (not JSON or YAML, not an object, unreadable). */
export class PolicyError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('policy', message, options);
    this.name = 'PolicyError';
  }
}

/** An external plugin that cannot be run or misbehaved (exit status, signal, timeout, output). */
export class PluginError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('plugin', message, options);
    this.name = 'PluginError';
  }
}

/** Work stopped because its caller's AbortSignal fired (a cancelled job, Ctrl-C, a deadline). */
export class CancelledError extends CustomsError {
  constructor(what: string) {
    super('cancelled', `${what} cancelled`);
    this.name = 'CancelledError';
  }
}
