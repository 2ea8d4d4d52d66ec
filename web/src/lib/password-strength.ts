// A quick, local estimate for the strength hint while the user types. The server decides (it runs
// zxcvbn with an Indonesian dictionary); this only nudges towards long, uncommon passwords.
const COMMON = ['password', 'sandi', 'rahasia', 'qwerty', 'admin', 'indonesia', 'tegal', 'slawi', 'bismillah', 'sayang', '123', 'abc'];

/** A 0–4 strength estimate of `password`, lowered when it contains `avoid` words (name, username). */
export function estimateStrength(password: string, avoid: string[] = []): 0 | 1 | 2 | 3 | 4 {
  if (!password) return 0;
  const lower = password.toLowerCase();
  let score = 0;
  if (password.length >= 8) score += 1;
  if (password.length >= 12) score += 1;
  if (password.length >= 16) score += 1;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes >= 3) score += 1;
  if (/(.)\1{2,}/.test(password)) score -= 1;
  const words = [...COMMON, ...avoid.map((w) => w.toLowerCase()).filter((w) => w.length >= 3)];
  if (words.some((w) => lower.includes(w))) score -= 2;
  return Math.max(0, Math.min(4, score)) as 0 | 1 | 2 | 3 | 4;
}
