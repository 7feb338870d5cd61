import type mjml2htmlType from 'mjml';

// mjml costs about 0.8 s to import, so it loads on the first render, not at server start.
let loading: Promise<typeof mjml2htmlType> | null = null;
const mjml = () => (loading ??= import('mjml').then((m) => m.default));

/** MJML to email HTML. Strict validation: a template mistake fails loudly in tests, never silently. */
export async function renderMjml(source: string): Promise<string> {
  const { html, errors } = await (await mjml())(source, { validationLevel: 'strict' });
  if (errors.length) throw new Error(`MJML template errors: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  return html;
}
