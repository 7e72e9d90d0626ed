/** `npm run test:pg` must not silently fall back to PGlite: it needs TEST_DATABASE_URL. */
if (!process.env.TEST_DATABASE_URL) {
  console.error("npm run test:pg needs TEST_DATABASE_URL, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/passerelle_test");
  process.exit(1);
}
