"""Demo content: the bilingual site built from the seed text (shared/seed) and shared/CONTENT.md.

Every function here is idempotent: it looks for what it would create, by a stable key, and leaves
anything that exists alone, so running the loader again never overwrites what an editor changed.

Feature apps add their own content by shipping a `demo` module with a
`load(context: DemoContext) -> None` function; the loader discovers them (the core never names them).
"""
