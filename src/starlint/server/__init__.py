"""The editor face of starlint: a Language Server (`starlint lsp`) over the same engine as
the CLI. Imported only by `starlint lsp`, so the CLI never pays for pygls."""
