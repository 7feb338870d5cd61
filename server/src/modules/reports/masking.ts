/**
 * Slack incoming-webhook URLs carry their secret in the path, so outside an admin's own view a
 * URL is shown as its origin and last four characters: enough to tell two apart, useless to post.
 */
export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    const tail = (u.pathname + u.search).slice(-4);
    return `${u.protocol}//${u.host}/…${tail}`;
  } catch {
    return '…';
  }
}

/** Replaces every occurrence of the given secrets in a message (error texts may echo a URL). */
export function scrubSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const s of secrets) if (s) out = out.split(s).join(maskWebhookUrl(s));
  return out;
}
