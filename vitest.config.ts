import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests spawn the built binary; give them room on a shared 2-core machine.
    testTimeout: 30_000,
  },
});
