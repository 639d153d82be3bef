import type { AllowRule } from './secret-rule.js';

/**
 * Paths skipped unless the user asks to scan everything: documentation, vendored dependency
 * trees, toolchains, test and example fixtures, and files that are never text.
 */
export const BUILTIN_ALLOW_RULES: readonly AllowRule[] = [
  {
    id: 'usr-share-docs',
    description: 'documentation, manuals, locales',
    path: /^\/usr\/share\/(?:doc|man|info|locale|i18n|common-licenses)\//,
  },
  { id: 'markdown', description: 'markdown documents', path: /\.(?:md|markdown)$/i },
  { id: 'node-modules', description: 'npm dependencies', path: /\/node_modules\// },
  { id: 'python-packages', description: 'installed Python packages', path: /\/(?:site|dist)-packages\// },
  { id: 'vendor', description: 'vendored dependencies', path: /\/vendor\// },
  {
    id: 'go-toolchain',
    description: 'Go toolchain and module cache',
    path: /^\/usr\/(?:local\/)?(?:lib\/)?go[^/]*\/|\/go\/pkg\/mod\//,
  },
  {
    id: 'test-fixtures',
    description: 'tests and examples',
    path: /\/(?:tests?|testdata|testing|examples?|fixtures?|__tests__|spec)\//,
  },
  {
    id: 'binary-extensions',
    description: 'files that are never text',
    path: /\.(?:so(?:\.\d+)*|a|o|pyc|png|jpe?g|gif|ico|webp|gz|tgz|xz|zst|bz2|zip|jar|war|whl|mo|woff2?|ttf|otf|pdf|deb|rpm)$/i,
  },
];
