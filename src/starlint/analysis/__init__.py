"""Analyse parsed answers: run the pipeline over their blocks, attach sentences to parts,
and infer the parts of answers written without labels."""

from .analyse import analyse

__all__ = ["analyse"]
