import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the dashboard, generated from the committed schema.graphql and the
 * graphql() calls in client/src. Run `npm run codegen`; CI fails when the output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.{ts,vue}', 'shared/operations/**/*.graphql', '!client/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      // Plain typed results: panels read fragment fields directly (no useFragment unmasking).
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', SafeInt: 'number', JSONObject: 'Record<string, unknown>' } },
    },
  },
};

export default config;
