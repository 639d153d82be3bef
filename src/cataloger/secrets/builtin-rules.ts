import type { SecretRule } from './secret-rule.js';

/** Not preceded / followed by a character that would make the token part of a longer word. */
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

/**
 * Built-in rules, written from the providers' documented token formats. Keywords are lower-case
 * substrings that every match contains (or its usual context), used as a cheap pre-filter.
 */
export const BUILTIN_RULES: readonly SecretRule[] = [
  {
    id: 'aws-access-key-id',
    category: 'AWS',
    title: 'AWS Access Key ID',
    severity: 'CRITICAL',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    regex: new RegExp(`(?<![A-Z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])`),
  },
  {
    id: 'aws-secret-access-key',
    category: 'AWS',
    title: 'AWS Secret Access Key',
    severity: 'CRITICAL',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key'],
    regex:
      /(?:aws[_-]?)?secret[_-]?access[_-]?key["']?\s*(?:[:=]|:=|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i,
  },
  {
    id: 'gcp-service-account',
    category: 'Google',
    title: 'Google (GCP) Service-account private key',
    severity: 'CRITICAL',
    keywords: ['service_account'],
    regex:
      /"private_key"\s*:\s*"(?<secret>-----BEGIN[A-Z ]*PRIVATE KEY-----[^"]{16,8192}?-----END[A-Z ]*PRIVATE KEY-----)/,
  },
  {
    id: 'azure-storage-connection-string',
    category: 'Azure',
    title: 'Azure Storage Account key in a connection string',
    severity: 'CRITICAL',
    keywords: ['accountkey'],
    regex: /AccountKey\s*=\s*(?<secret>[A-Za-z0-9+/]{86}==)/i,
  },
  {
    id: 'azure-storage-account-key',
    category: 'Azure',
    title: 'Azure Storage Account key',
    severity: 'CRITICAL',
    keywords: ['azure'],
    regex:
      /azure[_-]?storage[_-]?(?:account[_-]?)?(?:access[_-]?)?key["']?\s*[:=]\s*["']?(?<secret>[A-Za-z0-9+/]{86}==)/i,
  },
  {
    id: 'private-key',
    category: 'AsymmetricPrivateKey',
    title: 'Asymmetric Private Key',
    severity: 'HIGH',
    keywords: ['private key'],
    regex:
      /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----\s*(?<secret>[A-Za-z0-9+/=][\s\S]{15,16383}?)\s*-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/,
  },
  {
    id: 'github-pat',
    category: 'GitHub',
    title: 'GitHub token',
    severity: 'CRITICAL',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    regex: new RegExp(`${B}(?<secret>gh[pousr]_[A-Za-z0-9]{36,251})${E}`),
  },
  {
    id: 'github-fine-grained-pat',
    category: 'GitHub',
    title: 'GitHub Fine-grained personal access token',
    severity: 'CRITICAL',
    keywords: ['github_pat_'],
    regex: new RegExp(`${B}(?<secret>github_pat_[A-Za-z0-9_]{82})${E}`),
  },
  {
    id: 'gitlab-pat',
    category: 'GitLab',
    title: 'GitLab Personal Access Token',
    severity: 'CRITICAL',
    keywords: ['glpat-'],
    regex: new RegExp(`${B}(?<secret>glpat-[A-Za-z0-9_-]{20,50})(?![A-Za-z0-9_-])`),
  },
  {
    id: 'npm-access-token',
    category: 'npm',
    title: 'npm access token',
    severity: 'CRITICAL',
    keywords: ['npm_'],
    regex: new RegExp(`${B}(?<secret>npm_[A-Za-z0-9]{36})${E}`),
  },
  {
    id: 'pypi-upload-token',
    category: 'PyPI',
    title: 'PyPI upload token',
    severity: 'HIGH',
    keywords: ['pypi-ageichlwas5vcmc'],
    regex: /(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})/,
  },
  {
    id: 'dockerconfig-secret',
    category: 'Docker',
    title: 'Docker registry credentials (auth in config.json)',
    severity: 'HIGH',
    keywords: ['"auth"'],
    path: /(?:^|\/)(?:config\.json|\.dockercfg)$/,
    regex: /"auth"\s*:\s*"(?<secret>[A-Za-z0-9+/]{8,}={0,2})"/,
  },
  {
    id: 'slack-access-token',
    category: 'Slack',
    title: 'Slack token',
    severity: 'HIGH',
    keywords: ['xoxb-', 'xoxa-', 'xoxp-', 'xoxr-', 'xoxs-'],
    regex: new RegExp(`${B}(?<secret>xox[baprs]-[0-9A-Za-z-]{10,250})`),
  },
  {
    id: 'slack-web-hook',
    category: 'Slack',
    title: 'Slack Webhook',
    severity: 'MEDIUM',
    keywords: ['hooks.slack.com'],
    regex:
      /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/(?<secret>[A-Za-z0-9+/]{43,56}|T[A-Z0-9_]{8,12}\/B[A-Z0-9_]{8,12}\/[A-Za-z0-9_]{24})/,
  },
  {
    id: 'stripe-secret-key',
    category: 'Stripe',
    title: 'Stripe live secret or restricted key',
    severity: 'CRITICAL',
    keywords: ['sk_live_', 'rk_live_'],
    regex: new RegExp(`${B}(?<secret>(?:sk|rk)_live_[0-9A-Za-z]{24,247})${E}`),
  },
  {
    id: 'twilio-api-key',
    category: 'Twilio',
    title: 'Twilio API Key',
    severity: 'MEDIUM',
    keywords: ['twilio'],
    regex: /(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})(?![A-Za-z0-9])/,
  },
  {
    id: 'sendgrid-api-token',
    category: 'SendGrid',
    title: 'SendGrid API token',
    severity: 'MEDIUM',
    keywords: ['sg.'],
    regex: /(?<![A-Za-z0-9])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'mailgun-api-key',
    category: 'Mailgun',
    title: 'Mailgun API key',
    severity: 'MEDIUM',
    keywords: ['mailgun'],
    regex:
      /mailgun[A-Za-z0-9_ .-]{0,25}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>(?:key-)?[0-9a-f]{32}(?:-[0-9a-f]{8}-[0-9a-f]{8})?)(?![0-9a-f])/i,
  },
  {
    id: 'shopify-token',
    category: 'Shopify',
    title: 'Shopify token',
    severity: 'HIGH',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    regex: /(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![a-fA-F0-9])/,
  },
  {
    id: 'hugging-face-access-token',
    category: 'HuggingFace',
    title: 'Hugging Face Access Token',
    severity: 'CRITICAL',
    keywords: ['hf_'],
    regex: new RegExp(`${B}(?<secret>hf_[A-Za-z]{34})${E}`),
  },
  {
    id: 'openai-api-key',
    category: 'OpenAI',
    title: 'OpenAI API Key',
    severity: 'CRITICAL',
    keywords: ['t3blbkfj'],
    regex: new RegExp(
      `${B}(?<secret>sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])`,
    ),
  },
  {
    id: 'jwt-token',
    category: 'JWT',
    title: 'JSON Web Token',
    severity: 'MEDIUM',
    keywords: ['eyj'],
    regex:
      /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,4096}\.eyJ[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,4096})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'url-password',
    category: 'Password',
    title: 'Password in a URL',
    severity: 'HIGH',
    keywords: ['://'],
    regex:
      /\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:@/"'<>`]{1,64}:(?<secret>[^\s:@/"'<>`]{1,128})@[A-Za-z0-9.[\]-]{1,253}/,
    allowRules: [
      {
        id: 'url-password-placeholder',
        description: 'placeholders, variables and masked passwords',
        regex:
          /^(?:\*+|x+|\.+|pass(?:word|wd)?|secret|pwd|changeme|user(?:name)?|[$%][({]?[A-Za-z0-9_]*[)}]?|%s|<[^>]*>|\{\{[^}]*\}\}|\[[^\]]*\]|\{[^}]*\}|[#$]\{.*)$/i,
      },
    ],
  },
];
