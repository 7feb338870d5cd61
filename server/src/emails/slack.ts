/** Posts a Block Kit message to a Slack incoming webhook. Throws with the HTTP status on refusal. */
export async function postToSlack(webhookUrl: string, payload: Record<string, unknown>, timeoutMs = 10_000): Promise<void> {
  let res: Response;
  try {
    res = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    // fetch's own message is generic ("fetch failed"); the cause names the network problem.
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`Slack webhook unreachable: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  if (!res.ok) {
    const body = (await res.text().catch(() => '')).slice(0, 200);
    throw new Error(`Slack webhook answered ${res.status}${body ? `: ${body}` : ''}`);
  }
  await res.body?.cancel().catch(() => undefined);
}
