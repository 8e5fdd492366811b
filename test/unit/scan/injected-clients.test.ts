import * as assert from 'node:assert/strict';
import { calls, dedent } from './scan-helpers';

describe('scan: injected clients, stored and inherited model ids', () => {
  it('Python: the annotation names the SDK through Annotated/Optional/| None/quotes, past a Depends() default, or from what the dependency returns', async () => {
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

      def e(q, tg: "Together"):
          return tg.chat.completions.create(model="m-e", messages=[])

      def f(q, tg=Depends(get_client)):
          return tg.chat.completions.create(model="m-f", messages=[])
    `);
    const got = (await calls(src)).map((c) => `${c.model}:${c.provider}`);
    assert.deepEqual(got, ['m-a:together', 'm-b:together', 'm-c:together', 'm-d:together', 'm-e:together', 'm-f:together']);
  });

  it('Python: a model seeded once into st.session_state is read back; a slot written twice stays unknown', async () => {
    const src = dedent(`
      import streamlit as st
      from openai import OpenAI

      client = OpenAI()
      if "chat_model" not in st.session_state:
          st.session_state["chat_model"] = "gpt-4o-mini"
      st.session_state.alt = "gpt-4.1"
      st.session_state.alt = "o3"

      client.chat.completions.create(model=st.session_state["chat_model"], messages=[])
      client.chat.completions.create(model=st.session_state.chat_model, messages=[])
      client.chat.completions.create(model=st.session_state.alt, messages=[])
    `);
    const got = (await calls(src)).map((c) => `${c.model}(${c.modelSource})`);
    assert.deepEqual(got, ['gpt-4o-mini(constant)', 'gpt-4o-mini(constant)', 'null(unknown)']);
  });

  it('Python: self.model stored by a base class takes what the subclass passes to super().__init__ / Base.__init__', async () => {
    const src = dedent(`
      from openai import OpenAI

      class Base:
          def __init__(self, name, model):
              self.model = model
              self.client = OpenAI()

      class Positional(Base):
          def __init__(self):
              super().__init__("p", "gpt-4o-mini")
          def run(self):
              return self.client.chat.completions.create(model=self.model, messages=[])

      class Keyword(Base):
          def __init__(self, model="o3-mini"):
              Base.__init__(self, "k", model=model)
          def run(self):
              return self.client.chat.completions.create(model=self.model, messages=[])

      class Unbound(Base):
          def run(self):
              return self.client.chat.completions.create(model=self.model, messages=[])
    `);
    const got = (await calls(src)).map((c) => `${c.model}(${c.modelSource})`);
    assert.deepEqual(got, ['gpt-4o-mini(constant)', 'o3-mini(default)', 'null(unknown)']);
  });

  it('TypeScript: a base-class parameter property takes what the subclass passes to super(); without one it stays unknown', async () => {
    const src = dedent(`
      import OpenAI from "openai";
      class Base {
        protected client = new OpenAI();
        constructor(protected readonly label: string, protected readonly model: string) {}
      }
      class Fast extends Base {
        constructor() { super("fast", "gpt-4o-mini"); }
        run() { return this.client.chat.completions.create({ model: this.model, messages: [] }); }
      }
      class Open extends Base {
        run() { return this.client.chat.completions.create({ model: this.model, messages: [] }); }
      }
    `);
    const got = (await calls(src, 'typescript')).map((c) => c.model);
    assert.deepEqual(got, ['gpt-4o-mini', null]);
  });
});
