import { createTestApp } from './support/app';
it('scratch', async () => {
  const t = await createTestApp();
  const inst = t.app.getHttpAdapter().getInstance();
  const stack = inst.router.stack;
  for (const l of stack) console.log(l.name, l.route ? JSON.stringify({ path: l.route.path, methods: l.route.methods }) : '', l.matchers?.length, l.path);
  const r = await t.db.query('SHOW TimeZone');
  console.log(r);
  await t.close();
});
