"""Demo content: the bilingual site built from the seed text (shared/seed) and shared/CONTENT.md.

Every function here is idempotent: it looks for what it would create, by a stable key. A page that
exists and that no editor has saved (all its revisions are the loader's) is brought up to date with
the current demo content, so `make run` on an existing database corrects what an earlier version of
the loader wrote; a page an editor has saved is never overwritten.

Feature apps add their own content by shipping a `demo` module with a
`load(context: DemoContext) -> None` function; the loader discovers them (the core never names them).
"""
