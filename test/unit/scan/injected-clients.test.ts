import * as assert from 'node:assert/strict';
import { calls, dedent } from './scan-helpers';

describe('scan: clients received as annotated parameters', () => {
  it('Python: the annotation names the SDK through Annotated/Optional/| None and past a Depends() default', async () => {
    const src = dedent(`
      from typing import Annotated, Optional
      from fastapi import Depends
      from together import Together

      def get_client() -> Together:
          return Together()

      def a(q, tg: Together = Depends(get_client)):
          return tg.chat.completions.create(model="m-a", messages=[])

      def b(q, tg: Annotated[Together, Depends(get_client)]):
          return tg.chat.completions.create(model="m-b", messages=[])

      def c(q, tg: Optional[Together] = None):
          return tg.chat.completions.create(model="m-c", messages=[])

      def d(q, tg: Together | None = None):
          return tg.chat.completions.create(model="m-d", messages=[])
    `);
    const got = (await calls(src)).map((c) => `${c.model}:${c.provider}`);
    assert.deepEqual(got, ['m-a:together', 'm-b:together', 'm-c:together', 'm-d:together']);
  });
});
