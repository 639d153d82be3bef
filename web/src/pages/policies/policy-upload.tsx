import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { PolicyView } from '../../api/types.js';
import { href } from '../../route.js';

interface Problem {
  path: string;
  message: string;
}

/**
 * Paste or choose a bundle, validate it (every problem shown with its place in the document),
 * then add it. Nothing is stored until it is valid.
 */
export function PolicyUpload({ onAdded }: { onAdded(): void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>();
  const [message, setMessage] = useState<string>();
  const parse = (): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      setProblems([{ path: '$', message: `not JSON: ${(err as Error).message}` }]);
      return undefined;
    }
  };
  const validate = async (): Promise<boolean> => {
    setMessage(undefined);
    const bundle = parse();
    if (bundle === undefined) return false;
    const result = await api<{ valid: boolean; problems: Problem[] }>('/policies/validate', {
      method: 'POST',
      body: bundle,
    });
    setProblems(result.problems);
    return result.valid;
  };
  const add = async () => {
    try {
      if (!(await validate())) return;
      const added = await api<PolicyView>('/policies', { method: 'POST', body: JSON.parse(text) });
      setMessage(`Added ${added.name}.`);
      onAdded();
      location.hash = href('policies', added.policyId);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length > 0) setProblems(err.problems);
      else setMessage(err instanceof ApiError ? err.message : String(err));
    }
  };
  const choose = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };
  return (
    <section aria-label="Add a bundle">
      <h2>Add a bundle</h2>
      <p>
        <label>
          Bundle file <input type="file" accept=".json,application/json" onChange={choose} />
        </label>
      </p>
      <label for="bundle-text">Bundle (Anchore 1_0 JSON)</label>
      <textarea
        id="bundle-text"
        spellcheck={false}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        aria-invalid={problems !== undefined && problems.length > 0}
        aria-describedby="bundle-problems"
      />
      <p class="toolbar">
        <button type="button" class="secondary" onClick={() => void validate()}>
          Validate
        </button>
        <button type="button" onClick={() => void add()}>
          Add
        </button>
      </p>
      <div id="bundle-problems" aria-live="polite">
        {problems && problems.length === 0 && <p>The bundle is valid.</p>}
        {problems && problems.length > 0 && (
          <>
            <p class="error">
              {problems.length} {problems.length === 1 ? 'problem' : 'problems'}:
            </p>
            <ul class="problems" data-testid="bundle-problems">
              {problems.map((p) => (
                <li key={`${p.path} ${p.message}`}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </section>
  );
}
