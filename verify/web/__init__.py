"""The review desk (`verify serve`): server-rendered pages and a JSON API over the same library
calls as the CLI. Handlers parse, call the library, and render; no SQL here."""
