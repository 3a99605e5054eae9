"""`starlint compare`: find the bank answer that tells the closest story, set the two side by side."""
