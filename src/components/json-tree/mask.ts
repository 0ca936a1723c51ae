/**
 * Secrets that show up in protocol traffic (bearer tokens, webhook credentials, API keys) must never reach the screen,
 * the clipboard or a downloaded file. Masking is done once, on the data, so every view of it is safe by construction.
 */
export const MASK = '[masked]'

// Compared after lower-casing and dropping "-" and "_", so auth_token, authToken and x-auth-token all match.
const SECRET_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'authtoken',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'apikey',
  'xapikey',
  'xscope3apikey',
  'xadcpauth',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'credentials',
  'cookie',
  'setcookie',
  'privatekey',
  'sessiontoken',
  'bearer',
])

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, '')
  return SECRET_KEYS.has(k) || /(token|secret|password|apikey)$/.test(k)
}

const KEY_NAMES =
  'authorization|auth_token|authToken|access_token|refresh_token|token|api_key|apiKey|x-scope3-api-key|x-api-key|x-adcp-auth|password|secret|client_secret|credentials'
const PATTERNS: [RegExp, string][] = [
  // "Bearer abc.def" in headers and log lines.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, `$1 ${MASK}`],
  // Scope3 keys wherever they appear.
  [/\bscope3_[A-Za-z0-9_-]{4,}/g, MASK],
  // JSON written inside a string (log lines often carry the arguments as text): "token":"value".
  [new RegExp(`("(?:${KEY_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${MASK}"`],
  // key=value in URLs and headers written as text.
  [
    new RegExp(`\\b((?:${KEY_NAMES})\\s*[=:]\\s*)(?!"|\\[masked\\]|Bearer\\b|Basic\\b)[^\\s&,;"'}]+`, 'gi'),
    `$1${MASK}`,
  ],
]

export function maskString(text: string): string {
  let out = text
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** A copy of `value` with secret-named fields replaced and secrets inside strings masked. Never mutates. */
export function maskSecrets(value: unknown): unknown {
  if (typeof value === 'string') return maskString(value)
  if (Array.isArray(value)) return value.map(maskSecrets)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value))
      out[key] = isSecretKey(key) && v !== null && v !== '' ? maskLeaf(v) : maskSecrets(v)
    return out
  }
  return value
}

// A secret-named object (e.g. an authentication block) keeps its shape so the reader sees what was sent, not its value.
function maskLeaf(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) return value.map(() => MASK)
    return Object.fromEntries(Object.keys(value).map((k) => [k, MASK]))
  }
  return MASK
}
