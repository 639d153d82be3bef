import type { SqlDialect } from '../sql/sql-driver.js';
import type { Migration } from './migration.js';

/**
 * What a list of images shows of each one's last evaluation, without reading its result: the
 * health grade and the gate and trigger that decided (see decisiveFinding: the first finding
 * whose action is the final action, when the rules decided a stop or warn). Evaluations stored
 * before this step are filled from their result text.
 */
function up(dialect: SqlDialect): string[] {
  const add = ['grade', 'decisive_gate', 'decisive_trigger'].map(
    (column) => `ALTER TABLE evaluations ADD COLUMN ${column} TEXT`,
  );
  const decided = `final_action <> 'go'`;
  const fill =
    dialect === 'sqlite'
      ? `UPDATE evaluations SET
           grade = json_extract(result, '$.grade.grade'),
           decisive_gate = (SELECT json_extract(f.value, '$.gate') FROM json_each(result, '$.findings') f
             WHERE json_extract(f.value, '$.action') = final_action ORDER BY f.key LIMIT 1),
           decisive_trigger = (SELECT json_extract(f.value, '$.trigger') FROM json_each(result, '$.findings') f
             WHERE json_extract(f.value, '$.action') = final_action ORDER BY f.key LIMIT 1)
         WHERE json_valid(result)`
      : `UPDATE evaluations SET
           grade = result::jsonb -> 'grade' ->> 'grade',
           decisive_gate = (SELECT f ->> 'gate' FROM jsonb_array_elements(
               CASE WHEN jsonb_typeof(result::jsonb -> 'findings') = 'array' THEN result::jsonb -> 'findings' ELSE '[]'::jsonb END
             ) WITH ORDINALITY AS e (f, n) WHERE f ->> 'action' = final_action ORDER BY n LIMIT 1),
           decisive_trigger = (SELECT f ->> 'trigger' FROM jsonb_array_elements(
               CASE WHEN jsonb_typeof(result::jsonb -> 'findings') = 'array' THEN result::jsonb -> 'findings' ELSE '[]'::jsonb END
             ) WITH ORDINALITY AS e (f, n) WHERE f ->> 'action' = final_action ORDER BY n LIMIT 1)`;
  const reason =
    dialect === 'sqlite'
      ? `json_extract(result, '$.finalActionReason') IS NOT 'policy_evaluation'`
      : `(result::jsonb ->> 'finalActionReason') IS DISTINCT FROM 'policy_evaluation'`;
  return [
    ...add,
    fill,
    `UPDATE evaluations SET decisive_gate = NULL, decisive_trigger = NULL WHERE NOT (${decided}) OR ${reason}`,
  ];
}

function down(): string[] {
  return ['decisive_trigger', 'decisive_gate', 'grade'].map(
    (c) => `ALTER TABLE evaluations DROP COLUMN ${c}`,
  );
}

export const evaluationSummaries: Migration = {
  version: 7,
  name: 'evaluation-summaries',
  up: { sqlite: up('sqlite'), postgres: up('postgres') },
  down: { sqlite: down(), postgres: down() },
};
