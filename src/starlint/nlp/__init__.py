"""The spaCy side: the pipeline (built once per process) and the components starlint adds."""
