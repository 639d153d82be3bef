import { type Static, type TObject, Type } from '@sinclair/typebox';

/**
 * Where `db update` fetches each provider from (`db update --config FILE`, $CUSTOMS_SYNC_CONFIG).
 * The file has the same shape with any part left out; the defaults fill the rest.
 */

const url = () => Type.String({ pattern: '\\S', problem: '{path} must be a URL' });
const names = (description: string) =>
  Type.Array(Type.String({ pattern: '\\S' }), {
    description,
    problem: '{path} must be a list of names',
    whole: true,
  });

const strict = { additionalProperties: Type.Never({ problem: 'unknown key "{path}"' }) };

export const SyncConfigSchema = Type.Object(
  {
    osv: Type.Object(
      { url: url(), ecosystems: names('OSV ecosystem names (Go, PyPI, Rocky Linux, ...).') },
      strict,
    ),
    debian: Type.Object({ url: url() }, strict),
    alpine: Type.Object(
      {
        url: url(),
        releases: names('secdb releases (v3.19, ...).'),
        repositories: names('secdb repositories (main, community).'),
      },
      strict,
    ),
    epss: Type.Object({ url: url() }, strict),
    kev: Type.Object({ url: url() }, strict),
    nvd: Type.Object(
      {
        url: url(),
        apiKey: Type.Optional(Type.String({ problem: '{path} must be a string' })),
        initialDays: Type.Integer({
          minimum: 1,
          description: 'Days of NVD changes the first sync fetches; later ones fetch what changed since.',
          problem: '{path} must be a whole number of days (1 or more)',
        }),
      },
      strict,
    ),
  },
  { ...strict, title: 'Customs sync configuration' },
);

/** Every section's fields optional, unknown keys refused: what a config file may hold. */
function overlayOf<T extends TObject>(schema: T) {
  const sections = Object.fromEntries(
    Object.entries(schema.properties).map(([key, section]) => [
      key,
      Type.Optional(Type.Partial(section as TObject, { ...strict, problem: '{path} must be an object' })),
    ]),
  );
  return Type.Object(sections, { ...strict, problem: 'a sync config must be a JSON object' });
}

export const SyncConfigFileSchema = overlayOf(SyncConfigSchema);

export type SyncConfigDocument = Static<typeof SyncConfigSchema>;
